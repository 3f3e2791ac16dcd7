package rules

import (
	"fmt"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/measure"
)

var UncoveredStakeholder = &lint.Rule{
	Name:     "uncovered-stakeholder",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "no leadership Person holds a relationship with this stakeholder",
		Why: `The stakeholders are the people IT wants a relationship with (the scope);
those that someone in IT's leadership knows are the spread. A stakeholder
outside the spread hears about IT only through tickets and invoices, and IT
hears about their plans last. Relationships held only by people who are
not leadership (leadership: false, the default) do not count.`,
		Bad: `apiVersion: svccat/v1
kind: Person
metadata: {name: sam-okafor}
spec: {role: Database administrator}
---
apiVersion: svccat/v1
kind: Stakeholder
metadata: {name: dana-whitfield}
spec:
  organisation: business
  power: 90
  influence: 70
  relationships:
    - {with: sam-okafor, type: technical, partnership: 30}   # not leadership
`,
		Good: `apiVersion: svccat/v1
kind: Person
metadata: {name: ana-ruiz}
spec: {role: Chief Information Officer, leadership: true}
---
apiVersion: svccat/v1
kind: Stakeholder
metadata: {name: dana-whitfield}
spec:
  organisation: business
  power: 60
  influence: 70
  relationships:
    - {with: ana-ruiz, type: partner, partnership: 75}
`,
		Fix: `Have a member of IT's leadership build the relationship and record it
under relationships, or mark the Person who holds it as leadership: true.`,
	},
	Run: func(p *lint.Pass) {
		stakeholderFigures(p, func(s *catalog.Stakeholder, f measure.Stakeholder) {
			if f.Depth > 0 {
				return
			}
			held := "no relationship with anyone in IT is recorded"
			if n := len(s.Relationships); n > 0 {
				held = fmt.Sprintf("its %d relationship%s %s held by people outside IT's leadership", n, map[bool]string{true: "s"}[n > 1], map[bool]string{true: "are", false: "is"}[n > 1])
			}
			p.Report(s, s.NamePos, "relationships", "stakeholder %s: no leadership Person holds a relationship with them (%s)", s.Name, held)
		})
	},
}
