package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFilesFillTheWorkflow(t *testing.T) {
	files, err := Files(Params{Version: "v1.4.0", Path: "ops/catalog", Today: "2026-12-01"})
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

// TestWorkflowInstallComment: the comment on the install step says what
// the version is: a pinned release, or @latest from a development build,
// which the user should pin.
func TestWorkflowInstallComment(t *testing.T) {
	for version, want := range map[string]string{
		"v1.4.0": "# Pinned so that a new release",
		"latest": "# Pin a release here (@v1.2.0, say)",
	} {
		files, err := Files(Params{Version: version, Path: ".", Today: "2026-12-01"})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if f.Path != ".github/workflows/svccat.yml" {
				continue
			}
			install := string(f.Data)[strings.Index(string(f.Data), "- name: Install svccat"):]
			install = install[:strings.Index(install, "\n\n")]
			if !strings.Contains(install, want) || !strings.HasSuffix(install, "cmd/svccat@"+version) {
				t.Errorf("version %s: install step\n%s\nwant the comment %q", version, install, want)
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
