package catalog

import (
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/svccat/svccat/internal/source"
	"github.com/svccat/svccat/internal/validate"
)

// Catalog is every entity read from a set of files. Each kind's slice is
// sorted by name; an entity whose name is taken stays in the slice (the
// duplicate-name rule reports it) but lookups find the first one read.
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

	// Files are the files read; Documents counts catalog documents and
	// Skipped the documents that were not catalog documents.
	Files     []string
	Documents int
	Skipped   int

	// Problems are what stopped files or documents from being read:
	// unreadable files, malformed YAML and schema violations.
	Problems []Problem

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

// Problem is a file or document that could not be read as it stands. Rule
// is the lint rule that reports it: unreadable-file, yaml-syntax or schema.
type Problem struct {
	Rule   string
	Pos    source.Pos
	Entity string
	// Key is the finding's position-free key: the field path of a schema
	// violation, the problem's kind for a file.
	Key     string
	Message string
}

// Options tune loading.
type Options = source.Options

// Load reads, validates and decodes the catalog below paths. Files are
// read, validated and decoded in parallel, one file at a time per worker,
// so that a file's YAML nodes are garbage as soon as its entities exist:
// memory grows with the entities, not with the YAML.
func Load(paths []string, opt Options) *Catalog {
	files, probs := source.List(paths, opt)
	c := &Catalog{}
	for _, p := range probs {
		c.Problems = append(c.Problems, sourceProblem(p))
	}
	results := make([]fileResult, len(files))
	workers := min(runtime.GOMAXPROCS(0), len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			chk := validate.NewChecker()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				results[i] = loadFile(files[i], opt, chk)
			}
		}()
	}
	wg.Wait()
	for i, r := range results {
		c.Files = append(c.Files, files[i].Display)
		c.Documents += r.documents
		c.Skipped += r.skipped
		c.Problems = append(c.Problems, r.problems...)
		for _, e := range r.entities {
			c.add(e)
		}
	}
	c.resolve()
	return c
}

// fileResult is what one file contributed.
type fileResult struct {
	entities  []Named
	problems  []Problem
	documents int
	skipped   int
}

func loadFile(f source.File, opt Options, chk *validate.Checker) fileResult {
	var r fileResult
	docs, probs := source.ReadFile(f, opt)
	for _, p := range probs {
		r.problems = append(r.problems, sourceProblem(p))
	}
	for _, doc := range docs {
		res := chk.Check(doc)
		if res.Skipped {
			r.skipped++
			continue
		}
		r.documents++
		var e Named
		if res.Kind != "" {
			e = decode(res.Kind, decoder{doc: doc})
			e.Meta().Valid = len(res.Issues) == 0
			// An entity without a name (the schema says so) can be
			// neither referenced nor placed: rules would report it
			// without a position.
			if e.Meta().Name != "" {
				r.entities = append(r.entities, e)
			}
		}
		for _, is := range res.Issues {
			p := Problem{Rule: "schema", Pos: is.Pos, Key: is.Path, Message: is.Message}
			if e != nil && e.Meta().Name != "" {
				p.Entity = e.Meta().ID()
			}
			r.problems = append(r.problems, p)
		}
	}
	return r
}

// sourceProblem is a file the reader could not read or parse. Such a
// finding is about its file (its identity holds the path), so its kind is
// key enough.
func sourceProblem(p source.Problem) Problem {
	return Problem{Rule: p.Kind, Pos: p.Pos, Key: p.Kind, Message: p.Message}
}

func decode(kind string, d decoder) Named {
	switch kind {
	case KindMarket:
		return d.market()
	case KindSegment:
		return d.segment()
	case KindPersona:
		return d.persona()
	case KindService:
		return d.service()
	case KindTeam:
		return d.team()
	case KindPerson:
		return d.person()
	case KindStakeholder:
		return d.stakeholder()
	case KindMeasurement:
		return d.measurement()
	default:
		return d.site()
	}
}

func (c *Catalog) add(e Named) {
	switch x := e.(type) {
	case *Market:
		c.Markets = append(c.Markets, x)
	case *Segment:
		c.Segments = append(c.Segments, x)
	case *Persona:
		c.Personas = append(c.Personas, x)
	case *Service:
		c.Services = append(c.Services, x)
	case *Team:
		c.Teams = append(c.Teams, x)
	case *Site:
		c.Sites = append(c.Sites, x)
	case *Person:
		c.People = append(c.People, x)
	case *Stakeholder:
		c.Stakeholders = append(c.Stakeholders, x)
	case *Measurement:
		c.Measurements = append(c.Measurements, x)
	}
}

func sortByName[T Named](xs []T) {
	sort.SliceStable(xs, func(i, j int) bool { return xs[i].Meta().Name < xs[j].Meta().Name })
}

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

// resolve sorts every kind by name and links references both ways.
// References that name nothing stay unresolved for the
// unresolved-reference rule to report.
func (c *Catalog) resolve() {
	sortByName(c.Markets)
	sortByName(c.Segments)
	sortByName(c.Personas)
	sortByName(c.Services)
	sortByName(c.Teams)
	sortByName(c.Sites)
	sortByName(c.People)
	sortByName(c.Stakeholders)
	sortByName(c.Measurements)
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

	for _, s := range c.Segments {
		if m := c.markets[s.MarketRef.Name]; m != nil {
			s.Market = m
			m.Segments = append(m.Segments, s)
		}
	}
	for _, p := range c.Personas {
		if s := c.segments[p.SegmentRef.Name]; s != nil {
			p.Segment = s
			s.Personas = append(s.Personas, p)
		}
	}
	for _, s := range c.Services {
		if t := c.teams[s.Owner.Name]; t != nil {
			s.Team = t
			t.Services = append(t.Services, s)
		}
		for _, r := range s.SegmentRefs {
			if seg := c.segments[r.Name]; seg != nil {
				s.Segments = append(s.Segments, seg)
				if s.IsBusiness() {
					seg.Services = append(seg.Services, s)
				}
			}
		}
		for _, r := range s.SiteRefs {
			if site := c.sites[r.Name]; site != nil {
				s.Sites = append(s.Sites, site)
				site.Services = append(site.Services, s)
			}
		}
		for _, d := range s.DependsOn {
			if to := c.services[d.Ref.Name]; to != nil {
				d.To = to
				to.Dependents = append(to.Dependents, d)
			}
		}
	}
	c.resolvePeople()
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
