package rules

import (
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var SegmentWithoutPersona = &lint.Rule{
	Name:     "segment-without-persona",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "a segment has no persona",
		Why: `A persona is the written-down customer of a segment: what they need,
expect and value. Without one, nobody has checked that the services sold to
the segment answer those needs, and the docs have nothing to show a new
service owner about who their customers are.`,
		Bad: `apiVersion: svccat/v1
kind: Segment
metadata: {name: finance-team}
spec: {market: erp-finance, audience: internal}
# and no Persona has segment: finance-team
`,
		Good: `apiVersion: svccat/v1
kind: Segment
metadata: {name: finance-team}
spec: {market: erp-finance, audience: internal}
---
apiVersion: svccat/v1
kind: Persona
metadata: {name: finance-controller}
spec:
  segment: finance-team
  narrative: Priya closes the books every month and answers to the auditors.
  needs: [A ledger that balances on the first working day]
`,
		Fix: `Add a Persona with segment: finance-team and a narrative, needs,
expectations and values.`,
	},
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Segments {
			if len(s.Personas) == 0 && canonical(p.Catalog, s) {
				p.Report(s, s.NamePos, "Persona", "segment %q has no persona: add a Persona with segment: %s that says what these customers need, expect and value", s.Name, s.Name)
			}
		}
	},
}
