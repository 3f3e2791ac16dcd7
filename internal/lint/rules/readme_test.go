package rules

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/svccat/svccat/internal/golden"
	"github.com/svccat/svccat/internal/render"
)

const (
	readmeBegin = "<!-- rules:begin -->\n"
	readmeEnd   = "<!-- rules:end -->"
	regenerate  = "SVCCAT_UPDATE=1 go test ./internal/lint/rules -run TestGeneratedDocs"
)

// TestGeneratedDocs keeps the copies of the rules' docs generated: the
// README's rule table, between the rules:begin and rules:end markers (the
// table `svccat rules --format markdown` prints), and doc/rules.md (every
// rule's `svccat rules ID` page). With SVCCAT_UPDATE=1 it rewrites them
// (the README only between the markers).
func TestGeneratedDocs(t *testing.T) {
	docs := render.RuleDocsOf(All())
	t.Run("README", func(t *testing.T) {
		path := filepath.Join("..", "..", "..", "README.md")
		readme, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		begin := bytes.Index(readme, []byte(readmeBegin))
		end := bytes.Index(readme, []byte(readmeEnd))
		if begin < 0 || end < begin {
			t.Fatalf("%s has no %q ... %q section for the rule table", path, readmeBegin[:len(readmeBegin)-1], readmeEnd)
		}
		begin += len(readmeBegin)
		var table bytes.Buffer
		if err := render.Rules(&table, "markdown", docs); err != nil {
			t.Fatal(err)
		}
		out := append(append(append([]byte{}, readme[:begin]...), table.Bytes()...), readme[end:]...)
		check(t, path, readme, out)
	})
	t.Run("doc/rules.md", func(t *testing.T) {
		path := filepath.Join("..", "..", "..", "doc", "rules.md")
		old, err := os.ReadFile(path)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		var page bytes.Buffer
		if err := render.RulesReference(&page, docs); err != nil {
			t.Fatal(err)
		}
		check(t, path, old, page.Bytes())
	})
}

// check compares a generated file's content with what it should be, and
// rewrites it when updating.
func check(t *testing.T, path string, old, want []byte) {
	t.Helper()
	if bytes.Equal(old, want) {
		return
	}
	if !golden.Updating() {
		t.Errorf("%s is stale (-file +generated):\n%s\nRun %s to regenerate it.", path, cmp.Diff(string(old), string(want)), regenerate)
		return
	}
	if err := os.WriteFile(path, want, 0o644); err != nil {
		t.Fatal(err)
	}
}
