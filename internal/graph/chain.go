package graph

import (
	"iter"
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
	first  []int // the chain's first service
	length []int // the number of services on the chain
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
		first:  make([]int, n),
		length: make([]int, n),
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
		rc.finish[i] = addSat(start, duration(services[i]))
		rc.first[i], rc.length[i] = i, 1
		if p := rc.prev[i]; p >= 0 {
			rc.first[i], rc.length[i] = rc.first[p], rc.length[p]+1
		}
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
	return rc.Last(s, -1)
}

// Last returns the last n services of s's chain (all of them when n < 0),
// s last; nil when s has no chain. With First and Len it lets a message
// abbreviate a chain hundreds of services long without walking it.
func (rc *RestoreChains) Last(s *catalog.Service, n int) []*catalog.Service {
	i, ok := rc.index[s]
	if !ok || !rc.done[i] {
		return nil
	}
	if n < 0 || n > rc.length[i] {
		n = rc.length[i]
	}
	out := make([]*catalog.Service, n)
	for k := n - 1; k >= 0; k-- {
		out[k] = rc.svc[i]
		i = rc.prev[i]
	}
	return out
}

// Backward yields s's chain from s back to its first service, without
// building it.
func (rc *RestoreChains) Backward(s *catalog.Service) iter.Seq[*catalog.Service] {
	return func(yield func(*catalog.Service) bool) {
		i, ok := rc.index[s]
		if !ok || !rc.done[i] {
			return
		}
		for ; i >= 0; i = rc.prev[i] {
			if !yield(rc.svc[i]) {
				return
			}
		}
	}
}

// First returns the first service of s's chain (s itself when it has no
// hard dependencies), or nil when s has no chain.
func (rc *RestoreChains) First(s *catalog.Service) *catalog.Service {
	i, ok := rc.index[s]
	if !ok || !rc.done[i] {
		return nil
	}
	return rc.svc[rc.first[i]]
}

// Len returns the number of services on s's chain; 0 when it has none.
func (rc *RestoreChains) Len(s *catalog.Service) int {
	i, ok := rc.index[s]
	if !ok || !rc.done[i] {
		return 0
	}
	return rc.length[i]
}
