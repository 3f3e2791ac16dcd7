package render

import (
	"io"

	"github.com/svccat/svccat/internal/graph"
)

// GraphInput is what a dependency-graph printer may use.
type GraphInput struct {
	Graph *graph.Graph
}

// GraphFormats are the dependency graph's output formats, the default
// first.
var GraphFormats = Formats[GraphInput]{{"mermaid", GraphMermaid}, {"dot", GraphDOT}}

// Graph writes a dependency graph in the given format.
func Graph(w io.Writer, format string, in GraphInput) error {
	return GraphFormats.Write(w, format, in)
}

// nodeLabel is what a node shows: the title, or the name without one.
func nodeLabel(n graph.Node) string {
	if n.Title != "" {
		return n.Title
	}
	return n.Name
}

// Colours shared by both graph formats: business services blue,
// supporting services grey.
const (
	businessFill   = "#dbeafe"
	businessStroke = "#1d4ed8"
	supportFill    = "#f1f5f9"
	supportStroke  = "#64748b"
)
