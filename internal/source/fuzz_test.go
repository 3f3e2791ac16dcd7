package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostile are seeds for FuzzParse: each one the start of a way to break a
// YAML reader.
var hostile = []string{
	"apiVersion: svccat/v1\nkind: Service\nmetadata: {name: a}\nspec: {type: business, dependsOn: [b, {service: c, type: soft, weight: 2}]}\n",
	billionLaughs,
	doublingBomb(40),
	"a: &a [*a]\n",
	"a: &a {b: *a}\n",
	"a: *nowhere\n",
	"&a a: *a\n",
	"<<: &m {a: 1}\n<<: *m\n",
	strings.Repeat("[", 70) + strings.Repeat("]", 70),
	strings.Repeat("{a: ", 70) + "1" + strings.Repeat("}", 70),
	strings.Repeat("- ", 70) + "x\n",
	strings.Repeat("? ", 70) + "x\n",
	blockMappings(70),
	"a: 1\na: 2\n",
	"? [a]\n: 1\n? [a]\n: 2\n",
	"\xef\xbb\xbfa: 1\n",
	"\xff\xfea\x00",
	"a: caf\xe9\n",
	"a: \x00\n",
	"a: \"\\x00\\uD800\"\n",
	"%YAML 1.1\n%TAG ! tag:x,2000:\n--- !foo\na: !!binary aGVsbG8=\n",
	"%YAML 1.2\n---\na: 1\n",
	"--- |\n  text\n--- >-\n  folded\n...\n---\n",
	"a: !!int 0x_\nb: !!float .nan\nc: !!timestamp 2001-12-14\nd: ~\n",
	"a:\n\tb: 1\n",
	"key: \"value\"# comment\n[-]\n",
	"- [a, b]: c\n",
	"\"\\\n",
	"'",
	"---\n---\n---\n",
	"a: |0\n",
	"a: >9\n x\n",
}

// FuzzParse: no input makes Parse panic (the recover in Parse would hide
// it, so a "parser failed" problem fails the test too), every problem is
// on a line of the input, and every document is within the limits.
func FuzzParse(f *testing.F) {
	for _, s := range hostile {
		f.Add([]byte(s))
	}
	// The YAML test suite, where it is, seeds the corpus with every
	// corner of the syntax.
	filepath.WalkDir(yamlSuite, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Name() == "in.yaml" {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
		return nil
	})
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, probs := Parse("f.yaml", data)
		lines := yamlLines(data)
		for _, p := range probs {
			if strings.HasPrefix(p.Message, "the YAML parser failed") {
				t.Fatalf("yaml.v3 panicked: %s", p.Message)
			}
			if p.Kind != YAMLSyntax || p.Pos.File != "f.yaml" || p.Pos.Line < 1 || p.Pos.Line > lines || p.Pos.Col < 1 || p.Message == "" {
				t.Fatalf("badly positioned problem in a %d-line input: %+v", lines, p)
			}
		}
		for _, d := range docs {
			if d.Root == nil || d.File != "f.yaml" {
				t.Fatalf("bad document %+v", d)
			}
			if p, ok := checkTree("f.yaml", d.Root, DefaultDocumentNodes); !ok {
				t.Fatalf("a document past the limits was returned: %v", p)
			}
		}
	})
}
