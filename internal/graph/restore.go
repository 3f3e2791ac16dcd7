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
	ReasonFailed         = "failed"          // it failed in the scenario: restored from backup
	ReasonFailover       = "failover"        // it failed over to a surviving standby site
	ReasonDependencyDown = "dependency-down" // it hard-depends, transitively, on a failed service
)

// NoTeam is the crew team of a service with neither restore.crew nor an
// owner: all such services share one crew.
const NoTeam = "(none)"

// Scenario says what failed. With neither field set every service failed
// (total loss); with both, the services at the sites and the named ones.
type Scenario struct {
	Sites    []string // these sites are lost
	Services []string // these services are lost, data included
}

// TotalLoss reports whether the scenario is the loss of everything.
func (s Scenario) TotalLoss() bool { return len(s.Sites) == 0 && len(s.Services) == 0 }

// String describes the scenario in words: "total loss", "site dc-east",
// "sites dc-east, dc-west", "services crm, dns", "site dc-east and
// service crm".
func (s Scenario) String() string {
	var parts []string
	for _, l := range []struct {
		word  string
		names []string
	}{{"site", s.Sites}, {"service", s.Services}} {
		names := sortedSet(append([]string(nil), l.names...))
		switch len(names) {
		case 0:
			continue
		case 1:
			parts = append(parts, l.word+" "+names[0])
		default:
			parts = append(parts, l.word+"s "+strings.Join(names, ", "))
		}
	}
	if len(parts) == 0 {
		return "total loss"
	}
	return strings.Join(parts, " and ")
}

// Options tune the schedule.
type Options struct {
	// Crews is the number of restore crews working in parallel, any crew
	// doing any step; 0 means as many as there are services to restore.
	Crews int
	// TeamCrews schedules each step on its crew team's own crews (the
	// team's spec.crews; one shared crew for services without a team);
	// Crews is then ignored.
	TeamCrews bool
	// DefaultDuration is the restore time assumed for a service without
	// the duration its step needs (the config's defaults.restoreDuration).
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
	// Degraded are the active-active services that lost some but not all
	// of their sites and hard-depend on nothing failed: they run on,
	// degraded, and are no step. Sorted.
	Degraded  []string
	Crews     int  // 0: unlimited (or per team)
	TeamCrews bool // each team's own crews
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
	// with unlimited crews. With team crews it is the largest of Teams'.
	WorkPerCrew time.Duration
	// Teams is, with team crews, each team's work over its crews, by
	// team name.
	Teams []TeamBound
}

// TeamBound is one team's share of the work with team crews.
type TeamBound struct {
	Team  string
	Crews int
	Steps int
	Work  time.Duration
	// Bound is Work / Crews, rounded up: the team cannot finish sooner.
	Bound time.Duration
}

// Max is the larger bound.
func (b LowerBounds) Max() time.Duration { return max(b.CriticalPath, b.WorkPerCrew) }

// Step is one service to restore.
type Step struct {
	Order int // 1-based position in the restoration order
	Wave  int // 1 + the largest wave among its affected hard dependencies
	// Crew is the crew (1..Crews, or 1..the team's crews with team crews)
	// that restores it; 0 with unlimited crews.
	Crew    int
	Service string
	Title   string
	Type    string
	// Lifecycle is live or retiring (only those take part).
	Lifecycle string
	Strategy  string
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
	// Assumed is true when the duration the step uses (restore.duration,
	// or restore.failover for a failover) is missing and the default is
	// used.
	Assumed bool
	RTO     *time.Duration
	// RTOMet reports Finish <= RTO; nil without an RTO.
	RTOMet *bool
	Reason string // ReasonFailed, ReasonFailover or ReasonDependencyDown
	// Team is the crew team (restore.crew, else owner), else NoTeam; Page
	// whom to page for it (its oncall, else its contact; "" for none).
	Team     string
	Page     string
	Segments []string // the segments the service serves
	Markets  []string // the markets of those segments
	// Runbook is restore.runbook, else the first link of type runbook.
	Runbook string
	// Data-loss exposure: the worst-case loss (restore.backupInterval)
	// against the RPO. RPOMet is BackupInterval <= RPO, nil when either
	// is missing.
	BackupInterval *time.Duration
	RPO            *time.Duration
	RPOMet         *bool
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
// (SPEC §5 restore-order). Only live and retiring services take part;
// pipeline and retired ones are left out, with their edges.
//
//  1. failed: with total loss or --service, the named (or all) services,
//     each restored from backup; with lost sites, by strategy: an
//     active-active service only when every one of its sites is lost
//     (else degraded), a failover service fails over when a standby site
//     survives (else it is restored), any other service is restored.
//     Affected: the failed services and every service that transitively
//     hard-depends on one (dependency-down, restore.duration);
//  2. priority inheritance: the effective tier is the most critical tier of
//     a service and its affected hard dependents (transitively); the
//     effective deadline is d*(A) = min(rto(A), min over hard dependents B
//     of d*(B) - duration(B)), with each step's duration in the scenario;
//  3. order: hard dependencies first; among the ready services, lowest
//     effective tier, then earliest effective deadline, then name;
//  4. schedule: non-delay list scheduling in that order: at time 0 and at
//     each finish, finished steps free their crews, then the steps not yet
//     started are scanned in priority order and each whose affected hard
//     dependencies are done starts if its pool has a free crew. Soft
//     dependencies never block.
//
// It returns an *UnknownError for a site or live service the catalog
// lacks and a *CycleError when affected services hard-depend on each
// other in a loop.
func RestoreOrder(c *catalog.Catalog, s Scenario, opt Options) (*Plan, error) {
	if opt.Crews < 0 {
		return nil, fmt.Errorf("crews must be 0 (unlimited) or more, not %d", opt.Crews)
	}
	g := newDense(c, (*catalog.Service).Live)
	sc, err := g.scenario(c, s)
	if err != nil {
		return nil, err
	}
	affected := reach(sc.failed, g.hardRev)
	r := &restorer{g: g, affected: affected, sc: sc, opt: opt}
	r.init()
	topo, ok := r.topological()
	if !ok {
		return nil, r.cycleError()
	}
	r.inherit(topo)
	order := r.order()
	r.schedule(order)

	p := &Plan{
		Scenario: Scenario{
			Sites:    sortedSet(append([]string(nil), s.Sites...)),
			Services: sortedSet(append([]string(nil), s.Services...)),
		},
		Affected:        len(order),
		Crews:           opt.Crews,
		TeamCrews:       opt.TeamCrews,
		DefaultDuration: opt.DefaultDuration,
		Steps:           make([]Step, len(order)),
	}
	if opt.TeamCrews {
		p.Crews = 0
	}
	for i, d := range sc.degraded {
		if d && !affected[i] {
			p.Degraded = append(p.Degraded, g.svc[i].Name)
		}
	}
	for _, i := range order {
		if sc.failed[i] {
			p.Failed = append(p.Failed, g.svc[i].Name)
		}
	}
	sort.Strings(p.Failed)
	for pos, i := range order {
		p.Steps[pos] = r.step(i, pos)
		p.Makespan = max(p.Makespan, r.finish[i])
		p.Work = addSat(p.Work, r.dur[i])
		if m := p.Steps[pos].RTOMet; m != nil && !*m {
			p.Misses++
		}
	}
	p.LowerBounds = r.lowerBounds(order, p.Work)
	return p, nil
}

// failure is what a scenario does to each service, indexed like dense.svc.
type failure struct {
	failed   []bool
	failover []bool // failed, and fails over to a surviving standby
	degraded []bool // active-active with some but not all sites lost
}

// scenario marks the services the scenario takes down, and how.
func (g *dense) scenario(c *catalog.Catalog, s Scenario) (failure, error) {
	n := len(g.svc)
	f := failure{failed: make([]bool, n), failover: make([]bool, n), degraded: make([]bool, n)}
	if s.TotalLoss() {
		for i := range f.failed {
			f.failed[i] = true
		}
		return f, nil
	}
	if len(s.Sites) > 0 {
		var known []string
		for _, x := range c.Sites {
			known = append(known, x.Name)
		}
		known = sortedSet(known)
		lost := map[string]bool{}
		for _, name := range s.Sites {
			if k := sort.SearchStrings(known, name); k == len(known) || known[k] != name {
				return f, &UnknownError{Kind: "site", Name: name, Known: known}
			}
			lost[name] = true
		}
		for i, x := range g.svc {
			hit, all := false, len(x.SiteRefs) > 0
			for _, ref := range x.SiteRefs {
				if lost[ref.Name] {
					hit = true
				} else {
					all = false
				}
			}
			if !hit {
				continue // no site of its own is lost
			}
			switch x.Restore.Strategy {
			case catalog.StrategyActiveActive:
				if all {
					f.failed[i] = true
				} else {
					f.degraded[i] = true
				}
			case catalog.StrategyFailover:
				f.failed[i] = true
				for _, ref := range x.Restore.StandbyRefs {
					if !lost[ref.Name] {
						f.failover[i] = true
					}
				}
			default:
				f.failed[i] = true
			}
		}
	}
	named, err := g.lookup(s.Services)
	if err != nil {
		return f, err
	}
	// A named service is lost with its data: restored, whatever its
	// strategy.
	for _, i := range named {
		f.failed[i], f.failover[i], f.degraded[i] = true, false, false
	}
	return f, nil
}

// restorer holds the per-service working state of one plan, indexed like
// dense.svc. Only affected services' entries are meaningful.
type restorer struct {
	g        *dense
	affected []bool
	sc       failure
	opt      Options

	dur      []time.Duration
	assumed  []bool
	ndeps    []int // the number of affected hard dependencies
	effTier  []int
	deadline []time.Duration

	start, finish []time.Duration
	crew          []int
	// pool is each step's crew pool with crews; poolNames the team of
	// each pool with team crews.
	pool      []int
	poolNames []string
	wave      []int
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
		d := s.Restore.Duration
		if r.sc.failover[i] {
			d = s.Restore.Failover
		}
		if d.Set {
			r.dur[i] = d.D
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
	if r.opt.Crews == 0 && !r.opt.TeamCrews {
		copy(r.finish, r.earliest)
		return
	}
	r.listSchedule(order)
}

// pools assigns each step a crew pool: one pool of Crews crews, or one
// per crew team with the team's crews (NoTeam: one crew).
func (r *restorer) pools(order []int) (pool []int, size []int) {
	pool = make([]int, len(r.g.svc))
	if !r.opt.TeamCrews {
		return pool, []int{r.opt.Crews}
	}
	byTeam := map[string]int{}
	r.poolNames = nil
	for _, i := range order {
		name, crews := teamOf(r.g.svc[i])
		k, ok := byTeam[name]
		if !ok {
			k = len(size)
			byTeam[name] = k
			size = append(size, crews)
			r.poolNames = append(r.poolNames, name)
		}
		pool[i] = k
	}
	return pool, size
}

// teamOf is the service's crew team and the crews it fields.
func teamOf(s *catalog.Service) (string, int) {
	if t := s.CrewTeam(); t != nil {
		return t.Name, max(t.Crews, 1)
	}
	if name := s.CrewTeamName(); name != "" {
		return name, 1 // unresolved: the unresolved-reference rule reports it
	}
	return NoTeam, 1
}

// listSchedule is non-delay list scheduling: whenever a crew of a pool is
// free it takes the earliest step in the order that the pool may do and
// whose hard dependencies are finished, so no crew idles while a step it
// may do is ready. Pools are independent, so each keeps its own ready
// list.
func (r *restorer) listSchedule(order []int) {
	pos := make([]int, len(r.g.svc))
	for k, i := range order {
		pos[i] = k
	}
	var size []int
	r.pool, size = r.pools(order)
	byPos := func(a, b int) bool { return pos[a] < pos[b] }
	ready := make([]*intHeap, len(size))
	free := make([]*intHeap, len(size))
	for k, n := range size {
		ready[k] = &intHeap{less: byPos}
		free[k] = &intHeap{less: func(a, b int) bool { return a < b }}
		for c := 1; c <= min(n, len(order)); c++ {
			free[k].xs = append(free[k].xs, c)
		}
	}
	indeg := make([]int, len(r.g.svc))
	for _, i := range order {
		if indeg[i] = r.ndeps[i]; indeg[i] == 0 {
			ready[r.pool[i]].xs = append(ready[r.pool[i]].xs, i)
		}
	}
	for _, h := range ready {
		h.init()
	}
	running := &intHeap{less: func(a, b int) bool {
		if r.finish[a] != r.finish[b] {
			return r.finish[a] < r.finish[b]
		}
		return pos[a] < pos[b]
	}}
	// touched are the pools whose ready list or free crews changed since
	// they were last served; only those can start anything.
	touched := make([]bool, len(size))
	var queue []int
	for k := range size {
		touched[k] = true
		queue = append(queue, k)
	}
	var now time.Duration
	for {
		for _, k := range queue {
			touched[k] = false
			for free[k].Len() > 0 && ready[k].Len() > 0 {
				i := ready[k].pop()
				r.crew[i] = free[k].pop()
				r.start[i], r.finish[i] = now, addSat(now, r.dur[i])
				running.push(i)
			}
		}
		queue = queue[:0]
		if running.Len() == 0 {
			return
		}
		now = r.finish[running.xs[0]]
		mark := func(k int) {
			if !touched[k] {
				touched[k] = true
				queue = append(queue, k)
			}
		}
		for running.Len() > 0 && r.finish[running.xs[0]] == now {
			i := running.pop()
			free[r.pool[i]].push(r.crew[i])
			mark(r.pool[i])
			for _, b := range r.g.hardRev[i] {
				if indeg[b]--; indeg[b] == 0 {
					ready[r.pool[b]].push(b)
					mark(r.pool[b])
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
	switch {
	case r.opt.TeamCrews:
		_, size := r.pools(order)
		b.Teams = make([]TeamBound, len(size))
		for k, n := range size {
			b.Teams[k] = TeamBound{Team: r.poolNames[k], Crews: n}
		}
		for _, i := range order {
			t := &b.Teams[r.pool[i]]
			t.Steps++
			t.Work = addSat(t.Work, r.dur[i])
		}
		for k := range b.Teams {
			b.Teams[k].Bound = ceilDiv(b.Teams[k].Work, b.Teams[k].Crews)
			b.WorkPerCrew = max(b.WorkPerCrew, b.Teams[k].Bound)
		}
		sort.Slice(b.Teams, func(x, y int) bool { return b.Teams[x].Team < b.Teams[y].Team })
	case r.opt.Crews > 0:
		b.WorkPerCrew = ceilDiv(work, r.opt.Crews)
	}
	return b
}

// ceilDiv divides, rounding up: a bound must not undercut.
func ceilDiv(work time.Duration, crews int) time.Duration {
	n := time.Duration(crews)
	q := work / n
	if work%n != 0 {
		q++
	}
	return q
}

func (r *restorer) step(i, pos int) Step {
	s := r.g.svc[i]
	st := Step{
		Order:     pos + 1,
		Wave:      r.wave[i],
		Crew:      r.crew[i],
		Service:   s.Name,
		Title:     s.Title,
		Type:      s.Type,
		Lifecycle: s.Lifecycle,
		Strategy:  s.Restore.Strategy,
		Start:     r.start[i],
		Finish:    r.finish[i],
		Duration:  r.dur[i],
		Assumed:   r.assumed[i],
		Reason:    ReasonDependencyDown,
		Team:      NoTeam,
		Runbook:   s.Runbook(),
	}
	if st.Lifecycle == "" {
		st.Lifecycle = catalog.Live
	}
	if st.Strategy == "" {
		st.Strategy = catalog.StrategyRestore
	}
	switch {
	case r.sc.failover[i]:
		st.Reason = ReasonFailover
	case r.sc.failed[i]:
		st.Reason = ReasonFailed
	}
	if t := s.CrewTeam(); t != nil {
		st.Team, st.Page = t.Name, t.Page()
	} else if name := s.CrewTeamName(); name != "" {
		st.Team = name
	}
	if s.Restore.BackupInterval.Set {
		d := s.Restore.BackupInterval.D
		st.BackupInterval = &d
	}
	if s.Impact.RPO.Set {
		d := s.Impact.RPO.D
		st.RPO = &d
	}
	if st.BackupInterval != nil && st.RPO != nil {
		met := *st.BackupInterval <= *st.RPO
		st.RPOMet = &met
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
