package cli

import (
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint/rules"
	"github.com/svccat/svccat/internal/render"
)

type lintOptions struct {
	catalogFlags
	formats    []string
	failOn     string
	baseline   string
	newFromRev string
}

// lintOutput is one --format: FORMAT to stdout (or -o), or FORMAT=FILE.
type lintOutput struct{ format, file string }

func (a *app) newLintCmd() *cobra.Command {
	o := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Validate and lint the catalog; findings with file:line:col",
		Long: `Validate every catalog file below PATH (default .) against the schema, resolve
references and run the lint rules (svccat rules lists them).

Exit code 1 when a finding is at or above --fail-on (default error).

With --baseline FILE (a --format json report of an earlier run) or
--new-from-rev REV (the same PATHs linted at git revision REV, read from
git's object store: nothing is checked out), findings whose identity (rule,
entity, key) is in the baseline are unchanged and never fail the run: only
new ones count for --fail-on. Text, GitHub and Markdown show the new ones
with a count of the others; JSON and SARIF mark each with baselineState.

--format may be given more than once as FORMAT=FILE, so that one run
writes SARIF for code scanning and annotations for the log:
--format sarif=lint.sarif --format github.`,
		Example: `  svccat lint catalog
  svccat lint --new-from-rev origin/main --format sarif=lint.sarif --format github catalog
  svccat lint --format json -o baseline.json catalog && svccat lint --baseline baseline.json catalog`,
		RunE: func(cmd *cobra.Command, args []string) error {
			// In a GitHub Actions job findings become annotations on the
			// pull request, unless --format says otherwise.
			if !cmd.Flags().Changed("format") {
				o.formats = []string{"text"}
				if a.getenv("GITHUB_ACTIONS") == "true" {
					o.formats = []string{"github"}
				}
			}
			return a.runLint(o, args)
		},
	}
	o.register(cmd.Flags())
	names := render.FindingFormats.Names()
	cmd.Flags().StringArrayVar(&o.formats, "format", nil, "output format: "+strings.Join(names, "|")+" (default text); repeatable as FORMAT=FILE")
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(names, cobra.ShellCompDirectiveNoFileComp))
	cmd.Flags().StringVar(&o.baseline, "baseline", "", "only findings not in this `FILE` (a --format json report) are new and fail the run")
	cmd.Flags().StringVar(&o.newFromRev, "new-from-rev", "", "only findings not present at git revision `REV` are new and fail the run")
	cmd.Flags().StringVar(&o.failOn, "fail-on", "error", "lowest severity that fails the run: error|warning|info")
	cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]string{"error", "warning", "info"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (a *app) runLint(o *lintOptions, paths []string) error {
	failOn, err := finding.ParseSeverity(o.failOn)
	if err != nil {
		return usagef("--fail-on: %v", err)
	}
	outputs, err := parseLintFormats(o.formats)
	if err != nil {
		return err
	}
	if o.baseline != "" && o.newFromRev != "" {
		return usagef("--baseline and --new-from-rev: give one baseline")
	}
	var rev *revision
	if o.newFromRev != "" {
		// A wrong revision is a usage error before any work.
		if rev, err = openRevision(o.newFromRev, paths); err != nil {
			return err
		}
	}
	var baseline []finding.Finding
	if o.baseline != "" {
		if baseline, err = readBaseline(o.baseline); err != nil {
			return err
		}
	}
	l, err := a.load(&o.catalogFlags, paths)
	if err == nil {
		err = l.requireDocuments()
	}
	if err != nil {
		return err
	}
	in := render.FindingsInput{Findings: l.lint.Findings, Suppressed: l.lint.SuppressedFindings, Summary: l.lint.Summary(), Rules: ruleDocs(),
		Version: sarifVersion(), SourceURL: a.githubSourceURL()}
	if rev != nil {
		base, err := rev.load(&o.catalogFlags, l.config)
		if err != nil {
			return err
		}
		baseline = base.lint.Findings
	}
	if rev != nil || o.baseline != "" {
		in.Findings = slices.Clone(in.Findings)
		in.Baseline = true
		in.Absent = finding.MarkBaseline(in.Findings, baseline)
		in.Suppressed = slices.Clone(in.Suppressed)
		finding.MarkBaseline(in.Suppressed, baseline)
	}
	for _, out := range outputs {
		f := o.catalogFlags
		if out.file != "" {
			f.output = out.file
		}
		if err := a.output(&f, l, func(w io.Writer, color bool) error {
			in.Color = color
			return render.Findings(w, out.format, in)
		}); err != nil {
			return err
		}
	}
	var worst finding.Severity
	for _, f := range in.Findings {
		if f.Baseline != finding.BaselineUnchanged {
			worst = max(worst, f.Severity)
		}
	}
	if worst != 0 && worst >= failOn {
		return exitError{ExitFail}
	}
	return nil
}

// parseLintFormats reads the --format values: FORMAT, or FORMAT=FILE. At
// most one goes to stdout (or -o); each file is named once.
func parseLintFormats(values []string) ([]lintOutput, error) {
	var outs []lintOutput
	stdout := 0
	files := map[string]bool{}
	for _, v := range values {
		format, file, hasFile := strings.Cut(v, "=")
		if names := render.FindingFormats.Names(); !contains(names, format) {
			return nil, usagef("--format %q: want one of %s, optionally as FORMAT=FILE", v, strings.Join(names, ", "))
		}
		if hasFile && (file == "" || file == "-") {
			hasFile, file = false, ""
		}
		if !hasFile {
			stdout++
		} else if files[file] {
			return nil, usagef("--format %s: %s is named twice", v, file)
		}
		files[file] = true
		outs = append(outs, lintOutput{format: format, file: file})
	}
	if stdout > 1 {
		return nil, usagef("--format: only one format can go to standard output; write the others to files with FORMAT=FILE")
	}
	return outs, nil
}

// sarifVersion is the tool version SARIF reports.
func sarifVersion() string {
	v, _, _ := buildVersion()
	return v
}

func ruleDocs() []render.RuleDoc {
	var out []render.RuleDoc
	for _, r := range rules.All() {
		out = append(out, render.RuleDocOf(r))
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// githubSourceURL is where the markdown summary links files to in a GitHub
// Actions run: the commit's blob view of the folder svccat runs in (file
// paths are relative to it). Outside Actions it is empty: relative links.
func (a *app) githubSourceURL() string {
	server, repo, sha := a.getenv("GITHUB_SERVER_URL"), a.getenv("GITHUB_REPOSITORY"), a.getenv("GITHUB_SHA")
	if server == "" || repo == "" || sha == "" {
		return ""
	}
	u := strings.TrimSuffix(server, "/") + "/" + repo + "/blob/" + sha
	if ws := a.getenv("GITHUB_WORKSPACE"); ws != "" {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(ws, wd); err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
				u += "/" + (&url.URL{Path: filepath.ToSlash(rel)}).EscapedPath()
			}
		}
	}
	return u
}
