package docs

import (
	"bytes"
	"sort"

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
func dependencyGraph(s *catalog.Service) (string, bool, error) {
	g, direct := focusGraph(s)
	var buf bytes.Buffer
	if err := render.GraphMermaid(&buf, render.GraphInput{Graph: g}); err != nil {
		return "", false, err
	}
	return buf.String(), direct, nil
}

// focusGraph selects what graph.Export selects for svccat graph --focus:
// the service, its upstream and downstream closures (or only direct
// neighbours when they are too many) and every edge among them. It walks
// the catalog's resolved edges instead of building Export's index of the
// whole graph, which would cost that much for every page.
func focusGraph(s *catalog.Service) (*graph.Graph, bool) {
	keep := map[*catalog.Service]bool{s: true}
	for _, x := range closure(s, true) {
		keep[x] = true
	}
	for _, x := range closure(s, false) {
		keep[x] = true
	}
	direct := len(keep) > maxGraphNodes
	if direct {
		keep = map[*catalog.Service]bool{s: true}
		for _, x := range dependencies(s) {
			keep[x] = true
		}
		for _, x := range dependents(s) {
			keep[x] = true
		}
	}
	nodes := keys(keep)
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].Name < nodes[j].Name })
	g := &graph.Graph{}
	for _, x := range nodes {
		n := graph.Node{Name: x.Name, Title: x.Title, Type: x.Type, Focus: x == s}
		if x.Impact.Tier != nil {
			t := *x.Impact.Tier
			n.Tier = &t
		}
		g.Nodes = append(g.Nodes, n)
		hard := map[*catalog.Service]bool{}
		for _, d := range x.DependsOn {
			if d.To != nil && keep[d.To] {
				hard[d.To] = hard[d.To] || d.Hard
			}
		}
		to := keys(hard)
		sort.Slice(to, func(i, j int) bool { return to[i].Name < to[j].Name })
		for _, y := range to {
			g.Edges = append(g.Edges, graph.Edge{From: x.Name, To: y.Name, Hard: hard[y]})
		}
	}
	return g, direct
}

func keys[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// planGantt draws a plan's schedule as a Mermaid Gantt chart.
func planGantt(p *graph.Plan) (string, error) {
	var buf bytes.Buffer
	if err := render.RestoreMermaid(&buf, render.RestoreInput{Plan: p}); err != nil {
		return "", err
	}
	return buf.String(), nil
}
