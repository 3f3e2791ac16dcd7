//go:build unix

package source

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// TestSymlinkLoops: a folder symlink leading back up the tree, a symlink
// to itself and a dangling symlink are each reported once; reading ends
// and everything else is read.
func TestSymlinkLoops(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"cat/team.yaml":     team,
		"cat/sub/site.yaml": "apiVersion: svccat/v1\nkind: Site\nmetadata: {name: dc}\n",
	})
	symlink(t, ".", filepath.Join(dir, "cat", "here"))              // cat/here -> cat
	symlink(t, "../..", filepath.Join(dir, "cat", "sub", "up"))     // cat/sub/up -> the temp dir, outside cat
	symlink(t, "self.yaml", filepath.Join(dir, "cat", "self.yaml")) // self.yaml -> self.yaml
	symlink(t, "a", filepath.Join(dir, "cat", "a"))                 // a -> a: might have been a folder
	symlink(t, "gone.yaml", filepath.Join(dir, "cat", "dangling.yaml"))
	symlink(t, "team.yaml", filepath.Join(dir, "cat", "alias.yml")) // a good symlink is followed

	t.Chdir(dir)
	realDir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	res := Read([]string{"cat"}, Options{})
	got := problemsByFile(res.Problems)
	want := map[string]string{
		"cat/here":          "symlink loop: cat/here leads back to a folder above it; skipped",
		"cat/sub/up":        "symbolic link leads outside cat (to " + filepath.ToSlash(realDir) + "); skipped",
		"cat/self.yaml":     "cannot read: too many levels of symbolic links",
		"cat/a":             "cannot read: too many levels of symbolic links",
		"cat/dangling.yaml": "cannot read: no such file or directory",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) || len(res.Problems) != len(want) {
		t.Errorf("problems:\n got %v\nwant %v", res.Problems, want)
	}
	for _, p := range res.Problems {
		if p.Kind != Unreadable || p.Pos.Line != 1 || p.Pos.Col != 1 {
			t.Errorf("%v: want a file-level %s problem at 1:1", p, Unreadable)
		}
	}
	var files []string
	for _, d := range res.Documents {
		files = append(files, d.File)
	}
	// alias.yml and team.yaml are one file: it is read once, under the
	// first name in sorted order.
	if want := "[cat/alias.yml cat/sub/site.yaml]"; fmt.Sprint(files) != want {
		t.Errorf("documents from %v, want %s", files, want)
	}
}

// TestUnreadable: files svccat cannot read are reported by name with the
// reason, and reading goes on. Permission bits stop nobody when the tests
// run as root (as they do in the CI container), so besides chmod 000 the
// test uses conditions that stop root too: a file whose read fails
// (/proc/self/mem fails with EIO at offset 0), named pipes and sockets
// (opening a pipe would block for ever), and a path that does not exist.
func TestUnreadable(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFiles(t, dir, map[string]string{
		"cat/team.yaml":              team,
		"cat/locked.yaml":            team,
		"cat/locked-dir/site.yaml":   team,
		"cat/folder.yaml/inner.yaml": "apiVersion: svccat/v1\nkind: Site\nmetadata: {name: dc}\n",
	})
	want := map[string]string{
		"missing.yaml": "cannot read: no such file or directory",
	}
	paths := []string{"cat", "missing.yaml"}
	if os.Geteuid() != 0 {
		if err := os.Chmod("cat/locked.yaml", 0); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod("cat/locked-dir", 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod("cat/locked-dir", 0o755) })
		want["cat/locked.yaml"] = "cannot read: permission denied"
		want["cat/locked-dir"] = "cannot read directory: permission denied"
	} else {
		t.Log("running as root: chmod 000 does not stop root, so only the other unreadable conditions are tested")
	}
	if err := syscall.Mkfifo("cat/pipe.yaml", 0o644); err == nil {
		want["cat/pipe.yaml"] = "not a regular file (a named pipe); skipped"
	} else {
		t.Logf("no named pipes here: %v", err)
	}
	if runtime.GOOS == "linux" {
		if _, err := os.Stat("/proc/self/mem"); err == nil {
			// A PATH named on the command line is read wherever it is.
			paths = append(paths, "/proc/self/mem")
			want["/proc/self/mem"] = "cannot read: input/output error"
		}
	}
	res := Read(paths, Options{})
	if got := problemsByFile(res.Problems); fmt.Sprint(got) != fmt.Sprint(want) || len(res.Problems) != len(want) {
		t.Errorf("problems:\n got %v\nwant %v", res.Problems, want)
	}
	// A folder named like a YAML file is a folder.
	var files []string
	for _, d := range res.Documents {
		files = append(files, d.File)
	}
	wantFiles := "[cat/folder.yaml/inner.yaml cat/locked-dir/site.yaml cat/locked.yaml cat/team.yaml]"
	if os.Geteuid() != 0 {
		wantFiles = "[cat/folder.yaml/inner.yaml cat/team.yaml]"
	}
	if fmt.Sprint(files) != wantFiles {
		t.Errorf("documents from %v, want %s", files, wantFiles)
	}
}

// TestNamedPipeArgument: a named pipe given as a path is refused, not
// opened: opening it would wait for a writer for ever.
func TestNamedPipeArgument(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	done := make(chan *Result, 1)
	go func() { done <- Read([]string{p}, Options{WorkDir: dir}) }()
	select {
	case res := <-done:
		want := []Problem{{Kind: Unreadable, Pos: Pos{File: "pipe.yaml", Line: 1, Col: 1}, Message: "not a regular file (a named pipe); skipped"}}
		if fmt.Sprint(res.Problems) != fmt.Sprint(want) {
			t.Errorf("problems %v, want %v", res.Problems, want)
		}
	case <-time.After(10 * time.Second):
		// Not a timing test: the reader is stuck in open(2) on the pipe.
		t.Fatal("Read blocked on a named pipe")
	}
}
