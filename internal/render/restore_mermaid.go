package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/svccat/svccat/internal/duration"
	"github.com/svccat/svccat/internal/graph"
)

// ganttEpoch is the incident's moment on the chart. Mermaid has no
// relative times, so the chart starts on a fixed day at midnight and the
// axis shows hours since the incident; dates are parsed and shown in the
// same (local) zone, so no time-zone offset creeps in.
var ganttEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// RestoreMermaid writes the schedule as a Mermaid Gantt chart: supporting
// and business services in their own sections, business services styled
// "active", services that miss their RTO "crit", assumed durations
// labelled.
func RestoreMermaid(w io.Writer, in RestoreInput) error {
	p := in.Plan
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "gantt")
	fmt.Fprintf(bw, "    title %s\n", ganttText(restoreTitle(p), "#;"))
	fmt.Fprintln(bw, "    dateFormat YYYY-MM-DD HH:mm:ss")
	if p.Makespan < 24*time.Hour {
		bw.WriteString("    axisFormat %H:%M\n")
	} else {
		// %j, the day of the year, counts days since the incident for a
		// year; %d, the day of the month, would start again at 01.
		bw.WriteString("    %% the axis shows the day (the incident is on day 001) and the time\n")
		bw.WriteString("    axisFormat %j %H:%M\n")
	}
	bw.WriteString("    todayMarker off\n")
	for _, sec := range ganttSections(p) {
		fmt.Fprintf(bw, "    section %s\n", ganttText(sec.name, "#;"))
		steps := sec.steps
		for _, s := range steps {
			// The step number leads the label: a bare name such as "click",
			// "section" or "title" would be read as a Gantt statement.
			label := fmt.Sprintf("%d. %s", s.Order, ganttText(s.Service, ganttTaskStop))
			if s.Assumed {
				label += " (assumed " + duration.Format(s.Duration) + ")"
			}
			if s.RTOMet != nil && !*s.RTOMet {
				label += " (RTO " + duration.Format(*s.RTO) + " missed)"
			}
			var tags []string
			if s.RTOMet != nil && !*s.RTOMet {
				tags = append(tags, "crit")
			}
			if s.Type == "business" {
				tags = append(tags, "active")
			}
			tags = append(tags, fmt.Sprintf("s%d", s.Order), ganttTime(s.Start), ganttTime(s.Finish))
			fmt.Fprintf(bw, "    %s :%s\n", label, strings.Join(tags, ", "))
		}
	}
	return bw.Flush()
}

type ganttSection struct {
	name  string
	steps []graph.Step
}

// ganttSections groups the steps: by team (in the order each team's
// first step comes) with team crews, so each team's lane shows its own
// crews at work; else supporting, then business services.
func ganttSections(p *graph.Plan) []ganttSection {
	var out []ganttSection
	if p.TeamCrews {
		at := map[string]int{}
		for _, s := range p.Steps {
			k, ok := at[s.Team]
			if !ok {
				k = len(out)
				at[s.Team] = k
				out = append(out, ganttSection{name: "Team " + s.Team})
			}
			out[k].steps = append(out[k].steps, s)
		}
		return out
	}
	for _, sec := range []struct{ name, typ string }{
		{"Supporting services", "supporting"},
		{"Business services", "business"},
		{"Other services", ""},
	} {
		var steps []graph.Step
		for _, s := range p.Steps {
			if s.Type == sec.typ || sec.typ == "" && s.Type != "supporting" && s.Type != "business" {
				steps = append(steps, s)
			}
		}
		if len(steps) > 0 {
			out = append(out, ganttSection{sec.name, steps})
		}
	}
	return out
}

func ganttTime(d time.Duration) string {
	return ganttEpoch.Add(d).Format("2006-01-02 15:04:05")
}

// ganttTaskStop are the characters that end a Gantt task name.
const ganttTaskStop = ":#;"

// ganttText keeps text to what a Gantt line can hold: one line, without
// the stop characters that would end it early.
func ganttText(s, stop string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < ' ' || r == 0x7f:
			b.WriteByte(' ')
		case strings.ContainsRune(stop, r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}
