package cost_test

import (
	"sort"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/decimal"
)

// The tests build catalogs in memory: a service is its name, type, cost
// and dependencies; build resolves the references the way load.Catalog
// does.

type svc struct {
	name    string
	typ     string // "business" or "supporting"
	period  string
	pools   map[string]string
	deps    []dep
	unit    string
	planned string
	price   string
	segs    []string
}

type dep struct {
	to     string
	soft   bool
	weight string // "" = 1
}

func build(services []svc, segments map[string]string) *catalog.Catalog {
	c := &catalog.Catalog{}
	markets := map[string]*catalog.Market{}
	segs := map[string]*catalog.Segment{}
	for name, market := range segments {
		m := markets[market]
		if m == nil {
			m = &catalog.Market{Entity: catalog.Entity{Kind: catalog.KindMarket, Name: market, Valid: true}}
			markets[market] = m
			c.Markets = append(c.Markets, m)
		}
		s := &catalog.Segment{Entity: catalog.Entity{Kind: catalog.KindSegment, Name: name, Valid: true}, MarketRef: catalog.Ref{Name: market}, Market: m}
		m.Segments = append(m.Segments, s)
		segs[name] = s
		c.Segments = append(c.Segments, s)
	}
	byName := map[string]*catalog.Service{}
	for _, d := range services {
		s := &catalog.Service{Entity: catalog.Entity{Kind: catalog.KindService, Name: d.name, Valid: true}, Type: d.typ}
		if d.pools != nil {
			s.Cost = &catalog.Cost{Currency: "USD", Period: d.period}
			for _, p := range sortedKeys(d.pools) {
				s.Cost.Pools = append(s.Cost.Pools, catalog.PoolAmount{Pool: p, Amount: decimal.MustParse(d.pools[p])})
			}
		}
		if d.unit != "" || d.planned != "" || d.price != "" {
			s.Consumption = &catalog.Consumption{Unit: d.unit}
			if d.planned != "" {
				v := decimal.MustParse(d.planned)
				s.Consumption.Planned = &v
			}
			if d.price != "" {
				v := decimal.MustParse(d.price)
				s.Consumption.Price = &v
			}
		}
		for _, name := range d.segs {
			s.SegmentRefs = append(s.SegmentRefs, catalog.Ref{Name: name})
			if sg := segs[name]; sg != nil {
				s.Segments = append(s.Segments, sg)
				sg.Services = append(sg.Services, s)
			}
		}
		byName[d.name] = s
		c.Services = append(c.Services, s)
	}
	for i, d := range services {
		s := c.Services[i]
		for _, e := range d.deps {
			w := decimal.FromInt(1)
			if e.weight != "" {
				w = decimal.MustParse(e.weight)
			}
			edge := &catalog.Dependency{From: s, To: byName[e.to], Ref: catalog.Ref{Name: e.to}, Hard: !e.soft, Weight: w}
			s.DependsOn = append(s.DependsOn, edge)
			if edge.To != nil {
				edge.To.Dependents = append(edge.To.Dependents, edge)
			}
		}
	}
	sortByName(c)
	return c
}
func sortedKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sortByName(c *catalog.Catalog) {
	sort.Slice(c.Services, func(i, j int) bool { return c.Services[i].Name < c.Services[j].Name })
	sort.Slice(c.Segments, func(i, j int) bool { return c.Segments[i].Name < c.Segments[j].Name })
	sort.Slice(c.Markets, func(i, j int) bool { return c.Markets[i].Name < c.Markets[j].Name })
}
