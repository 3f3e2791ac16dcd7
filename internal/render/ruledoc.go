package render

import (
	"strings"

	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/mdtext"
)

// RuleDocOf is what the printers need to know of r.
func RuleDocOf(r *lint.Rule) RuleDoc {
	return RuleDoc{Name: r.Name, Doc: r.Doc, Severity: r.Severity, Suppressible: r.Suppressible()}
}

// RuleDocsOf converts a rule list.
func RuleDocsOf(rs []*lint.Rule) []RuleDoc {
	out := make([]RuleDoc, len(rs))
	for i, r := range rs {
		out[i] = RuleDocOf(r)
	}
	return out
}

// docText is a rule's doc as plain text, its sections labelled and its
// examples indented four spaces: what `svccat rules ID` prints and SARIF's
// help text.
func docText(d lint.Doc) string {
	var b strings.Builder
	section := func(label, prose string) {
		if prose == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(label + " " + strings.TrimSpace(prose))
	}
	example := func(label, yaml string) {
		if yaml == "" {
			return
		}
		b.WriteString("\n\n" + label + "\n\n")
		b.WriteString(indent(strings.TrimRight(yaml, "\n"), "    "))
	}
	section("Why:", d.Why)
	example("Bad:", d.Bad)
	example("Good:", d.Good)
	section("Fix:", d.Fix)
	return b.String()
}

// docMarkdown is a rule's doc as Markdown: labelled sections, prose
// escaped, indented code and the examples as fenced YAML blocks.
func docMarkdown(d lint.Doc) string {
	var b strings.Builder
	section := func(label, prose string) {
		if prose == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString("**" + label + "** " + proseMarkdown(prose))
	}
	example := func(label, yaml string) {
		if yaml == "" {
			return
		}
		b.WriteString("\n\n**" + label + "**\n\n" + mdtext.Fence("yaml", yaml))
	}
	section("Why:", d.Why)
	example("Bad:", d.Bad)
	example("Good:", d.Good)
	section("Fix:", d.Fix)
	return b.String()
}

// proseMarkdown turns doc prose into Markdown: each paragraph's lines
// joined and escaped, a paragraph indented four spaces as a YAML block.
func proseMarkdown(prose string) string {
	var out []string
	for _, p := range strings.Split(strings.TrimSpace(prose), "\n\n") {
		if strings.HasPrefix(p, "    ") {
			var lines []string
			for _, l := range strings.Split(p, "\n") {
				lines = append(lines, strings.TrimPrefix(l, "    "))
			}
			out = append(out, mdtext.Fence("yaml", strings.Join(lines, "\n")))
			continue
		}
		out = append(out, mdtext.Inline(strings.Join(strings.Fields(p), " ")))
	}
	return strings.Join(out, "\n\n")
}

func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}
