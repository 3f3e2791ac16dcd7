package rules

import (
	"strings"
	"time"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/duration"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/graph"
	"github.com/svccat/svccat/internal/lint"
)

var RTOInfeasible = &lint.Rule{
	Name:     "rto-infeasible",
	Severity: finding.Warning,
	Doc: `a service cannot be restored within its RTO

Why: after a total loss a service can come back only after everything it
hard-depends on is back, one layer after another. The earliest it can be back
is the longest chain of restore durations through its hard dependencies, its
own duration included, even with as many restore crews as you like. When that
chain is longer than the RTO, the RTO is a promise that cannot be kept.
Services without restore.duration count with defaults.restoreDuration from
the config (1h without one), and the message says so. Services in or behind a
hard-dependency cycle are skipped: dependency-cycle reports the loop.

Example:

    metadata: {name: general-ledger}
    spec:
      impact: {tier: 1, rto: 2h}
      restore: {duration: 1h}
      dependsOn: [ledger-db]      # ledger-db: restore: {duration: 2h}
    # restoring ledger-db → general-ledger takes 3h; RTO is 2h

Fix: shorten the restore of a service on the chain (a faster runbook, a warm
standby), make a dependency soft if the service can start without it, or
agree a longer RTO with the customers.`,
	Run: func(p *lint.Pass) {
		fallback := p.Config.RestoreDuration
		if fallback <= 0 {
			fallback = config.DefaultRestoreDuration
		}
		restore := func(s *catalog.Service) time.Duration {
			if s.Restore.Duration.Set {
				return s.Restore.Duration.D
			}
			return fallback
		}
		chains := graph.LongestRestoreChains(p.Catalog.Services, restore)
		for _, s := range p.Catalog.Services {
			if !s.Impact.RTO.Set {
				continue
			}
			took, ok := chains.Finish(s)
			if !ok || took <= s.Impact.RTO.D {
				continue
			}
			chain := chains.Chain(s)
			names := make([]string, len(chain))
			var assumed []string
			for i, c := range chain {
				names[i] = c.Name
				if !c.Restore.Duration.Set {
					assumed = append(assumed, c.Name)
				}
			}
			note := ""
			if len(assumed) > 0 {
				note = " (" + strings.Join(assumed, ", ") + ": no restore.duration, " + duration.Format(fallback) + " assumed)"
			}
			p.Reportf(s, s.Impact.RTO.Pos, "restoring %s takes %s; RTO is %s%s",
				strings.Join(names, " → "), duration.Format(took), duration.Format(s.Impact.RTO.D), note)
		}
	},
}
