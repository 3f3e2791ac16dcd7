//go:build unix

package docs

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/svccat/svccat/internal/safefile"
)

// withTimeout fails the test when f does not return: reading a named pipe
// or /dev/zero never ends.
func withTimeout(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatalf("%s did not end", what)
	}
}

// TestExistingPagesAreNotFollowed: a page that is a link to /dev/zero, a
// named pipe or a link out of the folder is never read through: --check
// says it changed, and writing replaces the link or pipe with the page,
// leaving what it pointed to alone.
func TestExistingPagesAreNotFollowed(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "docs")
	outside := filepath.Join(root, "outside.md")
	writeFile(t, outside, "keep\n")
	pages := pagesOf("index.md", "i\n", "pipe.md", "p\n", "out.md", "o\n")
	if _, err := Write(dir, pages, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"index.md", "pipe.md", "out.md"} {
		os.Remove(filepath.Join(dir, f))
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "index.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "out.md")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	var changes []Change
	var err error
	withTimeout(t, "docs --check", func() { changes, err = Diff(dir, pages, Options{}) })
	if err != nil || strings.Join(changeList(changes), ",") != "changed index.md,changed out.md,changed pipe.md" {
		t.Fatalf("Diff: %v, %v", changeList(changes), err)
	}
	withTimeout(t, "docs", func() { _, err = Write(dir, pages, Options{}) })
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"index.md", "pipe.md", "out.md"} {
		info, err := os.Lstat(filepath.Join(dir, f))
		if err != nil || !info.Mode().IsRegular() {
			t.Errorf("%s: %v %v, want the page", f, info, err)
		}
	}
	if readFile(t, outside) != "keep\n" {
		t.Error("a page was written through a link out of the folder")
	}
}

// TestManifestNotFollowed: a manifest that is a link (to /dev/zero here)
// is refused, not read.
func TestManifestNotFollowed(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("/dev/zero", filepath.Join(dir, ManifestName)); err != nil {
		t.Fatal(err)
	}
	var err error
	withTimeout(t, "docs", func() { _, err = Write(dir, pagesOf("index.md", "i\n"), Options{}) })
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("err = %v, want a refusal", err)
	}
}

// TestSecondRunRefused: while one run holds the folder, another fails at
// once and writes nothing.
func TestSecondRunRefused(t *testing.T) {
	dir := t.TempDir()
	lock, err := safefile.Acquire(filepath.Join(dir, LockName))
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	_, err = Write(dir, pagesOf("index.md", "i\n"), Options{})
	var busy *safefile.BusyError
	if !errors.As(err, &busy) || !strings.Contains(err.Error(), "is writing there") {
		t.Errorf("err = %v, want busy", err)
	}
	if exists(filepath.Join(dir, "index.md")) || exists(filepath.Join(dir, ManifestName)) {
		t.Error("the second run wrote")
	}
}

// TestConcurrentRunsNeverBlend: two runs at once into one folder leave the
// site of one of them, whole.
func TestConcurrentRunsNeverBlend(t *testing.T) {
	dir := t.TempDir()
	site := func(v string) []Page {
		var kv []string
		for i := 0; i < 200; i++ {
			kv = append(kv, filepath.ToSlash(filepath.Join("p", string(rune('a'+i%26)), v+"-"+string(rune('a'+i/26))+".md")), v+"\n")
		}
		return pagesOf(append(kv, "index.md", v+"\n")...)
	}
	for round := 0; round < 5; round++ {
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, v := range []string{"A", "B"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = Write(dir, site(v), Options{})
			}()
		}
		wg.Wait()
		for _, err := range errs {
			var busy *safefile.BusyError
			if err != nil && !errors.As(err, &busy) {
				t.Fatal(err)
			}
		}
		want := readFile(t, filepath.Join(dir, "index.md"))
		var m manifest
		if err := json.Unmarshal([]byte(readFile(t, filepath.Join(dir, ManifestName))), &m); err != nil {
			t.Fatal(err)
		}
		for _, f := range m.Files {
			if got := readFile(t, filepath.Join(dir, filepath.FromSlash(f))); got != want || !strings.Contains(f, strings.TrimSpace(want)+"-") && f != "index.md" {
				t.Fatalf("round %d: %s holds %q, index.md %q: the sites blended", round, f, got, want)
			}
		}
	}
}

// TestRecoversAfterCrash: a run killed with kill -9 leaves its lock file
// (held by nobody), its temporary files and its manifest; the next run
// recognises the folder, takes the lock over, removes the leftovers and
// completes.
func TestRecoversAfterCrash(t *testing.T) {
	for _, tc := range []struct {
		name     string
		manifest bool // the crash came after the manifest was written
	}{{"after the manifest", true}, {"before the manifest", false}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, LockName), "999999999\n")
			// The manifest is written first: before it, only its own
			// temporary file can be there.
			writeFile(t, filepath.Join(dir, safefile.TempPrefix+"x1-"+ManifestName), "half")
			if tc.manifest {
				writeFile(t, filepath.Join(dir, safefile.TempPrefix+"x2-index.md"), "half")
				writeFile(t, filepath.Join(dir, "services", safefile.TempPrefix+"x3-a.md"), "half")
				writeFile(t, filepath.Join(dir, ManifestName), string(manifestBytes([]string{"index.md", "services/a.md"})))
			}
			if _, err := Write(dir, pagesOf("index.md", "i\n", "services/a.md", "a\n"), Options{}); err != nil {
				t.Fatal(err)
			}
			var left []string
			filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
				if err == nil && !info.IsDir() {
					rel, _ := filepath.Rel(dir, p)
					left = append(left, filepath.ToSlash(rel))
				}
				return nil
			})
			if got := strings.Join(left, " "); got != ManifestName+" index.md services/a.md" {
				t.Errorf("the folder holds %s", got)
			}
		})
	}
}

// TestManifestBeforePages: when writing a page fails, the manifest already
// names it (so a later run may remove it) and no temporary file is left.
func TestManifestBeforePages(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(dir, pagesOf("index.md", "i\n"), Options{}); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "x"), "a user's file where a folder of pages would go\n")
	if _, err := Write(dir, pagesOf("index.md", "i2\n", "new.md", "n\n", "x/y.md", "y\n"), Options{}); err == nil {
		t.Fatal("writing below a file succeeded")
	}
	m := readFile(t, filepath.Join(dir, ManifestName))
	if !strings.Contains(m, `"new.md"`) || !strings.Contains(m, `"x/y.md"`) {
		t.Errorf("manifest after the failed run:\n%s", m)
	}
	n, _ := safefile.RemoveLeftovers(dir)
	if n != 0 || exists(filepath.Join(dir, LockName)) {
		t.Errorf("%d temporary files or the lock left after an error", n)
	}
}
