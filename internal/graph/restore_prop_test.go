package graph

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
	"time"

	"github.com/svccat/svccat/internal/catalog"
)

// randomCatalog makes a random DAG of n services: service i may depend on
// any service numbered below it, hard or soft. Some services lack a tier,
// an RTO or a restore duration.
func randomCatalog(rng *rand.Rand, n int, edgeP float64) *catalog.Catalog {
	var svcs []*catalog.Service
	for i := 0; i < n; i++ {
		tier := rng.IntN(6) - 1
		rto, restore := "", ""
		if rng.IntN(3) > 0 {
			rto = fmt.Sprintf("%dm", 30+rng.IntN(16*60))
		}
		if rng.IntN(5) > 0 {
			restore = fmt.Sprintf("%dm", 1+rng.IntN(240))
		}
		var deps []string
		for j := 0; j < i; j++ {
			if rng.Float64() < edgeP {
				d := fmt.Sprintf("s%03d", j)
				if rng.IntN(4) == 0 {
					d = "~" + d
				}
				deps = append(deps, d)
			}
		}
		// Names in a shuffled order so that name order is not the
		// dependency order.
		svcs = append(svcs, memService(fmt.Sprintf("s%03d", i), tier, rto, restore, deps...))
	}
	rng.Shuffle(len(svcs), func(i, j int) { svcs[i], svcs[j] = svcs[j], svcs[i] })
	return memCatalog(svcs...)
}

// TestRestoreOrderProperties checks the plan's invariants on random DAGs
// and scenarios, for unlimited crews and for 1 to 5 crews.
func TestRestoreOrderProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := 0; iter < 400; iter++ {
		n := 1 + rng.IntN(40)
		c := randomCatalog(rng, n, rng.Float64()*0.3)
		var sc Scenario
		if rng.IntN(3) > 0 {
			for k := rng.IntN(3) + 1; k > 0; k-- {
				sc.Services = append(sc.Services, fmt.Sprintf("s%03d", rng.IntN(n)))
			}
		}
		opt := Options{Crews: rng.IntN(6), DefaultDuration: time.Duration(1+rng.IntN(120)) * time.Minute}
		p, err := RestoreOrder(c, sc, opt)
		if err != nil {
			t.Fatalf("iteration %d: %v", iter, err)
		}
		if t.Run(fmt.Sprintf("%d/%d-services/%d-crews", iter, n, opt.Crews), func(t *testing.T) {
			checkPlan(t, c, sc, opt, p)
		}) {
			continue
		}
		return // one failing case is enough to read
	}
}

func checkPlan(t *testing.T, c *catalog.Catalog, sc Scenario, opt Options, p *Plan) {
	byName := map[string]*catalog.Service{}
	for _, s := range c.Services {
		byName[s.Name] = s
	}
	// The affected set, computed the slow way: a fixpoint.
	affected := map[string]bool{}
	for _, s := range c.Services {
		affected[s.Name] = len(sc.Services) == 0
	}
	for _, n := range sc.Services {
		affected[n] = true
	}
	for changed := true; changed; {
		changed = false
		for _, s := range c.Services {
			for _, d := range s.DependsOn {
				if d.Hard && affected[d.To.Name] && !affected[s.Name] {
					affected[s.Name], changed = true, true
				}
			}
		}
	}
	hardDeps := func(s *catalog.Service) []string { // affected hard dependencies
		var out []string
		for _, d := range s.DependsOn {
			if d.Hard && affected[d.To.Name] {
				out = append(out, d.To.Name)
			}
		}
		return out
	}
	dur := func(s *catalog.Service) time.Duration {
		if s.Restore.Duration.Set {
			return s.Restore.Duration.D
		}
		return opt.DefaultDuration
	}

	// Nothing missing or repeated.
	pos := map[string]int{}
	step := map[string]Step{}
	for k, st := range p.Steps {
		if _, dup := pos[st.Service]; dup {
			t.Fatalf("%s is listed twice", st.Service)
		}
		if !affected[st.Service] {
			t.Errorf("%s is listed but not affected", st.Service)
		}
		if st.Order != k+1 {
			t.Errorf("%s: order %d at position %d", st.Service, st.Order, k+1)
		}
		pos[st.Service], step[st.Service] = k, st
	}
	for name, ok := range affected {
		if _, listed := pos[name]; ok && !listed {
			t.Errorf("affected %s is missing", name)
		}
	}
	if t.Failed() {
		return
	}

	// Every hard dependency precedes its dependent, in the order and in
	// time; waves and durations are as defined.
	var work, longest time.Duration
	for _, st := range p.Steps {
		s := byName[st.Service]
		wave, ready := 1, time.Duration(0)
		for _, d := range hardDeps(s) {
			if pos[d] >= pos[st.Service] {
				t.Errorf("%s is listed before its hard dependency %s", st.Service, d)
			}
			if step[d].Finish > st.Start {
				t.Errorf("%s starts at %v, before its dependency %s finishes at %v", st.Service, st.Start, d, step[d].Finish)
			}
			wave = max(wave, step[d].Wave+1)
			ready = max(ready, step[d].Finish)
		}
		if st.Wave != wave {
			t.Errorf("%s: wave %d, want %d", st.Service, st.Wave, wave)
		}
		if st.Duration != dur(s) || st.Assumed == s.Restore.Duration.Set || st.Finish != st.Start+st.Duration {
			t.Errorf("%s: duration %v assumed %v start %v finish %v", st.Service, st.Duration, st.Assumed, st.Start, st.Finish)
		}
		if opt.Crews == 0 && st.Start != ready {
			t.Errorf("%s: unlimited crews start it at %v, its dependencies are done at %v", st.Service, st.Start, ready)
		}
		work += st.Duration
	}

	// The longest chain of durations ending at each service.
	chain := map[string]time.Duration{}
	var chainOf func(string) time.Duration
	chainOf = func(name string) time.Duration {
		if d, ok := chain[name]; ok {
			return d
		}
		var before time.Duration
		for _, d := range hardDeps(byName[name]) {
			before = max(before, chainOf(d))
		}
		chain[name] = before + dur(byName[name])
		return chain[name]
	}
	for _, st := range p.Steps {
		longest = max(longest, chainOf(st.Service))
		if opt.Crews == 0 && st.Finish != chainOf(st.Service) {
			t.Errorf("%s: finish %v, the longest chain ending there is %v", st.Service, st.Finish, chainOf(st.Service))
		}
	}

	// Priority inheritance and the ordering rule, by brute force.
	effTier := map[string]int{}
	deadline := map[string]time.Duration{}
	for k := len(p.Steps) - 1; k >= 0; k-- { // dependents come later in the order
		s := byName[p.Steps[k].Service]
		tier, dl := noTier, noDeadline
		if s.Impact.Tier != nil {
			tier = *s.Impact.Tier
		}
		if s.Impact.RTO.Set {
			dl = s.Impact.RTO.D
		}
		for _, b := range s.Dependents {
			if b.Hard && affected[b.From.Name] {
				tier = min(tier, effTier[b.From.Name])
				if deadline[b.From.Name] != noDeadline {
					dl = min(dl, deadline[b.From.Name]-dur(b.From))
				}
			}
		}
		effTier[s.Name], deadline[s.Name] = tier, dl
		st := p.Steps[k]
		if (st.EffectiveTier == nil) != (tier == noTier) || st.EffectiveTier != nil && *st.EffectiveTier != tier {
			t.Errorf("%s: effective tier %v, want %d", st.Service, valueOf(st.EffectiveTier), tier)
		}
		if (st.Deadline == nil) != (dl == noDeadline) || st.Deadline != nil && *st.Deadline != dl {
			t.Errorf("%s: deadline %v, want %v", st.Service, valueOf(st.Deadline), dl)
		}
	}
	key := func(name string) string {
		return fmt.Sprintf("%020d %020d %s", effTier[name], uint64(deadline[name])^(1<<63), name)
	}
	listed := map[string]bool{}
	for _, st := range p.Steps {
		var ready []string
		for name, ok := range affected {
			if !ok || listed[name] {
				continue
			}
			isReady := true
			for _, d := range hardDeps(byName[name]) {
				isReady = isReady && listed[d]
			}
			if isReady {
				ready = append(ready, key(name))
			}
		}
		sort.Strings(ready)
		if ready[0] != key(st.Service) {
			t.Errorf("%s is listed, but %s comes first among the ready services", st.Service, ready[0])
		}
		listed[st.Service] = true
	}

	// Crews: never more than N at work, each crew on one service at a
	// time, and no crew idle while a service is ready.
	if opt.Crews > 0 {
		busy := func(at time.Duration) int {
			k := 0
			for _, st := range p.Steps {
				if st.Start <= at && at < st.Finish {
					k++
				}
			}
			return k
		}
		for _, st := range p.Steps {
			if k := busy(st.Start); k > opt.Crews {
				t.Errorf("%d services are being restored at %v with %d crews", k, st.Start, opt.Crews)
			}
			if st.Crew < 1 || st.Crew > opt.Crews {
				t.Errorf("%s: crew %d of %d", st.Service, st.Crew, opt.Crews)
			}
			for _, o := range p.Steps {
				if o.Service != st.Service && o.Crew == st.Crew && o.Start < st.Finish && st.Start < o.Finish {
					t.Errorf("crew %d restores %s and %s at once", st.Crew, st.Service, o.Service)
				}
			}
			ready := time.Duration(0)
			for _, d := range hardDeps(byName[st.Service]) {
				ready = max(ready, step[d].Finish)
			}
			// Busy crews only change at event times, so checking those
			// in [ready, start) covers the interval.
			times := []time.Duration{ready}
			for _, o := range p.Steps {
				for _, x := range []time.Duration{o.Start, o.Finish} {
					if ready < x && x < st.Start {
						times = append(times, x)
					}
				}
			}
			for _, at := range times {
				if at < st.Start && busy(at) < opt.Crews {
					t.Errorf("%s is ready at %v but waits until %v while only %d of %d crews work at %v",
						st.Service, ready, st.Start, busy(at), opt.Crews, at)
				}
			}
		}
	}

	// Makespan, bounds and misses.
	var makespan time.Duration
	misses := 0
	for _, st := range p.Steps {
		makespan = max(makespan, st.Finish)
		if st.RTOMet != nil && !*st.RTOMet {
			misses++
		}
		if rto := byName[st.Service].Impact.RTO; rto.Set != (st.RTOMet != nil) || rto.Set && *st.RTOMet != (st.Finish <= rto.D) {
			t.Errorf("%s: rtoMet %v with finish %v and rto %v", st.Service, valueOf(st.RTOMet), st.Finish, rto)
		}
	}
	if p.Makespan != makespan || p.Work != work || p.Misses != misses {
		t.Errorf("makespan %v work %v misses %d, want %v %v %d", p.Makespan, p.Work, p.Misses, makespan, work, misses)
	}
	lb := p.LowerBounds
	if lb.CriticalPath != longest {
		t.Errorf("critical path %v, want %v", lb.CriticalPath, longest)
	}
	if len(p.Steps) > 0 {
		var sum time.Duration
		for k, name := range lb.CriticalChain {
			sum += dur(byName[name])
			if k > 0 && !hasString(hardDeps(byName[name]), lb.CriticalChain[k-1]) {
				t.Errorf("critical chain %v: %s does not hard-depend on %s", lb.CriticalChain, name, lb.CriticalChain[k-1])
			}
		}
		if sum != longest {
			t.Errorf("critical chain %v sums to %v, want %v", lb.CriticalChain, sum, longest)
		}
	}
	if p.Makespan < lb.CriticalPath || p.Makespan < lb.WorkPerCrew {
		t.Errorf("makespan %v beats a lower bound %+v", p.Makespan, lb)
	}
	if n := time.Duration(opt.Crews); n > 0 {
		if lb.WorkPerCrew != (work+n-1)/n {
			t.Errorf("work per crew %v, want ⌈%v/%d⌉", lb.WorkPerCrew, work, n)
		}
		// Graham: makespan <= W/N + (1 - 1/N)·C, multiplied through by N.
		if n*p.Makespan > work+(n-1)*longest {
			t.Errorf("makespan %v exceeds Graham's bound: W %v, C %v, N %d", p.Makespan, work, longest, n)
		}
	} else if lb.WorkPerCrew != 0 {
		t.Errorf("unlimited crews: work per crew %v, want 0", lb.WorkPerCrew)
	}
}

func hasString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// bigCatalog is a DAG of n services with about m hard and soft
// dependencies, built in memory.
func bigCatalog(n, m int) *catalog.Catalog {
	rng := rand.New(rand.NewPCG(3, 4))
	svcs := make([]*catalog.Service, n)
	for i := range svcs {
		tier := rng.IntN(5)
		svcs[i] = memService(fmt.Sprintf("svc-%05d", i), tier, fmt.Sprintf("%dh", 1+rng.IntN(72)), fmt.Sprintf("%dm", 5+rng.IntN(180)))
	}
	for k := 0; k < m; k++ {
		i := 1 + rng.IntN(n-1)
		j := rng.IntN(i)
		svcs[i].DependsOn = append(svcs[i].DependsOn, &catalog.Dependency{Ref: catalog.Ref{Name: svcs[j].Name}, Hard: rng.IntN(5) > 0})
	}
	return memCatalog(svcs...)
}

// BenchmarkRestoreOrder plans a total loss of 10,000 services with 50,000
// dependencies (the target: under 200 ms per plan).
func BenchmarkRestoreOrder(b *testing.B) {
	c := bigCatalog(10000, 50000)
	for _, crews := range []int{0, 1, 8} {
		b.Run(fmt.Sprintf("crews=%d", crews), func(b *testing.B) {
			for b.Loop() {
				if _, err := RestoreOrder(c, Scenario{}, Options{Crews: crews, DefaultDuration: time.Hour}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
