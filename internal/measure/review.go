package measure

import (
	"sort"
	"strconv"
	"time"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

// Groupings of review rows.
const (
	ByService = cost.ByService
	BySegment = cost.BySegment
	ByMarket  = cost.ByMarket
)

// ReviewOptions choose a review's rows.
type ReviewOptions struct {
	// All adds the supporting services to the live and retiring business
	// services.
	All bool
	// Period, when set, uses only measurements of exactly that period;
	// else each service's latest.
	Period catalog.Period
	By     string
	// Findings are the rule ids of the policy findings on each entity,
	// by "Kind/name".
	Findings map[string][]string
}

// Review is the service review: per service (or segment, or market) the
// measures of one period against the plan, and cost against price.
type Review struct {
	AsOf time.Time
	By   string
	// Currency and CostPeriod are the cost report's: unit cost and price
	// per unit, recovery per CostPeriod.
	Currency   string
	CostPeriod string
	Places     int
	Rows       []ReviewRow
}

// ReviewRow is one row. For a segment or market, consumption and money
// are sums over its services (a service tracing to several segments
// counts equally in each, as in the cost report), satisfaction is the
// response-weighted mean, and availability is not defined.
type ReviewRow struct {
	Name, Title string
	// Type is business or supporting for a service, segment or market,
	// or untraced.
	Type string
	// Period is the measurement's (zero without one); in a group, the
	// latest of its services'.
	Period catalog.Period
	Figures
	// Services counts a group's services and Measured those with a
	// measurement.
	Services, Measured int
	// UnitCost, Price and Recovery come from the cost report; nil where
	// it has none. UnitPlaces is what unit cost and price are shown with.
	UnitCost, Price, Recovery *decimal.Decimal
	UnitPlaces                int
	Findings                  []string
}

// Reviewed reports whether a service takes part in a review: live and
// retiring business services, and with all every service not retired.
func Reviewed(s *catalog.Service, all bool) bool {
	if all {
		return !s.IsRetired()
	}
	return s.IsBusiness() && s.Live()
}

// NewReview builds the review of catalog c from the cost report by
// service (report) and, by segment or market, the cost report grouped the
// same way (grouped).
func NewReview(c *catalog.Catalog, cfg *config.Config, report, grouped *cost.Report, opt ReviewOptions) *Review {
	if cfg == nil {
		cfg = config.Default()
	}
	by := opt.By
	if by == "" {
		by = ByService
	}
	r := &Review{AsOf: cfg.Today(), By: by, Currency: report.Currency, CostPeriod: report.Period, Places: report.Places}
	money := map[string]cost.Row{}
	for _, row := range report.Rows {
		money[row.Name] = row
	}
	for _, row := range report.Supporting {
		money[row.Name] = row
	}
	var rows []ReviewRow
	for _, s := range c.Services {
		if !Reviewed(s, opt.All) || c.Service(s.Name) != s {
			continue
		}
		m := Latest(s)
		if !opt.Period.IsZero() {
			m = InPeriod(s, opt.Period)
		}
		row := ReviewRow{Name: s.Name, Title: s.DisplayName(), Type: s.Type, Figures: Measure(s, m, cfg), Services: 1}
		if m != nil {
			row.Period = m.Period
			row.Measured = 1
		}
		if cr, ok := money[s.Name]; ok {
			row.UnitCost, row.Price, row.Recovery, row.UnitPlaces = cr.UnitCost, cr.Price, cr.Recovery, cr.UnitPlaces
		}
		row.Findings = opt.Findings[s.ID()]
		rows = append(rows, row)
	}
	if by == ByService {
		r.Rows = rows
		return r
	}
	r.Rows = groupReview(c, rows, grouped, by, opt.Findings)
	return r
}

// groupReview sums the business services' rows into their segments or
// markets.
func groupReview(c *catalog.Catalog, rows []ReviewRow, grouped *cost.Report, by string, findings map[string][]string) []ReviewRow {
	type acc struct {
		row                 ReviewRow
		planned, consumed   decimal.Decimal
		hasPlan, hasUse     bool
		weighted, responses decimal.Decimal
		findings            map[string]bool
	}
	groups := map[string]*acc{}
	var order []string
	get := func(name, title, typ string) *acc {
		if g, ok := groups[name]; ok {
			return g
		}
		g := &acc{row: ReviewRow{Name: name, Title: title, Type: typ}, findings: map[string]bool{}}
		groups[name] = g
		if name != cost.Untraced {
			order = append(order, name)
		}
		return g
	}
	if by == BySegment {
		for _, sg := range c.Segments {
			get(sg.Name, sg.DisplayName(), by)
		}
	} else {
		for _, mk := range c.Markets {
			get(mk.Name, mk.DisplayName(), by)
		}
	}
	for _, row := range rows {
		s := c.Service(row.Name)
		if !s.IsBusiness() {
			continue
		}
		type key struct{ name, title string }
		var keys []key
		seen := map[string]bool{}
		for _, sg := range s.Segments {
			k := key{sg.Name, sg.DisplayName()}
			if by == ByMarket {
				k = key{cost.Untraced, cost.Untraced}
				if sg.Market != nil {
					k = key{sg.Market.Name, sg.Market.DisplayName()}
				}
			}
			if !seen[k.name] {
				seen[k.name] = true
				keys = append(keys, k)
			}
		}
		// A service counts in each of its segments equally, as its cost
		// does (cost --split equal); by market, per segment too.
		segs := uniqueSegments(s)
		if len(keys) == 0 {
			keys = []key{{cost.Untraced, cost.Untraced}}
		}
		for _, k := range keys {
			typ := by
			if k.name == cost.Untraced {
				typ = "untraced"
			}
			g := get(k.name, k.title, typ)
			share := shareOf(s, segs, k.name, by)
			g.row.Services++
			if row.Measurement != nil {
				g.row.Measured++
				if row.Period.Later(g.row.Period) || g.row.Period.IsZero() {
					g.row.Period = row.Period
				}
			}
			if row.Planned != nil {
				g.planned = g.planned.Add(row.Planned.Mul(share))
				g.hasPlan = true
			}
			if row.Consumed != nil {
				g.consumed = g.consumed.Add(row.Consumed.Mul(share))
				g.hasUse = true
			}
			if sv := row.Satisfaction; sv != nil && sv.Responses != nil && *sv.Responses > 0 {
				n := decimal.FromInt(*sv.Responses).Mul(share)
				g.weighted = g.weighted.Add(sv.Percent.Mul(n))
				g.responses = g.responses.Add(n)
			}
			for _, f := range row.Findings {
				g.findings[f] = true
			}
		}
	}
	money := map[string]cost.Row{}
	if grouped != nil {
		for _, row := range grouped.Rows {
			money[row.Name] = row
		}
	}
	sort.Strings(order)
	if _, ok := groups[cost.Untraced]; ok {
		order = append(order, cost.Untraced)
	}
	var out []ReviewRow
	for _, name := range order {
		g := groups[name]
		row := g.row
		if g.hasPlan {
			p := g.planned
			row.Planned = &p
		}
		if g.hasUse {
			u := g.consumed
			row.Consumed = &u
		}
		if g.hasPlan && g.hasUse {
			row.VariancePercent = variance(row.Consumed, row.Planned)
		}
		if g.responses.Sign() > 0 {
			pct, _ := g.weighted.Quo(g.responses)
			resp, _ := strconv.ParseInt(g.responses.Round(0).FloatString(0), 10, 64)
			row.Satisfaction = &Satisfaction{Percent: pct, Responses: &resp}
		}
		if cr, ok := money[name]; ok {
			row.Recovery = cr.Recovery
		}
		for f := range g.findings {
			row.Findings = append(row.Findings, f)
		}
		sort.Strings(row.Findings)
		for _, f := range findings[kindOf(by)+"/"+name] {
			row.Findings = appendUnique(row.Findings, f)
		}
		out = append(out, row)
	}
	return out
}

func kindOf(by string) string {
	if by == BySegment {
		return catalog.KindSegment
	}
	return catalog.KindMarket
}

func appendUnique(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	xs = append(xs, x)
	sort.Strings(xs)
	return xs
}

// uniqueSegments is a service's resolved segments, each once.
func uniqueSegments(s *catalog.Service) []*catalog.Segment {
	var out []*catalog.Segment
	seen := map[*catalog.Segment]bool{}
	for _, sg := range s.Segments {
		if !seen[sg] {
			seen[sg] = true
			out = append(out, sg)
		}
	}
	return out
}

// shareOf is the part of a service that counts in group name: one over
// its segments for each of its segments in the group.
func shareOf(s *catalog.Service, segs []*catalog.Segment, name, by string) decimal.Decimal {
	if len(segs) == 0 {
		return decimal.FromInt(1)
	}
	n := 0
	for _, sg := range segs {
		switch {
		case by == BySegment && sg.Name == name,
			by == ByMarket && sg.Market != nil && sg.Market.Name == name,
			by == ByMarket && sg.Market == nil && name == cost.Untraced:
			n++
		}
	}
	q, _ := decimal.FromInt(int64(n)).Quo(decimal.FromInt(int64(len(segs))))
	return q
}

// PolicyFindings maps each entity ("Kind/name") to the sorted, distinct
// rule ids of the policy findings about it.
func PolicyFindings(fs []finding.Finding) map[string][]string {
	out := map[string][]string{}
	for _, f := range fs {
		if f.Entity == "" || lint.ClassOf(f.Rule) != lint.Policy {
			continue
		}
		out[f.Entity] = appendUnique(out[f.Entity], f.Rule)
	}
	return out
}
