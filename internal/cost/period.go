package cost

import (
	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
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

// servicePeriod is the period a service's cost and planned volume are
// per: the cost's own period, else base (the config's).
func servicePeriod(s *catalog.Service, base string) string {
	if s.Cost != nil && ValidPeriod(s.Cost.Period) {
		return s.Cost.Period
	}
	return base
}

// PlannedIn is a service's planned volume per period (month, quarter or
// year), converted from its cost period the way Allocate converts it; nil
// without a planned volume.
func PlannedIn(s *catalog.Service, cfg *config.Config, period string) *decimal.Decimal {
	if s.Consumption == nil || s.Consumption.Planned == nil || !ValidPeriod(period) {
		return nil
	}
	base := "year"
	if cfg != nil && ValidPeriod(cfg.Period) {
		base = cfg.Period
	}
	v := Convert(*s.Consumption.Planned, servicePeriod(s, base), period)
	return &v
}
