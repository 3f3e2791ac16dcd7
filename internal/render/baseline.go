package render

import (
	"fmt"

	"github.com/svccat/svccat/internal/finding"
)

// newOnly is in as text, GitHub and Markdown show it against a baseline:
// the new findings only, counted in the summary, and how many unchanged
// ones were left out.
func newOnly(in FindingsInput) (FindingsInput, int) {
	if !in.Baseline {
		return in, 0
	}
	var shown []finding.Finding
	unchanged := 0
	for _, f := range in.Findings {
		if f.Baseline == finding.BaselineUnchanged {
			unchanged++
			continue
		}
		shown = append(shown, f)
	}
	in.Findings = shown
	in.Summary = finding.Summarize(shown, in.Summary)
	return in, unchanged
}

// baselineNote ends the summary line against a baseline.
func baselineNote(in FindingsInput, unchanged int) string {
	if !in.Baseline {
		return ""
	}
	if unchanged == 1 {
		return "; 1 unchanged finding from the baseline not shown"
	}
	return fmt.Sprintf("; %d unchanged findings from the baseline not shown", unchanged)
}
