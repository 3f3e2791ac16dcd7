package cli

import (
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint/rules"
	"github.com/svccat/svccat/internal/render"
)

type lintOptions struct {
	catalogFlags
	format string
	failOn string
}

func (a *app) newLintCmd() *cobra.Command {
	o := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Validate and lint the catalog; findings with file:line:col",
		Long: `Validate every catalog file below PATH (default .) against the schema, resolve
references and run the lint rules (svccat rules lists them).

Exit code 1 when a finding is at or above --fail-on (default error).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			// In a GitHub Actions job findings become annotations on the
			// pull request, unless --format says otherwise.
			if !cmd.Flags().Changed("format") && a.getenv("GITHUB_ACTIONS") == "true" {
				o.format = "github"
			}
			return a.runLint(o, args)
		},
	}
	o.register(cmd.Flags())
	formatFlag(cmd, &o.format, render.FindingFormats.Names())
	cmd.Flags().StringVar(&o.failOn, "fail-on", "error", "lowest severity that fails the run: error|warning|info")
	cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]string{"error", "warning", "info"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (a *app) runLint(o *lintOptions, paths []string) error {
	failOn, err := finding.ParseSeverity(o.failOn)
	if err != nil {
		return usagef("--fail-on: %v", err)
	}
	if err := checkFormat(o.format, render.FindingFormats.Names()); err != nil {
		return err
	}
	l, err := a.load(&o.catalogFlags, paths)
	if err != nil {
		return err
	}
	in := render.FindingsInput{Findings: l.lint.Findings, Suppressed: l.lint.SuppressedFindings, Summary: l.lint.Summary(), Rules: ruleDocs(),
		Version: sarifVersion(), SourceURL: a.githubSourceURL()}
	if err := a.output(&o.catalogFlags, l, func(w io.Writer, color bool) error {
		in.Color = color
		return render.Findings(w, o.format, in)
	}); err != nil {
		return err
	}
	if l.loaded.Documents == 0 && len(l.loaded.Problems) == 0 {
		// Not a failure (an empty catalog is valid), but a CI job pointed
		// at the wrong folder should not pass without a word.
		fmt.Fprintf(a.stderr, "svccat: warning: no catalog documents found in %s\n", strings.Join(l.paths, " "))
	}
	if m := l.lint.Max(); m != 0 && m >= failOn {
		return exitError{ExitFail}
	}
	return nil
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
