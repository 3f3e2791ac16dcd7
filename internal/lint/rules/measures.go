package rules

import (
	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/measure"
)

// latestFigures calls f with each measured service's figures from its
// latest measurement: the three measurement rules look at nothing else.
func latestFigures(p *lint.Pass, f func(s *catalog.Service, fig measure.Figures)) {
	for _, s := range p.Catalog.Services {
		if !canonical(p.Catalog, s) {
			continue
		}
		if m := measure.Latest(s); m != nil {
			f(s, measure.Measure(s, m, p.Config))
		}
	}
}

// pct writes a percent with at most two decimals, trailing zeros dropped:
// 99.95, 20, 12.5.
func pct(d decimal.Decimal) string { return d.Round(2).String() }

// measurementOf names the measurement a finding comes from.
func measurementOf(m *catalog.Measurement) string {
	return "in " + m.Period.String() + " (Measurement " + m.Name + ")"
}
