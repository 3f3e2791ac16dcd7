package validate

import (
	"fmt"
	"math/big"
	"time"

	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/duration"
)

// Ranges of SPEC §2 that the schema's patterns cannot express: beyond
// them a value would overflow (durations) or lose digits (money), so
// the decoder could not keep it; the schema reports it instead, at its
// position, rather than letting it be dropped.
const (
	// MaxDuration is 100 years of 365 days.
	MaxDuration = 876_000 * time.Hour
	// MaxMoneyIntDigits and MaxMoneyDecimals bound an amount of money.
	MaxMoneyIntDigits = 15
	MaxMoneyDecimals  = 6
)

// outOfRange says why a value that matches its pattern is still out of
// range, or "".
func outOfRange(bound, s string) string {
	switch bound {
	case "duration":
		d, err := duration.Parse(s)
		if err != nil || d > MaxDuration {
			return fmt.Sprintf("%s is out of range: a duration is at most 876000h (100 years)", s)
		}
	case "money":
		if !moneyInRange(s) {
			return fmt.Sprintf("%s is out of range: an amount has at most %d digits before the point and %d after", s, MaxMoneyIntDigits, MaxMoneyDecimals)
		}
	}
	return ""
}

var (
	moneyLimit = new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(MaxMoneyIntDigits), nil))
	moneyScale = new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(MaxMoneyDecimals), nil))
)

// moneyInRange reports whether an amount, however written (1e20 too), has
// at most 15 digits before the point and 6 after.
func moneyInRange(s string) bool {
	d, err := decimal.Parse(s)
	if err != nil {
		return true // not a number: the pattern has said so
	}
	r := new(big.Rat).Abs(d.Rat())
	if r.Cmp(moneyLimit) >= 0 {
		return false
	}
	return new(big.Rat).Mul(r, moneyScale).IsInt()
}
