package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/diff"
	"github.com/svccat/svccat/internal/duration"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/plural"
	"github.com/svccat/svccat/internal/safetext"
)

// DiffMarker starts every Markdown diff: the pull-request comment is
// found again by it and updated in place.
const DiffMarker = "<!-- svccat-diff:v1 -->"

// DefaultDiffMaxBytes keeps a Markdown diff under GitHub's comment limit
// (65,536 characters).
const DefaultDiffMaxBytes = 65000

// DiffInput is what the diff printers use.
type DiffInput struct {
	Change *diff.Change
	// BaseRev is the revision as given and BaseCommit its commit id; with
	// --base-dir BaseRev is empty and BaseDir names the folder.
	BaseRev, BaseCommit, BaseDir string
	HeadPaths                    []string
	// MaxBytes bounds the Markdown output; 0 is DefaultDiffMaxBytes.
	MaxBytes int
}

var diffPrinters = map[string]func(io.Writer, DiffInput) error{
	"text":     DiffText,
	"markdown": DiffMarkdown,
	"json":     DiffJSON,
}

// DiffFormats lists the formats Diff accepts.
func DiffFormats() []string { return []string{"text", "markdown", "json"} }

// Diff writes in in the given format.
func Diff(w io.Writer, format string, in DiffInput) error {
	p, ok := diffPrinters[format]
	if !ok {
		return fmt.Errorf("unknown format %q", format)
	}
	return p(w, in)
}

// DiffHeadline is the one-line summary of a change:
// "2 new errors, 1 fixed · restore: erp 40m later, 1 new RTO miss · cost
// +1,200.00 USD/year (+0.8%) · 1 service added".
func DiffHeadline(c *diff.Change) string {
	var parts []string
	if s := findingsHeadline(c.Findings); s != "" {
		parts = append(parts, s)
	}
	if s := restoreHeadline(c.Restore); s != "" {
		parts = append(parts, "restore: "+s)
	}
	if c.Cost != nil && !c.Cost.Delta.IsZero() {
		parts = append(parts, fmt.Sprintf("cost %s %s/%s%s", signed(c.Cost.Delta, c.Cost.Places), c.Cost.Currency, c.Cost.Period, pctParen(c.Cost.DeltaPercent)))
	}
	if s := entitiesHeadline(c.Entities); s != "" {
		parts = append(parts, s)
	}
	if n := len(c.Impact); n > 0 {
		parts = append(parts, fmt.Sprintf("impact changed for %s", plural.Count(n, "supporting service")))
	}
	if t := c.Traceability; len(t.Untraced)+len(t.Traced) > 0 {
		var s []string
		if n := len(t.Untraced); n > 0 {
			s = append(s, fmt.Sprintf("%d newly untraced", n))
		}
		if n := len(t.Traced); n > 0 {
			s = append(s, fmt.Sprintf("%d newly traced", n))
		}
		parts = append(parts, strings.Join(s, ", "))
	}
	for _, o := range c.Omitted {
		parts = append(parts, fmt.Sprintf("%s: %s not compared", o.Side, strings.Join(o.Sections, ", ")))
	}
	if len(parts) == 0 {
		return "no change"
	}
	return strings.Join(parts, " · ")
}

func findingsHeadline(f diff.Findings) string {
	count := map[finding.Severity]int{}
	for _, x := range f.New {
		count[x.Severity]++
	}
	var s []string
	for _, sev := range []finding.Severity{finding.Error, finding.Warning, finding.Info} {
		if n := count[sev]; n > 0 {
			s = append(s, "new "+plural.Count(n, sev.String()))
		}
	}
	for i := range s {
		// "new 2 errors" reads "2 new errors".
		n, word, _ := strings.Cut(strings.TrimPrefix(s[i], "new "), " ")
		s[i] = n + " new " + word
	}
	if n := len(f.Fixed); n > 0 {
		s = append(s, fmt.Sprintf("%d fixed", n))
	}
	return strings.Join(s, ", ")
}

// restoreHeadline names the total-loss service whose finish moved most,
// and counts new misses over every scenario.
func restoreHeadline(sc []diff.Scenario) string {
	var s []string
	for _, x := range sc {
		if x.Name != "total loss" {
			continue
		}
		var best *diff.RestoreChange
		var bestD time.Duration
		for i := range x.Changes {
			c := &x.Changes[i]
			if c.BeforeFinish == nil || c.AfterFinish == nil {
				continue
			}
			d := *c.AfterFinish - *c.BeforeFinish
			if d < 0 {
				d = -d
			}
			if d > bestD {
				best, bestD = c, d
			}
		}
		if best != nil {
			word := "later"
			if *best.AfterFinish < *best.BeforeFinish {
				word = "earlier"
			}
			s = append(s, fmt.Sprintf("%s %s %s", safetext.Line(best.Service), duration.Format(bestD), word))
		} else if x.MakespanBefore != nil && x.MakespanAfter != nil && *x.MakespanBefore != *x.MakespanAfter {
			s = append(s, fmt.Sprintf("makespan %s → %s", duration.Format(*x.MakespanBefore), duration.Format(*x.MakespanAfter)))
		}
	}
	missed := map[string]bool{}
	for _, x := range sc {
		for _, m := range x.NewMisses {
			missed[m] = true
		}
	}
	misses := len(missed)
	if misses > 0 {
		s = append(s, diffPlural(misses, "new RTO miss"))
	}
	if len(s) == 0 && len(sc) > 0 {
		s = append(s, plural.Count(len(sc), "scenario")+" changed")
	}
	return strings.Join(s, ", ")
}

func entitiesHeadline(e diff.Entities) string {
	var s []string
	for _, g := range []struct {
		ids  []string
		verb string
	}{{e.Added, "added"}, {e.Removed, "removed"}, {changedIDs(e.Changed), "changed"}} {
		if len(g.ids) == 0 {
			continue
		}
		count := map[string]int{}
		var kinds []string
		for _, id := range g.ids {
			k, _, _ := strings.Cut(id, "/")
			if count[k] == 0 {
				kinds = append(kinds, k)
			}
			count[k]++
		}
		var ks []string
		for _, k := range kinds {
			ks = append(ks, kindPlural(count[k], k))
		}
		s = append(s, strings.Join(ks, ", ")+" "+g.verb)
	}
	return strings.Join(s, ", ")
}

func changedIDs(cs []diff.EntityChange) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Entity
	}
	return out
}

// diffPlural is plural for the diff's words, "miss" included.
func diffPlural(n int, word string) string {
	if n != 1 && strings.HasSuffix(word, "s") {
		return fmt.Sprintf("%d %ses", n, word)
	}
	return plural.Count(n, word)
}

func kindPlural(n int, kind string) string { return plural.Count(n, strings.ToLower(kind)) }

// signed writes an amount with its sign: "+1,200.00", "-5.00".
func signed(d decimal.Decimal, places int) string {
	s := d.Grouped(places)
	if d.Sign() > 0 {
		return "+" + s
	}
	return s
}

// pct writes a percent change to one place: "+0.8%"; "new" without a base.
func pct(p *decimal.Decimal) string {
	if p == nil {
		return "new"
	}
	s := p.Fixed(1)
	if p.Sign() > 0 {
		s = "+" + s
	}
	return s + "%"
}

func pctParen(p *decimal.Decimal) string {
	if p == nil {
		return ""
	}
	return " (" + pct(p) + ")"
}

func money(d *decimal.Decimal, places int) string {
	if d == nil {
		return "-"
	}
	return d.Grouped(places)
}

func diffDuration(d *time.Duration) string {
	if d == nil {
		return "-"
	}
	return duration.Format(*d)
}

func optInt(n *int) string {
	if n == nil {
		return "-"
	}
	return fmt.Sprint(*n)
}

func rtoWord(b *bool) string {
	switch {
	case b == nil:
		return "-"
	case *b:
		return "met"
	}
	return "missed"
}

// writtenValue writes a field's value as compact JSON; "(absent)" for nil.
func writtenValue(v any) string {
	if v == nil {
		return "(absent)"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
