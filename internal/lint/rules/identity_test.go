package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/load"

	"github.com/google/go-cmp/cmp"

	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var docSeparator = regexp.MustCompile(`(?m)^---[ \t]*$`)

// TestIdentityIgnoresLayout moves every entity of each rule fixture (and
// of examples/needs-work) into one other file, lines further down, in
// their order and in reverse order, and checks that the findings keep
// their identities: a finding's identity is (rule, entity, key), never
// its file or position. (Reversing is left out where names are
// duplicated: which entity is the duplicate depends on the order.)
func TestIdentityIgnoresLayout(t *testing.T) {
	dirs := []string{filepath.Join("..", "..", "..", "examples", "needs-work")}
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, fixtures(t, filepath.Join("testdata", e.Name()))...)
		}
	}
	for _, dir := range dirs {
		t.Run(dir, func(t *testing.T) {
			before, files := identities(t, dir)
			var docs []string
			for _, f := range files {
				data, err := os.ReadFile(filepath.FromSlash(f))
				if err != nil {
					t.Fatal(err)
				}
				for _, d := range docSeparator.Split(string(data), -1) {
					if strings.TrimSpace(d) != "" {
						docs = append(docs, strings.Trim(d, "\n")+"\n")
					}
				}
			}
			orders := []string{"in order", "in reverse order"}
			if slices.ContainsFunc(before, func(id string) bool { return strings.HasPrefix(id, "duplicate-name ") }) {
				orders = orders[:1]
			}
			for _, order := range orders {
				if order == "in reverse order" {
					slices.Reverse(docs)
				}
				moved := filepath.Join(t.TempDir(), "moved")
				if err := os.MkdirAll(moved, 0o755); err != nil {
					t.Fatal(err)
				}
				text := "# every document of " + dir + ", " + order + "\n\n\n\n" + strings.Join(docs, "---\n\n")
				if err := os.WriteFile(filepath.Join(moved, "all-in-one.yaml"), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				if cfg, err := os.ReadFile(filepath.Join(dir, ".svccat.yaml")); err == nil {
					if err := os.WriteFile(filepath.Join(moved, ".svccat.yaml"), cfg, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				after, _ := identities(t, moved)
				if diff := cmp.Diff(before, after); diff != "" {
					t.Errorf("identities changed when the entities moved into one file %s (-before +after):\n%s", order, diff)
				}
			}
		})
	}
}

// identities lints dir with every rule and returns the identities of its
// findings about entities, sorted, and the catalog's files.
func identities(t *testing.T, dir string) ([]string, []string) {
	t.Helper()
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		t.Skipf("%s is not a folder", dir)
	}
	cfg, err := load.Config("", []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	c := load.Catalog([]string{dir}, load.Options{})
	res, err := lint.Run(c, cfg, All())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range res.Findings {
		if f.Entity == "" {
			continue // about a file: its path is its identity
		}
		out = append(out, identityText(f))
	}
	slices.Sort(out)
	return out, c.Files
}

func identityText(f finding.Finding) string {
	id := f.Identity()
	return id.Rule + " " + id.Subject + " " + id.Key
}
