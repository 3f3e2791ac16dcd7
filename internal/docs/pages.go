package docs

import (
	"sort"
	"time"

	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/decimal"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/graph"
)

// The data each template gets. Every one embeds *page, so templates can
// write {{$.Link .}} and {{$.Href "cost.md"}} relative to the page.

// findingRow is a lint finding as a page shows it.
type findingRow struct {
	finding.Finding
	Subject catalog.Named // the entity it is about; nil for a file
}

// findingsAbout returns the findings about the entity with id (all
// findings when id is ""), in the linter's order.
func (s *site) findingsAbout(id string) []findingRow {
	var out []findingRow
	for _, f := range s.lint.Findings {
		if id != "" && f.Entity != id {
			continue
		}
		row := findingRow{Finding: f}
		if f.Entity != "" {
			row.Subject = s.c.Entity(f.Entity)
		}
		out = append(out, row)
	}
	return out
}

type indexData struct {
	*page
	C                    *catalog.Catalog
	Business, Supporting []*catalog.Service
	Summary              finding.Summary
	Findings             []findingRow
	Plan                 *graph.Plan
}

func (s *site) indexData() indexData {
	d := indexData{page: s.page(indexPath), C: s.c, Summary: s.lint.Summary(), Findings: s.findingsAbout(""), Plan: s.plan}
	// Most severe first; within a severity, the linter's order (by file
	// and line).
	sort.SliceStable(d.Findings, func(i, j int) bool { return d.Findings[i].Severity > d.Findings[j].Severity })
	for _, x := range sorted(s.c.Services).([]*catalog.Service) {
		if x.IsBusiness() {
			d.Business = append(d.Business, x)
		} else {
			d.Supporting = append(d.Supporting, x)
		}
	}
	return d
}

type marketData struct {
	*page
	M            *catalog.Market
	Personas     []*catalog.Persona
	Services     []*catalog.Service // business services tracing to its segments
	Underpinning []*catalog.Service // what those services depend on
	Cost         *cost.Row
	Report       *cost.Report
	Findings     []findingRow
}

func (s *site) marketData(m *catalog.Market) marketData {
	services := businessServices(m.Segments)
	return marketData{
		page:         s.page(s.path(m)),
		M:            m,
		Personas:     personasOf(m.Segments),
		Services:     services,
		Underpinning: underpinning(services),
		Cost:         s.costs.markets[m.Name],
		Report:       s.costs.ByMarket,
		Findings:     s.findingsAbout(m.ID()),
	}
}

type segmentData struct {
	*page
	S            *catalog.Segment
	Stakeholders []stakeholderRow
	AsOf         time.Time
	Touchpoints  []string
	Cost         *cost.Row
	Report       *cost.Report
	Findings     []findingRow
}

func (s *site) segmentData(seg *catalog.Segment) segmentData {
	return segmentData{
		page:         s.page(s.path(seg)),
		S:            seg,
		Touchpoints:  touchpointsOf(seg.Services),
		Cost:         s.costs.segments[seg.Name],
		Report:       s.costs.BySegment,
		Findings:     s.findingsAbout(seg.ID()),
		Stakeholders: s.stakeholderRows(seg.Stakeholders),
		AsOf:         s.measures.AsOf,
	}
}

type personaData struct {
	*page
	P           *catalog.Persona
	Market      *catalog.Market
	Services    []*catalog.Service
	Touchpoints []string
	Findings    []findingRow
}

func (s *site) personaData(p *catalog.Persona) personaData {
	d := personaData{page: s.page(s.path(p)), P: p, Findings: s.findingsAbout(p.ID())}
	if p.Segment != nil {
		d.Market = p.Segment.Market
		d.Services = sortServices(append([]*catalog.Service(nil), p.Segment.Services...))
		d.Touchpoints = touchpointsOf(d.Services)
	}
	return d
}

type serviceData struct {
	*page
	S           *catalog.Service
	Markets     []*catalog.Market
	Upstream    []*catalog.Dependency
	Downstream  []*catalog.Dependency
	Graph       string
	GraphDirect bool
	// Supports are the business services that depend on a supporting
	// service, transitively.
	Supports []*catalog.Service
	// Step is the service's step in the total-loss plan.
	Step     *graph.Step
	Plan     *graph.Plan
	PlanErr  error
	Cost     *serviceCost
	Measures serviceMeasures
	Findings []findingRow
}

// HasExperience reports whether any part of the experience package is
// recorded; supporting services show it only then.
func (d serviceData) HasExperience() bool {
	e := d.S.Experience
	return len(e.FacilitatingProducts)+len(e.Information)+len(e.ExplicitBenefits)+len(e.ImplicitBenefits) > 0
}

// EarlierDeadline reports whether the service must be back before its
// own RTO says, because of a service that depends on it.
func (d serviceData) EarlierDeadline() bool {
	st := d.Step
	return st != nil && st.Deadline != nil && (st.RTO == nil || *st.Deadline < *st.RTO)
}

func (s *site) serviceData(x *catalog.Service) (serviceData, error) {
	d := serviceData{
		page:       s.page(s.path(x)),
		S:          x,
		Markets:    marketsOf(x.Segments),
		Upstream:   upstreamEdges(x),
		Downstream: downstreamEdges(x),
		Plan:       s.plan,
		PlanErr:    s.planErr,
		Step:       s.steps[x.Name],
		Cost:       s.costs.service(x),
		Findings:   s.findingsAbout(x.ID()),
		Measures:   s.serviceMeasures(x),
	}
	var err error
	d.Graph, d.GraphDirect, err = dependencyGraph(x)
	if !x.IsBusiness() {
		d.Supports = supportedBusiness(x)
	}
	return d, err
}

type teamData struct {
	*page
	T        *catalog.Team
	Services []*catalog.Service
	Markets  []*catalog.Market
	Findings []findingRow
}

func (s *site) teamData(t *catalog.Team) teamData {
	services := sortServices(append([]*catalog.Service(nil), t.Services...))
	var segs []*catalog.Segment
	for _, x := range services {
		segs = append(segs, x.Segments...)
	}
	return teamData{page: s.page(s.path(t)), T: t, Services: services, Markets: marketsOf(segs), Findings: s.findingsAbout(t.ID())}
}

type siteData struct {
	*page
	S        *catalog.Site
	Services []*catalog.Service
	// Plan restores everything after this site is lost.
	Plan     *graph.Plan
	PlanErr  error
	Findings []findingRow
}

func (s *site) siteData(x *catalog.Site) siteData {
	d := siteData{page: s.page(s.path(x)), S: x, Services: sortServices(append([]*catalog.Service(nil), x.Services...)), Findings: s.findingsAbout(x.ID())}
	if len(d.Services) > 0 {
		d.Plan, d.PlanErr = graph.RestoreOrder(s.c, graph.Scenario{Sites: []string{x.Name}}, graph.Options{DefaultDuration: s.cfg.RestoreDuration})
	}
	return d
}

type restoreData struct {
	*page
	Plan  *graph.Plan
	Err   error
	Gantt string
}

// Assumed counts the steps whose restore duration is assumed.
func (d restoreData) Assumed() int {
	n := 0
	if d.Plan != nil {
		for _, st := range d.Plan.Steps {
			if st.Assumed {
				n++
			}
		}
	}
	return n
}

func (s *site) restoreData() (restoreData, error) {
	d := restoreData{page: s.page(restorePath), Plan: s.plan, Err: s.planErr}
	var err error
	if s.plan != nil && len(s.plan.Steps) > 0 {
		d.Gantt, err = planGantt(s.plan)
	}
	return d, err
}

type costData struct {
	*page
	*costs
	// Business and Supporting are the report's rows with their services,
	// sorted for reading.
	Business, Supporting []costRow
	Segments, Markets    []costRow
	Orphans              []*catalog.Service
	// PoolTotals add up the direct cost table's columns (in the report's
	// pool order), DirectSum its last column: sums of the figures shown.
	PoolTotals []decimal.Decimal
	DirectSum  decimal.Decimal
}

// costRow is a report row with the entity it is about; nil for the row
// of business services that trace to no segment, which sorts last.
type costRow struct {
	*cost.Row
	Subject catalog.Named
}

func (s *site) costData() costData {
	d := costData{page: s.page(costPath), costs: s.costs}
	rows := func(rs []cost.Row, lookup func(string) catalog.Named) []costRow {
		var out []costRow
		for i := range rs {
			out = append(out, costRow{Row: &rs[i], Subject: lookup(rs[i].Name)})
		}
		sort.SliceStable(out, func(i, j int) bool {
			a, b := out[i].Subject, out[j].Subject
			if a == nil || b == nil {
				return b == nil && a != nil
			}
			return lessNamed(a, b)
		})
		return out
	}
	service := func(n string) catalog.Named { return namedOrNil(s.c.Service(n)) }
	d.Business = rows(s.costs.ByService.Rows, service)
	d.Supporting = rows(s.costs.ByService.Supporting, service)
	d.Segments = rows(s.costs.BySegment.Rows, func(n string) catalog.Named { return namedOrNil(s.c.Segment(n)) })
	d.Markets = rows(s.costs.ByMarket.Rows, func(n string) catalog.Named { return namedOrNil(s.c.Market(n)) })
	d.PoolTotals = make([]decimal.Decimal, len(s.costs.ByService.Pools))
	for _, rows := range [][]costRow{d.Business, d.Supporting} {
		for _, r := range rows {
			for i, p := range s.costs.ByService.Pools {
				d.PoolTotals[i] = d.PoolTotals[i].Add(r.Direct[p])
			}
			d.DirectSum = d.DirectSum.Add(r.DirectTotal)
		}
	}
	for _, n := range s.costs.ByService.Orphans {
		if x := s.c.Service(n); x != nil {
			d.Orphans = append(d.Orphans, x)
		}
	}
	return d
}

// namedOrNil turns a typed nil pointer into a nil interface.
func namedOrNil[T catalog.Named](x T) catalog.Named {
	if isNil(x) {
		return nil
	}
	return x
}

// traceRow is one line of the traceability matrix: a segment of a market
// (Segment is nil for a market without segments).
type traceRow struct {
	Market   *catalog.Market
	Segment  *catalog.Segment
	Personas []*catalog.Persona
	Services []*catalog.Service
}

// supportRow traces a supporting service to the business services (and
// so the markets) it serves.
type supportRow struct {
	Service  *catalog.Service
	Business []*catalog.Service
	Markets  []*catalog.Market
}

type traceData struct {
	*page
	Rows                  []traceRow
	Untraced              []*catalog.Service
	Orphans               []*catalog.Service
	MarketsWithoutSegment []*catalog.Market
	SegmentsWithoutPerson []*catalog.Segment
	SegmentsWithoutServ   []*catalog.Segment
	Supporting            []supportRow
}

func (s *site) traceData() traceData {
	d := traceData{page: s.page(tracePath)}
	for _, m := range sorted(s.c.Markets).([]*catalog.Market) {
		if len(m.Segments) == 0 {
			d.Rows = append(d.Rows, traceRow{Market: m})
			d.MarketsWithoutSegment = append(d.MarketsWithoutSegment, m)
		}
		for _, seg := range sortSegments(m.Segments) {
			d.Rows = append(d.Rows, s.traceRow(m, seg))
		}
	}
	for _, seg := range sorted(s.c.Segments).([]*catalog.Segment) {
		if seg.Market == nil {
			d.Rows = append(d.Rows, s.traceRow(nil, seg))
		}
		if len(seg.Personas) == 0 {
			d.SegmentsWithoutPerson = append(d.SegmentsWithoutPerson, seg)
		}
		if len(seg.Services) == 0 {
			d.SegmentsWithoutServ = append(d.SegmentsWithoutServ, seg)
		}
	}
	for _, x := range sorted(s.c.Services).([]*catalog.Service) {
		switch {
		case x.IsBusiness() && len(x.Segments) == 0:
			d.Untraced = append(d.Untraced, x)
		case !x.IsBusiness():
			if len(x.Dependents) == 0 {
				d.Orphans = append(d.Orphans, x)
			}
			business := supportedBusiness(x)
			var segs []*catalog.Segment
			for _, b := range business {
				segs = append(segs, b.Segments...)
			}
			d.Supporting = append(d.Supporting, supportRow{Service: x, Business: business, Markets: marketsOf(segs)})
		}
	}
	return d
}

func (s *site) traceRow(m *catalog.Market, seg *catalog.Segment) traceRow {
	return traceRow{
		Market:   m,
		Segment:  seg,
		Personas: sortPersonas(seg.Personas),
		Services: sortServices(append([]*catalog.Service(nil), seg.Services...)),
	}
}

func sortSegments(xs []*catalog.Segment) []*catalog.Segment {
	out := append([]*catalog.Segment(nil), xs...)
	sort.SliceStable(out, func(i, j int) bool { return lessNamed(out[i], out[j]) })
	return out
}

func sortPersonas(xs []*catalog.Persona) []*catalog.Persona {
	out := append([]*catalog.Persona(nil), xs...)
	sort.SliceStable(out, func(i, j int) bool { return lessNamed(out[i], out[j]) })
	return out
}
