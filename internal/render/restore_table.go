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

	"github.com/svccat/svccat/internal/duration"
)

// RestoreTable writes the plan for a terminal: the summary, one row per
// step, the runbook of each step, and the notes.
func RestoreTable(w io.Writer, in RestoreInput) error {
	p := in.Plan
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, restoreTitle(p))
	fmt.Fprintln(bw)
	for _, l := range restoreSummary(p) {
		fmt.Fprintln(bw, l)
	}
	if len(p.Steps) == 0 {
		return bw.Flush()
	}
	fmt.Fprintln(bw)

	header := []string{"#", "wave"}
	if p.Crews > 0 {
		header = append(header, "crew")
	}
	header = append(header, "service", "type", "tier", "deadline", "start", "duration", "finish", "rto", "rto met", "reason", "segments", "markets")
	var rows [][]string
	for _, s := range p.Steps {
		row := []string{fmt.Sprint(s.Order), fmt.Sprint(s.Wave)}
		if p.Crews > 0 {
			row = append(row, fmt.Sprint(s.Crew))
		}
		status := rtoStatus(s)
		if in.Color && status == "MISSED" {
			status = ansiBold + ansiRed + status + ansiReset
		}
		row = append(row, s.Service, s.Type, stepTier(s), optDuration(s.Deadline),
			duration.Format(s.Start), stepDuration(s), duration.Format(s.Finish),
			optDuration(s.RTO), status, s.Reason, listOrDash(s.Segments), listOrDash(s.Markets))
		rows = append(rows, row)
	}
	if err := borderlessTable(bw, header, rows); err != nil {
		return err
	}
	fmt.Fprintln(bw)
	fmt.Fprintln(bw, "tier: own→inherited from what depends on it; deadline: when it must be back for every RTO that depends on it.")
	if note := assumedNote(p); note != "" {
		fmt.Fprintln(bw, note)
	}

	var runbooks [][]string
	for _, s := range p.Steps {
		if s.Runbook != "" {
			runbooks = append(runbooks, []string{fmt.Sprint(s.Order), s.Service, oneLine(s.Runbook)})
		}
	}
	if len(runbooks) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "Runbooks:")
		if err := borderlessTable(bw, nil, runbooks); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// borderlessTable writes rows in aligned columns without rules, the way
// kubectl and docker print lists, and with no trailing spaces.
func borderlessTable(w io.Writer, header []string, rows [][]string) error {
	var buf bytes.Buffer
	t := tablewriter.NewTable(&buf,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Settings: tw.Settings{
				Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off, ShowHeader: tw.Off},
				Lines:      tw.Lines{ShowHeaderLine: tw.Off},
			},
		})),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithPadding(tw.Padding{Right: "  ", Overwrite: true}),
	)
	if header != nil {
		h := make([]any, len(header))
		for i, x := range header {
			h[i] = strings.ToUpper(x)
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

func listOrDash(xs []string) string {
	if len(xs) == 0 {
		return "-"
	}
	return oneLine(strings.Join(xs, ", "))
}

// oneLine keeps a cell on one line: a table row must not break.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}
