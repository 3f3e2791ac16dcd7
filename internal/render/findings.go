// Package render writes computed results in the output formats users ask
// for: one file per format, each a small printer over plain values.
package render

import (
	"fmt"
	"io"
	"sort"

	"github.com/svccat/svccat/internal/finding"
)

// RuleDoc is what printers that describe rules (SARIF) need to know.
type RuleDoc struct {
	Name     string
	Title    string
	Body     string
	Severity finding.Severity
}

// FindingsInput is everything a findings printer may use.
type FindingsInput struct {
	Findings []finding.Finding
	Summary  finding.Summary
	Rules    []RuleDoc
	// Color asks the text printer for ANSI colours.
	Color bool
}

// findingPrinters maps a --format value to its printer.
var findingPrinters = map[string]func(io.Writer, FindingsInput) error{
	"text": Text,
	"json": JSON,
}

// FindingFormats lists the formats Findings accepts.
func FindingFormats() []string {
	var out []string
	for k := range findingPrinters {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Findings writes in in the given format.
func Findings(w io.Writer, format string, in FindingsInput) error {
	p, ok := findingPrinters[format]
	if !ok {
		return fmt.Errorf("unknown format %q", format)
	}
	return p(w, in)
}
