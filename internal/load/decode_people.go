package load

import (
	"strconv"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/svccat/svccat/internal/catalog"
)

func (d decoder) person() *catalog.Person {
	spec := get(d.doc.Root, "spec")
	return &catalog.Person{
		Entity:     d.entity(catalog.KindPerson),
		TeamRef:    d.ref(get(spec, "team")),
		Role:       str(get(spec, "role")),
		Leadership: str(get(spec, "leadership")) == "true",
	}
}

func integer(n *yaml.Node) *int {
	s, ok := scalar(n)
	if !ok {
		return nil
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return nil
	}
	return &v
}

func (d decoder) stakeholder() *catalog.Stakeholder {
	spec := get(d.doc.Root, "spec")
	s := &catalog.Stakeholder{
		Entity:       d.entity(catalog.KindStakeholder),
		Organisation: str(get(spec, "organisation")),
		SegmentRefs:  d.refs(get(spec, "segments")),
		Role:         str(get(spec, "role")),
		Power:        integer(get(spec, "power")),
		Influence:    integer(get(spec, "influence")),
		Cadence:      d.dur(get(spec, "cadence")),
	}
	if v, ok := num(get(spec, "loyalty")); ok {
		s.Loyalty = &v
	}
	if v, ok := num(get(spec, "satisfaction")); ok {
		s.Satisfaction = &v
	}
	if rs := get(spec, "relationships"); rs != nil && rs.Kind == yaml.SequenceNode {
		for _, c := range rs.Content {
			c = deref(c)
			r := &catalog.Relationship{
				Stakeholder: s,
				WithRef:     d.ref(get(c, "with")),
				Type:        str(get(c, "type")),
				Partnership: integer(get(c, "partnership")),
				Pos:         d.pos(c),
			}
			r.LastContactPos = r.Pos
			if lc := get(c, "lastContact"); lc != nil {
				if t, err := time.Parse(time.DateOnly, str(lc)); err == nil {
					r.LastContact, r.LastContactPos = t, d.pos(lc)
				}
			}
			s.Relationships = append(s.Relationships, r)
		}
	}
	return s
}

func (d decoder) measurement() *catalog.Measurement {
	spec := get(d.doc.Root, "spec")
	per := get(spec, "period")
	m := &catalog.Measurement{
		Entity:     d.entity(catalog.KindMeasurement),
		ServiceRef: d.ref(get(spec, "service")),
		PeriodPos:  d.pos(per),
		Pos:        d.pos(spec),
	}
	if per == nil {
		m.PeriodPos = d.pos(spec)
	}
	if v, ok := scalar(per); ok {
		m.Period, _ = catalog.ParsePeriod(v)
	}
	m.ConsumedPos, m.AvailabilityPos = m.Pos, m.Pos
	if n := get(spec, "consumed"); n != nil {
		if v, ok := num(n); ok {
			m.Consumed, m.ConsumedPos = &v, d.pos(n)
		}
	}
	if n := get(spec, "availability"); n != nil {
		if v, ok := num(n); ok {
			m.Availability, m.AvailabilityPos = &v, d.pos(n)
		}
	}
	if sv := get(spec, "satisfaction"); sv != nil && sv.Kind == yaml.MappingNode {
		score, ok1 := num(get(sv, "score"))
		scale, ok2 := num(get(sv, "scale"))
		if ok1 && ok2 && scale.Sign() > 0 {
			m.Satisfaction = &catalog.Survey{Score: score, Scale: scale, Pos: d.pos(sv)}
			if v, ok := scalar(get(sv, "responses")); ok {
				if n, err := strconv.ParseInt(v, 10, 64); err == nil {
					m.Satisfaction.Responses = &n
				}
			}
		}
	}
	return m
}
