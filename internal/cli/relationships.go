package cli

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/measure"
	"github.com/svccat/svccat/internal/render"
)

type relationshipsOptions struct {
	catalogFlags
	by     string
	format string
}

func (a *app) newRelationshipsCmd() *cobra.Command {
	o := &relationshipsOptions{}
	cmd := &cobra.Command{
		Use:   "relationships [PATH...]",
		Short: "The relationship map: scope, spread, depth, strength, stale contacts",
		Long: `Report the relationship map as of the as-of date (the config's asOf, else
today, or --as-of): the scope (every Stakeholder), the spread (those at least
one leadership Person has a relationship with) and coverage = spread /
scope, each stakeholder's depth (the distinct leadership Persons related to
it), the strength of its relationships (type and partnership, and their
mean), its power, influence, loyalty and satisfaction, its last contact and
the days since, and whether it is stale: it has relationships and no
contact within its cadence (spec.cadence, else thresholds.contactCadence,
else 90d).

--by segment or market groups the stakeholders by the segments they speak
for (a stakeholder counts in each of its segments; those with none form
"(none)"); --by person lists every Person with the stakeholders they know.

Exit code 2 when the catalog does not load.`,
		Example: `  svccat relationships examples/acme
  svccat relationships --by segment --format markdown examples/acme
  svccat relationships --as-of 2027-03-01 --format json examples/acme`,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runRelationships(o, args) },
	}
	o.register(cmd.Flags())
	cmd.Flags().StringVar(&o.by, "by", render.RelByStakeholder, "rows by: "+strings.Join(render.RelationshipGroupings, "|"))
	cmd.RegisterFlagCompletionFunc("by", cobra.FixedCompletions(render.RelationshipGroupings, cobra.ShellCompDirectiveNoFileComp))
	formatFlag(cmd, &o.format, render.RelationshipsFormats.Names())
	return cmd
}

func (a *app) runRelationships(o *relationshipsOptions, paths []string) error {
	if !contains(render.RelationshipGroupings, o.by) {
		return usagef("--by %q: want one of %s", o.by, strings.Join(render.RelationshipGroupings, ", "))
	}
	if err := checkFormat(o.format, render.RelationshipsFormats.Names()); err != nil {
		return err
	}
	l, err := a.loadForReport(&o.catalogFlags, paths, needLoaded)
	if err != nil {
		return err
	}
	m := measure.Relationships(l.catalog, l.config)
	in := render.RelationshipsInput{Map: m, By: o.by}
	switch o.by {
	case render.RelBySegment:
		in.Groups = m.BySegment(l.catalog)
	case render.RelByMarket:
		in.Groups = m.ByMarket(l.catalog)
	case render.RelByPerson:
		in.Groups = m.ByPerson(l.catalog)
	}
	return a.output(&o.catalogFlags, l, func(w io.Writer, _ bool) error {
		return render.RelationshipsFormats.Write(w, o.format, in)
	})
}
