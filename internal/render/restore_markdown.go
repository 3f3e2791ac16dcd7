package render

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/svccat/svccat/internal/duration"
	"github.com/svccat/svccat/internal/graph"
	"github.com/svccat/svccat/internal/mdtext"
)

// RestoreMarkdown writes the plan as a GitHub-flavoured Markdown page
// section: title, summary, one table row per step, notes.
func RestoreMarkdown(w io.Writer, in RestoreInput) error {
	p := in.Plan
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", mdtext.Cell(restoreTitle(p)))
	fmt.Fprintln(bw, mdtext.Cell(strings.Join(restoreSummary(p), " ")))
	if len(p.Steps) == 0 {
		return bw.Flush()
	}
	fmt.Fprintln(bw)
	crew := ""
	if crewed(p) {
		crew = " Crew |"
	}
	fmt.Fprintf(bw, "| # | Wave | Team |%s Service | Type | Tier | Deadline | Start | Duration | Finish | RTO | RTO met | Reason | Page | Segments | Markets | Runbook | Data loss |\n", crew)
	align := "| ---: | ---: | --- |"
	if crewed(p) {
		align += " ---: |"
	}
	fmt.Fprintln(bw, align+" --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- | --- | --- | --- |")
	for _, s := range p.Steps {
		fmt.Fprintf(bw, "| %d | %d | %s |", s.Order, s.Wave, mdtext.Cell(s.Team))
		if crewed(p) {
			fmt.Fprintf(bw, " %d |", s.Crew)
		}
		status := rtoStatus(s)
		if status == "MISSED" {
			status = "**missed**"
		}
		cells := []string{
			mdService(s), s.Type, stepTier(s), optDuration(s.Deadline),
			duration.Format(s.Start), mdtext.Cell(stepDuration(s)), duration.Format(s.Finish), optDuration(s.RTO),
			status, s.Reason, mdtext.Cell(stepPage(s)), mdList(s.Segments), mdList(s.Markets), mdLink("runbook", s.Runbook), mdtext.Cell(dataLoss(s)),
		}
		fmt.Fprintf(bw, " %s |\n", strings.Join(cells, " | "))
	}
	fmt.Fprintln(bw)
	fmt.Fprintln(bw, "Tier: own→inherited from what depends on it. Deadline: when the service must be back for every RTO that depends on it.")
	if note := assumedNote(p); note != "" {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, mdtext.Cell(note))
	}
	if note := degradedNote(p); note != "" {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, mdtext.Cell(note))
	}
	return bw.Flush()
}

func mdService(s graph.Step) string {
	name := mdtext.Code(s.Service)
	if s.Title == "" || s.Title == s.Service {
		return name
	}
	return name + " " + mdtext.Cell(s.Title)
}

func mdList(xs []string) string {
	if len(xs) == 0 {
		return "-"
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = mdtext.Cell(x)
	}
	return strings.Join(out, ", ")
}

// mdLink links text to an http(s) URL; anything else is shown as text.
func mdLink(text, target string) string {
	if target == "" {
		return "-"
	}
	u, err := url.Parse(target)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(target, " \t\n\r") {
		return mdtext.Cell(target)
	}
	return "[" + mdtext.Cell(text) + "](" + strings.NewReplacer("(", "%28", ")", "%29", "|", "%7C", "<", "%3C", ">", "%3E").Replace(target) + ")"
}
