package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/svccat/svccat/internal/graph"
	"github.com/svccat/svccat/internal/safetext"
)

// GraphMermaid writes the graph as a Mermaid flowchart, left to right,
// an arrow from each service to what it depends on: solid for hard,
// dashed for soft. Business services are rounded and blue, supporting
// services square and grey; focus services have a thick border.
func GraphMermaid(w io.Writer, in GraphInput) error {
	g := in.Graph
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "flowchart LR")
	fmt.Fprintln(bw, "    %% an arrow points at what a service depends on: solid hard, dashed soft")
	fmt.Fprintf(bw, "    classDef business fill:%s,stroke:%s,color:#0f172a\n", businessFill, businessStroke)
	fmt.Fprintf(bw, "    classDef supporting fill:%s,stroke:%s,color:#0f172a\n", supportFill, supportStroke)
	fmt.Fprintln(bw, "    classDef focus stroke-width:4px")
	ids := mermaidIDs(g.Nodes)
	var focus []string
	for _, n := range g.Nodes {
		open, close, class := "[", "]", "supporting"
		if n.Type == "business" {
			open, close, class = "(", ")", "business"
		}
		fmt.Fprintf(bw, "    %s%s%s%s:::%s\n", ids[n.Name], open, mermaidLabel(nodeLabel(n)), close, class)
		if n.Focus {
			focus = append(focus, ids[n.Name])
		}
	}
	for _, e := range g.Edges {
		arrow := "-->"
		if !e.Hard {
			arrow = "-.->"
		}
		fmt.Fprintf(bw, "    %s %s %s\n", ids[e.From], arrow, ids[e.To])
	}
	if len(focus) > 0 {
		fmt.Fprintf(bw, "    class %s focus\n", strings.Join(focus, ","))
	}
	return bw.Flush()
}

// mermaidIDs gives every node an identifier Mermaid reads as a plain id
// whatever the name: a prefix (so no id is a keyword such as "end"),
// letters, digits and "_" only, and a suffix where two names would meet.
func mermaidIDs(nodes []graph.Node) map[string]string {
	ids := make(map[string]string, len(nodes))
	used := map[string]bool{}
	for _, n := range nodes {
		var b strings.Builder
		b.WriteString("svc_")
		for _, r := range n.Name {
			switch {
			case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
				b.WriteRune(r)
			case r == '-':
				b.WriteByte('_')
			default:
				fmt.Fprintf(&b, "_%x_", r)
			}
		}
		id := b.String()
		for k := 2; used[id]; k++ {
			id = fmt.Sprintf("%s_%d", b.String(), k)
		}
		used[id] = true
		ids[n.Name] = id
	}
	return ids
}

// mermaidLabel quotes a label so that any text is read as text: letters,
// digits, spaces and harmless punctuation stay; every other character,
// quotes, brackets, "|", "<", "#" and "&" included, becomes Mermaid's
// entity code "#NNN;"; line breaks become spaces, and other control
// characters are shown as their escapes (\x1b, \u202e), never as an
// entity that would decode to them.
func mermaidLabel(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range safetext.Controls(s) {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r == ' ' || strings.ContainsRune(".,-_/()'+?!*=@:", r):
			b.WriteRune(r)
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)):
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "#%d;", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
