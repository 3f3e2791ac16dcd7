package docs

import (
	"testing"
	"unicode/utf8"

	east "github.com/yuin/goldmark/extension/ast"
)

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
		{"R&D", "R&D"},
		{"&amp; &#60; &#x3C;", `\&amp; \&#60; \&#x3C;`},
		{"bell\a and \u202Ereversed", "bell and reversed"},
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

func TestRelPath(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"index.md", "services/a.md", "services/a.md"},
		{"services/a.md", "services/b.md", "b.md"},
		{"services/a.md", "teams/t.md", "../teams/t.md"},
		{"services/a.md", "index.md#business-services", "../index.md#business-services"},
		{"index.md", "index.md#markets", "index.md#markets"},
	} {
		if got := relPath(c.from, c.to); got != c.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
}

// FuzzInline checks that no text escapes a table cell: once escaped and
// put in a cell, the row still has two cells, no HTML or link appears, and
// the cell renders as the text itself.
func FuzzInline(f *testing.F) {
	for _, s := range []string{"a | b", "<script>", "`x`", "[a](b)", "# h", "1. x", `\|`, "&amp;", "*a*", "x\ny", "www.example.com", "a\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip()
		}
		src := "# t\n\n| a | b |\n| --- | --- |\n| " + Inline(s) + " | z |\n"
		pp := parse(Page{Path: "x.md", Content: []byte(src)})
		for _, p := range checkPage(pp, map[string]parsedPage{"x.md": pp}, map[string]map[string]bool{"x.md": {}}) {
			t.Errorf("%q: %s", s, p)
		}
		tbl, ok := pp.doc.LastChild().(*east.Table)
		if !ok {
			t.Fatalf("%q: no table in\n%s", s, src)
		}
		cell := tbl.LastChild().FirstChild()
		if got, want := plainText(cell, pp.Content), oneLine(s); got != want {
			t.Errorf("%q renders as %q, want %q", s, got, want)
		}
	})
}
