// Package gitrev reads the catalog files of a git revision straight from
// git's object store: one `git ls-tree` lists the tree and one
// `git cat-file --batch` streams every blob. Nothing is checked out; the
// working tree, the index and HEAD are never touched.
package gitrev

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// ErrNoGit is returned when no git executable is on PATH.
var ErrNoGit = errors.New("git is not installed (no git on PATH)")

// NotRepoError says a path is not inside a git work tree.
type NotRepoError struct{ Path string }

func (e *NotRepoError) Error() string { return e.Path + " is not inside a git work tree" }

// BadRevisionError says a revision names no commit.
type BadRevisionError struct{ Rev string }

func (e *BadRevisionError) Error() string {
	return fmt.Sprintf("%q is not a revision of this repository (a branch, tag or commit; fetch it first in a shallow clone)", e.Rev)
}

// Repo is the git work tree that holds the catalog.
type Repo struct {
	git  string
	root string // the top of the work tree, symlinks resolved
}

// Open finds the work tree that holds dir.
func Open(dir string) (*Repo, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, ErrNoGit
	}
	r := &Repo{git: git}
	out, err := r.run(dir, nil, "rev-parse", "--show-toplevel")
	top := strings.TrimRight(string(out), "\r\n")
	if err != nil || top == "" {
		return nil, &NotRepoError{Path: dir}
	}
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	r.root = top
	return r, nil
}

// Root is the top folder of the work tree.
func (r *Repo) Root() string { return r.root }

// Commit resolves rev to the full id of the commit it names.
func (r *Repo) Commit(rev string) (string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return "", &BadRevisionError{Rev: rev}
	}
	out, err := r.run(r.root, nil, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	id := strings.TrimSpace(string(out))
	if err != nil || id == "" {
		return "", &BadRevisionError{Rev: rev}
	}
	return id, nil
}

// run runs git in dir. GIT_OPTIONAL_LOCKS=0 keeps git from refreshing the
// index as a side effect: reading a revision changes nothing.
func (r *Repo) run(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command(r.git, append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return out, fmt.Errorf("git %s: %s", args[0], msg)
		}
		return out, fmt.Errorf("git %s: %v", args[0], err)
	}
	return out, nil
}

// Rel turns a path of the work tree (relative to the working directory,
// or absolute) into its slash-separated path from the top of the work
// tree; "." is the top itself.
func (r *Repo) Rel(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	// Resolve the longest part of the path that exists, so that a folder
	// reached through a symlink (/tmp on macOS) still lies in the tree.
	rest := ""
	for cur := abs; ; {
		if real, err := filepath.EvalSymlinks(cur); err == nil {
			abs = filepath.Join(real, rest)
			break
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			break
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
	rel, err := filepath.Rel(r.root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", &NotRepoError{Path: p}
	}
	return filepath.ToSlash(rel), nil
}

// File is one catalog file of the revision.
type File struct {
	Path string // from the top of the work tree, slash-separated
	Root string // the catalog PATH (from the top) it was found under
	Size int64
	Data []byte
}

// Problem is an entry of the tree that is not read: a file over the size
// limit or a symlink leading out of its PATH.
type Problem struct {
	Path    string
	Message string
}

// Options bound what is read.
type Options struct {
	// MaxFileSize is the largest blob read; larger ones are Problems.
	MaxFileSize int64
	// MaxTotal, when above 0, bounds the bytes read in all; the files past
	// it are Problems.
	MaxTotal int64
}

type entry struct {
	mode, typ, oid string
	size           int64
	path           string
}

// Files lists the catalog files of commit below roots (paths from the top
// of the work tree, as Rel gives them) the way the catalog walk lists a
// folder — *.yaml and *.yml files, hidden files and folders skipped, a
// root that names a file read whatever its name — and reads them all with
// one git process.
func (r *Repo) Files(commit string, roots []string, opt Options) ([]File, []Problem, error) {
	args := []string{"ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--"}
	for _, root := range roots {
		if root == "." {
			root = ":/" // ls-tree has no pathspec for the whole tree but this top-level magic
		}
		args = append(args, root)
	}
	out, err := r.run(r.root, nil, args...)
	if err != nil {
		return nil, nil, err
	}
	var entries []entry
	for _, rec := range bytes.Split(out, []byte{0}) {
		if len(rec) == 0 {
			continue
		}
		meta, p, ok := bytes.Cut(rec, []byte{'\t'})
		f := strings.Fields(string(meta))
		if !ok || len(f) != 4 {
			return nil, nil, fmt.Errorf("git ls-tree: unexpected output %q", rec)
		}
		size, _ := strconv.ParseInt(f[3], 10, 64) // "-" for a submodule
		entries = append(entries, entry{mode: f[0], typ: f[1], oid: f[2], size: size, path: string(p)})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].path < entries[j].path })

	var (
		files []File
		probs []Problem
		want  []string // blob ids to read, in files order
		seen  = map[string]bool{}
		total int64
	)
	for _, e := range entries {
		root, ok := under(e.path, roots)
		if !ok || e.typ != "blob" || seen[e.path] {
			continue
		}
		if e.path != root && (hiddenBelow(e.path, root) || !isYAMLName(e.path)) {
			continue
		}
		seen[e.path] = true
		switch {
		case e.mode == "120000":
			// A symlink: the catalog walk follows it only inside its PATH,
			// where its target is read under its own name anyway.
			files = append(files, File{Path: e.path, Root: root, Size: -1})
			want = append(want, e.oid)
			continue
		case opt.MaxFileSize > 0 && e.size > opt.MaxFileSize:
			probs = append(probs, Problem{Path: e.path, Message: fmt.Sprintf("file is %d bytes, larger than the %d-byte limit (raise it with --max-file-size)", e.size, opt.MaxFileSize)})
			continue
		case opt.MaxTotal > 0 && total+e.size > opt.MaxTotal:
			probs = append(probs, Problem{Path: e.path, Message: fmt.Sprintf("not read: the catalog is larger than the %d-byte limit in all", opt.MaxTotal)})
			continue
		}
		total += e.size
		files = append(files, File{Path: e.path, Root: root, Size: e.size})
		want = append(want, e.oid)
	}
	blobs, err := r.catFile(want, opt.MaxFileSize)
	if err != nil {
		return nil, nil, err
	}
	kept := files[:0]
	for i, f := range files {
		if f.Size < 0 {
			link := string(blobs[i])
			target := path.Clean(path.Join(path.Dir(f.Path), link))
			if _, in := under(target, []string{f.Root}); path.IsAbs(link) || !in || target == ".." || strings.HasPrefix(target, "../") {
				probs = append(probs, Problem{Path: f.Path, Message: "symlink leads outside the catalog folder; skipped"})
			}
			continue
		}
		f.Data = blobs[i]
		kept = append(kept, f)
	}
	return kept, probs, nil
}

// catFile reads the blobs ids with one `git cat-file --batch`, feeding
// the ids from a goroutine while reading the contents, so that neither
// pipe fills up and blocks the other side.
func (r *Repo) catFile(ids []string, max int64) ([][]byte, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	cmd := exec.Command(r.git, "-C", r.root, "cat-file", "--batch")
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		w := bufio.NewWriter(stdin)
		for _, id := range ids {
			w.WriteString(id)
			w.WriteByte('\n')
		}
		w.Flush()
		stdin.Close()
	}()
	br := bufio.NewReaderSize(stdout, 1<<16)
	out := make([][]byte, len(ids))
	var rerr error
	for i, id := range ids {
		header, err := br.ReadString('\n')
		if err != nil {
			rerr = fmt.Errorf("git cat-file: %v", err)
			break
		}
		f := strings.Fields(header)
		if len(f) != 3 || f[0] != id {
			rerr = fmt.Errorf("git cat-file: object %s: %s", id, strings.TrimSpace(header))
			break
		}
		size, err := strconv.ParseInt(f[2], 10, 64)
		// ls-tree said how large each blob is; never trust a header that
		// would make us read past the limit.
		if err != nil || size < 0 || (max > 0 && size > max) {
			rerr = fmt.Errorf("git cat-file: object %s: unexpected size %q", id, f[2])
			break
		}
		data := make([]byte, size+1)
		if _, err := io.ReadFull(br, data); err != nil {
			rerr = fmt.Errorf("git cat-file: %v", err)
			break
		}
		out[i] = data[:size:size]
	}
	if rerr != nil {
		cmd.Process.Kill()
		cmd.Wait()
		return nil, rerr
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("git cat-file: %v %s", err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// under returns the root that p lies in (or is), if any.
func under(p string, roots []string) (string, bool) {
	for _, root := range roots {
		if root == "." || p == root || strings.HasPrefix(p, root+"/") {
			return root, true
		}
	}
	return "", false
}

// hiddenBelow reports whether p passes through a hidden file or folder
// below root, which the catalog walk skips.
func hiddenBelow(p, root string) bool {
	rel := p
	if root != "." {
		rel = strings.TrimPrefix(p, root+"/")
	}
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}

func isYAMLName(name string) bool {
	return strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")
}
