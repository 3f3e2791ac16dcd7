// Package golden compares test output with files under testdata and
// rewrites them when tests run with SVCCAT_UPDATE=1 (in every package at
// once: SVCCAT_UPDATE=1 go test ./...) or with -update (in packages whose
// tests use this package).
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// UpdateEnv is the environment variable that makes tests rewrite golden
// files instead of comparing with them.
const UpdateEnv = "SVCCAT_UPDATE"

var update = flag.Bool("update", false, "rewrite golden files with the output the tests produce (or set "+UpdateEnv+"=1)")

// Updating reports whether the run rewrites golden files: SVCCAT_UPDATE
// is set to anything but "" or "0", or the test binary has -update.
func Updating() bool {
	if v := os.Getenv(UpdateEnv); v != "" && v != "0" {
		return true
	}
	return *update
}

// Check compares got with the file at path (relative to the test's
// package). When updating it writes got there instead.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if Updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file: %v (run %s=1 go test on this package to create it)", err, UpdateEnv)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s\nIf the change is intended, run %s=1 go test on this package to rewrite it.", path, diff, UpdateEnv)
	}
}
