package rules

import (
	"strings"

	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var MarketIncomplete = &lint.Rule{
	Name:     "market-incomplete",
	Severity: finding.Info,
	Doc: lint.Doc{
		Title: "a market lacks competitors, advantages, vulnerabilities or value proposition",
		Why: `IT's customers can buy elsewhere. A market that names its competitors,
IT's advantages and vulnerabilities against them, and the value proposition
that should win the customer is the case for every service sold in it; with
any of the four missing, the case has a hole nobody has looked at.`,
		Bad: `apiVersion: svccat/v1
kind: Market
metadata: {name: erp-finance}
spec:
  valueProposition: One ledger for the whole company.
  advantages: [Approval rules already configured]
  # no competitors: and no vulnerabilities:
`,
		Good: `apiVersion: svccat/v1
kind: Market
metadata: {name: erp-finance}
spec:
  valueProposition: One ledger for the whole company.
  competitors: [SAP S/4HANA Cloud, Oracle NetSuite]
  advantages: [Approval rules already configured]
  vulnerabilities: [Month-end close is slower than a SaaS ledger]
`,
		Fix: `Fill in what is missing: competitors (who else the customer could buy
from), advantages, vulnerabilities and valueProposition.`,
	},
	Run: func(p *lint.Pass) {
		for _, m := range p.Catalog.Markets {
			var missing []string
			if len(m.Competitors) == 0 {
				missing = append(missing, "competitors")
			}
			if len(m.Advantages) == 0 {
				missing = append(missing, "advantages")
			}
			if len(m.Vulnerabilities) == 0 {
				missing = append(missing, "vulnerabilities")
			}
			if strings.TrimSpace(m.ValueProposition) == "" {
				missing = append(missing, "valueProposition")
			}
			if len(missing) > 0 {
				p.Report(m, m.NamePos, "spec", "market %q lacks %s", m.Name, andList(missing))
			}
		}
	},
}
