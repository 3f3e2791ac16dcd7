package diff

import (
	"sort"
	"strings"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/graph"
)

// compareImpact compares, for each supporting service, the business
// services and segments its failure reaches (down or degraded). Only a
// supporting service below a changed service can see a different blast
// radius — its dependents and their segments are reached through the
// changed service's edges — so only those are asked: a change to one
// service costs what its dependency tree costs, not the whole catalog.
func compareImpact(base, head *catalog.Catalog, ents Entities) []Exposure {
	changed := map[string]bool{}
	for _, id := range ents.Added {
		changed[id] = true
	}
	for _, id := range ents.Removed {
		changed[id] = true
	}
	for _, c := range ents.Changed {
		if reachChanged(c.Fields) {
			changed[c.Entity] = true
		}
	}
	// A segment added or removed changes what the services naming it reach.
	segs := map[string]bool{}
	for id := range changed {
		if name, ok := strings.CutPrefix(id, catalog.KindSegment+"/"); ok {
			segs[name] = true
		}
	}
	candidates := map[string]bool{}
	for _, c := range []*catalog.Catalog{base, head} {
		var stack []*catalog.Service
		for _, s := range c.Services {
			if changed[s.ID()] || namesAny(s.SegmentRefs, segs) {
				stack = append(stack, s)
			}
		}
		seen := map[*catalog.Service]bool{}
		for len(stack) > 0 {
			s := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if seen[s] {
				continue
			}
			seen[s] = true
			if !s.IsBusiness() {
				candidates[s.Name] = true
			}
			for _, d := range s.DependsOn {
				if d.To != nil {
					stack = append(stack, d.To)
				}
			}
		}
	}
	names := make([]string, 0, len(candidates))
	for n := range candidates {
		names = append(names, n)
	}
	sort.Strings(names)
	before, after := exposures(base, names), exposures(head, names)
	var out []Exposure
	for i, name := range names {
		e := Exposure{Service: name}
		e.ExposedServices = minus(after[i].services, before[i].services)
		e.FreedServices = minus(before[i].services, after[i].services)
		e.ExposedSegments = minus(after[i].segments, before[i].segments)
		e.FreedSegments = minus(before[i].segments, after[i].segments)
		if len(e.ExposedServices)+len(e.FreedServices)+len(e.ExposedSegments)+len(e.FreedSegments) > 0 {
			out = append(out, e)
		}
	}
	return out
}

func namesAny(refs []catalog.Ref, names map[string]bool) bool {
	for _, r := range refs {
		if names[r.Name] {
			return true
		}
	}
	return false
}

type exposure struct{ services, segments []string }

// exposures is what each named service's failure reaches in c; nothing
// where c has no such supporting service.
func exposures(c *catalog.Catalog, names []string) []exposure {
	out := make([]exposure, len(names))
	var present []string
	var at []int
	for i, n := range names {
		if s := c.Service(n); s != nil && !s.IsBusiness() {
			present = append(present, n)
			at = append(at, i)
		}
	}
	outages, err := graph.ImpactEach(c, present)
	if err != nil {
		return out // every name was looked up in c: cannot happen
	}
	for k, o := range outages {
		var e exposure
		for _, s := range o.Services {
			if s.Type == catalog.Business && s.Status != graph.StatusFailed {
				e.services = append(e.services, s.Name)
			}
		}
		for _, h := range o.Segments {
			e.segments = append(e.segments, h.Name)
		}
		sort.Strings(e.services)
		sort.Strings(e.segments)
		out[at[k]] = e
	}
	return out
}

// minus is a − b for sorted lists.
func minus(a, b []string) []string {
	var out []string
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			continue
		}
		out = append(out, x)
	}
	return out
}

// reachFields are the fields that decide what a failure reaches: the
// edges, the type, the segments, the lifecycle (and a segment's market).
// A changed restore duration or cost changes no blast radius.
var reachFields = []string{"spec.dependsOn", "spec.type", "spec.segments", "spec.lifecycle", "spec.market", "metadata.name"}

func reachChanged(fields []Field) bool {
	for _, f := range fields {
		for _, p := range reachFields {
			if f.Path == p || strings.HasPrefix(f.Path, p+".") || f.Path == "spec" || f.Path == "" {
				return true
			}
		}
	}
	return false
}
