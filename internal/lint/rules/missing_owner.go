package rules

import (
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var MissingOwner = &lint.Rule{
	Name:     "missing-owner",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "a service has no owner",
		Why: `The owner is the team that is called when the service breaks, that
answers for its cost, and that keeps its catalog entry true. A service
without one is everybody's and therefore nobody's.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: fax-gateway}
spec:
  type: supporting
  # no owner:
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: fax-gateway}
spec:
  type: supporting
  owner: messaging
`,
		Fix: "Add owner: with the Team that runs the service.",
	},
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Services {
			if s.Owner.Name == "" {
				p.Report(s, s.NamePos, "spec.owner", "service %q has no owner: add owner: with the Team that runs it", s.Name)
			}
		}
	},
}
