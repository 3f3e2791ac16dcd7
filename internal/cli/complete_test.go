package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

const completeCatalog = `apiVersion: svccat/v1
kind: Service
metadata: {name: corporate-email, title: Corporate Email}
spec: {type: business}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: crm}
spec: {type: business}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: directory, title: Directory}
spec: {type: supporting}
---
apiVersion: svccat/v1
kind: Site
metadata: {name: dc-east, title: East data centre}
---
apiVersion: svccat/v1
kind: Site
metadata: {name: dc-west}
`

// complete runs cobra's hidden __complete command against a probe command
// whose flags and arguments use the completion functions, as the report
// commands do.
func complete(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }}
	root := a.newRootCmd()
	probe := &cobra.Command{
		Use:               "probe [NAME...] [PATH...]",
		RunE:              func(*cobra.Command, []string) error { return nil },
		ValidArgsFunction: a.completeServiceArgs,
	}
	probe.Flags().StringArray("service", nil, "")
	probe.Flags().String("site", "", "")
	probe.RegisterFlagCompletionFunc("service", a.completeServices)
	probe.RegisterFlagCompletionFunc("site", a.completeSites)
	root.AddCommand(probe)
	root.SetArgs(append([]string{cobra.ShellCompRequestCmd, "probe"}, args...))
	root.SetOut(&stdout)
	root.SetErr(&stderr)
	if err := root.Execute(); err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return stdout.String()
}

func TestCompleteNames(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"catalog.yaml":       completeCatalog,
		"other/catalog.yaml": "apiVersion: svccat/v1\nkind: Service\nmetadata: {name: payroll}\nspec: {type: business}\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	const noFiles, files = ":4\n", ":0\n"
	for _, tc := range []struct {
		args []string
		want string
	}{
		// Flags: names of the catalog in the working directory, with titles.
		{[]string{"--service", ""}, "corporate-email\tCorporate Email\ncrm\ndirectory\tDirectory\npayroll\n" + noFiles},
		{[]string{"--service", "c"}, "corporate-email\tCorporate Email\ncrm\n" + noFiles},
		{[]string{"--service=d"}, "directory\tDirectory\n" + noFiles},
		{[]string{"--service", "crm,d"}, "crm,directory\tDirectory\n" + noFiles},
		{[]string{"--site", ""}, "dc-east\tEast data centre\ndc-west\n" + noFiles},
		// The catalog the command line names, when it names one.
		{[]string{"other", "--service", ""}, "payroll\n" + noFiles},
		// Arguments: names not given yet; nothing matches, so perhaps a PATH.
		{[]string{"crm", ""}, "corporate-email\tCorporate Email\ndirectory\tDirectory\npayroll\n" + noFiles},
		{[]string{"oth"}, files},
		{[]string{"crm", "other", ""}, files}, // impact: after a PATH, only paths
	} {
		got := complete(t, tc.args...)
		if got != tc.want {
			t.Errorf("__complete probe %q:\ngot  %q\nwant %q", tc.args, got, tc.want)
		}
	}
}

// TestCompleteNoCatalog: outside a catalog, completion offers nothing and
// prints nothing to stderr that a shell would show.
func TestCompleteNoCatalog(t *testing.T) {
	t.Chdir(t.TempDir())
	if got := complete(t, "--service", ""); got != ":4\n" {
		t.Errorf("got %q", got)
	}
}

func TestCompletionScripts(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		code, stdout, stderr := run(t, "completion", shell)
		if code != 0 || !strings.Contains(stdout, "__complete") {
			t.Errorf("completion %s: exit %d, %d bytes of script\n%s", shell, code, len(stdout), stderr)
		}
	}
}

// TestCompleteFlagValues: flags that take one of a few values complete
// them, and --out completes folders only, instead of offering files.
func TestCompleteFlagValues(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"lint", "--format", ""}, "text\njson\nsarif\ngithub\nmarkdown\n:4\n"},
		{[]string{"cost", "--format", ""}, "table\ncsv\njson\nmarkdown\n:4\n"},
		{[]string{"restore-order", "--format", ""}, "table\nmarkdown\njson\ncsv\nmermaid\nchecklist\n:4\n"},
		{[]string{"graph", "--format", ""}, "mermaid\ndot\n:4\n"},
		{[]string{"impact", "--format", ""}, "text\njson\n:4\n"},
		{[]string{"lint", "--fail-on", ""}, "error\nwarning\ninfo\n:4\n"},
		{[]string{"rules", "--format", ""}, "text\njson\nmarkdown\n:4\n"},
		{[]string{"docs", "--out", ""}, ":16\n"},
	} {
		code, stdout, _ := run(t, append([]string{cobra.ShellCompRequestCmd}, tc.args...)...)
		if code != 0 || stdout != tc.want {
			t.Errorf("%q: exit %d, got\n%s\nwant\n%s", tc.args, code, stdout, tc.want)
		}
	}
}
