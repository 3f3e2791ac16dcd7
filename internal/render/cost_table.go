package render

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
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

// numberTable writes rows in aligned columns without rules, the first
// column left-aligned and the others (numbers) right-aligned, with no
// trailing spaces.
func numberTable(w io.Writer, header []string, rows [][]string) error {
	align := make([]tw.Align, len(header))
	for i := range align {
		align[i] = tw.AlignRight
	}
	align[0] = tw.AlignLeft
	var buf bytes.Buffer
	t := tablewriter.NewTable(&buf,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Settings: tw.Settings{
				Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off, ShowHeader: tw.Off},
				Lines:      tw.Lines{ShowHeaderLine: tw.Off},
			},
		})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithPadding(tw.Padding{Left: "", Right: "  ", Overwrite: true}),
	)
	h := make([]any, len(header))
	for i, x := range header {
		h[i] = x
	}
	t.Header(h...)
	for _, r := range rows {
		cells := make([]any, len(r))
		for i, x := range r {
			cells[i] = oneLine(x)
		}
		if err := t.Append(cells...); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	for _, line := range strings.SplitAfter(buf.String(), "\n") {
		if line == "" {
			continue
		}
		if _, err := io.WriteString(w, strings.TrimRight(line, " \n")+"\n"); err != nil {
			return err
		}
	}
	return nil
}
