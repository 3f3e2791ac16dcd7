package cost_test

import (
	"testing"

	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/decimal"
)

func money(s string) decimal.Decimal { return decimal.MustParse(s) }

func TestAllocateChain(t *testing.T) {
	// storage (1200/year) is used by db (weight 1) and app (weight 2); db
	// (600/year) is used by app. The orphan's 50/year reaches no one.
	c := build([]svc{
		{name: "app", typ: "business", pools: map[string]string{"labor": "100"}, deps: []dep{{to: "db"}, {to: "storage", weight: "2"}}},
		{name: "db", typ: "supporting", pools: map[string]string{"software": "600"}, deps: []dep{{to: "storage"}}},
		{name: "orphan", typ: "supporting", pools: map[string]string{"other": "50"}},
		{name: "storage", typ: "supporting", pools: map[string]string{"hardware": "1200"}},
	}, nil)
	a := cost.Allocate(c, config.Default(), "year")
	// storage: 1200 split 1:2 → db 400, app 800.
	// db: 600 + 400 = 1000 → app.
	// app: 100 + 800 + 1000 = 1900.
	for _, tc := range []struct{ name, direct, allocated, total, unalloc string }{
		{"app", "100", "1800", "1900", "0"},
		{"db", "600", "400", "1000", "0"},
		{"orphan", "50", "0", "50", "50"},
		{"storage", "1200", "0", "1200", "0"},
	} {
		sc := a.Service(tc.name)
		if !sc.DirectTotal.Equal(money(tc.direct)) || !sc.Allocated.Equal(money(tc.allocated)) || !sc.Total.Equal(money(tc.total)) || !sc.Unallocated.Equal(money(tc.unalloc)) {
			t.Errorf("%s: direct %s allocated %s total %s unallocated %s; want %s %s %s %s", tc.name,
				sc.DirectTotal, sc.Allocated, sc.Total, sc.Unallocated, tc.direct, tc.allocated, tc.total, tc.unalloc)
		}
	}
	if got := a.Service("app").Received; !got["db"].Equal(money("1000")) || !got["storage"].Equal(money("800")) {
		t.Errorf("app received %v, want db 1000, storage 800", got)
	}
	if !a.Unallocated.Equal(money("50")) || !a.Direct.Equal(money("1950")) {
		t.Errorf("unallocated %s direct %s, want 50 and 1950", a.Unallocated, a.Direct)
	}
}

func TestAllocateCycleTerminates(t *testing.T) {
	// a ⇄ b is an error the report refuses, but lint rules call Allocate
	// on any catalog: it must end and still conserve the cost.
	c := build([]svc{
		{name: "a", typ: "supporting", pools: map[string]string{"labor": "100"}, deps: []dep{{to: "b"}}},
		{name: "app", typ: "business", pools: map[string]string{"labor": "10"}, deps: []dep{{to: "a"}}},
		{name: "b", typ: "supporting", pools: map[string]string{"labor": "30"}, deps: []dep{{to: "a"}, {to: "b"}}},
	}, nil)
	a := cost.Allocate(c, config.Default(), "year")
	if !a.Cyclic {
		t.Error("Cyclic = false, want true")
	}
	got := a.Unallocated.Add(a.Service("app").Total)
	if !got.Equal(money("140")) {
		t.Errorf("app total + unallocated = %s, want 140", got)
	}
	// The report and the trace end too, and the report still adds up.
	for _, by := range cost.Groupings {
		r, err := cost.NewReport(a, by)
		if err != nil {
			t.Fatal(err)
		}
		if !r.Totals.Total.Equal(money("140")) {
			t.Errorf("by %s: total %s, want 140", by, r.Totals.Total)
		}
	}
}

func TestUnitCostNotDefined(t *testing.T) {
	c := build([]svc{
		{name: "app", typ: "business", pools: map[string]string{"labor": "100"}, unit: "user", planned: "0", price: "3"},
	}, nil)
	sc := cost.Allocate(c, config.Default(), "").Service("app")
	if sc.UnitCost != nil {
		t.Errorf("unit cost %s with planned 0, want not defined (nil)", sc.UnitCost)
	}
	if sc.Revenue == nil || !sc.Revenue.IsZero() || !sc.Recovery.Equal(money("-100")) {
		t.Errorf("revenue %v recovery %v, want 0 and -100", sc.Revenue, sc.Recovery)
	}
}

func TestCurrency(t *testing.T) {
	c := build([]svc{{name: "a", typ: "business", pools: map[string]string{"labor": "1"}}}, nil)
	c.Services[0].Cost.Currency = "EUR"
	if got := cost.Currency(c, config.Default()); got != "EUR" {
		t.Errorf("Currency = %s, want EUR (the only one used)", got)
	}
	cfg := config.Default()
	cfg.Currency = "GBP"
	if got := cost.Currency(c, cfg); got != "GBP" {
		t.Errorf("Currency = %s, want GBP (configured)", got)
	}
	if got := cost.Currency(build(nil, nil), config.Default()); got != "USD" {
		t.Errorf("Currency = %s, want USD (default)", got)
	}
}

func TestNewReportUnknownGrouping(t *testing.T) {
	if _, err := cost.NewReport(cost.Allocate(build(nil, nil), nil, ""), "team"); err == nil {
		t.Error("NewReport by team: no error")
	}
}

func TestMinorUnits(t *testing.T) {
	for cur, want := range map[string]int{"USD": 2, "EUR": 2, "JPY": 0, "KWD": 3, "XYZ": 2} {
		if got := cost.MinorUnits(cur); got != want {
			t.Errorf("MinorUnits(%s) = %d, want %d", cur, got, want)
		}
	}
}

// A JPY catalog rounds to whole yen: 1000 yen a year is 83.33… a month;
// three services of that add up to 250 exactly, so one of them shows 84
// (the first: equal remainders go in order) and the others 83.
func TestReportWholeYen(t *testing.T) {
	c := build([]svc{
		{name: "a", typ: "business", pools: map[string]string{"labor": "1000"}},
		{name: "b", typ: "business", pools: map[string]string{"labor": "1000"}},
		{name: "c", typ: "business", pools: map[string]string{"labor": "1000"}},
	}, nil)
	cfg := config.Default()
	cfg.Currency = "JPY"
	r, err := cost.NewReport(cost.Allocate(c, cfg, "month"), cost.ByService)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, row := range r.Rows {
		got = append(got, row.Total.String())
	}
	if r.Places != 0 || len(got) != 3 || got[0] != "84" || got[1] != "83" || got[2] != "83" || r.Totals.Total.String() != "250" {
		t.Errorf("places %d, rows %v, total %s; want 0, [84 83 83], 250", r.Places, got, r.Totals.Total)
	}
}

// A price per request or per GB-second has many decimals (0.0000166667
// is ten): the report shows price and unit cost with as many, not
// rounded to a price of 0.000017 or a unit cost of 0.000000.
func TestReportPricePlaces(t *testing.T) {
	c := build([]svc{
		{name: "functions", typ: "business", pools: map[string]string{"cloud": "1"},
			unit: "GB-second", planned: "60000", price: "0.0000166667"},
	}, nil)
	r, err := cost.NewReport(cost.Allocate(c, config.Default(), "year"), cost.ByService)
	if err != nil {
		t.Fatal(err)
	}
	row := r.Rows[0]
	// Unit cost 1 / 60000 = 0.0000166666…, to ten places 0.0000166667.
	if row.UnitPlaces != 10 || row.UnitCost == nil || row.UnitCost.String() != "0.0000166667" {
		t.Errorf("unit places %d, unit cost %v; want 10 and 0.0000166667", row.UnitPlaces, row.UnitCost)
	}
}
