package graph

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/typo"
)

// dense is the service graph with services numbered 0..n-1 in name order,
// so the computations walk slices of ints instead of maps of pointers
// (a 10,000-service catalog is planned in milliseconds).
type dense struct {
	svc    []*catalog.Service
	index  map[*catalog.Service]int
	byName map[string]int
	// left are the services keep left out, by name, with their
	// lifecycle: a query naming one is told why it is not there.
	left map[string]string
	// hard[i] are the services i hard-depends on; hardRev[i] the services
	// that hard-depend on i. all and allRev hold hard and soft edges.
	// Each list is sorted and free of repeats.
	hard, hardRev [][]int
	all, allRev   [][]int
}

// newDense numbers the catalog's services. A service whose name is taken
// by an earlier one (a duplicate-name error) or that has no name is left
// out: references resolve to the first service of a name. Only the
// entities' fields are read, not the catalog's lookup tables, so callers
// may build a Catalog in memory. keep, when not nil, picks the services
// that take part; edges to the others are left out with them.
func newDense(c *catalog.Catalog, keep func(*catalog.Service) bool) *dense {
	g := &dense{index: make(map[*catalog.Service]int, len(c.Services)), byName: make(map[string]int, len(c.Services)), left: map[string]string{}}
	for _, s := range c.Services {
		if _, dup := g.byName[s.Name]; dup || s.Name == "" {
			continue
		}
		if _, dup := g.left[s.Name]; dup {
			continue
		}
		if keep != nil && !keep(s) {
			g.left[s.Name] = s.Lifecycle
			continue
		}
		g.byName[s.Name] = 0
		g.svc = append(g.svc, s)
	}
	byName := func(i, j int) bool { return g.svc[i].Name < g.svc[j].Name }
	if !sort.SliceIsSorted(g.svc, byName) { // load.Catalog sorts already
		sort.SliceStable(g.svc, byName)
	}
	for i, s := range g.svc {
		g.index[s] = i
		g.byName[s.Name] = i
	}
	// Resolve every edge once, then lay each adjacency list out in one
	// backing array (two passes: count, fill), so a large catalog costs
	// a handful of allocations rather than one per service and list.
	type edge struct {
		from, to int
		hard     bool
	}
	total := 0
	for _, s := range g.svc {
		total += len(s.DependsOn)
	}
	edges := make([]edge, 0, total)
	for i, s := range g.svc {
		for _, d := range s.DependsOn {
			if j, ok := g.index[d.To]; ok { // unresolved: the unresolved-reference rule reports it
				edges = append(edges, edge{i, j, d.Hard})
			}
		}
	}
	n := len(g.svc)
	g.hard = adjacency(n, edges, func(e edge) (int, int, bool) { return e.from, e.to, e.hard })
	g.hardRev = adjacency(n, edges, func(e edge) (int, int, bool) { return e.to, e.from, e.hard })
	g.all = adjacency(n, edges, func(e edge) (int, int, bool) { return e.from, e.to, true })
	g.allRev = adjacency(n, edges, func(e edge) (int, int, bool) { return e.to, e.from, true })
	return g
}

// adjacency builds n sorted, repeat-free lists from the edges pick keeps,
// as (list, member).
func adjacency[E any](n int, edges []E, pick func(E) (int, int, bool)) [][]int {
	count := make([]int, n+1)
	for _, e := range edges {
		if a, _, ok := pick(e); ok {
			count[a+1]++
		}
	}
	for i := 1; i <= n; i++ {
		count[i] += count[i-1]
	}
	flat := make([]int, count[n])
	next := append([]int(nil), count[:n]...)
	for _, e := range edges {
		if a, b, ok := pick(e); ok {
			flat[next[a]] = b
			next[a]++
		}
	}
	lists := make([][]int, n)
	for i := range lists {
		lists[i] = sortedSet(flat[count[i]:count[i+1]:count[i+1]])
	}
	return lists
}

// sortedSet sorts xs and drops repeats, in place.
func sortedSet[T cmp.Ordered](xs []T) []T {
	slices.Sort(xs)
	return slices.Compact(xs)
}

// reach marks every service reachable from the marked ones along next,
// and returns the marks.
func reach(start []bool, next [][]int) []bool {
	seen := append([]bool(nil), start...)
	var stack []int
	for i, ok := range seen {
		if ok {
			stack = append(stack, i)
		}
	}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, j := range next[i] {
			if !seen[j] {
				seen[j] = true
				stack = append(stack, j)
			}
		}
	}
	return seen
}

// UnknownError is a scenario or query naming an entity the catalog does
// not have.
type UnknownError struct {
	Kind  string // "service" or "site"
	Name  string
	Known []string // the names the catalog has, sorted
	// Lifecycle is set when the service exists but takes no part: it is
	// pipeline or retired.
	Lifecycle string
}

func (e *UnknownError) Error() string {
	if e.Lifecycle != "" {
		return fmt.Sprintf("service %q is %s: only live and retiring services take part", e.Name, e.Lifecycle)
	}
	msg := fmt.Sprintf("there is no %s named %q", e.Kind, e.Name)
	switch {
	case len(e.Known) == 0:
		msg += fmt.Sprintf(" (the catalog has no %ss)", e.Kind)
	case len(e.Known) <= 8:
		msg += fmt.Sprintf(" (%ss: %s)", e.Kind, strings.Join(e.Known, ", "))
	default:
		if s := typo.Closest(e.Name, e.Known); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
	}
	return msg
}

func (g *dense) names() []string {
	out := make([]string, len(g.svc))
	for i, s := range g.svc {
		out[i] = s.Name
	}
	return out
}

// lookup returns the index of each named service, or an *UnknownError.
// Repeated names count once.
func (g *dense) lookup(names []string) ([]int, error) {
	var out []int
	seen := map[int]bool{}
	for _, n := range names {
		i, ok := g.byName[n]
		if !ok {
			return nil, &UnknownError{Kind: "service", Name: n, Known: g.names(), Lifecycle: g.left[n]}
		}
		if !seen[i] {
			seen[i] = true
			out = append(out, i)
		}
	}
	sort.Ints(out)
	return out, nil
}

// segmentsOf returns the names of a service's segments and of their
// markets, each sorted and without repeats.
func segmentsOf(s *catalog.Service) (segments, markets []string) {
	for _, seg := range s.Segments {
		segments = append(segments, seg.Name)
		if seg.Market != nil {
			markets = append(markets, seg.Market.Name)
		}
	}
	return sortedSet(segments), sortedSet(markets)
}
