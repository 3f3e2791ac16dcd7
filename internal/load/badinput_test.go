package load_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/load"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/lint/rules"
	"github.com/svccat/svccat/internal/source"
)

const goodTeam = "apiVersion: svccat/v1\nkind: Team\nmetadata: {name: ops}\n"

// badFiles holds one file per kind of bad input (SPEC §5) and the one
// problem each must produce: rule, line, column (0: the whole file) and
// message.
var badFiles = []struct {
	name, data string
	rule       string
	line, col  int
	msg        string
}{
	{"malformed.yaml", "apiVersion: svccat/v1\nkind: Team\nmetadata: {name: x\n", "yaml-syntax", 3, 1, `^malformed YAML: did not find expected ',' or '}'$`},
	{"bomb.yaml", billionLaughsTeam, "yaml-syntax", 12, 15, `alias bomb`},
	{"latin1.yaml", "apiVersion: svccat/v1\nkind: Team\nmetadata: {name: caf\xe9}\n", "yaml-syntax", 3, 21, `^file is not valid UTF-8 \(byte 0xe9 at offset 53\); save it as UTF-8$`},
	{"big.yaml", goodTeam + strings.Repeat("#", 40000) + "\n", "file", 1, 1, `^file is 39\.1 KiB, larger than the 32\.0 KiB limit \(raise limits\.fileBytes in the config or --max-file-size\)$`},
	{"deep.yaml", strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n", "yaml-syntax", 1, 66, `^document is nested more than 64 levels deep$`},
	{"dupkeys.yaml", "apiVersion: svccat/v1\nkind: Team\nmetadata:\n  name: a\n  name: b\n", "yaml-syntax", 5, 3, `^duplicate key "name" \(first at line 4\)$`},
	{"unknown-field.yaml", "apiVersion: svccat/v1\nkind: Team\nmetadata: {name: t1}\nspec: {contakt: x}\n", "schema", 4, 8, `^unknown field "contakt" in spec \(did you mean "contact"\?\)$`},
	{"wrong-type.yaml", "apiVersion: svccat/v1\nkind: Segment\nmetadata: {name: s1}\nspec: {market: [m]}\n", "schema", 4, 16, `^spec\.market: want a string, got a list$`},
	{"negative-money.yaml", service("cost: {pools: {hardware: -0.01}}"), "schema", 6, 28, `^spec\.cost\.pools\.hardware: -0\.01 is out of range: must be at least 0$`},
	{"objective-100.yaml", service("slos: [{name: a, indicator: availability, objective: 100}]"), "schema", 6, 56, `^spec\.slos\[0\]\.objective: 100 is out of range: must be less than 100$`},
	{"objective-120.yaml", service("slos: [{name: a, indicator: availability, objective: 120.0}]"), "schema", 6, 56, `^spec\.slos\[0\]\.objective: 120\.0 is out of range: must be less than 100$`},
}

func service(spec string) string {
	return "apiVersion: svccat/v1\nkind: Service\nmetadata: {name: svc}\nspec:\n  type: supporting\n  " + spec + "\n"
}

const billionLaughsTeam = `apiVersion: svccat/v1
kind: Team
metadata:
  name: lol
  labels:
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
`

// TestBadInput loads one catalog holding every kind of bad input at once:
// each file gets exactly its one positioned problem, nothing panics, and
// the good file beside them is loaded.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range badFiles {
		if err := os.WriteFile(filepath.Join(dir, f.name), []byte(f.data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile("good.yaml", []byte(goodTeam), 0o644); err != nil {
		t.Fatal(err)
	}
	loop := os.Symlink(".", "loop") == nil

	c := load.Catalog([]string{"."}, load.Options{Limits: source.Limits{FileBytes: 32 << 10}})

	got := map[string][]load.Problem{}
	for _, p := range c.Problems {
		got[p.Pos.File] = append(got[p.Pos.File], p)
	}
	for _, f := range badFiles {
		ps := got[f.name]
		if len(ps) != 1 {
			t.Errorf("%s: %d problems %v, want 1", f.name, len(ps), ps)
			continue
		}
		p := ps[0]
		if p.Rule != f.rule || p.Pos.Line != f.line || p.Pos.Col != f.col || !regexp.MustCompile(f.msg).MatchString(p.Message) {
			t.Errorf("%s: got %s: %s [%s]\nwant line %d col %d, %s matching %s", f.name, p.Pos, p.Message, p.Rule, f.line, f.col, f.rule, f.msg)
		}
		delete(got, f.name)
	}
	if loop {
		if ps := got["loop"]; len(ps) != 1 || ps[0].Message != "symlink loop: loop leads back to a folder above it; skipped" {
			t.Errorf("loop: got %v", ps)
		}
		delete(got, "loop")
	}
	for file, ps := range got {
		t.Errorf("%s: unexpected problems %v", file, ps)
	}
	if c.Team("ops") == nil {
		t.Error("good.yaml was not loaded")
	}
}

// TestEveryFindingIsPositioned: over a catalog full of schema violations,
// every rule there is — whatever rules exist — reports at a line and
// column, and an entity without a name is not in the catalog to be
// reported without one.
func TestEveryFindingIsPositioned(t *testing.T) {
	c := load.Catalog([]string{"testdata/violations"}, load.Options{})
	c.Each(func(e catalog.Named) {
		if e.Meta().Name == "" {
			t.Errorf("a nameless %s from %s is in the catalog", e.Meta().Kind, e.Meta().Pos)
		}
	})
	res, err := lint.Run(c, config.Default(), rules.All())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Pos.File == "" || f.Pos.Line < 1 || f.Pos.Col < 1 {
			t.Errorf("finding without a position: %s: %s [%s]", f.Pos, f.Message, f.Rule)
		}
	}
}
