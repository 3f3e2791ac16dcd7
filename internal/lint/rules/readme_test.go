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
)

// TestREADMERules keeps the README's rule table, between the rules:begin
// and rules:end markers, generated from the rules' docs (the same table
// `svccat rules --format markdown` prints). With -update it rewrites that
// section, and only that section.
func TestREADMERules(t *testing.T) {
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

	var docs []render.RuleDoc
	for _, r := range All() {
		docs = append(docs, render.RuleDoc{Name: r.Name, Title: r.Title(), Body: r.Body(), Severity: r.Severity, Suppressible: r.Suppressible()})
	}
	var table bytes.Buffer
	if err := render.Rules(&table, "markdown", docs); err != nil {
		t.Fatal(err)
	}

	if got := readme[begin:end]; !bytes.Equal(got, table.Bytes()) {
		if !golden.Updating() {
			t.Errorf("the rule table in %s is stale (-README +generated):\n%s\nRun go test ./internal/lint/rules -run TestREADMERules -update to rewrite it.",
				path, cmp.Diff(string(got), table.String()))
			return
		}
		out := append(append(append([]byte{}, readme[:begin]...), table.Bytes()...), readme[end:]...)
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
