package render

import (
	"bufio"
	"fmt"
	"io"
	"sort"

	"github.com/svccat/svccat/internal/duration"
	"github.com/svccat/svccat/internal/graph"
	"github.com/svccat/svccat/internal/mdtext"
)

// RestoreChecklist writes the plan as a Markdown runbook to work through
// on the day: whom to page, then one section per wave with a checkbox per
// step (start and finish targets, team, whom to page, runbook, RTO, data
// loss), then the degraded services and the assumed durations.
func RestoreChecklist(w io.Writer, in RestoreInput) error {
	p := in.Plan
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# Restore runbook: %s\n\n", mdtext.Cell(p.Scenario.String()))
	for _, l := range restoreSummary(p) {
		fmt.Fprintln(bw, mdtext.Cell(l))
	}
	fmt.Fprintln(bw, "Times are from the moment of the incident (T).")
	if len(p.Steps) > 0 {
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "## Page")
		fmt.Fprintln(bw)
		seen := map[string]bool{}
		for _, s := range p.Steps {
			if seen[s.Team] {
				continue
			}
			seen[s.Team] = true
			fmt.Fprintf(bw, "- [ ] %s: %s\n", mdtext.Cell(s.Team), checklistPage(s))
		}
	}
	waves := map[int][]graph.Step{}
	var order []int
	for _, s := range p.Steps {
		if _, ok := waves[s.Wave]; !ok {
			order = append(order, s.Wave)
		}
		waves[s.Wave] = append(waves[s.Wave], s)
	}
	sort.Ints(order)
	for _, wv := range order {
		steps := waves[wv]
		fmt.Fprintf(bw, "\n## Wave %d\n\n", wv)
		for _, s := range steps {
			head := fmt.Sprintf("**%d. %s**", s.Order, mdtext.Code(s.Service))
			if s.Title != "" && s.Title != s.Service {
				head += " " + mdtext.Cell(s.Title)
			}
			fmt.Fprintf(bw, "- [ ] %s: %s\n", head, checklistAction(s))
			fmt.Fprintf(bw, "  - start T+%s, finish by T+%s (%s)\n", duration.Format(s.Start), duration.Format(s.Finish), mdtext.Cell(stepDuration(s)))
			fmt.Fprintf(bw, "  - RTO: %s\n", checklistRTO(s))
			team := mdtext.Cell(s.Team)
			if s.Crew > 0 {
				team += fmt.Sprintf(" (crew %d)", s.Crew)
			}
			fmt.Fprintf(bw, "  - team: %s; page: %s\n", team, checklistPage(s))
			rb := "none written down"
			if s.Runbook != "" {
				rb = mdLink(s.Runbook, s.Runbook)
			}
			fmt.Fprintf(bw, "  - runbook: %s\n", rb)
			if dl := dataLoss(s); dl != "-" {
				fmt.Fprintf(bw, "  - data loss: %s\n", mdtext.Cell(dl))
			}
		}
	}
	if len(p.Degraded) > 0 {
		fmt.Fprintln(bw, "\n## Degraded services")
		fmt.Fprintln(bw)
		fmt.Fprintln(bw, "Active-active services still running at a surviving site: no restore step, but watch their capacity.")
		fmt.Fprintln(bw)
		for _, d := range p.Degraded {
			fmt.Fprintf(bw, "- %s\n", mdtext.Code(d))
		}
	}
	var assumed []graph.Step
	for _, s := range p.Steps {
		if s.Assumed {
			assumed = append(assumed, s)
		}
	}
	if len(assumed) > 0 {
		fmt.Fprintln(bw, "\n## Assumed durations")
		fmt.Fprintln(bw)
		fmt.Fprintf(bw, "These services give no duration for their step; the default %s is assumed, so their targets are estimates.\n\n", duration.Format(p.DefaultDuration))
		for _, s := range assumed {
			fmt.Fprintf(bw, "- %s (step %d)\n", mdtext.Code(s.Service), s.Order)
		}
	}
	return bw.Flush()
}

// checklistAction says what to do: restore from backup, fail over, or
// restart and verify after its dependencies are back.
func checklistAction(s graph.Step) string {
	switch s.Reason {
	case graph.ReasonFailover:
		return "fail over to the standby"
	case graph.ReasonFailed:
		return "restore from backup"
	}
	return "restart and verify once its dependencies are back"
}

func checklistRTO(s graph.Step) string {
	switch {
	case s.RTO == nil:
		return "none"
	case *s.RTOMet:
		return duration.Format(*s.RTO) + " (met)"
	}
	return duration.Format(*s.RTO) + " (**missed**)"
}

func checklistPage(s graph.Step) string {
	if s.Page == "" {
		if s.Team == graph.NoTeam {
			return "nobody: the service has no owner or restore.crew"
		}
		return "nobody: the team has no oncall or contact"
	}
	return mdLink(s.Page, s.Page)
}
