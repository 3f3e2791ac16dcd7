package rules

import (
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var DependsOnRetired = &lint.Rule{
	Name:     "depends-on-retired",
	Severity: finding.Error,
	Doc: lint.Doc{
		Title: "a service depends on a retired service",
		Why: `A retired service is kept for the record only: it runs nowhere, is in no
restore plan and carries no cost. A service that still depends on it (hard
or soft) depends on nothing, so its restore plan and its cost are wrong.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: fax-gateway}
spec: {type: supporting, lifecycle: retired}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: order-desk}
spec:
  type: business
  dependsOn: [fax-gateway]
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: order-desk}
spec:
  type: business
  dependsOn: [email-gateway]   # what replaced the fax gateway
`,
		Fix: "Depend on the service that replaced it, or drop the dependency.",
	},
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Services {
			if s.IsRetired() || !canonical(p.Catalog, s) {
				continue
			}
			for _, d := range s.DependsOn {
				if d.To != nil && d.To.IsRetired() {
					p.Report(s, d.Ref.Pos, d.Ref.Name, "service %q depends on %q, which is retired: depend on what replaced it, or drop the dependency", s.Name, d.Ref.Name)
				}
			}
		}
	},
}

var DependsOnPipeline = &lint.Rule{
	Name:     "depends-on-pipeline",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "a live service hard-depends on a service not yet live",
		Why: `A pipeline service is planned: it is in no restore plan and in no impact
report. A live (or retiring) service that cannot run without it is either not
really live, or depends on something that is already running under another
name. Soft dependencies on planned services are fine.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: new-search}
spec: {type: supporting, lifecycle: pipeline}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: webshop}
spec:
  type: business
  dependsOn: [new-search]
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: webshop}
spec:
  type: business
  dependsOn:
    - {service: new-search, type: soft}
`,
		Fix: "Make the dependency soft until the service goes live, or set its lifecycle to live when it is.",
	},
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Services {
			if !s.Live() || !canonical(p.Catalog, s) {
				continue
			}
			for _, d := range s.DependsOn {
				if d.Hard && d.To != nil && d.To.IsPipeline() {
					p.Report(s, d.Ref.Pos, d.Ref.Name, "%s service %q hard-depends on %q, which is not live yet (pipeline): make the dependency soft until it goes live", s.Lifecycle, s.Name, d.Ref.Name)
				}
			}
		}
	},
}
