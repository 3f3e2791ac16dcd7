package rules

import (
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/measure"
)

var SegmentWithoutStakeholder = &lint.Rule{
	Name:     "segment-without-stakeholder",
	Severity: finding.Info,
	Doc: lint.Doc{
		Title: "a segment that live business services trace to has no stakeholder",
		Why: `A segment IT sells to needs someone who speaks for it: the person whose
priorities decide what the segment buys, who can say whether a service is
still the right one and whether it is worth its price. Without a
stakeholder for the segment, the service review has nobody to hold it with.
Only segments that live or retiring business services trace to are
checked.`,
		Bad: `apiVersion: svccat/v1
kind: Market
metadata: {name: erp-finance}
spec: {}
---
apiVersion: svccat/v1
kind: Segment
metadata: {name: finance-users}
spec: {market: erp-finance}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: ledger}
spec: {type: business, segments: [finance-users]}
`,
		Good: `apiVersion: svccat/v1
kind: Market
metadata: {name: erp-finance}
spec: {}
---
apiVersion: svccat/v1
kind: Segment
metadata: {name: finance-users}
spec: {market: erp-finance}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: ledger}
spec: {type: business, segments: [finance-users]}
---
apiVersion: svccat/v1
kind: Stakeholder
metadata: {name: dana-whitfield}
spec: {organisation: business, segments: [finance-users], role: Chief Financial Officer}
`,
		Fix: `Add a Stakeholder (or extend one) with segments: [finance-users], and
record who in IT holds the relationship with them.`,
	},
	Run: func(p *lint.Pass) {
		for _, sg := range p.Catalog.Segments {
			if len(sg.Stakeholders) > 0 || !canonical(p.Catalog, sg) {
				continue
			}
			n := 0
			for _, s := range sg.Services {
				if measure.Reviewed(s, false) {
					n++
				}
			}
			if n == 0 {
				continue
			}
			p.Report(sg, sg.NamePos, "Stakeholder", "segment %s: no Stakeholder speaks for it, and %d live business service%s trace%s to it; add one with segments: [%s]",
				sg.Name, n, map[bool]string{true: "s"}[n > 1], map[bool]string{false: "s"}[n > 1], sg.Name)
		}
	},
}
