package decimal

import (
	"math/big"
	"sort"
)

// Rounding is for display only: computations stay exact and round once,
// where a report shows a figure.

var ten = big.NewInt(10)

// pow10 returns 10^n for n >= 0.
func pow10(n int) *big.Int { return new(big.Int).Exp(ten, big.NewInt(int64(n)), nil) }

// Sum returns the exact sum of xs.
func Sum(xs ...Decimal) Decimal {
	var s Decimal
	for _, x := range xs {
		s = s.Add(x)
	}
	return s
}

// Round returns d rounded to places decimal places, halves away from
// zero (the way money is rounded on an invoice).
func (d Decimal) Round(places int) Decimal {
	scale := pow10(places)
	n := new(big.Int).Mul(d.rat().Num(), scale)
	den := d.rat().Denom()
	q, r := new(big.Int).QuoRem(n, den, new(big.Int)) // truncated towards zero
	// |r|*2 >= den means the dropped part is at least a half.
	if r.Sign() != 0 && new(big.Int).Lsh(new(big.Int).Abs(r), 1).Cmp(den) >= 0 {
		if n.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return own(new(big.Rat).SetFrac(q, scale))
}

// Fixed writes d rounded to places decimal places, halves away from zero,
// with exactly that many digits after the point: "1234.50".
func (d Decimal) Fixed(places int) string { return d.Round(places).FloatString(places) }

// Apportion rounds xs to places decimal places so that the rounded values
// add up to total, by the largest-remainder method: every value is first
// rounded down, and the units still missing from total go one each to the
// values that lost the most, earlier values first among equals. total
// should be the sum of xs rounded to places (or a parent figure rounded
// the same way); then every result is the exact value rounded down or up,
// so within one unit of the last place.
//
// If total is not reachable that way (it is not within len(xs) units of
// the rounded-down sum), the difference goes to the last value so that
// the sum still holds.
func Apportion(total Decimal, xs []Decimal, places int) []Decimal {
	out := make([]Decimal, len(xs))
	if len(xs) == 0 {
		return out
	}
	scale := new(big.Rat).SetInt(pow10(places))
	units := make([]*big.Int, len(xs))
	rems := make([]*big.Rat, len(xs))
	sum := new(big.Int)
	for i, x := range xs {
		v := new(big.Rat).Mul(x.rat(), scale)
		f := floorRat(v)
		units[i] = f
		rems[i] = v.Sub(v, new(big.Rat).SetInt(f))
		sum.Add(sum, f)
	}
	want := floorRat(new(big.Rat).Mul(total.Round(places).rat(), scale))
	missing := new(big.Int).Sub(want, sum)
	if missing.Sign() > 0 && missing.IsInt64() && missing.Int64() <= int64(len(xs)) {
		order := make([]int, len(xs))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return rems[order[a]].Cmp(rems[order[b]]) > 0 })
		for _, i := range order[:missing.Int64()] {
			units[i].Add(units[i], big.NewInt(1))
		}
	} else if missing.Sign() != 0 {
		units[len(units)-1].Add(units[len(units)-1], missing)
	}
	for i, u := range units {
		out[i] = own(new(big.Rat).SetFrac(u, pow10(places)))
	}
	return out
}

// floorRat returns the largest integer not above r.
func floorRat(r *big.Rat) *big.Int {
	// Div is Euclidean division; with a positive denominator it floors.
	return new(big.Int).Div(r.Num(), r.Denom())
}
