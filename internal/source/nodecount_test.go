package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// parsedNodes counts the nodes yaml.v3 builds for data, aliases not
// expanded, a node per document included.
func parsedNodes(t *testing.T, data []byte) int {
	t.Helper()
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	var count func(n *yaml.Node) int
	count = func(n *yaml.Node) int {
		c := 1
		for _, k := range n.Content {
			c += count(k)
		}
		return c
	}
	total := 0
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			return total
		}
		total += count(&n)
	}
}

// TestNodeCountIsClose: on real catalogs the count from the bytes is
// within a factor of two of what the parser builds (it leaves out block
// collections opened on their parent's line), so the limit means what it
// says.
func TestNodeCountIsClose(t *testing.T) {
	n := 0
	filepath.WalkDir("../../examples", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isYAMLName(p) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		got, real := countNodes(data, 1<<30).total, parsedNodes(t, data)
		if got*2 < real || got > real {
			t.Errorf("%s: counted %d nodes, the parser builds %d", p, got, real)
		}
		n++
		return nil
	})
	if n == 0 {
		t.Skip("no example catalogs found")
	}
	for _, tc := range []struct {
		data string
		want int
	}{
		{"a: b\n", 2},
		{"[1, 2, 3]\n", 4},
		{"- a\n- 'b # c'\n- \"d\\\" e\"\n", 3},
		{"a: |\n  x: y\n  - z\nb: c\n", 4},
		{"a:\n  b: c\n", 4},
		{"- \n- \n- \n", 3},
		{"# a: b\na: &x [1] # c, d\nb: *x\n", 5},
		{"---\na: 1\n---\nb: 2\n", 6},
		{"url: http://x.example/a#b\n", 2},
	} {
		if got := countNodes([]byte(tc.data), 1<<30).total; got != tc.want {
			t.Errorf("%q: counted %d nodes, want %d", tc.data, got, tc.want)
		}
	}
}

// TestNodeLimitBeforeParsing: a huge flow list and a file of many tiny
// documents are refused from their bytes, before the YAML parser builds
// a node: the memory spent is a small part of the file's size, where
// building the nodes first costs some 200 bytes a node.
func TestNodeLimitBeforeParsing(t *testing.T) {
	limits := Limits{DocumentNodes: 100_000}
	for _, tc := range []struct {
		name, data string
		want       Problem
	}{
		{"flow list", "a: b\n---\nlist: [" + strings.Repeat("1,", 200_000) + "1]\n",
			Problem{Kind: YAMLSyntax, Pos: Pos{File: "f.yaml", Line: 2, Col: 1},
				Message: "document holds more than 100000 YAML nodes; split it (limits.documentNodes in the config)"}},
		{"tiny documents", strings.Repeat("---\na: 1\n", 50_000),
			Problem{Kind: Unreadable, Pos: Pos{File: "f.yaml", Line: 1, Col: 1},
				Message: "file holds more than 100000 YAML nodes in all; split it into several files (limits.documentNodes in the config)"}},
		{"empty entries", strings.Repeat("- \n", 200_000),
			Problem{Kind: YAMLSyntax, Pos: Pos{File: "f.yaml", Line: 1, Col: 1},
				Message: "document holds more than 100000 YAML nodes; split it (limits.documentNodes in the config)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(tc.data)
			var docs []*Document
			var probs []Problem
			alloc := allocated(func() { docs, probs = limits.Parse("f.yaml", data) })
			if len(docs) != 0 || len(probs) != 1 || probs[0] != tc.want {
				t.Errorf("%d documents, problems %v, want %v", len(docs), probs, tc.want)
			}
			if alloc > uint64(len(data)) {
				t.Errorf("refusing %d bytes allocated %d bytes: the nodes were built", len(data), alloc)
			}
		})
	}
	// Under the limit, the same shapes are read.
	if docs, probs := limits.Parse("f.yaml", []byte("list: ["+strings.Repeat("1,", 1000)+"1]\n")); len(docs) != 1 || len(probs) != 0 {
		t.Errorf("a 1000-entry list: %d documents, problems %v", len(docs), probs)
	}
}
