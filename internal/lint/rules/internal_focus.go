package rules

import (
	"slices"

	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

var InternalFocus = &lint.Rule{
	Name:     "internal-focus",
	Severity: finding.Error,
	Doc: lint.Doc{
		Title: "a business service reads as an internally-focused technical function",
		Why: `Customers buy outcomes (corporate email, payroll, online ordering), not
the work IT does to provide them. A "business service" named like "Server
Administration", "Database Management", "Network Operations" or "Patching"
describes IT's own activity: no customer segment buys it, nobody can say what
its price buys, and the catalog reads as an org chart instead of a menu.

svccat flags a business service whose metadata.name or title pairs a
technical object with a technical function, such as server + administration,
database + management, network + operations, linux server + support, vm +
provisioning, data center + operations, or that uses a term that is a
technical function on its own ("patching", "system administration"). Words
match whole, in any case, with hyphens and underscores read as spaces and
plurals as singulars ("Servers" is "server"). Business outcomes such as
"Customer Relationship Management" or "Document Management" pair no
technical object with the function, and pass. Supporting services are never
flagged: they are exactly where technical functions belong. The key is the
phrase that matched; doc/internal-focus.md has the whole vocabulary.

The config extends the rule: a single word under internalFocus.terms is one
more technical object ("mainframe" flags "Mainframe Operations"); a phrase of
several words is flagged on its own ("batch scheduling"). Services named
under internalFocus.allow are never flagged.

    internalFocus:
      terms: [mainframe, batch scheduling]
      allow: [network-as-a-service]`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata:
  name: server-administration
  title: Server Administration
spec:
  type: business
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata:
  name: corporate-email
  title: Corporate Email
spec:
  type: business
  dependsOn: [server-hosting]
---
apiVersion: svccat/v1
kind: Service
metadata:
  name: server-hosting
  title: Server Administration
spec:
  type: supporting
`,
		Fix: `Name the outcome a customer buys (what do the servers serve? e.g.
"corporate-email", "erp-financials"), or make it type: supporting and let
the business services that need it depend on it.`,
	},
	Run: func(p *lint.Pass) {
		vocab := newVocabulary(p.Config.InternalFocus.Terms)
		allow := p.Config.InternalFocus.Allow
		for _, s := range p.Catalog.Services {
			if !s.IsBusiness() || slices.Contains(allow, s.Name) {
				continue
			}
			phrase := vocab.technicalPhrase(s.Title)
			if phrase == "" {
				phrase = vocab.technicalPhrase(s.Name)
			}
			if phrase != "" {
				p.Report(s, s.NamePos, phrase, "business service %q reads as an internally-focused technical function (%q): name the outcome a customer buys, or make it type: supporting and let a business service depend on it", s.DisplayName(), phrase)
			}
		}
	},
}
