package rules

import (
	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var CurrencyMismatch = &lint.Rule{
	Name:     "currency-mismatch",
	Severity: finding.Error,
	Doc: lint.Doc{
		Title: "a cost is in another currency than the catalog's",
		Why: `svccat adds costs up and allocates them between services, and it never
converts currencies: an amount in EUR added to amounts in USD is a wrong
total. The catalog's currency is the config's currency; without one, the
currency most of the costs use (ties go to the alphabetically first code),
and USD when no cost names one. A cost without a currency is in the
catalog's currency.`,
		Bad: `# most costs are in USD (or .svccat.yaml says currency: USD)
apiVersion: svccat/v1
kind: Service
metadata: {name: payroll}
spec: {type: business, cost: {currency: USD, pools: {software: 4000}}}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: general-ledger}
spec: {type: business, cost: {currency: USD, pools: {software: 9000}}}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: expense-claims}
spec: {type: business, cost: {currency: EUR, pools: {software: 12000}}}
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: payroll}
spec: {type: business, cost: {currency: USD, pools: {software: 4000}}}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: general-ledger}
spec: {type: business, cost: {currency: USD, pools: {software: 9000}}}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: expense-claims}
spec: {type: business, cost: {currency: USD, pools: {software: 13080}}}
`,
		Fix: `Convert the amounts to the catalog's currency and change the currency
code; if the whole catalog is kept in another currency, set currency: in
.svccat.yaml.`,
	},
	Run: func(p *lint.Pass) {
		want := cost.Currency(p.Catalog, p.Config)
		var why string
		switch {
		case p.Config.Currency != "" && p.Config.Path != "":
			why = "set in " + p.Config.Path
		case p.Config.Currency != "":
			why = "set in the config"
		default:
			why = "the currency most costs are in; set currency: in .svccat.yaml to choose"
		}
		for _, s := range p.Catalog.Services {
			if c := s.Cost; c != nil && c.Currency != "" && c.Currency != want {
				p.Report(s, c.CurrencyPos, "spec.cost.currency", "cost is in %s, but the catalog's currency is %s (%s); svccat does not convert currencies", c.Currency, want, why)
			}
		}
	},
}
