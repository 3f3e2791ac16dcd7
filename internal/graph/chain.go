package graph

import (
	"time"

	"github.com/svccat/svccat/internal/catalog"
)

// RestoreChains holds, for each service, the longest chain of restore
// durations through its hard dependencies, its own duration included: the
// earliest it can be back after a total loss, however many crews work.
type RestoreChains struct {
	index  map[*catalog.Service]int
	svc    []*catalog.Service
	finish []time.Duration
	prev   []int // the dependency the chain comes through; -1 at its start
	done   []bool
}

// LongestRestoreChains computes the chains of services with duration as
// each service's restore duration. A service in a hard-dependency cycle,
// or one that hard-depends on such a service, has no chain: no order can
// restore it (the dependency-cycle rule reports the loop). The work is
// linear in services and edges (Kahn's topological order).
func LongestRestoreChains(services []*catalog.Service, duration func(*catalog.Service) time.Duration) *RestoreChains {
	n := len(services)
	rc := &RestoreChains{
		index:  make(map[*catalog.Service]int, n),
		svc:    services,
		finish: make([]time.Duration, n),
		prev:   make([]int, n),
		done:   make([]bool, n),
	}
	for i, s := range services {
		rc.index[s] = i
	}
	deps := make([][]int, n)
	dependents := make([][]int, n)
	waiting := make([]int, n) // hard dependencies not yet finished
	for i, s := range services {
		for _, d := range s.DependsOn {
			j, ok := rc.index[d.To]
			if !d.Hard || !ok {
				continue
			}
			deps[i] = append(deps[i], j)
			dependents[j] = append(dependents[j], i)
			waiting[i]++
		}
	}
	var ready []int
	for i := range services {
		if waiting[i] == 0 {
			ready = append(ready, i)
		}
	}
	for len(ready) > 0 {
		i := ready[len(ready)-1]
		ready = ready[:len(ready)-1]
		rc.prev[i] = -1
		var start time.Duration
		for _, j := range deps[i] {
			// Ties go to the dependency first by name, so the chain
			// printed does not depend on the order of dependsOn.
			if p := rc.prev[i]; p < 0 || rc.finish[j] > start || rc.finish[j] == start && services[j].Name < services[p].Name {
				start, rc.prev[i] = rc.finish[j], j
			}
		}
		rc.finish[i] = start + duration(services[i])
		rc.done[i] = true
		for _, k := range dependents[i] {
			if waiting[k]--; waiting[k] == 0 {
				ready = append(ready, k)
			}
		}
	}
	return rc
}

// Finish returns the length of s's longest chain, and false when s is in
// or behind a hard-dependency cycle (or not one of the services).
func (rc *RestoreChains) Finish(s *catalog.Service) (time.Duration, bool) {
	i, ok := rc.index[s]
	if !ok || !rc.done[i] {
		return 0, false
	}
	return rc.finish[i], true
}

// Chain returns s's longest chain, the first service to restore first and
// s last; nil when s has no chain.
func (rc *RestoreChains) Chain(s *catalog.Service) []*catalog.Service {
	i, ok := rc.index[s]
	if !ok || !rc.done[i] {
		return nil
	}
	var out []*catalog.Service
	for ; i >= 0; i = rc.prev[i] {
		out = append(out, rc.svc[i])
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}
