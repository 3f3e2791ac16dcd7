package docs

import (
	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/decimal"
)

// costs are the cost reports the pages quote: the same rounded figures
// svccat cost prints, so that every page and the report agree to the cent.
type costs struct {
	Alloc     *cost.Allocation
	ByService *cost.Report
	BySegment *cost.Report
	ByMarket  *cost.Report

	services map[string]*cost.Row // business and supporting rows
	segments map[string]*cost.Row
	markets  map[string]*cost.Row
}

func newCosts(s *site) (*costs, error) {
	a := cost.Allocate(s.c, s.cfg, "")
	cs := &costs{Alloc: a, services: map[string]*cost.Row{}, segments: map[string]*cost.Row{}, markets: map[string]*cost.Row{}}
	var err error
	if cs.ByService, err = cost.NewReport(a, cost.ByService); err != nil {
		return nil, err
	}
	if cs.BySegment, err = cost.NewReport(a, cost.BySegment); err != nil {
		return nil, err
	}
	if cs.ByMarket, err = cost.NewReport(a, cost.ByMarket); err != nil {
		return nil, err
	}
	for _, rows := range [][]cost.Row{cs.ByService.Rows, cs.ByService.Supporting} {
		for i := range rows {
			cs.services[rows[i].Name] = &rows[i]
		}
	}
	for i := range cs.BySegment.Rows {
		cs.segments[cs.BySegment.Rows[i].Name] = &cs.BySegment.Rows[i]
	}
	for i := range cs.ByMarket.Rows {
		cs.markets[cs.ByMarket.Rows[i].Name] = &cs.ByMarket.Rows[i]
	}
	return cs, nil
}

// Any reports whether the catalog records any cost at all.
func (cs *costs) Any() bool { return !cs.ByService.Totals.Total.IsZero() }

// serviceCost is what a service page shows about its cost.
type serviceCost struct {
	R   *cost.Report
	Row *cost.Row
	// Pools are the pools with an amount in the service's own or
	// allocated cost.
	Pools []poolCost
	// PassedOn splits a supporting service's full cost over the services
	// that depend on it.
	PassedOn []passedOn
}

type poolCost struct {
	Pool                    string
	Direct, Allocated, Full decimal.Decimal
}

type passedOn struct {
	Service *catalog.Service
	Weight  decimal.Decimal
	Amount  decimal.Decimal
}

func (cs *costs) service(x *catalog.Service) *serviceCost {
	row := cs.services[x.Name]
	if row == nil {
		return nil
	}
	sc := &serviceCost{R: cs.ByService, Row: row}
	for _, p := range cs.ByService.Pools {
		pc := poolCost{Pool: p, Direct: row.Direct[p], Allocated: row.AllocatedByPool[p]}
		pc.Full = pc.Direct.Add(pc.Allocated)
		if !pc.Full.IsZero() || !pc.Direct.IsZero() {
			sc.Pools = append(sc.Pools, pc)
		}
	}
	if x.IsBusiness() {
		return sc
	}
	// What each dependent received from this service, exactly, rounded so
	// that the shares add up.
	var deps []*catalog.Service
	var exact []decimal.Decimal
	weights := map[*catalog.Service]decimal.Decimal{}
	for _, d := range downstreamEdges(x) {
		if _, seen := weights[d.From]; !seen {
			deps = append(deps, d.From)
			dc := cs.Alloc.Service(d.From.Name)
			var amount decimal.Decimal
			if dc != nil {
				amount = dc.Received[x.Name]
			}
			exact = append(exact, amount)
		}
		weights[d.From] = weights[d.From].Add(d.Weight)
	}
	rounded := decimal.Apportion(decimal.Sum(exact...).Round(cs.ByService.Places), exact, cs.ByService.Places)
	for i, d := range deps {
		sc.PassedOn = append(sc.PassedOn, passedOn{Service: d, Weight: weights[d], Amount: rounded[i]})
	}
	return sc
}

// money writes an amount for people: "1,234.50", to places decimals.
func money(d decimal.Decimal, places int) string { return d.Grouped(places) }

// moneyPtr writes an optional amount; "—" when there is none.
func moneyPtr(d *decimal.Decimal, places int) string {
	if d == nil {
		return "—"
	}
	return money(*d, places)
}

// volume writes a planned volume: whole, or to two places where the
// period conversion made it fractional (350 a year is 29.17 a month).
func volume(d *decimal.Decimal) string {
	if d == nil {
		return "—"
	}
	places := 2
	switch r := d.Round(2); {
	case r.IsInt():
		places = 0
	case r.Round(1).Equal(r):
		places = 1
	}
	return money(*d, places)
}

// negative reports whether an optional amount is below zero.
func negative(d *decimal.Decimal) bool { return d != nil && d.Sign() < 0 }
