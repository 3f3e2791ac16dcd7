package load

import (
	"sort"

	"github.com/svccat/svccat/internal/catalog"
)

func sortByName[T catalog.Named](xs []T) {
	sort.SliceStable(xs, func(i, j int) bool { return xs[i].Meta().Name < xs[j].Meta().Name })
}

// resolve sorts every kind by name, indexes the lookups and links
// references both ways. References that name nothing stay unresolved for
// the unresolved-reference rule to report.
func resolve(c *catalog.Catalog) {
	sortByName(c.Markets)
	sortByName(c.Segments)
	sortByName(c.Personas)
	sortByName(c.Services)
	sortByName(c.Teams)
	sortByName(c.Sites)
	sortByName(c.People)
	sortByName(c.Stakeholders)
	sortByName(c.Measurements)
	c.Index()

	for _, s := range c.Segments {
		if m := c.Market(s.MarketRef.Name); m != nil {
			s.Market = m
			m.Segments = append(m.Segments, s)
		}
	}
	for _, p := range c.Personas {
		if s := c.Segment(p.SegmentRef.Name); s != nil {
			p.Segment = s
			s.Personas = append(s.Personas, p)
		}
	}
	for _, s := range c.Services {
		if t := c.Team(s.Owner.Name); t != nil {
			s.Team = t
			t.Services = append(t.Services, s)
		}
		for _, r := range s.SegmentRefs {
			if seg := c.Segment(r.Name); seg != nil {
				s.Segments = append(s.Segments, seg)
				if s.IsBusiness() {
					seg.Services = append(seg.Services, s)
				}
			}
		}
		for _, r := range s.SiteRefs {
			if site := c.Site(r.Name); site != nil {
				s.Sites = append(s.Sites, site)
				site.Services = append(site.Services, s)
			}
		}
		for _, r := range s.Restore.StandbyRefs {
			if site := c.Site(r.Name); site != nil {
				s.Restore.Standby = append(s.Restore.Standby, site)
			}
		}
		if t := c.Team(s.Restore.CrewRef.Name); t != nil {
			s.Restore.Crew = t
			t.Restores = append(t.Restores, s)
		}
		for _, d := range s.DependsOn {
			if to := c.Service(d.Ref.Name); to != nil {
				d.To = to
				to.Dependents = append(to.Dependents, d)
			}
		}
	}
	resolvePeople(c)
}
