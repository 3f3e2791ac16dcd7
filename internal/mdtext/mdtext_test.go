package mdtext

import "testing"

func TestInline(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Corporate Email", "Corporate Email"},
		{"A | B", `A \| B`},
		{"*bold* and _em_", `\*bold\* and \_em\_`},
		{"<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{"`code`", "\\`code\\`"},
		{"[link](x)", `\[link\](x)`},
		{"two\nlines\r\nand\rmore", "two lines and more"},
		{"  padded\t ", "padded"},
		{`back\slash`, `back\\slash`},
		{"~~strike~~", `\~\~strike\~\~`},
		{"$5 and $10", `\$5 and \$10`},
		{"# heading", `\# heading`},
		{"C# and F#", "C# and F#"},
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"= setext", `\= setext`},
		{"Data-Centre Network", "Data-Centre Network"},
		{"1. first", `1\. first`},
		{"2024) list", `2024\) list`},
		{"1.5 days", "1.5 days"},
		{"3.", `3\.`},
		{"R&D", "R&D"},
		{"&amp; &#60; &#x3C;", `\&amp; \&#60; \&#x3C;`},
		{"bell\a and \u202Ereversed", `bell\\x07 and \\u202ereversed`},
		{"\x1b[31mred\x1b[0m", `\\x1b\[31mred\\x1b\[0m`},
		{"del\x7f c1\u0080", `del\\x7f c1\\x80`},
		{"isolate\u2066x\u2069", `isolate\\u2066x\\u2069`},
		{"::error title=x::forged", "::error title=x::forged"},
		{"%0A and $x$", `%0A and \$x\$`},
		{"zero\u200dwidth joiner kept", "zero\u200dwidth joiner kept"},
		{"line\u2028separator", "line separator"},
		{"", ""},
	} {
		if got := Inline(c.in); got != c.want {
			t.Errorf("Inline(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	in := "First line\nsame paragraph.\n\n\n# Second | paragraph\r\n\r\n  \nThird."
	want := "First line same paragraph.\n\n\\# Second \\| paragraph\n\nThird."
	if got := Paragraphs(in); got != want {
		t.Errorf("Paragraphs = %q, want %q", got, want)
	}
}

func TestCode(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"missing-cost", "`missing-cost`"},
		{"a`b", "``a`b``"},
		{"`x`", "`` `x` ``"},
		{"a|b", `a\|b`}, // a code span cannot hold a table's pipe
		{"", ""},
	} {
		if got := Code(c.in); got != c.want {
			t.Errorf("Code(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestURL(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://wiki.example.com/runbooks/email", "<https://wiki.example.com/runbooks/email>"},
		{"http://x.example:8080/a?b=c&d=e#f", "<http://x.example:8080/a?b=c&d=e#f>"},
		{"javascript:alert(1)", "javascript:alert(1)"},
		{"https://x.example/<script>", `https://x.example/\<script\>`},
		{"https://x.example/a b", "https://x.example/a b"},
		{"data:text/html,<b>", `data:text/html,\<b\>`},
	} {
		if got := URL(c.in); got != c.want {
			t.Errorf("URL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSlug(t *testing.T) {
	var g Slugger
	for _, c := range []struct{ in, want string }{
		{"Business services", "business-services"},
		{"Market → segment → persona → service", "market--segment--persona--service"},
		{"Lint findings", "lint-findings"},
		{"Lint findings", "lint-findings-1"},
		{"Lint findings", "lint-findings-2"},
		{"Lint findings 1", "lint-findings-1-1"},
		{"C# & .NET (v2)", "c--net-v2"},
		{"Ünïcode Straße", "ünïcode-straße"},
	} {
		if got := g.Slug(c.in); got != c.want {
			t.Errorf("Slug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCell(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"-", "-"},
		{"+0.7%", "+0.7%"},
		{"# not a heading in a cell", "# not a heading in a cell"},
		{"1. x", "1. x"},
		{"a | b", `a \| b`},
		{"<b>\x1b", `\<b\>\\x1b`},
	} {
		if got := Cell(c.in); got != c.want {
			t.Errorf("Cell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
