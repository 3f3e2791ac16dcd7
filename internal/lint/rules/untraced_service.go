package rules

import (
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var UntracedService = &lint.Rule{
	Name:     "untraced-service",
	Severity: finding.Error,
	Doc: lint.Doc{
		Title: "a business service traces to no segment",
		Why: `A business service exists because some customers buy it. Without
segments it traces to no segment and so to no market: nobody can say who it
is for, its cost lands in the "(untraced)" row of the cost report, and the
impact report cannot name the customers an outage hurts. A segment that does
not exist is unresolved-reference's finding instead.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: expense-claims}
spec:
  type: business
  owner: finance-systems
  # no segments:
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: expense-claims}
spec:
  type: business
  owner: finance-systems
  segments: [finance-team]
`,
		Fix: `Add segments: with the customer segments that buy the service. If no
customer buys it directly, it is a supporting service: make it
type: supporting and let the business services that need it depend on it.`,
	},
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Services {
			// A segment that does not resolve is an unresolved-reference
			// finding; the service still says whom it is meant for.
			if s.IsBusiness() && len(s.SegmentRefs) == 0 {
				p.Report(s, s.NamePos, "spec.segments", "business service %q traces to no segment: add segments: with the customer segments that buy it", s.Name)
			}
		}
	},
}
