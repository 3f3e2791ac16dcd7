package load

import (
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/duration"
	"github.com/svccat/svccat/internal/source"
)

// decoder reads typed values out of a document's YAML nodes. It is
// lenient: the schema has already reported every shape problem, so a value
// of the wrong type is simply left empty here.
type decoder struct {
	doc *source.Document
}

func (d decoder) pos(n *yaml.Node) source.Pos { return d.doc.NodePos(n) }

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// get returns the value of key in mapping m, or nil.
func get(m *yaml.Node, key string) *yaml.Node {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return deref(m.Content[i+1])
		}
	}
	return nil
}

func scalar(n *yaml.Node) (string, bool) {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", false
	}
	return n.Value, true
}

func str(n *yaml.Node) string {
	s, _ := scalar(n)
	return s
}

func strs(n *yaml.Node) []string {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []string
	for _, c := range n.Content {
		if s, ok := scalar(c); ok {
			out = append(out, s)
		}
	}
	return out
}

func strMap(n *yaml.Node) map[string]string {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		out[n.Content[i].Value] = str(n.Content[i+1])
	}
	return out
}

// posMap gives the position of each value in mapping n.
func (d decoder) posMap(n *yaml.Node) map[string]source.Pos {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	out := make(map[string]source.Pos, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		out[n.Content[i].Value] = d.pos(n.Content[i+1])
	}
	return out
}

func (d decoder) ref(n *yaml.Node) catalog.Ref {
	s, ok := scalar(n)
	if !ok {
		return catalog.Ref{}
	}
	return catalog.Ref{Name: s, Pos: d.pos(n)}
}

func (d decoder) refs(n *yaml.Node) []catalog.Ref {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []catalog.Ref
	for _, c := range n.Content {
		if r := d.ref(c); r.Name != "" {
			out = append(out, r)
		}
	}
	return out
}

func (d decoder) dur(n *yaml.Node) catalog.Duration {
	s, ok := scalar(n)
	if !ok {
		return catalog.Duration{}
	}
	v, err := duration.Parse(s)
	if err != nil {
		return catalog.Duration{}
	}
	return catalog.Duration{D: v, Set: true, Pos: d.pos(n)}
}

func num(n *yaml.Node) (decimal.Decimal, bool) {
	s, ok := scalar(n)
	if !ok {
		return decimal.Decimal{}, false
	}
	v, err := decimal.Parse(s)
	return v, err == nil
}

func (d decoder) entity(kind string) catalog.Entity {
	md := get(d.doc.Root, "metadata")
	name := get(md, "name")
	return catalog.Entity{
		Kind:          kind,
		Name:          str(name),
		Title:         str(get(md, "title")),
		Description:   str(get(md, "description")),
		Labels:        strMap(get(md, "labels")),
		Annotations:   strMap(get(md, "annotations")),
		AnnotationPos: d.posMap(get(md, "annotations")),
		Links:         d.links(get(md, "links")),
		Pos:           d.doc.Pos(),
		NamePos:       d.pos(name),
	}
}

func (d decoder) links(n *yaml.Node) []catalog.Link {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []catalog.Link
	for _, c := range n.Content {
		c = deref(c)
		if u := str(get(c, "url")); u != "" {
			out = append(out, catalog.Link{URL: u, Title: str(get(c, "title")), Type: str(get(c, "type")), Pos: d.pos(c)})
		}
	}
	return out
}

func (d decoder) market() *catalog.Market {
	spec := get(d.doc.Root, "spec")
	return &catalog.Market{
		Entity:           d.entity(catalog.KindMarket),
		ValueProposition: str(get(spec, "valueProposition")),
		Competitors:      strs(get(spec, "competitors")),
		Advantages:       strs(get(spec, "advantages")),
		Vulnerabilities:  strs(get(spec, "vulnerabilities")),
		PointOfView:      strs(get(spec, "pointOfView")),
	}
}

func (d decoder) segment() *catalog.Segment {
	spec := get(d.doc.Root, "spec")
	s := &catalog.Segment{
		Entity:           d.entity(catalog.KindSegment),
		MarketRef:        d.ref(get(spec, "market")),
		Audience:         str(get(spec, "audience")),
		ValueProposition: str(get(spec, "valueProposition")),
	}
	if v, ok := scalar(get(spec, "size")); ok {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			s.Size = &n
		}
	}
	return s
}

func (d decoder) persona() *catalog.Persona {
	spec := get(d.doc.Root, "spec")
	return &catalog.Persona{
		Entity:       d.entity(catalog.KindPersona),
		SegmentRef:   d.ref(get(spec, "segment")),
		Narrative:    str(get(spec, "narrative")),
		Needs:        strs(get(spec, "needs")),
		Expectations: strs(get(spec, "expectations")),
		Values:       strs(get(spec, "values")),
	}
}

func (d decoder) team() *catalog.Team {
	spec := get(d.doc.Root, "spec")
	t := &catalog.Team{Entity: d.entity(catalog.KindTeam), Contact: str(get(spec, "contact")), Oncall: str(get(spec, "oncall")), Crews: 1}
	if v, err := strconv.Atoi(str(get(spec, "crews"))); err == nil && v >= 1 {
		t.Crews = v
	}
	return t
}

func (d decoder) site() *catalog.Site {
	return &catalog.Site{Entity: d.entity(catalog.KindSite), Location: str(get(get(d.doc.Root, "spec"), "location"))}
}

func (d decoder) service() *catalog.Service {
	spec := get(d.doc.Root, "spec")
	typ := get(spec, "type")
	s := &catalog.Service{
		Entity:      d.entity(catalog.KindService),
		Type:        str(typ),
		TypePos:     d.pos(typ),
		Owner:       d.ref(get(spec, "owner")),
		SegmentRefs: d.refs(get(spec, "segments")),
		Touchpoints: strs(get(spec, "touchpoints")),
		SiteRefs:    d.refs(get(spec, "sites")),
	}
	if s.Type == "" {
		s.TypePos = d.pos(spec)
	}
	s.Lifecycle, s.LifecyclePos = catalog.Live, d.pos(spec)
	if lc := get(spec, "lifecycle"); lc != nil {
		switch v := str(lc); v {
		case catalog.Pipeline, catalog.Live, catalog.Retiring, catalog.Retired:
			s.Lifecycle, s.LifecyclePos = v, d.pos(lc)
		}
	}
	s.Restore.Strategy, s.Restore.StrategyPos, s.Restore.Pos = catalog.StrategyRestore, d.pos(spec), d.pos(spec)
	if im := get(spec, "impact"); im != nil {
		s.Impact.Pos = d.pos(im)
		if t := get(im, "tier"); t != nil {
			if v, err := strconv.Atoi(str(t)); err == nil {
				s.Impact.Tier = &v
				s.Impact.TierPos = d.pos(t)
			}
		}
		s.Impact.RTO = d.dur(get(im, "rto"))
		s.Impact.RPO = d.dur(get(im, "rpo"))
	}
	if rs := get(spec, "restore"); rs != nil {
		s.Restore.Pos, s.Restore.StrategyPos = d.pos(rs), d.pos(rs)
		if st := get(rs, "strategy"); st != nil {
			switch v := str(st); v {
			case catalog.StrategyRestore, catalog.StrategyFailover, catalog.StrategyActiveActive:
				s.Restore.Strategy, s.Restore.StrategyPos = v, d.pos(st)
			}
		}
		s.Restore.Duration = d.dur(get(rs, "duration"))
		s.Restore.Failover = d.dur(get(rs, "failover"))
		s.Restore.StandbyRefs = d.refs(get(rs, "standby"))
		s.Restore.BackupInterval = d.dur(get(rs, "backupInterval"))
		s.Restore.CrewRef = d.ref(get(rs, "crew"))
		s.Restore.Runbook = str(get(rs, "runbook"))
	}
	if deps := get(spec, "dependsOn"); deps != nil && deps.Kind == yaml.SequenceNode {
		for _, c := range deps.Content {
			if dep := d.dependency(s, deref(c)); dep != nil {
				s.DependsOn = append(s.DependsOn, dep)
			}
		}
	}
	if slos := get(spec, "slos"); slos != nil && slos.Kind == yaml.SequenceNode {
		for _, c := range slos.Content {
			o := catalog.SLO{
				Name:      str(get(c, "name")),
				Indicator: str(get(c, "indicator")),
				Window:    d.dur(get(c, "window")),
				Pos:       d.pos(c),
			}
			o.Objective, _ = num(get(c, "objective"))
			s.SLOs = append(s.SLOs, o)
		}
	}
	if c := get(spec, "cost"); c != nil && c.Kind == yaml.MappingNode {
		cur := get(c, "currency")
		cost := &catalog.Cost{Currency: str(cur), CurrencyPos: d.pos(cur), Period: str(get(c, "period")), Pos: d.pos(c)}
		if cur == nil {
			cost.CurrencyPos = d.pos(c)
		}
		if pools := get(c, "pools"); pools != nil && pools.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(pools.Content); i += 2 {
				amt, ok := num(pools.Content[i+1])
				if !ok {
					continue
				}
				cost.Pools = append(cost.Pools, catalog.PoolAmount{Pool: pools.Content[i].Value, Amount: amt, Pos: d.pos(pools.Content[i])})
			}
		}
		s.Cost = cost
	}
	if c := get(spec, "consumption"); c != nil && c.Kind == yaml.MappingNode {
		cons := &catalog.Consumption{Unit: str(get(c, "unit")), Pos: d.pos(c)}
		if v, ok := num(get(c, "planned")); ok {
			cons.Planned = &v
		}
		if v, ok := num(get(c, "price")); ok {
			cons.Price = &v
		}
		s.Consumption = cons
	}
	if e := get(spec, "experience"); e != nil {
		s.Experience = catalog.Experience{
			FacilitatingProducts: strs(get(e, "facilitatingProducts")),
			Information:          strs(get(e, "information")),
			ExplicitBenefits:     strs(get(e, "explicitBenefits")),
			ImplicitBenefits:     strs(get(e, "implicitBenefits")),
		}
	}
	return s
}

func (d decoder) dependency(from *catalog.Service, n *yaml.Node) *catalog.Dependency {
	dep := &catalog.Dependency{From: from, Hard: true, Weight: decimal.FromInt(1), Pos: d.pos(n)}
	switch n.Kind {
	case yaml.ScalarNode:
		dep.Ref = d.ref(n)
	case yaml.MappingNode:
		dep.Ref = d.ref(get(n, "service"))
		dep.Hard = str(get(n, "type")) != "soft"
		if w, ok := num(get(n, "weight")); ok && w.Sign() > 0 {
			dep.Weight = w
		}
	}
	if dep.Ref.Name == "" {
		return nil
	}
	return dep
}
