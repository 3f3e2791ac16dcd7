package cost

import (
	"math/big"

	"github.com/svccat/svccat/internal/decimal"
)

// Periods are the reporting periods, shortest first.
var Periods = []string{"month", "quarter", "year"}

// months is the length of each period in months.
var months = map[string]int64{"month": 1, "quarter": 3, "year": 12}

// ValidPeriod reports whether p is month, quarter or year.
func ValidPeriod(p string) bool { _, ok := months[p]; return ok }

// periodFactor returns what an amount per period from is multiplied by to
// be per period to: month ×12 = year, quarter ×4 = year, and back.
func periodFactor(from, to string) *big.Rat {
	return big.NewRat(months[to], months[from])
}

// Convert returns an amount per period from as an amount per period to.
// Both must be valid periods.
func Convert(amount decimal.Decimal, from, to string) decimal.Decimal {
	if from == to {
		return amount
	}
	return amount.Mul(decimal.FromRat(periodFactor(from, to)))
}
