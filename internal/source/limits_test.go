package source

import (
	"fmt"
	"testing"
)

// TestCatalogBytesLimit: files past the catalog's limit in all are
// problems, unread; the files before them are read.
func TestCatalogBytesLimit(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.yaml": team, "b.yaml": team, "c.yaml": team})
	files, probs := List([]string{dir}, Options{WorkDir: dir, Limits: Limits{CatalogBytes: int64(2 * len(team))}})
	if got := listedFiles(files); got != "[a.yaml b.yaml]" {
		t.Errorf("files %s", got)
	}
	want := "[{file c.yaml:1:1 not read: the catalog is larger than the 110 bytes limit in all (limits.catalogBytes in the config)}]"
	if fmt.Sprint(probs) != want {
		t.Errorf("problems %v\nwant %s", probs, want)
	}
}

// listedFiles are the display names of the files List found.
func listedFiles(files []File) string {
	var names []string
	for _, f := range files {
		names = append(names, f.Display)
	}
	return fmt.Sprint(names)
}
