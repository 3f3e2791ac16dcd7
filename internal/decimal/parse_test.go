package decimal_test

import (
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/decimal"
)

// TestParseIsExact: money read from its literal text never passes through
// a binary float, so 14.10 is fourteen-ten and 0.1 + 0.2 is 0.3.
func TestParseIsExact(t *testing.T) {
	for _, tc := range []struct{ in, rat, str, cents string }{
		{"14.10", "141/10", "14.1", "14.10"},
		{"14.50", "29/2", "14.5", "14.50"},
		{"8000.50", "16001/2", "8000.5", "8000.50"},
		{"0.1", "1/10", "0.1", "0.10"},
		{"0.01", "1/100", "0.01", "0.01"},
		{"1200", "1200", "1200", "1200.00"},
		{"-3", "-3", "-3", "-3.00"},
		{"1e3", "1000", "1000", "1000.00"},
		{"1.5E-2", "3/200", "0.015", "0.02"},
		{"1_000.25", "4001/4", "1000.25", "1000.25"},
		{"99999999999999999999.99", "9999999999999999999999/100", "99999999999999999999.99", "99999999999999999999.99"},
		{"0.000000000000000000001", "1/1000000000000000000000", "0.000000000000000000001", "0.00"},
	} {
		d, err := decimal.Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if got := d.Rat().RatString(); got != tc.rat {
			t.Errorf("Parse(%q) = %s, want exactly %s", tc.in, got, tc.rat)
		}
		if got := d.String(); got != tc.str {
			t.Errorf("Parse(%q).String() = %s, want %s", tc.in, got, tc.str)
		}
		if got := d.FloatString(2); got != tc.cents {
			t.Errorf("Parse(%q).FloatString(2) = %s, want %s", tc.in, got, tc.cents)
		}
	}
	sum := decimal.MustParse("0.1").Add(decimal.MustParse("0.2"))
	if !sum.Equal(decimal.MustParse("0.3")) {
		t.Errorf("0.1 + 0.2 = %s", sum)
	}
	// 14.10 × 1200 units is 16920 exactly; as float64 it would not be.
	if got := decimal.MustParse("14.10").Mul(decimal.FromInt(1200)).String(); got != "16920" {
		t.Errorf("14.10 * 1200 = %s", got)
	}
}

func TestParseRejects(t *testing.T) {
	for _, s := range []string{"", " ", "abc", "1/3", "12,50", "1.2.3", "NaN", "Inf", "-Inf", "$5", "5 USD",
		// Ten bytes, a million digits: every sum that carried one would
		// take seconds (YAML reads 1e-999999 as a float that underflows to 0).
		"1e-999999", "1E999999", "-1e+1001", "0x1p-999999", "1p-5000",
		"0." + strings.Repeat("0", 1000) + "1"} {
		if d, err := decimal.Parse(s); err == nil {
			t.Errorf("Parse(%q) = %s, want an error", s, d)
		}
	}
}

// The bounds on a literal leave every real number alone.
func TestParseWithinBounds(t *testing.T) {
	for _, s := range []string{"1e-1000", "1E+1000", "1.5e308", "0x1F", "0x1p-1000", "0." + strings.Repeat("0", 990) + "1"} {
		if _, err := decimal.Parse(s); err != nil {
			t.Errorf("Parse(%q): %v", s, err)
		}
	}
}
