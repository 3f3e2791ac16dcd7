package render

import (
	"bufio"
	"fmt"
	"io"
)

// CostTable writes the report for a terminal: title and summary, the rows
// with an (unallocated) and a total row, then the supporting services.
func CostTable(w io.Writer, in CostInput) error {
	r := in.Report
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, costTitle(r))
	fmt.Fprintln(bw)
	fmt.Fprintln(bw, costSummary(r))
	fmt.Fprintln(bw)

	header, rows := costGrid(r, false, grouped)
	if err := numberTable(bw, header, rows); err != nil {
		return err
	}
	if len(r.Supporting) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "Supporting services: full cost (direct + received) of each, passed on to the services that depend on it in proportion to the dependency weights; already in the allocated cost above.")
		fmt.Fprintln(bw)
		header, rows := costGrid(r, true, grouped)
		if err := numberTable(bw, header, rows); err != nil {
			return err
		}
	}
	return bw.Flush()
}
