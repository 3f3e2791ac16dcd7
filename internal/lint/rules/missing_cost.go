package rules

import (
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var MissingCost = &lint.Rule{
	Name:     "missing-cost",
	Severity: finding.Info,
	Doc: lint.Doc{
		Title: "a service has no cost",
		Why: `The cost report allocates supporting services' cost to the business
services that use them and compares each business service's unit cost with
its price. A service without a cost counts as free: its own cost is missing
from the totals, and every unit cost it contributes to is too low. A cost
without pools counts as none; a pool of 0 is a cost.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: team-calendar}
spec:
  type: business
  # no cost:
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: team-calendar}
spec:
  type: business
  cost:
    currency: USD
    period: month
    pools: {software: 600, labor: 400}
`,
		Fix: "Add its cost per period by cost pool.",
	},
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Services {
			switch {
			case s.Cost == nil:
				p.Report(s, s.NamePos, "spec.cost", "service %q has no cost: add cost: with its cost per period by cost pool", s.Name)
			case len(s.Cost.Pools) == 0:
				p.Report(s, s.Cost.Pos, "spec.cost.pools", "service %q has a cost without pools: add its amounts under cost.pools", s.Name)
			}
		}
	},
}
