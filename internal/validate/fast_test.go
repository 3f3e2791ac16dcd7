package validate

import (
	"fmt"
	"path/filepath"
	"testing"

	"cuelang.org/go/cue"
	"gopkg.in/yaml.v3"

	"github.com/svccat/svccat/internal/source"
)

// scalars is a battery of YAML scalars, hostile and ordinary, that every
// leaf constraint is tried with.
var scalars = []string{
	`0`, `-0`, `1`, `4`, `5`, `-1`, `0.0`, `4.0`, `99.9`, `99.999999999999999999`, `100`, `100.0`, `120`,
	`1e2`, `1E-3`, `-1e400`, `0x10`, `0o17`, `1_000`, `.5`, `.inf`, `-.inf`, `.nan`,
	`"0"`, `"14.50"`, `"14.5.0"`, `"-3"`, `"1e3"`, `""`, `" "`, `abc`, `ABC`, `a-b`, `-ab`, `ab-`, `a_b`,
	`corporate-email`, `a`, `USD`, `usd`, `US`, `USDX`, `"30s"`, `1h30m`, `30m1h`, `4x`, `2d`, `1w`, `h`,
	`business`, `supporting`, `busines`, `hard`, `soft`, `month`, `quarter`, `year`, `svccat/v1`, `Service`,
	`availability`, `latency`, `true`, `false`, `null`, `~`, `2001-12-14`, `"é"`, `"\u0000"`,
	`aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`,  // 63
	`aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`, // 64
}

// TestFastPathAgreesWithCUE holds the compiled fast predicates to CUE's
// verdict: whatever the fast path accepts, CUE accepts, and the other way
// round, for every constrained leaf of every kind.
func TestFastPathAgreesWithCUE(t *testing.T) {
	c := NewChecker()
	leaves := 0
	for _, kind := range Kinds {
		var visit func(s *shape, path string)
		visit = func(s *shape, path string) {
			if s.leaf.Exists() && s.constrained {
				leaves++
				if s.fast == nil {
					t.Errorf("%s: no fast path for %v; every schema leaf should compile", path, s.leaf)
					return
				}
				for _, lit := range scalars {
					var doc yaml.Node
					if err := yaml.Unmarshal([]byte(lit), &doc); err != nil {
						t.Fatalf("%s: %v", lit, err)
					}
					n := doc.Content[0]
					fast := s.fast(yamlKind(n), n)
					val := c.ctx.BuildExpr(toAST(n))
					cueOK := s.leaf.Unify(val).Validate(cue.Concrete(true)) == nil && s.kind&yamlKind(n) != 0
					if fast != cueOK {
						t.Errorf("%s = %s: fast path says %v, CUE says %v (constraint %v)", path, lit, fast, cueOK, s.leaf)
					}
				}
			}
			for name, f := range s.fields {
				visit(f, path+"."+name)
			}
			if s.pattern != nil {
				visit(s.pattern, path+".*")
			}
			if s.elem != nil {
				visit(s.elem, path+"[]")
			}
			for i, a := range s.alts {
				visit(a, fmt.Sprintf("%s|%d", path, i))
			}
		}
		visit(c.shapes[kind], kind)
	}
	if leaves < 15 {
		t.Fatalf("only %d constrained leaves found; the shape walk is broken", leaves)
	}
}

// TestWalkAgreesWithCUE checks whole documents both ways: the walk finds
// a problem exactly when unifying the document with its definition fails.
func TestWalkAgreesWithCUE(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*/*.yaml")
	more, _ := filepath.Glob("../../examples/*/*/*/*.yaml")
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatal("no example files found")
	}
	read := source.Read(files, source.Options{})
	// One problem each, so that nothing hides behind another.
	for i, d := range []string{
		"apiVersion: svccat/v1\nkind: Team\nmetadata: {name: ops, ownr: x}\n",
		"apiVersion: svccat/v1\nkind: Team\nmetadata: {title: Ops}\n",
		"apiVersion: svccat/v1\nkind: Segment\nmetadata: {name: s}\nspec: {audience: internal}\n",
		"apiVersion: svccat/v1\nkind: Service\nmetadata: {name: s}\nspec: {type: business, segments: x}\n",
		"apiVersion: svccat/v1\nkind: Service\nmetadata: {name: s}\nspec: {type: business, dependsOn: [{service: a, weight: -1}]}\n",
		"apiVersion: svccat/v1\nkind: Service\nmetadata: {name: s}\nspec: {type: business, dependsOn: [{type: soft}]}\n",
		"apiVersion: svccat/v1\nkind: Service\nmetadata: {name: s}\nspec: {type: business, cost: {pools: {hardware: \"1.2.3\"}}}\n",
		"apiVersion: svccat/v1\nkind: Service\nmetadata: {name: s}\nspec: {type: business, slos: [{name: a, indicator: latency, objective: 0}]}\n",
		"apiVersion: svccat/v1\nkind: Site\nmetadata: {name: s, labels: {a: [1]}}\n",
		"apiVersion: svccat/v1\nkind: Service\nmetadata: {name: s}\nspec: {type: business, restore: {strategy: failover, duration: 1h}}\n",
		"apiVersion: svccat/v1\nkind: Service\nmetadata: {name: s}\nspec: {type: business, restore: {strategy: failover, failover: 5m}}\n",
		"apiVersion: svccat/v1\nkind: Site\nmetadata: {name: s, labels: {a: b}}\nspec: {location: 3}\n",
	} {
		docs, probs := source.Parse(fmt.Sprintf("inline-%d.yaml", i), []byte(d))
		if len(probs) > 0 || len(docs) != 1 {
			t.Fatalf("inline %d: %v", i, probs)
		}
		read.Documents = append(read.Documents, docs...)
	}
	c := NewChecker()
	checked := 0
	for _, doc := range read.Documents {
		res := c.Check(doc)
		if res.Kind == "" {
			continue
		}
		checked++
		strict := strictValues(c.ctx, c.defs[res.Kind], doc)
		if (len(res.Issues) == 0) != (len(strict) == 0) {
			t.Errorf("%s: walk found %v; CUE found %v", doc.Pos(), res.Issues, strict)
		}
	}
	if checked < 50 {
		t.Fatalf("only %d documents checked", checked)
	}
}
