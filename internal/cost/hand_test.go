package cost_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/decimal"
)

// handCatalog is small enough to compute by hand; every figure the tests
// below expect is worked out in their comments. The config period is year.
//
//	network     supporting  year     hardware 1200, labor 700
//	storage     supporting  month    hardware 300                 → network
//	database    supporting  quarter  software 900                 → storage (weight 2), network (soft)
//	legacy-fax  supporting  (none)   other 120                    → network          (an orphan)
//	email       business    month    labor 1000                   → storage, database
//	            segments staff, partners; 100 mailboxes a month at 25
//	erp         business    year     software 6000                → database (weight 3), email
//	            segment finance; 50 users a year at 250
//	kiosk       business    quarter  labor 90                     → network
//	            no segment; 0 terminals at 5
//
// Markets: staff and finance are internal, partners external.
func handCatalog() *catalog.Catalog {
	return build([]svc{
		{name: "database", typ: "supporting", period: "quarter", pools: map[string]string{"software": "900"},
			deps: []dep{{to: "storage", weight: "2"}, {to: "network", soft: true}}},
		{name: "email", typ: "business", period: "month", pools: map[string]string{"labor": "1000"},
			deps: []dep{{to: "storage"}, {to: "database"}}, segs: []string{"staff", "partners"},
			unit: "mailbox", planned: "100", price: "25"},
		{name: "erp", typ: "business", period: "year", pools: map[string]string{"software": "6000"},
			deps: []dep{{to: "database", weight: "3"}, {to: "email"}}, segs: []string{"finance"},
			unit: "user", planned: "50", price: "250"},
		{name: "kiosk", typ: "business", period: "quarter", pools: map[string]string{"labor": "90"},
			deps: []dep{{to: "network"}}, unit: "terminal", planned: "0", price: "5"},
		{name: "legacy-fax", typ: "supporting", pools: map[string]string{"other": "120"}, deps: []dep{{to: "network"}}},
		{name: "network", typ: "supporting", period: "year", pools: map[string]string{"hardware": "1200", "labor": "700"}},
		{name: "storage", typ: "supporting", period: "month", pools: map[string]string{"hardware": "300"}, deps: []dep{{to: "network"}}},
	}, map[string]string{"staff": "internal", "finance": "internal", "partners": "external"})
}

// Per year (exact):
//
//	direct: network 1200+700 = 1900; storage 300×12 = 3600; database 900×4 = 3600;
//	        legacy-fax 120 (no period: the config's, year); email 1000×12 = 12000;
//	        erp 6000; kiosk 90×4 = 360.  Sum 27580.
//	network 1900 → storage, database, legacy-fax, kiosk, weight 1 each: 475 each.
//	storage 3600 + 475 = 4075 → database 2/3 = 8150/3, email 1/3 = 4075/3.
//	database 3600 + 475 + 8150/3 = 20375/3 → email 1/4 = 20375/12, erp 3/4 = 20375/4 = 5093.75.
//	legacy-fax 120 + 475 = 595: nothing depends on it → unallocated.
//	email allocated 4075/3 + 20375/12 = 36675/12 = 3056.25; total 15056.25.
//	erp allocated 5093.75 (email is a business service: it keeps its cost); total 11093.75.
//	kiosk allocated 475; total 835.
//	15056.25 + 11093.75 + 835 + 595 = 27580 = the sum of direct costs.
func TestHandAllocationYear(t *testing.T) {
	a := cost.Allocate(handCatalog(), config.Default(), "")
	if a.Period != "year" {
		t.Fatalf("period %q, want the config's, year", a.Period)
	}
	want := map[string][3]string{ // direct, allocated, total
		"network":    {"1900", "0", "1900"},
		"storage":    {"3600", "475", "4075"},
		"database":   {"3600", "475+8150/3", "20375/3"},
		"legacy-fax": {"120", "475", "595"},
		"email":      {"12000", "3056.25", "15056.25"},
		"erp":        {"6000", "5093.75", "11093.75"},
		"kiosk":      {"360", "475", "835"},
	}
	for name, w := range want {
		sc := a.Service(name)
		got := [3]decimal.Decimal{sc.DirectTotal, sc.Allocated, sc.Total}
		for i := range w {
			if !got[i].Equal(expr(w[i])) {
				t.Errorf("%s: column %d = %s, want %s", name, i, got[i], w[i])
			}
		}
	}
	if !a.Unallocated.Equal(expr("595")) || !a.Direct.Equal(expr("27580")) {
		t.Errorf("unallocated %s, direct %s; want 595 and 27580", a.Unallocated, a.Direct)
	}
	email := a.Service("email")
	// 100 mailboxes a month = 1200 a year; 15056.25 / 1200 = 12.546875.
	// Revenue 25 × 1200 = 30000; recovery 30000 − 15056.25 = 14943.75.
	check(t, "email planned", email.Planned, "1200")
	check(t, "email unit cost", email.UnitCost, "12.546875")
	check(t, "email price", email.Price, "25")
	check(t, "email revenue", email.Revenue, "30000")
	check(t, "email recovery", email.Recovery, "14943.75")
	// Received from its direct dependencies: storage 4075/3, database 20375/12.
	if !email.Received["storage"].Equal(expr("4075/3")) || !email.Received["database"].Equal(expr("20375/12")) {
		t.Errorf("email received %v", email.Received)
	}
	kiosk := a.Service("kiosk")
	if kiosk.UnitCost != nil {
		t.Errorf("kiosk unit cost %s with 0 planned, want not defined", kiosk.UnitCost)
	}
	check(t, "kiosk recovery", kiosk.Recovery, "-835")
}

// Trace of email (year): the part of each upstream service's full cost
// that reaches email —
//
//	database: email's weight 1 of 4 → 1/4.
//	storage: directly 1/3, and via database 1/4 × 2/3 = 1/6 → 1/2.
//	network: via storage 1/2 × 1/4 = 1/8, via database 1/4 × 1/4 = 1/16 → 3/16.
//
// Times each one's direct cost by pool: database software 3600/4 = 900;
// storage hardware 3600/2 = 1800; network hardware 1200×3/16 = 225 and
// labor 700×3/16 = 131.25. 900 + 1800 + 225 + 131.25 = 3056.25 = allocated.
func TestHandTrace(t *testing.T) {
	a := cost.Allocate(handCatalog(), config.Default(), "year")
	var got []string
	for _, s := range a.Trace("email") {
		got = append(got, fmt.Sprintf("%s %s %s", s.Origin, s.Pool, s.Amount))
	}
	want := []string{"email labor 12000", "database software 900", "network hardware 225", "network labor 131.25", "storage hardware 1800"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Trace(email) (-want +got):\n%s", diff)
	}
}

// handRow is a report row as printed: name, pools, direct, allocated,
// total, unit cost, revenue, recovery.
type handRow struct {
	name                       string
	pools                      map[string]string
	direct, allocated, total   string
	unitCost, revenue, recover string
}

func TestHandReports(t *testing.T) {
	for _, tc := range []struct {
		period, by string
		rows       []handRow
		// totals: direct, allocated, unallocated, total, revenue
		totals [5]string
	}{
		{
			// Every figure above is a whole number of cents.
			period: "year", by: "service",
			rows: []handRow{
				{"email", map[string]string{"labor": "12000.00"}, "12000.00", "3056.25", "15056.25", "12.55", "30000.00", "14943.75"},
				{"erp", map[string]string{"software": "6000.00"}, "6000.00", "5093.75", "11093.75", "221.88", "12500.00", "1406.25"},
				{"kiosk", map[string]string{"labor": "360.00"}, "360.00", "475.00", "835.00", "", "0.00", "-835.00"},
			},
			totals: [5]string{"18360.00", "8625.00", "595.00", "27580.00", "42500.00"},
		},
		{
			// Per month, everything ÷ 12. Exact totals: email 1254.6875,
			// erp 924.47916…, kiosk 69.58333…, unallocated 49.58333…; the
			// grand total 2298.3333… rounds to 2298.33. Rounded down the
			// rows give 1254.68 + 924.47 + 69.58 + 49.58 = 2298.31: the two
			// missing cents go to the largest remainders, erp (.916) and
			// email (.75). Each total then splits into direct (exact) and
			// allocated: 254.69, 424.48, 39.58.
			// Planned: email 100 a month, erp 50/12 (unit cost and price
			// unchanged). Revenue 2500 + 1041.666… + 0 = 3541.67 (erp gets
			// the cent); recovery = rounded revenue − rounded total.
			period: "month", by: "service",
			rows: []handRow{
				{"email", map[string]string{"labor": "1000.00"}, "1000.00", "254.69", "1254.69", "12.55", "2500.00", "1245.31"},
				{"erp", map[string]string{"software": "500.00"}, "500.00", "424.48", "924.48", "221.88", "1041.67", "117.19"},
				{"kiosk", map[string]string{"labor": "30.00"}, "30.00", "39.58", "69.58", "", "0.00", "-69.58"},
			},
			totals: [5]string{"1530.00", "718.75", "49.58", "2298.33", "3541.67"},
		},
		{
			// Per quarter, ÷ 4: email 3764.0625, erp 2773.4375, kiosk
			// 208.75, unallocated 148.75; grand total 6895.00. Rounded
			// down the rows lose one cent, which goes to erp (.75 against
			// email's .25).
			period: "quarter", by: "service",
			rows: []handRow{
				{"email", map[string]string{"labor": "3000.00"}, "3000.00", "764.06", "3764.06", "12.55", "7500.00", "3735.94"},
				{"erp", map[string]string{"software": "1500.00"}, "1500.00", "1273.44", "2773.44", "221.88", "3125.00", "351.56"},
				{"kiosk", map[string]string{"labor": "90.00"}, "90.00", "118.75", "208.75", "", "0.00", "-208.75"},
			},
			totals: [5]string{"4590.00", "2156.25", "148.75", "6895.00", "10625.00"},
		},
		{
			// By segment, per year: email's cost and revenue split in two
			// (staff, partners): 7528.125 each, revenue 15000 each; erp is
			// finance's; kiosk traces to no segment. The half cent:
			// partners and staff tie, the first (partners) gets the cent.
			period: "year", by: "segment",
			rows: []handRow{
				{"finance", map[string]string{"software": "6000.00"}, "6000.00", "5093.75", "11093.75", "", "12500.00", "1406.25"},
				{"partners", map[string]string{"labor": "6000.00"}, "6000.00", "1528.13", "7528.13", "", "15000.00", "7471.87"},
				{"staff", map[string]string{"labor": "6000.00"}, "6000.00", "1528.12", "7528.12", "", "15000.00", "7471.88"},
				{"(untraced)", map[string]string{"labor": "360.00"}, "360.00", "475.00", "835.00", "", "0.00", "-835.00"},
			},
			totals: [5]string{"18360.00", "8625.00", "595.00", "27580.00", "42500.00"},
		},
		{
			// By market, per year: external = partners (7528.125),
			// internal = staff + finance (7528.125 + 11093.75 =
			// 18621.875), revenue 15000 and 27500. The tie: external
			// first.
			period: "year", by: "market",
			rows: []handRow{
				{"external", map[string]string{"labor": "6000.00"}, "6000.00", "1528.13", "7528.13", "", "15000.00", "7471.87"},
				{"internal", map[string]string{"labor": "6000.00", "software": "6000.00"}, "12000.00", "6621.87", "18621.87", "", "27500.00", "8878.13"},
				{"(untraced)", map[string]string{"labor": "360.00"}, "360.00", "475.00", "835.00", "", "0.00", "-835.00"},
			},
			totals: [5]string{"18360.00", "8625.00", "595.00", "27580.00", "42500.00"},
		},
		{
			// By market, per month: external 7528.125/12 = 627.34375,
			// internal 18621.875/12 = 1551.822916…, untraced 69.58333…,
			// unallocated 49.58333…, grand 2298.33. Rounded down:
			// 627.34 + 1551.82 + 69.58 + 49.58 = 2298.32; the remainders
			// in cents are .375, .29, .33, .33, so the cent goes to
			// external. Revenue 1250 + 2291.666… = 3541.67, internal gets
			// the cent.
			period: "month", by: "market",
			rows: []handRow{
				{"external", map[string]string{"labor": "500.00"}, "500.00", "127.35", "627.35", "", "1250.00", "622.65"},
				{"internal", map[string]string{"labor": "500.00", "software": "500.00"}, "1000.00", "551.82", "1551.82", "", "2291.67", "739.85"},
				{"(untraced)", map[string]string{"labor": "30.00"}, "30.00", "39.58", "69.58", "", "0.00", "-69.58"},
			},
			totals: [5]string{"1530.00", "718.75", "49.58", "2298.33", "3541.67"},
		},
	} {
		t.Run(tc.by+"-"+tc.period, func(t *testing.T) {
			r, err := cost.NewReport(cost.Allocate(handCatalog(), config.Default(), tc.period), tc.by)
			if err != nil {
				t.Fatal(err)
			}
			var got []handRow
			for _, row := range r.Rows {
				h := handRow{name: row.Name, pools: map[string]string{},
					direct: row.DirectTotal.Fixed(2), allocated: row.Allocated.Fixed(2), total: row.Total.Fixed(2),
					unitCost: opt(row.UnitCost), revenue: opt(row.Revenue), recover: opt(row.Recovery)}
				for p, v := range row.Direct {
					if !v.IsZero() {
						h.pools[p] = v.Fixed(2)
					}
				}
				got = append(got, h)
			}
			if diff := cmp.Diff(tc.rows, got, cmp.AllowUnexported(handRow{})); diff != "" {
				t.Errorf("rows (-want +got):\n%s", diff)
			}
			tt := r.Totals
			gotTotals := [5]string{tt.DirectTotal.Fixed(2), tt.Allocated.Fixed(2), tt.Unallocated.Fixed(2), tt.Total.Fixed(2), tt.Revenue.Fixed(2)}
			if gotTotals != tc.totals {
				t.Errorf("totals %v, want %v", gotTotals, tc.totals)
			}
		})
	}
}

func opt(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return d.Fixed(2)
}

func check(t *testing.T, what string, got *decimal.Decimal, want string) {
	t.Helper()
	if got == nil || !got.Equal(expr(want)) {
		t.Errorf("%s = %v, want %s", what, got, want)
	}
}

// expr reads "a", "a/b" or "a+b/c": exact figures as the comments write
// them.
func expr(s string) decimal.Decimal {
	var sum decimal.Decimal
	for _, term := range strings.Split(s, "+") {
		num, den, ok := strings.Cut(term, "/")
		v := decimal.MustParse(num)
		if ok {
			v, _ = v.Quo(decimal.MustParse(den))
		}
		sum = sum.Add(v)
	}
	return sum
}

// TestUnitReport: the report without traces has the same figures as the
// full report by service.
func TestUnitReport(t *testing.T) {
	a := cost.Allocate(handCatalog(), config.Default(), "year")
	full, err := cost.NewReport(a, cost.ByService)
	if err != nil {
		t.Fatal(err)
	}
	unit, err := cost.NewUnitReport(a)
	if err != nil {
		t.Fatal(err)
	}
	for i := range full.Rows {
		full.Rows[i].Sources, full.Rows[i].AllocatedByPool = nil, nil
	}
	for i := range full.Supporting {
		full.Supporting[i].Sources, full.Supporting[i].AllocatedByPool = nil, nil
	}
	if diff := cmp.Diff(full, unit, cmp.AllowUnexported(cost.Report{})); diff != "" {
		t.Errorf("unit report (-full +unit):\n%s", diff)
	}
}
