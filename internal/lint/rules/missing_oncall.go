package rules

import (
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var MissingOncall = &lint.Rule{
	Name:     "missing-oncall",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "a tier 0 or tier 1 service's crew team has no on-call",
		Why: `In a disaster the restore plan names, for every step, whom to page. For
the most critical services that must be someone reachable at 3 a.m., not a
mailbox: the team that restores the service (restore.crew, else the owner)
needs an oncall.`,
		Bad: `apiVersion: svccat/v1
kind: Team
metadata: {name: payments}
spec: {contact: payments@example.com}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: card-payments}
spec:
  type: business
  owner: payments
  impact: {tier: 0}
`,
		Good: `apiVersion: svccat/v1
kind: Team
metadata: {name: payments}
spec:
  contact: payments@example.com
  oncall: https://pager.example.com/schedules/payments
`,
		Fix: "Add spec.oncall (a pager schedule, phone number or alias) to the team, or give the service a restore.crew that has one.",
	},
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Services {
			t := s.CrewTeam()
			if s.IsRetired() || t == nil || t.Oncall != "" || s.Impact.Tier == nil || *s.Impact.Tier > 1 || !canonical(p.Catalog, s) {
				continue
			}
			at, field := s.Owner.Pos, "owner"
			if s.Restore.CrewRef.Name != "" {
				at, field = s.Restore.CrewRef.Pos, "restore.crew"
			}
			p.Report(s, at, t.Name, "tier %d service %q is restored by team %q (%s), which has no oncall: add spec.oncall to the team so the restore plan can say whom to page",
				*s.Impact.Tier, s.Name, t.Name, field)
		}
	},
}
