package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// yamlSuite is the YAML test suite (github.com/yaml/yaml-test-suite, data
// branch), kept outside the repository beside it.
const yamlSuite = "../../../shared/corpora/yaml-test-suite"

// acceptedInvalid lists the suite's invalid cases that yaml.v3 (v3.0.1)
// reads without complaint, so svccat accepts them too. They are listed,
// not hidden: the test fails when one of them starts being rejected, so
// the list stays true. None of them can smuggle a wrong value into a
// catalog past the schema: each is read as the text a reader would expect.
var acceptedInvalid = map[string]string{
	"9C9N":     "flow sequence continuation lines not indented",
	"9HCY":     "%TAG directive after a document without a ... end marker",
	"9JBA":     "comment without a space before it, after a flow sequence ([ a, b, c, ]#invalid)",
	"CVW2":     "comment without a space before it, inside a flow sequence (c,#invalid)",
	"DK95/01":  "tab as indentation in a double-quoted scalar's continuation line",
	"G5U8":     "plain '-' as a flow sequence entry ([-, -])",
	"HRE5":     `\' is not a valid escape in a double-quoted scalar`,
	"MUS6/00":  "comment without a space before it, after a %YAML directive",
	"QB6E":     "double-quoted scalar's continuation lines not indented",
	"S98Z":     "block scalar whose leading empty line is more indented than its content",
	"SU5Z":     `comment without a space before it, after a double-quoted scalar ("value"# invalid)`,
	"U99R":     "comma right after a tag in block context (!!str,)",
	"X4QW":     "comment without a space before it, after a block scalar indicator (>#)",
	"Y79Y/003": "tab as indentation inside a flow sequence",
	"YJV2":     "plain '-' as a flow sequence entry ([-])",
}

type suiteCase struct {
	id      string // folder below the suite, e.g. "229Q" or "SM9W/01"
	in      []byte
	invalid bool // a file named error sits beside in.yaml
}

func loadSuite(t *testing.T) []suiteCase {
	t.Helper()
	if _, err := os.Stat(yamlSuite); err != nil {
		t.Skipf("YAML test suite not found at %s (the repository's parent folder + shared/corpora): %v", yamlSuite, err)
	}
	var cases []suiteCase
	err := filepath.WalkDir(yamlSuite, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.Name() != "in.yaml" {
			return err
		}
		dir := filepath.Dir(p)
		id, _ := filepath.Rel(yamlSuite, dir)
		in, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_, errFile := os.Stat(filepath.Join(dir, "error"))
		cases = append(cases, suiteCase{id: filepath.ToSlash(id), in: in, invalid: errFile == nil})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].id < cases[j].id })
	if len(cases) < 300 {
		t.Fatalf("only %d cases found in %s; is the suite complete?", len(cases), yamlSuite)
	}
	return cases
}

// TestYAMLSuite parses every case of the YAML test suite: none panics,
// every problem is positioned on a line of the file, and every invalid
// case is rejected with a yaml-syntax problem, except the ones yaml.v3 is
// known to accept (acceptedInvalid).
func TestYAMLSuite(t *testing.T) {
	cases := loadSuite(t)
	invalid, rejected, validRejected := 0, 0, 0
	for _, c := range cases {
		docs, probs := Parse("in.yaml", c.in)
		lines := yamlLines(c.in)
		for _, p := range probs {
			if p.Kind != YAMLSyntax || p.Pos.File != "in.yaml" || p.Pos.Line < 1 || p.Pos.Line > lines || p.Pos.Col < 1 {
				t.Errorf("%s: problem badly positioned for a %d-line file: %+v", c.id, lines, p)
			}
		}
		if !c.invalid {
			// yaml.v3 also refuses some valid YAML (YAML 1.2 directives,
			// some edge cases of flow and block syntax); that is safe, and
			// counted only.
			if len(probs) > 0 {
				validRejected++
			}
			continue
		}
		invalid++
		reason, known := acceptedInvalid[c.id]
		switch {
		case len(probs) > 0 && known:
			t.Errorf("%s is now rejected (%s): remove it from acceptedInvalid (%q)", c.id, probs[0].Message, reason)
		case len(probs) == 0 && !known:
			t.Errorf("%s: invalid YAML accepted (%d documents):\n%s", c.id, len(docs), c.in)
		case len(probs) > 0:
			rejected++
		}
	}
	for id := range acceptedInvalid {
		found := false
		for _, c := range cases {
			found = found || c.id == id && c.invalid
		}
		if !found {
			t.Errorf("acceptedInvalid names %s, which is no invalid case of the suite", id)
		}
	}
	t.Logf("%d cases: %d invalid, %d of them rejected, %d accepted by yaml.v3 (listed); %d valid cases refused",
		len(cases), invalid, rejected, len(acceptedInvalid), validRejected)
}
