package graph

import (
	"sort"

	"github.com/svccat/svccat/internal/catalog"
)

// Statuses in an impact report, most severe first.
const (
	StatusFailed   = "failed"   // a service named as failing
	StatusDown     = "down"     // hard-depends, transitively, on a failed service
	StatusDegraded = "degraded" // reaches a failed service only through a soft dependency
)

// Outage is the blast radius of services failing: which services go down
// or run degraded, and which segments, markets, personas and customer
// touchpoints feel it.
type Outage struct {
	Failed []string // the services that fail, sorted
	// Services are the failed, down and degraded services, in that order
	// and by name within each status.
	Services    []ImpactedService
	Segments    []Hit // Via: the impacted services serving the segment
	Markets     []Hit // Via: the hit segments in the market
	Personas    []Hit // Via: the persona's segment
	Touchpoints []Hit // Via: the impacted services reached through it
}

// ImpactedService is one service that fails, goes down or is degraded.
type ImpactedService struct {
	Name   string
	Title  string
	Type   string
	Tier   *int
	Status string
	// Via are the dependencies that make it so: for a down service its
	// failed or down hard dependencies; for a degraded one its failed,
	// down or degraded dependencies. Empty for a failed service.
	Via         []string
	Segments    []string
	Touchpoints []string
}

// Hit is a segment, market, persona or touchpoint an impact reaches.
// Status is StatusDown when a service it relies on is failed or down,
// else StatusDegraded.
type Hit struct {
	Name   string
	Title  string
	Status string
	Via    []string
}

// Impact computes the blast radius of the named services failing.
//
// A service is down when it hard-depends, directly or transitively, on a
// failed service: it cannot run. It is degraded when it is not down but
// depends on a failed, down or degraded service through any chain that
// includes a soft dependency: a soft dependency's outage degrades its
// dependent, and whatever hard- or soft-depends on a degraded service is
// degraded in turn (so degraded = every transitive dependent that is not
// down). Unknown names give an *UnknownError.
func Impact(c *catalog.Catalog, names []string) (*Outage, error) {
	g := newDense(c, (*catalog.Service).Live)
	failedIdx, err := g.lookup(names)
	if err != nil {
		return nil, err
	}
	return g.impact(failedIdx), nil
}

// ImpactEach is Impact of each named service failing on its own, with
// the graph built once: svccat diff asks it for many services at a time.
func ImpactEach(c *catalog.Catalog, names []string) ([]*Outage, error) {
	g := newDense(c, (*catalog.Service).Live)
	out := make([]*Outage, len(names))
	for k, name := range names {
		idx, err := g.lookup([]string{name})
		if err != nil {
			return nil, err
		}
		out[k] = g.impact(idx)
	}
	return out, nil
}

func (g *dense) impact(failedIdx []int) *Outage {
	n := len(g.svc)
	failed := make([]bool, n)
	for _, i := range failedIdx {
		failed[i] = true
	}
	down := reach(failed, g.hardRev)
	touched := reach(failed, g.allRev)

	status := make([]string, n)
	for i := range status {
		switch {
		case failed[i]:
			status[i] = StatusFailed
		case down[i]:
			status[i] = StatusDown
		case touched[i]:
			status[i] = StatusDegraded
		}
	}

	im := &Outage{}
	segs := map[*catalog.Segment]*hitSet{}
	touch := map[string]*hitSet{}
	for _, want := range []string{StatusFailed, StatusDown, StatusDegraded} {
		for i, s := range g.svc {
			if status[i] != want {
				continue
			}
			is := ImpactedService{Name: s.Name, Title: s.Title, Type: s.Type, Status: want}
			if s.Impact.Tier != nil {
				t := *s.Impact.Tier
				is.Tier = &t
			}
			switch want {
			case StatusDown:
				for _, j := range g.hard[i] {
					if down[j] {
						is.Via = append(is.Via, g.svc[j].Name)
					}
				}
			case StatusDegraded:
				for _, j := range g.all[i] {
					if touched[j] {
						is.Via = append(is.Via, g.svc[j].Name)
					}
				}
			}
			is.Segments, _ = segmentsOf(s)
			is.Touchpoints = sortedSet(append([]string(nil), s.Touchpoints...))
			if want == StatusFailed {
				im.Failed = append(im.Failed, s.Name)
			}
			im.Services = append(im.Services, is)

			hs := StatusDown
			if want == StatusDegraded {
				hs = StatusDegraded
			}
			for _, seg := range s.Segments {
				hitOn(segs, seg, hs, s.Name)
			}
			for _, t := range s.Touchpoints {
				hitOn(touch, t, hs, s.Name)
			}
		}
	}

	// Keyed by name, so that a duplicate name (a catalog error) cannot make
	// the report depend on map order.
	markets, personas := map[string]*hitSet{}, map[string]*hitSet{}
	titles := map[string]string{}
	for seg, h := range segs {
		im.Segments = append(im.Segments, h.hit(seg.Name, seg.Title))
		if m := seg.Market; m != nil {
			hitOn(markets, m.Name, h.status, seg.Name)
			titles["m/"+m.Name] = m.Title
		}
		for _, p := range seg.Personas {
			hitOn(personas, p.Name, h.status, seg.Name)
			if _, ok := titles["p/"+p.Name]; !ok {
				titles["p/"+p.Name] = p.Title
			}
		}
	}
	for m, h := range markets {
		im.Markets = append(im.Markets, h.hit(m, titles["m/"+m]))
	}
	for p, h := range personas {
		im.Personas = append(im.Personas, h.hit(p, titles["p/"+p]))
	}
	for t, h := range touch {
		im.Touchpoints = append(im.Touchpoints, h.hit(t, ""))
	}
	for _, hits := range [][]Hit{im.Segments, im.Markets, im.Personas, im.Touchpoints} {
		sortHits(hits)
	}
	return im
}

// hitSet gathers what reaches one segment, market, persona or touchpoint.
type hitSet struct {
	status string
	via    []string
}

func hitOn[K comparable](m map[K]*hitSet, k K, status, via string) {
	h := m[k]
	if h == nil {
		h = &hitSet{status: status}
		m[k] = h
	}
	if status == StatusDown {
		h.status = StatusDown
	}
	h.via = append(h.via, via)
}

func (h *hitSet) hit(name, title string) Hit {
	return Hit{Name: name, Title: title, Status: h.status, Via: sortedSet(h.via)}
}

// sortHits puts down before degraded, then sorts by name.
func sortHits(hits []Hit) {
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Status != hits[j].Status {
			return hits[i].Status == StatusDown
		}
		return hits[i].Name < hits[j].Name
	})
}
