package rules

import (
	"slices"
	"strings"

	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/graph"
	"github.com/svccat/svccat/internal/lint"
)

var DependencyCycle = &lint.Rule{
	Name:     "dependency-cycle",
	Severity: finding.Error,
	Doc: lint.Doc{
		Title: "services depend on each other in a loop",
		Why: `With a loop of hard dependencies no service in it can be restored first,
so there is no restoration order; with any loop (hard or soft) shared cost
cannot be stepped down from supporting services to the services they serve.
The loop is printed; the key is its members, sorted.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: database}
spec: {type: supporting, dependsOn: [storage]}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: storage}
spec: {type: supporting, dependsOn: [database]}   # database -> storage -> database
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: database}
spec: {type: supporting, dependsOn: [storage]}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: storage}
spec: {type: supporting}
`,
		Fix: `One of the dependencies is not real, or is soft in one direction: remove
it, or split the service that sits on both sides of the loop.`,
	},
	Run: func(p *lint.Pass) {
		for _, c := range graph.Cycles(p.Catalog.Services, nil) {
			first := c.Edges[0]
			kind := "dependency cycle"
			if !c.Hard() {
				kind = "dependency cycle (through soft dependencies)"
			}
			p.Report(first.From, first.Pos, cycleKey(c), "%s: %s", kind, c)
		}
	},
}

// cycleKey is the loop's members, sorted and comma-separated: the same
// loop whichever service a run starts it from.
func cycleKey(c graph.Cycle) string {
	var names []string
	for _, e := range c.Edges {
		names = append(names, e.From.Name)
	}
	slices.Sort(names)
	return strings.Join(slices.Compact(names), ",")
}
