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

// File is a catalog file found by List.
type File struct {
	Path    string // as the operating system knows it
	Display string // as shown to the user
	Size    int64
}

// Read lists the files below paths and reads them all, one after the
// other. load.Catalog does the same in parallel.
func Read(paths []string, opt Options) *Result {
	files, probs := List(paths, opt)
	res := &Result{Problems: probs}
	for _, f := range files {
		docs, probs := ReadFile(f, opt)
		res.Files = append(res.Files, f.Display)
		res.Documents = append(res.Documents, docs...)
		res.Problems = append(res.Problems, probs...)
	}
	return res
}

// List collects every *.yaml and *.yml file below the given paths (files
// given by name are listed whatever their extension), in sorted order,
// skipping hidden files and folders, each file once. It reports paths it
// cannot read and symlinks that loop back up the tree.
func List(paths []string, opt Options) ([]File, []Problem) {
	wd := opt.WorkDir
	if wd == "" {
		wd, _ = os.Getwd()
	}
	l := &lister{wd: wd, seen: map[string]bool{}}
	for _, p := range paths {
		l.top(p)
	}
	return l.files, l.problems
}

type lister struct {
	wd       string
	seen     map[string]bool // files already listed, by absolute path
	files    []File
	problems []Problem
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

func (l *lister) problem(kind, file string, format string, args ...any) {
	l.problems = append(l.problems, Problem{Kind: kind, Pos: fileStart(file), Message: fmt.Sprintf(format, args...)})
}

func (l *lister) top(p string) {
	info, err := os.Stat(p)
	if err != nil {
		l.problem(Unreadable, l.display(p), "cannot read: %s", describeErr(err))
		return
	}
	if info.IsDir() {
		l.dir(p, []os.FileInfo{info})
		return
	}
	l.file(p, info)
}

// dir lists a directory; ancestors are the directories above it, to catch
// symlinks that lead back up the tree.
func (l *lister) dir(p string, ancestors []os.FileInfo) {
	entries, err := os.ReadDir(p)
	if err != nil {
		l.problem(Unreadable, l.display(p), "cannot read directory: %s", describeErr(err))
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
				l.problem(Unreadable, l.display(full), "cannot read: %s", describeErr(err))
			}
			continue
		}
		if info.IsDir() {
			if loopsBack(info, ancestors) {
				l.problem(Unreadable, l.display(full), "symlink loop: %s leads back to a folder above it; skipped", l.display(full))
				continue
			}
			l.dir(full, append(ancestors[:len(ancestors):len(ancestors)], info))
			continue
		}
		if isYAMLName(name) {
			l.file(full, info)
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

func (l *lister) file(p string, info os.FileInfo) {
	// Opening a named pipe waits for a writer, and devices never end:
	// only regular files are read.
	if !info.Mode().IsRegular() {
		l.problem(Unreadable, l.display(p), "not a regular file (%s); skipped", special(info.Mode()))
		return
	}
	// A file reached through several symlinks is read once.
	abs, _ := filepath.Abs(p)
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	if l.seen[abs] {
		return
	}
	l.seen[abs] = true
	l.files = append(l.files, File{Path: p, Display: l.display(p), Size: info.Size()})
}

// ReadFile reads one listed file and splits it into documents. A file
// over the size limit is not read at all.
func ReadFile(f File, opt Options) ([]*Document, []Problem) {
	max := opt.MaxFileSize
	if max <= 0 {
		max = DefaultMaxFileSize
	}
	fail := func(format string, args ...any) ([]*Document, []Problem) {
		return nil, []Problem{{Kind: Unreadable, Pos: fileStart(f.Display), Message: fmt.Sprintf(format, args...)}}
	}
	if f.Size > max {
		return fail("file is %s, larger than the %s limit (raise it with --max-file-size)", size(f.Size), size(max))
	}
	fh, err := os.Open(f.Path)
	if err != nil {
		return fail("cannot read: %s", describeErr(err))
	}
	defer fh.Close()
	// The size from Stat can lie (special files); never read past the limit.
	data, err := io.ReadAll(io.LimitReader(fh, max+1))
	if err != nil {
		return fail("cannot read: %s", describeErr(err))
	}
	if int64(len(data)) > max {
		return fail("file is larger than the %s limit (raise it with --max-file-size)", size(max))
	}
	return Parse(f.Display, data)
}

func special(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
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
			probs = append(probs, syntaxProblem(file, data, err))
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

// syntaxProblem turns a yaml.v3 error into a positioned problem. yaml.v3
// gives at most a line: 1-based for scanner errors, 0-based for parser
// errors (parserErrors), and none on the first line or for errors found
// outside the parser (unreadable characters, unknown anchors), which are
// located in data here.
func syntaxProblem(file string, data []byte, err error) Problem {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line, col := 1, 1
	if m := lineRE.FindStringSubmatch(msg); m != nil && strings.HasPrefix(msg, m[0]+": ") {
		msg = strings.TrimPrefix(msg, m[0]+": ")
		if n, err := strconv.Atoi(m[1]); err == nil {
			line = n
			if parserErrors[msg] {
				line++
			}
		}
	}
	switch {
	case msg == "control characters are not allowed":
		if off := unreadableChar(data); off >= 0 {
			r, _ := utf8.DecodeRune(data[off:])
			line, col = lineCol(data, off)
			msg = fmt.Sprintf("control character %U is not allowed", r)
		}
	case strings.HasPrefix(msg, "unknown anchor '"):
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced")
		if off := findMark(data, '*', name); off >= 0 {
			line, col = lineCol(data, off)
		}
	case strings.HasPrefix(msg, "anchor '") && strings.HasSuffix(msg, "' value contains itself"):
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "anchor '"), "' value contains itself")
		if off := findMark(data, '&', name); off >= 0 {
			line, col = lineCol(data, off)
		}
	}
	// An error at the end of the stream is on the last line, not past it.
	if last := lastLine(data); line > last {
		line, col = last, 1
	}
	return Problem{Kind: YAMLSyntax, Pos: Pos{File: file, Line: line, Col: col}, Message: "malformed YAML: " + msg}
}

// lastLine is the number of the last line of b that holds anything.
func lastLine(b []byte) int {
	b = bytes.TrimRight(b, "\r\n")
	line, _ := lineCol(b, len(b))
	return line
}

// parserErrors are the messages of yaml.v3's parser (parserc.go), whose
// line numbers are 0-based; the scanner's are 1-based.
var parserErrors = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// unreadableChar returns the offset of the first character the YAML reader
// refuses (the printable set of YAML 1.1 that yaml.v3 checks), or -1.
func unreadableChar(b []byte) int {
	for i, r := range string(b) {
		switch {
		case r == 0x09, r == 0x0A, r == 0x0D, r >= 0x20 && r <= 0x7E, r == 0x85,
			r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		default:
			return i
		}
	}
	return -1
}

// findMark returns the offset of the first alias (*name) or anchor
// (&name) in data, or -1. It reads text, not YAML, so a string holding the
// same characters earlier would be found first; it is only used to place a
// message the parser gave no position for.
func findMark(b []byte, mark byte, name string) int {
	tok := append([]byte{mark}, name...)
	for off := 0; ; {
		i := bytes.Index(b[off:], tok)
		if i < 0 {
			return -1
		}
		i += off
		end := i + len(tok)
		startsToken := i == 0 || strings.IndexByte(" \t\r\n,[{", b[i-1]) >= 0
		endsToken := end == len(b) || strings.IndexByte(" \t\r\n,]}", b[end]) >= 0
		if startsToken && endsToken {
			return i
		}
		off = i + 1
	}
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
				// At the value that tips the document over: usually the
				// alias a user wrote.
				bad = &Problem{Kind: YAMLSyntax, Pos: Pos{File: file, Line: c.Line, Col: c.Column},
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

// lineCol returns the line and column (in characters) of offset off in b,
// counting line breaks as the YAML parser does (\n, \r\n, a lone \r,
// U+0085, U+2028, U+2029), so they agree with the positions of nodes.
func lineCol(b []byte, off int) (line, col int) {
	line, col = 1, 1
	for i := 0; i < off; {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == '\r' && i+1 < len(b) && b[i+1] == '\n':
			// The \n that follows ends the line.
		case r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029:
			line, col = line+1, 1
			i += n
			continue
		}
		col++
		i += n
	}
	return line, col
}
