package rules

import (
	"fmt"
	"strings"

	"github.com/svccat/svccat/internal/duration"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var ImpactInversion = &lint.Rule{
	Name:     "impact-inversion",
	Severity: finding.Error,
	Doc: lint.Doc{
		Title: "a service hard-depends on a service that declares a less critical tier or a longer RTO",
		Why: `A service cannot be back before the services it hard-depends on. When a
tier-1 service with a 4h RTO hard-depends on a service declared tier 3 with a
2d RTO, the declarations contradict each other: restore teams who follow the
tiers restore the dependency late, and the tier-1 service misses its RTO.
svccat reports the inversion on the dependent service, at the dependsOn
entry; only values both sides declare are compared. The key is the
dependency's name.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: corporate-email}
spec:
  type: business
  impact: {tier: 1, rto: 4h}
  dependsOn: [mail-store]
---
apiVersion: svccat/v1
kind: Service
metadata: {name: mail-store}
spec:
  type: supporting
  impact: {tier: 3, rto: 2d}     # less critical than what depends on it
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: corporate-email}
spec:
  type: business
  impact: {tier: 1, rto: 4h}
  dependsOn: [mail-store]
---
apiVersion: svccat/v1
kind: Service
metadata: {name: mail-store}
spec:
  type: supporting
  impact: {tier: 1, rto: 2h}
`,
		Fix: `Raise the dependency's tier and shorten its RTO to at least the
dependent's, or, if the service can work without it for a while, make the
dependency soft (type: soft).`,
	},
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Services {
			for _, d := range s.DependsOn {
				if !d.Hard || d.To == nil || d.To == s {
					continue
				}
				from, to := s.Impact, d.To.Impact
				tiers := from.Tier != nil && to.Tier != nil
				rtos := from.RTO.Set && to.RTO.Set
				tierInverted := tiers && *to.Tier > *from.Tier
				rtoInverted := rtos && to.RTO.D > from.RTO.D
				if !tierInverted && !rtoInverted {
					continue
				}
				// Name both sides of what was compared, and what would fix it.
				var own, dep, fix []string
				if tiers {
					own = append(own, fmt.Sprintf("tier %d", *from.Tier))
					dep = append(dep, fmt.Sprintf("tier %d", *to.Tier))
				}
				if tierInverted {
					fix = append(fix, fmt.Sprintf("tier %d", *from.Tier))
				}
				if rtos {
					own = append(own, "RTO "+duration.Format(from.RTO.D))
					dep = append(dep, "RTO "+duration.Format(to.RTO.D))
				}
				if rtoInverted {
					fix = append(fix, "an RTO of at most "+duration.Format(from.RTO.D))
				}
				p.Report(s, d.Pos, "dependsOn:"+d.To.Name, "%q (%s) hard-depends on %q (%s), which is less critical: give %s %s, or make the dependency soft",
					s.Name, strings.Join(own, ", "), d.To.Name, strings.Join(dep, ", "), d.To.Name, andList(fix))
			}
		}
	},
}
