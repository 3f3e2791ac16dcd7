package source

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// parseOne parses data and returns its one problem, failing the test when
// there is not exactly one.
func parseOne(t *testing.T, data string) Problem {
	t.Helper()
	docs, probs := Parse("x.yaml", []byte(data))
	if len(probs) != 1 {
		t.Fatalf("got %d problems %v and %d documents, want exactly one problem", len(probs), probs, len(docs))
	}
	return probs[0]
}

func checkProblem(t *testing.T, p Problem, kind string, line, col int, msg string) {
	t.Helper()
	if p.Kind != kind {
		t.Errorf("kind %q, want %q (%v)", p.Kind, kind, p)
	}
	if p.Pos.File != "x.yaml" || p.Pos.Line != line || (col > 0 && p.Pos.Col != col) {
		t.Errorf("position %s, want x.yaml:%d:%d (%s)", p.Pos, line, col, p.Message)
	}
	if !regexp.MustCompile(msg).MatchString(p.Message) {
		t.Errorf("message %q does not match %q", p.Message, msg)
	}
}

// TestMalformedYAML: every syntax error becomes one yaml-syntax problem at
// the line yaml.v3 names (it gives no column, so the column is 1).
func TestMalformedYAML(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		line       int
		msg        string
	}{
		{"unclosed flow sequence", "a: 1\nb: 2\nc: [1, 2\n", 3, `did not find expected ',' or '\]'`},
		{"bad indentation", "a:\n  b: 1\n c: 2\n", 3, `did not find expected key`},
		{"tab indentation", "a: 1\nb:\n\tc: 1\n", 3, `found character that cannot start any token`},
		{"unknown anchor", "a: 1\nb: 2\nc: 3\nd: *nowhere\n", 4, `unknown anchor 'nowhere'`},
		{"unterminated quote", "a: 1\nb: \"open\n", 2, `found unexpected end of stream`},
		{"mapping in a plain scalar", "a: 1\nb: c: d\n", 2, `mapping values are not allowed`},
		{"error on the first line", "[1, 2\n", 1, `did not find expected`},
		{"CRLF line ends", "a: 1\r\nb: 2\r\nc: [1, 2\r\n", 3, `did not find expected ',' or '\]'`},
		{"old Mac line ends", "a: 1\rb:\r  c: 1\r d: 2\r", 4, `did not find expected key`},
		// yaml.v3 gives no line for characters it refuses to read; the
		// reader finds the character itself.
		{"control character", "a: 1\nb: 2\nc: x\x01y\n", 3, `control character U\+0001 is not allowed`},
		{"NUL byte", "a: 1\n\x00\n", 2, `control character U\+0000 is not allowed`},
		{"control character after CR line ends", "a: 1\rb: \x1b\r", 2, `control character U\+001B is not allowed`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := parseOne(t, tc.data)
			checkProblem(t, p, YAMLSyntax, tc.line, 0, "^malformed YAML: "+tc.msg)
		})
	}
}

// TestControlCharacterColumn: for the characters the reader refuses, the
// column is exact too.
func TestControlCharacterColumn(t *testing.T) {
	p := parseOne(t, "a: 1\nname: \"é\x7f\"\n")
	checkProblem(t, p, YAMLSyntax, 2, 9, `U\+007F`)
}

// TestDocumentsBeforeAnErrorAreKept: a syntax error ends the file, but the
// documents before it are still checked.
func TestDocumentsBeforeAnErrorAreKept(t *testing.T) {
	docs, probs := Parse("x.yaml", []byte("a: 1\n---\nb: 2\n---\nc: [\n"))
	if len(docs) != 2 || len(probs) != 1 || probs[0].Pos.Line != 5 {
		t.Fatalf("got %d documents and problems %v; want 2 documents and one problem on line 5", len(docs), probs)
	}
}

// TestEmptyAndCommentOnlyFiles are no documents and no problems.
func TestEmptyAndCommentOnlyFiles(t *testing.T) {
	for _, data := range []string{"", "\n", "# just a comment\n", "---\n", "---\n---\n...\n", "\ufeff"} {
		docs, probs := Parse("x.yaml", []byte(data))
		if len(docs) != 0 || len(probs) != 0 {
			t.Errorf("%q: got %d documents, problems %v; want none", data, len(docs), probs)
		}
	}
}

// billionLaughs is the classic alias bomb: nine levels of nine aliases,
// 9^9 (387 million) strings once expanded, in under 600 bytes.
const billionLaughs = `apiVersion: svccat/v1
kind: Team
metadata:
  name: lol
  labels:
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`

// doublingBomb is a deeper bomb with aliases at every level: 2^n nodes.
func doublingBomb(n int) string {
	var b strings.Builder
	b.WriteString("a0: &a0 lol\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [*a%d, *a%d]\n", i, i, i-1, i-1)
	}
	return b.String()
}

// allocated runs f and returns the bytes it allocated.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestAliasBomb: a document whose aliases would expand past the node limit is
// refused without expanding anything: the memory spent is a small multiple
// of the file's size, not of what the aliases expand to.
func TestAliasBomb(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		line       int
	}{
		{"billion laughs", billionLaughs, 12},
		{"2^60 doubling", doublingBomb(60), 18},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p Problem
			alloc := allocated(func() { p = parseOne(t, tc.data) })
			checkProblem(t, p, YAMLSyntax, tc.line, 0, `^document expands to more than 1000000 nodes \(an alias bomb\?; limits\.documentNodes in the config\)$`)
			if limit := uint64(2 << 20); alloc > limit {
				t.Errorf("parsing a %d-byte bomb allocated %d bytes, want at most %d", len(tc.data), alloc, limit)
			}
		})
	}
	// Aliases that expand to something reasonable are fine.
	if _, probs := Parse("x.yaml", []byte(doublingBomb(10))); len(probs) != 0 {
		t.Errorf("a 2^10 expansion was refused: %v", probs)
	}
}

// TestNotUTF8: the position of the first bad byte, in characters.
func TestNotUTF8(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		line, col  int
		msg        string
	}{
		{"latin-1", "apiVersion: svccat/v1\nkind: Team\nmetadata: {name: caf\xe9}\n", 3, 21, `byte 0xe9 at offset 53`},
		{"after multi-byte characters", "a: é€\nb: ü\xff\n", 2, 5, `byte 0xff at offset 14`},
		{"UTF-16 with a byte order mark", "\xff\xfea\x00:\x00 \x001\x00\n\x00", 1, 1, `byte 0xff at offset 0`},
		{"truncated sequence at the end", "a: \xe2\x82", 1, 4, `byte 0xe2 at offset 3`},
		{"UTF-8-encoded surrogate", "a: \xed\xa0\x80\n", 1, 4, `byte 0xed at offset 3`},
		// Lines end as YAML says they do, so these positions agree with the
		// parser's.
		{"CRLF line ends", "a: 1\r\nb: 2\r\nc: \x80\r\n", 3, 4, `byte 0x80 at offset 15`},
		{"old Mac line ends", "a: 1\rb: 2\rc: \x80\r", 3, 4, `byte 0x80 at offset 13`},
		{"Unicode line separators", "a: \u2028b: \u0085c: \x80", 3, 4, `byte 0x80 at offset 14`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := parseOne(t, tc.data)
			checkProblem(t, p, YAMLSyntax, tc.line, tc.col, `^file is not valid UTF-8 \(`+tc.msg+`\); save it as UTF-8$`)
		})
	}
	// A UTF-8 byte order mark is fine.
	docs, probs := Parse("x.yaml", []byte("\xef\xbb\xbfa: 1\n"))
	if len(docs) != 1 || len(probs) != 0 {
		t.Errorf("UTF-8 with BOM: %d documents, problems %v", len(docs), probs)
	}
}

func blockMappings(depth int) string {
	var b strings.Builder
	for i := 0; i < depth; i++ {
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	return b.String()
}

// TestDeepNesting: 10,000 levels, flow and block, are refused with a
// position, in bounded memory and without overflowing any stack.
func TestDeepNesting(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		line, col  int
		msg        string
	}{
		{"flow sequences", strings.Repeat("[", 10000) + strings.Repeat("]", 10000), 1, 66, `^document is nested more than 64 levels deep$`},
		{"flow mappings", strings.Repeat("{a: ", 10000) + "1" + strings.Repeat("}", 10000), 1, 258, `^document is nested more than 64 levels deep$`},
		{"block sequences", strings.Repeat("- ", 10000) + "x\n", 1, 131, `^document is nested more than 64 levels deep$`},
		{"block complex keys", strings.Repeat("? ", 10000) + "x\n", 1, 131, `^document is nested more than 64 levels deep$`},
		// Block mappings 10,000 deep need 50 MB of indentation, more than
		// the file size limit; 100 levels show the same check.
		{"block mappings", blockMappings(100), 65, 65, `^document is nested more than 64 levels deep$`},
		{"past the parser's own limit", strings.Repeat("[", 10001) + strings.Repeat("]", 10001), 1, 1, `^malformed YAML: exceeded max depth of 10000$`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p Problem
			alloc := allocated(func() { p = parseOne(t, tc.data) })
			checkProblem(t, p, YAMLSyntax, tc.line, tc.col, tc.msg)
			if limit := uint64(64 << 20); alloc > limit {
				t.Errorf("allocated %d bytes, want at most %d", alloc, limit)
			}
		})
	}
	// MaxDepth itself is allowed.
	if _, probs := Parse("x.yaml", []byte(strings.Repeat("[", MaxDepth)+strings.Repeat("]", MaxDepth))); len(probs) != 0 {
		t.Errorf("%d levels refused: %v", MaxDepth, probs)
	}
}

// TestDuplicateKeys: YAML forbids them and the second value would win
// silently; the second key is reported with the line of the first.
func TestDuplicateKeys(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		line, col  int
		msg        string
	}{
		{"top level", "apiVersion: svccat/v1\nkind: Team\nkind: Site\n", 3, 1, `^duplicate key "kind" \(first at line 2\)$`},
		{"nested", "metadata:\n  name: a\n  title: A\n  name: b\n", 4, 3, `^duplicate key "name" \(first at line 2\)$`},
		{"flow mapping", "spec: {pools: {hardware: 1, software: 2, hardware: 3}}\n", 1, 42, `^duplicate key "hardware" \(first at line 1\)$`},
		{"quoted and plain", "a: 1\n\"a\": 2\n", 2, 1, `^duplicate key "a"`},
		{"behind an alias", "base: &b {x: 1, x: 2}\nuse: *b\n", 1, 17, `^duplicate key "x"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkProblem(t, parseOne(t, tc.data), YAMLSyntax, tc.line, tc.col, tc.msg)
		})
	}
	// A problem in one document does not hide the next one's.
	_, probs := Parse("x.yaml", []byte("a: 1\na: 2\n---\nb: 1\nb: 2\n"))
	if len(probs) != 2 || probs[0].Pos.Line != 2 || probs[1].Pos.Line != 5 {
		t.Errorf("two documents with duplicates: got %v", probs)
	}
}

// yamlLines counts the lines of data as YAML does: \n, \r\n, a lone \r,
// U+0085, U+2028 and U+2029 end a line.
func yamlLines(data []byte) int {
	s := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n").Replace(string(data))
	return 1 + strings.Count(s, "\n")
}

// writeFiles creates files (path -> content) below dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot create symlinks here: %v", err)
	}
}

// problemsByFile maps each problem's file to its message.
func problemsByFile(probs []Problem) map[string]string {
	out := map[string]string{}
	for _, p := range probs {
		out[p.Pos.File] = p.Message
	}
	return out
}

const team = "apiVersion: svccat/v1\nkind: Team\nmetadata: {name: ops}\n"

// TestFileSizeLimit: a file over the limit is a problem naming both sizes,
// and the files beside it are still read.
func TestFileSizeLimit(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"big.yaml":   team + strings.Repeat("# padding\n", 20),
		"small.yaml": team,
	})
	res := Read([]string{dir}, Options{Limits: Limits{FileBytes: 100}, WorkDir: dir})
	if len(res.Documents) != 1 || res.Documents[0].File != "small.yaml" {
		t.Errorf("documents read: %v, want only small.yaml's", res.Documents)
	}
	if len(res.Problems) != 1 {
		t.Fatalf("problems %v, want one", res.Problems)
	}
	p := res.Problems[0]
	if p.Kind != Unreadable || p.Pos != (Pos{File: "big.yaml", Line: 1, Col: 1}) ||
		p.Message != "file is 255 bytes, larger than the 100 bytes limit (raise limits.fileBytes in the config or --max-file-size)" {
		t.Errorf("got %+v", p)
	}
}

// TestOverLimitFileIsNotRead: a file whose size is over the limit is never
// opened. The file is sparse, 16 GiB long: reading even the default 32 MiB
// of it would show in the allocations.
func TestOverLimitFileIsNotRead(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.yaml")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(16 << 30); err != nil {
		f.Close()
		t.Skipf("cannot create a sparse 16 GiB file here: %v", err)
	}
	f.Close()
	var res *Result
	alloc := allocated(func() { res = Read([]string{dir}, Options{WorkDir: dir}) })
	if alloc > 1<<20 {
		t.Errorf("reading the listing allocated %d bytes: the file was read", alloc)
	}
	want := Problem{Kind: Unreadable, Pos: Pos{File: "huge.yaml", Line: 1, Col: 1},
		Message: "file is 16.0 GiB, larger than the 32.0 MiB limit (raise limits.fileBytes in the config or --max-file-size)"}
	if len(res.Problems) != 1 || res.Problems[0] != want {
		t.Errorf("problems %v, want %v", res.Problems, want)
	}
}

// TestFileGrewAfterListing: the size listed can be stale (or lie, for
// special files); reading stops one byte past the limit.
func TestFileGrewAfterListing(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"grew.yaml": strings.Repeat("a", 1000)})
	docs, probs := ReadFile(File{Path: filepath.Join(dir, "grew.yaml"), Display: "grew.yaml", Size: 10}, Options{Limits: Limits{FileBytes: 100}})
	if len(docs) != 0 || len(probs) != 1 || probs[0].Message != "file is larger than the 100 bytes limit (raise limits.fileBytes in the config or --max-file-size)" {
		t.Errorf("got %d documents, problems %v", len(docs), probs)
	}
}
