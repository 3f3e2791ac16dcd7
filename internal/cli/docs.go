package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/docs"
	"github.com/svccat/svccat/internal/plural"
)

type docsOptions struct {
	catalogFlags
	out   string
	check bool
}

func (a *app) newDocsCmd() *cobra.Command {
	o := &docsOptions{}
	cmd := &cobra.Command{
		Use:   "docs --out DIR [--check] [PATH...]",
		Short: "Write the catalog as a Markdown site; --check verifies it is current",
		Long: `Write the catalog below PATH (default .) as a Markdown site in DIR: index.md,
a page per market, segment, persona, service, team, site, person and
stakeholder, restore-order.md, cost.md, traceability.md, review.md and
relationships.md (as of the config's asOf, else today, or --as-of). The site
renders on GitHub (tables, Mermaid diagrams, relative links) and is the
same bytes for the same catalog and as-of date.

svccat writes only inside DIR. It lists the pages it generated in
DIR/` + docs.ManifestName + `, and removes only those of them that no longer
belong to the site; files you add to DIR are left alone.

With --check nothing is written: the command lists the files that would be
added, changed or removed and exits 1 when there are any, so CI can fail
on stale docs. A catalog with errors is refused (exit 2).`,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runDocs(o, args) },
	}
	fs := cmd.Flags()
	fs.StringVar(&o.out, "out", "", "folder to write the site to (required)")
	fs.BoolVar(&o.check, "check", false, "write nothing; exit 1 when the site in --out is stale")
	o.registerLoad(fs)
	cmd.RegisterFlagCompletionFunc("out", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	})
	return cmd
}

func (a *app) runDocs(o *docsOptions, paths []string) error {
	if o.out == "" {
		return usagef("docs: --out DIR is required")
	}
	l, err := a.loadForReport(&o.catalogFlags, paths, needLoaded)
	if err != nil {
		return err
	}
	pages, err := docs.Build(docs.Input{Catalog: l.catalog, Config: l.config, Lint: l.lint})
	if err != nil {
		return err
	}
	opt := docs.Options{Protected: append([]string(nil), l.loaded.Files...), Guard: l.guard()}
	if l.config.Path != "" {
		opt.Protected = append(opt.Protected, l.config.Path)
	}
	if o.check {
		changes, err := docs.Diff(o.out, pages, opt)
		if err != nil {
			return a.docsFailed(err)
		}
		if len(changes) == 0 {
			fmt.Fprintf(a.stdout, "docs in %s are up to date (%d pages)\n", o.out, len(pages))
			return nil
		}
		for _, c := range changes {
			fmt.Fprintf(a.stdout, "%-7s %s\n", c.Kind, filepath.ToSlash(filepath.Join(o.out, c.Path)))
		}
		fmt.Fprintf(a.stdout, "docs in %s are stale: %s; run %s to update them\n", o.out, plural.Count(len(changes), "file would change", "files would change"), o.writeCommand(paths))
		return exitError{ExitFail}
	}
	changes, err := docs.Write(o.out, pages, opt)
	if err != nil {
		return a.docsFailed(err)
	}
	if len(changes) == 0 {
		fmt.Fprintf(a.stdout, "docs in %s were already up to date (%d pages)\n", o.out, len(pages))
		return nil
	}
	n := map[docs.ChangeKind]int{}
	for _, c := range changes {
		if c.Path != docs.ManifestName {
			n[c.Kind]++
		}
	}
	fmt.Fprintf(a.stdout, "wrote %d pages to %s: %d added, %d changed, %d removed\n", len(pages), o.out, n[docs.Added], n[docs.Changed], n[docs.Removed])
	return nil
}

// writeCommand is the command that brings the site --check found stale
// up to date: the same catalog, config and limits, without --check.
func (o *docsOptions) writeCommand(paths []string) string {
	words := []string{"svccat", "docs", "--out", o.out}
	if o.config != "" {
		words = append(words, "--config", o.config)
	}
	if o.maxFileSize.set {
		words = append(words, "--max-file-size", o.maxFileSize.String())
	}
	if o.asOf.set {
		words = append(words, "--as-of", o.asOf.String())
	}
	for _, p := range paths {
		if strings.HasPrefix(p, "-") {
			words = append(words, "--") // a PATH that reads like a flag
			break
		}
	}
	return shellJoin(append(words, paths...)...)
}

// docsFailed reports a folder docs cannot use (one that holds the
// catalog, a symbolic link out of it, a manifest it did not write) or
// cannot write: exit 2, without the usage hint, which would not help.
func (a *app) docsFailed(err error) error {
	fmt.Fprintf(a.stderr, "svccat: %v\n", err)
	return exitError{ExitUsage}
}
