package load

import "github.com/svccat/svccat/internal/catalog"

// resolvePeople links persons to their teams, stakeholders to their
// segments and persons, and measurements to their services.
func resolvePeople(c *catalog.Catalog) {
	for _, p := range c.People {
		p.Team = c.Team(p.TeamRef.Name)
	}
	for _, s := range c.Stakeholders {
		seen := map[*catalog.Segment]bool{}
		for _, r := range s.SegmentRefs {
			if seg := c.Segment(r.Name); seg != nil && !seen[seg] {
				seen[seg] = true
				s.Segments = append(s.Segments, seg)
				seg.Stakeholders = append(seg.Stakeholders, s)
			}
		}
		for _, r := range s.Relationships {
			if p := c.Person(r.WithRef.Name); p != nil {
				r.With = p
				p.Relationships = append(p.Relationships, r)
			}
		}
	}
	for _, m := range c.Measurements {
		if s := c.Service(m.ServiceRef.Name); s != nil {
			m.Service = s
			s.Measurements = append(s.Measurements, m)
		}
	}
}
