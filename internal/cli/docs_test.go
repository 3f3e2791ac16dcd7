package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/svccat/svccat/internal/docs"
	"github.com/svccat/svccat/internal/safefile"
)

// runIn runs svccat in dir and returns the exit code and stdout.
func runIn(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := mainEnv(args, strings.NewReader(""), &stdout, &stderr, func(string) string { return "" })
	if code == ExitUsage {
		t.Logf("stderr: %s", stderr.String())
	}
	return code, stdout.String()
}

// TestDocsCheckCycle follows a site through its life: written, current,
// stale after a catalog edit (naming the page), regenerated with a
// user's file kept, and a removed entity's page removed.
func TestDocsCheckCycle(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/script/docs_write.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "catalog/") {
			writeTestFile(t, filepath.Join(dir, f.Name), string(f.Data))
		}
	}

	if code, out := runIn(t, dir, "docs", "--out", "site", "catalog"); code != 0 {
		t.Fatalf("docs: exit %d\n%s", code, out)
	}
	if code, out := runIn(t, dir, "docs", "--check", "--out", "site", "catalog"); code != 0 || !strings.Contains(out, "up to date") {
		t.Fatalf("--check on a fresh site: exit %d\n%s", code, out)
	}

	// A user's file in the site survives everything below.
	writeTestFile(t, filepath.Join(dir, "site", "services", "notes.md"), "mine\n")

	// Edit a title: the service's page (and the pages that link to it)
	// are stale, and --check names them.
	file := filepath.Join(dir, "catalog", "catalog.yaml")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "title: Database}", "title: Payroll Database}", 1)
	if edited == string(data) {
		t.Fatal("the edit did not apply")
	}
	writeTestFile(t, file, edited)
	code, out := runIn(t, dir, "docs", "--check", "--out", "site", "catalog")
	if code != ExitFail || !strings.Contains(out, "changed site/services/db.md\n") {
		t.Fatalf("--check after an edit: exit %d, want 1 naming site/services/db.md\n%s", code, out)
	}
	if strings.Contains(out, "notes.md") {
		t.Errorf("--check lists the user's file:\n%s", out)
	}

	// Remove the supporting service (and the dependency on it): its page
	// goes, the user's file stays.
	edited = strings.Replace(edited, "  dependsOn: [db]\n", "", 1)
	edited = edited[:strings.LastIndex(edited, "---\n")]
	writeTestFile(t, file, edited)
	if code, out := runIn(t, dir, "docs", "--out", "site", "catalog"); code != 0 || !strings.Contains(out, "1 removed") {
		t.Fatalf("docs after removing a service: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "site", "services", "db.md")); err == nil {
		t.Error("the removed service's page is still there")
	}
	if _, err := os.Stat(filepath.Join(dir, "site", "services", "notes.md")); err != nil {
		t.Error("the user's file is gone")
	}
	if code, out := runIn(t, dir, "docs", "--check", "--out", "site", "catalog"); code != 0 {
		t.Errorf("--check after regenerating: exit %d\n%s", code, out)
	}
}

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDocsBusyFolder: a second docs run into a folder another run holds
// exits 2 at once, naming the holder, and writes nothing.
func TestDocsBusyFolder(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.MkdirAll("cat", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("cat/team.yaml", []byte("apiVersion: svccat/v1\nkind: Team\nmetadata: {name: ops}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll("site", 0o755); err != nil {
		t.Fatal(err)
	}
	lock, err := safefile.Acquire(filepath.Join("site", docs.LockName))
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	var stdout, stderr bytes.Buffer
	code := Main([]string{"docs", "--out", "site", "cat"}, strings.NewReader(""), &stdout, &stderr)
	if code != ExitUsage || !strings.Contains(stderr.String(), "is writing there") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if entries, _ := os.ReadDir("site"); len(entries) != 1 {
		t.Errorf("site holds %v", entries)
	}
}
