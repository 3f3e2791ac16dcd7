package rules

import (
	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/measure"
)

var ConsumptionVariance = &lint.Rule{
	Name:     "consumption-variance",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "the latest Measurement's consumption differs from plan by more than the threshold",
		Why: `The planned volume is what the unit cost and the price are worked out
from. When customers use much more or much less than planned, the unit cost
is wrong, the price recovers too much or too little, and capacity may run
out. The planned volume (per cost period) is converted to the
measurement's period (a month is a twelfth of a year, a quarter a third of
it) and compared with what was consumed; the finding fires when the
difference is strictly above thresholds.consumptionVariance percent
(default 20) in either direction. Only the latest measurement counts.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: corporate-email}
spec:
  type: business
  cost: {period: month, pools: {software: 8000}}
  consumption: {unit: mailbox, planned: 1200, price: 14.50}
---
apiVersion: svccat/v1
kind: Measurement
metadata: {name: corporate-email-2026-10}
spec: {service: corporate-email, period: 2026-10, consumed: 1500}
# 1500 is 25% above the 1200 planned for the month
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: corporate-email}
spec:
  type: business
  cost: {period: month, pools: {software: 8000}}
  consumption: {unit: mailbox, planned: 1500, price: 14.50}
---
apiVersion: svccat/v1
kind: Measurement
metadata: {name: corporate-email-2026-10}
spec: {service: corporate-email, period: 2026-10, consumed: 1500}
`,
		Fix: `Update the planned volume (and with it the unit cost and price) to what
customers really use, or find out why consumption moved. Raise
thresholds.consumptionVariance in the config if a wider band is normal for
the catalog.`,
	},
	Run: func(p *lint.Pass) {
		limit := p.Config.Thresholds.ConsumptionVariance
		latestFigures(p, func(s *catalog.Service, f measure.Figures) {
			if f.VariancePercent == nil || measure.Abs(*f.VariancePercent).Cmp(limit) <= 0 {
				return
			}
			m := f.Measurement
			dir := "above"
			if f.VariancePercent.Sign() < 0 {
				dir = "below"
			}
			unit := ""
			if s.Consumption != nil && s.Consumption.Unit != "" {
				unit = " " + s.Consumption.Unit
			}
			p.Report(s, m.ConsumedPos, "consumption", "service %s: consumed %s%s %s is %s%% %s the %s planned for the %s (threshold %s%%)",
				s.Name, m.Consumed.String(), unit, measurementOf(m), pct(measure.Abs(*f.VariancePercent)), dir,
				f.Planned.Round(2).String(), m.Period.Span(), pct(limit))
		})
	},
}
