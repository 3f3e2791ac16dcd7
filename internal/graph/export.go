package graph

import (
	"github.com/svccat/svccat/internal/catalog"
)

// ExportOptions choose the part of the graph to export.
type ExportOptions struct {
	// Focus names services to centre on; empty means the whole graph.
	Focus []string
	// Depth limits the focus to services at most Depth dependency steps
	// upstream or downstream of a focus service; 0 means no limit.
	Depth int
}

// Graph is a dependency graph as plain values, for printers.
type Graph struct {
	Nodes []Node // by name
	Edges []Edge // by From, then To
}

// Node is a service in an exported graph.
type Node struct {
	Name  string
	Title string
	Type  string
	Tier  *int
	Focus bool // named in ExportOptions.Focus
}

// Edge is "From depends on To". Where a service lists the same
// dependency twice, hard wins over soft.
type Edge struct {
	From, To string
	Hard     bool
}

// Export returns the dependency graph, or the part of it within
// opt.Depth steps upstream (what the focus services need) and downstream
// (what needs them) of the focus services, with every edge between the
// services it keeps. Unknown focus names give an *UnknownError.
func Export(c *catalog.Catalog, opt ExportOptions) (*Graph, error) {
	g := newDense(c, nil)
	n := len(g.svc)
	keep := make([]bool, n)
	focus := make([]bool, n)
	if len(opt.Focus) == 0 {
		for i := range keep {
			keep[i] = true
		}
	} else {
		idx, err := g.lookup(opt.Focus)
		if err != nil {
			return nil, err
		}
		for _, i := range idx {
			focus[i] = true
		}
		for _, next := range [][][]int{g.all, g.allRev} {
			for i, ok := range within(focus, next, opt.Depth) {
				keep[i] = keep[i] || ok
			}
		}
	}

	out := &Graph{}
	for i, s := range g.svc {
		if !keep[i] {
			continue
		}
		nd := Node{Name: s.Name, Title: s.Title, Type: s.Type, Focus: focus[i]}
		if s.Impact.Tier != nil {
			t := *s.Impact.Tier
			nd.Tier = &t
		}
		out.Nodes = append(out.Nodes, nd)
		hard := map[int]bool{}
		for _, j := range g.hard[i] {
			hard[j] = true
		}
		for _, j := range g.all[i] { // sorted, so edges come out by To
			if keep[j] {
				out.Edges = append(out.Edges, Edge{From: s.Name, To: g.svc[j].Name, Hard: hard[j]})
			}
		}
	}
	return out, nil
}

// within marks the services at most depth steps along next from the
// marked ones (any number of steps when depth is 0).
func within(start []bool, next [][]int, depth int) []bool {
	if depth <= 0 {
		return reach(start, next)
	}
	seen := append([]bool(nil), start...)
	var frontier []int
	for i, ok := range start {
		if ok {
			frontier = append(frontier, i)
		}
	}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var nextFrontier []int
		for _, i := range frontier {
			for _, j := range next[i] {
				if !seen[j] {
					seen[j] = true
					nextFrontier = append(nextFrontier, j)
				}
			}
		}
		frontier = nextFrontier
	}
	return seen
}
