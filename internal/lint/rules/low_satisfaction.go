package rules

import (
	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/measure"
)

var LowSatisfaction = &lint.Rule{
	Name:     "low-satisfaction",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "the latest Measurement's satisfaction is below the threshold",
		Why: `Whether customers are prepared to keep paying for a service shows in what
they say about it long before it shows in what they buy. The survey's score
is taken as a percent of its scale (4.2 of 5 is 84%); the finding fires
when that is strictly below thresholds.satisfaction (default 60) and the
survey has at least thresholds.minResponses responses (default 10): a
handful of answers is not a verdict. Only the latest measurement counts.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: corporate-email}
spec: {type: business}
---
apiVersion: svccat/v1
kind: Measurement
metadata: {name: corporate-email-2026-10}
spec:
  service: corporate-email
  period: 2026-10
  satisfaction: {score: 2.8, scale: 5, responses: 87}   # 56%
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: corporate-email}
spec: {type: business}
---
apiVersion: svccat/v1
kind: Measurement
metadata: {name: corporate-email-2026-10}
spec:
  service: corporate-email
  period: 2026-10
  satisfaction: {score: 4.2, scale: 5, responses: 87}   # 84%
`,
		Fix: `Ask the customers what is wrong and put it on the agenda of the next
service review. The finding is on the Service, where it can be suppressed
while the action agreed there is under way.`,
	},
	Run: func(p *lint.Pass) {
		th := p.Config.Thresholds
		latestFigures(p, func(s *catalog.Service, f measure.Figures) {
			sv := f.Satisfaction
			if sv == nil || sv.Responses == nil || *sv.Responses < th.MinResponses || sv.Percent.Cmp(th.Satisfaction) >= 0 {
				return
			}
			m := f.Measurement
			p.Report(s, m.Satisfaction.Pos, "satisfaction", "service %s: satisfaction %s of %s (%s%%) from %d responses %s is below the threshold %s%%",
				s.Name, sv.Score.String(), sv.Scale.String(), pct(sv.Percent), *sv.Responses, measurementOf(m), pct(th.Satisfaction))
		})
	},
}
