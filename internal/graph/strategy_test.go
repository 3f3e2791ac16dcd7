package graph

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/svccat/svccat/internal/catalog"
)

// onSites puts a service at sites with a strategy; standby sites and a
// failover time for failover.
func onSites(s *catalog.Service, strategy string, sites []string, standby []string, failover string) *catalog.Service {
	s.Restore.Strategy = strategy
	for _, x := range sites {
		s.SiteRefs = append(s.SiteRefs, catalog.Ref{Name: x})
	}
	for _, x := range standby {
		s.Restore.StandbyRefs = append(s.Restore.StandbyRefs, catalog.Ref{Name: x})
	}
	if failover != "" {
		s.Restore.Failover = catalog.Duration{D: mustDuration(failover), Set: true}
	}
	return s
}

func withSites(c *catalog.Catalog, names ...string) *catalog.Catalog {
	for _, n := range names {
		c.Sites = append(c.Sites, &catalog.Site{Entity: catalog.Entity{Kind: catalog.KindSite, Name: n}})
	}
	return c
}

// strategyCatalog has one service per strategy and site layout, and a
// dependent of each, at two data centres east and west:
//
//	rs-east     restore, east only
//	fo-east     failover, east, standby west
//	fo-both     failover, east, standby east (no standby survives east)
//	aa-both     active-active, east and west
//	aa-east     active-active, east only
//	app-*       restore at no site, hard-depends on the service named
//	aa-app      active-active east+west, hard-depends on rs-east
func strategyCatalog() *catalog.Catalog {
	return withSites(memCatalog(
		onSites(memService("rs-east", 1, "4h", "2h"), catalog.StrategyRestore, []string{"east"}, nil, ""),
		onSites(memService("fo-east", 1, "1h", "3h"), catalog.StrategyFailover, []string{"east"}, []string{"west"}, "10m"),
		onSites(memService("fo-both", 1, "1h", "3h"), catalog.StrategyFailover, []string{"east"}, []string{"east"}, "10m"),
		onSites(memService("aa-both", 1, "1h", "5h"), catalog.StrategyActiveActive, []string{"east", "west"}, nil, ""),
		onSites(memService("aa-east", 1, "1h", "5h"), catalog.StrategyActiveActive, []string{"east"}, nil, ""),
		onSites(memService("aa-app", 2, "", "30m", "rs-east"), catalog.StrategyActiveActive, []string{"east", "west"}, nil, ""),
		memService("app-fo", 2, "", "20m", "fo-east"),
		memService("app-aa", 2, "", "20m", "~aa-both"),
	), "east", "west")
}

type stratRow struct {
	Service, Reason, Duration string
}

func stratRows(p *Plan) []stratRow {
	var out []stratRow
	for _, s := range p.Steps {
		out = append(out, stratRow{s.Service, s.Reason, fmtDur(s.Duration, s.Assumed)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Service < out[j].Service })
	return out
}

func fmtDur(d time.Duration, assumed bool) string {
	if assumed {
		return d.String() + "*"
	}
	return d.String()
}

// TestStrategyScenarios: each strategy under each scenario (SPEC §5
// restore-order, rule 1 and its settled details).
func TestStrategyScenarios(t *testing.T) {
	full := []stratRow{
		{"aa-app", "failed", "30m0s"}, {"aa-both", "failed", "5h0m0s"}, {"aa-east", "failed", "5h0m0s"},
		{"app-aa", "failed", "20m0s"}, {"app-fo", "failed", "20m0s"},
		{"fo-both", "failed", "3h0m0s"}, {"fo-east", "failed", "3h0m0s"}, {"rs-east", "failed", "2h0m0s"},
	}
	for _, tc := range []struct {
		name     string
		sc       Scenario
		want     []stratRow
		degraded []string
	}{
		// Total loss: everything restored from backup, whatever the strategy.
		{"total loss", Scenario{}, full, nil},
		{"site east", Scenario{Sites: []string{"east"}}, []stratRow{
			// partly lost, but hard-depends on a failed service: a step
			{"aa-app", "dependency-down", "30m0s"},
			{"aa-east", "failed", "5h0m0s"}, // every one of its sites lost
			{"app-fo", "dependency-down", "20m0s"},
			{"fo-both", "failed", "3h0m0s"},  // its standby is lost too
			{"fo-east", "failover", "10m0s"}, // standby west survives
			{"rs-east", "failed", "2h0m0s"},
		}, []string{"aa-both"}},
		{"site west", Scenario{Sites: []string{"west"}}, nil, []string{"aa-app", "aa-both"}},
		{"sites east and west", Scenario{Sites: []string{"east", "west"}}, []stratRow{
			{"aa-app", "failed", "30m0s"}, {"aa-both", "failed", "5h0m0s"}, {"aa-east", "failed", "5h0m0s"},
			{"app-fo", "dependency-down", "20m0s"},
			{"fo-both", "failed", "3h0m0s"}, {"fo-east", "failed", "3h0m0s"}, {"rs-east", "failed", "2h0m0s"},
		}, nil},
		// --service: lost with its data, restored whatever its strategy.
		{"service fo-east", Scenario{Services: []string{"fo-east"}}, []stratRow{
			{"app-fo", "dependency-down", "20m0s"}, {"fo-east", "failed", "3h0m0s"},
		}, nil},
		{"service aa-both", Scenario{Services: []string{"aa-both"}}, []stratRow{{"aa-both", "failed", "5h0m0s"}}, nil},
		// Site and service: the named service is a full restore.
		{"site east and service fo-east", Scenario{Sites: []string{"east"}, Services: []string{"fo-east"}}, []stratRow{
			{"aa-app", "dependency-down", "30m0s"}, {"aa-east", "failed", "5h0m0s"},
			{"app-fo", "dependency-down", "20m0s"},
			{"fo-both", "failed", "3h0m0s"}, {"fo-east", "failed", "3h0m0s"}, {"rs-east", "failed", "2h0m0s"},
		}, []string{"aa-both"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := RestoreOrder(strategyCatalog(), tc.sc, Options{DefaultDuration: time.Hour})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, stratRows(p)); d != "" {
				t.Errorf("steps (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tc.degraded, p.Degraded); d != "" {
				t.Errorf("degraded (-want +got):\n%s", d)
			}
		})
	}
}

// TestFailoverFeedsDeadlines: the scenario's durations feed the
// effective deadlines: app-fo (RTO 1h, 20m) needs fo-east back by 40m,
// which a failover (10m) makes and a restore (3h) does not.
func TestFailoverFeedsDeadlines(t *testing.T) {
	c := strategyCatalog()
	for _, s := range c.Services {
		if s.Name == "app-fo" {
			s.Impact.RTO = catalog.Duration{D: time.Hour, Set: true}
		}
	}
	for _, tc := range []struct {
		sc       Scenario
		deadline string
		met      bool
	}{
		{Scenario{Sites: []string{"east"}}, "40m0s", true},
		{Scenario{Services: []string{"fo-east"}}, "40m0s", false},
	} {
		p, err := RestoreOrder(c, tc.sc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range p.Steps {
			if s.Service == "fo-east" && (s.Deadline == nil || s.Deadline.String() != tc.deadline) {
				t.Errorf("%s: fo-east deadline %v, want %s", tc.sc, s.Deadline, tc.deadline)
			}
			if s.Service == "app-fo" && *s.RTOMet != tc.met {
				t.Errorf("%s: app-fo rtoMet %v, want %v", tc.sc, *s.RTOMet, tc.met)
			}
		}
	}
}

// TestAssumedFailover: a failover step without restore.failover (a
// schema error, but the plan must still say so) uses the default, marked
// assumed; its restore.duration does not count.
func TestAssumedFailover(t *testing.T) {
	c := withSites(memCatalog(onSites(memService("db", 0, "1h", "3h"), catalog.StrategyFailover, []string{"a"}, []string{"b"}, "")), "a", "b")
	p, err := RestoreOrder(c, Scenario{Sites: []string{"a"}}, Options{DefaultDuration: 7 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if s := p.Steps[0]; s.Reason != ReasonFailover || !s.Assumed || s.Duration != 7*time.Minute {
		t.Errorf("step %+v", s)
	}
	p, _ = RestoreOrder(c, Scenario{}, Options{DefaultDuration: 7 * time.Minute})
	if s := p.Steps[0]; s.Reason != ReasonFailed || s.Assumed || s.Duration != 3*time.Hour {
		t.Errorf("total loss step %+v", s)
	}
}

// TestLifecycleInPlans: pipeline and retired services are left out with
// their edges; naming one is an error that says why.
func TestLifecycleInPlans(t *testing.T) {
	mk := func() *catalog.Catalog {
		db := memService("db", 0, "1h", "1h")
		next := memService("next", 1, "", "1h", "db")
		next.Lifecycle = catalog.Pipeline
		old := memService("old", 1, "", "1h", "db")
		old.Lifecycle = catalog.Retired
		going := memService("going", 1, "", "1h", "db")
		going.Lifecycle = catalog.Retiring
		// app depends on db only through the pipeline service: unaffected.
		app := memService("app", 1, "", "1h", "next")
		return memCatalog(db, next, old, going, app)
	}
	p, err := RestoreOrder(mk(), Scenario{Services: []string{"db"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range p.Steps {
		got = append(got, s.Service+"/"+s.Lifecycle)
	}
	if want := "db/live going/retiring"; strings.Join(got, " ") != want {
		t.Errorf("steps %v, want %s", got, want)
	}
	p, _ = RestoreOrder(mk(), Scenario{}, Options{})
	if len(p.Steps) != 3 {
		t.Errorf("total loss: %d steps, want db, going, app", len(p.Steps))
	}
	_, err = RestoreOrder(mk(), Scenario{Services: []string{"old"}}, Options{})
	var ue *UnknownError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), `service "old" is retired`) {
		t.Errorf("naming a retired service: %v", err)
	}
}

// teamCatalog is a random DAG whose services belong to up to four teams
// with 1..3 crews, some restored by another team (restore.crew) and some
// by nobody.
func teamCatalog(rng *rand.Rand, n int) *catalog.Catalog {
	c := randomCatalog(rng, n, rng.Float64()*0.3)
	var teams []*catalog.Team
	for k := 0; k < 1+rng.IntN(4); k++ {
		teams = append(teams, &catalog.Team{Entity: catalog.Entity{Kind: catalog.KindTeam, Name: fmt.Sprintf("t%d", k)}, Crews: 1 + rng.IntN(3), Oncall: fmt.Sprintf("pager-%d", k)})
	}
	c.Teams = teams
	for _, s := range c.Services {
		switch rng.IntN(4) {
		case 0: // nobody
		case 1:
			t := teams[rng.IntN(len(teams))]
			s.Restore.CrewRef, s.Restore.Crew = catalog.Ref{Name: t.Name}, t
			fallthrough
		default:
			t := teams[rng.IntN(len(teams))]
			s.Owner, s.Team = catalog.Ref{Name: t.Name}, t
		}
	}
	return c
}

// TestTeamCrewsProperties: with --crews team, on random catalogs:
// dependencies are respected, no team runs more steps at once than its
// crews, no crew is idle while a step it may do is ready, and every
// affected service is a step exactly once.
func TestTeamCrewsProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for iter := 0; iter < 300; iter++ {
		n := 1 + rng.IntN(40)
		c := teamCatalog(rng, n)
		var sc Scenario
		if rng.IntN(2) == 0 {
			sc.Services = []string{fmt.Sprintf("s%03d", rng.IntN(n))}
		}
		p, err := RestoreOrder(c, sc, Options{TeamCrews: true, DefaultDuration: time.Duration(1+rng.IntN(90)) * time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		capacity := map[string]int{NoTeam: 1}
		for _, tm := range c.Teams {
			capacity[tm.Name] = tm.Crews
		}
		byName := map[string]Step{}
		for _, s := range p.Steps {
			if _, dup := byName[s.Service]; dup {
				t.Fatalf("iter %d: %s twice", iter, s.Service)
			}
			byName[s.Service] = s
			if s.Crew < 1 || s.Crew > capacity[s.Team] {
				t.Errorf("iter %d: %s on crew %d of team %s (%d crews)", iter, s.Service, s.Crew, s.Team, capacity[s.Team])
			}
		}
		// Every affected service exactly once: the failed ones and their
		// transitive hard dependents.
		want := map[string]bool{}
		var mark func(s *catalog.Service)
		mark = func(s *catalog.Service) {
			if want[s.Name] {
				return
			}
			want[s.Name] = true
			for _, d := range s.Dependents {
				if d.Hard {
					mark(d.From)
				}
			}
		}
		for _, s := range c.Services {
			if sc.TotalLoss() || s.Name == sc.Services[0] {
				mark(s)
			}
		}
		if len(want) != len(p.Steps) {
			t.Errorf("iter %d: %d steps, want %d affected", iter, len(p.Steps), len(want))
		}
		for name := range want {
			if _, ok := byName[name]; !ok {
				t.Errorf("iter %d: %s affected but no step", iter, name)
			}
		}
		// Dependencies respected; ready time of each step.
		ready := map[string]time.Duration{}
		for _, s := range c.Services {
			st, ok := byName[s.Name]
			if !ok {
				continue
			}
			for _, d := range s.DependsOn {
				if dep, ok := byName[d.Ref.Name]; ok && d.Hard {
					if st.Start < dep.Finish {
						t.Errorf("iter %d: %s starts at %s before %s finishes at %s", iter, s.Name, st.Start, dep.Service, dep.Finish)
					}
					ready[s.Name] = max(ready[s.Name], dep.Finish)
				}
			}
		}
		// At every event time: no team above its crews, no one crew on two
		// steps, and no step ready but waiting while its team has a free crew.
		var events []time.Duration
		for _, s := range p.Steps {
			events = append(events, s.Start, s.Finish)
		}
		for _, at := range events {
			busy := map[string]int{}
			crewBusy := map[string]string{}
			for _, s := range p.Steps {
				if s.Start <= at && at < s.Finish {
					busy[s.Team]++
					k := fmt.Sprintf("%s/%d", s.Team, s.Crew)
					if other, ok := crewBusy[k]; ok {
						t.Errorf("iter %d: crew %s on %s and %s at %s", iter, k, other, s.Service, at)
					}
					crewBusy[k] = s.Service
				}
			}
			for team, b := range busy {
				if b > capacity[team] {
					t.Errorf("iter %d: team %s runs %d steps at %s with %d crews", iter, team, b, at, capacity[team])
				}
			}
			for _, s := range p.Steps {
				if ready[s.Service] <= at && at < s.Start && s.Duration > 0 && busy[s.Team] < capacity[s.Team] {
					t.Errorf("iter %d: %s ready at %s, waits until %s while team %s has a free crew", iter, s.Service, at, s.Start, s.Team)
				}
			}
		}
		// Lower bounds hold, per team too.
		if p.Makespan < p.LowerBounds.Max() {
			t.Errorf("iter %d: makespan %s beats the bound %s", iter, p.Makespan, p.LowerBounds.Max())
		}
		for _, b := range p.LowerBounds.Teams {
			if b.Bound*time.Duration(b.Crews) < b.Work {
				t.Errorf("iter %d: team %s bound %s undercuts %s over %d crews", iter, b.Team, b.Bound, b.Work, b.Crews)
			}
		}
		// Pages: the team's oncall; null for (none).
		for _, s := range p.Steps {
			if (s.Team == NoTeam) != (s.Page == "") {
				t.Errorf("iter %d: %s team %s page %q", iter, s.Service, s.Team, s.Page)
			}
		}
	}
}

// TestTeamCrewsHand: a hand-checked plan with two teams.
//
//	db (ops, 2h), cache (ops, 1h), web (web team, 1h, needs db), batch
//	(nobody, 3h). ops has 1 crew: db first (tier 0), then cache at 2h.
//	web waits for db: 2h..3h. batch, (none), runs from 0.
func TestTeamCrewsHand(t *testing.T) {
	ops := &catalog.Team{Entity: catalog.Entity{Kind: catalog.KindTeam, Name: "ops"}, Crews: 1, Contact: "ops@example.com"}
	webTeam := &catalog.Team{Entity: catalog.Entity{Kind: catalog.KindTeam, Name: "web"}, Crews: 3, Oncall: "https://pager.example.com/web"}
	own := func(s *catalog.Service, t *catalog.Team) *catalog.Service {
		s.Owner, s.Team = catalog.Ref{Name: t.Name}, t
		return s
	}
	c := memCatalog(
		own(memService("db", 0, "4h", "2h"), ops),
		own(memService("cache", 2, "", "1h"), ops),
		own(memService("web", 1, "4h", "1h", "db"), webTeam),
		memService("batch", 3, "", "3h"),
	)
	p, err := RestoreOrder(c, Scenario{}, Options{TeamCrews: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range p.Steps {
		got = append(got, fmt.Sprintf("%s %s/%d %s-%s page=%s", s.Service, s.Team, s.Crew, s.Start, s.Finish, s.Page))
	}
	want := []string{
		"db ops/1 0s-2h0m0s page=ops@example.com",
		"web web/1 2h0m0s-3h0m0s page=https://pager.example.com/web",
		"cache ops/1 2h0m0s-3h0m0s page=ops@example.com",
		"batch (none)/1 0s-3h0m0s page=",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("plan (-want +got):\n%s", d)
	}
	var bounds []string
	for _, b := range p.LowerBounds.Teams {
		bounds = append(bounds, fmt.Sprintf("%s %d %d %s %s", b.Team, b.Crews, b.Steps, b.Work, b.Bound))
	}
	if d := cmp.Diff([]string{"(none) 1 1 3h0m0s 3h0m0s", "ops 1 2 3h0m0s 3h0m0s", "web 3 1 1h0m0s 20m0s"}, bounds); d != "" {
		t.Errorf("team bounds (-want +got):\n%s", d)
	}
	if p.LowerBounds.WorkPerCrew != 3*time.Hour || p.Makespan != 3*time.Hour {
		t.Errorf("bound %s makespan %s", p.LowerBounds.WorkPerCrew, p.Makespan)
	}
}
