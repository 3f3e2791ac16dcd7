package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/render"
)

type costOptions struct {
	catalogFlags
	by     string
	period string
	format string
}

func (a *app) newCostCmd() *cobra.Command {
	o := &costOptions{}
	cmd := &cobra.Command{
		Use:   "cost [PATH...]",
		Short: "Cost report: direct cost by pool, shared-service allocation, unit cost against price",
		Long: `Report what each business service costs in full, and whether its price
recovers it.

Direct cost is a service's cost pools, converted to the reporting period
(month ×12 = year, quarter ×4 = year, and back; a cost without a period is
per the config's period). Each supporting service's full cost (direct plus
what it received) is allocated to every service that depends on it, hard or
soft, in proportion to the dependency weights, dependencies first, so chains
of supporting services pass cost down. Business services keep their cost.
The cost of a supporting service nothing depends on is reported as
unallocated.

Planned volumes are per cost period and scale with the reporting period
like money, so unit cost (full cost / planned) and price do not change.
Revenue = price × planned; recovery = revenue − full cost.

--by segment or market splits each business service's cost and revenue
equally across its segments; a segment's belong to its market; services
that trace to no segment form the row (untraced).

Amounts are exact and rounded to the currency's minor unit only for display,
by the largest-remainder method: the rows and (unallocated) add up to the
total, which is the sum of every direct cost.

Exit code 2 when the catalog has errors (svccat lint lists them).`,
		Example: `  svccat cost examples/acme
  svccat cost --by market --period quarter examples/acme
  svccat cost --format json -o cost.json examples/acme`,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runCost(o, args) },
	}
	o.register(cmd.Flags())
	f := cmd.Flags()
	f.StringVar(&o.by, "by", cost.ByService, "rows by: "+strings.Join(cost.Groupings, "|"))
	f.StringVar(&o.period, "period", "", "reporting period: "+strings.Join(cost.Periods, "|")+" (default: the config's period, else year)")
	formatFlag(cmd, &o.format, render.CostFormats.Names())
	return cmd
}

func (a *app) runCost(o *costOptions, paths []string) error {
	if !contains(cost.Groupings, o.by) {
		return usagef("--by %q: want one of %s", o.by, strings.Join(cost.Groupings, ", "))
	}
	if o.period != "" && !cost.ValidPeriod(o.period) {
		return usagef("--period %q: want one of %s", o.period, strings.Join(cost.Periods, ", "))
	}
	if err := checkFormat(o.format, render.CostFormats.Names()); err != nil {
		return err
	}
	l, err := a.loadForReport(&o.catalogFlags, paths, needLoaded|needAcyclic|needOneCurrency)
	if err != nil {
		return err
	}
	// A pool nobody declared is most likely a typo that would otherwise
	// just show as one more column, and a currency mismatch turned down
	// to a warning makes a total of two currencies: say so.
	for _, f := range l.lint.Findings {
		if f.Rule == "unknown-cost-pool" || f.Rule == "currency-mismatch" {
			fmt.Fprintf(a.stderr, "%s: %s: %s [%s]\n", f.Pos, f.Severity, f.Message, f.Rule)
		}
	}
	report, err := cost.NewReport(cost.Allocate(l.catalog, l.config, o.period), o.by)
	if err != nil {
		return err
	}
	return a.output(&o.catalogFlags, l, func(w io.Writer, _ bool) error {
		return render.Cost(w, o.format, render.CostInput{Report: report})
	})
}
