package cost

import (
	"fmt"
	"sort"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/decimal"
)

// Groupings a report's rows can be by.
const (
	ByService = "service"
	BySegment = "segment"
	ByMarket  = "market"
)

// Groupings lists the values of --by.
var Groupings = []string{ByService, BySegment, ByMarket}

// Names of the rows that are not an entity.
const (
	Untraced    = "(untraced)"
	Unallocated = "(unallocated)"
)

// Report is a cost report ready to print: an allocation grouped into rows
// and rounded to the currency's minor unit.
//
// Rows are what customers are charged for: business services, or the
// segments or markets they trace to. The rows' totals plus Unallocated
// add up to Totals.Total, which is the sum of every direct cost rounded
// to the minor unit. Rounding uses the largest-remainder method at each
// level (the grand total into rows, a row's total into direct and
// allocated, direct into pools), so every figure is its exact value
// rounded down or up, and every sum a reader checks adds up.
type Report struct {
	Currency string
	Period   string
	By       string
	// Places is the number of decimal places of the currency's minor
	// unit, to which every amount is rounded.
	Places int
	// Pools are the cost pools with an amount, in column order.
	Pools []string
	Rows  []Row
	// Supporting holds, in a report by service, the supporting services:
	// what each costs in full and passes on. Their cost is already in the
	// rows' allocated column; they are not part of the totals.
	Supporting []Row
	// Unallocated is the full cost of the supporting services nothing
	// depends on (Orphans); it is part of Totals.Total.
	Unallocated decimal.Decimal
	Orphans     []string
	Totals      Totals
	// Exact are the unrounded figures of the totals.
	Exact Totals
}

// Row is one line of a report.
type Row struct {
	Name  string
	Title string
	// Type is "business" or "supporting" for a service, "segment" or
	// "market", or "untraced".
	Type string
	// Unit, Planned, UnitCost and Price are a service's; a segment or
	// market mixes units, so they are empty there.
	Unit     string
	Planned  *decimal.Decimal // exact
	UnitCost *decimal.Decimal // rounded to UnitPlaces; nil when not defined
	Price    *decimal.Decimal // as given
	// UnitPlaces is the places unit cost and price are shown with: the
	// minor unit, or more when the price has more.
	UnitPlaces int

	// Amounts are rounded to the currency's minor unit.
	Amounts
	// Exact are the same figures unrounded.
	Exact Amounts
	// Sources split Allocated by the supporting service where the money
	// was spent (see Allocation.Trace), rounded so they add up to
	// Allocated; in a report by service only.
	Sources []Source
	// AllocatedByPool splits Allocated by the pool it was spent in, rounded
	// so the pools add up to Allocated; in a report by service only.
	AllocatedByPool map[string]decimal.Decimal
}

// Amounts are a row's money.
type Amounts struct {
	Direct      map[string]decimal.Decimal // by pool
	DirectTotal decimal.Decimal
	Allocated   decimal.Decimal
	Total       decimal.Decimal
	// Revenue is price × planned and Recovery is Revenue − Total; nil
	// without price and planned volume.
	Revenue, Recovery *decimal.Decimal
}

// Source is the part of a row's allocated cost spent by one supporting
// service, in total and per unit.
type Source struct {
	Name    string
	Amount  decimal.Decimal
	PerUnit *decimal.Decimal // rounded to the row's UnitPlaces; nil without a unit cost
}

// Totals are the sums of a report's rows.
type Totals struct {
	Direct      map[string]decimal.Decimal
	DirectTotal decimal.Decimal // the rows' direct cost
	Allocated   decimal.Decimal // what the rows received from supporting services
	Unallocated decimal.Decimal
	Total       decimal.Decimal // DirectTotal + Allocated + Unallocated: every direct cost
	Revenue     decimal.Decimal
	// Recovery is all revenue minus all cost, unallocated included.
	Recovery decimal.Decimal
}

// NewReport groups an allocation's business services by service, segment
// or market and rounds every figure for display.
func NewReport(a *Allocation, by string) (*Report, error) {
	return newReport(a, by, true)
}

// NewUnitReport is the report by service without tracing each row's
// allocated cost to its sources (Row.Sources and AllocatedByPool stay
// empty): what a report needs that quotes unit cost, price and recovery,
// at a fraction of the work on a large catalog.
func NewUnitReport(a *Allocation) (*Report, error) {
	return newReport(a, ByService, false)
}

func newReport(a *Allocation, by string, traced bool) (*Report, error) {
	r := &Report{
		Currency: a.Currency, Period: a.Period, By: by,
		Places: MinorUnits(a.Currency), Pools: a.Pools,
	}
	var rows []Row
	switch by {
	case ByService:
		for _, sc := range a.Services {
			row := serviceRow(sc)
			if sc.Service.IsBusiness() {
				rows = append(rows, row)
			} else {
				r.Supporting = append(r.Supporting, row)
			}
			if sc.Unallocated.Sign() != 0 {
				r.Orphans = append(r.Orphans, sc.Service.Name)
			}
		}
	case BySegment, ByMarket:
		rows = groupRows(a, by)
		for _, sc := range a.Services {
			if sc.Unallocated.Sign() != 0 {
				r.Orphans = append(r.Orphans, sc.Service.Name)
			}
		}
	default:
		return nil, fmt.Errorf("cannot group a cost report by %q: want service, segment or market", by)
	}
	r.round(rows, a.Unallocated)
	for i := range r.Supporting {
		row := &r.Supporting[i]
		roundRow(row, row.Exact.Total.Round(r.Places), r.Pools, r.Places)
		if row.Exact.Revenue != nil {
			rev := row.Exact.Revenue.Round(r.Places)
			rec := rev.Sub(row.Total)
			row.Revenue, row.Recovery = &rev, &rec
		}
	}
	if by == ByService && traced {
		for i := range r.Rows {
			trace(a, &r.Rows[i], r.Pools, r.Places)
		}
		for i := range r.Supporting {
			trace(a, &r.Supporting[i], r.Pools, r.Places)
		}
	}
	return r, nil
}

func serviceRow(sc *ServiceCost) Row {
	s := sc.Service
	row := Row{
		Name: s.Name, Title: s.DisplayName(), Type: s.Type,
		Unit: sc.Unit, Planned: sc.Planned, Price: sc.Price,
		Exact: Amounts{
			Direct: sc.Direct, DirectTotal: sc.DirectTotal, Allocated: sc.Allocated, Total: sc.Total,
			Revenue: sc.Revenue, Recovery: sc.Recovery,
		},
	}
	if row.Type != catalog.Business && row.Type != catalog.Supporting {
		row.Type = catalog.Supporting // an invalid type is not allocated like a business service
	}
	return row
}

// groupRows splits every business service's cost and revenue equally
// across its segments, and adds segments up into their markets. Services
// that trace to no segment (and segments in no market) form one row,
// (untraced).
func groupRows(a *Allocation, by string) []Row {
	groups := map[string]*Row{}
	var names []string
	newGroup := func(name, title, typ string) *Row {
		g := &Row{Name: name, Title: title, Type: typ, Exact: Amounts{Direct: map[string]decimal.Decimal{}}}
		groups[name] = g
		if name != Untraced {
			names = append(names, name)
		}
		return g
	}
	marketOf := func(sg *catalog.Segment) (string, string) {
		if sg.Market == nil {
			return Untraced, Untraced
		}
		return sg.Market.Name, sg.Market.DisplayName()
	}
	keyOf := func(sg *catalog.Segment) (string, string) {
		if by == BySegment {
			return sg.Name, sg.DisplayName()
		}
		return marketOf(sg)
	}
	add := func(name, title string, sc *ServiceCost, n int64) {
		g := groups[name]
		if g == nil {
			typ := by
			if name == Untraced {
				typ = "untraced"
			}
			g = newGroup(name, title, typ)
		}
		e := &g.Exact
		share := func(d decimal.Decimal) decimal.Decimal {
			q, _ := d.Quo(decimal.FromInt(n))
			return q
		}
		for p, v := range sc.Direct {
			e.Direct[p] = e.Direct[p].Add(share(v))
		}
		e.DirectTotal = e.DirectTotal.Add(share(sc.DirectTotal))
		e.Allocated = e.Allocated.Add(share(sc.Allocated))
		e.Total = e.Total.Add(share(sc.Total))
		if sc.Revenue != nil {
			rev := share(*sc.Revenue)
			if e.Revenue != nil {
				rev = rev.Add(*e.Revenue)
			}
			e.Revenue = &rev
		}
	}
	// Every segment or market gets a row, with or without cost: a gap is
	// worth seeing.
	if by == BySegment {
		for _, sg := range a.catalog.Segments {
			if groups[sg.Name] == nil {
				newGroup(sg.Name, sg.DisplayName(), by)
			}
		}
	} else {
		for _, m := range a.catalog.Markets {
			if groups[m.Name] == nil {
				newGroup(m.Name, m.DisplayName(), by)
			}
		}
	}
	for _, sc := range a.Services {
		if !sc.Service.IsBusiness() {
			continue
		}
		segs := uniqueSegments(sc.Service)
		if len(segs) == 0 {
			add(Untraced, Untraced, sc, 1)
			continue
		}
		for _, sg := range segs {
			name, title := keyOf(sg)
			add(name, title, sc, int64(len(segs)))
		}
	}
	sort.Strings(names)
	var rows []Row
	for _, n := range names {
		rows = append(rows, *groups[n])
	}
	if g := groups[Untraced]; g != nil {
		rows = append(rows, *g)
	}
	for i := range rows {
		e := &rows[i].Exact
		if e.Revenue != nil {
			rec := e.Revenue.Sub(e.Total)
			e.Recovery = &rec
		}
	}
	return rows
}

// uniqueSegments is a service's resolved segments, each once.
func uniqueSegments(s *catalog.Service) []*catalog.Segment {
	var out []*catalog.Segment
	seen := map[*catalog.Segment]bool{}
	for _, sg := range s.Segments {
		if sg != nil && !seen[sg] {
			seen[sg] = true
			out = append(out, sg)
		}
	}
	return out
}

// round fills the rows' rounded amounts and the totals. The grand total
// is every row's total plus unallocated, rounded; it is apportioned to
// the rows (and unallocated), each row's total to direct and allocated,
// and direct to the pools. Revenue is apportioned the same way, and
// recovery is the rounded revenue minus the rounded total, so each row
// reads consistently.
func (r *Report) round(rows []Row, unallocated decimal.Decimal) {
	places := r.Places
	totals := make([]decimal.Decimal, 0, len(rows)+1)
	for _, row := range rows {
		totals = append(totals, row.Exact.Total)
	}
	totals = append(totals, unallocated)
	exactGrand := decimal.Sum(totals...)
	rounded := decimal.Apportion(exactGrand.Round(places), totals, places)
	r.Unallocated = rounded[len(rows)]

	var revs []decimal.Decimal
	for _, row := range rows {
		if row.Exact.Revenue != nil {
			revs = append(revs, *row.Exact.Revenue)
		}
	}
	exactRev := decimal.Sum(revs...)
	revs = decimal.Apportion(exactRev.Round(places), revs, places)

	t := Totals{Direct: map[string]decimal.Decimal{}, Unallocated: r.Unallocated}
	e := Totals{Direct: map[string]decimal.Decimal{}, Unallocated: unallocated, Total: exactGrand, Revenue: exactRev}
	for i := range rows {
		row := &rows[i]
		roundRow(row, rounded[i], r.Pools, places)
		if row.Exact.Revenue != nil {
			rev := revs[0]
			revs = revs[1:]
			rec := rev.Sub(row.Total)
			row.Revenue, row.Recovery = &rev, &rec
			t.Revenue = t.Revenue.Add(rev)
		}
		for p, v := range row.Direct {
			t.Direct[p] = t.Direct[p].Add(v)
		}
		for p, v := range row.Exact.Direct {
			e.Direct[p] = e.Direct[p].Add(v)
		}
		t.DirectTotal = t.DirectTotal.Add(row.DirectTotal)
		t.Allocated = t.Allocated.Add(row.Allocated)
		e.DirectTotal = e.DirectTotal.Add(row.Exact.DirectTotal)
		e.Allocated = e.Allocated.Add(row.Exact.Allocated)
	}
	t.Total = t.DirectTotal.Add(t.Allocated).Add(t.Unallocated)
	t.Recovery = t.Revenue.Sub(t.Total)
	e.Recovery = e.Revenue.Sub(e.Total)
	r.Rows, r.Totals, r.Exact = rows, t, e
}

// roundRow sets a row's rounded amounts from its rounded total: total
// into direct and allocated, direct into pools, each by largest
// remainder. It also rounds the unit cost.
func roundRow(row *Row, total decimal.Decimal, pools []string, places int) {
	ex := row.Exact
	row.Total = total
	parts := decimal.Apportion(total, []decimal.Decimal{ex.DirectTotal, ex.Allocated}, places)
	row.DirectTotal, row.Allocated = parts[0], parts[1]
	vals := make([]decimal.Decimal, len(pools))
	for i, p := range pools {
		vals[i] = ex.Direct[p]
	}
	row.Direct = map[string]decimal.Decimal{}
	for i, v := range decimal.Apportion(row.DirectTotal, vals, places) {
		row.Direct[pools[i]] = v
	}
	row.UnitPlaces = places
	if row.Price != nil {
		row.UnitPlaces = max(places, decimalPlaces(*row.Price))
	}
	if row.Planned != nil && row.Planned.Sign() != 0 {
		u, _ := ex.Total.Quo(*row.Planned)
		u = u.Round(row.UnitPlaces)
		row.UnitCost = &u
	}
}

// trace splits a service row's rounded allocated cost by the supporting
// services where it was spent, in total and per unit, and by pool.
func trace(a *Allocation, row *Row, pools []string, places int) {
	if row.Exact.Allocated.IsZero() {
		return
	}
	byOrigin := map[string]decimal.Decimal{}
	byPool := map[string]decimal.Decimal{}
	var names []string
	for _, sh := range a.Trace(row.Name) {
		if sh.Origin == row.Name {
			continue
		}
		if _, ok := byOrigin[sh.Origin]; !ok {
			names = append(names, sh.Origin)
		}
		byOrigin[sh.Origin] = byOrigin[sh.Origin].Add(sh.Amount)
		byPool[sh.Pool] = byPool[sh.Pool].Add(sh.Amount)
	}
	exactPools := make([]decimal.Decimal, len(pools))
	for i, p := range pools {
		exactPools[i] = byPool[p]
	}
	row.AllocatedByPool = map[string]decimal.Decimal{}
	for i, v := range decimal.Apportion(row.Allocated, exactPools, places) {
		row.AllocatedByPool[pools[i]] = v
	}

	exact := make([]decimal.Decimal, len(names))
	for i, n := range names {
		exact[i] = byOrigin[n]
	}
	amounts := decimal.Apportion(row.Allocated, exact, places)
	var perUnit []decimal.Decimal
	if row.UnitCost != nil {
		// The unit cost is the row's own direct cost per unit plus each
		// source's; apportion the rounded unit cost over all of them.
		per := make([]decimal.Decimal, 0, len(exact)+1)
		q, _ := row.Exact.DirectTotal.Quo(*row.Planned)
		per = append(per, q)
		for _, v := range exact {
			q, _ := v.Quo(*row.Planned)
			per = append(per, q)
		}
		perUnit = decimal.Apportion(*row.UnitCost, per, row.UnitPlaces)[1:]
	}
	out := make([]Source, len(names))
	for i, n := range names {
		out[i] = Source{Name: n, Amount: amounts[i]}
		if perUnit != nil {
			v := perUnit[i]
			out[i].PerUnit = &v
		}
	}
	// Largest first: the reader wants to know what drives the cost.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Amount.Cmp(out[j].Amount) > 0 })
	row.Sources = out
}

// decimalPlaces is the number of digits after the point d needs (a price
// of 0.0125 per call has four, 0.0000166667 per GB-second ten), at most
// 18: a literal such as 1e-999999 must not make a column a million
// digits wide.
func decimalPlaces(d decimal.Decimal) int {
	const most = 18
	for p := 0; p < most; p++ {
		if d.Round(p).Equal(d) {
			return p
		}
	}
	return most
}
