package cost_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/decimal"
)

// TestPropertiesRandomCatalogs checks, on random catalogs (random DAGs of
// supporting services, random weights, amounts with cents, mixed periods,
// orphans, untraced services) in currencies with 0, 2 and 3 decimals, for
// every grouping and period:
//
//   - nothing is lost: business services' totals plus unallocated equal
//     the sum of all direct costs, exactly;
//   - the report's total is that sum rounded to the minor unit, and its
//     rows plus (unallocated) add up to it;
//   - every rounded figure is within one minor unit of its exact value;
//   - every row reads consistently: pools add up to direct, direct plus
//     allocated to total, revenue minus total is recovery;
//   - the sources of a service's allocated cost add up to it.
func TestPropertiesRandomCatalogs(t *testing.T) {
	currencies := []string{"USD", "JPY", "KWD"}
	for seed := uint64(0); seed < 40; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		sh := shape{layers: int(seed % 4), decimalWeights: seed%2 == 1}
		c := randomCatalog(r, 10+r.IntN(60), sh)
		cfg := config.Default()
		cfg.Currency = currencies[seed%3]
		for _, period := range cost.Periods {
			a := cost.Allocate(c, cfg, period)
			checkConservation(t, seed, a)
			for _, by := range cost.Groupings {
				rep, err := cost.NewReport(a, by)
				if err != nil {
					t.Fatal(err)
				}
				checkReport(t, seed, a, rep)
			}
		}
	}
}

func checkConservation(t *testing.T, seed uint64, a *cost.Allocation) {
	t.Helper()
	var direct, business decimal.Decimal
	for _, sc := range a.Services {
		direct = direct.Add(sc.DirectTotal)
		if sc.Service.IsBusiness() {
			business = business.Add(sc.Total)
			// The trace of a business service adds up to its total.
			var traced decimal.Decimal
			for _, sh := range a.Trace(sc.Service.Name) {
				traced = traced.Add(sh.Amount)
			}
			if !traced.Equal(sc.Total) {
				t.Errorf("seed %d %s: trace of %s adds up to %s, total %s", seed, a.Period, sc.Service.Name, traced, sc.Total)
			}
		}
	}
	if !direct.Equal(a.Direct) {
		t.Errorf("seed %d %s: Direct %s, sum of direct costs %s", seed, a.Period, a.Direct, direct)
	}
	if got := business.Add(a.Unallocated); !got.Equal(direct) {
		t.Errorf("seed %d %s: business totals + unallocated = %s, direct costs %s", seed, a.Period, got, direct)
	}
	if a.Cyclic {
		t.Errorf("seed %d: a DAG reported as cyclic", seed)
	}
}

func checkReport(t *testing.T, seed uint64, a *cost.Allocation, r *cost.Report) {
	t.Helper()
	unit := decimal.MustParse("1")
	for i := 0; i < r.Places; i++ {
		unit, _ = unit.Quo(decimal.FromInt(10))
	}
	where := func(row string) string {
		return fmt.Sprintf("seed %d %s per %s by %s %s", seed, r.Currency, r.Period, r.By, row)
	}
	near := func(what string, got, exact decimal.Decimal) {
		t.Helper()
		d := got.Sub(exact)
		if d.Sign() < 0 {
			d = d.Neg()
		}
		if d.Cmp(unit) >= 0 {
			t.Errorf("%s: rounded %s, exact %s: more than one minor unit apart", what, got, exact)
		}
		if !got.Equal(got.Round(r.Places)) {
			t.Errorf("%s: %s is not rounded to %d places", what, got, r.Places)
		}
	}
	var sum, revenue decimal.Decimal
	for _, row := range r.Rows {
		w := where(row.Name)
		near(w+" total", row.Total, row.Exact.Total)
		near(w+" direct", row.DirectTotal, row.Exact.DirectTotal)
		near(w+" allocated", row.Allocated, row.Exact.Allocated)
		var pools decimal.Decimal
		for _, p := range r.Pools {
			near(w+" "+p, row.Direct[p], row.Exact.Direct[p])
			pools = pools.Add(row.Direct[p])
		}
		if !pools.Equal(row.DirectTotal) {
			t.Errorf("%s: pools add up to %s, direct %s", w, pools, row.DirectTotal)
		}
		if !row.DirectTotal.Add(row.Allocated).Equal(row.Total) {
			t.Errorf("%s: direct %s + allocated %s != total %s", w, row.DirectTotal, row.Allocated, row.Total)
		}
		if (row.Revenue == nil) != (row.Exact.Revenue == nil) {
			t.Errorf("%s: revenue %v, exact %v", w, row.Revenue, row.Exact.Revenue)
		} else if row.Revenue != nil {
			near(w+" revenue", *row.Revenue, *row.Exact.Revenue)
			if !row.Revenue.Sub(row.Total).Equal(*row.Recovery) {
				t.Errorf("%s: revenue %s − total %s != recovery %s", w, row.Revenue, row.Total, row.Recovery)
			}
			revenue = revenue.Add(*row.Revenue)
		}
		if len(row.Sources) > 0 {
			var src decimal.Decimal
			for _, s := range row.Sources {
				src = src.Add(s.Amount)
			}
			if !src.Equal(row.Allocated) {
				t.Errorf("%s: sources add up to %s, allocated %s", w, src, row.Allocated)
			}
		}
		if row.AllocatedByPool != nil {
			var byPool decimal.Decimal
			for _, v := range row.AllocatedByPool {
				byPool = byPool.Add(v)
			}
			if !byPool.Equal(row.Allocated) {
				t.Errorf("%s: allocated by pool adds up to %s, allocated %s", w, byPool, row.Allocated)
			}
		}
		sum = sum.Add(row.Total)
	}
	near(where("(unallocated)"), r.Totals.Unallocated, a.Unallocated)
	if got := sum.Add(r.Totals.Unallocated); !got.Equal(r.Totals.Total) {
		t.Errorf("%s: rows + unallocated = %s, total %s", where(""), got, r.Totals.Total)
	}
	if want := a.Direct.Round(r.Places); !r.Totals.Total.Equal(want) {
		t.Errorf("%s: total %s, sum of direct costs rounded %s", where(""), r.Totals.Total, want)
	}
	if !revenue.Equal(r.Totals.Revenue) {
		t.Errorf("%s: rows' revenue adds up to %s, total %s", where(""), revenue, r.Totals.Revenue)
	}
	// Grouping changes the rows, never the totals.
	if !r.Exact.Total.Equal(a.Direct) || !r.Exact.Unallocated.Equal(a.Unallocated) {
		t.Errorf("%s: exact totals %s and %s, want %s and %s", where(""), r.Exact.Total, r.Exact.Unallocated, a.Direct, a.Unallocated)
	}
	for _, row := range r.Supporting {
		w := where(row.Name)
		near(w+" full cost", row.Total, row.Exact.Total)
		if !row.DirectTotal.Add(row.Allocated).Equal(row.Total) {
			t.Errorf("%s: direct %s + received %s != full cost %s", w, row.DirectTotal, row.Allocated, row.Total)
		}
	}
}

// TestPeriodsScale: a year is twelve months and four quarters, exactly,
// and unit cost and price do not depend on the period.
func TestPeriodsScale(t *testing.T) {
	c := randomCatalog(rand.New(rand.NewPCG(3, 4)), 60, shape{layers: 3})
	cfg := config.Default()
	year, quarter, month := cost.Allocate(c, cfg, "year"), cost.Allocate(c, cfg, "quarter"), cost.Allocate(c, cfg, "month")
	for i, y := range year.Services {
		q, m := quarter.Services[i], month.Services[i]
		if !y.Total.Equal(q.Total.Mul(decimal.FromInt(4))) || !y.Total.Equal(m.Total.Mul(decimal.FromInt(12))) {
			t.Errorf("%s: year %s, quarter %s, month %s", y.Service.Name, y.Total, q.Total, m.Total)
		}
		if (y.UnitCost == nil) != (m.UnitCost == nil) || y.UnitCost != nil && !y.UnitCost.Equal(*m.UnitCost) {
			t.Errorf("%s: unit cost %v per year, %v per month", y.Service.Name, y.UnitCost, m.UnitCost)
		}
	}
}
