package rules

import (
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var MissingCost = &lint.Rule{
	Name:     "missing-cost",
	Severity: finding.Info,
	Doc: `a service has no cost

Why: the cost report allocates supporting services' cost to the business
services that use them and compares each business service's unit cost with
its price. A service without a cost counts as free: its own cost is missing
from the totals, and every unit cost it contributes to is too low.

Example:

    metadata: {name: team-calendar}
    spec:
      type: business
      # no cost:

Fix: add its cost per period by cost pool:

    cost:
      currency: USD
      period: month
      pools: {software: 600, labor: 400}`,
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Services {
			switch {
			case s.Cost == nil:
				p.Reportf(s, s.NamePos, "service %q has no cost: add cost: with its cost per period by cost pool", s.Name)
			case len(s.Cost.Pools) == 0:
				p.Reportf(s, s.Cost.Pos, "service %q has a cost without pools: add its amounts under cost.pools", s.Name)
			}
		}
	},
}
