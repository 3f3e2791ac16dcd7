package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// DefaultMaxFileSize is the largest catalog file read unless the caller
// says otherwise: far above any hand-written catalog, far below what would
// hurt the machine.
const DefaultMaxFileSize = 32 << 20

// Problem kinds, named after the rule that reports them.
const (
	YAMLSyntax = "yaml-syntax"
	Unreadable = "unreadable-file"
)

// Problem is something wrong with a file or a document that stops it from
// being read as YAML at all.
type Problem struct {
	Kind    string // YAMLSyntax or Unreadable
	Pos     Pos
	Message string
}

// Document is one YAML document of a catalog file.
type Document struct {
	File  string // the path as shown to the user
	Index int    // 0-based position of the document in its file
	// Root is the document's top-level node (a mapping for any catalog
	// document). Aliases below it are still unexpanded.
	Root *yaml.Node
}

// Pos is the position of the document's first node.
func (d *Document) Pos() Pos { return d.NodePos(d.Root) }

// NodePos is the position of n in the document's file.
func (d *Document) NodePos(n *yaml.Node) Pos {
	if n == nil {
		return Pos{File: d.File}
	}
	return Pos{File: d.File, Line: n.Line, Col: n.Column}
}

// Options tune reading.
type Options struct {
	// MaxFileSize is the largest file read, in bytes; 0 means
	// DefaultMaxFileSize.
	MaxFileSize int64
	// WorkDir is the directory paths are shown relative to; "" means the
	// process's working directory.
	WorkDir string
}

// Result is what Read found.
type Result struct {
	Files     []string // the files read, as shown to the user
	Documents []*Document
	Problems  []Problem
}

// Read collects every *.yaml and *.yml file below the given paths (files
// given by name are read whatever their extension), in sorted order,
// skipping hidden files and folders, and splits them into documents.
func Read(paths []string, opt Options) *Result {
	if opt.MaxFileSize <= 0 {
		opt.MaxFileSize = DefaultMaxFileSize
	}
	wd := opt.WorkDir
	if wd == "" {
		wd, _ = os.Getwd()
	}
	r := &reader{opt: opt, wd: wd, res: &Result{}, seen: map[string]bool{}}
	for _, p := range paths {
		r.top(p)
	}
	return r.res
}

type reader struct {
	opt  Options
	wd   string
	res  *Result
	seen map[string]bool // files already read, by cleaned absolute path
}

// display turns a path into the form users see: relative to the working
// directory where that is shorter, with forward slashes.
func (r *reader) display(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	if rel, err := filepath.Rel(r.wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

func (r *reader) problem(kind, file string, line, col int, format string, args ...any) {
	r.res.Problems = append(r.res.Problems, Problem{Kind: kind, Pos: Pos{File: file, Line: line, Col: col}, Message: fmt.Sprintf(format, args...)})
}

func (r *reader) top(p string) {
	info, err := os.Stat(p)
	if err != nil {
		r.problem(Unreadable, r.display(p), 0, 0, "cannot read: %s", describeErr(err))
		return
	}
	if info.IsDir() {
		r.dir(p, []os.FileInfo{info})
		return
	}
	r.file(p, info)
}

// dir reads a directory; ancestors are the directories above it, to catch
// symlinks that lead back up the tree.
func (r *reader) dir(p string, ancestors []os.FileInfo) {
	entries, err := os.ReadDir(p)
	if err != nil {
		r.problem(Unreadable, r.display(p), 0, 0, "cannot read directory: %s", describeErr(err))
		return
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		full := filepath.Join(p, name)
		info, err := os.Stat(full) // follows symlinks
		if err != nil {
			if e.Type()&fs.ModeSymlink != 0 || isYAMLName(name) {
				r.problem(Unreadable, r.display(full), 0, 0, "cannot read: %s", describeErr(err))
			}
			continue
		}
		if info.IsDir() {
			if loopsBack(info, ancestors) {
				r.problem(Unreadable, r.display(full), 0, 0, "symlink loop: %s leads back to a folder above it; skipped", r.display(full))
				continue
			}
			r.dir(full, append(ancestors[:len(ancestors):len(ancestors)], info))
			continue
		}
		if isYAMLName(name) && info.Mode().IsRegular() {
			r.file(full, info)
		}
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

func (r *reader) file(p string, info os.FileInfo) {
	abs, _ := filepath.Abs(p)
	if r.seen[abs] {
		return
	}
	r.seen[abs] = true
	name := r.display(p)
	if info.Size() > r.opt.MaxFileSize {
		r.problem(Unreadable, name, 0, 0, "file is %s, larger than the %s limit (raise it with --max-file-size)", size(info.Size()), size(r.opt.MaxFileSize))
		return
	}
	f, err := os.Open(p)
	if err != nil {
		r.problem(Unreadable, name, 0, 0, "cannot read: %s", describeErr(err))
		return
	}
	defer f.Close()
	// The size from Stat can lie (special files); never read past the limit.
	data, err := io.ReadAll(io.LimitReader(f, r.opt.MaxFileSize+1))
	if err != nil {
		r.problem(Unreadable, name, 0, 0, "cannot read: %s", describeErr(err))
		return
	}
	if int64(len(data)) > r.opt.MaxFileSize {
		r.problem(Unreadable, name, 0, 0, "file is larger than the %s limit (raise it with --max-file-size)", size(r.opt.MaxFileSize))
		return
	}
	r.res.Files = append(r.res.Files, name)
	docs, probs := Parse(name, data)
	r.res.Documents = append(r.res.Documents, docs...)
	r.res.Problems = append(r.res.Problems, probs...)
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func describeErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	msg := err.Error()
	if errors.Is(err, fs.ErrPermission) {
		msg = "permission denied"
	}
	return msg
}

var lineRE = regexp.MustCompile(`line (\d+)`)

// Parse splits data into YAML documents. It never panics: a document the
// YAML parser cannot read becomes a positioned problem, and the documents
// before it are kept.
func Parse(file string, data []byte) (docs []*Document, probs []Problem) {
	if off := invalidUTF8(data); off >= 0 {
		line, col := lineCol(data, off)
		return nil, []Problem{{Kind: YAMLSyntax, Pos: Pos{File: file, Line: line, Col: col},
			Message: fmt.Sprintf("file is not valid UTF-8 (byte 0x%02x at offset %d); save it as UTF-8", data[off], off)}}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	defer func() {
		if v := recover(); v != nil {
			probs = append(probs, Problem{Kind: YAMLSyntax, Pos: Pos{File: file, Line: 1, Col: 1},
				Message: fmt.Sprintf("the YAML parser failed on this file: %v", v)})
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for i := 0; ; i++ {
		var n yaml.Node
		err := dec.Decode(&n)
		if err == io.EOF {
			break
		}
		if err != nil {
			probs = append(probs, syntaxProblem(file, err))
			break
		}
		root := &n
		if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
			root = n.Content[0]
		}
		if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
			continue // an empty document, e.g. after a trailing ---
		}
		if p, ok := checkTree(file, root); !ok {
			probs = append(probs, p)
			continue
		}
		docs = append(docs, &Document{File: file, Index: i, Root: root})
	}
	return docs, probs
}

func syntaxProblem(file string, err error) Problem {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil {
			line = n
		}
		msg = strings.TrimPrefix(msg, m[0]+": ")
	}
	return Problem{Kind: YAMLSyntax, Pos: Pos{File: file, Line: line, Col: 1}, Message: "malformed YAML: " + msg}
}

// Limits on the shape of a document. A catalog document is a few levels
// deep and a few hundred nodes large; these leave room for any real one
// while keeping every walk over a document cheap and bounded.
const (
	MaxDepth = 64
	// MaxNodes bounds a document with its aliases expanded, so an alias
	// bomb ("billion laughs") is refused before anything expands it.
	MaxNodes = 100_000
)

// checkTree rejects documents that are too deep, expand to too many nodes,
// or repeat a mapping key. It walks aliases by reference, counting the size
// of what they would expand to, so the check itself stays linear.
func checkTree(file string, root *yaml.Node) (Problem, bool) {
	sizes := map[*yaml.Node]int{}
	var bad *Problem
	var walk func(n *yaml.Node, depth int) int
	walk = func(n *yaml.Node, depth int) int {
		if bad != nil {
			return 0
		}
		if depth > MaxDepth {
			bad = &Problem{Kind: YAMLSyntax, Pos: Pos{File: file, Line: n.Line, Col: n.Column},
				Message: fmt.Sprintf("document is nested more than %d levels deep", MaxDepth)}
			return 0
		}
		if s, ok := sizes[n]; ok {
			return s
		}
		sizes[n] = 0 // an alias cycle counts as nothing; the parser rejects it anyway
		total := 1
		if n.Kind == yaml.AliasNode {
			total += walk(n.Alias, depth+1)
		}
		if n.Kind == yaml.MappingNode {
			keys := map[string]*yaml.Node{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if k.Kind == yaml.ScalarNode {
					if prev, dup := keys[k.Value]; dup {
						bad = &Problem{Kind: YAMLSyntax, Pos: Pos{File: file, Line: k.Line, Col: k.Column},
							Message: fmt.Sprintf("duplicate key %q (first at line %d)", k.Value, prev.Line)}
						return 0
					}
					keys[k.Value] = k
				}
			}
		}
		for _, c := range n.Content {
			total += walk(c, depth+1)
			if total > MaxNodes && bad == nil {
				bad = &Problem{Kind: YAMLSyntax, Pos: Pos{File: file, Line: n.Line, Col: n.Column},
					Message: fmt.Sprintf("document expands to more than %d nodes (an alias bomb?)", MaxNodes)}
			}
		}
		sizes[n] = total
		return total
	}
	walk(root, 0)
	if bad != nil {
		return *bad, false
	}
	return Problem{}, true
}

func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

func lineCol(b []byte, off int) (line, col int) {
	line = 1 + bytes.Count(b[:off], []byte("\n"))
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	col = 1 + utf8.RuneCount(b[start:off])
	return line, col
}
