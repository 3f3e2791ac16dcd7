package docs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzReadSite: whatever the manifest and an existing page hold, reading
// the folder (docs --check) never panics, never lists a path outside the
// folder, and fails only on a manifest svccat did not write.
func FuzzReadSite(f *testing.F) {
	f.Add([]byte(`{"generator":"svccat docs","files":["index.md","services/a.md"]}`), []byte("i\n"))
	f.Add([]byte(`{"generator":"svccat docs","files":["../x.md","/etc/passwd","a/../../b.md",".hidden.md","a\\b.md","c:d.md"]}`), []byte(""))
	f.Add([]byte(`{"generator":"svccat docs","files":[`+strings.Repeat(`"a.md",`, 1000)+`"a.md"]}`), []byte(strings.Repeat("x", 10000)))
	f.Add([]byte("not json"), []byte("i\n"))
	f.Add([]byte(`{"generator":"svccat docs","files":null}`), []byte("\x00\xff"))
	f.Fuzz(func(t *testing.T, manifest, page []byte) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, ManifestName), manifest, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "index.md"), page, 0o644); err != nil {
			t.Fatal(err)
		}
		changes, err := Diff(dir, pagesOf("index.md", "i\n"), Options{})
		if err != nil {
			if !strings.Contains(err.Error(), "is not a manifest svccat docs wrote") {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		for _, c := range changes {
			if checkRel(c.Path) != nil && c.Path != ManifestName {
				t.Fatalf("change outside the folder: %+v", c)
			}
		}
	})
}
