package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/graph"
	"github.com/svccat/svccat/internal/render"
)

type graphOptions struct {
	catalogFlags
	format string
	focus  []string
	depth  int
}

func (a *app) newGraphCmd() *cobra.Command {
	o := &graphOptions{}
	cmd := &cobra.Command{
		Use:   "graph [PATH...]",
		Short: "Dependency graph as Mermaid or Graphviz DOT",
		Long: `Write the service dependency graph: an arrow from each service to what it
depends on, solid for hard dependencies and dashed for soft ones; business
services rounded and blue, supporting services square and grey.

--focus NAME (repeatable) keeps the named services and what lies upstream
(what they need) and downstream (what needs them), --depth N steps each way
(default: no limit); focus services get a thick border. Any title is
escaped, so the output is always valid Mermaid or DOT.`,
		Example: `  svccat graph examples/acme > services.mmd
  svccat graph --format dot examples/acme | dot -Tsvg > services.svg
  svccat graph --focus database --depth 1 examples/acme`,
		RunE: func(cmd *cobra.Command, args []string) error {
			// An empty value (an unset shell variable) must not widen the
			// graph to every service.
			if cmd.Flags().Changed("focus") && len(o.focus) == 0 {
				return usagef("--focus needs the name of a service")
			}
			return a.runGraph(o, args)
		},
	}
	o.register(cmd.Flags())
	f := cmd.Flags()
	formatFlag(cmd, &o.format, render.GraphFormats.Names())
	f.StringSliceVar(&o.focus, "focus", nil, "keep only this service and its neighbourhood (repeatable)")
	cmd.RegisterFlagCompletionFunc("focus", a.completeServices)
	f.IntVar(&o.depth, "depth", 0, "with --focus: dependency steps kept upstream and downstream (0: no limit)")
	return cmd
}

func (a *app) runGraph(o *graphOptions, paths []string) error {
	if err := checkFormat(o.format, render.GraphFormats.Names()); err != nil {
		return err
	}
	if o.depth < 0 {
		return usagef("--depth %d: want a number of steps, or 0 for no limit", o.depth)
	}
	if o.depth > 0 && len(o.focus) == 0 {
		return usagef("--depth needs --focus: it counts steps from the focus services")
	}
	l, err := a.loadForReport(&o.catalogFlags, paths, needLoaded)
	if err != nil {
		return err
	}
	g, err := graph.Export(l.catalog, graph.ExportOptions{Focus: o.focus, Depth: o.depth})
	if err != nil {
		return a.graphError(err, "--focus")
	}
	return a.output(&o.catalogFlags, l, func(w io.Writer, _ bool) error {
		return render.Graph(w, o.format, render.GraphInput{Graph: g})
	})
}
