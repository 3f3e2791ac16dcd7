package rules

import (
	"math/big"
	"strings"

	"github.com/svccat/svccat/internal/decimal"
)

// floor rounds v down to n decimals. Messages that say "at most" or
// "recovers" round down so that what they print stays true.
func floor(v decimal.Decimal, n int) decimal.Decimal {
	r := v.Rat()
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
	q := new(big.Int).Mul(r.Num(), scale)
	// Euclidean division: rounds toward minus infinity for a positive
	// divisor (the denominator always is).
	q.Div(q, r.Denom())
	return decimal.FromRat(new(big.Rat).SetFrac(q, scale))
}

// places counts v's decimals as String writes them.
func places(v decimal.Decimal) int {
	_, frac, _ := strings.Cut(v.String(), ".")
	return len(frac)
}
