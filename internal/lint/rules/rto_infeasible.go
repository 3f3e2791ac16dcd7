package rules

import (
	"fmt"
	"slices"
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
	Doc: lint.Doc{
		Title: "the earliest a service can be back is later than its RTO",
		Why: `After a total loss a service can come back only after everything it
hard-depends on is back, one layer after another. The earliest it can be back
is the longest chain of restore durations through its hard dependencies, its
own duration included, even with as many restore crews as you like. When that
chain is longer than the RTO, the RTO is a promise that cannot be kept.
Services without restore.duration count with defaults.restoreDuration from
the config (1h without one), and the message says so. Chains longer than
eight services are shortened to their first service, the count left out and
their last six. Services in or behind a hard-dependency cycle are skipped:
dependency-cycle reports the loop.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: general-ledger}
spec:
  type: business
  impact: {tier: 1, rto: 2h}
  restore: {duration: 1h}
  dependsOn: [ledger-db]
---
apiVersion: svccat/v1
kind: Service
metadata: {name: ledger-db}
spec:
  type: supporting
  restore: {duration: 2h}
# restoring ledger-db → general-ledger takes 3h; RTO is 2h
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: general-ledger}
spec:
  type: business
  impact: {tier: 1, rto: 4h}
  restore: {duration: 1h}
  dependsOn: [ledger-db]
---
apiVersion: svccat/v1
kind: Service
metadata: {name: ledger-db}
spec:
  type: supporting
  restore: {duration: 2h}
`,
		Fix: `Shorten the restore of a service on the chain (a faster runbook, a warm
standby), make a dependency soft if the service can start without it, or
agree a longer RTO with the customers.`,
	},
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
			p.Report(s, s.Impact.RTO.Pos, "spec.impact.rto", "restoring %s takes %s; RTO is %s%s",
				chainText(chains, s), duration.Format(took), duration.Format(s.Impact.RTO.D), assumedNote(chains, s, fallback))
		}
	},
}

// maxChainNames bounds the services a message names: a generated or
// badly layered catalog can have chains hundreds of services long.
const maxChainNames = 8

// chainText writes s's chain as "network → storage → erp", or, when it is
// long, as its first service, the number left out and its last services.
func chainText(chains *graph.RestoreChains, s *catalog.Service) string {
	n := chains.Len(s)
	if n <= maxChainNames {
		return strings.Join(serviceNames(chains.Chain(s)), " → ")
	}
	last := chains.Last(s, maxChainNames-2)
	return fmt.Sprintf("%s → … %d more … → %s", chains.First(s).Name, n-1-len(last), strings.Join(serviceNames(last), " → "))
}

// assumedNote says which services on s's chain have no restore.duration,
// in chain order, or how many when there are many; "" when none.
func assumedNote(chains *graph.RestoreChains, s *catalog.Service, fallback time.Duration) string {
	var names []string
	n := 0
	for c := range chains.Backward(s) {
		if !c.Restore.Duration.Set {
			if n++; n <= maxChainNames {
				names = append(names, c.Name)
			}
		}
	}
	switch {
	case n == 0:
		return ""
	case n > maxChainNames:
		return fmt.Sprintf(" (%d services on the chain have no restore.duration, %s assumed)", n, duration.Format(fallback))
	}
	slices.Reverse(names)
	return fmt.Sprintf(" (%s: no restore.duration, %s assumed)", strings.Join(names, ", "), duration.Format(fallback))
}

func serviceNames(ss []*catalog.Service) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Name
	}
	return out
}
