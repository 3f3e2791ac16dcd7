package rules

import (
	"fmt"
	"slices"

	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/typo"
)

var UnknownCostPool = &lint.Rule{
	Name:     "unknown-cost-pool",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "a cost pool that is neither a default pool nor named in the config",
		Why: `Cost reports break costs down by pool. A pool name nobody declared is
almost always a typo ("hardwear"), and its amount would show up as a pool of
its own instead of where it belongs. The default pools are hardware,
software, labor, facilities, telecom, outside-services, cloud and other; the
config's costPools adds more. The message suggests the closest known pool.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: file-storage}
spec:
  type: supporting
  cost:
    pools:
      hardwear: 12000      # did you mean hardware?
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: file-storage}
spec:
  type: supporting
  cost:
    pools:
      hardware: 12000
`,
		Fix: `Correct the pool name, or, if the pool is real, add it to costPools in
.svccat.yaml:

    costPools: [hardware, software, labor, licences]`,
	},
	Run: func(p *lint.Pass) {
		known := p.Config.Pools()
		for _, s := range p.Catalog.Services {
			if s.Cost == nil {
				continue
			}
			for _, pa := range s.Cost.Pools {
				if slices.Contains(known, pa.Pool) {
					continue
				}
				hint := "; add it to costPools in the config if it is real"
				if c := typo.Closest(pa.Pool, known); c != "" {
					hint = fmt.Sprintf("; did you mean %s?", c)
				}
				p.Report(s, pa.Pos, "spec.cost.pools."+pa.Pool, "unknown cost pool %q: it is neither a default pool nor in the config's costPools%s", pa.Pool, hint)
			}
		}
	},
}
