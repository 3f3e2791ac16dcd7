package decimal

import (
	"math/big"
	"sort"
	"strings"
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
	if r, ok := d.roundSmall(places); ok {
		return r
	}
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
	if len(xs) == 0 {
		return make([]Decimal, 0)
	}
	if out, ok := apportionSmall(total, xs, places); ok {
		return out
	}
	out := make([]Decimal, len(xs))
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

// The small-form paths of Round and Apportion: the same results, computed
// in int64 when everything fits (!ok otherwise).

// scale64 returns 10^places when it fits in an int64.
func scale64(places int) (int64, bool) {
	if places < 0 || places > 18 {
		return 0, false
	}
	s := int64(1)
	for range places {
		s *= 10
	}
	return s, true
}

func (d Decimal) roundSmall(places int) (Decimal, bool) {
	scale, ok := scale64(places)
	if !ok || d.big != nil {
		return Decimal{}, false
	}
	n, ok := mul64(d.num, scale)
	if !ok {
		return Decimal{}, false
	}
	den := d.denom()
	q, r := n/den, n%den      // truncated towards zero
	if abs(r) >= den-abs(r) { // the dropped part is at least a half
		if n < 0 {
			q--
		} else {
			q++
		}
	}
	return normalized(q, scale), true
}

// unitsSmall returns floor(d × scale) and what is left over, a fraction
// in [0, 1).
func (d Decimal) unitsSmall(scale int64) (int64, Decimal, bool) {
	if d.big != nil {
		return 0, Decimal{}, false
	}
	n, ok := mul64(d.num, scale)
	if !ok {
		return 0, Decimal{}, false
	}
	den := d.denom()
	q := n / den
	if n%den != 0 && n < 0 {
		q--
	}
	return q, normalized(n-q*den, den), true
}

func apportionSmall(total Decimal, xs []Decimal, places int) ([]Decimal, bool) {
	scale, ok := scale64(places)
	if !ok {
		return nil, false
	}
	units := make([]int64, len(xs))
	rems := make([]Decimal, len(xs))
	var sum int64
	for i, x := range xs {
		u, rem, ok := x.unitsSmall(scale)
		if !ok {
			return nil, false
		}
		units[i], rems[i] = u, rem
		if sum, ok = add64(sum, u); !ok {
			return nil, false
		}
	}
	want, _, ok := total.Round(places).unitsSmall(scale)
	if !ok {
		return nil, false
	}
	missing, ok := add64(want, -sum)
	if !ok {
		return nil, false
	}
	switch {
	case missing > 0 && missing <= int64(len(xs)):
		order := make([]int, len(xs))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return rems[order[a]].Cmp(rems[order[b]]) > 0 })
		for _, i := range order[:missing] {
			units[i]++
		}
	case missing != 0:
		if units[len(units)-1], ok = add64(units[len(units)-1], missing); !ok {
			return nil, false
		}
	}
	out := make([]Decimal, len(xs))
	for i, u := range units {
		out[i] = normalized(u, scale)
	}
	return out, true
}

// Grouped writes d like Fixed, with thousands separated for people to
// read: "-1,234,567.50".
func (d Decimal) Grouped(places int) string {
	s := d.Fixed(places)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
