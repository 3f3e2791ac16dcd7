package cost

import (
	"github.com/svccat/svccat/internal/decimal"
)

// Periods are the reporting periods, shortest first.
var Periods = []string{"month", "quarter", "year"}

// months is the length of each period in months.
var months = map[string]int64{"month": 1, "quarter": 3, "year": 12}

// ValidPeriod reports whether p is month, quarter or year.
func ValidPeriod(p string) bool { _, ok := months[p]; return ok }

// Convert returns an amount per period from as an amount per period to:
// month ×12 = year, quarter ×4 = year, and back. Both must be valid
// periods.
func Convert(amount decimal.Decimal, from, to string) decimal.Decimal {
	if from == to {
		return amount
	}
	v, _ := amount.Mul(decimal.FromInt(months[to])).Quo(decimal.FromInt(months[from]))
	return v
}
