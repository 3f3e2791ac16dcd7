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
	Doc: `a service lists the same dependency, segment or site twice

Why: a list names each entity once; a repeat is a copy-paste slip or two
entries that should have been one. For dependsOn it also changes the cost
report: the weights of both entries add up, so the service bears a larger
share of the dependency's cost than either entry says.

Example:

    dependsOn:
      - storage
      - {service: storage, weight: 3}     # storage again

Fix: keep one entry; for dependsOn, the one with the weight you mean.`,
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
						p.Reportf(s, r.Pos, "%s lists %q twice (first at %s): list it once", list.field, r.Name, where)
						continue
					}
					seen[r.Name] = r
				}
			}
		}
	},
}
