package rules

import (
	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var DuplicateName = &lint.Rule{
	Name:     "duplicate-name",
	Severity: finding.Error,
	Doc: lint.Doc{
		Title: "two entities of one kind share a name",
		Why: `References are by name, so with two services called "crm" nobody can
tell which one a dependency means; svccat uses the first one it read. The
finding is on the second (and every later) entity of the name, at its
metadata.name, and names where the first is.`,
		Bad: `apiVersion: svccat/v1
kind: Team
metadata: {name: it-ops}
---
apiVersion: svccat/v1
kind: Team
metadata: {name: it-ops}     # the same name again
`,
		Good: `apiVersion: svccat/v1
kind: Team
metadata: {name: it-ops}
---
apiVersion: svccat/v1
kind: Team
metadata: {name: it-service-desk}
`,
		Fix: "Rename one of them, or merge them if they are the same entity.",
	},
	Run: func(p *lint.Pass) {
		first := map[string]*catalog.Entity{}
		p.Catalog.Each(func(n catalog.Named) {
			e := n.Meta()
			if e.Name == "" {
				return
			}
			id := e.ID()
			if f, dup := first[id]; dup {
				p.Report(n, e.NamePos, "metadata.name", "%s %q is already defined at %s", e.Kind, e.Name, f.NamePos)
				return
			}
			first[id] = e
		})
		// A service has one measurement per period, whatever the
		// measurements are called: two would make "latest" ambiguous.
		type servicePeriod struct{ service, period string }
		measured := map[servicePeriod]*catalog.Measurement{}
		for _, m := range p.Catalog.Measurements {
			if m.ServiceRef.Name == "" || m.Period.IsZero() {
				continue
			}
			k := servicePeriod{m.ServiceRef.Name, m.Period.String()}
			if f, dup := measured[k]; dup {
				if f.Name != m.Name { // else reported above
					p.Report(m, m.PeriodPos, "spec.period:"+k.service+"/"+k.period, "Service %q already has a Measurement for %s (%q at %s)", k.service, k.period, f.Name, f.NamePos)
				}
				continue
			}
			measured[k] = m
		}
	},
}
