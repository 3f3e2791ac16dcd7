package rules

import (
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/graph"
	"github.com/svccat/svccat/internal/lint"
)

var DependencyCycle = &lint.Rule{
	Name:     "dependency-cycle",
	Severity: finding.Error,
	Doc: `services depend on each other in a loop

Why: with a loop of hard dependencies no service in it can be restored first,
so there is no restoration order; with any loop (hard or soft) shared cost can
not be stepped down from supporting services to the services they serve.

Example:

    # database
    dependsOn: [storage]
    # storage
    dependsOn: [database]     # database -> storage -> database

Fix: one of the dependencies is not real, or is soft in one direction: remove
it, or split the service that sits on both sides of the loop.`,
	Run: func(p *lint.Pass) {
		for _, c := range graph.Cycles(p.Catalog.Services, nil) {
			first := c.Edges[0]
			kind := "dependency cycle"
			if !c.Hard() {
				kind = "dependency cycle (through soft dependencies)"
			}
			p.Reportf(first.From, first.Pos, "%s: %s", kind, c)
		}
	},
}
