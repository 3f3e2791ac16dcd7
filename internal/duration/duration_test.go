package duration

import (
	"math"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	for s, want := range map[string]time.Duration{
		"30s":           30 * time.Second,
		"15m":           15 * time.Minute,
		"4h":            4 * time.Hour,
		"2d":            48 * time.Hour,
		"1w":            7 * 24 * time.Hour,
		"1h30m":         90 * time.Minute,
		"1w2d3h4m5s":    Week + 2*Day + 3*time.Hour + 4*time.Minute + 5*time.Second,
		"0s":            0,
		"0h0m":          0,
		"90m":           90 * time.Minute, // no carrying required
		"007m":          7 * time.Minute,
		"15250w":        15250 * Week,
		"2562047h":      2562047 * time.Hour,
		"106751d23h47m": 106751*Day + 23*time.Hour + 47*time.Minute,
		"9223372036s":   9223372036 * time.Second,
	} {
		got, err := Parse(s)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for s, want := range map[string]string{
		"":                      `empty duration`,
		"1":                     `"1" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`,
		"h":                     `"h" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`,
		"1.5h":                  `"1.5h" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`,
		"-1h":                   `"-1h" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`,
		"+1h":                   `"+1h" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`,
		" 1h":                   `" 1h" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`,
		"1h ":                   `"1h " is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`,
		"1 h":                   `"1 h" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`,
		"1H":                    `"1H" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`,
		"1ms":                   `"1ms" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`,
		"1y":                    `"1y" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`,
		"30m1h":                 `"30m1h" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`,
		"1h1h":                  `"1h1h" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`,
		"1h30":                  `"1h30" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`,
		"１h":                    `"１h" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`,
		"15251w":                `"15251w": duration too long`,
		"2562048h":              `"2562048h": duration too long`,
		"15250w1000d":           `"15250w1000d": duration too long`,
		"9223372037s":           `"9223372037s": duration too long`,
		"99999999999999999999s": `"99999999999999999999s": number too large`,
	} {
		_, err := Parse(s)
		if err == nil || err.Error() != want {
			t.Errorf("Parse(%q): got error %v, want %s", s, err, want)
		}
	}
}

func TestFormat(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                                "0s",
		30 * time.Second:                 "30s",
		90 * time.Minute:                 "1h30m",
		2*time.Hour + 30*time.Minute:     "2h30m",
		49 * time.Hour:                   "49h", // hours, not days: reports read on one scale
		Week:                             "168h",
		time.Hour + 5*time.Second:        "1h5s",
		1500 * time.Millisecond:          "2s",
		400 * time.Millisecond:           "0s",
		-400 * time.Millisecond:          "0s",
		-90 * time.Minute:                "-1h30m",
		time.Duration(math.MaxInt64):     "2562047h47m16s",
		time.Duration(math.MinInt64):     "-2562047h47m16s",
		time.Duration(math.MinInt64 + 1): "-2562047h47m16s",
		3*time.Hour + 59*time.Minute + 59*time.Second + 600*time.Millisecond: "4h",
	} {
		if got := Format(d); got != want {
			t.Errorf("Format(%v) = %q, want %q", d, got, want)
		}
	}
}

// TestRoundTrip: Format writes what Parse reads back, for whole seconds.
func TestRoundTrip(t *testing.T) {
	for _, d := range []time.Duration{0, time.Second, 59 * time.Second, time.Minute, 61 * time.Minute, 25 * time.Hour, 3*Week + 5*time.Second, 1234567 * time.Second} {
		got, err := Parse(Format(d))
		if err != nil || got != d {
			t.Errorf("Parse(Format(%v)) = %v, %v", d, got, err)
		}
	}
}
