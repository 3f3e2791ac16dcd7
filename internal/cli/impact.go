package cli

import (
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/graph"
	"github.com/svccat/svccat/internal/render"
)

type impactOptions struct {
	catalogFlags
	format string
}

func (a *app) newImpactCmd() *cobra.Command {
	o := &impactOptions{}
	cmd := &cobra.Command{
		Use:   "impact NAME... [PATH...]",
		Short: "Blast radius: what breaks when services fail, and which customers feel it",
		Long: `Show what happens when the named services fail.

Down: every service that hard-depends on a failed one, directly or through
other services; it cannot run. Degraded: every other service that depends on
a failed, down or degraded one through a chain that includes a soft
dependency; it runs, but worse. Then the segments, markets, personas and
customer touchpoints those services serve, each down or degraded.

The first argument is always a service name; the arguments after it are
names too until one names an existing file or folder (or cannot be a name,
such as ./acme), and from there on they are the catalog PATHs (default .).`,
		Example: `  svccat impact database examples/acme
  svccat impact storage dns --format json examples/acme`,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runImpact(o, args) },
	}
	cmd.ValidArgsFunction = a.completeServiceArgs
	o.register(cmd.Flags())
	formatFlag(cmd, &o.format, render.ImpactFormats.Names())
	return cmd
}

func (a *app) runImpact(o *impactOptions, args []string) error {
	if err := checkFormat(o.format, render.ImpactFormats.Names()); err != nil {
		return err
	}
	if len(args) == 0 {
		return usagef("impact needs the NAME of at least one service (svccat impact NAME... [PATH...])")
	}
	if _, err := os.Stat(args[0]); (err == nil && !impactNameRE.MatchString(args[0])) || strings.ContainsAny(args[0], "/\\") {
		return usagef("%q is a path, not a service name: name the services first (svccat impact NAME... [PATH...], e.g. svccat impact storage %s)", args[0], args[0])
	}
	names, paths := splitNamesPaths(args)
	l, err := a.loadForReport(&o.catalogFlags, paths, needLoaded)
	if err != nil {
		return err
	}
	out, err := graph.Impact(l.catalog, names)
	if err != nil {
		return a.graphError(err, "")
	}
	return a.output(&o.catalogFlags, l, func(w io.Writer, color bool) error {
		return render.Impact(w, o.format, render.ImpactInput{Outage: out, Color: color})
	})
}

var impactNameRE = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)

// splitNamesPaths reads "NAME... [PATH...]": the first argument is a
// name; later ones are names until one exists on disk or cannot be a
// service name, and that one and the rest are paths.
func splitNamesPaths(args []string) (names, paths []string) {
	for i, arg := range args {
		if i > 0 {
			if _, err := os.Stat(arg); err == nil || !impactNameRE.MatchString(arg) {
				return args[:i], args[i:]
			}
		}
	}
	return args, nil
}
