package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/mdtext"
)

// CostMarkdown writes the report as a GitHub-flavoured Markdown section:
// title, summary, the rows with (unallocated) and total, the supporting
// services, and where each service's allocated cost comes from.
func CostMarkdown(w io.Writer, in CostInput) error {
	r := in.Report
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", mdtext.Cell(costTitle(r)))
	fmt.Fprintln(bw, mdtext.Cell(costSummary(r)))
	fmt.Fprintln(bw)
	header, rows := costGrid(r, false, grouped)
	mdCostTable(bw, header, rows, true)
	if len(r.Supporting) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "## Supporting services")
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, supportingNote)
		fmt.Fprintln(bw)
		header, rows := costGrid(r, true, grouped)
		mdCostTable(bw, header, rows, false)
	}
	var traced []cost.Row
	for _, x := range r.Rows {
		if len(x.Sources) > 0 {
			traced = append(traced, x)
		}
	}
	if len(traced) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "## Where the allocated cost comes from")
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "Each service's allocated cost, traced back through chains of supporting services to the service that spent it, largest first.")
		fmt.Fprintln(bw)
		for _, x := range traced {
			fmt.Fprintf(bw, "- %s\n", mdtext.Cell(sourceSentence(r, x)))
		}
	}
	return bw.Flush()
}

// sourceSentence says where a row's cost comes from, per unit when the
// unit cost is defined: "of the 16.06 per mailbox, 5.45 is its own
// cost, 3.20 storage, …".
func sourceSentence(r *cost.Report, row cost.Row) string {
	if row.UnitCost != nil {
		unit := row.Unit
		if unit == "" {
			unit = "unit"
		}
		own := row.UnitCost.Sub(sumPerUnit(row.Sources))
		parts := []string{grouped(own, row.UnitPlaces) + " its own cost"}
		for _, s := range row.Sources {
			parts = append(parts, grouped(*s.PerUnit, row.UnitPlaces)+" "+s.Name)
		}
		return fmt.Sprintf("%s: of the %s %s per %s, %s.", row.Name, grouped(*row.UnitCost, row.UnitPlaces), r.Currency, unit, strings.Join(parts, ", "))
	}
	parts := []string{grouped(row.DirectTotal, r.Places) + " its own cost"}
	for _, s := range row.Sources {
		parts = append(parts, grouped(s.Amount, r.Places)+" "+s.Name)
	}
	return fmt.Sprintf("%s: of the %s %s, %s.", row.Name, grouped(row.Total, r.Places), r.Currency, strings.Join(parts, ", "))
}

func sumPerUnit(ss []cost.Source) decimal.Decimal {
	var sum decimal.Decimal
	for _, s := range ss {
		if s.PerUnit != nil {
			sum = sum.Add(*s.PerUnit)
		}
	}
	return sum
}

// mdCostTable writes a Markdown table: the first column left-aligned, the
// others (numbers) right-aligned; with total, the last row is bold.
func mdCostTable(w io.Writer, header []string, rows [][]string, total bool) {
	h := make([]string, len(header))
	align := make([]string, len(header))
	for i, x := range header {
		h[i] = mdtext.Cell(capitalize(x))
		align[i] = "---:"
	}
	align[0] = "---"
	fmt.Fprintf(w, "| %s |\n| %s |\n", strings.Join(h, " | "), strings.Join(align, " | "))
	for i, cells := range rows {
		bold := total && i == len(rows)-1
		out := make([]string, len(cells))
		for j, c := range cells {
			out[j] = mdtext.Cell(c)
			if bold && c != "" {
				out[j] = "**" + out[j] + "**"
			}
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(out, " | "))
	}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
