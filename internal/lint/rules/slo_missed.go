package rules

import (
	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/measure"
)

var SLOMissed = &lint.Rule{
	Name:     "slo-missed",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "the latest Measurement's availability is below the availability objective",
		Why: `An objective is a promise to the customer. When the service did not
keep it in the last period measured, the service review has to explain why
and what will change; finding out from the customer is worse. Only the
service's latest measurement (the period that ends last; on a tie the
shorter period) counts, and a service without an availability SLO is not
checked. Availability equal to the objective is met.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: corporate-email}
spec:
  type: business
  slos: [{name: availability, indicator: availability, objective: 99.9}]
---
apiVersion: svccat/v1
kind: Measurement
metadata: {name: corporate-email-2026-10}
spec: {service: corporate-email, period: 2026-10, availability: 99.5}
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: corporate-email}
spec:
  type: business
  slos: [{name: availability, indicator: availability, objective: 99.9}]
---
apiVersion: svccat/v1
kind: Measurement
metadata: {name: corporate-email-2026-10}
spec: {service: corporate-email, period: 2026-10, availability: 99.5}
---
# The next month kept the promise; only the latest measurement counts.
apiVersion: svccat/v1
kind: Measurement
metadata: {name: corporate-email-2026-11}
spec: {service: corporate-email, period: 2026-11, availability: 99.95}
`,
		Fix: `Find the cause of the outages and fix it; if the objective was never
realistic, agree a new one with the customer and change the SLO. The
finding is on the Service: suppress it there while a known cause is being
worked on.`,
	},
	Run: func(p *lint.Pass) {
		latestFigures(p, func(s *catalog.Service, f measure.Figures) {
			if f.SLOMet == nil || *f.SLOMet {
				return
			}
			m := f.Measurement
			p.Report(s, m.AvailabilityPos, "availability", "service %s: availability %s%% %s is below its objective %s%%",
				s.Name, pct(*f.Availability), measurementOf(m), pct(*f.Objective))
		})
	},
}
