package rules

import (
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var MissingSLO = &lint.Rule{
	Name:     "missing-slo",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "a tier 0 or tier 1 service has no SLO",
		Why: `Tier 0 and tier 1 are the services the business cannot do without. If
nobody has agreed what "working" means for them (an availability or latency
objective), nobody can tell whether they are working, and the slo-infeasible
check cannot test what they promise against what their dependencies allow.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: general-ledger}
spec:
  type: business
  impact: {tier: 1, rto: 2h}
  # no slos:
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: general-ledger}
spec:
  type: business
  impact: {tier: 1, rto: 2h}
  slos:
    - {name: availability, indicator: availability, objective: 99.9, window: 30d}
`,
		Fix: "Agree an objective with the customers and add it under slos:.",
	},
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Services {
			if t := s.Impact.Tier; t != nil && *t <= 1 && len(s.SLOs) == 0 {
				p.Report(s, s.Impact.TierPos, "spec.slos", "tier %d service %q has no SLO: agree an objective with its customers and add it under slos:", *t, s.Name)
			}
		}
	},
}
