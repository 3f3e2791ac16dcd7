package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/svccat/svccat/internal/duration"
)

// RestoreCSV writes one row per step under a header row of the JSON key
// names; lists are joined with ";", absent values are empty.
func RestoreCSV(w io.Writer, in RestoreInput) error {
	cw := csv.NewWriter(w)
	header := []string{"order", "wave", "crew", "service", "title", "type", "tier", "effectiveTier", "deadline",
		"start", "duration", "assumed", "finish", "rto", "rtoMet", "reason", "strategy", "lifecycle", "team", "page", "segments", "markets", "runbook",
		"backupInterval", "rpo", "rpoMet"}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, s := range in.Plan.Steps {
		crew := ""
		if s.Crew > 0 {
			crew = strconv.Itoa(s.Crew)
		}
		met, rpoMet := "", ""
		if s.RTOMet != nil {
			met = strconv.FormatBool(*s.RTOMet)
		}
		if s.RPOMet != nil {
			rpoMet = strconv.FormatBool(*s.RPOMet)
		}
		row := []string{
			strconv.Itoa(s.Order), strconv.Itoa(s.Wave), crew, s.Service, s.Title, s.Type,
			csvOpt(optTier(s.Tier)), csvOpt(optTier(s.EffectiveTier)), csvOpt(optDuration(s.Deadline)),
			duration.Format(s.Start), duration.Format(s.Duration), strconv.FormatBool(s.Assumed), duration.Format(s.Finish),
			csvOpt(optDuration(s.RTO)), met, s.Reason, s.Strategy, s.Lifecycle, s.Team, s.Page,
			strings.Join(s.Segments, ";"), strings.Join(s.Markets, ";"), s.Runbook,
			csvOpt(optDuration(s.BackupInterval)), csvOpt(optDuration(s.RPO)), rpoMet,
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	return nil
}

// csvOpt turns the tables' "-" for an absent value into an empty cell.
func csvOpt(s string) string {
	if s == "-" {
		return ""
	}
	return s
}
