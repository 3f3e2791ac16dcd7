package export

import (
	"math/rand/v2"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestYAMLStringsRoundTrip: every string, as a key and as a value, reads
// back from the encoder's output as itself: words YAML reads as other
// types, indicators, line breaks, control and bidirectional characters,
// and random mixes of them.
func TestYAMLStringsRoundTrip(t *testing.T) {
	cases := []string{"", " ", "a ", " a", "true", "False", "yes", "NO", "on", "y", "null", "Null", "~", "1", "0.5", "1e5", "0x1F", "0o7",
		"1_000", "12:30", "2026-12-01", "4h", "1h30m", "30d", ".inf", "-", "- a", "a: b", "a:", "a #b", "#a", "'a'", `"a"`, "a'b", "[a]", "{a}",
		"*a", "&a", "!a", "%a", "@a", "`a", "|", ">", "?", "a\nb", "a\r\nb", "a\tb", "\x00", "\x1b[31m", "\x7f", "\u0085", "\u00a0", "\u2028",
		"\u202e", "\u2066", "\ufeff", "\U0001F600", "é", "Ünïcødé text", "https://example.com/a?b=c#d", "group:svccat.unowned", "<<", "a\\b"}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("aZ0 :#-'\"\\\n\t\r\x00\x1b\u0085\u2028\u202e\ufeff[]{},&*!|>%@`?~.é😀")
	for i := 0; i < 2000; i++ {
		n := r.IntN(8)
		var b strings.Builder
		for j := 0; j < n; j++ {
			b.WriteRune(alphabet[r.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		doc := struct {
			Key  string            `yaml:"key"`
			List []string          `yaml:"list"`
			Map  map[string]string `yaml:"map"`
		}{s, []string{s, s}, map[string]string{s: s, "k": s}}
		data, err := yamlDoc(doc)
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Key  string            `yaml:"key"`
			List []string          `yaml:"list"`
			Map  map[string]string `yaml:"map"`
		}
		if err := yaml.Unmarshal(data, &got); err != nil {
			t.Errorf("%q: output does not parse: %v\n%s", s, err, data)
			continue
		}
		if got.Key != s || len(got.List) != 2 || got.List[0] != s || got.Map[s] != s || got.Map["k"] != s {
			t.Errorf("%q reads back as %q, %q, %q\n%s", s, got.Key, got.List, got.Map, data)
		}
		for _, r := range []rune{'\x1b', '\u202e', '\u2066', '\x00'} {
			if strings.ContainsRune(string(data), r) {
				t.Errorf("%q: output holds %U raw", s, r)
			}
		}
	}
}

func TestYAMLShapes(t *testing.T) {
	type item struct {
		A string `yaml:"a"`
		B int    `yaml:"b,omitempty"`
	}
	doc := struct {
		Empty    []string          `yaml:"empty"`
		Omitted  []string          `yaml:"omitted,omitempty"`
		Items    []item            `yaml:"items"`
		Nested   map[string]string `yaml:"nested"`
		NoMap    map[string]string `yaml:"noMap"`
		Float    float64           `yaml:"float"`
		Bool     bool              `yaml:"bool"`
		Pointer  *item             `yaml:"pointer,omitempty"`
		Anything any               `yaml:"anything"`
	}{Empty: []string{}, Items: []item{{"x", 1}, {"y", 0}}, Nested: map[string]string{"b": "2", "a": "1"}, Float: 0.999, Bool: true, Anything: item{A: "z"}}
	data, err := yamlDoc(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := `empty: []
items:
  - a: x
    b: 1
  - a: 'y'
nested:
  a: '1'
  b: '2'
noMap: {}
float: 0.999
bool: true
anything:
  a: z
`
	if string(data) != want {
		t.Errorf("got\n%s\nwant\n%s", data, want)
	}
}
