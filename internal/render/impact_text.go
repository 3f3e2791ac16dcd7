package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/svccat/svccat/internal/graph"
	"github.com/svccat/svccat/internal/plural"
	"github.com/svccat/svccat/internal/safetext"
)

// ImpactText writes the blast radius for a terminal: a summary, then the
// services, segments, markets, personas and touchpoints hit, each with
// what reaches it.
func ImpactText(w io.Writer, in ImpactInput) error {
	o := in.Outage
	bw := bufio.NewWriter(w)
	failed, down, degraded := impactCounts(o)
	fmt.Fprintf(bw, "Impact of %s failing\n\n", safetext.Line(strings.Join(o.Failed, ", ")))
	fmt.Fprintf(bw, "%s affected: %d failed, %d down (a hard dependency is down), %d degraded (a soft dependency, or one of theirs, is down).\n",
		plural.Count(failed+down+degraded, "service"), failed, down, degraded)
	if len(o.Segments)+len(o.Touchpoints) == 0 {
		fmt.Fprintln(bw, "No customer segment, market, persona or touchpoint is hit.")
	} else {
		fmt.Fprintf(bw, "Customers hit: %s in %s, %s, %s.\n",
			plural.Count(len(o.Segments), "segment"), plural.Count(len(o.Markets), "market"),
			plural.Count(len(o.Personas), "persona"), plural.Count(len(o.Touchpoints), "touchpoint"))
	}

	status := func(s string) string {
		if !in.Color {
			return s
		}
		switch s {
		case graph.StatusFailed, graph.StatusDown:
			return ansiBold + ansiRed + s + ansiReset
		case graph.StatusDegraded:
			return ansiYellow + s + ansiReset
		}
		return s
	}
	var rows [][]string
	for _, s := range o.Services {
		rows = append(rows, []string{safetext.Line(s.Name), status(s.Status), s.Type, optTier(s.Tier), listOrDash(s.Via), safetext.Line(s.Title)})
	}
	fmt.Fprintln(bw)
	if err := borderlessTable(bw, []string{"service", "status", "type", "tier", "via", "title"}, rows); err != nil {
		return err
	}
	for _, sec := range []struct {
		kind, via string
		hits      []graph.Hit
	}{
		{"segment", "via (services)", o.Segments},
		{"market", "via (segments)", o.Markets},
		{"persona", "via (segment)", o.Personas},
		{"touchpoint", "via (services)", o.Touchpoints},
	} {
		if len(sec.hits) == 0 {
			continue
		}
		header := []string{sec.kind, "status", sec.via, "title"}
		var rows [][]string
		for _, h := range sec.hits {
			rows = append(rows, []string{safetext.Line(h.Name), status(h.Status), listOrDash(h.Via), safetext.Line(h.Title)})
		}
		if sec.kind == "touchpoint" {
			header = header[:3] // touchpoints are free strings without titles
			for i := range rows {
				rows[i] = rows[i][:3]
			}
		}
		fmt.Fprintln(bw)
		if err := borderlessTable(bw, header, rows); err != nil {
			return err
		}
	}
	return bw.Flush()
}
