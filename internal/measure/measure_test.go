package measure

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/decimal"
)

func period(t *testing.T, s string) catalog.Period {
	t.Helper()
	p, err := catalog.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func dec(s string) *decimal.Decimal { d := decimal.MustParse(s); return &d }

func TestLatest(t *testing.T) {
	for _, tc := range []struct {
		periods []string
		want    string
	}{
		{[]string{"2026-10", "2026-11", "2026-09"}, "2026-11"},
		// The year, the fourth quarter and December end together: the
		// shortest is the most recent figure.
		{[]string{"2026", "2026-Q4", "2026-12"}, "2026-12"},
		{[]string{"2026", "2026-Q4"}, "2026-Q4"},
		{[]string{"2026-Q3", "2026-10"}, "2026-10"},
		{[]string{"2027", "2026-12"}, "2027"},
	} {
		s := &catalog.Service{}
		for _, p := range tc.periods {
			s.Measurements = append(s.Measurements, &catalog.Measurement{Period: period(t, p)})
		}
		if got := Latest(s).Period.String(); got != tc.want {
			t.Errorf("Latest(%v) = %s, want %s", tc.periods, got, tc.want)
		}
	}
	if Latest(&catalog.Service{}) != nil {
		t.Error("Latest of a service without measurements is not nil")
	}
}

func TestParsePeriod(t *testing.T) {
	for _, bad := range []string{"", "26", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-1", "2026-10-01", "+202", "abcd"} {
		if _, err := catalog.ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q) accepted", bad)
		}
	}
	p := period(t, "2026-Q2")
	if p.Start() != time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC) || p.End() != time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC) || p.Span() != "quarter" {
		t.Errorf("2026-Q2: %v..%v %s", p.Start(), p.End(), p.Span())
	}
}

func TestMeasure(t *testing.T) {
	cfg := config.Default() // period year
	s := &catalog.Service{
		SLOs:        []catalog.SLO{{Indicator: "availability", Objective: decimal.MustParse("99.9")}},
		Consumption: &catalog.Consumption{Planned: dec("1200")}, // per month
		Cost:        &catalog.Cost{Period: "month"},
	}
	m := &catalog.Measurement{
		Period: period(t, "2026-Q4"), Consumed: dec("3960"), Availability: dec("99.9"),
		Satisfaction: &catalog.Survey{Score: decimal.MustParse("4.2"), Scale: decimal.FromInt(5)},
	}
	f := Measure(s, m, cfg)
	if f.Planned.String() != "3600" || f.VariancePercent.String() != "10" {
		t.Errorf("planned %v variance %v, want 3600 and 10", f.Planned, f.VariancePercent)
	}
	if f.SLOMet == nil || !*f.SLOMet {
		t.Errorf("sloMet = %v: availability equal to the objective is met", f.SLOMet)
	}
	if f.Satisfaction.Percent.String() != "84" {
		t.Errorf("percent = %v, want 84", f.Satisfaction.Percent)
	}
	m.Consumed = dec("3240")
	if f := Measure(s, m, cfg); f.VariancePercent.String() != "-10" {
		t.Errorf("variance = %v, want -10 (signed)", f.VariancePercent)
	}
	s.SLOs = nil
	if f := Measure(s, m, cfg); f.SLOMet != nil || f.Objective != nil {
		t.Errorf("without an availability SLO sloMet = %v, want nil", f.SLOMet)
	}
	s.Consumption.Planned = dec("0")
	if f := Measure(s, m, cfg); f.VariancePercent != nil {
		t.Errorf("nothing planned: variance = %v, want nil", f.VariancePercent)
	}
}

func TestStale(t *testing.T) {
	asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	cfg := config.Default()
	leader := &catalog.Person{Leadership: true}
	for _, tc := range []struct {
		name    string
		contact []string // "" is a relationship without lastContact
		cadence time.Duration
		stale   bool
		days    int
	}{
		{"within", []string{"2026-11-01"}, 30 * day, false, 30}, // the day the cadence runs out
		{"a day late", []string{"2026-10-31"}, 30 * day, true, 31},
		{"latest counts", []string{"2026-01-01", "2026-11-30"}, 30 * day, false, 1},
		{"no lastContact", []string{""}, 30 * day, true, -1},
		{"default cadence", []string{"2026-09-02"}, 0, false, 90},
		{"default cadence late", []string{"2026-09-01"}, 0, true, 91},
		{"no relationship", nil, 30 * day, false, -1},
	} {
		s := &catalog.Stakeholder{}
		if tc.cadence > 0 {
			s.Cadence = catalog.Duration{D: tc.cadence, Set: true}
		}
		for _, c := range tc.contact {
			r := &catalog.Relationship{With: leader, Stakeholder: s}
			if c != "" {
				r.LastContact, _ = time.Parse(time.DateOnly, c)
			}
			s.Relationships = append(s.Relationships, r)
		}
		got := Of(s, cfg, asOf)
		if got.Stale != tc.stale {
			t.Errorf("%s: stale = %v, want %v", tc.name, got.Stale, tc.stale)
		}
		if tc.days >= 0 && (got.DaysSinceContact == nil || *got.DaysSinceContact != tc.days) {
			t.Errorf("%s: days = %v, want %d", tc.name, got.DaysSinceContact, tc.days)
		}
		if tc.days < 0 && got.DaysSinceContact != nil {
			t.Errorf("%s: days = %d, want none", tc.name, *got.DaysSinceContact)
		}
	}
}

// TestMapProperties checks on random relationship maps that spread never
// exceeds scope, coverage is spread / scope, depth counts distinct
// leaders, and mean depth is total depth over scope.
func TestMapProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for iter := 0; iter < 500; iter++ {
		c := &catalog.Catalog{}
		for i := 0; i < rng.IntN(6); i++ {
			c.People = append(c.People, &catalog.Person{Leadership: rng.IntN(2) == 0})
		}
		for i := 0; i < rng.IntN(12); i++ {
			pw := rng.IntN(101)
			s := &catalog.Stakeholder{Power: &pw}
			for j := 0; j < rng.IntN(5) && len(c.People) > 0; j++ {
				part := 1 + rng.IntN(100)
				s.Relationships = append(s.Relationships, &catalog.Relationship{
					Stakeholder: s, With: c.People[rng.IntN(len(c.People))], Partnership: &part,
					LastContact: asOf.AddDate(0, 0, -rng.IntN(200)),
				})
			}
			c.Stakeholders = append(c.Stakeholders, s)
		}
		m := Relationships(c, &config.Config{AsOf: asOf, Thresholds: config.DefaultThresholds()})
		sum := m.Summary
		if sum.Scope != len(c.Stakeholders) || sum.Spread > sum.Scope {
			t.Fatalf("scope %d spread %d for %d stakeholders", sum.Scope, sum.Spread, len(c.Stakeholders))
		}
		if sum.Scope == 0 {
			if sum.Coverage != nil || sum.MeanDepth != nil {
				t.Fatal("an empty scope has a coverage")
			}
			continue
		}
		want, _ := decimal.FromInt(int64(sum.Spread)).Quo(decimal.FromInt(int64(sum.Scope)))
		if !sum.Coverage.Equal(want) || sum.Coverage.Sign() < 0 || sum.Coverage.Cmp(decimal.FromInt(1)) > 0 {
			t.Fatalf("coverage %v, want %v", sum.Coverage, want)
		}
		total := 0
		for _, s := range m.Stakeholders {
			leaders := map[*catalog.Person]bool{}
			for _, r := range s.Stakeholder.Relationships {
				if r.With.Leadership {
					leaders[r.With] = true
				}
			}
			if s.Depth != len(leaders) {
				t.Fatalf("depth %d, want %d distinct leaders", s.Depth, len(leaders))
			}
			if s.SingleThreaded != (s.Depth == 1 && *s.Stakeholder.Power >= 70) {
				t.Fatalf("single-threaded %v at depth %d power %d", s.SingleThreaded, s.Depth, *s.Stakeholder.Power)
			}
			total += s.Depth
		}
		md, _ := decimal.FromInt(int64(total)).Quo(decimal.FromInt(int64(sum.Scope)))
		if !sum.MeanDepth.Equal(md) {
			t.Fatalf("mean depth %v, want %v", sum.MeanDepth, md)
		}
	}
}
