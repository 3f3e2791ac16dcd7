package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/svccat/svccat/internal/mdtext"
	"github.com/svccat/svccat/internal/plural"
	"github.com/svccat/svccat/internal/safetext"
)

// diffSection is one section of a text or Markdown diff: a title, a
// one-line summary and its items, already escaped for the output.
type diffSection struct {
	Title   string
	Summary string
	Items   []string
	// Omitted counts items left out to stay under --max-bytes.
	Omitted int
}

// diffStyle escapes catalog text for one output language.
type diffStyle struct {
	text func(string) string // prose
	code func(string) string // a name or value
}

var textStyle = diffStyle{text: safetext.Line, code: safetext.Line}
var markdownStyle = diffStyle{text: mdtext.Cell, code: mdtext.Code}

// diffSections lays a change out in the order the SPEC lists its
// sections; a section is present only when something in it changed.
func diffSections(in DiffInput, st diffStyle) []diffSection {
	c := in.Change
	var out []diffSection
	if len(c.Omitted) > 0 {
		s := diffSection{Title: "Not compared"}
		for _, o := range c.Omitted {
			s.Items = append(s.Items, fmt.Sprintf("%s: %s (%s)", o.Side, st.text(o.Reason), strings.Join(o.Sections, ", ")))
		}
		out = append(out, s)
	}
	if f := c.Findings; len(f.New)+len(f.Fixed) > 0 {
		s := diffSection{Title: "Findings", Summary: fmt.Sprintf("%d new, %d fixed", len(f.New), len(f.Fixed))}
		for _, x := range f.New {
			s.Items = append(s.Items, fmt.Sprintf("new %s: %s: %s [%s]", x.Severity, st.code(x.Pos.String()), st.text(x.Message), st.code(x.Rule)))
		}
		for _, x := range f.Fixed {
			s.Items = append(s.Items, fmt.Sprintf("fixed %s: %s: %s [%s]", x.Severity, st.code(x.Pos.String()), st.text(x.Message), st.code(x.Rule)))
		}
		out = append(out, s)
	}
	if e := c.Entities; len(e.Added)+len(e.Removed)+len(e.Changed) > 0 {
		s := diffSection{Title: "Entities", Summary: fmt.Sprintf("%d added, %d removed, %d changed", len(e.Added), len(e.Removed), len(e.Changed))}
		for _, id := range e.Added {
			s.Items = append(s.Items, "added "+st.code(id))
		}
		for _, id := range e.Removed {
			s.Items = append(s.Items, "removed "+st.code(id))
		}
		for _, ch := range e.Changed {
			var fs []string
			for _, f := range ch.Fields {
				fs = append(fs, fmt.Sprintf("%s: %s → %s", st.code(f.Path), st.code(writtenValue(f.Before)), st.code(writtenValue(f.After))))
			}
			s.Items = append(s.Items, "changed "+st.code(ch.Entity)+": "+strings.Join(fs, "; "))
		}
		out = append(out, s)
	}
	for _, sc := range c.Restore {
		s := diffSection{Title: "Restore: " + st.text(sc.Name),
			Summary: fmt.Sprintf("makespan %s → %s; %s changed", diffDuration(sc.MakespanBefore), diffDuration(sc.MakespanAfter), plural.Count(len(sc.Changes), "service"))}
		if n := len(sc.NewMisses); n > 0 {
			s.Summary += fmt.Sprintf("; %s", diffPlural(n, "new RTO miss"))
		}
		for _, ch := range sc.Changes {
			item := fmt.Sprintf("%s: step %s → %s, finish %s → %s, RTO %s → %s", st.code(ch.Service),
				optInt(ch.BeforeOrder), optInt(ch.AfterOrder), diffDuration(ch.BeforeFinish), diffDuration(ch.AfterFinish),
				rtoWord(ch.BeforeRTOMet), rtoWord(ch.AfterRTOMet))
			if ch.NewMiss {
				item = "NEW MISS " + item
			}
			s.Items = append(s.Items, item)
		}
		out = append(out, s)
	}
	if len(c.Impact) > 0 {
		s := diffSection{Title: "Impact", Summary: plural.Count(len(c.Impact), "supporting service") + " with a different blast radius"}
		names := func(xs []string) string {
			q := make([]string, len(xs))
			for i, x := range xs {
				q[i] = st.code(x)
			}
			return strings.Join(q, ", ")
		}
		for _, e := range c.Impact {
			var parts []string
			if len(e.ExposedServices) > 0 {
				parts = append(parts, "newly exposed services: "+names(e.ExposedServices))
			}
			if len(e.ExposedSegments) > 0 {
				parts = append(parts, "newly exposed segments: "+names(e.ExposedSegments))
			}
			if len(e.FreedServices) > 0 {
				parts = append(parts, "freed services: "+names(e.FreedServices))
			}
			if len(e.FreedSegments) > 0 {
				parts = append(parts, "freed segments: "+names(e.FreedSegments))
			}
			s.Items = append(s.Items, st.code(e.Service)+": "+strings.Join(parts, "; "))
		}
		out = append(out, s)
	}
	if cc := c.Cost; cc != nil && (!cc.Delta.IsZero() || len(cc.Rows) > 0) {
		s := diffSection{Title: fmt.Sprintf("Cost (%s/%s)", cc.Currency, cc.Period),
			Summary: fmt.Sprintf("total %s → %s (%s, %s)", cc.Before.Grouped(cc.Places), cc.After.Grouped(cc.Places), signed(cc.Delta, cc.Places), pct(cc.DeltaPercent))}
		for _, r := range cc.Rows {
			s.Items = append(s.Items, fmt.Sprintf("%s %s: %s → %s (%s, %s)", r.By, st.code(r.Name),
				money(r.Before, cc.Places), money(r.After, cc.Places), signed(r.Delta, cc.Places), pct(r.DeltaPercent)))
		}
		out = append(out, s)
	}
	if t := c.Traceability; len(t.Untraced)+len(t.Traced) > 0 {
		s := diffSection{Title: "Traceability", Summary: fmt.Sprintf("%d newly untraced, %d newly traced", len(t.Untraced), len(t.Traced))}
		for _, n := range t.Untraced {
			s.Items = append(s.Items, "untraced (traces to no segment) "+st.code(n))
		}
		for _, n := range t.Traced {
			s.Items = append(s.Items, "traced again "+st.code(n))
		}
		out = append(out, s)
	}
	return out
}

// baseLabel says what was compared with.
func baseLabel(in DiffInput) string {
	if in.BaseDir != "" {
		return in.BaseDir
	}
	commit := in.BaseCommit
	if len(commit) > 12 {
		commit = commit[:12]
	}
	if commit == "" || commit == in.BaseRev {
		return in.BaseRev
	}
	return in.BaseRev + " (" + commit + ")"
}

// DiffText writes the change for a terminal or a CI log.
func DiffText(w io.Writer, in DiffInput) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "svccat diff against %s: %s\n", safetext.Line(baseLabel(in)), DiffHeadline(in.Change))
	for _, s := range diffSections(in, textStyle) {
		fmt.Fprintf(bw, "\n%s", s.Title)
		if s.Summary != "" {
			fmt.Fprintf(bw, ": %s", s.Summary)
		}
		fmt.Fprintln(bw)
		for _, it := range s.Items {
			fmt.Fprintf(bw, "  %s\n", it)
		}
	}
	return bw.Flush()
}
