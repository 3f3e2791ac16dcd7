package safetext

import "testing"

func TestLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text, tabs\tkept", "plain text, tabs\tkept"},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"one\ntwo\r\nthree", `one\ntwo\r\nthree`},
		{"::error file=x::forged", "::error file=x::forged"}, // cannot start a line
		{"a\x00b\x7fc\u0085d", `a\x00b\x7fc\x85d`},
		{"\u202eevil\u202c", `\u202eevil\u202c`},
		{"iso\u2066late\u2069", `iso\u2066late\u2069`},
		{"ünïcode \u200d joiner", "ünïcode \u200d joiner"},
		{"%0A stays", "%0A stays"},
		{"", ""},
	} {
		if got := Line(c.in); got != c.want {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
