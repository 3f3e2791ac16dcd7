// Package lint runs rules over a catalog. A rule is a value — a name, a
// doc, a default severity and a Run function that reports through a Pass —
// registered in an explicit list (package rules). Rules never print.
package lint

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/load"
	"github.com/svccat/svccat/internal/source"
	"github.com/svccat/svccat/internal/typo"
)

// Rule is one check.
type Rule struct {
	// Name is the stable id users configure and suppress by.
	Name string
	// Doc explains the rule; `svccat rules ID`, the README's rule table,
	// doc/rules.md and SARIF's help text are generated from it.
	Doc Doc
	// Severity is the default severity.
	Severity finding.Severity
	// Run reports findings through the pass. It is nil for the rules the
	// loader reports (unreadable files, YAML syntax, schema).
	Run func(*Pass)
	// AfterSuppression makes the rule run once every other rule has
	// reported and the svccat.dev/ignore annotations have been applied:
	// Pass.Suppressions then says what each annotation silenced. Such a
	// rule checks the suppressions themselves, so its findings cannot be
	// suppressed.
	AfterSuppression bool
}

// Suppressible reports whether an svccat.dev/ignore annotation can silence
// the rule. Load and structural problems cannot (see Class): a catalog
// that does not load, or whose graph has a loop, cannot be trusted by the
// other checks and the reports. Nor can the rules that check
// suppressions.
func (r *Rule) Suppressible() bool {
	return r.Class() == Policy && r.Run != nil && !r.AfterSuppression
}

// Doc is a rule's documentation, in the shape of staticcheck's: a title,
// why the rule matters, a bad and a good example, and how to fix a
// finding. Prose is plain text (paragraphs separated by blank lines, a
// line indented four spaces is code); Bad and Good are YAML.
type Doc struct {
	// Title is one lower-case line without a full stop: what the rule
	// finds.
	Title string
	// Why says why it matters and how the rule decides.
	Why string
	// Bad is YAML that the rule flags; Good is the same fixed. The
	// loader's rules that have no YAML to show leave them empty.
	Bad, Good string
	// Fix says how to fix a finding.
	Fix string
}

// Pass is what a rule sees: the catalog, the config, and a way to report.
type Pass struct {
	Catalog *catalog.Catalog
	Config  *config.Config
	// Rules are the rules of this run.
	Rules []*Rule
	// Suppressions are the catalog's svccat.dev/ignore annotations and
	// what each silenced, in catalog order; only AfterSuppression rules
	// see them.
	Suppressions []*Suppression
	rule         *Rule
	out          *[]finding.Finding
}

// Report reports a finding about entity e (nil for a file-level finding)
// at pos. key is the rule's short, position-free name for what it found
// (the referenced name, the field path, a loop's members sorted; never a
// position, an amount, a percent or a duration): with the rule and the
// entity it is the finding's identity, which baselines and svccat diff
// compare. It must not be empty: linttest fails a rule whose finding has
// none.
func (p *Pass) Report(e catalog.Named, pos source.Pos, key, format string, args ...any) {
	f := finding.Finding{Rule: p.rule.Name, Severity: p.rule.Severity, Pos: pos, Key: key, Message: fmt.Sprintf(format, args...)}
	if e != nil {
		f.Entity = e.Meta().ID()
	}
	*p.out = append(*p.out, f)
}

// ReportAt is Report for a rule that grades its findings: sev is at or
// below the rule's default severity. A severity set in the config
// replaces the default and caps the lower grades (see configure).
func (p *Pass) ReportAt(sev finding.Severity, e catalog.Named, pos source.Pos, key, format string, args ...any) {
	n := len(*p.out)
	p.Report(e, pos, key, format, args...)
	(*p.out)[n].Severity = min(sev, p.rule.Severity)
}

// Result is the outcome of a run.
type Result struct {
	Findings []finding.Finding
	// Suppressed counts findings silenced by svccat.dev/ignore annotations.
	Suppressed int
	// SuppressedFindings are those findings, marked Suppressed, sorted:
	// JSON and SARIF carry them, the other formats count them.
	SuppressedFindings []finding.Finding
	Files              int
	Entities           int
	Skipped            int
}

// Summary counts the findings by severity and what was checked.
func (r Result) Summary() finding.Summary {
	return finding.Summarize(r.Findings, finding.Summary{Files: r.Files, Entities: r.Entities, Suppressed: r.Suppressed, Skipped: r.Skipped})
}

// Max returns the highest severity found, or 0 when there is no finding.
func (r Result) Max() finding.Severity {
	var m finding.Severity
	for _, f := range r.Findings {
		m = max(m, f.Severity)
	}
	return m
}

// Run checks the catalog with rules: the loader's problems become findings
// of their rules, each rule's Run adds its own, the config's severities
// apply ("off" drops a rule), findings about an entity that ignores their
// rule are suppressed, the AfterSuppression rules check the suppressions,
// and findings come back sorted. An error means the config names a rule
// that does not exist.
func Run(l *load.Result, cfg *config.Config, rules []*Rule) (Result, error) {
	c := l.Catalog
	if cfg == nil {
		cfg = config.Default()
	}
	byName := map[string]*Rule{}
	for _, r := range rules {
		byName[r.Name] = r
	}
	if err := checkConfig(cfg, byName); err != nil {
		return Result{}, err
	}
	var found []finding.Finding
	for _, p := range l.Problems {
		r := byName[p.Rule]
		if r == nil {
			continue
		}
		found = append(found, finding.Finding{Rule: r.Name, Severity: r.Severity, Pos: p.Pos, Entity: p.Entity, Key: p.Key, Message: p.Message})
	}
	run := func(r *Rule, sups []*Suppression) {
		if r.Run != nil && !off(cfg, r.Name) {
			r.Run(&Pass{Catalog: c, Config: cfg, Rules: rules, Suppressions: sups, rule: r, out: &found})
		}
	}
	for _, r := range rules {
		if !r.AfterSuppression {
			run(r, nil)
		}
	}
	sups := suppressions(c, cfg, byName)
	res := Result{Files: len(l.Files), Entities: c.Entities(), Skipped: l.Skipped}
	res.Findings, res.SuppressedFindings = suppress(configure(cfg, byName, found), sups)
	res.Suppressed = len(res.SuppressedFindings)
	finding.Sort(res.SuppressedFindings)
	found = found[:0]
	for _, r := range rules {
		if r.AfterSuppression {
			run(r, sups)
		}
	}
	res.Findings = append(res.Findings, configure(cfg, byName, found)...)
	finding.Sort(res.Findings)
	return res, nil
}

// configure applies the config's severities to fs: "off" drops a finding,
// another severity replaces the rule's default. A finding its rule graded
// below the default (ReportfAt) keeps its grade, capped by the configured
// severity: with internal-focus set to warning, its errors become
// warnings and its infos stay infos.
func configure(cfg *config.Config, rules map[string]*Rule, fs []finding.Finding) []finding.Finding {
	out := make([]finding.Finding, 0, len(fs))
	for _, f := range fs {
		if ClassOf(f.Rule) != Policy {
			// Always an error, whatever a config says (checkConfig
			// refuses one that tries).
			f.Severity = finding.Error
			out = append(out, f)
			continue
		}
		switch s := cfg.Rules[f.Rule].Severity; s {
		case "off":
			continue
		case "":
		default:
			if sev, err := finding.ParseSeverity(s); err == nil {
				if r := rules[f.Rule]; r != nil && f.Severity < r.Severity {
					sev = min(sev, f.Severity)
				}
				f.Severity = sev
			}
		}
		out = append(out, f)
	}
	return out
}

func off(cfg *config.Config, rule string) bool {
	return ClassOf(rule) == Policy && cfg.Rules[rule].Severity == "off"
}

func checkConfig(cfg *config.Config, rules map[string]*Rule) error {
	var unknown []string
	for name := range cfg.Rules {
		if rules[name] == nil || ClassOf(name) != Policy {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	// The first in the file, as the user reads it.
	sort.Slice(unknown, func(i, j int) bool {
		a, b := cfg.Rules[unknown[i]].Pos, cfg.Rules[unknown[j]].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return unknown[i] < unknown[j]
	})
	name := unknown[0]
	if c := ClassOf(name); c != Policy {
		return &config.Error{Pos: cfg.Rules[name].Pos, Msg: fixedMessage(name, c)}
	}
	hint := "see `svccat rules` for the list"
	if c := typo.Closest(name, slices.Sorted(maps.Keys(rules))); c != "" {
		hint = fmt.Sprintf("did you mean %q?", c)
	}
	return &config.Error{Pos: cfg.Rules[name].Pos, Msg: fmt.Sprintf("unknown rule %q in rules (%s)", name, hint)}
}

// IgnoreAnnotation lists the rules suppressed on an entity,
// comma-separated; IgnoreReasonAnnotation says why.
const (
	IgnoreAnnotation       = "svccat.dev/ignore"
	IgnoreReasonAnnotation = "svccat.dev/ignore-reason"
)

// Suppression is one entity's svccat.dev/ignore annotation.
type Suppression struct {
	Entity catalog.Named
	// Pos is the annotation's value (the entity's name where unknown).
	Pos source.Pos
	// Reason is svccat.dev/ignore-reason, trimmed.
	Reason string
	// Rules are the rule ids the annotation names, in its order, each
	// once.
	Rules []*Ignored
}

// Ignored is one rule id in a suppression and what became of it.
type Ignored struct {
	Name string
	// Rule is nil when the run has no rule of that name.
	Rule *Rule
	// Off is set when the config turns the rule off: the run cannot tell
	// whether the suppression is still needed.
	Off bool
	// Silenced counts the findings the suppression dropped.
	Silenced int
}

// suppressions reads every entity's svccat.dev/ignore annotation. An
// entity whose name is taken by an earlier one of its kind is left out:
// findings name entities by "Kind/name", so its findings cannot be told
// from the first one's (duplicate-name reports it).
func suppressions(c *catalog.Catalog, cfg *config.Config, rules map[string]*Rule) []*Suppression {
	var out []*Suppression
	c.Each(func(e catalog.Named) {
		m := e.Meta()
		v, ok := m.Annotations[IgnoreAnnotation]
		if !ok || c.Entity(m.ID()) != e {
			return
		}
		s := &Suppression{Entity: e, Pos: m.NamePos, Reason: strings.TrimSpace(m.Annotations[IgnoreReasonAnnotation])}
		if p, ok := m.AnnotationPos[IgnoreAnnotation]; ok {
			s.Pos = p
		}
		seen := map[string]bool{}
		for _, name := range strings.Split(v, ",") {
			name = strings.TrimSpace(name)
			if name == "" || seen[name] {
				continue
			}
			seen[name] = true
			s.Rules = append(s.Rules, &Ignored{Name: name, Rule: rules[name], Off: off(cfg, name)})
		}
		out = append(out, s)
	})
	return out
}

// suppress splits off the findings about entities that ignore their rule,
// marked Suppressed with the suppression's reason, and counts them per
// suppression.
func suppress(fs []finding.Finding, sups []*Suppression) (kept, silenced []finding.Finding) {
	if len(sups) == 0 {
		return fs, nil
	}
	ignored := map[string]map[string]*Ignored{} // entity ID -> rule -> entry
	reasons := map[string]string{}              // entity ID -> reason
	for _, s := range sups {
		reasons[s.Entity.Meta().ID()] = s.Reason
		byRule := map[string]*Ignored{}
		for _, ig := range s.Rules {
			if ig.Rule != nil && ig.Rule.Suppressible() {
				byRule[ig.Name] = ig
			}
		}
		ignored[s.Entity.Meta().ID()] = byRule
	}
	kept = fs[:0]
	for _, f := range fs {
		if ig := ignored[f.Entity][f.Rule]; ig != nil {
			ig.Silenced++
			f.Suppressed, f.Justification = true, reasons[f.Entity]
			silenced = append(silenced, f)
			continue
		}
		kept = append(kept, f)
	}
	return kept, silenced
}

// fixedMessage says why a load or structural rule cannot be configured.
func fixedMessage(name string, c Class) string {
	why := "a catalog that does not load cannot be checked or reported on"
	switch name {
	case RuleDependencyCycle:
		why = "with a dependency cycle there is no restore order and no cost allocation"
	case RuleCurrencyMismatch:
		why = "costs in two currencies have no sum"
	}
	return fmt.Sprintf("rule %q cannot be configured in rules: it is a %s, always an error (%s); only policy rules can be configured", name, c, why)
}
