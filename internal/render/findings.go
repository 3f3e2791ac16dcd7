// Package render writes computed results in the output formats users ask
// for: one file per format, each a small printer over plain values.
package render

import (
	"io"
	"strings"

	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

// RuleDoc is what printers that describe rules (SARIF, svccat rules)
// need to know.
type RuleDoc struct {
	Name     string
	Doc      lint.Doc
	Severity finding.Severity
	// Suppressible is false for rules whose findings an svccat.dev/ignore
	// annotation cannot silence.
	Suppressible bool
}

// FindingsInput is everything a findings printer may use.
type FindingsInput struct {
	Findings []finding.Finding
	// Suppressed are the findings svccat.dev/ignore annotations silenced:
	// JSON and SARIF list them, marked; the other formats count them
	// (Summary.Suppressed).
	Suppressed []finding.Finding
	Summary    finding.Summary
	Rules      []RuleDoc
	// Color asks the text printer for ANSI colours.
	Color bool
	// Version is svccat's version, for the SARIF tool description.
	Version string
	// Baseline is set when the findings carry a baseline state (lint
	// --baseline, --new-from-rev): text, GitHub and Markdown then show the
	// new ones only, with a count of the unchanged. Absent are the
	// baseline's findings that are gone, which JSON lists.
	Baseline bool
	Absent   []finding.Finding
	// SourceURL, when set, is where the markdown printer links files to:
	// a file's link is SourceURL/path#Lline (e.g. a GitHub blob URL for
	// the commit). Without it links are relative paths.
	SourceURL string
}

// FindingFormats are lint's output formats.
var FindingFormats = Formats[FindingsInput]{
	{"text", Text}, {"json", JSON}, {"sarif", SARIF}, {"github", GitHub}, {"markdown", Markdown},
}

// Findings writes in in the given format.
func Findings(w io.Writer, format string, in FindingsInput) error {
	return FindingFormats.Write(w, format, in)
}

// isAbsPath reports whether a finding's file (always forward slashes) is
// absolute: "/srv/catalog/a.yaml", or "C:/catalog/a.yaml" on Windows.
// svccat shows files below the working directory relative to it.
func isAbsPath(file string) bool {
	if strings.HasPrefix(file, "/") {
		return true
	}
	return len(file) > 2 && file[1] == ':' && file[2] == '/' &&
		('a' <= file[0] && file[0] <= 'z' || 'A' <= file[0] && file[0] <= 'Z')
}
