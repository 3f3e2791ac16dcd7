package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/svccat/svccat/internal/load"
	"github.com/svccat/svccat/internal/plural"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/scaffold"
)

func (a *app) newInitCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Scaffold a starter catalog, config and CI workflow",
		Long: `Write a starter catalog into DIR (default .): a market, a segment with a
persona, a business service that depends on a supporting service, a team and
a site, a commented .svccat.yaml, and .github/workflows/svccat.yml, which
lints pull requests (annotations and code scanning) and checks the docs.

The starter lints clean. init never replaces a file: one that exists is
skipped and listed, so running it again changes nothing. In a folder that
already holds a catalog, only the config and the workflow are added.`,
		Args: cobra.MaximumNArgs(1),
		// DIR may not exist yet: complete folder names only.
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return nil, cobra.ShellCompDirectiveFilterDirs
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			return a.runInit(dir)
		},
	}
}

func (a *app) runInit(dir string) error {
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return usagef("%s is a file; init writes into a folder", dir)
	}
	repo, rel := repoPath(dir)
	files, err := scaffold.Files(scaffold.Params{Version: installVersion(), Path: rel, Today: time.Now().UTC().Format(time.DateOnly)})
	if err != nil {
		return err
	}
	// Beside a catalog the folder already holds, starter entities would
	// clash with it (a second mail-platform, an owner that is not one of
	// its teams): add only what is still missing of the config and the
	// workflow, and say so.
	held := 0
	if _, err := os.Stat(dir); err == nil {
		held = load.Catalog([]string{dir}, load.Options{}).Documents
	}
	left := 0
	if held > 0 {
		n := len(files)
		files = slices.DeleteFunc(files, func(f scaffold.File) bool {
			_, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(f.Path)))
			return !strings.HasPrefix(f.Path, ".") && err != nil
		})
		left = n - len(files)
	}
	res, err := scaffold.Write(dir, files)
	for _, p := range res.Created {
		fmt.Fprintf(a.stdout, "created %s\n", filepath.Join(dir, p))
	}
	for _, p := range res.Skipped {
		fmt.Fprintf(a.stdout, "skipped %s: it exists\n", filepath.Join(dir, p))
	}
	if err != nil {
		return err
	}
	if left > 0 {
		fmt.Fprintf(a.stdout, "\n%s already holds a catalog (%s), so the starter catalog was left out.\n", dir, plural.Count(held, "catalog document"))
	}
	if len(res.Created) == 0 {
		if left > 0 {
			fmt.Fprintln(a.stdout, "Nothing to do: the config and the workflow exist.")
		} else {
			fmt.Fprintln(a.stdout, "\nNothing to do: every file of the starter catalog exists.")
		}
		return nil
	}
	if repo != "" && rel != "." {
		fmt.Fprintf(a.stdout, "\nGitHub reads workflows only at the repository root: move %s to %s.\n",
			filepath.Join(dir, ".github", "workflows", "svccat.yml"), filepath.Join(repo, ".github", "workflows"))
	}
	// The workflow checks docs/catalog at the repository root; outside a
	// repository, the catalog's folder is to become one.
	root := repo
	if root == "" {
		root = dir
	}
	lintNote := "check the catalog (the starter lints clean)"
	if left > 0 {
		lintNote = "check the catalog"
	}
	steps := [][2]string{
		{shellJoin("svccat", "lint", dir), lintNote},
		{shellJoin("svccat", "docs", "--out", filepath.Join(fromHere(root, dir), "docs", "catalog"), dir), "write the docs the workflow checks; commit them"},
		{"svccat rules", "what each rule checks, and why"},
	}
	fmt.Fprintln(a.stdout, "\nNext steps:")
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
	for _, s := range steps {
		fmt.Fprintf(tw, "  %s\t%s\n", s[0], s[1])
	}
	return tw.Flush()
}

// fromHere is path as the user would type it: absolute when they gave dir
// as an absolute path, else relative to the working directory.
func fromHere(path, dir string) string {
	abs, err := filepath.Abs(path)
	if err != nil || filepath.IsAbs(dir) {
		return path
	}
	wd, err := os.Getwd()
	if err != nil {
		return abs
	}
	rel, err := filepath.Rel(wd, abs)
	if err != nil {
		return abs
	}
	return rel
}

// repoPath finds the git repository dir is in, and dir's path from its
// root, for the workflow. Outside a repository the catalog is assumed to
// become one: rel is ".".
func repoPath(dir string) (repo, rel string) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "."
	}
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			r, err := filepath.Rel(d, abs)
			if err != nil {
				return "", "."
			}
			return d, filepath.ToSlash(r)
		}
		if filepath.Dir(d) == d {
			return "", "."
		}
	}
}

// installVersion is the version the workflow installs: this build's, when
// it is a release, so that CI checks with the rules the user just ran.
func installVersion() string {
	if v := "v" + strings.TrimPrefix(version, "v"); releaseRE.MatchString(v) {
		return v
	}
	if info, ok := debug.ReadBuildInfo(); ok && releaseRE.MatchString(info.Main.Version) {
		return info.Main.Version
	}
	return "latest"
}

// releaseRE matches a release or pre-release version; not a development
// build, a pseudo-version (v0.0.0-20260102150405-abcdef123456) or a
// snapshot (1.2.0-SNAPSHOT-abcdef), which the module proxy may not serve.
var releaseRE = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$`)
