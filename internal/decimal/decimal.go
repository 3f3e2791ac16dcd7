// Package decimal holds exact decimal numbers: money, weights, volumes and
// objectives are read from their literal text and never pass through a
// binary float, so 14.10 stays fourteen-ten.
package decimal

import (
	"fmt"
	"math/big"
	"strings"
)

// Decimal is an exact rational number. The zero value is 0. Decimals are
// immutable: every operation returns a new value.
type Decimal struct {
	r *big.Rat
}

// Parse reads a decimal literal such as "14.50", "-3", "1e3" or "0.1".
func Parse(s string) (Decimal, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), "_", "")
	if t == "" || strings.ContainsAny(t, "/") {
		return Decimal{}, fmt.Errorf("%q is not a decimal number", s)
	}
	r, ok := new(big.Rat).SetString(t)
	if !ok {
		return Decimal{}, fmt.Errorf("%q is not a decimal number", s)
	}
	return Decimal{r: r}, nil
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
func FromInt(n int64) Decimal { return Decimal{r: new(big.Rat).SetInt64(n)} }

// FromRat returns a Decimal holding a copy of r.
func FromRat(r *big.Rat) Decimal { return Decimal{r: new(big.Rat).Set(r)} }

// Rat returns a copy of d as a big.Rat.
func (d Decimal) Rat() *big.Rat { return new(big.Rat).Set(d.rat()) }

var zero = new(big.Rat)

func (d Decimal) rat() *big.Rat {
	if d.r == nil {
		return zero
	}
	return d.r
}

func (d Decimal) Add(e Decimal) Decimal { return Decimal{r: new(big.Rat).Add(d.rat(), e.rat())} }
func (d Decimal) Sub(e Decimal) Decimal { return Decimal{r: new(big.Rat).Sub(d.rat(), e.rat())} }
func (d Decimal) Mul(e Decimal) Decimal { return Decimal{r: new(big.Rat).Mul(d.rat(), e.rat())} }

// Quo returns d / e; ok is false when e is zero.
func (d Decimal) Quo(e Decimal) (q Decimal, ok bool) {
	if e.Sign() == 0 {
		return Decimal{}, false
	}
	return Decimal{r: new(big.Rat).Quo(d.rat(), e.rat())}, true
}

func (d Decimal) Neg() Decimal             { return Decimal{r: new(big.Rat).Neg(d.rat())} }
func (d Decimal) Sign() int                { return d.rat().Sign() }
func (d Decimal) Cmp(e Decimal) int        { return d.rat().Cmp(e.rat()) }
func (d Decimal) Equal(e Decimal) bool     { return d.Cmp(e) == 0 }
func (d Decimal) IsZero() bool             { return d.Sign() == 0 }
func (d Decimal) IsInt() bool              { return d.rat().IsInt() }
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
