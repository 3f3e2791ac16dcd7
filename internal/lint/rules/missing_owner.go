package rules

import (
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var MissingOwner = &lint.Rule{
	Name:     "missing-owner",
	Severity: finding.Warning,
	Doc: `a service has no owner

Why: the owner is the team that is called when the service breaks, that
answers for its cost, and that keeps its catalog entry true. A service
without one is everybody's and therefore nobody's.

Example:

    metadata: {name: fax-gateway}
    spec:
      type: supporting
      # no owner:

Fix: add owner: with the Team that runs the service.`,
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Services {
			if s.Owner.Name == "" {
				p.Reportf(s, s.NamePos, "service %q has no owner: add owner: with the Team that runs it", s.Name)
			}
		}
	},
}
