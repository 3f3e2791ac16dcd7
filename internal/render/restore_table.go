package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/svccat/svccat/internal/duration"
	"github.com/svccat/svccat/internal/safetext"
)

// RestoreTable writes the plan for a terminal: the summary, one row per
// step, the runbook of each step, and the notes.
func RestoreTable(w io.Writer, in RestoreInput) error {
	p := in.Plan
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, safetext.Line(restoreTitle(p)))
	fmt.Fprintln(bw)
	for _, l := range restoreSummary(p) {
		fmt.Fprintln(bw, safetext.Line(l))
	}
	if len(p.Steps) == 0 {
		return bw.Flush()
	}
	fmt.Fprintln(bw)

	header := []string{"#", "wave", "team"}
	if crewed(p) {
		header = append(header, "crew")
	}
	header = append(header, "service", "type", "tier", "deadline", "start", "duration", "finish", "rto", "rto met", "reason", "segments", "markets")
	var rows [][]string
	for _, s := range p.Steps {
		row := []string{fmt.Sprint(s.Order), fmt.Sprint(s.Wave), safetext.Line(s.Team)}
		if crewed(p) {
			row = append(row, fmt.Sprint(s.Crew))
		}
		status := rtoStatus(s)
		if in.Color && status == "MISSED" {
			status = ansiBold + ansiRed + status + ansiReset
		}
		row = append(row, safetext.Line(s.Service), s.Type, stepTier(s), optDuration(s.Deadline),
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
	if note := degradedNote(p); note != "" {
		fmt.Fprintln(bw, safetext.Line(note))
	}

	// Who to page, each team once, in the order its first step comes.
	var pages [][]string
	seen := map[string]bool{}
	for _, s := range p.Steps {
		if !seen[s.Team] {
			seen[s.Team] = true
			pages = append(pages, []string{safetext.Line(s.Team), safetext.Line(stepPage(s))})
		}
	}
	fmt.Fprintln(bw)
	fmt.Fprintln(bw, "Page:")
	if err := borderlessTable(bw, nil, pages); err != nil {
		return err
	}

	var runbooks [][]string
	for _, s := range p.Steps {
		if s.Runbook != "" || s.BackupInterval != nil || s.RPO != nil {
			runbooks = append(runbooks, []string{fmt.Sprint(s.Order), safetext.Line(s.Service), safetext.Line(dashIfEmpty(s.Runbook)), dataLoss(s)})
		}
	}
	if len(runbooks) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "Runbooks and data loss:")
		if err := borderlessTable(bw, nil, runbooks); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func dashIfEmpty(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func listOrDash(xs []string) string {
	if len(xs) == 0 {
		return "-"
	}
	return safetext.Line(strings.Join(xs, ", "))
}
