package validate

import (
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/source"
)

// FuzzCheck validates whatever documents the reader lets through: no
// panic, and every issue on a line of the input.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"apiVersion: svccat/v1\nkind: Service\nmetadata: {name: a}\nspec: {type: business, dependsOn: [b, {service: c, type: soft, weight: 2}]}\n",
		"apiVersion: svccat/v1\nkind: Service\nmetadata: {name: Bad_Name, ownr: x}\nspec:\n  type: busines\n  impact: {tier: 7, rto: 4x}\n  slos: [{name: a, indicator: avail, objective: 100}]\n  cost: {currency: usd, pools: {hardware: -1, software: \"12.50\", x: [1]}}\n",
		"apiVersion: svccat/v1\nkind: Segment\nmetadata: {name: s}\nspec: {market: m, audience: internal, size: 1e3}\n",
		"apiVersion: svccat/v1\nkind: Persona\nmetadata: &m {name: p}\nspec: {segment: *m}\n",
		"apiVersion: svccat/v1\nkind: Market\nmetadata: {name: m, labels: {a: [1]}}\nspec: [1]\n",
		"apiVersion: svccat/v1\nkind: Team\nmetadata: {name: t}\n",
		"apiVersion: svccat/v1\nkind: Site\nmetadata: {name: s}\nspec: null\n",
		"apiVersion: svccat/v2\nkind: Service\n",
		"apiVersion: svccat/v1\nkind: Widget\n",
		"apiVersion: svccat/v1\nkind: [Service]\n",
		"apiVersion: [svccat/v1]\nkind: Service\n",
		"kind: Service\nmetadata: {name: a}\n",
		"apiVersion: v1\nkind: ConfigMap\n",
		"- a\n- b\n",
		"just a string\n",
		"? [a, b]\n: c\napiVersion: svccat/v1\nkind: Team\n",
		"apiVersion: svccat/v1\nkind: Service\nmetadata: {name: a}\nspec: {type: supporting, cost: {pools: {hardware: .inf, software: .nan, labor: 0x1F, other: 1_000}}, consumption: {planned: -0, price: 1e400}}\n",
		"apiVersion: svccat/v1\nkind: Service\nmetadata: {name: a}\nspec: {type: supporting, dependsOn: [{service: b, weight: 0}, {type: hard}, [x], null, 1]}\n",
	} {
		f.Add([]byte(s))
	}
	c := NewChecker()
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, _ := source.Parse("f.yaml", data)
		lines := yamlLines(data)
		for _, d := range docs {
			res := c.Check(d)
			if res.Skipped && (len(res.Issues) > 0 || res.Kind != "") {
				t.Fatalf("a skipped document has a kind or issues: %+v", res)
			}
			for _, is := range res.Issues {
				if is.Pos.File != "f.yaml" || is.Pos.Line < 1 || is.Pos.Line > lines || is.Pos.Col < 1 || is.Message == "" {
					t.Fatalf("badly positioned issue in a %d-line input: %+v", lines, is)
				}
			}
		}
	})
}

// yamlLines counts the lines of data as YAML does: \n, \r\n, a lone \r,
// U+0085, U+2028 and U+2029 end a line.
func yamlLines(data []byte) int {
	s := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u0085", "\n", "\u2028", "\n", "\u2029", "\n").Replace(string(data))
	return 1 + strings.Count(s, "\n")
}
