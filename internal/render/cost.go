package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/decimal"
)

// CostInput is what a cost printer may use.
type CostInput struct {
	Report *cost.Report
}

// CostFormats are the cost report's output formats, the default first.
var CostFormats = Formats[CostInput]{
	{"table", CostTable}, {"csv", CostCSV}, {"json", CostJSON}, {"markdown", CostMarkdown},
}

// Cost writes a cost report in the given format.
func Cost(w io.Writer, format string, in CostInput) error {
	return CostFormats.Write(w, format, in)
}

// The words and figures every cost format shares, so the formats agree.

func costTitle(r *cost.Report) string {
	return fmt.Sprintf("Cost by %s, %s per %s", r.By, r.Currency, r.Period)
}

// costSummary is the sentence under the title: where every direct cost
// went.
func costSummary(r *cost.Report) string {
	t := r.Totals
	s := fmt.Sprintf("All direct costs: %s %s per %s = business services' own cost %s + allocated from supporting services %s + unallocated %s.",
		grouped(t.Total, r.Places), r.Currency, r.Period,
		grouped(t.DirectTotal, r.Places), grouped(t.Allocated, r.Places), grouped(t.Unallocated, r.Places))
	if len(r.Orphans) > 0 {
		s += fmt.Sprintf(" Unallocated is the cost of %s, which no service depends on.", strings.Join(r.Orphans, ", "))
	}
	return s
}

// costGrid lays out the main rows (supporting false: the rows, then
// (unallocated) and total) or the supporting services as a header and
// cells, money formatted by money. Columns that say nothing are left out:
// a pool no row has, consumption columns no row fills.
func costGrid(r *cost.Report, supporting bool, money func(decimal.Decimal, int) string) (header []string, cells [][]string) {
	rows := r.Rows
	header = []string{r.By}
	if supporting {
		rows = r.Supporting
		header[0] = "supporting service"
	}
	// optional[i] marks columns shown only when some row has a value.
	var optional []bool
	add := func(name string, opt bool) {
		header = append(header, name)
		optional = append(optional, opt)
	}
	optional = append(optional, false)
	for _, p := range r.Pools {
		add(p, true)
	}
	if supporting {
		add("direct", false)
		add("received", false)
		add("full cost", false)
	} else {
		add("direct", false)
		add("allocated", false)
		add("total", false)
	}
	if r.By == cost.ByService {
		add("unit", true)
		add("planned", true)
		add("unit cost", true)
		add("price", true)
	}
	add("revenue", true)
	add("recovery", true)

	keep := make([]bool, len(header))
	for i := range keep {
		keep[i] = !optional[i]
	}
	for _, row := range rows {
		c := []string{row.Name}
		for i, p := range r.Pools {
			c = append(c, money(row.Direct[p], r.Places))
			keep[1+i] = keep[1+i] || !row.Direct[p].IsZero()
		}
		c = append(c, money(row.DirectTotal, r.Places), money(row.Allocated, r.Places), money(row.Total, r.Places))
		if r.By == cost.ByService {
			c = append(c, row.Unit, optPlanned(row.Planned, money), unitCost(row, money), optMoney(row.Price, row.UnitPlaces, money))
		}
		c = append(c, optMoney(row.Revenue, r.Places, money), optMoney(row.Recovery, r.Places, money))
		for i := 1 + len(r.Pools) + 3; i < len(c); i++ {
			keep[i] = keep[i] || c[i] != ""
		}
		cells = append(cells, c)
	}
	if !supporting {
		un := make([]string, len(header))
		un[0] = cost.Unallocated
		un[1+len(r.Pools)+2] = money(r.Totals.Unallocated, r.Places)
		t := r.Totals
		tot := []string{"total"}
		for _, p := range r.Pools {
			tot = append(tot, money(t.Direct[p], r.Places))
		}
		tot = append(tot, money(t.DirectTotal, r.Places), money(t.Allocated, r.Places), money(t.Total, r.Places))
		if r.By == cost.ByService {
			tot = append(tot, "", "", "", "")
		}
		tot = append(tot, money(t.Revenue, r.Places), money(t.Recovery, r.Places))
		cells = append(cells, un, tot)
	}
	header = pick(header, keep)
	for i := range cells {
		cells[i] = pick(cells[i], keep)
	}
	return header, cells
}

func pick(xs []string, keep []bool) []string {
	var out []string
	for i, x := range xs {
		if keep[i] {
			out = append(out, x)
		}
	}
	return out
}

// supportingNote says what the supporting services' table is (under a
// heading).
const supportingNote = "Full cost (direct + received) of each supporting service, passed on to the services that depend on it in proportion to the dependency weights; it is already in the allocated cost above."

// notDefined is what a unit cost shows when the planned volume is zero or
// missing: dividing by it means nothing.
const notDefined = "not defined"

func unitCost(row cost.Row, money func(decimal.Decimal, int) string) string {
	switch {
	case row.UnitCost != nil:
		return money(*row.UnitCost, row.UnitPlaces)
	case row.Unit != "" || row.Planned != nil || row.Price != nil:
		return notDefined
	}
	return ""
}

func optMoney(d *decimal.Decimal, places int, money func(decimal.Decimal, int) string) string {
	if d == nil {
		return ""
	}
	return money(*d, places)
}

// optPlanned writes a planned volume, formatted like money (grouped or
// plain): exact when it has at most two decimals, else rounded to two
// (350 a year is 29.17 a month).
func optPlanned(d *decimal.Decimal, format func(decimal.Decimal, int) string) string {
	if d == nil {
		return ""
	}
	return format(*d, plannedPlaces(*d))
}

func plannedPlaces(d decimal.Decimal) int {
	switch r := d.Round(2); {
	case r.IsInt():
		return 0
	case r.Round(1).Equal(r):
		return 1
	}
	return 2
}

// plain writes an amount for machines: "1234.50".
func plain(d decimal.Decimal, places int) string { return d.Fixed(places) }

// grouped writes an amount for people: "1,234.50".
func grouped(d decimal.Decimal, places int) string { return d.Grouped(places) }
