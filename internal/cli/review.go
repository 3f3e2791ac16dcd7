package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/measure"
	"github.com/svccat/svccat/internal/render"
)

type reviewOptions struct {
	catalogFlags
	all    bool
	period string
	by     string
	format string
}

func (a *app) newReviewCmd() *cobra.Command {
	o := &reviewOptions{}
	cmd := &cobra.Command{
		Use:   "review [PATH...]",
		Short: "Service review: consumption against plan, availability against the SLO, satisfaction, unit cost against price",
		Long: `Report, for every live and retiring business service (with --all, every
service that is not retired), what its latest Measurement says against what
was planned and promised: consumed against planned (converted to the
measurement's period) and the variance, measured availability against the
availability objective, the satisfaction survey (score of scale, as a
percent, and the responses), unit cost, price and recovery from the cost
report, and the policy findings on the service. A service's latest
measurement is the one whose period ends last (on a tie, the shorter
period); --period uses only a measurement of exactly that period. Services
without a measurement are listed with their measures empty.

--by segment or market sums consumption and money over the services of
each (a service tracing to several segments counts equally in each, as in
the cost report) and weighs satisfaction by responses.

Exit code 2 when the catalog does not load.`,
		Example: `  svccat review examples/acme
  svccat review --period 2026-10 --format markdown examples/acme
  svccat review --by segment --format json examples/acme`,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runReview(o, args) },
	}
	o.register(cmd.Flags())
	f := cmd.Flags()
	f.BoolVar(&o.all, "all", false, "add the supporting services (every service that is not retired)")
	f.StringVar(&o.period, "period", "", "use only measurements of this period: YYYY-MM, YYYY-Qn or YYYY (default: each service's latest)")
	f.StringVar(&o.by, "by", measure.ByService, "rows by: "+strings.Join(cost.Groupings, "|"))
	cmd.RegisterFlagCompletionFunc("by", cobra.FixedCompletions(cost.Groupings, cobra.ShellCompDirectiveNoFileComp))
	formatFlag(cmd, &o.format, render.ReviewFormats.Names())
	return cmd
}

func (a *app) runReview(o *reviewOptions, paths []string) error {
	if !contains(cost.Groupings, o.by) {
		return usagef("--by %q: want one of %s", o.by, strings.Join(cost.Groupings, ", "))
	}
	var period catalog.Period
	if o.period != "" {
		p, err := catalog.ParsePeriod(o.period)
		if err != nil {
			return usagef("--period %q: want YYYY-MM, YYYY-Qn or YYYY", o.period)
		}
		period = p
	}
	if err := checkFormat(o.format, render.ReviewFormats.Names()); err != nil {
		return err
	}
	l, err := a.loadForReport(&o.catalogFlags, paths, needLoaded)
	if err != nil {
		return err
	}
	alloc := cost.Allocate(l.catalog, l.config, "")
	byService, err := cost.NewUnitReport(alloc)
	if err != nil {
		return err
	}
	var grouped *cost.Report
	if o.by != cost.ByService {
		if grouped, err = cost.NewReport(alloc, o.by); err != nil {
			return err
		}
	}
	review := measure.NewReview(l.catalog, l.config, byService, grouped, measure.ReviewOptions{
		All: o.all, Period: period, By: o.by, Findings: measure.PolicyFindings(l.lint.Findings),
	})
	return a.output(&o.catalogFlags, l, func(w io.Writer, _ bool) error {
		return render.ReviewFormats.Write(w, o.format, render.ReviewInput{Review: review})
	})
}
