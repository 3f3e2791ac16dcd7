package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/graph"
	"github.com/svccat/svccat/internal/safetext"
	"github.com/svccat/svccat/internal/source"
)

// hostile is a catalog value that tries everything an output language
// could act on: a terminal escape, CR and LF that would start a line, a
// bidi override, a forged workflow command (both a line start and the
// toolkit's own %0A), HTML, maths and a table's pipe.
const hostile = "x\x1b[31mred\rCR\nLF::error file=a,line=1::forged\u202eRTL\u2066iso %0A::warning::w <script>alert(1)</script> $x$ | pipe \x07\x7f\u0085"

// noRawControls fails when out holds a control character other than the
// printer's own line breaks (and tabs).
func noRawControls(t *testing.T, what string, out []byte) {
	t.Helper()
	for i, r := range string(out) {
		if r != '\n' && safetext.IsControl(r) {
			t.Errorf("%s: raw %s at byte %d:\n%q", what, safetext.EscapeRune(r), i, out)
			return
		}
	}
}

// lines counts output lines.
func lines(out []byte) int { return bytes.Count(out, []byte("\n")) }

func TestHostileLintOutput(t *testing.T) {
	fs := []finding.Finding{
		{Rule: "missing-cost", Severity: finding.Info, Pos: source.Pos{File: "cat\x1b]0;pwned\x07/\u202eevil.yaml", Line: 3, Col: 9},
			Entity: "Service/wiki", Key: "spec.cost", Message: "service " + hostile},
		{Rule: "schema", Severity: finding.Error, Pos: source.Pos{File: "a.yaml", Line: 1, Col: 1}, Key: "spec", Message: hostile},
	}
	in := FindingsInput{Findings: fs, Summary: finding.Summarize(fs, finding.Summary{Files: 2, Entities: 1}), Rules: findingsRules}
	for _, format := range []string{"text", "github", "markdown"} {
		t.Run(format, func(t *testing.T) {
			out := findingsOutput(t, format, in)
			noRawControls(t, format, out)
			switch format {
			case "text", "github":
				// One line per finding and the summary: no value starts a line.
				if n := lines(out); n != len(fs)+1 {
					t.Errorf("%d lines, want %d:\n%s", n, len(fs)+1, out)
				}
				for i, l := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
					if format == "github" && i < len(fs) != strings.HasPrefix(l, "::") {
						t.Errorf("line %d: a workflow command where none belongs, or none where one does: %q", i+1, l)
					}
				}
				if !bytes.Contains(out, []byte(`\x1b[31m`)) || !bytes.Contains(out, []byte(`\u202e`)) {
					t.Errorf("the escape and the bidi override are not shown as \\x1b and \\u202e:\n%s", out)
				}
			case "markdown":
				checkMarkdownInert(t, out)
			}
		})
	}
}

// checkMarkdownInert renders Markdown as GitHub does and fails on HTML
// or maths coming from catalog text.
func checkMarkdownInert(t *testing.T, out []byte) {
	t.Helper()
	var html bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := md.Convert(out, &html); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", "\x1b", "\u202e"} {
		if strings.Contains(html.String(), bad) {
			t.Errorf("rendered Markdown holds %q:\n%s", bad, html.String())
		}
	}
	// An unescaped $ would open maths on GitHub.
	if strings.Contains(string(out), " $x$") {
		t.Errorf("$x$ is not escaped:\n%s", out)
	}
}

func TestHostileRestoreOutput(t *testing.T) {
	p := oddPlan()
	p.Steps[0].Title = hostile
	p.Steps[1].Runbook = hostile
	p.Steps[1].Segments = []string{hostile, "finance"}
	plain := oddPlan()
	for _, format := range []string{"table", "markdown", "mermaid"} {
		t.Run(format, func(t *testing.T) {
			var got, want bytes.Buffer
			if err := Restore(&got, format, RestoreInput{Plan: p}); err != nil {
				t.Fatal(err)
			}
			if err := Restore(&want, format, RestoreInput{Plan: plain}); err != nil {
				t.Fatal(err)
			}
			noRawControls(t, format, got.Bytes())
			if lines(got.Bytes()) != lines(want.Bytes()) {
				t.Errorf("a hostile value changed the number of lines from %d to %d:\n%s", lines(want.Bytes()), lines(got.Bytes()), got.Bytes())
			}
			if format == "markdown" {
				checkMarkdownInert(t, got.Bytes())
			}
		})
	}
}

func TestHostileGraphOutput(t *testing.T) {
	g := &graph.Graph{Nodes: []graph.Node{{Name: "a", Title: hostile, Type: "business"}, {Name: "b", Title: "plain", Type: "supporting"}},
		Edges: []graph.Edge{{From: "a", To: "b", Hard: true}}}
	for _, format := range GraphFormats.Names() {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Graph(&buf, format, GraphInput{Graph: g}); err != nil {
				t.Fatal(err)
			}
			noRawControls(t, format, buf.Bytes())
			// A quoted DOT label is text to Graphviz; Mermaid reads HTML.
			if format == "mermaid" && strings.Contains(buf.String(), "<script") {
				t.Errorf("%s: raw HTML in a label:\n%s", format, buf.String())
			}
		})
	}
}
