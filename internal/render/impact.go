package render

import (
	"io"

	"github.com/svccat/svccat/internal/graph"
)

// ImpactInput is what an impact printer may use.
type ImpactInput struct {
	Outage *graph.Outage
	Color  bool
}

// ImpactFormats are the impact report's output formats, the default
// first.
var ImpactFormats = Formats[ImpactInput]{{"text", ImpactText}, {"json", ImpactJSON}}

// Impact writes an impact report in the given format.
func Impact(w io.Writer, format string, in ImpactInput) error {
	return ImpactFormats.Write(w, format, in)
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
