package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/svccat/svccat/internal/load"

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
		RPOInfeasible,
		SLOInfeasible,
		MissingSLO,
		MissingOncall,
		DependsOnRetired,
		DependsOnPipeline,
		MissingCost,
		CurrencyMismatch,
		UnderRecovery,
		UnknownCostPool,
		DuplicateReference,
		SLOMissed,
		ConsumptionVariance,
		LowSatisfaction,
		UncoveredStakeholder,
		SingleThreadedStakeholder,
		StaleRelationship,
		SegmentWithoutStakeholder,
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
		"file", "yaml-syntax", "schema", "duplicate-name",
		"unresolved-reference", "dependency-cycle", "internal-focus",
		"untraced-service", "orphan-supporting-service",
		"segment-without-persona", "market-without-segment",
		"market-incomplete", "missing-owner", "impact-inversion",
		"rto-infeasible", "rpo-infeasible", "slo-infeasible", "missing-slo",
		"missing-oncall", "depends-on-retired", "depends-on-pipeline", "missing-cost",
		"currency-mismatch", "under-recovery", "unknown-cost-pool",
		"slo-missed", "consumption-variance", "low-satisfaction",
		"uncovered-stakeholder", "single-threaded-stakeholder",
		"stale-relationship", "segment-without-stakeholder",
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
// prints: a lower-case title, why, a bad and a good example (but the
// loader's rules with nothing to show), and the fix; prose sections are
// sentences.
func TestDocs(t *testing.T) {
	for _, r := range All() {
		d := r.Doc
		if d.Title == "" || strings.ToLower(d.Title[:1]) != d.Title[:1] || strings.HasSuffix(d.Title, ".") || strings.Contains(d.Title, "\n") {
			t.Errorf("%s: title %q: want one lower-case line without a full stop", r.Name, d.Title)
		}
		for label, prose := range map[string]string{"Why": d.Why, "Fix": d.Fix} {
			if prose == "" || strings.ToUpper(prose[:1]) != prose[:1] && !strings.HasPrefix(prose, "svccat") {
				t.Errorf("%s: %s %q: want a capitalised sentence", r.Name, label, prose)
			}
		}
		if r != File && (d.Bad == "" || d.Good == "") {
			t.Errorf("%s: doc has no Bad or no Good example", r.Name)
		}
	}
}

// TestDocExamples lints each rule's examples with every rule: the bad one
// must give a finding of the rule, the good one none, so that no doc
// shows an example the rule does not treat as it says.
func TestDocExamples(t *testing.T) {
	for _, r := range All() {
		if r.Doc.Bad == "" {
			continue
		}
		t.Run(r.Name, func(t *testing.T) {
			for _, ex := range []struct {
				name, yaml string
				want       bool
			}{{"bad", r.Doc.Bad, true}, {"good", r.Doc.Good, false}} {
				file := filepath.Join(t.TempDir(), ex.name+".yaml")
				if err := os.WriteFile(file, []byte(ex.yaml), 0o644); err != nil {
					t.Fatal(err)
				}
				// Examples with dates are read as of the day they were
				// written.
				cfg := config.Default()
				cfg.AsOf = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
				res, err := lint.Run(load.Catalog([]string{file}, load.Options{}), cfg, All())
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, f := range res.Findings {
					if f.Rule == r.Name {
						got = append(got, f.String())
					}
				}
				if ex.want && len(got) == 0 {
					t.Errorf("the Bad example gives no %s finding:\n%s", r.Name, ex.yaml)
				}
				if !ex.want && len(got) > 0 {
					t.Errorf("the Good example gives %s findings:\n%s\n%s", r.Name, strings.Join(got, "\n"), ex.yaml)
				}
			}
		})
	}
}

func lintExample(t *testing.T, name string) []finding.Finding {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "examples", name)
	cfg, err := load.Config("", []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(load.Catalog([]string{dir}, load.Options{}), cfg, All())
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
		if r != File && r != YAMLSyntax && !seen[r.Name] {
			t.Errorf("examples/needs-work shows no %s finding", r.Name)
		}
	}
}
