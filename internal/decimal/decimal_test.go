package decimal

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// TestArithmeticMatchesBigRat checks every operation against big.Rat on
// random operands, small ones and ones near the int64 limits, where the
// small form overflows into big.Rat (and results shrink back).
func TestArithmeticMatchesBigRat(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func() *big.Rat {
		var n, d int64
		switch r.IntN(4) {
		case 0: // cents
			n, d = r.Int64N(2_000_000)-1_000_000, 100
		case 1: // small fractions
			n, d = r.Int64N(41)-20, 1+r.Int64N(12)
		case 2: // near the limits
			n, d = math.MaxInt64-r.Int64N(3), 1+r.Int64N(3)
			if r.IntN(2) == 0 {
				n = -n
			}
		default: // beyond them
			x := new(big.Rat).SetFrac64(math.MaxInt64, 1+r.Int64N(5))
			return x.Mul(x, big.NewRat(r.Int64N(1000)-500, 7))
		}
		return big.NewRat(n, d)
	}
	same := func(op string, x, y *big.Rat, got Decimal, want *big.Rat) {
		t.Helper()
		if got.rat().Cmp(want) != 0 {
			t.Fatalf("%s %s %s = %s, want %s", x.RatString(), op, y.RatString(), got.rat().RatString(), want.RatString())
		}
		if got.big == nil && (got.den < 0 || got.num == math.MinInt64 || (got.den > 1 && gcd(abs(got.num), got.den) != 1)) {
			t.Fatalf("%s %s %s: small form %d/%d not in lowest terms", x.RatString(), op, y.RatString(), got.num, got.den)
		}
	}
	for i := 0; i < 20000; i++ {
		x, y := pick(), pick()
		a, b := FromRat(x), FromRat(y)
		same("+", x, y, a.Add(b), new(big.Rat).Add(x, y))
		same("-", x, y, a.Sub(b), new(big.Rat).Sub(x, y))
		same("*", x, y, a.Mul(b), new(big.Rat).Mul(x, y))
		if y.Sign() != 0 {
			q, ok := a.Quo(b)
			if !ok {
				t.Fatalf("%s / %s: not ok", x, y)
			}
			same("/", x, y, q, new(big.Rat).Quo(x, y))
		}
		if got, want := a.Cmp(b), x.Cmp(y); got != want {
			t.Fatalf("cmp(%s, %s) = %d, want %d", x, y, got, want)
		}
		if a.Sign() != x.Sign() || a.IsInt() != x.IsInt() {
			t.Fatalf("%s: sign %d int %v", x, a.Sign(), a.IsInt())
		}
	}
}

func TestZeroValue(t *testing.T) {
	var z Decimal
	if !z.IsZero() || !z.IsInt() || z.String() != "0" || !z.Equal(FromInt(0)) || !z.Add(FromInt(2)).Equal(FromInt(2)) {
		t.Errorf("zero value misbehaves: %s", z)
	}
	if _, ok := FromInt(1).Quo(z); ok {
		t.Error("division by zero is ok")
	}
	if got := FromInt(math.MinInt64).Neg().String(); got != "9223372036854775808" {
		t.Errorf("-MinInt64 = %s", got)
	}
}
