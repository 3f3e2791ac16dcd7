package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/graph"
	"github.com/svccat/svccat/internal/plural"
	"github.com/svccat/svccat/internal/render"
)

type restoreOptions struct {
	catalogFlags
	sites      []string
	services   []string
	crews      string
	format     string
	failOnMiss bool
}

func (a *app) newRestoreCmd() *cobra.Command {
	o := &restoreOptions{}
	cmd := &cobra.Command{
		Use:   "restore-order [PATH...]",
		Short: "Restoration sequence for a failure scenario: dependencies first, most critical first",
		Long: `Plan the restoration of the services a failure takes down.

Scenario: --site NAME (repeatable: those sites are lost), --service NAME
(repeatable: those services are lost, data included), both, or by default
every service (total loss). Only live and retiring services take part.

With --site, each service recovers by its restore.strategy: restore (from
backup, restore.duration), failover (restore.failover when a standby site
survives, else restore.duration) or active-active (lost only when every one
of its sites is; else degraded: listed, not a step). --service and total
loss restore from backup whatever the strategy. Every service that
hard-depends on a failed one is down too.

Order: hard dependencies before their dependents; among the services that
are ready, the lowest effective tier first (a service inherits the most
critical tier of what depends on it), then the earliest effective deadline
(when it must be back for itself and its dependents to meet their RTOs),
then name.
Soft dependencies never block.

Schedule: each step takes its duration (where missing,
defaults.restoreDuration from the config, else 1h, marked assumed). With
--crews N, N crews work in parallel, each taking the first ready step in
the order; with --crews team each step is done by its team (restore.crew,
else owner) with the team's spec.crews crews (default 1); services with
neither share one crew, team "(none)". By default crews are unlimited.
Each step's finish is checked against its RTO; the report gives the
makespan and the lower bounds no schedule can beat, names each step's team,
whom to page (oncall, else contact), its runbook and its data-loss exposure
(restore.backupInterval against impact.rpo).

--format checklist is a Markdown runbook to work through on the day: a
section per wave, a checkbox per step.

Exit code 1 with --fail-on-miss when any RTO is missed; 2 when the catalog
has errors or affected services hard-depend on each other in a loop.`,
		Example: `  svccat restore-order examples/acme
  svccat restore-order --site dc-east --crews 3 examples/acme
  svccat restore-order --site dc-east --crews team --format checklist examples/acme
  svccat restore-order --service database --format json examples/acme
  svccat restore-order --format mermaid -o restore.mmd examples/acme`,
		RunE: func(cmd *cobra.Command, args []string) error {
			// An empty value (an unset shell variable) must not widen the
			// scenario to a total loss.
			if cmd.Flags().Changed("site") {
				for _, x := range o.sites {
					if x == "" {
						return usagef("--site needs the name of the site that failed")
					}
				}
			}
			if cmd.Flags().Changed("service") && len(o.services) == 0 {
				return usagef("--service needs the name of a service that failed")
			}
			return a.runRestore(o, args)
		},
	}
	o.register(cmd.Flags())
	f := cmd.Flags()
	f.StringArrayVar(&o.sites, "site", nil, "a site that is lost (repeatable)")
	cmd.RegisterFlagCompletionFunc("site", a.completeSites)
	f.StringSliceVar(&o.services, "service", nil, "a service that failed (repeatable, or comma-separated)")
	cmd.RegisterFlagCompletionFunc("service", a.completeServices)
	f.StringVar(&o.crews, "crews", "0", "restore crews working in parallel: a number (0: unlimited), or team for each team's own crews")
	formatFlag(cmd, &o.format, render.RestoreFormats.Names())
	f.BoolVar(&o.failOnMiss, "fail-on-miss", false, "exit 1 when a service misses its RTO")
	return cmd
}

func (a *app) runRestore(o *restoreOptions, paths []string) error {
	if err := checkFormat(o.format, render.RestoreFormats.Names()); err != nil {
		return err
	}
	opt := graph.Options{}
	if o.crews == "team" {
		opt.TeamCrews = true
	} else if n, err := strconv.Atoi(o.crews); err != nil || n < 0 {
		return usagef("--crews %q: want a number of crews, 0 for unlimited, or team", o.crews)
	} else {
		opt.Crews = n
	}
	l, err := a.loadForReport(&o.catalogFlags, paths, needLoaded|needAcyclic)
	if err != nil {
		return err
	}
	opt.DefaultDuration = l.config.RestoreDuration
	plan, err := graph.RestoreOrder(l.catalog, graph.Scenario{Sites: o.sites, Services: o.services}, opt)
	if err != nil {
		return a.graphError(err, "--service")
	}
	if err := a.output(&o.catalogFlags, l, func(w io.Writer, color bool) error {
		return render.Restore(w, o.format, render.RestoreInput{Plan: plan, Color: color})
	}); err != nil {
		return err
	}
	if o.failOnMiss && plan.Misses > 0 {
		fmt.Fprintf(a.stderr, "svccat: %s missed (--fail-on-miss)\n", plural.Count(plan.Misses, "RTO"))
		return exitError{ExitFail}
	}
	return nil
}

// graphError turns the graph package's errors into usage errors: an
// unknown name (given with the flag serviceFlag, or --site; "" for an
// argument), or a cycle, printed loop by loop at its position.
func (a *app) graphError(err error, serviceFlag string) error {
	var ue *graph.UnknownError
	if errors.As(err, &ue) {
		flag := serviceFlag
		if ue.Kind == "site" {
			flag = "--site"
		}
		if flag == "" {
			return usagef("%v", err)
		}
		return usagef("%s %s: %v", flag, ue.Name, err)
	}
	var ce *graph.CycleError
	if errors.As(err, &ce) {
		for _, c := range ce.Cycles {
			fmt.Fprintf(a.stderr, "%s: hard dependency cycle: %s\n", c.Edges[0].Pos, c)
		}
		fmt.Fprintln(a.stderr, "svccat: no restoration order: the services above hard-depend on each other in a loop, so none of them can be restored first")
		return exitError{ExitUsage}
	}
	return err
}
