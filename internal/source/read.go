package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Default limits: far above any hand-written catalog, far below what
// would hurt the machine.
const (
	DefaultFileBytes     = 32 << 20
	DefaultCatalogBytes  = 512 << 20
	DefaultDocumentNodes = 1_000_000
)

// Limits bound what reading a catalog may cost. A zero field means its
// default.
type Limits struct {
	FileBytes     int64 // the largest file read
	CatalogBytes  int64 // the most read from all files together
	DocumentNodes int   // the most YAML nodes in a document, and in a file
}

func (l Limits) fileBytes() int64 {
	if l.FileBytes > 0 {
		return l.FileBytes
	}
	return DefaultFileBytes
}

func (l Limits) catalogBytes() int64 {
	if l.CatalogBytes > 0 {
		return l.CatalogBytes
	}
	return DefaultCatalogBytes
}

func (l Limits) documentNodes() int {
	if l.DocumentNodes > 0 {
		return l.DocumentNodes
	}
	return DefaultDocumentNodes
}

// Problem kinds, named after the rule that reports them.
const (
	YAMLSyntax = "yaml-syntax"
	Unreadable = "file"
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
	Limits Limits
	// Stdin is read for the PATH "-".
	Stdin io.Reader
	// WorkDir is the directory paths are shown relative to; "" means the
	// process's working directory.
	WorkDir string
	// KeepWritten keeps each entity's document as written (Written) for
	// svccat diff; other commands do without the memory.
	KeepWritten bool
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
	Stdin   bool // the file is standard input
	id      fileID
	// Data, when not nil, is the file's content, already read (a file of
	// a git revision): ReadFile parses it and never opens Path.
	Data []byte
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

// ReadFile reads one listed file and splits it into documents. A file
// over the size limit is not read at all; a file is opened without
// waiting and read only when the opened file is the regular file listed,
// so a named pipe or device swapped in after listing is never read.
func ReadFile(f File, opt Options) ([]*Document, []Problem) {
	max := opt.Limits.fileBytes()
	fail := func(format string, args ...any) ([]*Document, []Problem) {
		return nil, []Problem{{Kind: Unreadable, Pos: fileStart(f.Display), Message: fmt.Sprintf(format, args...)}}
	}
	if f.Stdin {
		if opt.Stdin == nil {
			return fail("cannot read: no standard input")
		}
		data, err := readAtMost(opt.Stdin, max)
		if errors.Is(err, errTooLarge) {
			return fail("standard input is larger than the %s limit (%s)", size(max), raiseFileBytes)
		}
		if err != nil {
			return fail("cannot read: %s", describeErr(err))
		}
		return opt.Limits.Parse(f.Display, data)
	}
	if f.Size > max {
		return fail("file is %s, larger than the %s limit (%s)", size(f.Size), size(max), raiseFileBytes)
	}
	if f.Data != nil {
		if int64(len(f.Data)) > max {
			return fail("file is %s, larger than the %s limit (%s)", size(int64(len(f.Data))), size(max), raiseFileBytes)
		}
		return opt.Limits.Parse(f.Display, f.Data)
	}
	fh, err := openNoWait(f.Path)
	if err != nil {
		return fail("cannot read: %s", describeErr(err))
	}
	defer fh.Close()
	info, err := fh.Stat()
	if err != nil {
		return fail("cannot read: %s", describeErr(err))
	}
	if !info.Mode().IsRegular() {
		return fail("not a regular file (%s); skipped", special(info.Mode()))
	}
	if id, ok := idOf(info); ok && f.id != (fileID{}) && id != f.id {
		return fail("cannot read: the file was replaced while svccat read the catalog")
	}
	// The size from Stat can be stale; never read past the limit.
	data, err := readAtMost(fh, max)
	if errors.Is(err, errTooLarge) {
		return fail("file is larger than the %s limit (%s)", size(max), raiseFileBytes)
	}
	if err != nil {
		return fail("cannot read: %s", describeErr(err))
	}
	if f.Size > 0 && int64(len(data)) > f.Size {
		// The catalog's limit in all was counted with the listed size.
		return fail("cannot read: the file grew while svccat read the catalog")
	}
	return opt.Limits.Parse(f.Display, data)
}

const raiseFileBytes = "raise limits.fileBytes in the config or --max-file-size"

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

// Parse splits data into YAML documents under the default limits.
func Parse(file string, data []byte) ([]*Document, []Problem) {
	return Limits{}.Parse(file, data)
}

// Parse splits data into YAML documents. It never panics: a document the
// YAML parser cannot read becomes a positioned problem, and the documents
// before it are kept. The node limit is checked on the bytes before the
// YAML parser builds any node, so that a huge flow list or millions of
// tiny documents are refused before they cost memory.
func (l Limits) Parse(file string, data []byte) (docs []*Document, probs []Problem) {
	if off := invalidUTF8(data); off >= 0 {
		line, col := lineCol(data, off)
		return nil, []Problem{{Kind: YAMLSyntax, Pos: Pos{File: file, Line: line, Col: col},
			Message: fmt.Sprintf("file is not valid UTF-8 (byte 0x%02x at offset %d); save it as UTF-8", data[off], off)}}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	maxNodes := l.documentNodes()
	if p, ok := checkNodeCount(file, data, maxNodes); !ok {
		return nil, []Problem{p}
	}
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
		if p, ok := checkTree(file, root, maxNodes); !ok {
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
const MaxDepth = 64

// checkTree rejects documents that are too deep, expand to more than
// maxNodes nodes (an alias bomb, "billion laughs", is refused before
// anything expands it), or repeat a mapping key. It walks aliases by reference, counting the size
// of what they would expand to, so the check itself stays linear.
func checkTree(file string, root *yaml.Node, maxNodes int) (Problem, bool) {
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
			if total > maxNodes && bad == nil {
				// At the value that tips the document over: usually the
				// alias a user wrote.
				bad = &Problem{Kind: YAMLSyntax, Pos: Pos{File: file, Line: c.Line, Col: c.Column},
					Message: fmt.Sprintf("document expands to more than %d nodes (an alias bomb?; limits.documentNodes in the config)", maxNodes)}
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
