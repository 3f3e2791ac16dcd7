// Package safefile is svccat's one writer. Every file svccat writes (-o,
// docs pages, init, export) goes through it: the destination is checked
// against the catalog being read and its configuration, after making both
// absolute and resolving symbolic links; files are replaced atomically,
// keeping their permissions; special files are written in place; and
// temporary files are tracked so that an interrupt leaves none behind.
package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Guard knows what must never be written: the files of the catalog being
// read, its configuration, and anything the next run would read as part
// of the catalog (a YAML file below a catalog folder).
type Guard struct {
	roots []named // catalog folders, resolved
	files []named // catalog files and the config, resolved
}

type named struct {
	real string // absolute, symbolic links resolved
	name string // as the user gave it
	info fs.FileInfo
}

// NewGuard resolves the catalog's PATHs (folders or files), the files read
// from it and the config file ("" for none). Paths that do not exist are
// left out: there is nothing there to protect.
func NewGuard(paths, files []string, config string) *Guard {
	g := &Guard{}
	for _, p := range paths {
		if p == "-" {
			continue
		}
		real, err := Resolve(p)
		if err != nil {
			continue
		}
		info, err := os.Stat(real)
		if err != nil {
			continue
		}
		if info.IsDir() {
			g.roots = append(g.roots, named{real, p, info})
		} else {
			g.files = append(g.files, named{real, p, info})
		}
	}
	for _, f := range append(append([]string(nil), files...), config) {
		if f == "" || f == "-" {
			continue
		}
		if real, err := Resolve(f); err == nil {
			info, _ := os.Stat(real)
			g.files = append(g.files, named{real, f, info})
		}
	}
	return g
}

// Resolve makes p absolute and resolves every symbolic link on the way,
// for a path that may not exist yet: the deepest part of it that exists is
// resolved, and the rest is joined to it. It fails, rather than guess,
// when a part that exists cannot be resolved (a link loop, a dangling
// link: writing there would create a file wherever the link points).
func Resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; {
		if _, err := os.Lstat(dir); err == nil {
			real, err := filepath.EvalSymlinks(dir)
			if err != nil {
				return "", fmt.Errorf("cannot resolve %s: %w", dir, err)
			}
			return filepath.Join(real, rest), nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = parent
	}
}

// RefusedError is a destination svccat will not write to.
type RefusedError struct{ Msg string }

func (e *RefusedError) Error() string { return e.Msg }

func refused(format string, args ...any) error {
	return &RefusedError{Msg: fmt.Sprintf(format, args...)}
}

// CheckFile refuses a destination file that is a file of the catalog or
// its config, or that the next run would read as part of the catalog (a
// YAML file below a catalog folder, outside hidden folders). A
// destination that cannot be resolved is refused too.
func (g *Guard) CheckFile(dest string) error {
	real, err := Resolve(dest)
	if err != nil {
		return refused("%s: %v; refusing to write there", dest, err)
	}
	info, statErr := os.Stat(real)
	for _, f := range g.files {
		if real == f.real || statErr == nil && f.info != nil && os.SameFile(info, f.info) {
			return refused("%s is the catalog's file %s; svccat never writes into the catalog it reads nor over its configuration", dest, f.name)
		}
	}
	ext := filepath.Ext(real)
	if ext != ".yaml" && ext != ".yml" {
		return nil
	}
	for _, r := range g.roots {
		if rel, _ := filepath.Rel(r.real, real); Within(r.real, real) && !hidden(rel) {
			return refused("%s is inside the catalog folder %s and would be read as part of it; write it elsewhere", dest, r.name)
		}
	}
	return nil
}

// CheckDir refuses a destination folder that is the filesystem root, or
// that holds a catalog file or the config (it is the catalog, not a place
// for output). A folder that cannot be resolved is refused too.
func (g *Guard) CheckDir(dir string) error {
	real, err := Resolve(dir)
	if err != nil {
		return refused("%s: %v; refusing to write there", dir, err)
	}
	if filepath.Dir(real) == real {
		return refused("%s is the filesystem root; write to a folder of its own", dir)
	}
	for _, f := range g.files {
		if Within(real, f.real) {
			return refused("%s holds the catalog's file %s; write to a folder of its own", dir, f.name)
		}
	}
	for _, r := range g.roots {
		if real == r.real {
			return refused("%s is the catalog folder %s; write to a folder of its own", dir, r.name)
		}
	}
	return nil
}

// Within reports whether target lies below root, both absolute and clean.
// When their relation cannot be worked out the answer is no; callers that
// refuse what is within ask Resolve first, which fails instead.
func Within(root, target string) bool {
	rel, err := filepath.Rel(root, target)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// hidden reports whether a relative path passes through a hidden file or
// folder, which the catalog reader skips.
func hidden(rel string) bool {
	for _, part := range strings.Split(filepath.ToSlash(rel), "/") {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." {
			return true
		}
	}
	return false
}
