package docs

import (
	"testing"
	"unicode/utf8"

	east "github.com/yuin/goldmark/extension/ast"

	"github.com/svccat/svccat/internal/mdtext"
)

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
			t.Skip("the Markdown escaper takes UTF-8 text; catalog files are refused before that")
		}
		src := "# t\n\n| a | b |\n| --- | --- |\n| " + mdtext.Inline(s) + " | z |\n"
		pp := parse(Page{Path: "x.md", Content: []byte(src)})
		for _, p := range checkPage(pp, map[string]parsedPage{"x.md": pp}, map[string]map[string]bool{"x.md": {}}) {
			t.Errorf("%q: %s", s, p)
		}
		tbl, ok := pp.doc.LastChild().(*east.Table)
		if !ok {
			t.Fatalf("%q: no table in\n%s", s, src)
		}
		cell := tbl.LastChild().FirstChild()
		if got, want := plainText(cell, pp.Content), mdtext.Plain(s); got != want {
			t.Errorf("%q renders as %q, want %q", s, got, want)
		}
	})
}
