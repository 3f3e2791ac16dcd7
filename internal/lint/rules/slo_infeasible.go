package rules

import (
	"fmt"
	"strings"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var SLOInfeasible = &lint.Rule{
	Name:     "slo-infeasible",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "the product of the direct hard dependencies' availability objectives is below the service's availability objective",
		Why: `A service is up only when everything it hard-depends on is up, so (with
independent failures) its availability is at most the product of its direct
hard dependencies' availabilities. An objective above that product is a
promise the service breaks through no fault of its own. Dependencies without
an availability SLO are left out, soft dependencies do not count, and where a
dependency has several availability objectives the strictest counts. The
arithmetic is exact, with no floating point, and the figure is rounded down
so that "at most" stays true. The key is the SLO's name.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: corporate-email}
spec:
  type: business
  dependsOn: [mail-store]
  slos:
    - {name: availability, indicator: availability, objective: 99.95, window: 30d}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: mail-store}
spec:
  type: supporting
  slos:
    - {name: availability, indicator: availability, objective: 99.9, window: 30d}
# dependencies allow at most 99.9%, objective is 99.95%
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: corporate-email}
spec:
  type: business
  dependsOn: [mail-store]
  slos:
    - {name: availability, indicator: availability, objective: 99.9, window: 30d}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: mail-store}
spec:
  type: supporting
  slos:
    - {name: availability, indicator: availability, objective: 99.95, window: 30d}
`,
		Fix: `Lower the objective to what the dependencies allow, raise theirs (and
make sure they can keep it), or remove the dependency on a single instance
(a redundant pair that fails independently counts as one, far more available
dependency).`,
	},
	Run: func(p *lint.Pass) {
		hundred := decimal.FromInt(100)
		for _, s := range p.Catalog.Services {
			objective, ok := s.Availability()
			if !ok || objective.Sign() <= 0 {
				continue
			}
			product := decimal.FromInt(1)
			var terms []string
			for i, d := range s.DependsOn {
				if !d.Hard || d.To == nil || d.To == s || listedBefore(s.DependsOn[:i], d.To) {
					continue
				}
				a, ok := d.To.Availability()
				if !ok {
					continue
				}
				f, _ := a.Quo(hundred)
				product = product.Mul(f)
				terms = append(terms, fmt.Sprintf("%s %s%%", d.To.Name, a))
			}
			allowed := product.Mul(hundred)
			if len(terms) == 0 || allowed.Cmp(objective) >= 0 {
				continue
			}
			slo := availabilitySLO(s, objective)
			p.Report(s, slo.Pos, "spec.slos:"+sloName(slo), "dependencies allow at most %s%%, objective is %s%% (%s)",
				percentFloor(allowed, places(objective)), objective, strings.Join(terms, " × "))
		}
	},
}

// availabilitySLO returns the service's availability SLO with objective.
func availabilitySLO(s *catalog.Service, objective decimal.Decimal) catalog.SLO {
	for _, o := range s.SLOs {
		if o.Indicator == "availability" && o.Objective.Equal(objective) {
			return o
		}
	}
	return catalog.SLO{Pos: s.NamePos}
}

// sloName names an SLO in a finding's key: its name, else its
// indicator.
func sloName(o catalog.SLO) string {
	if o.Name != "" {
		return o.Name
	}
	return "availability"
}

// percentFloor writes v exactly when it has at most six decimals (or as
// many as the objective has), else rounded down to that many: "at most"
// must stay true, and a value below the objective must never print as the
// objective.
func percentFloor(v decimal.Decimal, min int) string {
	return floor(v, max(6, min)).String()
}

// listedBefore reports whether a hard dependency in deps leads to to: a
// dependency listed twice counts once. Lists are short; no map needed.
func listedBefore(deps []*catalog.Dependency, to *catalog.Service) bool {
	for _, d := range deps {
		if d.Hard && d.To == to {
			return true
		}
	}
	return false
}
