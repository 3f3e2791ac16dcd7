package catalog

// Catalog is every entity of a catalog. Each kind's slice is sorted by
// name; an entity whose name is taken stays in the slice (the
// duplicate-name rule reports it) but lookups find the first one read.
// Package load builds it; Index makes the lookups.
type Catalog struct {
	Markets  []*Market
	Segments []*Segment
	Personas []*Persona
	Services []*Service
	Teams    []*Team
	Sites    []*Site
	// People, Stakeholders and Measurements are the relationship map and
	// the service measures.
	People       []*Person
	Stakeholders []*Stakeholder
	Measurements []*Measurement

	// ByID finds any entity by "Kind/name".
	byID     map[string]Named
	markets  map[string]*Market
	segments map[string]*Segment
	services map[string]*Service
	teams    map[string]*Team
	sites    map[string]*Site
	people   map[string]*Person
}

// Named is any entity.
type Named interface{ Meta() *Entity }

// index maps names to the first entity of that name.
func index[T Named](xs []T, byID map[string]Named) map[string]T {
	m := make(map[string]T, len(xs))
	for _, x := range xs {
		name := x.Meta().Name
		if _, dup := m[name]; !dup && name != "" {
			m[name] = x
			byID[x.Meta().ID()] = x
		}
	}
	return m
}

// Index builds the lookups by name from the slices, the first entity of a
// name winning; call it once the slices are complete and sorted.
func (c *Catalog) Index() {
	c.byID = map[string]Named{}
	c.markets = index(c.Markets, c.byID)
	c.segments = index(c.Segments, c.byID)
	index(c.Personas, c.byID)
	c.services = index(c.Services, c.byID)
	c.teams = index(c.Teams, c.byID)
	c.sites = index(c.Sites, c.byID)
	c.people = index(c.People, c.byID)
	index(c.Stakeholders, c.byID)
	index(c.Measurements, c.byID)
}

// Lookups by name; nil when there is no such entity.
func (c *Catalog) Market(name string) *Market   { return c.markets[name] }
func (c *Catalog) Segment(name string) *Segment { return c.segments[name] }
func (c *Catalog) Service(name string) *Service { return c.services[name] }
func (c *Catalog) Team(name string) *Team       { return c.teams[name] }
func (c *Catalog) Site(name string) *Site       { return c.sites[name] }
func (c *Catalog) Person(name string) *Person   { return c.people[name] }

// Entity finds any entity by "Kind/name".
func (c *Catalog) Entity(id string) Named { return c.byID[id] }

// Entities counts every entity of every kind.
func (c *Catalog) Entities() int {
	return len(c.Markets) + len(c.Segments) + len(c.Personas) + len(c.Services) + len(c.Teams) + len(c.Sites) +
		len(c.People) + len(c.Stakeholders) + len(c.Measurements)
}

// Each calls f for every entity, kind by kind in the format's order.
func (c *Catalog) Each(f func(Named)) {
	for _, x := range c.Markets {
		f(x)
	}
	for _, x := range c.Segments {
		f(x)
	}
	for _, x := range c.Personas {
		f(x)
	}
	for _, x := range c.Services {
		f(x)
	}
	for _, x := range c.Teams {
		f(x)
	}
	for _, x := range c.Sites {
		f(x)
	}
	for _, x := range c.People {
		f(x)
	}
	for _, x := range c.Stakeholders {
		f(x)
	}
	for _, x := range c.Measurements {
		f(x)
	}
}
