package docs

import (
	"path"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/graph"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/mdtext"
)

// The pages that are not about one entity.
const (
	indexPath   = "index.md"
	restorePath = "restore-order.md"
	costPath    = "cost.md"
	tracePath   = "traceability.md"
)

// folders names the folder of each kind's pages.
var folders = map[string]string{
	catalog.KindMarket:  "markets",
	catalog.KindSegment: "segments",
	catalog.KindPersona: "personas",
	catalog.KindService: "services",
	catalog.KindTeam:    "teams",
	catalog.KindSite:    "sites",
	// Measurements have no page of their own: their service's shows them.
	catalog.KindPerson:      "people",
	catalog.KindStakeholder: "stakeholders",
}

// site is what every page of one build shares.
type site struct {
	c     *catalog.Catalog
	cfg   *config.Config
	lint  lint.Result
	paths map[catalog.Named]string
	texts map[catalog.Named]string

	plan    *graph.Plan // the total-loss plan; nil when planErr is set
	planErr error
	steps   map[string]*graph.Step

	costs    *costs
	measures *measures
}

var nameRE = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$`)

// assignPaths gives every entity its page: <folder>/<name>.md. An entity
// whose name is not a valid name, or is taken by an earlier one of its
// kind, gets none (the linter reports both; the docs refuse such a
// catalog anyway, but a page path must never come from unchecked text).
func (s *site) assignPaths() {
	taken := map[string]bool{}
	s.c.Each(func(x catalog.Named) {
		e := x.Meta()
		if !nameRE.MatchString(e.Name) || folders[e.Kind] == "" {
			return
		}
		p := folders[e.Kind] + "/" + e.Name + ".md"
		if taken[p] {
			return
		}
		taken[p] = true
		s.paths[x] = p
	})
}

// linkText is x's display name escaped for a link's text; cached, since
// the same entities are linked from page after page.
func (s *site) linkText(x catalog.Named) string {
	if t, ok := s.texts[x]; ok {
		return t
	}
	t := mdtext.Inline(x.Meta().DisplayName())
	if t == "" {
		t = mdtext.Inline(x.Meta().Name)
	}
	s.texts[x] = t
	return t
}

// path is the page of x, or "" when it has none.
func (s *site) path(x catalog.Named) string {
	if isNil(x) {
		return ""
	}
	return s.paths[x]
}

func isNil(x any) bool {
	if x == nil {
		return true
	}
	v := reflect.ValueOf(x)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// page is the page being written: it knows where it is, so that links
// from it are relative to its folder.
type page struct {
	Path string
	s    *site
}

func (s *site) page(p string) *page { return &page{Path: p, s: s} }

// Href is the relative link from this page to the site path target,
// which may carry an #anchor.
func (p *page) Href(target string) string {
	return relPath(p.Path, target)
}

// Link writes a link to x's page with its escaped display name as the
// text; without a page, just the name. x may be a nil pointer: "".
func (p *page) Link(x any) string {
	n, ok := x.(catalog.Named)
	if !ok || isNil(x) {
		return ""
	}
	text := p.s.linkText(n)
	if target := p.s.path(n); target != "" {
		return "[" + text + "](" + p.Href(target) + ")"
	}
	return text
}

// items is a partial template's data: the page and what to list.
type items struct {
	*page
	Items any
}

// With hands a partial template the page and a list.
func (p *page) With(xs any) items { return items{page: p, Items: xs} }

// Service looks a service up by name, for steps of a plan.
func (p *page) Service(name string) *catalog.Service { return p.s.c.Service(name) }

// Chain writes a chain of services as links joined by arrows.
func (p *page) Chain(names []string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		if l := p.Link(p.Service(n)); l != "" {
			parts[i] = l
		} else {
			parts[i] = mdtext.Inline(n)
		}
	}
	return strings.Join(parts, " → ")
}

// Dependents links the services that depend on x, or "—".
func (p *page) Dependents(x catalog.Named) string {
	s, ok := x.(*catalog.Service)
	if !ok || s == nil {
		return "—"
	}
	return p.Links(dependents(s))
}

// Sources writes where a service's allocated cost was spent: "[Storage](…)
// 1,200.00, [Network](…) 300.00".
func (p *page) Sources(sources []cost.Source, places int) string {
	parts := make([]string, len(sources))
	for i, src := range sources {
		name := mdtext.Inline(src.Name)
		if x := p.Service(src.Name); x != nil {
			name = p.Link(x)
		}
		parts[i] = name + " " + money(src.Amount, places)
	}
	return strings.Join(parts, ", ")
}

// Links writes the links to a slice of entities, comma-separated, or an
// em dash when there are none.
func (p *page) Links(xs any) string {
	v := reflect.ValueOf(xs)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Len() == 0 {
		return "—"
	}
	v = reflect.ValueOf(sorted(xs))
	parts := make([]string, 0, v.Len())
	for i := 0; i < v.Len(); i++ {
		if l := p.Link(v.Index(i).Interface()); l != "" {
			parts = append(parts, l)
		}
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, ", ")
}

// relPath is the relative link from the page at from to the page at to,
// both relative to the site root: "services/a.md" → "teams/b.md" is
// "../teams/b.md".
func relPath(from, to string) string {
	anchor := ""
	if i := strings.IndexByte(to, '#'); i >= 0 {
		to, anchor = to[:i], to[i:]
	}
	dir := path.Dir(from)
	if dir == "." {
		return to + anchor
	}
	fromParts := strings.Split(dir, "/")
	toParts := strings.Split(to, "/")
	i := 0
	for i < len(fromParts) && i < len(toParts)-1 && fromParts[i] == toParts[i] {
		i++
	}
	var b strings.Builder
	for range fromParts[i:] {
		b.WriteString("../")
	}
	b.WriteString(strings.Join(toParts[i:], "/"))
	if b.Len() == 0 {
		return path.Base(to) + anchor
	}
	return b.String() + anchor
}

// Services and edges in a stable order.

// Lists of entities are sorted by what a reader sees, the display name
// (ignoring case), then by name, so that equal titles still sort stably.
func lessNamed(a, b catalog.Named) bool {
	ea, eb := a.Meta(), b.Meta()
	ta, tb := ea.DisplayName(), eb.DisplayName()
	if c := compareFold(ta, tb); c != 0 {
		return c < 0
	}
	if ta != tb {
		return ta < tb
	}
	return ea.Name < eb.Name
}

// compareFold compares strings as their lower-case forms would compare,
// without building them (sorting calls it a great many times).
func compareFold(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if la, lb := unicode.ToLower(ra), unicode.ToLower(rb); la != lb {
			if la < lb {
				return -1
			}
			return 1
		}
		a, b = a[na:], b[nb:]
	}
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return -1
	}
	return 1
}

// sorted returns a copy of a slice of entities sorted with lessNamed;
// templates use it on the catalog's slices, which are sorted by name.
func sorted(xs any) any {
	v := reflect.ValueOf(xs)
	if !v.IsValid() || v.Kind() != reflect.Slice {
		return xs
	}
	out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	reflect.Copy(out, v)
	sort.SliceStable(out.Interface(), func(i, j int) bool {
		a, _ := out.Index(i).Interface().(catalog.Named)
		b, _ := out.Index(j).Interface().(catalog.Named)
		return a != nil && b != nil && lessNamed(a, b)
	})
	return out.Interface()
}

func sortServices(xs []*catalog.Service) []*catalog.Service {
	sort.SliceStable(xs, func(i, j int) bool { return lessNamed(xs[i], xs[j]) })
	return xs
}

// dependencies are the services s depends on (resolved edges), by name.
func dependencies(s *catalog.Service) []*catalog.Service {
	var out []*catalog.Service
	seen := map[*catalog.Service]bool{}
	for _, d := range s.DependsOn {
		if d.To != nil && !seen[d.To] {
			seen[d.To] = true
			out = append(out, d.To)
		}
	}
	return sortServices(out)
}

// dependents are the services that depend on s, by name.
func dependents(s *catalog.Service) []*catalog.Service {
	var out []*catalog.Service
	seen := map[*catalog.Service]bool{}
	for _, d := range s.Dependents {
		if d.From != nil && !seen[d.From] {
			seen[d.From] = true
			out = append(out, d.From)
		}
	}
	return sortServices(out)
}

// upstreamEdges are s's resolved dependencies sorted by the service they
// name; downstreamEdges the edges that point at s, by dependent.
func upstreamEdges(s *catalog.Service) []*catalog.Dependency {
	var out []*catalog.Dependency
	for _, d := range s.DependsOn {
		if d.To != nil {
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return lessNamed(out[i].To, out[j].To) })
	return out
}

func downstreamEdges(s *catalog.Service) []*catalog.Dependency {
	out := append([]*catalog.Dependency(nil), s.Dependents...)
	sort.SliceStable(out, func(i, j int) bool { return lessNamed(out[i].From, out[j].From) })
	return out
}

// marketsOf are the markets of a service's segments, by name.
func marketsOf(segs []*catalog.Segment) []*catalog.Market {
	seen := map[*catalog.Market]bool{}
	var out []*catalog.Market
	for _, seg := range segs {
		if seg.Market != nil && !seen[seg.Market] {
			seen[seg.Market] = true
			out = append(out, seg.Market)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return lessNamed(out[i], out[j]) })
	return out
}

// businessServices are the business services tracing to any of segs.
func businessServices(segs []*catalog.Segment) []*catalog.Service {
	seen := map[*catalog.Service]bool{}
	var out []*catalog.Service
	for _, seg := range segs {
		for _, x := range seg.Services {
			if !seen[x] {
				seen[x] = true
				out = append(out, x)
			}
		}
	}
	return sortServices(out)
}

// personasOf are the personas of segs, by name.
func personasOf(segs []*catalog.Segment) []*catalog.Persona {
	var out []*catalog.Persona
	for _, seg := range segs {
		out = append(out, seg.Personas...)
	}
	sort.SliceStable(out, func(i, j int) bool { return lessNamed(out[i], out[j]) })
	return out
}

// touchpointsOf are the touchpoints of services, sorted, each once.
func touchpointsOf(services []*catalog.Service) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range services {
		for _, t := range x.Touchpoints {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	sort.Strings(out)
	return out
}

// underpinning is every service the given ones depend on, transitively,
// that is not one of them: what has to run for them to run.
func underpinning(services []*catalog.Service) []*catalog.Service {
	given := map[*catalog.Service]bool{}
	for _, x := range services {
		given[x] = true
	}
	seen := map[*catalog.Service]bool{}
	var out []*catalog.Service
	queue := append([]*catalog.Service(nil), services...)
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, y := range dependencies(x) {
			if !seen[y] {
				seen[y] = true
				queue = append(queue, y)
				if !given[y] {
					out = append(out, y)
				}
			}
		}
	}
	return sortServices(out)
}

// supportedBusiness are the business services that depend on s,
// transitively: the customers its cost and its outages reach.
func supportedBusiness(s *catalog.Service) []*catalog.Service {
	var out []*catalog.Service
	for _, x := range closure(s, false) {
		if x.IsBusiness() {
			out = append(out, x)
		}
	}
	return sortServices(out)
}

// closure is every service reachable from s along dependencies
// (upstream) or dependents (downstream), without s itself, in
// breadth-first order.
func closure(s *catalog.Service, upstream bool) []*catalog.Service {
	seen := map[*catalog.Service]bool{s: true}
	queue := []*catalog.Service{s}
	var out []*catalog.Service
	visit := func(y *catalog.Service) {
		if y != nil && !seen[y] {
			seen[y] = true
			out = append(out, y)
			queue = append(queue, y)
		}
	}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		if upstream {
			for _, d := range x.DependsOn {
				visit(d.To)
			}
		} else {
			for _, d := range x.Dependents {
				visit(d.From)
			}
		}
	}
	return out
}
