package rules

import (
	"fmt"
	"time"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/duration"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/measure"
)

var StaleRelationship = &lint.Rule{
	Name:     "stale-relationship",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "the stakeholder's most recent contact is older than its cadence",
		Why: `A relationship is an asset only while it is kept up. Each stakeholder has a
cadence (spec.cadence, else thresholds.contactCadence, else 90d): how often
someone in IT should be in touch. The most recent lastContact of its
relationships is compared with the as-of date (asOf in the config, else
today, or --as-of); the relationship is stale when more whole days than the
cadence have passed, or when no relationship records a lastContact at all.
On the day the cadence runs out it is still in time. A stakeholder without
relationships is uncovered, not stale.`,
		Bad: `apiVersion: svccat/v1
kind: Person
metadata: {name: ana-ruiz}
spec: {leadership: true}
---
apiVersion: svccat/v1
kind: Stakeholder
metadata: {name: dana-whitfield}
spec:
  organisation: business
  cadence: 30d
  relationships:
    - {with: ana-ruiz, type: partner, partnership: 75, lastContact: 2026-09-15}
# as of 2026-12-01: 77 days since the last contact
`,
		Good: `apiVersion: svccat/v1
kind: Person
metadata: {name: ana-ruiz}
spec: {leadership: true}
---
apiVersion: svccat/v1
kind: Stakeholder
metadata: {name: dana-whitfield}
spec:
  organisation: business
  cadence: 30d
  relationships:
    - {with: ana-ruiz, type: partner, partnership: 75, lastContact: 2026-11-18}
`,
		Fix: `Get in touch and record the date under lastContact; if the cadence is
tighter than this relationship needs, set spec.cadence.`,
	},
	Run: func(p *lint.Pass) {
		asOf := p.Config.Today()
		stakeholderFigures(p, func(s *catalog.Stakeholder, f measure.Stakeholder) {
			if !f.Stale {
				return
			}
			if f.DaysSinceContact == nil {
				p.Report(s, s.Relationships[0].LastContactPos, "lastContact", "stakeholder %s: no contact is recorded (no relationship has a lastContact; cadence %s)",
					s.Name, cadence(f.Cadence))
				return
			}
			pos := s.NamePos
			for _, r := range s.Relationships {
				if r.LastContact.Equal(f.LastContact) {
					pos = r.LastContactPos
					break
				}
			}
			p.Report(s, pos, "lastContact", "stakeholder %s: last contact %s is %d days before %s, longer than the cadence %s",
				s.Name, f.LastContact.Format(time.DateOnly), *f.DaysSinceContact, asOf.Format(time.DateOnly), cadence(f.Cadence))
		})
	},
}

// cadence writes a cadence in days where it is whole days ("30 days"),
// else as a duration ("36h").
func cadence(d time.Duration) string {
	const day = 24 * time.Hour
	switch {
	case d == day:
		return "1 day"
	case d%day == 0:
		return fmt.Sprintf("%d days", d/day)
	}
	return duration.Format(d)
}
