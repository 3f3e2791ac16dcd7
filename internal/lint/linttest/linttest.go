// Package linttest runs lint rules over fixture catalogs whose offending
// lines carry their expected findings, in the manner of analysistest:
//
//	dependsOn: [nope]   # want: unresolved-reference "no Service named \"nope\""
//
// A line may expect several findings (several want clauses). The check
// fails on a finding nobody expected and on an expectation no finding met.
package linttest

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

type expectation struct {
	file string
	line int
	rule string
	re   *regexp.Regexp
	met  bool
}

var wantRE = regexp.MustCompile(`want: ([a-z0-9-]+) ("(?:[^"\\]|\\.)*")`)

// Run loads the catalog at dir (a folder or file, with its .svccat.yaml if
// any), runs rules over it, and checks the findings against the want
// comments. It returns the findings for further checks.
func Run(t *testing.T, dir string, rules []*lint.Rule) []finding.Finding {
	t.Helper()
	cfg, err := config.Find("", []string{dir})
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	c := catalog.Load([]string{dir}, catalog.Options{})
	res, err := lint.Run(c, cfg, rules)
	if err != nil {
		t.Fatalf("lint: %v", err)
	}
	exps := expectations(t, c.Files)
	for _, f := range res.Findings {
		matched := false
		for _, e := range exps {
			if e.file == f.Pos.File && e.line == f.Pos.Line && e.rule == f.Rule && e.re.MatchString(f.Message) {
				e.met, matched = true, true
			}
		}
		if !matched {
			t.Errorf("%s: unexpected finding: %s: %s [%s]", f.Pos, f.Severity, f.Message, f.Rule)
		}
	}
	sort.Slice(exps, func(i, j int) bool {
		return exps[i].file < exps[j].file || exps[i].file == exps[j].file && exps[i].line < exps[j].line
	})
	for _, e := range exps {
		if !e.met {
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
			i := strings.Index(text, "# want:")
			if i < 0 {
				continue
			}
			for _, m := range wantRE.FindAllStringSubmatch(text[i:], -1) {
				pat, err := strconv.Unquote(m[2])
				if err != nil {
					t.Fatalf("%s:%d: bad want pattern %s: %v", file, line, m[2], err)
				}
				re, err := regexp.Compile(pat)
				if err != nil {
					t.Fatalf("%s:%d: bad want regexp %q: %v", file, line, pat, err)
				}
				out = append(out, &expectation{file: file, line: line, rule: m[1], re: re})
			}
		}
		f.Close()
	}
	return out
}
