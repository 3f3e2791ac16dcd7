package render

import (
	"io"

	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/decimal"
)

type jsonCostRow struct {
	Name        string            `json:"name"`
	Type        string            `json:"type"`
	Direct      map[string]string `json:"direct"`
	DirectTotal string            `json:"directTotal"`
	Allocated   string            `json:"allocated"`
	Total       string            `json:"total"`
	Unit        *string           `json:"unit"`
	Planned     *string           `json:"planned"`
	UnitCost    *string           `json:"unitCost"`
	Price       *string           `json:"price"`
	Revenue     *string           `json:"revenue"`
	Recovery    *string           `json:"recovery"`
	// AllocatedFrom traces Allocated to the supporting services where it
	// was spent (by service only).
	AllocatedFrom []jsonCostSource `json:"allocatedFrom,omitempty"`
	// AllocatedByPool splits Allocated by the pool it was spent in.
	AllocatedByPool map[string]string `json:"allocatedByPool,omitempty"`
}

type jsonCostSource struct {
	Service string  `json:"service"`
	Amount  string  `json:"amount"`
	PerUnit *string `json:"perUnit"`
}

type jsonCostTotals struct {
	Direct      string `json:"direct"`
	Allocated   string `json:"allocated"`
	Unallocated string `json:"unallocated"`
	Total       string `json:"total"`
	Revenue     string `json:"revenue"`
}

type jsonCostReport struct {
	Currency string         `json:"currency"`
	Period   string         `json:"period"`
	By       string         `json:"by"`
	Rows     []jsonCostRow  `json:"rows"`
	Totals   jsonCostTotals `json:"totals"`
	// Supporting lists the supporting services' full cost; it is already
	// in the rows' allocated cost, so it is kept out of rows and totals.
	Supporting []jsonCostRow `json:"supporting,omitempty"`
	// Unallocated names the supporting services whose cost is unallocated.
	Orphans []string `json:"orphans,omitempty"`
}

// CostJSON writes the report as SPEC §4 defines it, money as decimal
// strings ("1234.50"), a value that is not defined as null. The rows'
// totals plus totals.unallocated add up to totals.total.
func CostJSON(w io.Writer, in CostInput) error {
	r := in.Report
	out := jsonCostReport{
		Currency: r.Currency, Period: r.Period, By: r.By, Rows: []jsonCostRow{},
		Totals: jsonCostTotals{
			Direct: plain(r.Totals.DirectTotal, r.Places), Allocated: plain(r.Totals.Allocated, r.Places),
			Unallocated: plain(r.Totals.Unallocated, r.Places), Total: plain(r.Totals.Total, r.Places),
			Revenue: plain(r.Totals.Revenue, r.Places),
		},
		Orphans: r.Orphans,
	}
	for _, row := range r.Rows {
		out.Rows = append(out.Rows, jsonRow(r, row))
	}
	for _, row := range r.Supporting {
		out.Supporting = append(out.Supporting, jsonRow(r, row))
	}
	return WriteJSON(w, out)
}

func jsonRow(r *cost.Report, row cost.Row) jsonCostRow {
	j := jsonCostRow{
		Name: row.Name, Type: row.Type, Direct: map[string]string{},
		DirectTotal: plain(row.DirectTotal, r.Places), Allocated: plain(row.Allocated, r.Places), Total: plain(row.Total, r.Places),
		Planned:  optString(row.Planned, func(d decimal.Decimal) string { return plain(d, plannedPlaces(d)) }),
		UnitCost: optString(row.UnitCost, func(d decimal.Decimal) string { return plain(d, row.UnitPlaces) }),
		Price:    optString(row.Price, func(d decimal.Decimal) string { return plain(d, row.UnitPlaces) }),
		Revenue:  optString(row.Revenue, func(d decimal.Decimal) string { return plain(d, r.Places) }),
		Recovery: optString(row.Recovery, func(d decimal.Decimal) string { return plain(d, r.Places) }),
	}
	if row.Unit != "" {
		j.Unit = &row.Unit
	}
	for _, p := range r.Pools {
		j.Direct[p] = plain(row.Direct[p], r.Places)
	}
	if row.AllocatedByPool != nil {
		j.AllocatedByPool = map[string]string{}
		for _, p := range r.Pools {
			j.AllocatedByPool[p] = plain(row.AllocatedByPool[p], r.Places)
		}
	}
	for _, s := range row.Sources {
		j.AllocatedFrom = append(j.AllocatedFrom, jsonCostSource{
			Service: s.Name, Amount: plain(s.Amount, r.Places),
			PerUnit: optString(s.PerUnit, func(d decimal.Decimal) string { return plain(d, row.UnitPlaces) }),
		})
	}
	return j
}

func optString(d *decimal.Decimal, f func(decimal.Decimal) string) *string {
	if d == nil {
		return nil
	}
	s := f(*d)
	return &s
}
