package rules

import (
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

// The loader reports these three; they have no Run.

var File = &lint.Rule{
	Name:     "file",
	Severity: finding.Error,
	Doc: lint.Doc{
		Title: "a catalog file cannot be read",
		Why: `A file that cannot be read is a part of the catalog that nobody checks.
svccat reports files it cannot open (permissions), files larger than the size
limit (32 MiB unless --max-file-size says otherwise; no hand-written catalog
comes close, so a larger file is almost always a mistake), and symlinks that
loop back to a folder above them.`,
		Fix: "Make the file readable, split it, or move it out of the catalog tree.",
	},
}

var YAMLSyntax = &lint.Rule{
	Name:     "yaml-syntax",
	Severity: finding.Error,
	Doc: lint.Doc{
		Title: "a file is not well-formed YAML",
		Why: `svccat cannot read a malformed file at all, so nothing in it is checked.
Besides syntax errors this covers files that are not UTF-8, duplicate keys in a
mapping (YAML forbids them and the second value would silently win), documents
nested more than 64 levels deep and documents whose aliases expand to more than
100,000 nodes (an "alias bomb").`,
		Bad: `apiVersion: svccat/v1
kind: Team
metadata:
  name: messaging
  name: mail-team        # duplicate key
`,
		Good: `apiVersion: svccat/v1
kind: Team
metadata:
  name: messaging
`,
		Fix: "Correct the YAML at the position given.",
	},
}

var Schema = &lint.Rule{
	Name:     "schema",
	Severity: finding.Error,
	Doc: lint.Doc{
		Title: "a document violates the catalog schema",
		Why: `The schema (svccat schema prints it) is the contract for every kind of
document: required fields, allowed values, ranges and formats. Unknown fields
are errors so that a typo such as "ownr:" never passes silently. Every
violation of a document is reported in one run, each at its own line; the
finding's key is the field's path (spec.impact.tier).`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata: {name: corporate-email}
spec:
  type: busines          # not "business" or "supporting"
  impact: {tier: 7}      # tier is 0..4
  ownr: messaging        # unknown field; did you mean "owner"?
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata: {name: corporate-email}
spec:
  type: business
  impact: {tier: 1}
  owner: messaging
`,
		Fix: `Correct the field at the position given; svccat schema shows what each
field accepts.`,
	},
}
