package rules

import (
	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var UnderRecovery = &lint.Rule{
	Name:     "under-recovery",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "unit price is below the fully allocated unit cost",
		Why: `A service's full cost is its own cost plus its share of every supporting
service it depends on (the same step-down allocation svccat cost reports).
Divided by the planned volume, that is the unit cost. A price below it does
not recover the cost: every unit sold loses money, and the more customers
buy, the larger the gap somebody else's budget has to fill. Services without
a price or a planned volume (or a planned volume of 0) are not checked.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: payroll}
spec:
  type: business
  cost: {period: month, pools: {software: 4000, labor: 6000}}
  dependsOn: [ledger-db]
  consumption: {unit: payslip, planned: 900, price: 9.50}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: ledger-db}
spec:
  type: supporting
  cost: {period: month, pools: {hardware: 2500}}
# price 9.50 per payslip is below the fully allocated unit cost 13.89
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: payroll}
spec:
  type: business
  cost: {period: month, pools: {software: 4000, labor: 6000}}
  dependsOn: [ledger-db]
  consumption: {unit: payslip, planned: 900, price: 14.00}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: ledger-db}
spec:
  type: supporting
  cost: {period: month, pools: {hardware: 2500}}
`,
		Fix: `Raise the price to at least the unit cost, reduce the cost (its own or
what it uses of shared services), or, if the shortfall is deliberate (a
subsidised service), record why and suppress the finding with the
svccat.dev/ignore annotation.`,
	},
	Run: func(p *lint.Pass) {
		if !anyPriced(p.Catalog) {
			return // spare the allocation
		}
		alloc := cost.Allocate(p.Catalog, p.Config, "")
		minor := cost.MinorUnits(alloc.Currency)
		for _, sc := range alloc.Services {
			s := sc.Service
			if sc.UnitCost == nil || sc.Price == nil || s.Consumption == nil || sc.Price.Cmp(*sc.UnitCost) >= 0 {
				continue
			}
			price, unitCost := *sc.Price, *sc.UnitCost
			unit := ""
			if sc.Unit != "" {
				unit = " per " + sc.Unit
			}
			// Show the unit cost with enough decimals to tell it from the
			// price: 9.50 against 9.5012, not 9.50 against 9.50.
			n := max(minor, places(price))
			for n < 10 && unitCost.Fixed(n) == price.Fixed(n) {
				n++
			}
			recovers, _ := price.Quo(unitCost)
			p.Report(s, s.Consumption.Pos, "spec.consumption.price", "price %s%s is below the fully allocated unit cost %s (recovers %s%%)",
				price.Fixed(max(minor, places(price))), unit, unitCost.Fixed(n), floor(recovers.Mul(decimal.FromInt(100)), 1).Fixed(1))
		}
	},
}

// anyPriced reports whether some service has both a price and a planned
// volume, the only services under-recovery can check.
func anyPriced(c *catalog.Catalog) bool {
	for _, s := range c.Services {
		if s.Consumption != nil && s.Consumption.Price != nil && s.Consumption.Planned != nil {
			return true
		}
	}
	return false
}
