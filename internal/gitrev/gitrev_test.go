package gitrev

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes a repository in a temporary folder with files committed;
// it skips the test where git is missing.
func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: the git revision reader cannot be tested")
	}
	dir := t.TempDir()
	gitIn(t, dir, "init", "-q", "-b", "main")
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(body, "->") {
			if err := os.Symlink(strings.TrimPrefix(body, "->"), p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gitIn(t, dir, "add", "-A")
	gitIn(t, dir, "commit", "-q", "-m", "base")
	return dir
}

func gitIn(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.com", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func TestFiles(t *testing.T) {
	dir := gitRepo(t, map[string]string{
		"catalog/a.yaml":         "a: 1\n",
		"catalog/sub/b.yml":      "b: 2\n",
		"catalog/.hidden/c.yaml": "c: 3\n",
		"catalog/.d.yaml":        "d: 4\n",
		"catalog/readme.md":      "# not yaml\n",
		"catalog/big.yaml":       strings.Repeat("x", 100) + "\n",
		"catalog/in.yaml":        "->a.yaml",
		"catalog/out.yaml":       "->../other.yaml",
		"other.yaml":             "o: 5\n",
		"catalogue/x.yaml":       "not under catalog\n",
	})
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	commit, err := r.Commit("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	rel, err := r.Rel(filepath.Join(dir, "catalog"))
	if err != nil || rel != "catalog" {
		t.Fatalf("Rel = %q, %v", rel, err)
	}
	before := gitIn(t, dir, "status", "--porcelain")
	files, probs, err := r.Files(commit, []string{rel}, Options{MaxFileSize: 50})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Path+"="+strings.TrimSpace(string(f.Data)))
	}
	want := "catalog/a.yaml=a: 1 catalog/sub/b.yml=b: 2"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("files = %s, want %s", g, want)
	}
	var gotProbs []string
	for _, p := range probs {
		gotProbs = append(gotProbs, p.Path)
	}
	if g := strings.Join(gotProbs, " "); g != "catalog/big.yaml catalog/out.yaml" {
		t.Errorf("problems = %s", g)
	}
	if after := gitIn(t, dir, "status", "--porcelain"); after != before {
		t.Errorf("git status changed:\n%s\nthen\n%s", before, after)
	}

	// The whole tree, and a file named by itself whatever its extension.
	files, _, err = r.Files(commit, []string{"."}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 5 { // a, sub/b, big, other, catalogue/x
		t.Errorf("whole tree: %d files", len(files))
	}
	files, _, err = r.Files(commit, []string{"catalog/readme.md"}, Options{})
	if err != nil || len(files) != 1 {
		t.Errorf("a file by name: %v, %v", files, err)
	}
}

func TestErrors(t *testing.T) {
	dir := gitRepo(t, map[string]string{"a.yaml": "a: 1\n"})
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, rev := range []string{"no-such-branch", "--output=x", "", "HEAD~5"} {
		if _, err := r.Commit(rev); err == nil {
			t.Errorf("Commit(%q): no error", rev)
		} else if _, ok := err.(*BadRevisionError); !ok {
			t.Errorf("Commit(%q): %T %v", rev, err, err)
		}
	}
	if _, err := r.Rel(t.TempDir()); err == nil {
		t.Error("Rel outside the work tree: no error")
	}
	if _, err := Open(t.TempDir()); err == nil {
		t.Error("Open outside a work tree: no error")
	}
}
