package docs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/svccat/svccat/internal/safefile"
	"github.com/svccat/svccat/internal/source"
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

// LockName is the lock file a run holds in the output folder while it
// writes, so that two runs never blend their pages.
const LockName = ".svccat-docs.lock"

// maxManifestBytes bounds the manifest read: a site of 100,000 pages
// lists a few megabytes.
const maxManifestBytes = 64 << 20

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
	// Guard, when set, checks the folder and every YAML file written
	// against the catalog being read (an export must not land where the
	// next run would read it).
	Guard *safefile.Guard
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
//
// The folder is locked while it is written (a second run fails at once),
// the manifest naming the new pages is written before the first page, and
// the temporary files a killed run left are removed first: after a crash
// the next run recognises the folder as its own and completes.
func Write(dir string, pages []Page, opt Options) ([]Change, error) {
	if err := checkDest(dir, opt); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	lock, err := safefile.Acquire(filepath.Join(dir, LockName))
	if err != nil {
		return nil, fmt.Errorf("--out %s: %w", dir, err)
	}
	defer lock.Release()
	if _, err := safefile.RemoveLeftovers(dir); err != nil {
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
	if union := mergeSorted(p.old, p.paths); len(union) != len(p.old) || !p.hasManifest {
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

// checkDest refuses the filesystem root and, with a guard, a folder of
// the catalog and YAML pages the next run would read.
func checkDest(dir string, opt Options) error {
	real, err := safefile.Resolve(dir)
	if err != nil {
		return fmt.Errorf("--out %s: %w", dir, err)
	}
	if filepath.Dir(real) == real {
		return fmt.Errorf("--out %s is the filesystem root; write the site to a folder of its own", dir)
	}
	if opt.Guard == nil {
		return nil
	}
	if err := opt.Guard.CheckDir(dir); err != nil {
		return fmt.Errorf("--out %w", err)
	}
	return nil
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
	// hasManifest: the folder holds a manifest (perhaps listing nothing).
	hasManifest bool
	changes     []Change
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
		if opt.Guard != nil && (strings.HasSuffix(pg.Path, ".yaml") || strings.HasSuffix(pg.Path, ".yml")) {
			if err := opt.Guard.CheckFile(filepath.Join(dir, filepath.FromSlash(pg.Path))); err != nil {
				return nil, err
			}
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
	// The folder itself was named by the user: a link there is followed.
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
	if p.real, err = safefile.Resolve(dir); err != nil {
		return nil, err
	}
	if err := p.checkNotCatalog(); err != nil {
		return nil, err
	}
	if p.old, p.hasManifest, err = readManifest(dir); err != nil {
		return nil, err
	}
	if !p.hasManifest {
		if err := checkEmpty(dir); err != nil {
			return nil, err
		}
	}
	for rel, want := range p.content {
		kind, err := p.compare(rel, want)
		if err != nil {
			return nil, err
		}
		if kind != "" {
			p.changes = append(p.changes, Change{kind, rel})
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

// checkEmpty refuses a folder that holds anything but svccat's own lock
// and temporary files: without a manifest, it is not svccat's to fill.
func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() == LockName || safefile.IsTemp(e.Name()) {
			continue
		}
		return fmt.Errorf("--out %s is not empty and holds no %s, so svccat did not write it; give an empty or new folder", dir, ManifestName)
	}
	return nil
}

// compare says how the page on disk differs from want: Added when there
// is none, Changed when it differs or is not a regular file (a link is
// never followed: it is replaced by the page). It reads at most one byte
// more than want.
func (p *plan) compare(rel string, want []byte) (ChangeKind, error) {
	file := filepath.Join(p.dir, filepath.FromSlash(rel))
	if err := p.checkNoLinks(rel, false); err != nil {
		var le *linkError
		if errors.As(err, &le) {
			return "", err
		}
		// A folder missing (the page is new) or in the way (writing it
		// will say so, after the manifest names it).
		return Added, nil
	}
	info, err := os.Lstat(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Added, nil
	case err != nil:
		return "", err
	case info.IsDir():
		return "", fmt.Errorf("cannot write %s: it is a folder", file)
	case !info.Mode().IsRegular() || info.Size() != int64(len(want)):
		return Changed, nil
	}
	got, err := source.ReadRegular(file, int64(len(want)), false)
	switch {
	case errors.Is(err, source.ErrTooLarge):
		return Changed, nil
	case err != nil:
		return "", err
	case !bytes.Equal(got, want):
		return Changed, nil
	}
	return "", nil
}

// linkError is a symbolic link met inside the output folder.
type linkError struct{ link, dir string }

func (e *linkError) Error() string {
	return fmt.Sprintf("refusing to write below %s: it is a symbolic link, and svccat never follows one inside --out (it could lead outside %s)", e.link, e.dir)
}

// checkNoLinks makes sure that no folder on the way from the output folder
// to rel is a symbolic link (svccat never follows one inside the folder),
// making the missing ones when create is set.
func (p *plan) checkNoLinks(rel string, create bool) error {
	parts := strings.Split(rel, "/")
	cur := p.dir
	for _, part := range parts[:len(parts)-1] {
		cur = filepath.Join(cur, part)
		if p.dirs[cur] {
			continue
		}
		info, err := os.Lstat(cur)
		if errors.Is(err, fs.ErrNotExist) && create {
			if err := os.Mkdir(cur, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				return err
			}
			info, err = os.Lstat(cur)
		}
		if err != nil {
			return err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return &linkError{cur, p.dir}
		}
		if !info.IsDir() {
			return fmt.Errorf("cannot write below %s: it is not a folder", cur)
		}
		if p.dirs == nil {
			p.dirs = map[string]bool{}
		}
		p.dirs[cur] = true
	}
	return nil
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
		real, err := safefile.Resolve(f)
		if err != nil {
			continue
		}
		if safefile.Within(p.real, real) {
			return fmt.Errorf("--out %s holds the catalog file %s; write the docs to a folder of their own", p.dir, p.opt.Protected[i])
		}
	}
	return nil
}

// target is the file for a site path, checked: no symbolic link on the
// way (so writing or removing it stays inside the folder), not a folder,
// not a catalog file.
func (p *plan) target(rel string, create bool) (string, error) {
	if rel != ManifestName {
		if err := checkRel(rel); err != nil {
			return "", err
		}
	}
	if err := p.checkNoLinks(rel, create); err != nil {
		return "", err
	}
	file := filepath.Join(p.dir, filepath.FromSlash(rel))
	if info, err := os.Lstat(file); err == nil {
		if info.IsDir() {
			return "", fmt.Errorf("cannot write %s: it is a folder", file)
		}
		for _, prot := range p.protected {
			if os.SameFile(info, prot) {
				return "", fmt.Errorf("refusing to replace %s: it is a catalog file", file)
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
	return safefile.WriteAtomic(file, data, 0)
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
				errs[i] = safefile.WriteAtomic(files[i].file, files[i].data, 0)
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

func manifestBytes(paths []string) []byte {
	if paths == nil {
		paths = []string{}
	}
	b, _ := json.MarshalIndent(manifest{Generator: generator, Files: paths}, "", "  ")
	return append(b, '\n')
}

// readManifest lists the pages an earlier run generated in dir, and says
// whether there is a manifest. Entries that are not safe paths inside the
// folder are ignored: they are never removed. The manifest is read like
// any file svccat reads: bounded, only a regular file, never through a
// link.
func readManifest(dir string) ([]string, bool, error) {
	data, err := source.ReadRegular(filepath.Join(dir, ManifestName), maxManifestBytes, false)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil || m.Generator != generator {
		return nil, false, fmt.Errorf("%s is not a manifest svccat docs wrote; remove it to start over", filepath.Join(dir, ManifestName))
	}
	var out []string
	for _, f := range m.Files {
		if checkRel(f) == nil {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out, true, nil
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
