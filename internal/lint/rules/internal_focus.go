package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/svccat/svccat/internal/catalog"
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
Administration", "Managing Storage", "Change Management" or "SysOps"
describes IT's own activity: no customer segment buys it, nobody can say
what its price buys, and the catalog reads as an org chart instead of a
menu. The rule reads a business service the way a portfolio reviewer does,
from its words and from the catalog around it.

The words: the title, the name where it says more than the title, then the
description. The vocabulary is embedded data (doc/internal-focus.md):
technical objects (servers, storage, mainframe, cloud accounts,
certificates, SIEM, firmware, DNS, tape, hypervisors, desktops, racks,
power and cooling, middleware, directories...), IT activities
(administration, operations, maintenance, monitoring, hosting, upgrades,
restore, hardening, provisioning, refresh, imaging...), IT practices
offered as products (change, release, incident, problem, configuration,
capacity management...), jargon (SysOps, DC Ops, DBA, NOC), outcome nouns
(claims, patients, orders, fleet...) and industry senses. Case, hyphens,
plurals, gerunds, CamelCase and abbreviations read alike ("Managing
Storage", "SysAdmin", "Mail Mgmt"); an acronym matches only a word in
capitals ("LAN", never "Atlantic" or "plans").

An IT activity applied to a technical object is an internal function,
whatever the word order and with words in between: "Linux Server Support",
"Administering Windows Hosts", "Maintenance of Core Switches", "Cartridge
Robot Management". So are an IT practice ("Incident Management"), IT
jargon ("DC Ops") and an activity only IT does ("Patching", "Backups"). A
name made only of infrastructure ("Linux Servers", "Block Storage") is a
weaker reading. The same activity applied to an outcome is business
("Claims Administration", "Fleet Maintenance", "Remote Patient
Monitoring"), and so is an everyday product alone ("Corporate Email",
"Guest Wi-Fi"). In a catalog of their industry, technical-sounding words
are the business itself: "Grid Maintenance" at an electricity distributor,
"Track Circuit Monitoring" at a railway; the service's description, unit,
touchpoints, segments and markets show the industry. "Managed ...", "... as
a Service" and a named audience ("... for Law Firms") lower a reading a
step.

The catalog signals, weighed with the words. Technical: a technical
consumption unit (per VM, server, core, TB, instance, host), business
services hard-depending on it (the shape of a supporting service), a
description that reads as an internal function (a name that says nothing,
"Host Care", over a description that says it all), and, next to other
evidence, no touchpoint and no experience package. Business: a unit
customers recognise (mailbox, user, claim, order, shipment), touchpoints,
an experience package, an external segment, a price, a description that
names who is served.

Severity: strong words are an error. Signals alone, infrastructure alone,
or strong words against business signals are a warning. A service sold to
an external, paying segment with touchpoints and an experience package is
info, or no finding where the business signals clearly outweigh the
technical ones ("Managed Backup for Law Firms" from a managed-service
provider). A severity under rules: in the config replaces the error and
caps the others: "internal-focus: warning" makes every finding a warning
or info, "info" makes them all info, "off" turns the rule off. The message
names the words and the signals; the key is the words that read as
internal, or the service's name when the signals alone flagged it.
Supporting services are never flagged: they are exactly where technical
functions belong.`,
		Bad: `apiVersion: svccat/v1
kind: Service
metadata:
  name: server-administration
  title: Server Administration
spec:
  type: business
  consumption: {unit: server, price: 250}
`,
		Good: `apiVersion: svccat/v1
kind: Service
metadata:
  name: corporate-email
  title: Corporate Email
spec:
  type: business
  touchpoints: [email, web]
  consumption: {unit: mailbox, price: 14.50}
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
the business services that need it depend on it.

To extend the vocabulary, a single word under internalFocus.terms is one
more technical object ("mainframe" flags "Mainframe Operations"); a phrase
of several words is an internal function on its own ("batch scheduling").
To silence it, internalFocus.allow lists service names that are never
flagged; an entry that is one word or one vocabulary phrase reads as
business everywhere ("grid" in a utility's catalog). For one service with
a reason, use the svccat.dev/ignore annotation.

    internalFocus:
      terms: [mainframe, batch scheduling]
      allow: [network-as-a-service, grid]`,
	},
	Run: func(p *lint.Pass) {
		lex := defaultLexicon()
		x := newExtras(p.Config.InternalFocus.Terms, p.Config.InternalFocus.Allow)
		ctx := newFocusContext(lex)
		for _, s := range p.Catalog.Services {
			if !s.IsBusiness() || slices.Contains(p.Config.InternalFocus.Allow, s.Name) {
				continue
			}
			a := assessFocus(lex, x, ctx, s)
			if a.severity == 0 {
				continue
			}
			p.ReportAt(a.severity, s, s.NamePos, a.key(s), "%s", a.message(s))
		}
	},
}

// focusAssessment is the rule's verdict on one business service.
type focusAssessment struct {
	// name is the reading of the title or name; desc of the description.
	name, desc reading
	// technical and business are the catalog signals found, as the
	// message says them.
	technical, business []string
	tech, biz           int
	// sold: an external paying segment, touchpoints and an experience
	// package.
	sold     bool
	severity finding.Severity
}

// assessFocus weighs a business service's words and catalog signals.
func assessFocus(lex *lexicon, x *extras, ctx *focusContext, s *catalog.Service) focusAssessment {
	var a focusAssessment
	title, name, desc := lex.clauses(s.DisplayName()), lex.clauses(s.Name), lex.clauses(s.Description)
	x = ctx.extras(x, s, title, name, desc)
	a.name = lex.readClauses(title, x)
	// The name is read too where it says more than the title: "dc-east"
	// titled "Data Centre Operations" says less, "srv-admin-win" titled
	// "Windows Servers" says more. A name made of the title's words is
	// the title compressed ("print-scan" for "Print & Scan") and would
	// only lose the title's grammar.
	if s.Title != "" && !sameWords(name, title) {
		if r := lex.readClauses(name, x); r.level > a.name.level {
			a.name = r
		}
	}
	// A description counts when it pairs an activity with an object or
	// names a practice or jargon; a lone activity word in running prose
	// is too weak.
	for _, ts := range desc {
		if r := lex.readClause(ts, x); r.level == internalReading && (r.kind == kindPair || r.kind == kindPractice || r.kind == kindJargon) {
			a.desc = r
			break
		}
	}
	a.signals(lex, s, desc)
	a.severity = a.decide()
	return a
}

func (a *focusAssessment) signals(lex *lexicon, s *catalog.Service, desc [][]token) {
	unit, priced := "", false
	if c := s.Consumption; c != nil {
		unit = strings.TrimSpace(c.Unit)
		priced = c.Price != nil && c.Price.Sign() > 0
	}
	switch unitKind(lex, unit) {
	case infraObject:
		a.tech += 2
		a.technical = append(a.technical, fmt.Sprintf("consumed per %s", unit))
	case outcome:
		a.biz++
		a.business = append(a.business, fmt.Sprintf("consumed per %s", unit))
	}
	if n := businessDependents(s); n > 0 {
		a.tech += min(n, 2)
		a.technical = append(a.technical, fmt.Sprintf("%d business %s on it", n, plural(n, "service hard-depends", "services hard-depend")))
	}
	if a.desc.level == internalReading {
		a.tech += 2
		a.technical = append(a.technical, fmt.Sprintf("its description reads as %q", a.desc.phrase))
	}
	hasExperience := len(s.Experience.FacilitatingProducts)+len(s.Experience.Information)+len(s.Experience.ExplicitBenefits)+len(s.Experience.ImplicitBenefits) > 0
	// Missing touchpoints and experience only count with other technical
	// evidence: many business services in a young catalog lack both.
	if a.tech > 0 || a.name.level > noReading {
		if len(s.Touchpoints) == 0 {
			a.tech++
			a.technical = append(a.technical, "no touchpoint")
		}
		if !hasExperience {
			a.tech++
			a.technical = append(a.technical, "no experience package")
		}
	}
	if len(s.Touchpoints) > 0 {
		a.biz++
		a.business = append(a.business, "touchpoints")
	}
	if hasExperience {
		a.biz++
		a.business = append(a.business, "an experience package")
	}
	external := ""
	for _, seg := range s.Segments {
		if seg.Audience == "external" {
			external = seg.DisplayName()
			break
		}
	}
	if external != "" {
		a.biz++
		if priced {
			a.biz++
			a.business = append(a.business, fmt.Sprintf("a price paid by the external segment %q", external))
		} else {
			a.business = append(a.business, fmt.Sprintf("the external segment %q", external))
		}
	}
	if describesAudience(lex, desc) {
		a.biz++
		a.business = append(a.business, "a description that names who is served")
	}
	a.sold = external != "" && priced && len(s.Touchpoints) > 0 && hasExperience
}

// decide turns the evidence into a severity (0: no finding).
func (a *focusAssessment) decide() finding.Severity {
	switch a.name.level {
	case internalReading:
		switch {
		case a.sold && a.biz >= a.tech+2:
			// A provider's product: sold, and the business signals
			// outweigh the technical ones.
			return 0
		case a.sold:
			return finding.Info
		case a.biz >= 3:
			return finding.Warning
		}
		return finding.Error
	case infrastructureReading:
		switch {
		case a.sold:
			return 0
		case a.biz >= 2 && a.tech < 3:
			return finding.Info
		case a.tech >= 4:
			return finding.Error
		}
		return finding.Warning
	}
	// A name that says nothing: the signals alone.
	if !a.sold && a.tech >= 4 && a.biz <= 1 {
		return finding.Warning
	}
	return 0
}

// message names what made the service read as internal, and the fix.
func (a *focusAssessment) message(s *catalog.Service) string {
	var why []string
	if r := a.name; r.kind != kindNone && r.level > noReading {
		why = append(why, explain(r))
	}
	if len(a.technical) > 0 {
		why = append(why, strings.Join(a.technical, ", "))
	}
	msg := fmt.Sprintf("business service %q reads as an internally-focused technical function (%s)", s.DisplayName(), strings.Join(why, "; "))
	if len(a.name.lowered) > 0 && a.name.level > noReading {
		msg += fmt.Sprintf(", though %q says someone buys it", a.name.lowered[0])
	}
	if len(a.business) > 0 && a.severity < finding.Error {
		msg += ", against " + andList(a.business)
	}
	return msg + ": name the outcome a customer buys, or make it type: supporting and let the business services that need it depend on it"
}

// key is the finding's position-free identity: the words that read as
// internal, else (signals alone) the service's name.
func (a *focusAssessment) key(s *catalog.Service) string {
	if a.name.level > noReading && a.name.phrase != "" {
		return a.name.phrase
	}
	return s.Name
}

// explain says why a reading reads as internal.
func explain(r reading) string {
	switch r.kind {
	case kindPair:
		return fmt.Sprintf("the IT activity %q on the technical object %q", r.activity, r.object)
	case kindPractice:
		return fmt.Sprintf("%q, an IT practice rather than a product", r.phrase)
	case kindJargon:
		return fmt.Sprintf("%q, IT jargon for an internal function", r.phrase)
	case kindITOnly:
		return fmt.Sprintf("%q, work only IT does", r.phrase)
	case kindConfigured:
		return fmt.Sprintf("%q, listed under internalFocus.terms", r.phrase)
	case kindObjects:
		return fmt.Sprintf("%q, infrastructure rather than an outcome", r.phrase)
	}
	return ""
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// sameWords reports whether every word of name is a word of title.
func sameWords(name, title [][]token) bool {
	in := map[string]bool{}
	for _, ts := range title {
		for i, t := range ts {
			in[t.word] = true
			if i > 0 { // "eSIM" is "e sim" in the title, "esim" in the name
				in[ts[i-1].word+t.word] = true
			}
		}
	}
	for _, ts := range name {
		for _, t := range ts {
			if !in[t.word] {
				return false
			}
		}
	}
	return true
}

// businessDependents counts the business services that hard-depend on s.
func businessDependents(s *catalog.Service) int {
	seen := map[*catalog.Service]bool{}
	for _, d := range s.Dependents {
		if d.Hard && d.From != nil && d.From != s && d.From.IsBusiness() {
			seen[d.From] = true
		}
	}
	return len(seen)
}

// unitKind says whether a consumption unit is technical (infraObject),
// one a customer recognises (outcome), or neither.
func unitKind(lex *lexicon, unit string) termClass {
	ws := strings.Fields(strings.ToLower(strings.NewReplacer("-", " ", "_", " ").Replace(unit)))
	if len(ws) == 0 {
		return 0
	}
	for _, w := range []string{strings.Join(ws, " "), ws[len(ws)-1]} {
		for _, c := range []string{w, strings.TrimSuffix(w, "s")} {
			switch {
			case lex.techUnits[c]:
				return infraObject
			case lex.bizUnits[c]:
				return outcome
			}
		}
	}
	return 0
}

// describesAudience reports whether a description names who is served.
func describesAudience(lex *lexicon, desc [][]token) bool {
	for _, ts := range desc {
		for _, t := range ts {
			if lex.audience[t.word] || lex.audience[singular(t.word)] {
				return true
			}
		}
	}
	return false
}

// focusContext finds the industries a service's context shows, caching
// what each segment shows (many services share segments) and the
// vocabulary extras of each set of industries.
type focusContext struct {
	lex      *lexicon
	segments map[*catalog.Segment]industrySet
	markets  map[*catalog.Market]industrySet
	extras_  map[extrasKey]*extras
}

type extrasKey struct {
	base *extras
	set  industrySet
}

func newFocusContext(lex *lexicon) *focusContext {
	return &focusContext{lex: lex, segments: map[*catalog.Segment]industrySet{}, markets: map[*catalog.Market]industrySet{}, extras_: map[extrasKey]*extras{}}
}

// extras returns x with the senses of every industry whose cues occur in
// the service's title, name, description, unit or touchpoints, or in its
// segments and their markets, read as outcome nouns.
func (c *focusContext) extras(x *extras, s *catalog.Service, title, name, desc [][]token) *extras {
	set := c.lex.industriesIn(title) | c.lex.industriesIn(name) | c.lex.industriesIn(desc)
	for _, t := range s.Touchpoints {
		set |= c.lex.industriesInText(t)
	}
	if s.Consumption != nil {
		set |= c.lex.industriesInText(s.Consumption.Unit)
	}
	for _, seg := range s.Segments {
		got, ok := c.segments[seg]
		if !ok {
			for _, t := range []string{seg.Name, seg.Title, seg.Description, seg.ValueProposition} {
				got |= c.lex.industriesInText(t)
			}
			if m := seg.Market; m != nil {
				mk, ok := c.markets[m]
				if !ok {
					for _, t := range []string{m.Name, m.Title, m.Description, m.ValueProposition} {
						mk |= c.lex.industriesInText(t)
					}
					c.markets[m] = mk
				}
				got |= mk
			}
			c.segments[seg] = got
		}
		set |= got
	}
	if set == 0 {
		return x
	}
	k := extrasKey{x, set}
	if y, ok := c.extras_[k]; ok {
		return y
	}
	senses := map[string]bool{}
	for i, in := range c.lex.industries {
		if set&(1<<i) != 0 {
			for w := range in.senses {
				senses[w] = true
			}
		}
	}
	y := x.withOutcomes(senses)
	c.extras_[k] = y
	return y
}
