package docs

import (
	"bytes"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/graph"
	"github.com/svccat/svccat/internal/render"
)

// The diagrams are the ones the CLI prints (svccat graph --focus,
// svccat restore-order --format mermaid), so a reader can reproduce
// every picture in the site from the command line.

// maxGraphNodes keeps a service's dependency graph readable, and within
// what GitHub renders; beyond it only direct neighbours are drawn.
const maxGraphNodes = 40

// dependencyGraph draws a service with everything it depends on and
// everything that depends on it, transitively, as a Mermaid flowchart. It
// reports whether the graph was cut down to direct neighbours.
func dependencyGraph(c *catalog.Catalog, s *catalog.Service) (string, bool, error) {
	g, err := graph.Export(c, graph.ExportOptions{Focus: []string{s.Name}})
	if err != nil {
		return "", false, err
	}
	direct := false
	if len(g.Nodes) > maxGraphNodes {
		direct = true
		if g, err = graph.Export(c, graph.ExportOptions{Focus: []string{s.Name}, Depth: 1}); err != nil {
			return "", false, err
		}
	}
	var buf bytes.Buffer
	if err := render.GraphMermaid(&buf, render.GraphInput{Graph: g}); err != nil {
		return "", false, err
	}
	return buf.String(), direct, nil
}

// planGantt draws a plan's schedule as a Mermaid Gantt chart.
func planGantt(p *graph.Plan) (string, error) {
	var buf bytes.Buffer
	if err := render.RestoreMermaid(&buf, render.RestoreInput{Plan: p}); err != nil {
		return "", err
	}
	return buf.String(), nil
}
