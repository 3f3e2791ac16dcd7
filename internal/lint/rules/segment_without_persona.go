package rules

import (
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var SegmentWithoutPersona = &lint.Rule{
	Name:     "segment-without-persona",
	Severity: finding.Warning,
	Doc: `a segment has no persona

Why: a persona is the written-down customer of a segment: what they need,
expect and value. Without one, nobody has checked that the services sold to
the segment answer those needs, and the docs have nothing to show a new
service owner about who their customers are.

Example:

    kind: Segment
    metadata: {name: finance-team}
    spec: {market: erp-finance, audience: internal}
    # and no Persona has segment: finance-team

Fix: add a Persona with segment: finance-team and a narrative, needs,
expectations and values.`,
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Segments {
			if len(s.Personas) == 0 && canonical(p.Catalog, s) {
				p.Reportf(s, s.NamePos, "segment %q has no persona: add a Persona with segment: %s that says what these customers need, expect and value", s.Name, s.Name)
			}
		}
	},
}
