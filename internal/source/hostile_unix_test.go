//go:build unix

package source

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLinksOutsideThePath: a file or folder symbolic link that leads out
// of the PATH is a problem and is not followed; links that stay inside
// are followed, and a link back into the tree from outside counts as
// inside only by where it resolves to.
func TestLinksOutsideThePath(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"cat/team.yaml":       team,
		"cat/sub/site.yaml":   "apiVersion: svccat/v1\nkind: Site\nmetadata: {name: dc}\n",
		"outside/secret.yaml": team,
		"outside/more/x.yaml": team,
		"outside/notes.txt":   "not YAML",
	})
	t.Chdir(dir)
	symlink(t, "../outside/secret.yaml", "cat/secret.yaml") // a file outside
	symlink(t, "../outside", "cat/ext")                     // a folder outside
	symlink(t, "/", "cat/root")                             // the whole machine
	symlink(t, "../outside/notes.txt", "cat/notes")         // not YAML: ignored wherever it leads
	symlink(t, "sub", "cat/z-inside")                       // inside: followed, each file once
	symlink(t, "../cat/sub/site.yaml", "cat/site-link.yml") // out and back in: inside

	files, probs := List([]string{"cat"}, Options{})
	if got, want := listedFiles(files), "[cat/site-link.yml cat/team.yaml]"; got != want {
		t.Errorf("files %s, want %s", got, want)
	}
	real, _ := filepath.EvalSymlinks(dir)
	want := map[string]string{
		"cat/ext":         "symbolic link leads outside cat (to " + real + "/outside); skipped",
		"cat/root":        "symbolic link leads outside cat (to /); skipped",
		"cat/secret.yaml": "symbolic link leads outside cat (to " + real + "/outside/secret.yaml); skipped",
	}
	if got := problemsByFile(probs); fmt.Sprint(got) != fmt.Sprint(want) || len(probs) != len(want) {
		t.Errorf("problems:\n got %v\nwant %v", probs, want)
	}
}

// TestLinkDiamonds: folders linked to each other many times over are each
// read once: 30 levels of two links each would be 2^30 walks.
func TestLinkDiamonds(t *testing.T) {
	dir := t.TempDir()
	const levels = 30
	root := filepath.Join(dir, "cat")
	for i := 0; i < levels; i++ {
		if err := os.MkdirAll(filepath.Join(root, fmt.Sprintf("d%02d", i)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i+1 < levels; i++ {
		next := fmt.Sprintf("../d%02d", i+1)
		symlink(t, next, filepath.Join(root, fmt.Sprintf("d%02d", i), "a"))
		symlink(t, next, filepath.Join(root, fmt.Sprintf("d%02d", i), "b"))
	}
	writeFiles(t, root, map[string]string{fmt.Sprintf("d%02d/team.yaml", levels-1): team})
	done := make(chan []File, 1)
	go func() {
		files, probs := List([]string{root}, Options{WorkDir: dir})
		if len(probs) != 0 {
			t.Errorf("problems %v", probs)
		}
		done <- files
	}()
	select {
	case files := <-done:
		if len(files) != 1 {
			t.Errorf("files %s, want the one team.yaml once", listedFiles(files))
		}
	case <-time.After(time.Minute):
		// Not a timing test: an exponential walk does not end at all.
		t.Fatal("the walk did not end: every path through the links was walked")
	}
}

// TestSpecialFilesAreNeverOpened: a named pipe put where a listed file
// was (after listing) is not waited on: ReadFile opens without waiting
// and refuses what is not the regular file it listed.
func TestSpecialFilesAreNeverOpened(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "team.yaml")
	writeFiles(t, dir, map[string]string{"team.yaml": team})
	files, probs := List([]string{dir}, Options{WorkDir: dir})
	if len(files) != 1 || len(probs) != 0 {
		t.Fatalf("files %v, problems %v", files, probs)
	}
	// Kept aside, so that no new file can get its inode number.
	if err := os.Rename(p, p+".orig"); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	done := make(chan []Problem, 1)
	go func() {
		_, probs := ReadFile(files[0], Options{})
		done <- probs
	}()
	select {
	case probs := <-done:
		if len(probs) != 1 || probs[0].Message != "not a regular file (a named pipe); skipped" {
			t.Errorf("problems %v", probs)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ReadFile blocked on a named pipe")
	}

	// A regular file put in its place is not the file listed either.
	os.Remove(p)
	writeFiles(t, dir, map[string]string{"other.yaml": team})
	if err := os.Rename(filepath.Join(dir, "other.yaml"), p); err != nil {
		t.Fatal(err)
	}
	if _, probs := ReadFile(files[0], Options{}); len(probs) != 1 || !strings.Contains(probs[0].Message, "replaced") {
		t.Errorf("a replaced file: problems %v", probs)
	}
}

// TestReadRegular: the config and existing docs pages are read under the
// catalog's rules: no pipe waited on, no device read, nothing past the
// limit, no link followed where the caller says so.
func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"ok.yaml": team, "big.yaml": strings.Repeat("a", 2000)})
	fifo := filepath.Join(dir, "fifo.yaml")
	haveFifo := syscall.Mkfifo(fifo, 0o644) == nil
	symlink(t, "ok.yaml", filepath.Join(dir, "link.yaml"))
	symlink(t, "/dev/zero", filepath.Join(dir, "zero.yaml"))

	if data, err := ReadRegular(filepath.Join(dir, "ok.yaml"), 1000, false); err != nil || string(data) != team {
		t.Errorf("ok.yaml: %q, %v", data, err)
	}
	if data, err := ReadRegular(filepath.Join(dir, "link.yaml"), 1000, true); err != nil || string(data) != team {
		t.Errorf("link.yaml followed: %q, %v", data, err)
	}
	for name, want := range map[string]string{
		"big.yaml":  "file is 2.0 KiB, larger than the 1000 bytes limit",
		"link.yaml": "a symbolic link",
		"zero.yaml": "a symbolic link",
	} {
		if _, err := ReadRegular(filepath.Join(dir, name), 1000, false); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", name, err, want)
		}
	}
	if _, err := ReadRegular(filepath.Join(dir, "zero.yaml"), 1000, true); err == nil || !strings.Contains(err.Error(), "not a regular file (a device)") {
		t.Errorf("zero.yaml followed: error %v", err)
	}
	if haveFifo {
		done := make(chan error, 1)
		go func() { _, err := ReadRegular(fifo, 1000, false); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "not a regular file (a named pipe)") {
				t.Errorf("fifo: error %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("ReadRegular blocked on a named pipe")
		}
	}
}

// zeros is an endless stream, like /dev/zero on standard input.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

var _ io.Reader = zeros{}

// TestStdinIsBounded: "-" reads standard input, and no more than the file
// limit of it.
func TestStdinIsBounded(t *testing.T) {
	files, probs := List([]string{"-", "-"}, Options{})
	if len(files) != 1 || !files[0].Stdin || len(probs) != 0 {
		t.Fatalf("files %v, problems %v", files, probs)
	}
	docs, probs := ReadFile(files[0], Options{Stdin: strings.NewReader(team)})
	if len(docs) != 1 || len(probs) != 0 || docs[0].File != "-" {
		t.Errorf("documents %v, problems %v", docs, probs)
	}
	var alloc uint64
	alloc = allocated(func() {
		_, probs = ReadFile(files[0], Options{Stdin: zeros{}, Limits: Limits{FileBytes: 1 << 20}})
	})
	if len(probs) != 1 || probs[0].Message != "standard input is larger than the 1.0 MiB limit (raise limits.fileBytes in the config or --max-file-size)" {
		t.Errorf("problems %v", probs)
	}
	if alloc > 4<<20 {
		t.Errorf("reading an endless standard input allocated %d bytes, want at most 4 MiB for a 1 MiB limit", alloc)
	}
}
