package rules

import (
	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/measure"
)

var SingleThreadedStakeholder = &lint.Rule{
	Name:     "single-threaded-stakeholder",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "a key stakeholder has a relationship with only one leadership Person",
		Why: `A key stakeholder (power at or above thresholds.keyStakeholderPower,
default 70) whose whole relationship with IT runs through one leader is
lost when that leader leaves, falls out with them or is on holiday when
the decision is made. Depth is the number of distinct leadership Persons
related to the stakeholder; a key stakeholder needs at least two.`,
		Bad: `apiVersion: svccat/v1
kind: Person
metadata: {name: ana-ruiz}
spec: {role: Chief Information Officer, leadership: true}
---
apiVersion: svccat/v1
kind: Stakeholder
metadata: {name: dana-whitfield}
spec:
  organisation: business
  power: 90
  influence: 70
  relationships:
    - {with: ana-ruiz, type: partner, partnership: 75}   # the only one
`,
		Good: `apiVersion: svccat/v1
kind: Person
metadata: {name: ana-ruiz}
spec: {role: Chief Information Officer, leadership: true}
---
apiVersion: svccat/v1
kind: Person
metadata: {name: david-osei}
spec: {role: Head of Business Applications, leadership: true}
---
apiVersion: svccat/v1
kind: Stakeholder
metadata: {name: dana-whitfield}
spec:
  organisation: business
  power: 90
  influence: 70
  relationships:
    - {with: ana-ruiz, type: partner, partnership: 75}
    - {with: david-osei, type: technical, partnership: 60}
`,
		Fix: `Have a second member of IT's leadership build a relationship with the
stakeholder and record it.`,
	},
	Run: func(p *lint.Pass) {
		min := p.Config.Thresholds.KeyStakeholderPower
		stakeholderFigures(p, func(s *catalog.Stakeholder, f measure.Stakeholder) {
			if !f.SingleThreaded {
				return
			}
			p.Report(s, s.NamePos, "relationships", "key stakeholder %s (power %d, key from %d) has a relationship with only one leadership Person, %s",
				s.Name, *s.Power, min, leaders(s)[0])
		})
	},
}
