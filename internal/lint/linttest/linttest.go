// Package linttest runs lint rules over fixture catalogs whose offending
// lines carry their expected findings, in the manner of analysistest:
//
//	dependsOn: [nope]   # want: unresolved-reference "no Service named \"nope\""
//
// A line may expect several findings (several clauses after one "want:").
// A clause is a rule id and a quoted message regexp, optionally followed
// by key "KEY" (the finding's exact key):
//
//	owner: nobody       # want: unresolved-reference "no Team" key "owner:nobody"
//
// The check is strict: it fails on a finding nobody expected, on an
// expectation no finding met, on a finding without a key, on a want
// comment it cannot read, and on a load problem (a schema violation, say)
// that the rules under test would not report, so a broken fixture never
// passes by dropping what is wrong with it.
package linttest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/load"

	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

type expectation struct {
	file string
	line int
	rule string
	re   *regexp.Regexp
	// key is the expected key; "" expects none in particular.
	key string
	met bool
}

// marker starts a want comment; a line with "# want" that does not go on
// as a well-formed comment is an error, not a comment the check skips.
const marker = "# want"

// Run loads the catalog at dir (a folder or file, with its .svccat.yaml if
// any), runs rules over it, and checks the findings against the want
// comments. It returns the findings for further checks.
func Run(t *testing.T, dir string, rules []*lint.Rule) []finding.Finding {
	t.Helper()
	cfg, err := load.Config("", []string{dir})
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	c := load.Catalog([]string{dir}, load.Options{})
	res, err := lint.Run(c, cfg, rules)
	if err != nil {
		t.Fatalf("lint: %v", err)
	}
	exps := expectations(t, c.Files)
	check := func(f finding.Finding, what string) {
		matched := false
		for _, e := range exps {
			if e.file == f.Pos.File && e.line == f.Pos.Line && e.rule == f.Rule && e.re.MatchString(f.Message) && (e.key == "" || e.key == f.Key) {
				e.met, matched = true, true
			}
		}
		if !matched {
			t.Errorf("%s: unexpected %s: %s: %s [%s] (key %q)", f.Pos, what, f.Severity, f.Message, f.Rule, f.Key)
		}
	}
	for _, f := range res.Findings {
		if f.Key == "" {
			t.Errorf("%s: finding without a key: %s [%s]", f.Pos, f.Message, f.Rule)
		}
		check(f, "finding")
	}
	// Load problems of rules not under test would be dropped by lint.Run:
	// they are part of the fixture's outcome all the same.
	tested := map[string]bool{}
	for _, r := range rules {
		tested[r.Name] = true
	}
	for _, p := range c.Problems {
		if !tested[p.Rule] {
			check(finding.Finding{Rule: p.Rule, Severity: finding.Error, Pos: p.Pos, Entity: p.Entity, Key: p.Key, Message: p.Message}, "load problem")
		}
	}
	sort.Slice(exps, func(i, j int) bool {
		return exps[i].file < exps[j].file || exps[i].file == exps[j].file && exps[i].line < exps[j].line
	})
	for _, e := range exps {
		if !e.met {
			if e.key != "" {
				t.Errorf("%s:%d: no %s finding matching %q with key %q", e.file, e.line, e.rule, e.re, e.key)
				continue
			}
			t.Errorf("%s:%d: no %s finding matching %q", e.file, e.line, e.rule, e.re)
		}
	}
	return res.Findings
}

func expectations(t *testing.T, files []string) []*expectation {
	t.Helper()
	var out []*expectation
	for _, file := range files {
		f, err := os.Open(filepath.FromSlash(file))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for line := 1; sc.Scan(); line++ {
			text := sc.Text()
			i := strings.Index(text, marker)
			if i < 0 {
				continue
			}
			exps, err := parseWant(text[i+len(marker):])
			if err != nil {
				t.Errorf("%s:%d: malformed want comment %q: %v", file, line, text[i:], err)
				continue
			}
			for _, e := range exps {
				e.file, e.line = file, line
				out = append(out, e)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
	}
	return out
}

var (
	ruleRE   = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*`)
	quotedRE = regexp.MustCompile(`^"(?:[^"\\]|\\.)*"`)
)

// parseWant reads what follows "# want": a colon, then one or more
// clauses `rule "regexp"` or `rule "regexp" key "key"`, separated by
// spaces, and nothing else.
func parseWant(s string) ([]*expectation, error) {
	s, ok := strings.CutPrefix(s, ":")
	if !ok {
		return nil, fmt.Errorf(`want "# want:" followed by clauses`)
	}
	var out []*expectation
	quoted := func() (string, error) {
		m := quotedRE.FindString(s)
		if m == "" {
			return "", fmt.Errorf("want a double-quoted string at %q", s)
		}
		s = strings.TrimLeft(s[len(m):], " \t")
		return strconv.Unquote(m)
	}
	for s = strings.TrimLeft(s, " \t"); s != ""; {
		if rest, ok := strings.CutPrefix(s, marker+":"); ok && len(out) > 0 {
			// A second "# want:" on the line starts more clauses.
			s = strings.TrimLeft(rest, " \t")
			continue
		}
		rule := ruleRE.FindString(s)
		if rule == "" {
			return nil, fmt.Errorf("want a rule id at %q", s)
		}
		s = strings.TrimLeft(s[len(rule):], " \t")
		pat, err := quoted()
		if err != nil {
			return nil, err
		}
		re, err := regexp.Compile(pat)
		if err != nil {
			return nil, fmt.Errorf("bad regexp %q: %v", pat, err)
		}
		e := &expectation{rule: rule, re: re}
		if rest, ok := strings.CutPrefix(s, "key "); ok {
			s = strings.TrimLeft(rest, " \t")
			if e.key, err = quoted(); err != nil {
				return nil, err
			}
			if e.key == "" {
				return nil, fmt.Errorf("empty key")
			}
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no clause")
	}
	return out, nil
}
