package render

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/safetext"
)

// GitHub writes one GitHub Actions workflow command per finding,
//
//	::error file=catalog/services.yaml,line=6,col=9,title=schema::message
//
// which the Actions runner turns into annotations on the pull request's
// files (warnings as ::warning, infos as ::notice), then the summary line
// as plain log text.
func GitHub(w io.Writer, in FindingsInput) error {
	in, unchanged := newOnly(in)
	bw := bufio.NewWriter(w)
	for _, f := range in.Findings {
		var props []string
		if f.Pos.File != "" {
			props = append(props, "file="+escapeProperty(f.Pos.File))
			if f.Pos.Line > 0 {
				props = append(props, "line="+strconv.Itoa(f.Pos.Line))
				if f.Pos.Col > 0 {
					props = append(props, "col="+strconv.Itoa(f.Pos.Col))
				}
			}
		}
		props = append(props, "title="+escapeProperty(f.Rule))
		fmt.Fprintf(bw, "::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), escapeData(f.Message))
	}
	fmt.Fprintln(bw, SummaryLine(in.Summary)+baselineNote(in, unchanged))
	return bw.Flush()
}

func githubCommand(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "notice"
}

// The escaping of @actions/core (toCommandValue, escapeData,
// escapeProperty): a message cannot end the command or start another
// line; a property value cannot end itself (",") or the properties (":").
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// Beyond what the toolkit escapes, the other control characters (an
// escape sequence, a bidi override) are shown as escapes, so that the log
// and the annotation show what the catalog holds.
func escapeData(s string) string     { return dataEscaper.Replace(safetext.Controls(s)) }
func escapeProperty(s string) string { return propertyEscaper.Replace(safetext.Controls(s)) }
