package render

import (
	"fmt"
	"io"

	"github.com/svccat/svccat/internal/graph"
)

// ImpactInput is what an impact printer may use.
type ImpactInput struct {
	Outage *graph.Outage
	Color  bool
}

var impactPrinters = map[string]func(io.Writer, ImpactInput) error{
	"text": ImpactText,
	"json": ImpactJSON,
}

// ImpactFormats lists the formats Impact accepts, the default first.
func ImpactFormats() []string { return []string{"text", "json"} }

// Impact writes an impact report in the given format.
func Impact(w io.Writer, format string, in ImpactInput) error {
	p, ok := impactPrinters[format]
	if !ok {
		return fmt.Errorf("unknown format %q", format)
	}
	return p(w, in)
}

// impactCounts counts the services of each status.
func impactCounts(o *graph.Outage) (failed, down, degraded int) {
	for _, s := range o.Services {
		switch s.Status {
		case graph.StatusFailed:
			failed++
		case graph.StatusDown:
			down++
		case graph.StatusDegraded:
			degraded++
		}
	}
	return failed, down, degraded
}
