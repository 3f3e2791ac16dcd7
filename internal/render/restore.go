package render

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/svccat/svccat/internal/duration"
	"github.com/svccat/svccat/internal/graph"
)

// RestoreInput is what a restoration-order printer may use.
type RestoreInput struct {
	Plan *graph.Plan
	// Color asks the table printer for ANSI colours.
	Color bool
}

// RestoreFormats are the restoration plan's output formats, the default
// first.
var RestoreFormats = Formats[RestoreInput]{
	{"table", RestoreTable}, {"markdown", RestoreMarkdown}, {"json", RestoreJSON}, {"csv", RestoreCSV}, {"mermaid", RestoreMermaid},
}

// Restore writes a restoration plan in the given format.
func Restore(w io.Writer, format string, in RestoreInput) error {
	return RestoreFormats.Write(w, format, in)
}

// The words every restore format shares, so the formats agree.

func restoreTitle(p *graph.Plan) string {
	return "Restoration order: " + p.Scenario.String()
}

// restoreSummary is the sentence under the title: how much, how many
// crews, when everything is back and how that compares with the bounds.
func restoreSummary(p *graph.Plan) []string {
	if len(p.Steps) == 0 {
		return []string{"Nothing to restore: the scenario takes no service down."}
	}
	crews := "unlimited crews"
	if p.Crews > 0 {
		crews = plural(p.Crews, "crew")
	}
	lines := []string{
		fmt.Sprintf("%s to restore (%d failed, %d down with a dependency), %s.",
			plural(len(p.Steps), "service"), len(p.Failed), len(p.Steps)-len(p.Failed), crews),
		fmt.Sprintf("Everything is back after %s; no schedule can beat %s (%s).",
			duration.Format(p.Makespan), duration.Format(p.LowerBounds.Max()), restoreBounds(p)),
	}
	switch p.Misses {
	case 0:
		lines = append(lines, "Every RTO is met.")
	default:
		var missed []string
		for _, s := range p.Steps {
			if s.RTOMet != nil && !*s.RTOMet {
				missed = append(missed, s.Service)
			}
		}
		lines = append(lines, fmt.Sprintf("%s missed: %s.", plural(p.Misses, "RTO"), strings.Join(missed, ", ")))
	}
	return lines
}

func restoreBounds(p *graph.Plan) string {
	lb := p.LowerBounds
	s := fmt.Sprintf("longest chain %s: %s", duration.Format(lb.CriticalPath), strings.Join(lb.CriticalChain, " → "))
	if p.Crews > 0 {
		s += fmt.Sprintf("; total work %s / %s = %s", duration.Format(p.Work), plural(p.Crews, "crew"), duration.Format(lb.WorkPerCrew))
	}
	return s
}

// assumedNote explains the mark on assumed durations, or is "" when no
// step has one.
func assumedNote(p *graph.Plan) string {
	for _, s := range p.Steps {
		if s.Assumed {
			return fmt.Sprintf("* assumed: the service has no restore.duration; the default %s is used.", duration.Format(p.DefaultDuration))
		}
	}
	return ""
}

func stepDuration(s graph.Step) string {
	d := duration.Format(s.Duration)
	if s.Assumed {
		d += "*"
	}
	return d
}

func optDuration(d *time.Duration) string {
	if d == nil {
		return "-"
	}
	return duration.Format(*d)
}

func optTier(t *int) string {
	if t == nil {
		return "-"
	}
	return fmt.Sprint(*t)
}

// stepTier is the tier, with the inherited one after an arrow: "3→0".
func stepTier(s graph.Step) string {
	own, eff := optTier(s.Tier), optTier(s.EffectiveTier)
	if own == eff {
		return own
	}
	return own + "→" + eff
}

func rtoStatus(s graph.Step) string {
	switch {
	case s.RTOMet == nil:
		return "no RTO"
	case *s.RTOMet:
		return "met"
	}
	return "MISSED"
}
