package graph

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/svccat/svccat/internal/catalog"
)

// Why a service is in a restoration plan.
const (
	ReasonFailed         = "failed"          // it failed in the scenario
	ReasonDependencyDown = "dependency-down" // it hard-depends, transitively, on a failed service
)

// Scenario says what failed. With neither field set every service failed
// (total loss); with both, the services at the site and the named ones.
type Scenario struct {
	Site     string   // every service that runs at this site failed
	Services []string // these services failed
}

// String describes the scenario in words: "total loss", "site dc-east",
// "services crm, dns", "site dc-east and service crm".
func (s Scenario) String() string {
	var parts []string
	if s.Site != "" {
		parts = append(parts, "site "+s.Site)
	}
	if names := sortedSet(append([]string(nil), s.Services...)); len(names) > 0 {
		word := "service "
		if len(names) > 1 {
			word = "services "
		}
		parts = append(parts, word+strings.Join(names, ", "))
	}
	if len(parts) == 0 {
		return "total loss"
	}
	return strings.Join(parts, " and ")
}

// Options tune the schedule.
type Options struct {
	// Crews is the number of restore crews working in parallel; 0 means
	// as many as there are services to restore.
	Crews int
	// DefaultDuration is the restore time assumed for a service without
	// restore.duration (the config's defaults.restoreDuration).
	DefaultDuration time.Duration
}

// Plan is a restoration order and its schedule. Times are offsets from
// the incident.
type Plan struct {
	Scenario Scenario
	// Failed are the services that failed, Affected counts them and
	// everything that hard-depends on them: the steps.
	Failed   []string
	Affected int
	Crews    int // 0: unlimited
	// DefaultDuration is the duration assumed where a step says Assumed.
	DefaultDuration time.Duration
	Steps           []Step // in restoration order
	// Makespan is when the last service is back; Work the sum of every
	// step's duration.
	Makespan    time.Duration
	Work        time.Duration
	LowerBounds LowerBounds
	Misses      int // steps that finish after their RTO
}

// LowerBounds are what no schedule can beat, so a reader sees how close
// the plan is to the best possible.
type LowerBounds struct {
	// CriticalPath is the longest chain of restore durations along hard
	// dependencies; CriticalChain names its services, first to last.
	CriticalPath  time.Duration
	CriticalChain []string
	// WorkPerCrew is the total work divided by the crews, rounded up; 0
	// with unlimited crews.
	WorkPerCrew time.Duration
}

// Max is the larger bound.
func (b LowerBounds) Max() time.Duration { return max(b.CriticalPath, b.WorkPerCrew) }

// Step is one service to restore.
type Step struct {
	Order   int // 1-based position in the restoration order
	Wave    int // 1 + the largest wave among its affected hard dependencies
	Crew    int // the crew (1..Crews) that restores it; 0 with unlimited crews
	Service string
	Title   string
	Type    string
	// Tier is the service's own tier, EffectiveTier the most critical tier
	// of itself and every affected service that hard-depends on it
	// (transitively); nil when there is none.
	Tier, EffectiveTier *int
	// Deadline is the effective deadline d*: when the service must be
	// back for itself and every affected hard dependent to meet its RTO;
	// nil when no RTO constrains it.
	Deadline *time.Duration
	Start    time.Duration
	Finish   time.Duration
	Duration time.Duration
	Assumed  bool // the service has no restore.duration; the default is used
	RTO      *time.Duration
	// RTOMet reports Finish <= RTO; nil without an RTO.
	RTOMet   *bool
	Reason   string   // ReasonFailed or ReasonDependencyDown
	Segments []string // the segments the service serves
	Markets  []string // the markets of those segments
	Runbook  string
}

// CycleError says that services to restore hard-depend on each other in
// a loop, so none of them can be restored first.
type CycleError struct {
	Cycles []Cycle
}

func (e *CycleError) Error() string {
	loops := make([]string, len(e.Cycles))
	for i, c := range e.Cycles {
		loops[i] = c.String()
	}
	return "no restoration order: hard dependency cycle: " + strings.Join(loops, "; ")
}

// none marks an absent tier or deadline; it sorts after every real value.
const (
	noTier     = math.MaxInt
	noDeadline = time.Duration(math.MaxInt64)
)

// RestoreOrder plans the restoration of the services a scenario takes down
// (SPEC §4 restore-order):
//
//  1. affected: the failed services and every service that transitively
//     hard-depends on one of them; unaffected services are up;
//  2. priority inheritance: the effective tier is the most critical tier of
//     a service and its affected hard dependents (transitively); the
//     effective deadline is d*(A) = min(rto(A), min over hard dependents B
//     of d*(B) - duration(B));
//  3. order: hard dependencies first; among the ready services, lowest
//     effective tier, then earliest effective deadline, then name;
//  4. schedule: list scheduling in that order; a service starts when its
//     affected hard dependencies are finished and a crew is free (with
//     unlimited crews, when its last hard dependency finishes). Soft
//     dependencies never block.
//
// It returns an *UnknownError for a site or service the catalog lacks and
// a *CycleError when affected services hard-depend on each other in a loop.
func RestoreOrder(c *catalog.Catalog, s Scenario, opt Options) (*Plan, error) {
	if opt.Crews < 0 {
		return nil, fmt.Errorf("crews must be 0 (unlimited) or more, not %d", opt.Crews)
	}
	g := newDense(c)
	failed, err := g.failed(c, s)
	if err != nil {
		return nil, err
	}
	affected := reach(failed, g.hardRev)
	r := &restorer{g: g, affected: affected, opt: opt}
	r.init()
	topo, ok := r.topological()
	if !ok {
		return nil, r.cycleError()
	}
	r.inherit(topo)
	order := r.order()
	r.schedule(order)

	p := &Plan{
		Scenario:        Scenario{Site: s.Site, Services: sortedSet(append([]string(nil), s.Services...))},
		Affected:        len(order),
		Crews:           opt.Crews,
		DefaultDuration: opt.DefaultDuration,
		Steps:           make([]Step, len(order)),
	}
	for _, i := range order {
		if failed[i] {
			p.Failed = append(p.Failed, g.svc[i].Name)
		}
	}
	sort.Strings(p.Failed)
	for pos, i := range order {
		p.Steps[pos] = r.step(i, pos, failed[i])
		p.Makespan = max(p.Makespan, r.finish[i])
		p.Work = addSat(p.Work, r.dur[i])
		if m := p.Steps[pos].RTOMet; m != nil && !*m {
			p.Misses++
		}
	}
	p.LowerBounds = r.lowerBounds(order, p.Work)
	return p, nil
}

// failed marks the services the scenario takes down.
func (g *dense) failed(c *catalog.Catalog, s Scenario) ([]bool, error) {
	failed := make([]bool, len(g.svc))
	if s.Site == "" && len(s.Services) == 0 {
		for i := range failed {
			failed[i] = true
		}
		return failed, nil
	}
	if s.Site != "" {
		var known []string
		for _, x := range c.Sites {
			known = append(known, x.Name)
		}
		known = sortedSet(known)
		if k := sort.SearchStrings(known, s.Site); k == len(known) || known[k] != s.Site {
			return nil, &UnknownError{Kind: "site", Name: s.Site, Known: known}
		}
		for i, x := range g.svc {
			for _, ref := range x.SiteRefs {
				if ref.Name == s.Site {
					failed[i] = true
				}
			}
		}
	}
	named, err := g.lookup(s.Services)
	if err != nil {
		return nil, err
	}
	for _, i := range named {
		failed[i] = true
	}
	return failed, nil
}

// restorer holds the per-service working state of one plan, indexed like
// dense.svc. Only affected services' entries are meaningful.
type restorer struct {
	g        *dense
	affected []bool
	opt      Options

	dur      []time.Duration
	assumed  []bool
	ndeps    []int // the number of affected hard dependencies
	effTier  []int
	deadline []time.Duration

	start, finish []time.Duration
	crew          []int
	wave          []int
	// earliest[i] is the finish with unlimited crews (the longest chain
	// ending at i); via[i] the dependency that chain comes through, or -1.
	earliest []time.Duration
	via      []int
}

func (r *restorer) init() {
	n := len(r.g.svc)
	r.dur = make([]time.Duration, n)
	r.assumed = make([]bool, n)
	r.ndeps = make([]int, n)
	for i, s := range r.g.svc {
		if !r.affected[i] {
			continue
		}
		if s.Restore.Duration.Set {
			r.dur[i] = s.Restore.Duration.D
		} else {
			r.dur[i], r.assumed[i] = r.opt.DefaultDuration, true
		}
		for _, j := range r.g.hard[i] {
			if r.affected[j] {
				r.ndeps[i]++
			}
		}
	}
}

// topological returns the affected services with every dependency before
// its dependents, or false when a cycle prevents it.
func (r *restorer) topological() ([]int, bool) {
	indeg := make([]int, len(r.g.svc))
	var queue []int
	total := 0
	for i, ok := range r.affected {
		if !ok {
			continue
		}
		total++
		indeg[i] = r.ndeps[i]
		if indeg[i] == 0 {
			queue = append(queue, i)
		}
	}
	for k := 0; k < len(queue); k++ {
		for _, b := range r.g.hardRev[queue[k]] {
			if indeg[b]--; indeg[b] == 0 {
				queue = append(queue, b)
			}
		}
	}
	return queue, len(queue) == total
}

func (r *restorer) cycleError() error {
	var svcs []*catalog.Service
	for i, ok := range r.affected {
		if ok {
			svcs = append(svcs, r.g.svc[i])
		}
	}
	cycles := Cycles(svcs, func(d *catalog.Dependency) bool {
		if !d.Hard {
			return false
		}
		j, ok := r.g.index[d.To]
		return ok && r.affected[j]
	})
	return &CycleError{Cycles: cycles}
}

// inherit computes effective tiers and deadlines, dependents first.
func (r *restorer) inherit(topo []int) {
	n := len(r.g.svc)
	r.effTier = make([]int, n)
	r.deadline = make([]time.Duration, n)
	for k := len(topo) - 1; k >= 0; k-- {
		i := topo[k]
		s := r.g.svc[i]
		tier, dl := noTier, noDeadline
		if s.Impact.Tier != nil {
			tier = *s.Impact.Tier
		}
		if s.Impact.RTO.Set {
			dl = s.Impact.RTO.D
		}
		// Every hard dependent of an affected service is affected.
		for _, b := range r.g.hardRev[i] {
			tier = min(tier, r.effTier[b])
			if r.deadline[b] != noDeadline {
				dl = min(dl, subSat(r.deadline[b], r.dur[b]))
			}
		}
		r.effTier[i], r.deadline[i] = tier, dl
	}
}

// before is the priority among ready services: lowest effective tier,
// earliest effective deadline, then name (indices are in name order).
func (r *restorer) before(i, j int) bool {
	if r.effTier[i] != r.effTier[j] {
		return r.effTier[i] < r.effTier[j]
	}
	if r.deadline[i] != r.deadline[j] {
		return r.deadline[i] < r.deadline[j]
	}
	return i < j
}

// order is the restoration order: repeatedly the highest-priority service
// whose affected hard dependencies are all listed.
func (r *restorer) order() []int {
	indeg := make([]int, len(r.g.svc))
	ready := &intHeap{less: r.before}
	for i, ok := range r.affected {
		if !ok {
			continue
		}
		indeg[i] = r.ndeps[i]
		if indeg[i] == 0 {
			ready.xs = append(ready.xs, i)
		}
	}
	ready.init()
	var out []int
	for ready.Len() > 0 {
		i := ready.pop()
		out = append(out, i)
		for _, b := range r.g.hardRev[i] {
			if indeg[b]--; indeg[b] == 0 {
				ready.push(b)
			}
		}
	}
	return out
}

// schedule sets start, finish, crew and wave for every step, and the
// unlimited-crew finish (the longest chain) that bounds any schedule.
func (r *restorer) schedule(order []int) {
	n := len(r.g.svc)
	r.start, r.finish = make([]time.Duration, n), make([]time.Duration, n)
	r.crew, r.wave = make([]int, n), make([]int, n)
	r.earliest, r.via = make([]time.Duration, n), make([]int, n)
	for _, i := range order {
		w, ready, via := 1, time.Duration(0), -1
		for _, j := range r.g.hard[i] {
			if !r.affected[j] {
				continue // up: it constrains nothing
			}
			w = max(w, r.wave[j]+1)
			if r.earliest[j] > ready || via < 0 {
				ready, via = max(ready, r.earliest[j]), j
			}
		}
		r.wave[i], r.via[i] = w, via
		r.earliest[i] = addSat(ready, r.dur[i])
		r.start[i] = ready // with unlimited crews; listSchedule overwrites it
	}
	if r.opt.Crews == 0 {
		copy(r.finish, r.earliest)
		return
	}
	r.listSchedule(order)
}

// listSchedule is Graham's list scheduling: whenever a crew is free it
// takes the earliest service in the order whose hard dependencies are
// finished, so no crew idles while a service is ready.
func (r *restorer) listSchedule(order []int) {
	pos := make([]int, len(r.g.svc))
	for k, i := range order {
		pos[i] = k
	}
	indeg := make([]int, len(r.g.svc))
	ready := &intHeap{less: func(a, b int) bool { return pos[a] < pos[b] }}
	for _, i := range order {
		if indeg[i] = r.ndeps[i]; indeg[i] == 0 {
			ready.xs = append(ready.xs, i)
		}
	}
	ready.init()
	running := &intHeap{less: func(a, b int) bool {
		if r.finish[a] != r.finish[b] {
			return r.finish[a] < r.finish[b]
		}
		return pos[a] < pos[b]
	}}
	free := &intHeap{less: func(a, b int) bool { return a < b }}
	for c := 1; c <= min(r.opt.Crews, len(order)); c++ {
		free.xs = append(free.xs, c)
	}
	var now time.Duration
	for {
		for free.Len() > 0 && ready.Len() > 0 {
			i := ready.pop()
			r.crew[i] = free.pop()
			r.start[i], r.finish[i] = now, addSat(now, r.dur[i])
			running.push(i)
		}
		if running.Len() == 0 {
			return
		}
		now = r.finish[running.xs[0]]
		for running.Len() > 0 && r.finish[running.xs[0]] == now {
			i := running.pop()
			free.push(r.crew[i])
			for _, b := range r.g.hardRev[i] {
				if indeg[b]--; indeg[b] == 0 {
					ready.push(b)
				}
			}
		}
	}
}

func (r *restorer) lowerBounds(order []int, work time.Duration) LowerBounds {
	var b LowerBounds
	end := -1
	for _, i := range order {
		if end < 0 || r.earliest[i] > r.earliest[end] {
			end = i
		}
	}
	if end >= 0 {
		b.CriticalPath = r.earliest[end]
		for i := end; i >= 0; i = r.via[i] {
			b.CriticalChain = append(b.CriticalChain, r.g.svc[i].Name)
		}
		for x, y := 0, len(b.CriticalChain)-1; x < y; x, y = x+1, y-1 {
			b.CriticalChain[x], b.CriticalChain[y] = b.CriticalChain[y], b.CriticalChain[x]
		}
	}
	if r.opt.Crews > 0 {
		n := time.Duration(r.opt.Crews)
		b.WorkPerCrew = work / n
		if work%n != 0 {
			b.WorkPerCrew++ // round up: a bound must not undercut
		}
	}
	return b
}

func (r *restorer) step(i, pos int, failed bool) Step {
	s := r.g.svc[i]
	st := Step{
		Order:    pos + 1,
		Wave:     r.wave[i],
		Crew:     r.crew[i],
		Service:  s.Name,
		Title:    s.Title,
		Type:     s.Type,
		Start:    r.start[i],
		Finish:   r.finish[i],
		Duration: r.dur[i],
		Assumed:  r.assumed[i],
		Reason:   ReasonDependencyDown,
		Runbook:  s.Restore.Runbook,
	}
	if failed {
		st.Reason = ReasonFailed
	}
	if s.Impact.Tier != nil {
		t := *s.Impact.Tier
		st.Tier = &t
	}
	if t := r.effTier[i]; t != noTier {
		st.EffectiveTier = &t
	}
	if d := r.deadline[i]; d != noDeadline {
		st.Deadline = &d
	}
	if s.Impact.RTO.Set {
		rto := s.Impact.RTO.D
		met := st.Finish <= rto
		st.RTO, st.RTOMet = &rto, &met
	}
	st.Segments, st.Markets = segmentsOf(s)
	return st
}

// intHeap is a binary min-heap of service indices under less; typed, so
// pushing an index allocates nothing.
type intHeap struct {
	xs   []int
	less func(a, b int) bool
}

func (h *intHeap) Len() int { return len(h.xs) }

// init orders xs as a heap.
func (h *intHeap) init() {
	for i := len(h.xs)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h *intHeap) push(x int) {
	h.xs = append(h.xs, x)
	for i := len(h.xs) - 1; i > 0; {
		p := (i - 1) / 2
		if !h.less(h.xs[i], h.xs[p]) {
			break
		}
		h.xs[i], h.xs[p] = h.xs[p], h.xs[i]
		i = p
	}
}

func (h *intHeap) pop() int {
	top := h.xs[0]
	last := len(h.xs) - 1
	h.xs[0] = h.xs[last]
	h.xs = h.xs[:last]
	h.down(0)
	return top
}

func (h *intHeap) down(i int) {
	for {
		c := 2*i + 1
		if c >= len(h.xs) {
			return
		}
		if c+1 < len(h.xs) && h.less(h.xs[c+1], h.xs[c]) {
			c++
		}
		if !h.less(h.xs[c], h.xs[i]) {
			return
		}
		h.xs[i], h.xs[c] = h.xs[c], h.xs[i]
		i = c
	}
}

// addSat and subSat keep absurd but valid durations (centuries of restore
// time) from wrapping around.
func addSat(a, b time.Duration) time.Duration {
	if b > 0 && a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

func subSat(a, b time.Duration) time.Duration {
	if b > 0 && a < math.MinInt64+b {
		return math.MinInt64
	}
	return a - b
}
