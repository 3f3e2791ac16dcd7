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
	Doc: lint.Doc{
		Title: "a reference names no entity of that kind",
		Why: `A dependency on a service that does not exist hides a real dependency
from the restoration order and the cost allocation; a segment in a market that
does not exist traces to nothing. svccat checks every market, segment, owner,
segments, sites and dependsOn entry, reports at the reference, and suggests
the closest name of that kind when one is near enough to be a typo (only
while there are at most 20 unresolved names: more mean a catalog linted in
part, such as one folder of a larger one). The key is the field and the
name (dependsOn:mail-storge).`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: corporate-email}
spec:
  type: supporting
  dependsOn: [mail-storge]     # there is no Service "mail-storge"
---
apiVersion: svccat/v1
kind: Service
metadata: {name: mail-storage}
spec: {type: supporting}
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: corporate-email}
spec:
  type: supporting
  dependsOn: [mail-storage]
---
apiVersion: svccat/v1
kind: Service
metadata: {name: mail-storage}
spec: {type: supporting}
`,
		Fix: `Correct the name (the message suggests the closest existing one), or add
the missing entity.`,
	},
	Run: func(p *lint.Pass) {
		c := p.Catalog
		var misses []unresolved
		check := func(owner catalog.Named, r catalog.Ref, kind string, exists bool, field string) {
			if r.Name != "" && !exists {
				misses = append(misses, unresolved{owner, r, kind, field})
			}
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
			for _, r := range s.Restore.StandbyRefs {
				check(s, r, catalog.KindSite, c.Site(r.Name) != nil, "restore.standby")
			}
			check(s, s.Restore.CrewRef, catalog.KindTeam, c.Team(s.Restore.CrewRef.Name) != nil, "restore.crew")
			for _, d := range s.DependsOn {
				check(s, d.Ref, catalog.KindService, d.To != nil, "dependsOn")
			}
		}
		for _, pe := range c.People {
			check(pe, pe.TeamRef, catalog.KindTeam, pe.Team != nil, "team")
		}
		for _, sh := range c.Stakeholders {
			for _, r := range sh.SegmentRefs {
				check(sh, r, catalog.KindSegment, c.Segment(r.Name) != nil, "segment")
			}
			for _, r := range sh.Relationships {
				check(sh, r.WithRef, catalog.KindPerson, r.With != nil, "relationship with")
			}
		}
		for _, m := range c.Measurements {
			check(m, m.ServiceRef, catalog.KindService, m.Service != nil, "service")
		}
		near := suggestNames(c, misses)
		for _, m := range misses {
			if n := near[m.id()]; n != "" {
				p.Report(m.owner, m.ref.Pos, m.key(), "%s %q: there is no %s named %q (did you mean %q?)", m.field, m.ref.Name, m.kind, m.ref.Name, n)
				continue
			}
			p.Report(m.owner, m.ref.Pos, m.key(), "%s %q: there is no %s named %q", m.field, m.ref.Name, m.kind, m.ref.Name)
		}
	},
}

// unresolved is a reference to a name no entity of its kind has.
type unresolved struct {
	owner       catalog.Named
	ref         catalog.Ref
	kind, field string
}

func (m unresolved) id() string { return m.kind + "/" + m.ref.Name }

// key is the field and the name: "dependsOn:mail-storge".
func (m unresolved) key() string { return m.field + ":" + m.ref.Name }

// maxSuggestions is the most unresolved names that get a "did you mean".
// A few are typos; more are a catalog linted in part (one folder of a
// larger one), where every suggestion would be noise and searching every
// name for each miss would take minutes on a large catalog.
const maxSuggestions = 20

// suggestNames maps each missed Kind/name to the closest existing name of
// that kind ("" for none near enough), when there are few enough misses.
func suggestNames(c *catalog.Catalog, misses []unresolved) map[string]string {
	out := map[string]string{}
	for _, m := range misses {
		out[m.id()] = ""
	}
	if len(out) > maxSuggestions {
		return nil
	}
	names := map[string][]string{}
	c.Each(func(n catalog.Named) {
		e := n.Meta()
		names[e.Kind] = append(names[e.Kind], e.Name)
	})
	for _, m := range misses {
		out[m.id()] = typo.Closest(m.ref.Name, names[m.kind])
	}
	return out
}
