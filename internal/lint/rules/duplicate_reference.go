package rules

import (
	"fmt"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var DuplicateReference = &lint.Rule{
	Name:     "duplicate-reference",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "a service lists the same dependency, segment or site twice",
		Why: `A list names each entity once; a repeat is a copy-paste slip or two
entries that should have been one. For dependsOn it also changes the cost
report: the weights of both entries add up, so the service bears a larger
share of the dependency's cost than either entry says. The finding is at the
second entry (not in the spec's table: a rule of svccat's own).`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: file-sharing}
spec:
  type: supporting
  dependsOn:
    - storage
    - {service: storage, weight: 3}     # storage again
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: file-sharing}
spec:
  type: supporting
  dependsOn:
    - {service: storage, weight: 3}
`,
		Fix: "Keep one entry; for dependsOn, the one with the weight you mean.",
	},
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Services {
			var deps []catalog.Ref
			for _, d := range s.DependsOn {
				deps = append(deps, d.Ref)
			}
			for _, list := range []struct {
				field string
				refs  []catalog.Ref
			}{{"dependsOn", deps}, {"segments", s.SegmentRefs}, {"sites", s.SiteRefs}} {
				seen := map[string]catalog.Ref{}
				for _, r := range list.refs {
					if prev, dup := seen[r.Name]; dup {
						where := fmt.Sprintf("line %d", prev.Pos.Line)
						if prev.Pos.Line == r.Pos.Line {
							where = fmt.Sprintf("column %d", prev.Pos.Col)
						}
						p.Report(s, r.Pos, list.field+":"+r.Name, "%s lists %q twice (first at %s): list it once", list.field, r.Name, where)
						continue
					}
					seen[r.Name] = r
				}
			}
		}
	},
}
