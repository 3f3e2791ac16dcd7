package render

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/svccat/svccat/internal/duration"
	"github.com/svccat/svccat/internal/graph"
	"github.com/svccat/svccat/internal/plural"
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
	{"checklist", RestoreChecklist},
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
	switch {
	case p.TeamCrews:
		crews = "each team's own crews"
	case p.Crews > 0:
		crews = plural.Count(p.Crews, "crew")
	}
	lines := []string{
		fmt.Sprintf("%s to restore (%d failed, %d down with a dependency), %s.",
			plural.Count(len(p.Steps), "service"), len(p.Failed), len(p.Steps)-len(p.Failed), crews),
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
		lines = append(lines, fmt.Sprintf("%s missed: %s.", plural.Count(p.Misses, "RTO"), strings.Join(missed, ", ")))
	}
	return lines
}

// degradedNote lists the services that run on degraded, or is "".
func degradedNote(p *graph.Plan) string {
	if len(p.Degraded) == 0 {
		return ""
	}
	return fmt.Sprintf("Degraded, not restored (active-active, still running at a surviving site): %s.", strings.Join(p.Degraded, ", "))
}

func restoreBounds(p *graph.Plan) string {
	lb := p.LowerBounds
	s := fmt.Sprintf("longest chain %s: %s", duration.Format(lb.CriticalPath), strings.Join(lb.CriticalChain, " → "))
	switch {
	case p.TeamCrews:
		var busiest graph.TeamBound
		for _, t := range lb.Teams {
			if t.Bound > busiest.Bound {
				busiest = t
			}
		}
		if busiest.Team != "" {
			s += fmt.Sprintf("; busiest team %s: %s / %s = %s", busiest.Team, duration.Format(busiest.Work), plural.Count(busiest.Crews, "crew"), duration.Format(busiest.Bound))
		}
	case p.Crews > 0:
		s += fmt.Sprintf("; total work %s / %s = %s", duration.Format(p.Work), plural.Count(p.Crews, "crew"), duration.Format(lb.WorkPerCrew))
	}
	return s
}

// crewed reports whether steps have crew numbers.
func crewed(p *graph.Plan) bool { return p.Crews > 0 || p.TeamCrews }

// dataLoss says a step's data-loss exposure: "≤ 15m (RPO 1h)",
// "1h > RPO 15m", "no backup interval", "-".
func dataLoss(s graph.Step) string {
	switch {
	case s.BackupInterval == nil && s.RPO == nil:
		return "-"
	case s.BackupInterval == nil:
		return "no backup interval (RPO " + duration.Format(*s.RPO) + ")"
	case s.RPO == nil:
		return "up to " + duration.Format(*s.BackupInterval) + " (no RPO)"
	case *s.RPOMet:
		return "up to " + duration.Format(*s.BackupInterval) + " (RPO " + duration.Format(*s.RPO) + " met)"
	}
	return "up to " + duration.Format(*s.BackupInterval) + " (RPO " + duration.Format(*s.RPO) + " MISSED)"
}

// stepPage is whom to page, or "-".
func stepPage(s graph.Step) string {
	if s.Page == "" {
		return "-"
	}
	return s.Page
}

// assumedNote explains the mark on assumed durations, or is "" when no
// step has one.
func assumedNote(p *graph.Plan) string {
	for _, s := range p.Steps {
		if s.Assumed {
			return fmt.Sprintf("* assumed: the service has no restore.duration (restore.failover for a failover); the default %s is used.", duration.Format(p.DefaultDuration))
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
