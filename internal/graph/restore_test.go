package graph

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/svccat/svccat/internal/load"

	"github.com/google/go-cmp/cmp"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/duration"
)

// newCatalog builds a catalog in memory: dependencies are resolved by
// name, the way load.Catalog resolves them.
func memCatalog(svcs ...*catalog.Service) *catalog.Catalog {
	c := &catalog.Catalog{Services: svcs}
	byName := map[string]*catalog.Service{}
	for _, s := range svcs {
		if byName[s.Name] == nil {
			byName[s.Name] = s // the first of a name, as load.Catalog resolves
		}
	}
	for _, s := range svcs {
		for _, d := range s.DependsOn {
			d.From, d.To = s, byName[d.Ref.Name]
			if d.To != nil {
				d.To.Dependents = append(d.To.Dependents, d)
			}
		}
	}
	return c
}

// svc makes a service: tier -1 means none, an empty rto or restore means
// none; deps "x" is a hard dependency on x, "~x" a soft one.
func memService(name string, tier int, rto, restore string, deps ...string) *catalog.Service {
	s := &catalog.Service{Entity: catalog.Entity{Kind: catalog.KindService, Name: name}, Type: catalog.Supporting}
	if tier >= 0 {
		s.Impact.Tier = &tier
	}
	if rto != "" {
		s.Impact.RTO = catalog.Duration{D: mustDuration(rto), Set: true}
	}
	if restore != "" {
		s.Restore.Duration = catalog.Duration{D: mustDuration(restore), Set: true}
	}
	for _, d := range deps {
		soft := strings.HasPrefix(d, "~")
		s.DependsOn = append(s.DependsOn, &catalog.Dependency{Ref: catalog.Ref{Name: strings.TrimPrefix(d, "~")}, Hard: !soft})
	}
	return s
}

func mustDuration(s string) time.Duration {
	d, err := duration.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func loadRestoreFixture(t *testing.T, dir string) *catalog.Catalog {
	t.Helper()
	c := load.Catalog([]string{dir}, load.Options{})
	if len(c.Problems) > 0 {
		t.Fatalf("fixture %s: %v", dir, c.Problems)
	}
	return c.Catalog
}

// planRow is a step reduced to what the hand-checked tests compare.
type planRow struct {
	Service       string
	Wave          int
	Start, Finish string
	Reason        string
}

func planRows(p *Plan) []planRow {
	var out []planRow
	for _, s := range p.Steps {
		out = append(out, planRow{s.Service, s.Wave, duration.Format(s.Start), duration.Format(s.Finish), s.Reason})
	}
	return out
}

// TestRestoreOrderDataCentre is the hand-checked scenario in
// testdata/restore/datacentre/catalog.yaml, whose comment explains the
// expected order.
func TestRestoreOrderDataCentre(t *testing.T) {
	c := loadRestoreFixture(t, "testdata/restore/datacentre")

	t.Run("total loss, one crew", func(t *testing.T) {
		p, err := RestoreOrder(c, Scenario{}, Options{Crews: 1, DefaultDuration: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		want := []planRow{
			{"network", 1, "0s", "30m", "failed"},
			{"storage", 2, "30m", "1h30m", "failed"},
			{"database", 3, "1h30m", "2h30m", "failed"},
			{"erp", 4, "2h30m", "3h30m", "failed"},
			{"service-desk", 4, "3h30m", "4h30m", "failed"},
			{"email", 3, "4h30m", "5h30m", "failed"},
			{"chat", 4, "5h30m", "6h", "failed"},
			{"intranet", 2, "6h", "7h", "failed"},
			{"reporting", 1, "7h", "7h15m", "failed"},
		}
		if diff := cmp.Diff(want, planRows(p)); diff != "" {
			t.Errorf("plan (-want +got):\n%s", diff)
		}
		if p.Makespan != 7*time.Hour+15*time.Minute || p.Misses != 0 {
			t.Errorf("makespan %v misses %d, want 7h15m and 0", p.Makespan, p.Misses)
		}
		if !p.Steps[7].Assumed || p.Steps[7].Duration != time.Hour {
			t.Errorf("intranet has no restore.duration: want the default 1h, assumed; got %v assumed=%v", p.Steps[7].Duration, p.Steps[7].Assumed)
		}
		// Priority inheritance: storage (own tier 3) and database (tier 2)
		// take the ERP's tier 0 and a deadline early enough for it.
		for _, tc := range []struct {
			step     int
			tier     int
			deadline string
		}{{0, 0, "1h"}, {1, 0, "2h"}, {2, 0, "3h"}, {3, 0, "4h"}, {4, 1, "8h"}, {5, 1, "11h30m"}, {6, 1, "12h"}} {
			st := p.Steps[tc.step]
			if st.EffectiveTier == nil || *st.EffectiveTier != tc.tier || st.Deadline == nil || duration.Format(*st.Deadline) != tc.deadline {
				t.Errorf("%s: effective tier %v deadline %v, want %d and %s", st.Service, valueOf(st.EffectiveTier), valueOf(st.Deadline), tc.tier, tc.deadline)
			}
		}
		if st := p.Steps[8]; st.EffectiveTier != nil || st.Deadline != nil || st.RTOMet != nil {
			t.Errorf("reporting has no tier and no RTO anywhere above it: got tier %v deadline %v rtoMet %v", valueOf(st.EffectiveTier), valueOf(st.Deadline), valueOf(st.RTOMet))
		}
		if got := p.LowerBounds; got.CriticalPath != 3*time.Hour+30*time.Minute || got.WorkPerCrew != p.Makespan ||
			strings.Join(got.CriticalChain, " ") != "network storage database erp" {
			t.Errorf("lower bounds %+v", got)
		}
	})

	t.Run("site dc1, unlimited crews", func(t *testing.T) {
		p, err := RestoreOrder(c, Scenario{Sites: []string{"dc1"}}, Options{DefaultDuration: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		want := []planRow{
			{"network", 1, "0s", "30m", "failed"},
			{"storage", 2, "30m", "1h30m", "failed"},
			{"database", 3, "1h30m", "2h30m", "failed"},
			{"erp", 4, "2h30m", "3h30m", "failed"},
			{"service-desk", 4, "2h30m", "3h30m", "failed"},
			{"email", 3, "1h30m", "2h30m", "failed"},
			{"chat", 4, "2h30m", "3h", "dependency-down"},
			{"intranet", 2, "30m", "1h30m", "failed"},
		}
		if diff := cmp.Diff(want, planRows(p)); diff != "" {
			t.Errorf("plan (-want +got):\n%s", diff)
		}
		if p.Makespan != 3*time.Hour+30*time.Minute || p.LowerBounds.CriticalPath != p.Makespan || p.LowerBounds.WorkPerCrew != 0 {
			t.Errorf("makespan %v, bounds %+v", p.Makespan, p.LowerBounds)
		}
		if diff := cmp.Diff([]string{"database", "email", "erp", "intranet", "network", "service-desk", "storage"}, p.Failed); diff != "" {
			t.Errorf("failed (-want +got):\n%s", diff)
		}
	})

	t.Run("one service", func(t *testing.T) {
		// Only what stands on the database goes down; storage and network
		// are up, so the database starts at once.
		p, err := RestoreOrder(c, Scenario{Services: []string{"database"}}, Options{Crews: 2, DefaultDuration: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		want := []planRow{
			{"database", 1, "0s", "1h", "failed"},
			{"erp", 2, "1h", "2h", "dependency-down"},
			{"service-desk", 2, "1h", "2h", "dependency-down"},
		}
		if diff := cmp.Diff(want, planRows(p)); diff != "" {
			t.Errorf("plan (-want +got):\n%s", diff)
		}
	})
}

func valueOf[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestPriorityInheritance checks the effective tier and the effective
// deadline d* against SPEC §4 by hand.
func TestPriorityInheritance(t *testing.T) {
	// a -> b -> c (a needs b, b needs c); d is needed by a and by e.
	c := memCatalog(
		memService("a", 1, "4h", "1h", "b", "d"),
		memService("b", 3, "", "2h", "c"),
		memService("c", 2, "10h", "30m"),
		memService("d", 4, "", "1h"),
		memService("e", 2, "2h", "30m", "d", "~f"),
		memService("f", 0, "15m", "1h"),
		memService("g", -1, "", "1h", "d"),
	)
	p, err := RestoreOrder(c, Scenario{}, Options{DefaultDuration: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	type inh struct {
		Tier     any
		Deadline string
	}
	got := map[string]inh{}
	for _, s := range p.Steps {
		dl := "none"
		if s.Deadline != nil {
			dl = duration.Format(*s.Deadline)
		}
		got[s.Service] = inh{valueOf(s.EffectiveTier), dl}
	}
	want := map[string]inh{
		"a": {1, "4h"},
		"b": {1, "3h"},     // min(no RTO, d*(a) 4h - 1h)
		"c": {1, "1h"},     // min(10h, d*(b) 3h - 2h)
		"d": {1, "1h30m"},  // min(d*(a) 4h - 1h, d*(e) 2h - 30m, g has none)
		"e": {2, "2h"},     // a soft dependency on f passes nothing on
		"f": {0, "15m"},    // f's own, unaffected by its soft dependent
		"g": {nil, "none"}, // no tier and no RTO anywhere
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("effective tier and deadline (-want +got):\n%s", diff)
	}

	// Only affected dependents pass priority down, and only affected
	// dependencies constrain: with b failed, c is up and b starts at once.
	p, err = RestoreOrder(c, Scenario{Services: []string{"b"}}, Options{DefaultDuration: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]planRow{{"b", 1, "0s", "2h", "failed"}, {"a", 2, "2h", "3h", "dependency-down"}}, planRows(p)); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
}

func TestRestoreOrderOrderingTies(t *testing.T) {
	// Equal tiers and deadlines: by name. A negative deadline (an RTO that
	// cannot be met) still orders.
	c := memCatalog(
		memService("zeta", 1, "1h", "1h"),
		memService("alpha", 1, "1h", "1h"),
		memService("mid", 1, "30m", "1h", "zeta"),
	)
	p, err := RestoreOrder(c, Scenario{}, Options{Crews: 1})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range p.Steps {
		got = append(got, s.Service)
	}
	// zeta's deadline is 30m - 1h = -30m, before alpha's 1h; then mid
	// (30m) is ready and due before alpha.
	if diff := cmp.Diff([]string{"zeta", "mid", "alpha"}, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if p.Misses != 2 || *p.Steps[0].Deadline != -30*time.Minute {
		t.Errorf("misses %d deadline %v", p.Misses, *p.Steps[0].Deadline)
	}
}

// TestRestoreOrderSaturates: restores near time.Duration's limit (which
// the catalog format allows) saturate the schedule rather than wrap it,
// and with unlimited crews a service still starts when its dependency is
// back, not at the saturated finish minus its duration.
func TestRestoreOrderSaturates(t *testing.T) {
	c := memCatalog(
		memService("a", 1, "", "15000w"),
		memService("b", 1, "", "15000w", "a"),
	)
	for _, crews := range []int{0, 1} {
		p, err := RestoreOrder(c, Scenario{}, Options{Crews: crews})
		if err != nil {
			t.Fatal(err)
		}
		a, b := p.Steps[0], p.Steps[1]
		if b.Start != a.Finish || b.Finish != math.MaxInt64 || p.Makespan != math.MaxInt64 {
			t.Errorf("%d crews: a %v-%v, b %v-%v, makespan %v", crews, a.Start, a.Finish, b.Start, b.Finish, p.Makespan)
		}
	}
}

func TestRestoreOrderCycle(t *testing.T) {
	c := memCatalog(
		memService("a", 1, "", "1h", "b"),
		memService("b", 1, "", "1h", "c"),
		memService("c", 1, "", "1h", "a"),
		memService("d", 1, "", "1h", "~a"),
		memService("x", 1, "", "1h", "~y"),
		memService("y", 1, "", "1h", "~x"),
	)
	_, err := RestoreOrder(c, Scenario{}, Options{})
	var ce *CycleError
	if !errors.As(err, &ce) {
		t.Fatalf("want a *CycleError, got %v", err)
	}
	if got := err.Error(); got != "no restoration order: hard dependency cycle: a -> b -> c -> a" {
		t.Errorf("error %q", got)
	}
	// A soft loop does not block, and a scenario that leaves the hard loop
	// up can be planned.
	if _, err := RestoreOrder(c, Scenario{Services: []string{"x", "d"}}, Options{}); err != nil {
		t.Errorf("soft cycle: %v", err)
	}
}

func TestRestoreOrderUnknown(t *testing.T) {
	c := memCatalog(memService("database", 1, "", "1h"), memService("storage", 1, "", "1h"))
	c.Sites = []*catalog.Site{{Entity: catalog.Entity{Kind: catalog.KindSite, Name: "dc-east"}}}
	for _, tc := range []struct {
		s    Scenario
		want string
	}{
		{Scenario{Sites: []string{"dc-north"}}, `there is no site named "dc-north" (sites: dc-east)`},
		{Scenario{Services: []string{"databse"}}, `there is no service named "databse" (services: database, storage)`},
	} {
		_, err := RestoreOrder(c, tc.s, Options{})
		var ue *UnknownError
		if !errors.As(err, &ue) || err.Error() != tc.want {
			t.Errorf("%v: got %v, want %s", tc.s, err, tc.want)
		}
	}
	if _, err := RestoreOrder(c, Scenario{}, Options{Crews: -1}); err == nil {
		t.Error("negative crews: want an error")
	}
}

func TestUnknownErrorSuggests(t *testing.T) {
	var known []string
	for _, n := range strings.Fields("a b c d e f g h i database") {
		known = append(known, n)
	}
	e := &UnknownError{Kind: "service", Name: "databse", Known: known}
	if got := e.Error(); got != `there is no service named "databse"; did you mean "database"?` {
		t.Errorf("got %q", got)
	}
}

func TestScenarioString(t *testing.T) {
	for _, tc := range []struct {
		s    Scenario
		want string
	}{
		{Scenario{}, "total loss"},
		{Scenario{Sites: []string{"dc-east"}}, "site dc-east"},
		{Scenario{Services: []string{"dns", "crm"}}, "services crm, dns"},
		{Scenario{Sites: []string{"dc-east"}, Services: []string{"crm"}}, "site dc-east and service crm"},
	} {
		if got := tc.s.String(); got != tc.want {
			t.Errorf("%#v: %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestRestoreOrderDuplicateAndUnresolved(t *testing.T) {
	// A catalog with errors is refused by the CLI, but the computation
	// must still not panic on one.
	first := memService("a", 1, "", "1h", "missing")
	c := memCatalog(first, memService("a", 0, "", "2h"), memService("b", 1, "", "1h", "a"))
	p, err := RestoreOrder(c, Scenario{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]planRow{{"a", 1, "0s", "1h", "failed"}, {"b", 2, "1h", "2h", "failed"}}, planRows(p)); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
}
