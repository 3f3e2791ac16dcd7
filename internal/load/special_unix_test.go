//go:build unix

package load_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/svccat/svccat/internal/load"
)

// TestSpecialConfigFiles: a config that is a named pipe is refused, not
// waited on, and one that leads to /dev/zero is refused, not read for
// ever (it was 2.8 GB read before the size check).
func TestSpecialConfigFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	zero := filepath.Join(dir, "zero.yaml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{zero: "cannot read config: not a regular file (a device)"}
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		cases[fifo] = "cannot read config: not a regular file (a named pipe)"
	} else {
		t.Logf("no named pipes here: %v", err)
	}
	for p, want := range cases {
		done := make(chan error, 1)
		go func() { _, err := load.ConfigFile(p); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.HasSuffix(err.Error(), want) {
				t.Errorf("%s: got %v, want %s", p, err, want)
			}
		case <-time.After(10 * time.Second):
			// Not a timing test: the read never ends.
			t.Fatalf("%s: loading the config did not end", p)
		}
	}
}
