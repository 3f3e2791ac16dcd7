// Package safetext says which characters of catalog text must never reach
// output as they are, and writes text output (terminal lines, tables,
// GitHub workflow commands, graph labels) with them escaped. A catalog
// value can then forge no output line, no workflow command and no
// terminal escape, and cannot make text read other than it is.
package safetext

import (
	"fmt"
	"strings"
)

// IsControl reports whether r must not be printed as it is: C0 controls
// but tab, DEL, C1 controls, and the bidirectional embeddings, overrides
// and isolates (U+202A–U+202E, U+2066–U+2069). Line feed and carriage
// return count: a value must not start an output line.
func IsControl(r rune) bool {
	return r < 0x20 && r != '\t' || r >= 0x7f && r <= 0x9f ||
		r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// EscapeRune writes a control character the way Go quotes it: \n, \r,
// \x1b, \u202e.
func EscapeRune(r rune) string {
	switch r {
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	}
	if r < 0x100 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// Controls escapes the control characters of s but line breaks (LF and
// CR), for output languages that have their own way of writing a line
// break inside a value: GitHub workflow commands (%0A), graph labels.
func Controls(s string) string {
	return escape(s, func(r rune) bool { return r != '\n' && r != '\r' && IsControl(r) })
}

// Line is s for one line of text output: every control character (line
// breaks included) written as its escape, everything else as it is.
func Line(s string) string { return escape(s, IsControl) }

func escape(s string, control func(rune) bool) string {
	i := strings.IndexFunc(s, control)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if control(r) {
			b.WriteString(EscapeRune(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
