package rules

import (
	"github.com/svccat/svccat/internal/duration"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var RPOInfeasible = &lint.Rule{
	Name:     "rpo-infeasible",
	Severity: finding.Warning,
	Doc: lint.Doc{
		Title: "backups cannot meet the recovery point objective",
		Why: `The RPO is how much data the business accepts to lose. The worst case is
the backup interval (or the replication lag): a service backed up every 4h
loses up to 4h of data, whatever its RPO says. A tier 0 or 1 service with an
RPO but no backup interval makes a promise nobody can check.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: orders}
spec:
  type: business
  impact: {tier: 1, rpo: 15m}
  restore: {backupInterval: 4h}
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: orders}
spec:
  type: business
  impact: {tier: 1, rpo: 15m}
  restore: {backupInterval: 5m}
`,
		Fix: "Back up or replicate more often than the RPO, or agree a longer RPO with the business; declare restore.backupInterval for tier 0 and 1 services.",
	},
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Services {
			if s.IsRetired() || !s.Impact.RPO.Set || !canonical(p.Catalog, s) {
				continue
			}
			bi, rpo := s.Restore.BackupInterval, s.Impact.RPO
			switch {
			case bi.Set && bi.D > rpo.D: // equal meets it
				p.Report(s, bi.Pos, "spec.restore.backupInterval", "service %q can lose up to %s of data (restore.backupInterval) but its RPO is %s: back up or replicate more often, or agree a longer RPO",
					s.Name, duration.Format(bi.D), duration.Format(rpo.D))
			case !bi.Set && s.Impact.Tier != nil && *s.Impact.Tier <= 1:
				p.Report(s, rpo.Pos, "spec.restore.backupInterval", "tier %d service %q has an RPO of %s but declares no restore.backupInterval: nobody can tell whether backups meet it",
					*s.Impact.Tier, s.Name, duration.Format(rpo.D))
			}
		}
	},
}
