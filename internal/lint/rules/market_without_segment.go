package rules

import (
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var MarketWithoutSegment = &lint.Rule{
	Name:     "market-without-segment",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "a market has no segment",
		Why: `A market is where IT competes for customers; its segments say who those
customers are. A market without segments has no customers described, so no
service traces to it and it drops out of the cost and traceability reports.`,
		Bad: `apiVersion: svccat/v1
kind: Market
metadata: {name: print-services}
spec: {valueProposition: Printing that just works.}
# and no Segment has market: print-services
`,
		Good: `apiVersion: svccat/v1
kind: Market
metadata: {name: print-services}
spec: {valueProposition: Printing that just works.}
---
apiVersion: svccat/v1
kind: Segment
metadata: {name: office-staff}
spec: {market: print-services, audience: internal}
`,
		Fix: `Add the Segments of customers who buy in this market, or remove the
market if IT no longer competes in it.`,
	},
	Run: func(p *lint.Pass) {
		for _, m := range p.Catalog.Markets {
			if len(m.Segments) == 0 && canonical(p.Catalog, m) {
				p.Report(m, m.NamePos, "Segment", "market %q has no segment: add the Segments of customers who buy in it (market: %s), or remove it", m.Name, m.Name)
			}
		}
	},
}
