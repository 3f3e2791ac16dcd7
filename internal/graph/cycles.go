// Package graph computes over the service dependency graph: cycles,
// reachability and restoration order. It only computes; it never prints.
package graph

import (
	"sort"
	"strings"

	"github.com/svccat/svccat/internal/catalog"
)

// Cycle is a loop of dependencies: Edges[i].To is Edges[i+1].From, and the
// last edge leads back to the first service.
type Cycle struct {
	Edges []*catalog.Dependency
}

// String writes the loop as "a -> b -> c -> a".
func (c Cycle) String() string {
	if len(c.Edges) == 0 {
		return ""
	}
	names := []string{c.Edges[0].From.Name}
	for _, e := range c.Edges {
		names = append(names, e.To.Name)
	}
	return strings.Join(names, " -> ")
}

// Hard reports whether every edge of the loop is a hard dependency.
func (c Cycle) Hard() bool {
	for _, e := range c.Edges {
		if !e.Hard {
			return false
		}
	}
	return true
}

// Cycles finds one loop in every strongly connected component of the
// graph formed by services and the edges include accepts (all resolved
// edges when include is nil). Each loop starts at its component's
// first service by name, so results are deterministic.
func Cycles(services []*catalog.Service, include func(*catalog.Dependency) bool) []Cycle {
	if include == nil {
		include = func(*catalog.Dependency) bool { return true }
	}
	edges := func(s *catalog.Service) []*catalog.Dependency {
		var out []*catalog.Dependency
		for _, d := range s.DependsOn {
			if d.To != nil && include(d) {
				out = append(out, d)
			}
		}
		return out
	}
	// Tarjan's algorithm, iterative so that a long chain cannot exhaust
	// the stack.
	index := map[*catalog.Service]int{}
	low := map[*catalog.Service]int{}
	onStack := map[*catalog.Service]bool{}
	var stack []*catalog.Service
	var comps [][]*catalog.Service
	next := 0
	type frame struct {
		s     *catalog.Service
		edges []*catalog.Dependency
		i     int
	}
	for _, root := range services {
		if _, seen := index[root]; seen {
			continue
		}
		call := []frame{{s: root, edges: edges(root)}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, root)
		onStack[root] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			if f.i < len(f.edges) {
				w := f.edges[f.i].To
				f.i++
				if _, seen := index[w]; !seen {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{s: w, edges: edges(w)})
				} else if onStack[w] {
					low[f.s] = min(low[f.s], index[w])
				}
				continue
			}
			v := f.s
			call = call[:len(call)-1]
			if len(call) > 0 {
				p := call[len(call)-1].s
				low[p] = min(low[p], low[v])
			}
			if low[v] == index[v] {
				var comp []*catalog.Service
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp = append(comp, w)
					if w == v {
						break
					}
				}
				comps = append(comps, comp)
			}
		}
	}

	var out []Cycle
	for _, comp := range comps {
		in := map[*catalog.Service]bool{}
		for _, s := range comp {
			in[s] = true
		}
		sort.Slice(comp, func(i, j int) bool { return comp[i].Name < comp[j].Name })
		start := comp[0]
		if len(comp) == 1 {
			for _, d := range edges(start) {
				if d.To == start {
					out = append(out, Cycle{Edges: []*catalog.Dependency{d}})
					break
				}
			}
			continue
		}
		if c := loopFrom(start, in, edges); len(c.Edges) > 0 {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Edges[0].From.Name < out[j].Edges[0].From.Name })
	return out
}

// loopFrom finds a shortest path from start back to itself inside a
// component (breadth-first, so the loop printed is as short as possible).
func loopFrom(start *catalog.Service, in map[*catalog.Service]bool, edges func(*catalog.Service) []*catalog.Dependency) Cycle {
	via := map[*catalog.Service]*catalog.Dependency{}
	queue := []*catalog.Service{start}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, d := range edges(s) {
			if !in[d.To] {
				continue
			}
			if d.To == start {
				path := []*catalog.Dependency{d}
				for at := s; at != start; at = via[at].From {
					path = append(path, via[at])
				}
				for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
					path[i], path[j] = path[j], path[i]
				}
				return Cycle{Edges: path}
			}
			if _, seen := via[d.To]; !seen && d.To != start {
				via[d.To] = d
				queue = append(queue, d.To)
			}
		}
	}
	return Cycle{}
}
