package measure_test

import (
	"os"
	"testing"

	"github.com/svccat/svccat/internal/catalogtest"
	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/lint/rules"
	"github.com/svccat/svccat/internal/load"
	"github.com/svccat/svccat/internal/measure"
)

// BenchmarkReports measures svccat review and svccat relationships after
// loading, on a generated catalog of 10,000 services with a stakeholder
// per segment (15,000) and three months of measurements per business
// service (6,000). The target is 200 ms each.
func BenchmarkReports(b *testing.B) {
	dir, err := os.MkdirTemp("", "svccat-measure-bench-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if _, err := catalogtest.Write(dir, catalogtest.Options{Services: 10000, Relationships: true}); err != nil {
		b.Fatal(err)
	}
	cfg, err := load.Config("", []string{dir})
	if err != nil {
		b.Fatal(err)
	}
	l := load.Catalog([]string{dir}, load.Options{})
	c := l.Catalog
	if len(l.Problems) > 0 {
		b.Fatalf("the generated catalog does not load: %v", l.Problems[0])
	}
	res, err := lint.Run(l, cfg, rules.All())
	if err != nil {
		b.Fatal(err)
	}
	findings := measure.PolicyFindings(res.Findings)
	b.Run("review", func(b *testing.B) {
		for b.Loop() {
			report, err := cost.NewUnitReport(cost.Allocate(c, cfg, ""))
			if err != nil {
				b.Fatal(err)
			}
			r := measure.NewReview(c, cfg, report, nil, measure.ReviewOptions{Findings: findings})
			if len(r.Rows) != 2000 {
				b.Fatalf("%d rows, want 2000", len(r.Rows))
			}
		}
	})
	b.Run("review-by-segment", func(b *testing.B) {
		for b.Loop() {
			a := cost.Allocate(c, cfg, "")
			report, _ := cost.NewUnitReport(a)
			grouped, _ := cost.NewReport(a, cost.BySegment)
			measure.NewReview(c, cfg, report, grouped, measure.ReviewOptions{By: measure.BySegment, Findings: findings})
		}
	})
	b.Run("relationships", func(b *testing.B) {
		for b.Loop() {
			m := measure.Relationships(c, cfg)
			if m.Summary.Scope != 15000 {
				b.Fatalf("scope %d", m.Summary.Scope)
			}
		}
	})
	b.Run("relationships-by-segment", func(b *testing.B) {
		for b.Loop() {
			measure.Relationships(c, cfg).BySegment(c)
		}
	})
	measureRules := []*lint.Rule{rules.SLOMissed, rules.ConsumptionVariance, rules.LowSatisfaction, rules.UncoveredStakeholder,
		rules.SingleThreadedStakeholder, rules.StaleRelationship, rules.SegmentWithoutStakeholder}
	b.Run("seven-rules", func(b *testing.B) {
		for b.Loop() {
			if _, err := lint.Run(l, cfg, measureRules); err != nil {
				b.Fatal(err)
			}
		}
	})
}
