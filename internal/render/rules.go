package render

import (
	"bufio"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/svccat/svccat/internal/lint"
)

// RuleFormats lists the formats Rules and Rule accept.
func RuleFormats() []string { return []string{"text", "json", "markdown"} }

type jsonRule struct {
	ID              string `json:"id"`
	DefaultSeverity string `json:"defaultSeverity"`
	Title           string `json:"title"`
	Doc             string `json:"doc"`
	Suppressible    bool   `json:"suppressible"`
}

func jsonRuleOf(r RuleDoc) jsonRule {
	return jsonRule{ID: r.Name, DefaultSeverity: r.Severity.String(), Title: r.Title, Doc: r.Body, Suppressible: r.Suppressible}
}

// Rules lists rules: an aligned table (text), {"rules":[…]} (json), or
// the Markdown table the README carries (markdown).
func Rules(w io.Writer, format string, rules []RuleDoc) error {
	switch format {
	case "text":
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "RULE\tDEFAULT\tWHAT IT FINDS")
		for _, r := range rules {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Name, r.Severity, r.Title)
		}
		return tw.Flush()
	case "json":
		out := struct {
			Rules []jsonRule `json:"rules"`
		}{Rules: []jsonRule{}}
		for _, r := range rules {
			out.Rules = append(out.Rules, jsonRuleOf(r))
		}
		return WriteJSON(w, out)
	case "markdown":
		bw := bufio.NewWriter(w)
		fmt.Fprintln(bw, "| id | default | what it finds |")
		fmt.Fprintln(bw, "| --- | --- | --- |")
		for _, r := range rules {
			fmt.Fprintf(bw, "| `%s` | %s | %s |\n", r.Name, r.Severity, markdownCell(r.Title))
		}
		return bw.Flush()
	}
	return fmt.Errorf("unknown format %q", format)
}

// Rule explains one rule: its title, default severity, how to configure
// and suppress it, then its doc.
func Rule(w io.Writer, format string, r RuleDoc) error {
	switch format {
	case "text":
		bw := bufio.NewWriter(w)
		fmt.Fprintf(bw, "%s: %s\n\n", r.Name, r.Title)
		fmt.Fprintf(bw, "Default:    %s\n", r.Severity)
		fmt.Fprintf(bw, "Configure:  rules: {%s: error|warning|info|off} in .svccat.yaml\n", r.Name)
		if r.Suppressible {
			fmt.Fprintf(bw, "Suppress:   annotations: {%s: %s, %s: \"why\"}\n", lint.IgnoreAnnotation, r.Name, lint.IgnoreReasonAnnotation)
		} else {
			fmt.Fprint(bw, "Suppress:   not on an entity; its findings cannot be suppressed\n")
		}
		fmt.Fprintf(bw, "\n%s\n", r.Body)
		return bw.Flush()
	case "json":
		return WriteJSON(w, jsonRuleOf(r))
	case "markdown":
		bw := bufio.NewWriter(w)
		fmt.Fprintf(bw, "## `%s`: %s\n\nDefault severity: %s.\n\n%s\n", r.Name, markdownCell(r.Title), r.Severity, helpMarkdown(r))
		return bw.Flush()
	}
	return fmt.Errorf("unknown format %q", format)
}
