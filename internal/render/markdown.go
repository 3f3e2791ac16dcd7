package render

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/mdtext"
	"github.com/svccat/svccat/internal/plural"
	"github.com/svccat/svccat/internal/source"
)

const (
	// markdownCollapseAfter findings, the table is folded in <details> so
	// that a pull request comment stays readable.
	markdownCollapseAfter = 20
	// markdownMaxRows keeps the summary within GitHub's limits (65,536
	// characters for a comment); the text and SARIF outputs have them all.
	markdownMaxRows = 300
)

// Markdown writes a summary for a pull request comment or a GitHub job
// summary ($GITHUB_STEP_SUMMARY): the counts, then a table of findings,
// most severe first, each linked to its file and line.
func Markdown(w io.Writer, in FindingsInput) error {
	in, unchanged := newOnly(in)
	bw := bufio.NewWriter(w)
	if in.Baseline {
		defer fmt.Fprintf(w, "\n%d unchanged findings from the baseline are not shown.\n", unchanged)
	}
	s := in.Summary
	fmt.Fprint(bw, "### svccat lint\n\n")
	if len(in.Findings) == 0 {
		fmt.Fprintf(bw, "No findings in %s (%s)%s.\n", plural.Count(s.Files, "file"), plural.Count(s.Entities, "entity"), markdownAside(s))
		return bw.Flush()
	}
	counts := []string{plural.Count(s.Errors, "error"), plural.Count(s.Warnings, "warning"), plural.Count(s.Infos, "info")}
	for i, n := range []int{s.Errors, s.Warnings, s.Infos} {
		if n > 0 {
			counts[i] = "**" + counts[i] + "**"
		}
	}
	fmt.Fprintf(bw, "%s in %s (%s)%s.\n\n", strings.Join(counts, ", "), plural.Count(s.Files, "file"), plural.Count(s.Entities, "entity"), markdownAside(s))

	fs := slices.Clone(in.Findings)
	slices.SortStableFunc(fs, func(a, b finding.Finding) int { return cmp.Compare(b.Severity, a.Severity) })
	collapse := len(fs) > markdownCollapseAfter
	if collapse {
		fmt.Fprintf(bw, "<details>\n<summary>%s</summary>\n\n", plural.Count(len(fs), "finding"))
	}
	fmt.Fprintln(bw, "| severity | rule | location | message |")
	fmt.Fprintln(bw, "| --- | --- | --- | --- |")
	for i, f := range fs {
		if i == markdownMaxRows {
			fmt.Fprintf(bw, "\n… and %d more; the text, JSON and SARIF outputs list them all.\n", len(fs)-i)
			break
		}
		fmt.Fprintf(bw, "| %s | `%s` | %s | %s |\n", f.Severity, f.Rule, markdownLocation(f.Pos, in.SourceURL), mdtext.Cell(f.Message))
	}
	if collapse {
		fmt.Fprint(bw, "\n</details>\n")
	}
	return bw.Flush()
}

// markdownAside adds the suppressed and skipped counts, where there are
// any.
func markdownAside(s finding.Summary) string {
	var b strings.Builder
	if s.Suppressed > 0 {
		fmt.Fprintf(&b, "; %d suppressed", s.Suppressed)
	}
	if s.Skipped > 0 {
		fmt.Fprintf(&b, "; %s skipped", plural.Count(s.Skipped, "non-catalog document"))
	}
	return b.String()
}

// markdownLocation is "file:line:col" linked to the file and line: below
// base when set, else as a relative link (which works where the Markdown
// sits at the folder svccat ran in). An absolute path is not linked.
func markdownLocation(p source.Pos, base string) string {
	if p.File == "" {
		return "-"
	}
	text := mdtext.Cell(p.String())
	if isAbsPath(p.File) {
		return text
	}
	// URL.String percent-encodes spaces and the like (and puts "./" before
	// a first segment with a colon); parentheses would end the link.
	target := strings.NewReplacer("(", "%28", ")", "%29").Replace((&url.URL{Path: p.File}).String())
	if base != "" {
		target = strings.TrimSuffix(base, "/") + "/" + target
	}
	if p.Line > 0 {
		target += "#L" + strconv.Itoa(p.Line)
	}
	return "[" + text + "](" + target + ")"
}
