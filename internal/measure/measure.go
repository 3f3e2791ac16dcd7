// Package measure computes what services did against what was planned
// (the service review) and the relationship map with the people who speak
// for the segments. It is pure: catalog and config in, figures out.
package measure

import (
	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/decimal"
)

var hundred = decimal.FromInt(100)

// Latest is the service's latest measurement: the one whose period ends
// last, on a tie the shorter period; nil without one. Measurements
// without a readable period are left out.
func Latest(s *catalog.Service) *catalog.Measurement {
	var best *catalog.Measurement
	for _, m := range s.Measurements {
		if m.Period.IsZero() {
			continue
		}
		if best == nil || m.Period.Later(best.Period) {
			best = m
		}
	}
	return best
}

// InPeriod is the service's measurement of exactly period p, or nil.
func InPeriod(s *catalog.Service, p catalog.Period) *catalog.Measurement {
	for _, m := range s.Measurements {
		if m.Period == p {
			return m
		}
	}
	return nil
}

// Figures are one service's measures in one period. A value the
// measurement or the service does not give is nil.
type Figures struct {
	Measurement *catalog.Measurement // nil: no measurement
	// Planned is the planned volume converted to the measurement's
	// period; Consumed is what the measurement says.
	Planned, Consumed *decimal.Decimal
	// VariancePercent is (Consumed − Planned) / Planned × 100, signed;
	// nil without both or with nothing planned.
	VariancePercent *decimal.Decimal
	// Objective is the availability objective (the strictest) and
	// Availability the measured one, in percent.
	Objective, Availability *decimal.Decimal
	// SLOMet is Availability ≥ Objective; nil without both.
	SLOMet       *bool
	Satisfaction *Satisfaction
}

// Satisfaction is a survey's result; Percent = Score / Scale × 100.
type Satisfaction struct {
	Score, Scale decimal.Decimal
	Responses    *int64
	Percent      decimal.Decimal
}

// Measure computes the figures of service s from measurement m (nil for
// none: then only the objective is known).
func Measure(s *catalog.Service, m *catalog.Measurement, cfg *config.Config) Figures {
	f := Figures{Measurement: m}
	if o, ok := s.Availability(); ok {
		f.Objective = &o
	}
	if m == nil {
		return f
	}
	f.Planned = cost.PlannedIn(s, cfg, m.Period.Span())
	f.Consumed = m.Consumed
	f.VariancePercent = variance(f.Consumed, f.Planned)
	f.Availability = m.Availability
	if f.Objective != nil && f.Availability != nil {
		met := f.Availability.Cmp(*f.Objective) >= 0
		f.SLOMet = &met
	}
	if sv := m.Satisfaction; sv != nil {
		f.Satisfaction = &Satisfaction{Score: sv.Score, Scale: sv.Scale, Responses: sv.Responses, Percent: percentOf(sv.Score, sv.Scale)}
	}
	return f
}

// variance is (consumed − planned) / planned × 100; nil when either is
// missing or nothing was planned.
func variance(consumed, planned *decimal.Decimal) *decimal.Decimal {
	if consumed == nil || planned == nil || planned.Sign() == 0 {
		return nil
	}
	v, _ := consumed.Sub(*planned).Mul(hundred).Quo(*planned)
	return &v
}

func percentOf(score, scale decimal.Decimal) decimal.Decimal {
	v, _ := score.Mul(hundred).Quo(scale)
	return v
}

// Abs is |d|.
func Abs(d decimal.Decimal) decimal.Decimal {
	if d.Sign() < 0 {
		return d.Neg()
	}
	return d
}
