package source

import "fmt"

// checkNodeCount refuses data whose documents would make the YAML parser
// build more than max nodes, in one document or in the file (a file's
// documents are all held at once), before the parser builds any: the
// parser holds a whole document's nodes (some 200 bytes each) before
// anything can count them, so a 30 MiB flow list would cost gigabytes.
//
// The count comes from a light scan of the bytes that sees the tokens
// that make nodes: scalars (plain, quoted, block), flow collections,
// aliases, values left empty or opening a block collection, and document
// starts. It skips comments, quoted text and block scalars' contents, so
// it is close to the parser's count (a plain scalar over several lines
// counts once per line); what it leaves out, block collections opened on
// the line of their parent, is at most one node per counted one.
func checkNodeCount(file string, data []byte, max int) (Problem, bool) {
	c := countNodes(data, max)
	switch {
	case c.largest > max:
		line, col := lineCol(data, c.largestAt)
		return Problem{Kind: YAMLSyntax, Pos: Pos{File: file, Line: line, Col: col},
			Message: fmt.Sprintf("document holds more than %d YAML nodes; split it (limits.documentNodes in the config)", max)}, false
	case c.total > max:
		return Problem{Kind: Unreadable, Pos: fileStart(file),
			Message: fmt.Sprintf("file holds more than %d YAML nodes in all; split it into several files (limits.documentNodes in the config)", max)}, false
	}
	return Problem{}, true
}

// nodeCount is what countNodes found.
type nodeCount struct {
	total     int // nodes in the file, a node per document included
	largest   int // nodes in the largest document
	largestAt int // where that document starts
}

// countNodes counts the nodes of data's documents, and stops as soon as
// a document, or the whole at the end of a document, is over max.
func countNodes(data []byte, max int) nodeCount {
	s := nodeScan{data: data}
	var r nodeCount
	doc, docStart := 0, 0
	add := func(n int) bool {
		doc += n
		r.total += n
		if doc > r.largest {
			r.largest, r.largestAt = doc, docStart
		}
		// Over the file's limit, the scan goes on to the end of the
		// document, to tell a huge document from many small ones.
		return doc <= max
	}
	for s.i < len(data) {
		if s.atLineStart() {
			s.startLine()
			if s.flow == 0 && (s.marker("---") || s.marker("...")) {
				if r.total > max {
					return r
				}
				docStart = s.i
				doc = 0
				s.i += 3
				if !add(1) {
					return r
				}
				continue
			}
			if s.flow == 0 && data[s.i] == '%' {
				s.skipLine() // a directive
				continue
			}
		}
		c := data[s.i]
		n := 0
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			s.i++
			continue
		case c == '#':
			s.skipLine()
			continue
		case c == '\'' || c == '"':
			s.skipQuoted(c)
			n = 1
		case c == '[' || c == '{':
			s.flow++
			s.i++
			n = 1
		case c == ']' || c == '}':
			if s.flow > 0 {
				s.flow--
			}
			s.i++
		case c == ',':
			s.i++
		case (c == '-' || c == '?') && s.spaceAfter(1) && s.flow == 0:
			s.i++
			if c == '-' && s.restOfLineEmpty() {
				n = 1 // an empty entry, or one holding a block collection
			}
		case c == ':' && (s.spaceAfter(1) || s.flow > 0 && s.flowEndAfter(1)):
			s.i++
			if s.flow == 0 && s.restOfLineEmpty() {
				n = 1 // an empty value, or one holding a block collection
			}
		case c == '*':
			s.skipWord()
			n = 1
		case c == '&' || c == '!':
			s.skipWord() // an anchor or a tag: part of the node that follows
		case (c == '|' || c == '>') && s.flow == 0:
			s.skipBlockScalar()
			n = 1
		default:
			s.skipPlain()
			n = 1
		}
		if n > 0 && !add(n) {
			return r
		}
	}
	return r
}

// nodeScan walks YAML text token by token, without building anything.
type nodeScan struct {
	data   []byte
	i      int
	flow   int // depth of flow collections
	indent int // the current line's indentation
}

func (s *nodeScan) atLineStart() bool { return s.i == 0 || s.data[s.i-1] == '\n' }

// startLine measures the indentation of the line that starts at s.i.
func (s *nodeScan) startLine() {
	n := 0
	for s.i+n < len(s.data) && s.data[s.i+n] == ' ' {
		n++
	}
	s.indent = n
}

// marker reports whether the line starts with a document marker.
func (s *nodeScan) marker(m string) bool {
	if s.i+len(m) > len(s.data) || string(s.data[s.i:s.i+len(m)]) != m {
		return false
	}
	return s.spaceAfter(len(m))
}

// spaceAfter reports whether the byte k past s.i is blank or the end.
func (s *nodeScan) spaceAfter(k int) bool {
	if s.i+k >= len(s.data) {
		return true
	}
	switch s.data[s.i+k] {
	case ' ', '\t', '\r', '\n':
		return true
	}
	return false
}

func (s *nodeScan) flowEndAfter(k int) bool {
	if s.i+k >= len(s.data) {
		return true
	}
	switch s.data[s.i+k] {
	case ',', ']', '}':
		return true
	}
	return false
}

func (s *nodeScan) skipLine() {
	for s.i < len(s.data) && s.data[s.i] != '\n' {
		s.i++
	}
}

// restOfLineEmpty reports whether nothing but blanks and a comment follow
// on the line.
func (s *nodeScan) restOfLineEmpty() bool {
	for j := s.i; j < len(s.data); j++ {
		switch s.data[j] {
		case ' ', '\t', '\r':
		case '\n', '#':
			return true
		default:
			return false
		}
	}
	return true
}

func (s *nodeScan) skipQuoted(q byte) {
	s.i++
	for s.i < len(s.data) {
		c := s.data[s.i]
		switch {
		case q == '"' && c == '\\':
			s.i += 2
			continue
		case c == q && q == '\'' && s.i+1 < len(s.data) && s.data[s.i+1] == '\'':
			s.i += 2
			continue
		case c == q:
			s.i++
			return
		}
		s.i++
	}
}

// skipWord skips an anchor, alias or tag: up to a blank or a flow
// indicator.
func (s *nodeScan) skipWord() {
	s.i++
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\r', '\n', ',', '[', ']', '{', '}':
			return
		}
		s.i++
	}
}

// skipBlockScalar skips a literal or folded scalar: its header line and
// the lines below that are blank or indented deeper than the line the
// header is on.
func (s *nodeScan) skipBlockScalar() {
	s.skipLine()
	for s.i < len(s.data) {
		j := s.i + 1 // past the newline
		n := 0
		for j+n < len(s.data) && s.data[j+n] == ' ' {
			n++
		}
		end := j + n
		blank := end >= len(s.data) || s.data[end] == '\n' || s.data[end] == '\r'
		if !blank && n <= s.indent {
			s.i = j
			return
		}
		s.i = end
		s.skipLine()
	}
}

// skipPlain skips a plain scalar: to the end of the line, a ": ", a " #"
// or, inside a flow collection, a flow indicator.
func (s *nodeScan) skipPlain() {
	for s.i < len(s.data) {
		c := s.data[s.i]
		switch {
		case c == '\n':
			return
		case c == ':' && (s.spaceAfter(1) || s.flow > 0 && s.flowEndAfter(1)):
			return
		case (c == ' ' || c == '\t') && s.i+1 < len(s.data) && s.data[s.i+1] == '#':
			return
		case s.flow > 0 && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}'):
			return
		}
		s.i++
	}
}
