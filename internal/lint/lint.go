// Package lint runs rules over a catalog. A rule is a value — a name, a
// doc, a default severity and a Run function that reports through a Pass —
// registered in an explicit list (package rules). Rules never print.
package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/source"
)

// Rule is one check.
type Rule struct {
	// Name is the stable id users configure and suppress by.
	Name string
	// Doc's first line is a lower-case title; the rest explains why the
	// rule matters, shows an example and says how to fix it.
	Doc string
	// Severity is the default severity.
	Severity finding.Severity
	// Run reports findings through the pass. It is nil for the rules the
	// loader reports (unreadable files, YAML syntax, schema).
	Run func(*Pass)
}

// Title is the first line of the doc.
func (r *Rule) Title() string {
	t, _, _ := strings.Cut(r.Doc, "\n")
	return t
}

// Body is the doc without its title.
func (r *Rule) Body() string {
	_, b, _ := strings.Cut(r.Doc, "\n")
	return strings.TrimSpace(b)
}

// Pass is what a rule sees: the catalog, the config, and a way to report.
type Pass struct {
	Catalog *catalog.Catalog
	Config  *config.Config
	rule    *Rule
	out     *[]finding.Finding
}

// Reportf reports a finding about entity e (nil for a file-level finding)
// at pos.
func (p *Pass) Reportf(e catalog.Named, pos source.Pos, format string, args ...any) {
	f := finding.Finding{Rule: p.rule.Name, Severity: p.rule.Severity, Pos: pos, Message: fmt.Sprintf(format, args...)}
	if e != nil {
		f.Entity = e.Meta().ID()
	}
	*p.out = append(*p.out, f)
}

// Result is the outcome of a run.
type Result struct {
	Findings []finding.Finding
	// Suppressed counts findings silenced by svccat.dev/ignore annotations.
	Suppressed int
	Files      int
	Entities   int
	Skipped    int
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
// apply ("off" drops a rule), and findings come back sorted. An error means
// the config names a rule that does not exist.
func Run(c *catalog.Catalog, cfg *config.Config, rules []*Rule) (Result, error) {
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
	var all []finding.Finding
	for _, p := range c.Problems {
		r := byName[p.Rule]
		if r == nil {
			continue
		}
		all = append(all, finding.Finding{Rule: r.Name, Severity: r.Severity, Pos: p.Pos, Entity: p.Entity, Message: p.Message})
	}
	for _, r := range rules {
		if r.Run == nil || cfg.Rules[r.Name].Severity == "off" {
			continue
		}
		r.Run(&Pass{Catalog: c, Config: cfg, rule: r, out: &all})
	}
	res := Result{Files: len(c.Files), Entities: c.Entities(), Skipped: c.Skipped}
	for _, f := range all {
		switch s := cfg.Rules[f.Rule].Severity; s {
		case "off":
			continue
		case "":
		default:
			f.Severity, _ = finding.ParseSeverity(s)
		}
		res.Findings = append(res.Findings, f)
	}
	res.Findings, res.Suppressed = suppress(c, res.Findings)
	finding.Sort(res.Findings)
	return res, nil
}

func checkConfig(cfg *config.Config, rules map[string]*Rule) error {
	var unknown []string
	for name := range cfg.Rules {
		if rules[name] == nil {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	name := unknown[0]
	return &config.Error{Pos: cfg.Rules[name].Pos, Msg: fmt.Sprintf("unknown rule %q in rules (see `svccat rules` for the list)", name)}
}

// IgnoreAnnotation lists the rules suppressed on an entity,
// comma-separated; IgnoreReasonAnnotation says why.
const (
	IgnoreAnnotation       = "svccat.dev/ignore"
	IgnoreReasonAnnotation = "svccat.dev/ignore-reason"
)

// suppress drops findings about entities that ignore their rule.
func suppress(c *catalog.Catalog, fs []finding.Finding) ([]finding.Finding, int) {
	kept := fs[:0]
	n := 0
	for _, f := range fs {
		if f.Entity != "" && ignores(c.Entity(f.Entity), f.Rule) {
			n++
			continue
		}
		kept = append(kept, f)
	}
	return kept, n
}

func ignores(e catalog.Named, rule string) bool {
	if e == nil {
		return false
	}
	for _, r := range strings.Split(e.Meta().Annotations[IgnoreAnnotation], ",") {
		if strings.TrimSpace(r) == rule {
			return true
		}
	}
	return false
}
