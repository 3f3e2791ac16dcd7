package catalog

// resolvePeople links persons to their teams, stakeholders to their
// segments and persons, and measurements to their services.
func (c *Catalog) resolvePeople() {
	for _, p := range c.People {
		p.Team = c.teams[p.TeamRef.Name]
	}
	for _, s := range c.Stakeholders {
		seen := map[*Segment]bool{}
		for _, r := range s.SegmentRefs {
			if seg := c.segments[r.Name]; seg != nil && !seen[seg] {
				seen[seg] = true
				s.Segments = append(s.Segments, seg)
				seg.Stakeholders = append(seg.Stakeholders, s)
			}
		}
		for _, r := range s.Relationships {
			if p := c.people[r.WithRef.Name]; p != nil {
				r.With = p
				p.Relationships = append(p.Relationships, r)
			}
		}
	}
	for _, m := range c.Measurements {
		if s := c.services[m.ServiceRef.Name]; s != nil {
			m.Service = s
			s.Measurements = append(s.Measurements, m)
		}
	}
}
