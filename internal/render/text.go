package render

import (
	"bufio"
	"fmt"
	"io"

	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/plural"
	"github.com/svccat/svccat/internal/safetext"
)

const (
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiBold   = "\x1b[1m"
	ansiReset  = "\x1b[0m"
)

// Text writes one line per finding, "path:line:col: severity: message
// [rule]", then a summary line.
func Text(w io.Writer, in FindingsInput) error {
	in, unchanged := newOnly(in)
	bw := bufio.NewWriter(w)
	for _, f := range in.Findings {
		sev := f.Severity.String()
		if in.Color {
			sev = colorOf(f.Severity) + sev + ansiReset
		}
		// A file name or a message holding a catalog value can hold
		// anything: shown escaped, it cannot forge a line or move the
		// cursor.
		fmt.Fprintf(bw, "%s: %s: %s [%s]\n", safetext.Line(f.Pos.String()), sev, safetext.Line(f.Message), f.Rule)
	}
	fmt.Fprintln(bw, SummaryLine(in.Summary)+baselineNote(in, unchanged))
	return bw.Flush()
}

func colorOf(s finding.Severity) string {
	switch s {
	case finding.Error:
		return ansiBold + ansiRed
	case finding.Warning:
		return ansiYellow
	}
	return ansiBlue
}

// SummaryLine is the one-line summary after a text report.
func SummaryLine(s finding.Summary) string {
	line := fmt.Sprintf("%s, %s, %s in %s (%s)",
		plural.Count(s.Errors, "error"), plural.Count(s.Warnings, "warning"), plural.Count(s.Infos, "info"),
		plural.Count(s.Files, "file"), plural.Count(s.Entities, "entity"))
	if s.Suppressed > 0 {
		line += fmt.Sprintf("; %d suppressed", s.Suppressed)
	}
	if s.Skipped > 0 {
		line += fmt.Sprintf("; %s skipped", plural.Count(s.Skipped, "non-catalog document"))
	}
	return line
}
