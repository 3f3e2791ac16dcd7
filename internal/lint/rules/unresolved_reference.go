package rules

import (
	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/typo"
)

var UnresolvedReference = &lint.Rule{
	Name:     "unresolved-reference",
	Severity: finding.Error,
	Doc: `a reference names no entity of that kind

Why: a dependency on a service that does not exist hides a real dependency
from the restoration order and the cost allocation; a segment in a market that
does not exist traces to nothing.

Example:

    spec:
      dependsOn: [mail-storge]     # there is no Service "mail-storge"

Fix: correct the name (the message suggests the closest existing one), or add
the missing entity.`,
	Run: func(p *lint.Pass) {
		c := p.Catalog
		var names map[string][]string // by kind, for "did you mean"; built on the first miss
		check := func(owner catalog.Named, r catalog.Ref, kind string, exists bool, field string) {
			if r.Name == "" || exists {
				return
			}
			if names == nil {
				names = map[string][]string{}
				c.Each(func(n catalog.Named) {
					e := n.Meta()
					names[e.Kind] = append(names[e.Kind], e.Name)
				})
			}
			if near := typo.Closest(r.Name, names[kind]); near != "" {
				p.Reportf(owner, r.Pos, "%s %q: there is no %s named %q (did you mean %q?)", field, r.Name, kind, r.Name, near)
				return
			}
			p.Reportf(owner, r.Pos, "%s %q: there is no %s named %q", field, r.Name, kind, r.Name)
		}
		for _, s := range c.Segments {
			check(s, s.MarketRef, catalog.KindMarket, c.Market(s.MarketRef.Name) != nil, "market")
		}
		for _, pe := range c.Personas {
			check(pe, pe.SegmentRef, catalog.KindSegment, c.Segment(pe.SegmentRef.Name) != nil, "segment")
		}
		for _, s := range c.Services {
			check(s, s.Owner, catalog.KindTeam, c.Team(s.Owner.Name) != nil, "owner")
			for _, r := range s.SegmentRefs {
				check(s, r, catalog.KindSegment, c.Segment(r.Name) != nil, "segment")
			}
			for _, r := range s.SiteRefs {
				check(s, r, catalog.KindSite, c.Site(r.Name) != nil, "site")
			}
			for _, d := range s.DependsOn {
				check(s, d.Ref, catalog.KindService, d.To != nil, "dependsOn")
			}
		}
	},
}
