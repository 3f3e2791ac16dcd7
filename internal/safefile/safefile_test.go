package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGuard: destinations are compared with the catalog after making both
// absolute and resolving symbolic links, whichever form each was given in.
func TestGuard(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, "cat/team.yaml", "x")
	write(t, "cat/.svccat.yaml", "currency: USD\n")
	if err := os.Symlink("cat", "link"); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	abs := func(p string) string { return filepath.Join(dir, p) }
	g := NewGuard([]string{"cat"}, []string{"cat/team.yaml"}, "cat/.svccat.yaml")
	for _, dest := range []string{
		"cat/team.yaml", abs("cat/team.yaml"), "link/team.yaml", abs("link/team.yaml"), // the catalog's file, by any name
		"cat/.svccat.yaml", "link/.svccat.yaml", // its config
		"cat/new.yaml", "link/sub/new.yml", abs("link/new.yaml"), // read as part of it next time
	} {
		var re *RefusedError
		if err := g.CheckFile(dest); !errors.As(err, &re) {
			t.Errorf("-o %s: %v, want refused", dest, err)
		}
	}
	for _, dest := range []string{"out.yaml", "cat/report.json", "link/.hidden/x.yaml", abs("elsewhere/new.yaml")} {
		if err := g.CheckFile(dest); err != nil {
			t.Errorf("-o %s refused: %v", dest, err)
		}
	}
	// A catalog given by its absolute path guards its relative names too.
	g = NewGuard([]string{abs("link")}, []string{abs("link/team.yaml")}, "")
	if err := g.CheckFile("cat/team.yaml"); err == nil {
		t.Error("cat/team.yaml not refused for a catalog named by an absolute link")
	}
	for _, d := range []string{"cat", "link", abs("cat"), "/", "cat/.."} {
		if err := g.CheckDir(d); err == nil {
			t.Errorf("--out %s accepted", d)
		}
	}
	if err := g.CheckDir("docs"); err != nil {
		t.Errorf("--out docs refused: %v", err)
	}
	if err := g.CheckDir("cat/docs"); err != nil {
		t.Errorf("--out cat/docs refused: %v", err) // pages are Markdown: never read as the catalog
	}
	// A link that cannot be resolved is refused, not guessed at.
	if err := os.Symlink("nowhere/x", "dangling.yaml"); err != nil {
		t.Fatal(err)
	}
	if err := g.CheckFile("dangling.yaml"); err == nil || !strings.Contains(err.Error(), "cannot resolve") {
		t.Errorf("-o dangling.yaml: %v", err)
	}
}

// TestWriteKeepsPermissions: a 0600 file stays 0600 when replaced, a new
// file is 0644 under the umask, and no temporary file is left.
func TestWriteKeepsPermissions(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "secret.json")
	write(t, p, "old")
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v after replacing, want 0600", info.Mode().Perm())
	}
	if data, _ := os.ReadFile(p); string(data) != "new" {
		t.Errorf("content %q", data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || pending() != 0 {
		t.Errorf("files left: %v, %d pending", entries, pending())
	}
}

// TestWriteThroughLink: a symbolic link named with -o is kept; the file it
// leads to is written.
func TestWriteThroughLink(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "real.txt"), "old")
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink("real.txt", link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := WriteFile(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", info, err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "real.txt")); string(data) != "new" {
		t.Errorf("target holds %q", data)
	}
}

// TestCleanup: Cleanup removes the temporary files being written and makes
// later writes fail.
func TestCleanup(t *testing.T) {
	dir := t.TempDir()
	f, err := createTemp(dir, "page.md", 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	Cleanup()
	defer func() { temps.mu.Lock(); temps.closed = false; temps.mu.Unlock() }()
	if _, err := os.Stat(f.Name()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary file still there: %v", err)
	}
	if err := WriteAtomic(filepath.Join(dir, "x.md"), []byte("x"), 0); err == nil {
		t.Error("a write after Cleanup succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files left: %v", entries)
	}
}

// TestRemoveLeftovers: the temporary files of a killed run are found and
// removed; nothing else is touched and links are not followed.
func TestRemoveLeftovers(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), "a")
	write(t, filepath.Join(dir, "sub", TempPrefix+"x-b.md"), "b")
	write(t, filepath.Join(dir, TempPrefix+"y-c.md"), "c")
	other := t.TempDir()
	write(t, filepath.Join(other, TempPrefix+"z-d.md"), "d")
	os.Symlink(other, filepath.Join(dir, "out"))
	n, err := RemoveLeftovers(dir)
	if err != nil || n != 2 {
		t.Errorf("removed %d, %v; want 2", n, err)
	}
	if _, err := os.Stat(filepath.Join(other, TempPrefix+"z-d.md")); err != nil {
		t.Errorf("a file behind a link was removed: %v", err)
	}
}
