package cli

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/docs"
	"github.com/svccat/svccat/internal/export"
	"github.com/svccat/svccat/internal/safefile"
)

type exportOptions struct {
	catalogFlags
	format string
	out    string
}

func (a *app) newExportCmd() *cobra.Command {
	o := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export --format backstage|openslo|csdm [--out DIR | -o FILE] [PATH...]",
		Short: "Write the catalog in another tool's format: Backstage, OpenSLO or ServiceNow CSDM",
		Long: `Write the catalog below PATH (default .) in another tool's format, for teams
that also show it in a developer portal, an SLO tool or a CMDB. svccat stays
the source; each export is valid under the target's own validator, every
reference in it resolves inside the export, and what the target has no
field for is kept in svccat.dev/... annotations.

  backstage  Backstage entities (backstage.io/v1alpha1): Team → Group,
             Market → Domain, Segment → System, Site → Resource,
             Service → Component; one YAML stream.
  openslo    OpenSLO v1: a Service per service with SLOs, an SLI and an SLO
             per objective, and the placeholder DataSource they read (named
             by export.openslo.metricSource in the config); one YAML stream.
  csdm       ServiceNow CSDM import files: business_services.csv,
             technical_services.csv and relationships.csv (needs --out).

Output goes to stdout, to -o FILE, or with --out DIR to a file per document
(the three CSV files for csdm). Retired services are not exported; pipeline
and retiring ones are, with their lifecycle. A catalog that does not load is
refused (exit 2). Placeholders and anything left out are noted on stderr.`,
		Example: `  svccat export --format backstage examples/acme > catalog-info.yaml
  svccat export --format openslo -o slos.yaml examples/acme
  svccat export --format csdm --out servicenow/ examples/acme`,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runExport(o, args) },
	}
	o.register(cmd.Flags())
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "", "target format: "+strings.Join(export.Formats(), "|")+" (required)")
	f.StringVar(&o.out, "out", "", "write a file per document (csdm: the three CSV files) to `DIR`")
	cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return export.Formats(), cobra.ShellCompDirectiveNoFileComp
	})
	cmd.RegisterFlagCompletionFunc("out", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	})
	return cmd
}

func (a *app) runExport(o *exportOptions, paths []string) error {
	switch {
	case o.format == "":
		return usagef("export: --format is required (%s)", strings.Join(export.Formats(), ", "))
	case !contains(export.Formats(), o.format):
		return usagef("--format %q: want one of %s", o.format, strings.Join(export.Formats(), ", "))
	case o.out != "" && o.output != "":
		return usagef("export: give --out DIR or -o FILE, not both")
	case o.format == export.CSDM && o.out == "":
		return usagef("export --format csdm writes three CSV files: give --out DIR")
	}
	l, err := a.loadForReport(&o.catalogFlags, paths, needLoaded)
	if err != nil {
		return err
	}
	ex, err := export.Build(o.format, l.catalog, export.Options{MetricSource: l.config.Export.OpenSLO.MetricSource})
	if err != nil {
		return err
	}
	// Notes quote catalog text with %q, which escapes control and
	// bidirectional characters.
	for _, n := range ex.Notes {
		fmt.Fprintf(a.stderr, "svccat: note: %s\n", n)
	}
	if o.out == "" {
		return a.output(&o.catalogFlags, l, func(w io.Writer, _ bool) error {
			_, err := w.Write(ex.Bytes())
			return err
		})
	}
	if err := l.checkOutsideDir(o.out); err != nil {
		return err
	}
	pages := make([]docs.Page, len(ex.Files))
	for i, f := range ex.Files {
		pages[i] = docs.Page{Path: f.Name, Content: f.Data}
	}
	opt := docs.Options{Protected: append([]string(nil), l.loaded.Files...), Guard: l.guard()}
	if l.config.Path != "" {
		opt.Protected = append(opt.Protected, l.config.Path)
	}
	changes, err := docs.Write(o.out, pages, opt)
	if err != nil {
		return a.docsFailed(err)
	}
	n := map[docs.ChangeKind]int{}
	for _, c := range changes {
		if c.Path != docs.ManifestName {
			n[c.Kind]++
		}
	}
	fmt.Fprintf(a.stdout, "wrote %d %s files to %s: %d added, %d changed, %d removed\n", len(pages), o.format, o.out, n[docs.Added], n[docs.Changed], n[docs.Removed])
	return nil
}

// checkOutsideDir refuses an output folder inside a catalog folder being
// read, whatever the format: svccat never writes into the catalog it
// reads (the docs writer's guard checks the YAML files themselves).
func (l *loaded) checkOutsideDir(out string) error {
	target, err := safefile.Resolve(out)
	if err != nil {
		return usagef("--out %s: %v; refusing to write there", out, err)
	}
	for _, p := range l.paths {
		if info, err := os.Stat(p); err != nil || !info.IsDir() {
			continue
		}
		root, err := safefile.Resolve(p)
		if err != nil {
			continue
		}
		if root == target || safefile.Within(root, target) {
			return usagef("--out %s is inside the catalog folder %s; svccat never writes into the catalog it reads: write it elsewhere", out, p)
		}
	}
	return nil
}
