package docs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// ManifestName is the file in the output folder that lists the pages svccat
// generated there. It is how a later run knows which files it may remove
// (pages of entities that are gone) and which it must leave alone
// (everything else: a README, images, pages a person wrote).
const ManifestName = ".svccat-docs.json"

// manifest is the manifest file's content.
type manifest struct {
	Generator string   `json:"generator"`
	Files     []string `json:"files"`
}

const generator = "svccat docs"

// ChangeKind says what a run does, or would do, to a file.
type ChangeKind string

const (
	Added   ChangeKind = "added"
	Changed ChangeKind = "changed"
	Removed ChangeKind = "removed"
)

// Change is one file that differs between the site and the folder.
type Change struct {
	Kind ChangeKind
	Path string // slash-separated, relative to the folder
}

// Options guard a folder.
type Options struct {
	// Protected are files that must never be written or removed: the
	// catalog's files and its config. A folder that holds one of them is
	// refused outright, since it is the catalog, not a place for docs.
	Protected []string
}

// Diff compares the pages (and the manifest listing them) with what is
// in dir, and returns what Write would add, change and remove, sorted by
// path. It writes nothing.
func Diff(dir string, pages []Page, opt Options) ([]Change, error) {
	p, err := prepare(dir, pages, opt)
	if err != nil {
		return nil, err
	}
	return p.changes, nil
}

// Write brings dir in line with the pages: it creates the folder if
// needed, writes every page that is new or different (each atomically:
// a temporary file in the same folder, then a rename), removes the pages
// an earlier run generated that are no longer part of the site, and
// updates the manifest. Files svccat did not generate are never touched.
// It returns what it changed.
func Write(dir string, pages []Page, opt Options) ([]Change, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	p, err := prepare(dir, pages, opt)
	if err != nil {
		return nil, err
	}
	if len(p.changes) == 0 {
		return nil, nil
	}
	// Record the new pages before writing them, so that an interrupted
	// run still knows they are svccat's to remove later.
	if union := mergeSorted(p.old, p.paths); len(union) != len(p.old) {
		if err := p.writeFile(ManifestName, manifestBytes(union)); err != nil {
			return nil, err
		}
	}
	var files []fileWrite
	for _, c := range p.changes {
		if c.Kind == Removed || c.Path == ManifestName {
			continue
		}
		file, err := p.target(c.Path, true)
		if err != nil {
			return nil, err
		}
		files = append(files, fileWrite{file, p.content[c.Path]})
	}
	if err := writeAll(files); err != nil {
		return nil, err
	}
	for _, c := range p.changes {
		if c.Kind == Removed {
			if err := p.remove(c.Path); err != nil {
				return nil, err
			}
		}
	}
	if err := p.writeFile(ManifestName, p.content[ManifestName]); err != nil {
		return nil, err
	}
	return p.changes, nil
}

// plan is a comparison of the site with a folder.
type plan struct {
	dir, real string
	opt       Options
	protected []os.FileInfo
	dirs      map[string]bool   // folders already made and checked
	content   map[string][]byte // the pages and the manifest, by path
	paths     []string          // the pages' paths, sorted
	old       []string          // the pages the previous manifest lists
	changes   []Change
}

func prepare(dir string, pages []Page, opt Options) (*plan, error) {
	p := &plan{dir: dir, opt: opt, content: map[string][]byte{}}
	for _, pg := range pages {
		if err := checkRel(pg.Path); err != nil {
			return nil, err
		}
		if _, dup := p.content[pg.Path]; dup {
			return nil, fmt.Errorf("docs: page %s generated twice", pg.Path)
		}
		p.content[pg.Path] = pg.Content
		p.paths = append(p.paths, pg.Path)
	}
	sort.Strings(p.paths)
	p.content[ManifestName] = manifestBytes(p.paths)

	for _, f := range opt.Protected {
		if info, err := os.Stat(f); err == nil {
			p.protected = append(p.protected, info)
		}
	}
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// Nothing there yet: everything is added.
		for _, rel := range append(append([]string(nil), p.paths...), ManifestName) {
			p.changes = append(p.changes, Change{Added, rel})
		}
		sortChanges(p.changes)
		return p, nil
	case err != nil:
		return nil, err
	case !info.IsDir():
		return nil, fmt.Errorf("--out %s is not a folder", dir)
	}
	if p.real, err = filepath.EvalSymlinks(dir); err != nil {
		return nil, err
	}
	if err := p.checkNotCatalog(); err != nil {
		return nil, err
	}
	if p.old, err = readManifest(dir); err != nil {
		return nil, err
	}
	for rel, want := range p.content {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			p.changes = append(p.changes, Change{Added, rel})
		case err != nil:
			return nil, err
		case !bytes.Equal(got, want):
			p.changes = append(p.changes, Change{Changed, rel})
		}
	}
	for _, old := range p.old {
		if _, still := p.content[old]; still {
			continue
		}
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(old))); err == nil {
			p.changes = append(p.changes, Change{Removed, old})
		}
	}
	sortChanges(p.changes)
	return p, nil
}

func sortChanges(cs []Change) {
	sort.Slice(cs, func(i, j int) bool { return cs[i].Path < cs[j].Path })
}

// checkRel accepts only a clean, relative, slash-separated path inside
// the folder: no "..", no absolute path, no hidden file.
func checkRel(p string) error {
	if p == "" || p != path.Clean(p) || path.IsAbs(p) || strings.Contains(p, `\`) || filepath.IsAbs(p) || strings.HasPrefix(p, "../") || p == ".." {
		return fmt.Errorf("docs: refusing to write %q: not a path inside the output folder", p)
	}
	for _, part := range strings.Split(p, "/") {
		if strings.HasPrefix(part, ".") || strings.ContainsAny(part, ":\x00") {
			return fmt.Errorf("docs: refusing to write %q: not a path inside the output folder", p)
		}
	}
	return nil
}

// checkNotCatalog refuses a folder that holds a catalog file: svccat never
// writes into the catalog it reads. (A folder inside the catalog's tree
// that holds no catalog file, such as examples/acme/docs, is fine: the
// loader reads only YAML files.)
func (p *plan) checkNotCatalog() error {
	for i, f := range p.opt.Protected {
		real, err := filepath.EvalSymlinks(f)
		if err != nil {
			continue
		}
		if within(p.real, real) {
			return fmt.Errorf("--out %s holds the catalog file %s; write the docs to a folder of their own", p.dir, p.opt.Protected[i])
		}
	}
	return nil
}

// within reports whether target is below root (both cleaned, absolute or
// both relative to the same folder).
func within(root, target string) bool {
	rel, err := filepath.Rel(root, target)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// target resolves the file for a site path and makes sure that writing
// or removing it stays inside the folder and spares the catalog: a
// symbolic link among the page's folders could otherwise lead out.
func (p *plan) target(rel string, create bool) (string, error) {
	if rel != ManifestName {
		if err := checkRel(rel); err != nil {
			return "", err
		}
	}
	file := filepath.Join(p.dir, filepath.FromSlash(rel))
	parent := filepath.Dir(file)
	if !p.dirs[parent] {
		if create {
			if err := os.MkdirAll(parent, 0o755); err != nil {
				return "", err
			}
		}
		realParent, err := filepath.EvalSymlinks(parent)
		if err != nil {
			return "", err
		}
		if realParent != p.real && !within(p.real, realParent) {
			return "", fmt.Errorf("refusing to write %s: it leads outside %s", file, p.dir)
		}
		if p.dirs == nil {
			p.dirs = map[string]bool{}
		}
		p.dirs[parent] = true
	}
	if info, err := os.Lstat(file); err == nil {
		if info.IsDir() {
			return "", fmt.Errorf("cannot write %s: it is a folder", file)
		}
		if target, err := os.Stat(file); err == nil {
			for _, prot := range p.protected {
				if os.SameFile(target, prot) {
					return "", fmt.Errorf("refusing to replace %s: it is a catalog file", file)
				}
			}
		}
	}
	return file, nil
}

func (p *plan) writeFile(rel string, data []byte) error {
	file, err := p.target(rel, true)
	if err != nil {
		return err
	}
	return writeAtomic(file, data)
}

// remove deletes a page an earlier run generated, and then its folder if
// that is left empty (never the output folder itself).
func (p *plan) remove(rel string) error {
	file, err := p.target(rel, false)
	if err != nil {
		return err
	}
	if err := os.Remove(file); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	for dir := path.Dir(rel); dir != "."; dir = path.Dir(dir) {
		if os.Remove(filepath.Join(p.dir, filepath.FromSlash(dir))) != nil {
			break // not empty: a user's file lives there
		}
	}
	return nil
}

type fileWrite struct {
	file string
	data []byte
}

// writeAll writes files (whose folders are made and checked) a few at a
// time: creating a file is mostly waiting on the file system, and a site
// has thousands. It returns the first error, in the files' order.
func writeAll(files []fileWrite) error {
	errs := make([]error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(8, len(files)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = writeAtomic(files[i].file, files[i].data)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return firstError(errs)
}

func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// writeAtomic writes data through a temporary file in the same folder and
// a rename, so that readers never see a half-written page.
// The temporary file is created with mode 0644 under the umask, like any
// file a tool writes, and exclusively, so that it never opens someone
// else's file.
func writeAtomic(file string, data []byte) error {
	var tmp *os.File
	var err error
	for try := 0; try < 100; try++ {
		name := filepath.Join(filepath.Dir(file), "."+filepath.Base(file)+".tmp"+strconv.FormatUint(uint64(rand.Uint32()), 36))
		tmp, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), file)
	}
	if werr != nil {
		os.Remove(tmp.Name())
	}
	return werr
}

func manifestBytes(paths []string) []byte {
	if paths == nil {
		paths = []string{}
	}
	b, _ := json.MarshalIndent(manifest{Generator: generator, Files: paths}, "", "  ")
	return append(b, '\n')
}

// readManifest lists the pages an earlier run generated in dir; none when
// there is no manifest. Entries that are not safe paths inside the folder
// are ignored: they are never removed.
func readManifest(dir string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil || m.Generator != generator {
		return nil, fmt.Errorf("%s is not a manifest svccat docs wrote; remove it to start over", filepath.Join(dir, ManifestName))
	}
	var out []string
	for _, f := range m.Files {
		if checkRel(f) == nil {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out, nil
}

// mergeSorted is the sorted union of two sorted lists.
func mergeSorted(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}
