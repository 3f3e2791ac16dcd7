package source

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// StdinPath is the PATH that names standard input: one YAML stream.
const StdinPath = "-"

// List collects every *.yaml and *.yml file below the given paths (files
// given by name are listed whatever their extension), in sorted order,
// skipping hidden files and folders.
//
// The walk stays inside each PATH: a symbolic link is followed only when
// what it resolves to lies inside that PATH (a link leading out, to a file
// or a folder, is a problem and is skipped), and every real file and
// folder is visited once, however many links lead to it, so that loops
// and diamonds of links cost nothing. Anything that is not a regular file
// (a named pipe, a device, a socket) is a problem and is never opened.
// Files past the catalog's size limit in all are problems too, unread.
func List(paths []string, opt Options) ([]File, []Problem) {
	wd := opt.WorkDir
	if wd == "" {
		wd, _ = os.Getwd()
	}
	l := &lister{wd: wd, seen: map[fileID]bool{}, limit: opt.Limits.catalogBytes(), fileBytes: opt.Limits.fileBytes()}
	l.budget = l.limit
	for _, p := range paths {
		l.top(p)
	}
	return l.files, l.problems
}

type lister struct {
	wd        string
	root      string          // the current PATH, absolute, symbolic links resolved
	rootName  string          // the current PATH as given
	seen      map[fileID]bool // files and folders already visited
	limit     int64           // the most the catalog may hold
	budget    int64           // bytes the catalog may still hold
	fileBytes int64           // the largest file read
	stdin     bool            // standard input is listed
	files     []File
	problems  []Problem
}

// display turns a path into the form users see: relative to the working
// directory where that is shorter, with forward slashes.
func (l *lister) display(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	if rel, err := filepath.Rel(l.wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

// fileStart is where a problem about a whole file is reported: line 1,
// column 1, so that every finding has a position that editors, GitHub
// annotations and SARIF viewers can jump to.
func fileStart(file string) Pos { return Pos{File: file, Line: 1, Col: 1} }

func (l *lister) problem(file string, format string, args ...any) {
	l.problems = append(l.problems, Problem{Kind: Unreadable, Pos: fileStart(file), Message: fmt.Sprintf(format, args...)})
}

func (l *lister) top(p string) {
	if p == StdinPath {
		if !l.stdin {
			l.stdin = true
			l.files = append(l.files, File{Path: StdinPath, Display: StdinPath, Stdin: true})
		}
		return
	}
	// The PATH itself was named by the user: a symbolic link there is
	// followed wherever it leads, and what it leads to is the root.
	abs, err := filepath.Abs(p)
	if err == nil {
		abs, err = filepath.EvalSymlinks(abs)
	}
	if err != nil {
		l.problem(l.display(p), "cannot read: %s", describeErr(err))
		return
	}
	l.rootName = p
	info, err := os.Stat(abs)
	if err != nil {
		l.problem(l.display(p), "cannot read: %s", describeErr(err))
		return
	}
	if !info.IsDir() {
		l.root = filepath.Dir(abs)
		l.file(p, info)
		return
	}
	l.root = abs
	if l.visit(abs, info) {
		l.dir(p, []os.FileInfo{info})
	}
}

// visit marks a file or folder as seen and reports whether it was new.
func (l *lister) visit(p string, info os.FileInfo) bool {
	id, ok := idOf(info)
	if !ok {
		// No device and inode numbers here: the resolved path stands in.
		real, err := filepath.EvalSymlinks(p)
		if err == nil {
			real, err = filepath.Abs(real)
		}
		if err != nil {
			return true
		}
		id = fileID{path: real}
	}
	if l.seen[id] {
		return false
	}
	l.seen[id] = true
	return true
}

// dir lists a directory; ancestors are the directories above it, to tell
// a symbolic link that leads back up the tree (a loop, reported) from one
// that leads to a folder visited elsewhere (a diamond, silently skipped).
func (l *lister) dir(p string, ancestors []os.FileInfo) {
	entries, err := os.ReadDir(p)
	if err != nil {
		l.problem(l.display(p), "cannot read directory: %s", describeErr(err))
		return
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		full := filepath.Join(p, name)
		if e.Type()&fs.ModeSymlink != 0 {
			l.link(full, name, ancestors)
			continue
		}
		info, err := e.Info()
		if err != nil {
			if isYAMLName(name) {
				l.problem(l.display(full), "cannot read: %s", describeErr(err))
			}
			continue
		}
		switch {
		case info.IsDir():
			if l.visit(full, info) {
				l.dir(full, append(ancestors[:len(ancestors):len(ancestors)], info))
			}
		case isYAMLName(name):
			l.file(full, info)
		}
	}
}

// link follows a symbolic link found in the tree, if it stays inside it.
func (l *lister) link(full, name string, ancestors []os.FileInfo) {
	// Stat reads the target's metadata only; nothing is opened.
	info, err := os.Stat(full)
	if err != nil {
		l.problem(l.display(full), "cannot read: %s", describeErr(err))
		return
	}
	if !info.IsDir() && !isYAMLName(name) {
		return // not something the catalog reads, wherever it leads
	}
	real, err := filepath.EvalSymlinks(full)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		l.problem(l.display(full), "cannot read: %s", describeErr(err))
		return
	}
	if real != l.root && !Within(l.root, real) {
		l.problem(l.display(full), "symbolic link leads outside %s (to %s); skipped", l.rootName, filepath.ToSlash(real))
		return
	}
	if !info.IsDir() {
		l.file(full, info)
		return
	}
	if loopsBack(info, ancestors) {
		l.problem(l.display(full), "symlink loop: %s leads back to a folder above it; skipped", l.display(full))
		return
	}
	if l.visit(full, info) {
		l.dir(full, append(ancestors[:len(ancestors):len(ancestors)], info))
	}
}

func loopsBack(info os.FileInfo, ancestors []os.FileInfo) bool {
	for _, a := range ancestors {
		if os.SameFile(a, info) {
			return true
		}
	}
	return false
}

func isYAMLName(name string) bool {
	return strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")
}

func (l *lister) file(p string, info os.FileInfo) {
	// Opening a named pipe waits for a writer, and devices never end:
	// only regular files are read.
	if !info.Mode().IsRegular() {
		l.problem(l.display(p), "not a regular file (%s); skipped", special(info.Mode()))
		return
	}
	// A file reached through several links (or named twice) is read once.
	if !l.visit(p, info) {
		return
	}
	id, _ := idOf(info)
	f := File{Path: p, Display: l.display(p), Size: info.Size(), id: id}
	if f.Size > l.fileBytes {
		l.files = append(l.files, f) // ReadFile says why it is not read
		return
	}
	if f.Size > l.budget {
		l.problem(l.display(p), "not read: the catalog is larger than the %s limit in all (limits.catalogBytes in the config)", size(l.limit))
		l.budget = -1 // every later file is over it too
		return
	}
	l.budget -= f.Size
	l.files = append(l.files, f)
}

// Within reports whether target lies below root. Both must be absolute and
// clean (or both relative to the same folder); when their relation cannot
// be worked out, the answer is no.
func Within(root, target string) bool {
	rel, err := filepath.Rel(root, target)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
