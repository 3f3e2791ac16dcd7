package render

import (
	"encoding/csv"
	"fmt"
	"io"

	"github.com/svccat/svccat/internal/cost"
)

// CostCSV writes one line per row under a header of the JSON key names
// (pools as direct.<pool>), then the (unallocated) and total lines and the
// supporting services; the type column tells them apart. Amounts are
// plain decimals ("1234.50"); a value that is not defined is empty.
func CostCSV(w io.Writer, in CostInput) error {
	r := in.Report
	cw := csv.NewWriter(w)
	header := []string{"name", "type"}
	for _, p := range r.Pools {
		header = append(header, "direct."+p)
	}
	header = append(header, "directTotal", "allocated", "total", "unit", "planned", "unitCost", "price", "revenue", "recovery")
	if err := cw.Write(header); err != nil {
		return err
	}
	line := func(row cost.Row) []string {
		cells := []string{row.Name, row.Type}
		for _, p := range r.Pools {
			cells = append(cells, plain(row.Direct[p], r.Places))
		}
		cells = append(cells, plain(row.DirectTotal, r.Places), plain(row.Allocated, r.Places), plain(row.Total, r.Places),
			row.Unit, optPlanned(row.Planned, plain), optMoney(row.UnitCost, row.UnitPlaces, plain), optMoney(row.Price, row.UnitPlaces, plain),
			optMoney(row.Revenue, r.Places, plain), optMoney(row.Recovery, r.Places, plain))
		return cells
	}
	var lines [][]string
	for _, row := range r.Rows {
		lines = append(lines, line(row))
	}
	un := make([]string, len(header))
	un[0], un[1] = cost.Unallocated, "unallocated"
	un[2+len(r.Pools)+2] = plain(r.Totals.Unallocated, r.Places)
	lines = append(lines, un)
	t := r.Totals
	tot := []string{"(total)", "total"}
	for _, p := range r.Pools {
		tot = append(tot, plain(t.Direct[p], r.Places))
	}
	tot = append(tot, plain(t.DirectTotal, r.Places), plain(t.Allocated, r.Places), plain(t.Total, r.Places),
		"", "", "", "", plain(t.Revenue, r.Places), plain(t.Recovery, r.Places))
	lines = append(lines, tot)
	for _, row := range r.Supporting {
		lines = append(lines, line(row))
	}
	if err := cw.WriteAll(lines); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	return nil
}
