// Package duration reads and writes the catalog's durations: "30s", "15m",
// "4h", "2d", "1w" or combinations such as "1h30m".
package duration

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Day and Week are the longer units the catalog format allows.
const (
	Day  = 24 * time.Hour
	Week = 7 * Day
)

var units = []struct {
	c byte
	d time.Duration
}{{'w', Week}, {'d', Day}, {'h', time.Hour}, {'m', time.Minute}, {'s', time.Second}}

// Parse reads a duration: one or more of a whole number followed by a
// unit, largest unit first.
func Parse(s string) (time.Duration, error) {
	if s == "" {
		return 0, fmt.Errorf("empty duration")
	}
	var total time.Duration
	rest := s
	next := 0 // index into units: each unit at most once, largest first
	for rest != "" {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 || i == len(rest) {
			return 0, fmt.Errorf("%q is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m", s)
		}
		n, err := strconv.ParseInt(rest[:i], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%q: number too large", s)
		}
		u := -1
		for j := next; j < len(units); j++ {
			if units[j].c == rest[i] {
				u = j
				break
			}
		}
		if u < 0 {
			return 0, fmt.Errorf("%q is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m", s)
		}
		if n > int64((1<<63-1)/units[u].d) {
			return 0, fmt.Errorf("%q: duration too long", s)
		}
		total += time.Duration(n) * units[u].d
		if total < 0 {
			return 0, fmt.Errorf("%q: duration too long", s)
		}
		next = u + 1
		rest = rest[i+1:]
	}
	return total, nil
}

// Format writes d in hours, minutes and seconds ("2h30m", "45m", "0s"),
// the form reports use: hours read best on a recovery timeline.
func Format(d time.Duration) string {
	if d == 0 {
		return "0s"
	}
	var b strings.Builder
	if d < 0 {
		b.WriteByte('-')
		d = max(-d, -(d + 1)) // -MinInt64 overflows
	}
	d = d.Round(time.Second)
	if d == 0 {
		return "0s" // less than half a second
	}
	h, m, s := d/time.Hour, (d%time.Hour)/time.Minute, (d%time.Minute)/time.Second
	if h > 0 {
		fmt.Fprintf(&b, "%dh", h)
	}
	if m > 0 {
		fmt.Fprintf(&b, "%dm", m)
	}
	if s > 0 {
		fmt.Fprintf(&b, "%ds", s)
	}
	return b.String()
}
