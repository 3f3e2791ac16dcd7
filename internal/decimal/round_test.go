package decimal

import (
	"math/big"
	"math/rand/v2"
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

// TestSmallPathsMatchBig: Round and Apportion give the same results on
// the int64 path as on the big.Rat one.
func TestSmallPathsMatchBig(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	asBig := func(d Decimal) Decimal { return Decimal{big: d.Rat()} }
	for i := 0; i < 5000; i++ {
		places := r.IntN(4)
		xs := make([]Decimal, 1+r.IntN(6))
		bigXs := make([]Decimal, len(xs))
		for j := range xs {
			xs[j] = FromRat(big.NewRat(r.Int64N(2_000_001)-1_000_000, 1+r.Int64N(240)))
			bigXs[j] = asBig(xs[j])
		}
		if a, b := xs[0].Round(places), asBig(xs[0]).Round(places); !a.Equal(b) {
			t.Fatalf("Round(%s, %d) = %s on int64, %s on big.Rat", xs[0], places, a, b)
		}
		total := Sum(xs...).Round(places)
		if r.IntN(4) == 0 { // a parent rounded the other way
			total = total.Add(FromRat(big.NewRat(1, 1000)).Round(places))
		}
		small, bigOut := Apportion(total, xs, places), Apportion(asBig(total), bigXs, places)
		for j := range small {
			if !small[j].Equal(bigOut[j]) {
				t.Fatalf("Apportion(%s, %v, %d) = %v on int64, %v on big.Rat", total, xs, places, small, bigOut)
			}
		}
	}
}

func TestGrouped(t *testing.T) {
	for _, c := range []struct {
		in     string
		places int
		want   string
	}{
		{"0", 2, "0.00"}, {"999.5", 0, "1,000"}, {"1234.5", 2, "1,234.50"},
		{"-1234567.891", 2, "-1,234,567.89"}, {"123", 0, "123"}, {"-0.004", 2, "0.00"},
	} {
		if got := MustParse(c.in).Grouped(c.places); got != c.want {
			t.Errorf("%s.Grouped(%d) = %q, want %q", c.in, c.places, got, c.want)
		}
	}
}
