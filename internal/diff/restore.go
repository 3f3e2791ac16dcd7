package diff

import (
	"errors"
	"sort"
	"time"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/graph"
)

// compareRestore compares the total-loss plan and each site's plan, with
// unlimited crews. A side with a dependency cycle has no plans: the
// restore section is omitted for it.
func compareRestore(base, head Side, omitted []Omission) ([]Scenario, []Omission) {
	scenarios := []graph.Scenario{{}}
	for _, name := range siteNames(base.Catalog, head.Catalog) {
		scenarios = append(scenarios, graph.Scenario{Sites: []string{name}})
	}
	plans := func(s Side, label string) ([]*graph.Plan, bool) {
		out := make([]*graph.Plan, len(scenarios))
		for i, sc := range scenarios {
			p, err := graph.RestoreOrder(s.Catalog, sc, graph.Options{DefaultDuration: s.Config.RestoreDuration})
			var ue *graph.UnknownError
			var ce *graph.CycleError
			switch {
			case errors.As(err, &ue):
				continue // the site does not exist on this side
			case errors.As(err, &ce):
				omitted = append(omitted, Omission{Side: label, Sections: []string{SectionRestore}, Reason: "services hard-depend on each other in a loop: " + ce.Error()})
				return nil, false
			case err != nil:
				omitted = append(omitted, Omission{Side: label, Sections: []string{SectionRestore}, Reason: err.Error()})
				return nil, false
			}
			out[i] = p
		}
		return out, true
	}
	bp, bok := plans(base, "base")
	hp, hok := plans(head, "head")
	if !bok || !hok {
		return nil, omitted
	}
	var out []Scenario
	for i, sc := range scenarios {
		if s, ok := compareScenario(sc.String(), bp[i], hp[i]); ok {
			out = append(out, s)
		}
	}
	return out, omitted
}

func siteNames(cs ...*catalog.Catalog) []string {
	seen := map[string]bool{}
	var names []string
	for _, c := range cs {
		for _, s := range c.Sites {
			if !seen[s.Name] {
				seen[s.Name] = true
				names = append(names, s.Name)
			}
		}
	}
	sort.Strings(names)
	return names
}

func compareScenario(name string, before, after *graph.Plan) (Scenario, bool) {
	s := Scenario{Name: name}
	steps := func(p *graph.Plan) map[string]*graph.Step {
		m := map[string]*graph.Step{}
		if p != nil {
			for i := range p.Steps {
				m[p.Steps[i].Service] = &p.Steps[i]
			}
		}
		return m
	}
	b, a := steps(before), steps(after)
	if before != nil {
		s.MakespanBefore = &before.Makespan
	}
	if after != nil {
		s.MakespanAfter = &after.Makespan
	}
	var changes []RestoreChange
	add := func(name string) {
		x, y := b[name], a[name]
		c := RestoreChange{Service: name}
		if x != nil {
			c.BeforeOrder, c.BeforeFinish, c.BeforeRTOMet = &x.Order, &x.Finish, x.RTOMet
		}
		if y != nil {
			c.AfterOrder, c.AfterFinish, c.AfterRTOMet = &y.Order, &y.Finish, y.RTOMet
		}
		if x != nil && y != nil && x.Order == y.Order && x.Finish == y.Finish && sameBool(x.RTOMet, y.RTOMet) {
			return
		}
		c.NewMiss = missed(c.AfterRTOMet) && !missed(c.BeforeRTOMet)
		changes = append(changes, c)
	}
	if after != nil {
		for _, st := range after.Steps {
			add(st.Service)
		}
	}
	if before != nil {
		for _, st := range before.Steps {
			if a[st.Service] == nil {
				add(st.Service)
			}
		}
	}
	// New misses first; then in the head's order, then what left the plan
	// in the base's order.
	sort.SliceStable(changes, func(i, j int) bool { return changes[i].NewMiss && !changes[j].NewMiss })
	for _, c := range changes {
		if c.NewMiss {
			s.NewMisses = append(s.NewMisses, c.Service)
		}
	}
	s.Changes = changes
	if len(changes) == 0 && sameDuration(s.MakespanBefore, s.MakespanAfter) {
		return s, false
	}
	return s, true
}

func missed(b *bool) bool { return b != nil && !*b }

func sameBool(a, b *bool) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func sameDuration(a, b *time.Duration) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}
