package cli

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	code = Main(args, strings.NewReader(""), &out, &errs)
	return code, out.String(), errs.String()
}

// snapshot reads every file below dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		files[p] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestInit: the starter catalog lints clean, without a single finding
// (whatever rules exist), and a second init changes nothing.
func TestInit(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := run(t, "init", dir)
	if code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, stdout, stderr)
	}
	first := snapshot(t, dir)
	for _, want := range []string{".svccat.yaml", ".github/workflows/svccat.yml", "markets.yaml", "segments.yaml", "personas.yaml",
		"services/corporate-email.yaml", "services/mail-platform.yaml", "teams.yaml", "sites.yaml"} {
		p := filepath.Join(dir, filepath.FromSlash(want))
		if _, ok := first[p]; !ok {
			t.Errorf("init did not write %s", want)
		}
		if !strings.Contains(stdout, "created "+p+"\n") {
			t.Errorf("init did not say it created %s:\n%s", p, stdout)
		}
	}

	code, stdout, stderr = run(t, "lint", "--fail-on", "info", dir)
	if code != 0 {
		t.Errorf("the starter catalog does not lint clean: exit %d\n%s%s", code, stdout, stderr)
	}

	code, stdout, stderr = run(t, "init", dir)
	if code != 0 {
		t.Fatalf("second init: exit %d\n%s%s", code, stdout, stderr)
	}
	if strings.Contains(stdout, "created") || strings.Count(stdout, "skipped ") != len(first) {
		t.Errorf("second init should skip every file:\n%s", stdout)
	}
	again := snapshot(t, dir)
	if len(again) != len(first) {
		t.Errorf("second init: %d files, want %d", len(again), len(first))
	}
	for p, data := range first {
		if again[p] != data {
			t.Errorf("second init changed %s", p)
		}
	}
}

// TestInitWorkflow: the workflow is YAML that runs the lint, the SARIF
// upload and the docs check against the catalog's path in the repository.
func TestInitWorkflow(t *testing.T) {
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(repo, "ops", "catalog")
	code, stdout, stderr := run(t, "init", dir)
	if code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "GitHub reads workflows only at the repository root") {
		t.Errorf("init into a subfolder of a repository should say where the workflow goes:\n%s", stdout)
	}
	data, err := os.ReadFile(filepath.Join(dir, ".github", "workflows", "svccat.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Env  map[string]string
		Jobs map[string]struct {
			Steps []struct{ Uses, Run string }
		}
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("the workflow is not YAML: %v", err)
	}
	if wf.Env["CATALOG"] != "ops/catalog" {
		t.Errorf("CATALOG = %q, want ops/catalog", wf.Env["CATALOG"])
	}
	var steps []string
	for _, s := range wf.Jobs["catalog"].Steps {
		steps = append(steps, s.Uses+s.Run)
	}
	all := strings.Join(steps, "\n")
	for _, want := range []string{
		"go install github.com/svccat/svccat/cmd/svccat@latest",
		`svccat lint --format github --format sarif=svccat.sarif "$CATALOG"`,
		"github/codeql-action/upload-sarif@",
		"svccat/svccat@main", // the diff comment on pull requests
		`svccat docs --out docs/catalog --check "$CATALOG"`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the workflow has no step with %q:\n%s", want, all)
		}
	}
}

func TestInstallVersion(t *testing.T) {
	for v, want := range map[string]bool{
		"v1.2.3":                             true,
		"v1.2.3-rc.1":                        true,
		"v0.0.0-20260102150405-abcdef123456": false,
		"v1.2.4-0.20260102150405-abcdef1234": false,
		"v1.2.4-SNAPSHOT-abcdef1":            false,
		"v1.2.3+dirty":                       false,
		"vdev":                               false,
		"(devel)":                            false,
	} {
		if got := releaseRE.MatchString(v); got != want {
			t.Errorf("releaseRE.MatchString(%q) = %v, want %v", v, got, want)
		}
	}
	if got := installVersion(); got != "latest" {
		t.Errorf("a test build installs %q, want latest", got)
	}
}

// TestInitNextSteps: the commands init suggests work from where it ran:
// the docs go to docs/catalog at the repository root (where the
// workflow checks them), or at the catalog's root outside a repository,
// and folder names are quoted for the shell.
func TestInitNextSteps(t *testing.T) {
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	plain := t.TempDir()
	for _, tc := range []struct {
		name, wd, dir string
		want          []string
	}{
		{"repository root", repo, "catalog", []string{
			"svccat lint catalog ", "svccat docs --out docs/catalog catalog "}},
		{"inside the catalog", filepath.Join(repo, "ops"), ".", []string{
			"svccat lint . ", "svccat docs --out ../docs/catalog . "}},
		{"no repository, a folder with a space", plain, "my catalog", []string{
			"svccat lint 'my catalog' ", "svccat docs --out 'my catalog/docs/catalog' 'my catalog' "}},
		{"no repository, an absolute path", repo, filepath.Join(plain, "abs"), []string{
			"svccat docs --out " + filepath.Join(plain, "abs", "docs", "catalog") + " " + filepath.Join(plain, "abs") + " "}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := os.MkdirAll(tc.wd, 0o755); err != nil {
				t.Fatal(err)
			}
			t.Chdir(tc.wd)
			code, stdout, stderr := run(t, "init", tc.dir)
			if code != 0 {
				t.Fatalf("init: exit %d\n%s%s", code, stdout, stderr)
			}
			for _, want := range tc.want {
				if !strings.Contains(stdout, "  "+want) {
					t.Errorf("init should suggest %q:\n%s", want, stdout)
				}
			}
		})
	}
}

// TestSnapshotIsNoRelease: a snapshot build (goreleaser --snapshot) is no
// release the module proxy serves, so init must not pin its version in
// the workflow: the snapshot version in .goreleaser.yml must not read as
// a release to installVersion.
func TestSnapshotIsNoRelease(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", ".goreleaser.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Snapshot struct {
			VersionTemplate string `yaml:"version_template"`
		}
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	v := cfg.Snapshot.VersionTemplate
	if v == "" {
		t.Skip("no snapshot.version_template: goreleaser's default, {{ .Version }}-SNAPSHOT-{{ .ShortCommit }}")
	}
	for tmpl, val := range map[string]string{
		"{{ incpatch .Version }}": "1.2.4", "{{ incminor .Version }}": "1.3.0", "{{ incmajor .Version }}": "2.0.0",
		"{{ .Version }}": "1.2.3", "{{ .ShortCommit }}": "abcdef1", "{{ .Commit }}": "abcdef1234567890",
	} {
		v = strings.ReplaceAll(v, tmpl, val)
	}
	if strings.Contains(v, "{{") {
		t.Fatalf("cannot render the snapshot version template %q here", v)
	}
	if releaseRE.MatchString("v" + v) {
		t.Errorf("snapshot version %q reads as a release: init would pin @v%s, which go install cannot find", v, v)
	}
}

// TestInitIntoCatalog: in a folder that already holds a catalog, init
// adds the config and the workflow, not a starter catalog whose services
// and sites would clash with the user's (a second mail-platform, a site
// that does not exist), and the catalog lints as it did.
func TestInitIntoCatalog(t *testing.T) {
	dir := t.TempDir()
	writeTestFile(t, filepath.Join(dir, "catalog", "teams.yaml"),
		"apiVersion: svccat/v1\nkind: Team\nmetadata: {name: ops}\nspec: {contact: ops@example.com}\n")
	code, stdout, stderr := run(t, "init", dir)
	if code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, stdout, stderr)
	}
	files := snapshot(t, dir)
	for p := range files {
		rel, _ := filepath.Rel(dir, p)
		switch filepath.ToSlash(rel) {
		case "catalog/teams.yaml", ".svccat.yaml", ".github/workflows/svccat.yml":
		default:
			t.Errorf("init wrote %s into a folder that holds a catalog", rel)
		}
	}
	if len(files) != 3 {
		t.Errorf("init wrote %d files, want the config and the workflow", len(files)-1)
	}
	if !strings.Contains(stdout, "already holds a catalog") {
		t.Errorf("init should say why it left the starter catalog out:\n%s", stdout)
	}
	if code, stdout, stderr := run(t, "lint", "--fail-on", "info", dir); code != 0 {
		t.Errorf("lint after init: exit %d\n%s%s", code, stdout, stderr)
	}
}
