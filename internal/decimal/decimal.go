// Package decimal holds exact decimal numbers: money, weights, volumes and
// objectives are read from their literal text and never pass through a
// binary float, so 14.10 stays fourteen-ten.
package decimal

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Decimal is an exact rational number. The zero value is 0. Decimals are
// immutable: every operation returns a new value.
//
// A value whose numerator and denominator fit in an int64 (nearly every
// amount, weight and share in a catalog) is held as two integers and
// computed without allocating; a larger one as a big.Rat. The two forms
// are the same number: which one a value has is not observable.
type Decimal struct {
	// Small form, when big is nil: num/den in lowest terms, den > 0, and
	// neither is math.MinInt64 (so negating never overflows). den == 0 is
	// the zero value, 0.
	num, den int64
	big      *big.Rat // never modified once set
}

// maxLiteral bounds a literal's length and the size of its exponent. YAML
// reads 1e-999999 as a float (it underflows to 0), but its exact value has
// a million digits, and every sum and comparison that carried it would take
// seconds: ten bytes of a catalog must not stall a lint run. No amount,
// weight, volume or objective comes near the bound.
const maxLiteral = 1000

// Parse reads a decimal literal such as "14.50", "-3", "1e3" or "0.1".
func Parse(s string) (Decimal, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), "_", "")
	if t == "" || strings.ContainsAny(t, "/") {
		return Decimal{}, fmt.Errorf("%q is not a decimal number", s)
	}
	if len(t) > maxLiteral || !exponentWithin(t, maxLiteral) {
		return Decimal{}, fmt.Errorf("%.40q is too large or too precise a number", s)
	}
	r, ok := new(big.Rat).SetString(t)
	if !ok {
		return Decimal{}, fmt.Errorf("%q is not a decimal number", s)
	}
	return own(r), nil
}

// exponentWithin reports whether the exponent of literal t, if it has
// one, is at most max in size. Exponents are decimal after e or E, or
// binary after p or P; a hexadecimal mantissa takes only p (e is a digit
// there).
func exponentWithin(t string, max int) bool {
	m := strings.TrimLeft(t, "+-")
	marks := "eEpP"
	if strings.HasPrefix(m, "0x") || strings.HasPrefix(m, "0X") {
		marks = "pP"
	}
	i := strings.IndexAny(m, marks)
	if i < 0 {
		return true
	}
	e, err := strconv.Atoi(m[i+1:])
	return err == nil && -max <= e && e <= max
}

// MustParse is Parse for literals in code and tests.
func MustParse(s string) Decimal {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// FromInt returns n as a Decimal.
func FromInt(n int64) Decimal {
	if n == math.MinInt64 {
		return Decimal{big: new(big.Rat).SetInt64(n)}
	}
	return Decimal{num: n, den: 1}
}

// FromRat returns r as a Decimal; r is not kept.
func FromRat(r *big.Rat) Decimal {
	if d, ok := smallOf(r); ok {
		return d
	}
	return Decimal{big: new(big.Rat).Set(r)}
}

// own returns r as a Decimal, keeping r when it does not fit the small
// form: the caller must not modify r afterwards.
func own(r *big.Rat) Decimal {
	if d, ok := smallOf(r); ok {
		return d
	}
	return Decimal{big: r}
}

func smallOf(r *big.Rat) (Decimal, bool) {
	n, d := r.Num(), r.Denom()
	if !n.IsInt64() || !d.IsInt64() || n.Int64() == math.MinInt64 {
		return Decimal{}, false
	}
	return Decimal{num: n.Int64(), den: d.Int64()}, true
}

// Rat returns a copy of d as a big.Rat.
func (d Decimal) Rat() *big.Rat { return new(big.Rat).Set(d.rat()) }

// rat returns d as a big.Rat the caller must not modify.
func (d Decimal) rat() *big.Rat {
	if d.big != nil {
		return d.big
	}
	return new(big.Rat).SetFrac64(d.num, d.denom())
}

func (d Decimal) denom() int64 {
	if d.den == 0 {
		return 1
	}
	return d.den
}

func (d Decimal) Add(e Decimal) Decimal {
	if d.big == nil && e.big == nil {
		if s, ok := addSmall(d.num, d.denom(), e.num, e.denom()); ok {
			return s
		}
	}
	return own(new(big.Rat).Add(d.rat(), e.rat()))
}

func (d Decimal) Sub(e Decimal) Decimal { return d.Add(e.Neg()) }

func (d Decimal) Mul(e Decimal) Decimal {
	if d.big == nil && e.big == nil {
		if p, ok := mulSmall(d.num, d.denom(), e.num, e.denom()); ok {
			return p
		}
	}
	return own(new(big.Rat).Mul(d.rat(), e.rat()))
}

// Quo returns d / e; ok is false when e is zero.
func (d Decimal) Quo(e Decimal) (q Decimal, ok bool) {
	if e.Sign() == 0 {
		return Decimal{}, false
	}
	if d.big == nil && e.big == nil {
		// d / (n/m) = d × (m/n), the sign moved to the numerator.
		n, m := e.num, e.denom()
		if n < 0 {
			n, m = -n, -m
		}
		if p, ok := mulSmall(d.num, d.denom(), m, n); ok {
			return p, true
		}
	}
	return own(new(big.Rat).Quo(d.rat(), e.rat())), true
}

func (d Decimal) Neg() Decimal {
	if d.big == nil {
		return Decimal{num: -d.num, den: d.den}
	}
	return own(new(big.Rat).Neg(d.big))
}

func (d Decimal) Sign() int {
	if d.big != nil {
		return d.big.Sign()
	}
	switch {
	case d.num > 0:
		return 1
	case d.num < 0:
		return -1
	}
	return 0
}

func (d Decimal) Cmp(e Decimal) int {
	if d.big == nil && e.big == nil {
		// a/b vs c/d is a·d vs c·b (b, d > 0).
		l, ok1 := mul64(d.num, e.denom())
		r, ok2 := mul64(e.num, d.denom())
		if ok1 && ok2 {
			switch {
			case l < r:
				return -1
			case l > r:
				return 1
			}
			return 0
		}
	}
	return d.rat().Cmp(e.rat())
}

func (d Decimal) Equal(e Decimal) bool { return d.Cmp(e) == 0 }
func (d Decimal) IsZero() bool         { return d.Sign() == 0 }

func (d Decimal) IsInt() bool {
	if d.big != nil {
		return d.big.IsInt()
	}
	return d.denom() == 1
}

func (d Decimal) FloatString(n int) string { return d.rat().FloatString(n) }

// String writes d exactly when it has a finite decimal expansion (trailing
// zeros dropped), and otherwise to 10 places.
func (d Decimal) String() string {
	r := d.rat()
	if r.IsInt() {
		return r.Num().String()
	}
	if n, exact := r.FloatPrec(); exact {
		return r.FloatString(n)
	}
	return r.FloatString(10)
}

// Small-form arithmetic: each step is checked, and reports !ok when a
// number would not fit, so the caller falls back to big.Rat.

func addSmall(a, b, c, d int64) (Decimal, bool) {
	if b == d { // the common case: same denominator, often 1
		n, ok := add64(a, c)
		if !ok {
			return Decimal{}, false
		}
		return normalized(n, b), true
	}
	g := gcd(b, d)
	bg, dg := b/g, d/g
	den, ok1 := mul64(bg, d) // lcm(b, d)
	x, ok2 := mul64(a, dg)
	y, ok3 := mul64(c, bg)
	if !ok1 || !ok2 || !ok3 {
		return Decimal{}, false
	}
	n, ok := add64(x, y)
	if !ok {
		return Decimal{}, false
	}
	return normalized(n, den), true
}

func mulSmall(a, b, c, d int64) (Decimal, bool) {
	// Cancel across first so the products stay as small as they can:
	// (a/g1 · c/g2) / (b/g2 · d/g1) is in lowest terms.
	g1, g2 := gcd(abs(a), d), gcd(abs(c), b)
	n, ok1 := mul64(a/g1, c/g2)
	m, ok2 := mul64(b/g2, d/g1)
	if !ok1 || !ok2 {
		return Decimal{}, false
	}
	if n == 0 {
		return Decimal{}, true
	}
	return Decimal{num: n, den: m}, true
}

// normalized returns n/d (d > 0) in lowest terms.
func normalized(n, d int64) Decimal {
	if n == 0 {
		return Decimal{}
	}
	if d != 1 {
		if g := gcd(abs(n), d); g != 1 {
			n, d = n/g, d/g
		}
	}
	return Decimal{num: n, den: d}
}

// mul64 and add64 report !ok on overflow, and on a result of MinInt64,
// which the small form excludes.
func mul64(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	p := a * b
	if p/b != a || p == math.MinInt64 {
		return 0, false
	}
	return p, true
}

func add64(a, b int64) (int64, bool) {
	s := a + b
	if (a > 0 && b > 0 && s < 0) || (a < 0 && b < 0 && s >= 0) || s == math.MinInt64 {
		return 0, false
	}
	return s, true
}

// gcd of a >= 0 and b > 0 (or a > 0 and b >= 0).
func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func abs(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}
