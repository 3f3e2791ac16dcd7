package render

import (
	"bytes"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/svccat/svccat/internal/safetext"
)

// borderlessTable writes rows in aligned, left-aligned columns without
// rules, the way kubectl and docker print lists, under an upper-case
// header (none when header is nil).
func borderlessTable(w io.Writer, header []string, rows [][]string) error {
	if header != nil {
		upper := make([]string, len(header))
		for i, h := range header {
			upper[i] = strings.ToUpper(h)
		}
		header = upper
	}
	return alignedTable(w, header, rows, nil)
}

// numberTable writes rows like borderlessTable, under the header as given,
// with the first column left-aligned and the others (numbers)
// right-aligned; every cell is escaped (safetext.Line), so no catalog
// value can break a row or write a terminal escape.
func numberTable(w io.Writer, header []string, rows [][]string) error {
	align := make([]tw.Align, len(header))
	for i := range align {
		align[i] = tw.AlignRight
	}
	align[0] = tw.AlignLeft
	clean := make([][]string, len(rows))
	for i, r := range rows {
		clean[i] = escapeCells(r)
	}
	return alignedTable(w, escapeCells(header), clean, align)
}

// alignedTable renders with tablewriter and trims the trailing spaces it
// pads the last column with. align nil means every column left-aligned.
// Cells are written as they are: callers escape catalog text with
// safetext.Line (before colouring it, so that their own colours stay).
func alignedTable(w io.Writer, header []string, rows [][]string, align []tw.Align) error {
	opts := []tablewriter.Option{
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Settings: tw.Settings{
				Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off, ShowHeader: tw.Off},
				Lines:      tw.Lines{ShowHeaderLine: tw.Off},
			},
		})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithPadding(tw.Padding{Left: "", Right: "  ", Overwrite: true}),
	}
	if align == nil {
		opts = append(opts, tablewriter.WithHeaderAlignment(tw.AlignLeft))
	} else {
		opts = append(opts,
			tablewriter.WithHeaderAlignmentConfig(tw.CellAlignment{PerColumn: align}),
			tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}))
	}
	var buf bytes.Buffer
	t := tablewriter.NewTable(&buf, opts...)
	if header != nil {
		h := make([]any, len(header))
		for i, x := range header {
			h[i] = x
		}
		t.Header(h...)
	}
	for _, r := range rows {
		cells := make([]any, len(r))
		for i, x := range r {
			cells[i] = x
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

func escapeCells(cells []string) []string {
	if cells == nil {
		return nil
	}
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = safetext.Line(c)
	}
	return out
}
