package rules

import (
	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var OrphanSupportingService = &lint.Rule{
	Name:     "orphan-supporting-service",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "no live service depends on this supporting service",
		Why: `A supporting service's cost is allocated to the services that depend on
it, and through them to customers. When nothing live depends on it (hard or
soft; retired and planned dependents do not count), its cost reaches no
customer (the cost report shows it as "unallocated"), and an outage of it
appears to hurt nobody: either it is no longer needed, or the services that
need it do not say so. A planned (pipeline) supporting service counts its
planned dependents too; a retired one is not checked.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: fax-gateway}
spec:
  type: supporting
  # and no service lists fax-gateway under dependsOn
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: fax-gateway}
spec:
  type: supporting
---
apiVersion: svccat/v1
kind: Service
metadata: {name: order-desk}
spec:
  type: business
  dependsOn: [fax-gateway]
`,
		Fix: "Add it to the dependsOn of the services that use it, or retire it.",
	},
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Services {
			if s.Type != catalog.Supporting || s.IsRetired() || !canonical(p.Catalog, s) {
				continue
			}
			if !dependedOn(s) {
				p.Report(s, s.NamePos, "dependents", "no live service depends on supporting service %q, so its cost reaches no customer: add it to the dependsOn of the services that use it, or retire it", s.Name)
			}
		}
	},
}

// dependedOn reports whether another live service depends on s (for a
// pipeline s, a live or pipeline one); a service depending on itself is a
// dependency-cycle, not a customer.
func dependedOn(s *catalog.Service) bool {
	for _, d := range s.Dependents {
		if d.From != s && (d.From.Live() || s.IsPipeline() && d.From.IsPipeline()) {
			return true
		}
	}
	return false
}
