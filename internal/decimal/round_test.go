package decimal

import (
	"strings"
	"testing"
)

func TestRound(t *testing.T) {
	for _, tc := range []struct {
		in     string
		places int
		want   string
	}{
		{"1.005", 2, "1.01"},
		{"1.0049", 2, "1.00"},
		{"-1.005", 2, "-1.01"},
		{"-1.004", 2, "-1.00"},
		{"2.5", 0, "3"},
		{"-2.5", 0, "-3"},
		{"1234.5", 2, "1234.50"},
		{"0.0001", 3, "0.000"},
	} {
		if got := MustParse(tc.in).Fixed(tc.places); got != tc.want {
			t.Errorf("Fixed(%s, %d) = %s, want %s", tc.in, tc.places, got, tc.want)
		}
	}
	third, _ := FromInt(100).Quo(FromInt(3))
	if got := third.Fixed(2); got != "33.33" {
		t.Errorf("100/3 = %s, want 33.33", got)
	}
}

func TestApportion(t *testing.T) {
	third, _ := FromInt(100).Quo(FromInt(3))
	for _, tc := range []struct {
		name  string
		total string
		xs    []Decimal
		want  string
	}{
		// Three thirds of 100: each rounds to 33.33, which loses a cent;
		// the first of the equal remainders gets it.
		{"thirds", "100", []Decimal{third, third, third}, "33.34 33.33 33.33"},
		// The largest remainder (.009) gets the missing cent.
		{"largest", "3.01", []Decimal{MustParse("1.001"), MustParse("1.009"), MustParse("1.000")}, "1.00 1.01 1.00"},
		{"exact", "3", []Decimal{MustParse("1"), MustParse("2")}, "1.00 2.00"},
		{"negative", "-1", []Decimal{MustParse("-0.335"), MustParse("-0.665")}, "-0.33 -0.67"},
		{"empty", "0", nil, ""},
	} {
		got := Apportion(MustParse(tc.total), tc.xs, 2)
		var s []string
		for _, d := range got {
			s = append(s, d.FloatString(2))
		}
		if strings.Join(s, " ") != tc.want {
			t.Errorf("%s: Apportion = %v, want %s", tc.name, s, tc.want)
		}
	}
}
