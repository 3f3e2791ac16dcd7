package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/svccat/svccat/internal/golden"
)

// TestScripts runs every testdata/script/*.txtar case through Main,
// in-process. A case's comment holds the lines
//
//	args: lint catalog --format json
//	exit: 1
//	env: NO_COLOR=1          (optional, repeatable)
//
// and its files are written to a fresh working directory. The sections
// "stdout" and "stderr", when present, are compared exactly (with
// SVCCAT_UPDATE=1 they are rewritten); other files named "want/…" are compared
// with the file of the same path the command wrote.
func TestScripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/script/*.txtar")
	if len(files) == 0 {
		t.Fatal("no scripts found")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			runScript(t, file)
		})
	}
}

func runScript(t *testing.T, file string) {
	file, err := filepath.Abs(file) // the test changes directory below
	if err != nil {
		t.Fatal(err)
	}
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var args []string
	wantExit := 0
	env := map[string]string{}
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		switch {
		case strings.HasPrefix(line, "args:"):
			args = strings.Fields(strings.TrimPrefix(line, "args:"))
		case strings.HasPrefix(line, "exit:"):
			wantExit, err = strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(line, "exit:")))
			if err != nil {
				t.Fatalf("bad exit line: %v", err)
			}
		case strings.HasPrefix(line, "env:"):
			k, v, _ := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "env:")), "=")
			env[k] = v
		}
	}
	dir := t.TempDir()
	sections := map[string]*txtar.File{}
	for i := range ar.Files {
		f := &ar.Files[i]
		if f.Name == "stdout" || f.Name == "stderr" || f.Name == "stdin" || strings.HasPrefix(f.Name, "want/") {
			sections[f.Name] = f
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	stdin := ""
	if sec := sections["stdin"]; sec != nil {
		stdin = string(sec.Data)
	}
	code := mainEnv(args, strings.NewReader(stdin), &stdout, &stderr, func(k string) string { return env[k] })
	if code != wantExit {
		t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", code, wantExit, stdout.String(), stderr.String())
	}
	changed := false
	for name, got := range map[string][]byte{"stdout": stdout.Bytes(), "stderr": stderr.Bytes()} {
		sec := sections[name]
		if sec == nil {
			continue
		}
		if golden.Updating() {
			sec.Data = got
			changed = true
			continue
		}
		if diff := cmp.Diff(string(sec.Data), string(got)); diff != "" {
			t.Errorf("%s differs (-want +got):\n%s\nIf the change is intended, run SVCCAT_UPDATE=1 go test ./internal/cli.", name, diff)
		}
	}
	for name, sec := range sections {
		if !strings.HasPrefix(name, "want/") {
			continue
		}
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(name, "want/"))))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if golden.Updating() {
			sec.Data = got
			changed = true
			continue
		}
		if diff := cmp.Diff(string(sec.Data), string(got)); diff != "" {
			t.Errorf("%s differs (-want +got):\n%s", name, diff)
		}
	}
	if changed {
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
