package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/lint/linttest"
)

// TestRules runs each rule over its fixture catalog in testdata/<rule-id>
// (or, where a rule needs several configs, over each folder in it), whose
// offending lines carry the expected findings and whose other entities
// must not be flagged.
func TestRules(t *testing.T) {
	for _, r := range []*lint.Rule{
		DuplicateName,
		UnresolvedReference,
		DependencyCycle,
		InternalFocus,
		UntracedService,
		OrphanSupportingService,
		SegmentWithoutPersona,
		MarketWithoutSegment,
		MarketIncomplete,
		MissingOwner,
		ImpactInversion,
		RTOInfeasible,
		SLOInfeasible,
		MissingSLO,
		MissingCost,
		CurrencyMismatch,
		UnderRecovery,
		UnknownCostPool,
		DuplicateReference,
	} {
		t.Run(r.Name, func(t *testing.T) {
			for _, dir := range fixtures(t, filepath.Join("testdata", r.Name)) {
				linttest.Run(t, dir, []*lint.Rule{r})
			}
		})
	}
}

// fixtures returns the catalogs in dir: its folders, or dir itself when
// it has none.
func fixtures(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	if len(out) == 0 {
		out = []string{dir}
	}
	return out
}

// TestAllOrder pins the rule list to the order of SPEC §4's table, which
// `svccat rules` and the README follow; svccat's own rules come after it.
func TestAllOrder(t *testing.T) {
	want := []string{
		"unreadable-file", "yaml-syntax", "schema", "duplicate-name",
		"unresolved-reference", "dependency-cycle", "internal-focus",
		"untraced-service", "orphan-supporting-service",
		"segment-without-persona", "market-without-segment",
		"market-incomplete", "missing-owner", "impact-inversion",
		"rto-infeasible", "slo-infeasible", "missing-slo", "missing-cost",
		"currency-mismatch", "under-recovery", "unknown-cost-pool",
		"duplicate-reference", // not in the spec's table: after it
		"suppression-without-reason", "unused-suppression", "suppression-unknown-rule",
	}
	var got []string
	for _, r := range All() {
		got = append(got, r.Name)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("All() = %v\nwant     %v", got, want)
	}
}

// TestDocs checks every rule's doc has the structure `svccat rules ID`
// prints: a lower-case title, then why, an example and the fix.
func TestDocs(t *testing.T) {
	for _, r := range All() {
		title := r.Title()
		if title == "" || strings.ToLower(title[:1]) != title[:1] || strings.HasSuffix(title, ".") {
			t.Errorf("%s: title %q: want a lower-case title without a full stop", r.Name, title)
		}
		body := r.Body()
		sections := []string{"Why:", "Example:", "Fix:"}
		if r.Run == nil {
			sections = []string{"Why:", "Fix:"} // the loader's rules
		}
		at := -1
		for _, s := range sections {
			i := strings.Index(body, "\n"+s)
			if strings.HasPrefix(body, s) {
				i = 0
			}
			if i < 0 || i < at {
				t.Errorf("%s: doc has no %q section after the previous one", r.Name, s)
			}
			at = i
		}
	}
}

func lintExample(t *testing.T, name string) []finding.Finding {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "examples", name)
	cfg, err := config.Find("", []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(catalog.Load([]string{dir}, catalog.Options{}), cfg, All())
	if err != nil {
		t.Fatal(err)
	}
	return res.Findings
}

// TestAcmeIsClean keeps the example users copy from free of findings.
func TestAcmeIsClean(t *testing.T) {
	for _, f := range lintExample(t, "acme") {
		t.Errorf("examples/acme: %s", f)
	}
}

// TestNeedsWorkShowsEveryRule keeps the catalog of typical mistakes
// showing each rule a well-formed catalog can break.
func TestNeedsWorkShowsEveryRule(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range lintExample(t, "needs-work") {
		seen[f.Rule] = true
	}
	for _, r := range All() {
		if r != UnreadableFile && r != YAMLSyntax && !seen[r.Name] {
			t.Errorf("examples/needs-work shows no %s finding", r.Name)
		}
	}
}
