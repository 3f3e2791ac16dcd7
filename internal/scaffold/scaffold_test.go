package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFilesFillTheWorkflow(t *testing.T) {
	files, err := Files(Params{Version: "v1.4.0", Path: "ops/catalog"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".tmpl") || strings.Contains(string(f.Data), "[[") {
			t.Errorf("%s: template not rendered", f.Path)
		}
		if f.Path == ".github/workflows/svccat.yml" {
			for _, want := range []string{"cmd/svccat@v1.4.0", "CATALOG: ops/catalog", "${{ !cancelled() }}"} {
				if !strings.Contains(string(f.Data), want) {
					t.Errorf("the workflow lacks %q", want)
				}
			}
		}
	}
}

// TestWriteNeverReplaces: an existing file, or a symlink (even a dangling
// one), is skipped and left as it was.
func TestWriteNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	files := []File{{"a.yaml", []byte("new")}, {"sub/b.yaml", []byte("new")}, {"c.yaml", []byte("new")}}
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "c.yaml")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	res, err := Write(dir, files)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(res.Created, ",") != "sub/b.yaml" || strings.Join(res.Skipped, ",") != "a.yaml,c.yaml" {
		t.Errorf("created %v, skipped %v", res.Created, res.Skipped)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "a.yaml")); string(data) != "mine" {
		t.Errorf("a.yaml was replaced: %q", data)
	}
	if _, err := os.Stat(filepath.Join(dir, "nowhere")); err == nil {
		t.Error("a file was written through the dangling symlink")
	}
}
