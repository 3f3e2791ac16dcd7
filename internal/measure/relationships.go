package measure

import (
	"sort"
	"time"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/decimal"
)

// DefaultCadence is how often a stakeholder should be contacted when
// neither the stakeholder nor the config says.
const DefaultCadence = 90 * 24 * time.Hour

const day = 24 * time.Hour

// Stakeholder is one stakeholder's place in the relationship map.
type Stakeholder struct {
	Stakeholder *catalog.Stakeholder
	// Depth is the number of distinct leadership Persons related to it.
	Depth int
	// Key is power ≥ thresholds.keyStakeholderPower; SingleThreaded is a
	// key stakeholder of depth exactly 1.
	Key, SingleThreaded bool
	// MeanPartnership averages the partnership of all its relationships;
	// nil when it has none.
	MeanPartnership *decimal.Decimal
	// LastContact is the latest of its relationships' (zero: none);
	// DaysSinceContact is as-of − LastContact in whole days.
	LastContact      time.Time
	DaysSinceContact *int
	// Cadence is the contact cadence that applies: its own, else the
	// config's.
	Cadence time.Duration
	// Stale: it has a relationship and no contact at all, or none within
	// the cadence.
	Stale bool
}

// Summary is the whole map's figures.
type Summary struct {
	Scope, Spread int
	// Coverage = Spread / Scope and MeanDepth averages depth over the
	// whole scope; both nil for an empty scope.
	Coverage, MeanDepth *decimal.Decimal
	SingleThreaded      int
	Stale               int
}

// Map is the relationship map as of a date.
type Map struct {
	AsOf         time.Time
	Summary      Summary
	Stakeholders []Stakeholder // in name order
}

// Relationships computes the relationship map of the catalog's
// stakeholders as of the config's as-of date.
func Relationships(c *catalog.Catalog, cfg *config.Config) *Map {
	if cfg == nil {
		cfg = config.Default()
	}
	m := &Map{AsOf: cfg.Today()}
	for _, s := range c.Stakeholders {
		m.Stakeholders = append(m.Stakeholders, Of(s, cfg, m.AsOf))
	}
	m.Summary = Summarize(m.Stakeholders)
	return m
}

// Of computes one stakeholder's figures as of asOf.
func Of(s *catalog.Stakeholder, cfg *config.Config, asOf time.Time) Stakeholder {
	th := cfg.Thresholds
	out := Stakeholder{Stakeholder: s, Cadence: th.ContactCadence}
	if out.Cadence <= 0 {
		out.Cadence = DefaultCadence
	}
	if s.Cadence.Set {
		out.Cadence = s.Cadence.D
	}
	leaders := map[*catalog.Person]bool{}
	sum := decimal.Decimal{}
	n := 0
	for _, r := range s.Relationships {
		if r.With != nil && r.With.Leadership {
			leaders[r.With] = true
		}
		if r.Partnership != nil {
			sum = sum.Add(decimal.FromInt(int64(*r.Partnership)))
			n++
		}
		if r.LastContact.After(out.LastContact) {
			out.LastContact = r.LastContact
		}
	}
	out.Depth = len(leaders)
	if n > 0 {
		mean, _ := sum.Quo(decimal.FromInt(int64(n)))
		out.MeanPartnership = &mean
	}
	out.Key = s.Power != nil && *s.Power >= th.KeyStakeholderPower
	out.SingleThreaded = out.Key && out.Depth == 1
	if !out.LastContact.IsZero() {
		days := DaysBetween(out.LastContact, asOf)
		out.DaysSinceContact = &days
	}
	if len(s.Relationships) > 0 {
		out.Stale = out.DaysSinceContact == nil || time.Duration(*out.DaysSinceContact)*day > out.Cadence
	}
	return out
}

// DaysBetween is to − from in whole days (calendar days, both taken as
// UTC dates).
func DaysBetween(from, to time.Time) int {
	f := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	t := time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, time.UTC)
	return int(t.Sub(f).Hours()) / 24
}

// Summarize computes scope, spread, coverage, mean depth and the counts of
// single-threaded and stale stakeholders.
func Summarize(ss []Stakeholder) Summary {
	sum := Summary{Scope: len(ss)}
	depth := 0
	for _, s := range ss {
		if s.Depth >= 1 {
			sum.Spread++
		}
		depth += s.Depth
		if s.SingleThreaded {
			sum.SingleThreaded++
		}
		if s.Stale {
			sum.Stale++
		}
	}
	if sum.Scope > 0 {
		cov, _ := decimal.FromInt(int64(sum.Spread)).Quo(decimal.FromInt(int64(sum.Scope)))
		md, _ := decimal.FromInt(int64(depth)).Quo(decimal.FromInt(int64(sum.Scope)))
		sum.Coverage, sum.MeanDepth = &cov, &md
	}
	return sum
}

// Group is the map of the stakeholders who speak for one segment or
// market, or (by person) those one Person is related to.
type Group struct {
	Name, Title string
	// Person is set in a map by person.
	Person *catalog.Person
	// Stakeholders are the group's, in name order.
	Stakeholders []Stakeholder
	Summary      Summary
	// Relationships counts the person's relationships (by person), and
	// MeanPartnership averages their partnership; LastContact is the
	// latest of them.
	Relationships   int
	MeanPartnership *decimal.Decimal
	LastContact     time.Time
}

// NoSegment names the group of stakeholders who speak for no segment
// (or, by market, for no segment in a market).
const NoSegment = "(none)"

// BySegment groups the map by the segments stakeholders speak for; every
// segment has a group, and stakeholders without one form NoSegment.
func (m *Map) BySegment(c *catalog.Catalog) []Group {
	return m.group(c, func(s *catalog.Stakeholder) []named {
		var out []named
		for _, sg := range s.Segments {
			out = append(out, named{sg.Name, sg.DisplayName()})
		}
		return out
	}, segmentsOf(c))
}

// ByMarket groups the map by the markets of the segments stakeholders
// speak for.
func (m *Map) ByMarket(c *catalog.Catalog) []Group {
	var all []named
	for _, mk := range c.Markets {
		all = append(all, named{mk.Name, mk.DisplayName()})
	}
	return m.group(c, func(s *catalog.Stakeholder) []named {
		var out []named
		seen := map[*catalog.Market]bool{}
		for _, sg := range s.Segments {
			if sg.Market != nil && !seen[sg.Market] {
				seen[sg.Market] = true
				out = append(out, named{sg.Market.Name, sg.Market.DisplayName()})
			}
		}
		return out
	}, all)
}

type named struct{ name, title string }

func segmentsOf(c *catalog.Catalog) []named {
	var out []named
	for _, sg := range c.Segments {
		out = append(out, named{sg.Name, sg.DisplayName()})
	}
	return out
}

func (m *Map) group(_ *catalog.Catalog, keys func(*catalog.Stakeholder) []named, all []named) []Group {
	idx := map[string]int{}
	var groups []Group
	add := func(n named) int {
		if i, ok := idx[n.name]; ok {
			return i
		}
		idx[n.name] = len(groups)
		groups = append(groups, Group{Name: n.name, Title: n.title})
		return len(groups) - 1
	}
	for _, n := range all {
		add(n)
	}
	var none []Stakeholder
	for _, s := range m.Stakeholders {
		ks := keys(s.Stakeholder)
		if len(ks) == 0 {
			none = append(none, s)
			continue
		}
		for _, k := range ks {
			i := add(k)
			groups[i].Stakeholders = append(groups[i].Stakeholders, s)
		}
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Name < groups[j].Name })
	if len(none) > 0 {
		groups = append(groups, Group{Name: NoSegment, Title: NoSegment, Stakeholders: none})
	}
	for i := range groups {
		groups[i].Summary = Summarize(groups[i].Stakeholders)
	}
	return groups
}

// ByPerson lists every Person with the stakeholders they are related to,
// leadership first, then by name.
func (m *Map) ByPerson(c *catalog.Catalog) []Group {
	figures := map[*catalog.Stakeholder]Stakeholder{}
	for _, s := range m.Stakeholders {
		figures[s.Stakeholder] = s
	}
	var out []Group
	for _, p := range c.People {
		g := Group{Name: p.Name, Title: p.DisplayName(), Person: p}
		seen := map[*catalog.Stakeholder]bool{}
		sum, n := decimal.Decimal{}, 0
		for _, r := range p.Relationships {
			g.Relationships++
			if r.Partnership != nil {
				sum = sum.Add(decimal.FromInt(int64(*r.Partnership)))
				n++
			}
			if r.LastContact.After(g.LastContact) {
				g.LastContact = r.LastContact
			}
			if !seen[r.Stakeholder] {
				seen[r.Stakeholder] = true
				if f, ok := figures[r.Stakeholder]; ok {
					g.Stakeholders = append(g.Stakeholders, f)
				}
			}
		}
		sort.SliceStable(g.Stakeholders, func(i, j int) bool {
			return g.Stakeholders[i].Stakeholder.Name < g.Stakeholders[j].Stakeholder.Name
		})
		if n > 0 {
			mean, _ := sum.Quo(decimal.FromInt(int64(n)))
			g.MeanPartnership = &mean
		}
		g.Summary = Summarize(g.Stakeholders)
		out = append(out, g)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Person.Leadership != out[j].Person.Leadership {
			return out[i].Person.Leadership
		}
		return out[i].Name < out[j].Name
	})
	return out
}
