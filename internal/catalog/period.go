package catalog

import (
	"fmt"
	"strconv"
	"time"
)

// Period is a calendar period a Measurement covers: a month (2026-10), a
// quarter (2026-Q4) or a year (2026).
type Period struct {
	Year int
	// Month is 1..12 for a month, Quarter 1..4 for a quarter; both 0 for
	// a year.
	Month, Quarter int
}

// ParsePeriod reads YYYY-MM, YYYY-Qn or YYYY.
func ParsePeriod(s string) (Period, error) {
	bad := fmt.Errorf("period %q: want YYYY-MM, YYYY-Qn or YYYY", s)
	if len(s) < 4 {
		return Period{}, bad
	}
	y, err := strconv.Atoi(s[:4])
	if err != nil || y < 1000 || s[0] == '+' || s[0] == '-' {
		return Period{}, bad
	}
	rest := s[4:]
	switch {
	case rest == "":
		return Period{Year: y}, nil
	case len(rest) == 3 && rest[0] == '-' && rest[1] == 'Q' && rest[2] >= '1' && rest[2] <= '4':
		return Period{Year: y, Quarter: int(rest[2] - '0')}, nil
	case len(rest) == 3 && rest[0] == '-' && isDigit(rest[1]) && isDigit(rest[2]):
		m, _ := strconv.Atoi(rest[1:])
		if m >= 1 && m <= 12 {
			return Period{Year: y, Month: m}, nil
		}
	}
	return Period{}, bad
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// IsZero reports whether p is no period at all.
func (p Period) IsZero() bool { return p.Year == 0 }

// String writes p the way it is written in a catalog.
func (p Period) String() string {
	switch {
	case p.Month > 0:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Month)
	case p.Quarter > 0:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.Quarter)
	case p.Year > 0:
		return fmt.Sprintf("%04d", p.Year)
	}
	return ""
}

// Span is the period's length as a cost period: month, quarter or year.
func (p Period) Span() string {
	switch {
	case p.Month > 0:
		return "month"
	case p.Quarter > 0:
		return "quarter"
	}
	return "year"
}

// Months is the period's length in months.
func (p Period) Months() int {
	switch {
	case p.Month > 0:
		return 1
	case p.Quarter > 0:
		return 3
	}
	return 12
}

// Start is the first day of the period.
func (p Period) Start() time.Time {
	m := 1
	switch {
	case p.Month > 0:
		m = p.Month
	case p.Quarter > 0:
		m = 3*(p.Quarter-1) + 1
	}
	return time.Date(p.Year, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
}

// End is the first day after the period.
func (p Period) End() time.Time { return p.Start().AddDate(0, p.Months(), 0) }

// Later reports whether p is a later measurement period than q: it ends
// later, or ends at the same time and is shorter (the more recent figure).
func (p Period) Later(q Period) bool {
	if c := p.End().Compare(q.End()); c != 0 {
		return c > 0
	}
	return p.Months() < q.Months()
}
