package docs

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

func pagesOf(kv ...string) []Page {
	var out []Page
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, Page{Path: kv[i], Content: []byte(kv[i+1])})
	}
	return out
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func changeList(cs []Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, string(c.Kind)+" "+c.Path)
	}
	return out
}

func TestWriteThenDiffIsClean(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "docs")
	pages := pagesOf("index.md", "# i\n", "services/a.md", "# a\n")
	got, err := Write(dir, pages, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"added .svccat-docs.json", "added index.md", "added services/a.md"}
	if !reflect.DeepEqual(changeList(got), want) {
		t.Errorf("changes %v, want %v", changeList(got), want)
	}
	if s := readFile(t, filepath.Join(dir, "services/a.md")); s != "# a\n" {
		t.Errorf("services/a.md = %q", s)
	}
	if changes, err := Diff(dir, pages, Options{}); err != nil || len(changes) != 0 {
		t.Errorf("Diff after Write = %v, %v; want nothing", changeList(changes), err)
	}
	// A second Write changes nothing.
	if changes, err := Write(dir, pages, Options{}); err != nil || len(changes) != 0 {
		t.Errorf("second Write = %v, %v; want nothing", changeList(changes), err)
	}
	if m := readFile(t, filepath.Join(dir, ManifestName)); !strings.Contains(m, `"services/a.md"`) {
		t.Errorf("manifest does not list services/a.md:\n%s", m)
	}
	// No temporary file is left behind.
	entries, _ := os.ReadDir(filepath.Join(dir, "services"))
	if len(entries) != 1 {
		t.Errorf("services/ holds %d files, want 1", len(entries))
	}
}

func TestDiffWritesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "docs")
	changes, err := Diff(dir, pagesOf("index.md", "x\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"added .svccat-docs.json", "added index.md"}; !reflect.DeepEqual(changeList(changes), want) {
		t.Errorf("changes %v, want %v", changeList(changes), want)
	}
	if exists(dir) {
		t.Error("Diff created the output folder")
	}
	if _, err := Write(dir, pagesOf("index.md", "x\n", "old.md", "o\n"), Options{}); err != nil {
		t.Fatal(err)
	}
	changes, err = Diff(dir, pagesOf("index.md", "y\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"changed .svccat-docs.json", "changed index.md", "removed old.md"}; !reflect.DeepEqual(changeList(changes), want) {
		t.Errorf("changes %v, want %v", changeList(changes), want)
	}
	if readFile(t, filepath.Join(dir, "index.md")) != "x\n" || !exists(filepath.Join(dir, "old.md")) {
		t.Error("Diff changed the folder")
	}
}

// Pages that no longer belong to the site are removed; files a user put
// in the folder, and folders that still hold them, are not.
func TestWriteRemovesOnlyItsOwnPages(t *testing.T) {
	dir := t.TempDir()
	if _, err := Write(dir, pagesOf("index.md", "i\n", "services/a.md", "a\n", "services/b.md", "b\n", "teams/t.md", "t\n"), Options{}); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "README.md"), "mine\n")
	writeFile(t, filepath.Join(dir, "services", "notes.md"), "mine too\n")
	got, err := Write(dir, pagesOf("index.md", "i\n", "services/a.md", "a\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"changed .svccat-docs.json", "removed services/b.md", "removed teams/t.md"}
	if !reflect.DeepEqual(changeList(got), want) {
		t.Errorf("changes %v, want %v", changeList(got), want)
	}
	for _, gone := range []string{"services/b.md", "teams/t.md", "teams"} {
		if exists(filepath.Join(dir, gone)) {
			t.Errorf("%s was not removed", gone)
		}
	}
	for _, kept := range []string{"README.md", "services/notes.md", "services/a.md", "index.md"} {
		if !exists(filepath.Join(dir, kept)) {
			t.Errorf("%s was removed", kept)
		}
	}
}

// A page that was never svccat's is overwritten only if the site has a
// page of that path, and never removed.
func TestRefusesForeignFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "services", "old.md"), "old\n")
	if _, err := Write(dir, pagesOf("index.md", "i\n"), Options{}); err == nil || !strings.Contains(err.Error(), "is not empty and holds no "+ManifestName) {
		t.Errorf("err = %v, want a refusal", err)
	}
	if _, err := Diff(dir, pagesOf("index.md", "i\n"), Options{}); err == nil {
		t.Error("Diff accepted a folder svccat did not write")
	}
	if !exists(filepath.Join(dir, "services", "old.md")) || exists(filepath.Join(dir, "index.md")) {
		t.Error("wrote into, or removed from, a folder svccat did not write")
	}
	for _, d := range []string{"/", "/.."} {
		if _, err := Write(d, pagesOf("index.md", "i\n"), Options{}); err == nil || !strings.Contains(err.Error(), "filesystem root") {
			t.Errorf("--out %s: err = %v, want a refusal", d, err)
		}
	}
}

// A manifest that names files outside the folder (tampered with, or
// written by hand) never leads to removing them.
func TestManifestCannotRemoveOutside(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "docs")
	outside := filepath.Join(root, "precious.md")
	writeFile(t, outside, "keep\n")
	writeFile(t, filepath.Join(dir, ".hidden.md"), "keep\n")
	writeFile(t, filepath.Join(dir, ManifestName), `{"generator":"svccat docs","files":["../precious.md","`+outside+`","services/../../precious.md",".hidden.md","index.md"]}`)
	if _, err := Write(dir, pagesOf("index.md", "i\n"), Options{}); err != nil {
		t.Fatal(err)
	}
	if !exists(outside) || !exists(filepath.Join(dir, ".hidden.md")) {
		t.Error("a manifest entry outside the site was removed")
	}
}

func TestManifestNotOurs(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ManifestName), "not json")
	if _, err := Write(dir, pagesOf("index.md", "i\n"), Options{}); err == nil || !strings.Contains(err.Error(), "not a manifest") {
		t.Errorf("err = %v, want a complaint about the manifest", err)
	}
}

func TestRefusesCatalogFolder(t *testing.T) {
	dir := t.TempDir()
	catalogFile := filepath.Join(dir, "services.yaml")
	writeFile(t, catalogFile, "apiVersion: svccat/v1\n")
	opt := Options{Protected: []string{catalogFile}}
	for name, run := range map[string]func() ([]Change, error){
		"Write": func() ([]Change, error) { return Write(dir, pagesOf("index.md", "i\n"), opt) },
		"Diff":  func() ([]Change, error) { return Diff(dir, pagesOf("index.md", "i\n"), opt) },
	} {
		if _, err := run(); err == nil || !strings.Contains(err.Error(), "catalog file") {
			t.Errorf("%s: err = %v, want a refusal", name, err)
		}
	}
	if exists(filepath.Join(dir, "index.md")) {
		t.Error("wrote into the catalog folder")
	}
	// A sibling folder inside the catalog's tree is fine.
	if _, err := Write(filepath.Join(dir, "docs"), pagesOf("index.md", "i\n"), opt); err != nil {
		t.Errorf("docs folder inside the catalog tree: %v", err)
	}
}

func TestRejectsPagePathsOutside(t *testing.T) {
	for _, p := range []string{"../x.md", "/abs.md", "a/../../x.md", "", ".", "a//b.md", `a\b.md`, ".svccat-docs.json", "services/.x.md"} {
		if _, err := Write(t.TempDir(), pagesOf(p, "x"), Options{}); err == nil {
			t.Errorf("page path %q accepted", p)
		}
	}
}

// A symbolic link inside the folder cannot carry writes outside it.
func TestSymlinkOutOfFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	root := t.TempDir()
	dir := filepath.Join(root, "docs")
	outside := filepath.Join(root, "elsewhere")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, pagesOf("index.md", "i\n"), Options{}); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "services")); err != nil {
		t.Fatal(err)
	}
	_, err := Write(dir, pagesOf("index.md", "i\n", "services/a.md", "a\n"), Options{})
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("err = %v, want a refusal to write outside", err)
	}
	if exists(filepath.Join(outside, "a.md")) {
		t.Error("wrote through a symbolic link out of the folder")
	}
}

// The site of the example catalog, written and checked: removing an
// entity removes its page; a user's file survives.
func TestAcmeRoundTrip(t *testing.T) {
	dir := t.TempDir()
	pages := build(t, acmeDir)
	if _, err := Write(dir, pages, Options{}); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "services", "README.md"), "mine\n")
	var fewer []Page
	for _, p := range pages {
		if p.Path != "services/crm.md" {
			fewer = append(fewer, p)
		}
	}
	changes, err := Diff(dir, fewer, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"changed .svccat-docs.json", "removed services/crm.md"}; !reflect.DeepEqual(changeList(changes), want) {
		t.Errorf("changes %v, want %v", changeList(changes), want)
	}
	if _, err := Write(dir, fewer, Options{}); err != nil {
		t.Fatal(err)
	}
	if exists(filepath.Join(dir, "services", "crm.md")) || !exists(filepath.Join(dir, "services", "README.md")) {
		t.Error("the removed service's page is still there, or the user's file is gone")
	}
}
