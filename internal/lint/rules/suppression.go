package rules

import (
	"fmt"
	"strings"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/typo"
)

// The rules below check the svccat.dev/ignore annotations themselves. They
// run after every other rule (AfterSuppression), so they know what each
// suppression silenced, and their own findings cannot be suppressed: set
// their severity (or off) in .svccat.yaml instead.

var SuppressionWithoutReason = &lint.Rule{
	Name:             "suppression-without-reason",
	Severity:         finding.Info,
	AfterSuppression: true,
	Doc: lint.Doc{
		Title: "a suppression does not say why",
		Why: `A suppressed finding disappears from every report, so the next reader
cannot tell a considered exception from a finding somebody wanted gone. The
reason is what lets a reviewer agree with the exception, and decide later
whether it still holds.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata:
  name: legacy-fax
  annotations:
    svccat.dev/ignore: missing-owner       # why?
spec: {type: business}
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata:
  name: legacy-fax
  annotations:
    svccat.dev/ignore: missing-owner
    svccat.dev/ignore-reason: retired in Q3; its team was dissolved
spec: {type: business}
`,
		Fix: "Say why in svccat.dev/ignore-reason.",
	},
	Run: func(p *lint.Pass) {
		for _, s := range p.Suppressions {
			if len(s.Rules) == 0 || s.Reason != "" {
				continue
			}
			names := make([]string, len(s.Rules))
			for i, ig := range s.Rules {
				names[i] = ig.Name
			}
			p.Report(s.Entity, s.Pos, lint.IgnoreReasonAnnotation, "%s suppresses %s without a reason: say why in %s",
				subject(s.Entity), strings.Join(names, ", "), lint.IgnoreReasonAnnotation)
		}
	},
}

var UnusedSuppression = &lint.Rule{
	Name:             "unused-suppression",
	Severity:         finding.Warning,
	AfterSuppression: true,
	Doc: lint.Doc{
		Title: "a suppression suppresses nothing",
		Why: `Once the problem it was written for is fixed, a suppression only waits
to hide the next, unrelated finding of its rule on that entity. Findings the
loader reports (file, yaml-syntax, schema) cannot be suppressed at
all: the entity cannot be trusted until the document is fixed. A rule the
config turns off is not reported here, since nothing can tell whether the
suppression is still needed.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata:
  name: corporate-email
  annotations:
    svccat.dev/ignore: missing-owner    # but owner: is set
    svccat.dev/ignore-reason: owner being hired
spec:
  type: supporting
  owner: messaging
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata:
  name: corporate-email
spec:
  type: supporting
  owner: messaging
`,
		Fix: `Remove the rule from svccat.dev/ignore (and the annotation when it
names no rule any more).`,
	},
	Run: func(p *lint.Pass) {
		for _, s := range p.Suppressions {
			if len(s.Rules) == 0 {
				p.Report(s.Entity, s.Pos, lint.IgnoreAnnotation, "%s on %s names no rule: remove it", lint.IgnoreAnnotation, subject(s.Entity))
				continue
			}
			for _, ig := range s.Rules {
				switch {
				case ig.Rule == nil || ig.Off:
					// suppression-unknown-rule's finding, or nothing to tell.
				case ig.Rule.AfterSuppression:
					p.Report(s.Entity, s.Pos, ig.Name, "%s findings cannot be suppressed: remove %s from %s and set the rule's severity in .svccat.yaml instead",
						ig.Name, ig.Name, lint.IgnoreAnnotation)
				case !ig.Rule.Suppressible():
					p.Report(s.Entity, s.Pos, ig.Name, "%s findings cannot be suppressed: remove %s from %s and fix the document instead",
						ig.Name, ig.Name, lint.IgnoreAnnotation)
				case ig.Silenced == 0:
					p.Report(s.Entity, s.Pos, ig.Name, "%s finds nothing to suppress on %s: remove %s from %s",
						ig.Name, subject(s.Entity), ig.Name, lint.IgnoreAnnotation)
				}
			}
		}
	},
}

var SuppressionUnknownRule = &lint.Rule{
	Name:             "suppression-unknown-rule",
	Severity:         finding.Warning,
	AfterSuppression: true,
	Doc: lint.Doc{
		Title: "a suppression names a rule that does not exist",
		Why: `A misspelt rule id suppresses nothing, so the finding it was meant for
is still reported while the annotation looks as if it handled it. It can
also be a rule of a newer svccat than the one running; turn this rule off in
.svccat.yaml while versions differ.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata:
  name: legacy-fax
  annotations:
    svccat.dev/ignore: mising-owner        # missing-owner
    svccat.dev/ignore-reason: retired in Q3
spec: {type: business}
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata:
  name: legacy-fax
  annotations:
    svccat.dev/ignore: missing-owner
    svccat.dev/ignore-reason: retired in Q3
spec: {type: business}
`,
		Fix: "Correct the id (svccat rules lists them all), or remove it.",
	},
	Run: func(p *lint.Pass) {
		var names []string
		for _, r := range p.Rules {
			names = append(names, r.Name)
		}
		for _, s := range p.Suppressions {
			for _, ig := range s.Rules {
				if ig.Rule != nil {
					continue
				}
				hint := "svccat rules lists them"
				if c := typo.Closest(ig.Name, names); c != "" {
					hint = fmt.Sprintf("did you mean %q?", c)
				}
				p.Report(s.Entity, s.Pos, ig.Name, "%s on %s names %q, which is no rule (%s)",
					lint.IgnoreAnnotation, subject(s.Entity), ig.Name, hint)
			}
		}
	},
}

// subject names an entity in a message: `service "erp"`.
func subject(e catalog.Named) string {
	m := e.Meta()
	return fmt.Sprintf("%s %q", strings.ToLower(m.Kind), m.Name)
}
