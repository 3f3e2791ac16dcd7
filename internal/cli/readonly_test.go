package cli

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// treeState records every entry below dir: kind, mode, size, modification
// time and content hash (or link target), without following symlinks.
func treeState(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		desc := fmt.Sprintf("%v %d %s", info.Mode(), info.Size(), info.ModTime().Format(time.RFC3339Nano))
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			desc += " -> " + target
		case info.Mode().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			desc += fmt.Sprintf(" %x", sha256.Sum256(data))
		}
		out[filepath.ToSlash(rel)] = desc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestNeverWritesIntoTheCatalog (SPEC §5): running svccat over a catalog
// — good files, bad ones and a symlink loop — leaves every file, folder
// and symlink of it as it was, contents and modification times included.
// -o naming a catalog file is refused.
func TestNeverWritesIntoTheCatalog(t *testing.T) {
	dir := t.TempDir()
	cat := filepath.Join(dir, "catalog")
	files := map[string]string{
		".svccat.yaml":        "currency: USD\n",
		"teams.yaml":          "apiVersion: svccat/v1\nkind: Team\nmetadata: {name: ops}\n",
		"services/erp.yaml":   "apiVersion: svccat/v1\nkind: Service\nmetadata: {name: erp}\nspec:\n  type: business\n  owner: ops\n  dependsOn: [db]\n  cost: {currency: USD, period: month, pools: {labor: 10.10}}\n",
		"services/db.yaml":    "apiVersion: svccat/v1\nkind: Service\nmetadata: {name: db}\nspec: {type: supporting, owner: ops, impact: {tier: 9}}\n",
		"bad/broken.yaml":     "a: [\n",
		"bad/dup.yaml":        "a: 1\na: 2\n",
		"bad/latin1.yaml":     "a: caf\xe9\n",
		"bad/bomb.yaml":       "a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e]\n",
		"bad/deep.yaml":       strings.Repeat("[", 10000) + strings.Repeat("]", 10000),
		"notes/README.md":     "not YAML\n",
		"notes/workflow.yaml": "on: push\njobs: {}\n",
	}
	for name, data := range files {
		p := filepath.Join(cat, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Symlink("..", filepath.Join(cat, "bad", "loop")) // where symlinks work
	// Modification times in the past, so that a rewrite with the same
	// content would still show.
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	filepath.WalkDir(cat, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type()&fs.ModeSymlink == 0 {
			os.Chtimes(p, old, old)
		}
		return nil
	})
	before := treeState(t, cat)
	t.Chdir(dir)

	svccat := func(args ...string) (int, string) {
		var stdout, stderr bytes.Buffer
		code := Main(args, strings.NewReader(""), &stdout, &stderr)
		if s := stderr.String(); strings.Contains(s, "panic") || strings.Contains(s, "goroutine ") {
			t.Errorf("svccat %s: a panic on stderr:\n%s", strings.Join(args, " "), s)
		}
		return code, stdout.String() + stderr.String()
	}
	for _, args := range [][]string{
		{"lint", "catalog"},
		{"lint", "--format", "json", "catalog"},
		{"lint", "--max-file-size", "10", "catalog"},
		{"lint", "catalog/services", "catalog/teams.yaml", "catalog/bad/broken.yaml"},
		{"lint", "-o", "report.txt", "catalog"},
	} {
		if code, out := svccat(args...); code != ExitFail {
			t.Errorf("svccat %s: exit %d, want %d\n%s", strings.Join(args, " "), code, ExitFail, out)
		}
	}
	code, out := svccat("lint", "-o", "catalog/teams.yaml", "catalog")
	if code != ExitUsage || !strings.Contains(out, "is the catalog's file") {
		t.Errorf("lint -o onto a catalog file: exit %d, want %d\n%s", code, ExitUsage, out)
	}
	// Through a symbolic link to the catalog folder, by an absolute path,
	// over the config, or as a YAML file the next run would read: all
	// refused, nothing written.
	refused := []string{"catalog/.svccat.yaml", filepath.Join(dir, "catalog", "teams.yaml"), "catalog/new.yaml"}
	if os.Symlink("catalog", "link") == nil {
		refused = append(refused, "link/teams.yaml", "link/.svccat.yaml", filepath.Join(dir, "link", "services", "db.yaml"))
	}
	for _, dest := range refused {
		for _, paths := range [][]string{{"catalog"}, {filepath.Join(dir, "catalog")}} {
			args := append([]string{"lint", "-o", dest}, paths...)
			if code, out := svccat(args...); code != ExitUsage || !strings.Contains(out, "svccat: -o ") {
				t.Errorf("svccat %s: exit %d, want %d\n%s", strings.Join(args, " "), code, ExitUsage, out)
			}
		}
	}
	// The report commands, where they exist, read the same catalog; their
	// exit codes are theirs to test.
	for _, args := range [][]string{
		{"restore-order", "catalog"}, {"cost", "catalog"}, {"graph", "catalog"}, {"impact", "db", "catalog"},
	} {
		svccat(args...)
	}

	if diff := cmp.Diff(before, treeState(t, cat)); diff != "" {
		t.Errorf("the catalog changed (-before +after):\n%s", diff)
	}
	if _, err := os.Stat("report.txt"); err != nil {
		t.Errorf("-o report.txt outside the catalog was not written: %v", err)
	}
}
