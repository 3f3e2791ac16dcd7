package render

import (
	"encoding/json"
	"io"
	"slices"

	"github.com/svccat/svccat/internal/finding"
)

type jsonFinding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Entity   string `json:"entity"`
	// Key with Rule and Entity is the finding's identity.
	Key        string `json:"key"`
	Suppressed bool   `json:"suppressed"`
	// BaselineState is new, unchanged or absent against a baseline.
	BaselineState string `json:"baselineState,omitempty"`
}

type jsonReport struct {
	Findings []jsonFinding   `json:"findings"`
	Summary  finding.Summary `json:"summary"`
}

// JSON writes {"findings":[…],"summary":{…}} as SPEC §5 lint defines it:
// the suppressed findings too, in order among the others, marked
// "suppressed": true.
func JSON(w io.Writer, in FindingsInput) error {
	r := jsonReport{Findings: []jsonFinding{}, Summary: in.Summary}
	for _, f := range allFindings(in) {
		r.Findings = append(r.Findings, jsonFindingOf(f))
	}
	for _, f := range in.Absent {
		r.Findings = append(r.Findings, jsonFindingOf(f))
	}
	return WriteJSON(w, r)
}

// jsonFindingOf is a finding as every JSON report writes it (lint, and
// the new and fixed findings of svccat diff).
func jsonFindingOf(f finding.Finding) jsonFinding {
	return jsonFinding{
		Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
		File: f.Pos.File, Line: f.Pos.Line, Column: f.Pos.Col, Entity: f.Entity,
		Key: f.Key, Suppressed: f.Suppressed, BaselineState: f.Baseline,
	}
}

// allFindings is in's findings and suppressed findings, sorted.
func allFindings(in FindingsInput) []finding.Finding {
	if len(in.Suppressed) == 0 {
		return in.Findings
	}
	all := append(slices.Clone(in.Findings), in.Suppressed...)
	finding.Sort(all)
	return all
}

// WriteJSON writes v indented, without HTML escaping, with a final newline.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
