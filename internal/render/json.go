package render

import (
	"encoding/json"
	"io"

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
}

type jsonReport struct {
	Findings []jsonFinding   `json:"findings"`
	Summary  finding.Summary `json:"summary"`
}

// JSON writes {"findings":[…],"summary":{…}} as SPEC §4 defines it.
func JSON(w io.Writer, in FindingsInput) error {
	r := jsonReport{Findings: []jsonFinding{}, Summary: in.Summary}
	for _, f := range in.Findings {
		r.Findings = append(r.Findings, jsonFinding{
			Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
			File: f.Pos.File, Line: f.Pos.Line, Column: f.Pos.Col, Entity: f.Entity,
		})
	}
	return WriteJSON(w, r)
}

// WriteJSON writes v indented, without HTML escaping, with a final newline.
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
