package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/svccat/svccat/internal/safetext"
)

// GraphDOT writes the graph in Graphviz DOT, left to right, an edge from
// each service to what it depends on: solid for hard, dashed for soft.
// Business services are rounded and blue, supporting services square and
// grey; focus services have a thick border.
func GraphDOT(w io.Writer, in GraphInput) error {
	g := in.Graph
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "digraph services {")
	fmt.Fprintln(bw, "    // an edge points at what a service depends on: solid hard, dashed soft")
	fmt.Fprintln(bw, "    rankdir=LR;")
	fmt.Fprintln(bw, `    node [shape=box, style=filled, fontname="Helvetica", fontsize=11];`)
	for _, n := range g.Nodes {
		attrs := fmt.Sprintf(`label=%s, fillcolor=%q, color=%q`, dotQuote(nodeLabel(n)), supportFill, supportStroke)
		if n.Type == "business" {
			attrs = fmt.Sprintf(`label=%s, style="rounded,filled", fillcolor=%q, color=%q`, dotQuote(nodeLabel(n)), businessFill, businessStroke)
		}
		if n.Focus {
			attrs += ", penwidth=3"
		}
		fmt.Fprintf(bw, "    %s [%s];\n", dotQuote(n.Name), attrs)
	}
	for _, e := range g.Edges {
		style := ""
		if !e.Hard {
			style = " [style=dashed]"
		}
		fmt.Fprintf(bw, "    %s -> %s%s;\n", dotQuote(e.From), dotQuote(e.To), style)
	}
	fmt.Fprintln(bw, "}")
	return bw.Flush()
}

// dotQuote writes s as a DOT double-quoted string that Graphviz shows as
// written: backslashes (label escapes such as \N), quotes and "&" (HTML
// entities) are escaped, a line break is Graphviz's \n, and other control
// characters are shown as their escapes (\x1b, \u202e).
func dotQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range safetext.Controls(s) {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '&':
			b.WriteString("&amp;")
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
