package render

import (
	"bufio"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/mdtext"
)

// RuleListFormats are the formats of `svccat rules`; RuleFormats those
// of `svccat rules ID`. They have the same names.
var (
	RuleListFormats = Formats[[]RuleDoc]{{"text", rulesText}, {"json", rulesJSON}, {"markdown", rulesMarkdown}}
	RuleFormats     = Formats[RuleDoc]{{"text", ruleText}, {"json", ruleJSON}, {"markdown", ruleMarkdown}}
)

type jsonRule struct {
	ID              string `json:"id"`
	DefaultSeverity string `json:"defaultSeverity"`
	Title           string `json:"title"`
	Why             string `json:"why"`
	Bad             string `json:"bad"`
	Good            string `json:"good"`
	Fix             string `json:"fix"`
	// Doc is the whole doc as `svccat rules ID` prints it.
	Doc          string `json:"doc"`
	Suppressible bool   `json:"suppressible"`
}

func jsonRuleOf(r RuleDoc) jsonRule {
	return jsonRule{
		ID: r.Name, DefaultSeverity: r.Severity.String(), Title: r.Doc.Title,
		Why: r.Doc.Why, Bad: r.Doc.Bad, Good: r.Doc.Good, Fix: r.Doc.Fix,
		Doc: docText(r.Doc), Suppressible: r.Suppressible,
	}
}

// Rules lists rules: an aligned table (text), {"rules":[…]} (json), or
// the Markdown table the README carries (markdown).
func Rules(w io.Writer, format string, rules []RuleDoc) error {
	return RuleListFormats.Write(w, format, rules)
}

func rulesText(w io.Writer, rules []RuleDoc) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tDEFAULT\tWHAT IT FINDS")
	for _, r := range rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Name, r.Severity, r.Doc.Title)
	}
	return tw.Flush()
}

func rulesJSON(w io.Writer, rules []RuleDoc) error {
	out := struct {
		Rules []jsonRule `json:"rules"`
	}{Rules: []jsonRule{}}
	for _, r := range rules {
		out.Rules = append(out.Rules, jsonRuleOf(r))
	}
	return WriteJSON(w, out)
}

func rulesMarkdown(w io.Writer, rules []RuleDoc) error {
	bw := bufio.NewWriter(w)
	rulesTable(bw, rules, false)
	return bw.Flush()
}

// rulesTable writes the Markdown table of rules; with anchors, each id
// links to its section of the page (doc/rules.md).
func rulesTable(w io.Writer, rules []RuleDoc, anchors bool) {
	fmt.Fprintln(w, "| id | default | what it finds |")
	fmt.Fprintln(w, "| --- | --- | --- |")
	for _, r := range rules {
		id := "`" + r.Name + "`"
		if anchors {
			id = "[" + id + "](#" + r.Name + ")"
		}
		fmt.Fprintf(w, "| %s | %s | %s |\n", id, r.Severity, mdtext.Cell(r.Doc.Title))
	}
}

// Rule explains one rule: its title, default severity, how to configure
// and suppress it, then its doc.
func Rule(w io.Writer, format string, r RuleDoc) error {
	return RuleFormats.Write(w, format, r)
}

func ruleText(w io.Writer, r RuleDoc) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s: %s\n\n", r.Name, r.Doc.Title)
	fmt.Fprintf(bw, "Default:    %s\n", r.Severity)
	fmt.Fprintf(bw, "Configure:  rules: {%s: error|warning|info|off} in .svccat.yaml\n", r.Name)
	if r.Suppressible {
		fmt.Fprintf(bw, "Suppress:   annotations: {%s: %s, %s: \"why\"}\n", lint.IgnoreAnnotation, r.Name, lint.IgnoreReasonAnnotation)
	} else {
		fmt.Fprint(bw, "Suppress:   not on an entity; its findings cannot be suppressed\n")
	}
	fmt.Fprintf(bw, "\n%s\n", docText(r.Doc))
	return bw.Flush()
}

func ruleJSON(w io.Writer, r RuleDoc) error { return WriteJSON(w, jsonRuleOf(r)) }

func ruleMarkdown(w io.Writer, r RuleDoc) error {
	bw := bufio.NewWriter(w)
	ruleSection(bw, r)
	return bw.Flush()
}

// ruleSection is one rule's section of the reference page.
func ruleSection(w io.Writer, r RuleDoc) {
	fmt.Fprintf(w, "## `%s`\n\n%s.\n\nDefault severity: %s.", r.Name, mdtext.Cell(upperFirst(r.Doc.Title)), r.Severity)
	if !r.Suppressible {
		fmt.Fprint(w, " Its findings cannot be suppressed.")
	}
	fmt.Fprintf(w, "\n\n%s\n", docMarkdown(r.Doc))
}

// RulesReference writes the rule reference page (doc/rules.md): an
// introduction, the table, and every rule's doc.
func RulesReference(w io.Writer, rules []RuleDoc) error {
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, rulesReferenceIntro)
	rulesTable(bw, rules, true)
	for _, r := range rules {
		fmt.Fprintln(bw)
		ruleSection(bw, r)
	}
	return bw.Flush()
}

const rulesReferenceIntro = `<!-- Generated from the rules' docs (internal/lint/rules): do not edit.
     SVCCAT_UPDATE=1 go test ./internal/lint/rules rewrites it. -->

# Lint rules

` + "`svccat rules`" + ` lists every rule with its default severity; ` + "`svccat rules ID`" + `
explains one (why it matters, a bad and a good example, the fix): this page
is the same text. Severities are set per rule in ` + "`.svccat.yaml`" + `
(` + "`error | warning | info | off`" + `). Every finding points at the most
specific place in the file: the ` + "`dependsOn`" + ` entry, the ` + "`rto:`" + ` or ` + "`tier:`" + `
value, the SLO, the cost pool, or ` + "`metadata.name`" + ` when what is wrong is
something missing.

` + "`examples/needs-work`" + ` is a small catalog with one deliberate, commented
mistake per rule (but the loader's rules, whose inputs are in
[bad-input.md](bad-input.md)); ` + "`svccat lint examples/needs-work`" + ` shows them
all. [internal-focus.md](internal-focus.md) has the vocabulary of
` + "`internal-focus`" + `.

`
