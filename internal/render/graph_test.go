package render

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/golden"
	"github.com/svccat/svccat/internal/graph"
)

var graphExt = map[string]string{"mermaid": "mmd", "dot": "dot"}

func TestGraphGolden(t *testing.T) {
	c := loadAcme(t)
	for _, tc := range []struct {
		name string
		opt  graph.ExportOptions
	}{
		{"all", graph.ExportOptions{}},
		{"focus-database-depth-1", graph.ExportOptions{Focus: []string{"database"}, Depth: 1}},
	} {
		g, err := graph.Export(c, tc.opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, format := range GraphFormats.Names() {
			t.Run(tc.name+"/"+format, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Graph(&buf, format, GraphInput{Graph: g}); err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join("testdata", "graph", tc.name+"."+graphExt[format]), buf.Bytes())
				checkDOT(t, format, buf.Bytes())
			})
		}
	}
}

// hostileTitles are titles and names that would break a naive printer.
var hostileTitles = []string{
	`Say "hello"`,
	`brackets [x] (y) {z} <w>`,
	`pipe | and ; semicolon # hash & amp`,
	"<script>alert('x')</script>",
	"line one\nline two\r\n\ttabbed",
	"back\\slash \\N \\\"",
	"ünïcödé 日本語 😀 emoji",
	"-->|edge| text --- o x",
	"end",
	"%% comment",
	"\x00\x07control",
	"`backticks` **bold** #quot; &lt;",
}

func hostileGraph() *graph.Graph {
	g := &graph.Graph{}
	for i, title := range hostileTitles {
		typ := "supporting"
		if i%2 == 0 {
			typ = "business"
		}
		// Names are schema-checked in a real catalog; these test the
		// printers' own escaping.
		name := []string{"a", "end", "a-b", "a_b", "x\"y", "graph", "subgraph", "o", "1", "a.b", "a b", "é"}[i]
		g.Nodes = append(g.Nodes, graph.Node{Name: name, Title: title, Type: typ, Focus: i == 3})
	}
	for i := 1; i < len(g.Nodes); i++ {
		g.Edges = append(g.Edges, graph.Edge{From: g.Nodes[i].Name, To: g.Nodes[i-1].Name, Hard: i%3 != 0})
	}
	return g
}

func TestGraphHostileTitles(t *testing.T) {
	g := hostileGraph()
	for _, format := range GraphFormats.Names() {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Graph(&buf, format, GraphInput{Graph: g}); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "graph", "hostile."+graphExt[format]), buf.Bytes())
			checkDOT(t, format, buf.Bytes())
			if format == "mermaid" {
				checkMermaidFlowchart(t, buf.String(), len(g.Nodes), len(g.Edges))
			}
		})
	}
}

var (
	mermaidNode = regexp.MustCompile(`^    svc_[A-Za-z0-9_]+(\["[^"\n]*"\]|\("[^"\n]*"\)):::(business|supporting)$`)
	mermaidEdge = regexp.MustCompile(`^    svc_[A-Za-z0-9_]+ (-->|-\.->) svc_[A-Za-z0-9_]+$`)
	mermaidText = regexp.MustCompile(`"[^"]*"`)
)

// checkMermaidFlowchart checks every line against the small grammar the
// printer uses: ids of safe characters, labels quoted with nothing inside
// that could end the quote or open markup.
func checkMermaidFlowchart(t *testing.T, out string, nodes, edges int) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	n, e := 0, 0
	for _, l := range lines {
		switch {
		case mermaidNode.MatchString(l):
			n++
			for _, lab := range mermaidText.FindAllString(l, -1) {
				if strings.ContainsAny(lab[1:len(lab)-1], "\"<>[]{}|`&\\") {
					t.Errorf("label %s holds a character Mermaid acts on", lab)
				}
			}
		case mermaidEdge.MatchString(l):
			e++
		case l == "flowchart LR", strings.HasPrefix(l, "    %% "), strings.HasPrefix(l, "    classDef "), strings.HasPrefix(l, "    class svc_"):
		default:
			t.Errorf("unexpected line %q", l)
		}
	}
	if n != nodes || e != edges {
		t.Errorf("%d nodes and %d edges, want %d and %d", n, e, nodes, edges)
	}
}

// checkDOT runs Graphviz on DOT output where it is installed.
func checkDOT(t *testing.T, format string, out []byte) {
	t.Helper()
	if format != "dot" {
		return
	}
	dot, err := exec.LookPath("dot")
	if err != nil {
		return // Graphviz is optional; the golden files still pin the text
	}
	cmd := exec.Command(dot, "-Tsvg")
	cmd.Stdin = bytes.NewReader(out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Errorf("dot rejects the output: %v\n%s", err, stderr.String())
	}
}
