package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/diff"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/plural"
	"github.com/svccat/svccat/internal/render"
)

type diffOptions struct {
	catalogFlags
	baseDir       string
	baseConfig    bool
	format        string
	maxBytes      int
	skipNoDiff    bool
	costThreshold string
	failOn        []string
}

// diffFailOn are the conditions --fail-on accepts.
var diffFailOn = []string{"new-error", "new-warning", "rto-miss", "cost-increase"}

func (a *app) newDiffCmd() *cobra.Command {
	o := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff BASE [PATH...]",
		Short: "What a change does: findings, entities, restore plan, impact, cost, traceability, against git revision BASE",
		Long: `Compare the catalog at PATH (default .) in the working tree with the same
paths at git revision BASE, read from git's object store: nothing is checked
out, and the working tree, the index and HEAD are not touched. With
--base-dir DIR, compare with a folder instead (no BASE argument then).

Both sides are loaded, linted and reported with the head's configuration
(--base-config: each side with its own). Sections, each only when something
changed: findings new and fixed (by identity: rule, entity, key), entities
added, removed and changed (field paths, before → after; moving or
reformatting a document changes nothing), the restore plans for total loss
and each site (unlimited crews), impact (business services and segments
newly exposed to or freed from a supporting service), cost by service,
segment and market, and traceability. A side that does not load is still
compared for findings; its reports are left out, and the output says why.

--format markdown is made for a pull-request comment: it starts with the
marker <!-- svccat-diff:v1 -->, folds long sections in <details> and stays
under --max-bytes by shortening the longest sections.

Exit code 1 when a --fail-on condition is met; 2 when BASE is not a
revision, PATH is not in a git work tree, or git is missing.`,
		Example: `  svccat diff origin/main
  svccat diff --format markdown -o diff.md origin/main catalog
  svccat diff --fail-on new-error,rto-miss main
  svccat diff --base-dir ../catalog-before catalog`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.baseDir == "" && len(args) == 0 {
				return usagef("diff needs BASE, the git revision to compare with (or --base-dir DIR)")
			}
			return a.runDiff(o, args)
		},
	}
	o.register(cmd.Flags())
	f := cmd.Flags()
	f.StringVar(&o.baseDir, "base-dir", "", "compare with the catalog in `DIR` instead of a git revision")
	f.BoolVar(&o.baseConfig, "base-config", false, "load the base with its own configuration instead of the head's")
	f.StringVar(&o.format, "format", "text", "output format: "+strings.Join(render.DiffFormats(), "|"))
	f.IntVar(&o.maxBytes, "max-bytes", render.DefaultDiffMaxBytes, "largest markdown output; the longest sections are shortened to fit")
	f.BoolVar(&o.skipNoDiff, "skip-no-diff", false, "print nothing when nothing changed")
	f.StringVar(&o.costThreshold, "cost-threshold", "0", "list cost rows (and fail on cost-increase) only past this `PERCENT` change")
	f.StringSliceVar(&o.failOn, "fail-on", nil, "exit 1 when any is met: "+strings.Join(diffFailOn, ","))
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(render.DiffFormats(), cobra.ShellCompDirectiveNoFileComp))
	cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions(diffFailOn, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (a *app) runDiff(o *diffOptions, args []string) error {
	if !contains(render.DiffFormats(), o.format) {
		return usagef("--format %q: want one of %s", o.format, strings.Join(render.DiffFormats(), ", "))
	}
	for _, c := range o.failOn {
		if !contains(diffFailOn, c) {
			return usagef("--fail-on %q: want any of %s", c, strings.Join(diffFailOn, ", "))
		}
	}
	threshold, err := decimal.Parse(o.costThreshold)
	if err != nil || threshold.Sign() < 0 {
		return usagef("--cost-threshold %q: want a percent, 0 or more", o.costThreshold)
	}
	if o.maxBytes < 1000 {
		return usagef("--max-bytes %d: want at least 1000", o.maxBytes)
	}
	var rev string
	paths := args
	if o.baseDir == "" {
		rev, paths = args[0], args[1:]
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	o.keepWritten = true

	// The revision first: a wrong BASE is a usage error before any work.
	var r *revision
	if o.baseDir == "" {
		if r, err = openRevision(rev, paths); err != nil {
			return err
		}
	}
	head, err := a.load(&o.catalogFlags, paths)
	if err != nil {
		return err
	}
	var base *loaded
	in := render.DiffInput{HeadPaths: head.paths, MaxBytes: o.maxBytes}
	if r != nil {
		cfg := head.config
		if o.baseConfig {
			if cfg, err = r.config(); err != nil {
				return err
			}
		}
		if base, err = r.load(&o.catalogFlags, cfg); err != nil {
			return err
		}
		in.BaseRev, in.BaseCommit = rev, r.commit
	} else {
		bf := o.catalogFlags
		if o.baseConfig {
			bf.config = "" // looked up from DIR
		} else {
			bf.cfg = head.config
		}
		if base, err = a.load(&bf, []string{o.baseDir}); err != nil {
			return err
		}
		in.BaseDir = o.baseDir
	}
	ch := diff.Compare(
		diff.Side{Catalog: base.catalog, Config: base.config, Findings: base.lint.Findings},
		diff.Side{Catalog: head.catalog, Config: head.config, Findings: head.lint.Findings},
		diff.Options{CostThreshold: threshold})
	in.Change = ch
	if !(o.skipNoDiff && ch.Empty()) {
		if err := a.output(&o.catalogFlags, head, func(w io.Writer, _ bool) error {
			return render.Diff(w, o.format, in)
		}); err != nil {
			return err
		}
	}
	if met := diffFailures(ch, o.failOn); len(met) > 0 {
		fmt.Fprintf(a.stderr, "svccat: diff: %s (--fail-on)\n", strings.Join(met, ", "))
		return exitError{ExitFail}
	}
	return nil
}

// diffFailures says which --fail-on conditions the change meets.
func diffFailures(ch *diff.Change, failOn []string) []string {
	var met []string
	count := func(sev finding.Severity) int {
		n := 0
		for _, f := range ch.Findings.New {
			if f.Severity == sev {
				n++
			}
		}
		return n
	}
	for _, c := range failOn {
		switch c {
		case "new-error":
			if n := count(finding.Error); n > 0 {
				met = append(met, plural.Count(n, "new error"))
			}
		case "new-warning":
			if n := count(finding.Warning); n > 0 {
				met = append(met, plural.Count(n, "new warning"))
			}
		case "rto-miss":
			if n := ch.NewMisses(); n > 0 {
				met = append(met, plural.Count(n, "new RTO miss"))
			}
		case "cost-increase":
			if ch.Cost.Increased() {
				met = append(met, "the cost rose by "+ch.Cost.Delta.Grouped(ch.Cost.Places)+" "+ch.Cost.Currency)
			}
		}
	}
	return met
}
