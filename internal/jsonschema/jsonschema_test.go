package jsonschema_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"cuelang.org/go/cue/cuecontext"
	v6 "github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"

	"github.com/svccat/svccat/internal/golden"
	"github.com/svccat/svccat/internal/jsonschema"
	"github.com/svccat/svccat/internal/source"
	"github.com/svccat/svccat/internal/validate"
	"github.com/svccat/svccat/schema"
)

// compile generates the schema in draft d and compiles it with an
// independent validator, which also checks it against the draft's
// meta-schema.
func compile(t *testing.T, d jsonschema.Draft) *v6.Schema {
	t.Helper()
	out, err := jsonschema.Generate(cuecontext.New().CompileString(schema.Source), d)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := v6.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	c := v6.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("catalog.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("catalog.schema.json")
	if err != nil {
		t.Fatalf("draft %s: %v", d, err)
	}
	return s
}

// instance is a YAML document as the JSON value an editor validates.
func instance(t *testing.T, doc *source.Document) any {
	t.Helper()
	// Editors read YAML 1.2, where 2026-11-03 is a string, not a
	// timestamp (yaml.v3 would decode it as a time.Time).
	var untime func(n *yaml.Node)
	untime = func(n *yaml.Node) {
		if n.Tag == "!!timestamp" {
			n.Tag = "!!str"
		}
		for _, c := range n.Content {
			untime(c)
		}
	}
	untime(doc.Root)
	var v any
	if err := doc.Root.Decode(&v); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := v6.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

func TestGolden(t *testing.T) {
	for _, d := range jsonschema.Drafts {
		out, err := jsonschema.Generate(cuecontext.New().CompileString(schema.Source), d)
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, "testdata/catalog.draft-"+string(d)+".schema.json", out)
	}
}

// TestExamplesValid: every document of the example catalog, which svccat
// accepts, is valid for an editor too.
func TestExamplesValid(t *testing.T) {
	res := source.Read([]string{"../../examples/acme"}, source.Options{})
	if len(res.Documents) < 20 || len(res.Problems) > 0 {
		t.Fatalf("read %d documents, problems %v", len(res.Documents), res.Problems)
	}
	for _, d := range jsonschema.Drafts {
		s := compile(t, d)
		for _, doc := range res.Documents {
			if r := validate.Document(doc); !r.OK() {
				t.Fatalf("%s: svccat rejects an example document: %v", doc.Pos(), r.Issues)
			}
			if err := s.Validate(instance(t, doc)); err != nil {
				t.Errorf("draft %s: %s: %v", d, doc.Pos(), err)
			}
		}
	}
}

// TestAgreesWithCUE: documents the CUE schema rejects for their shape are
// rejected by the JSON Schema, and the ones it accepts (or skips as not
// ours) are accepted.
func TestAgreesWithCUE(t *testing.T) {
	const service = "apiVersion: svccat/v1\nkind: Service\nmetadata: {name: erp}\nspec:\n"
	cases := []struct {
		name  string
		yaml  string
		valid bool
	}{
		{"minimal service", service + "  type: business\n", true},
		{"full dependency forms", service + "  type: business\n  dependsOn: [db, {service: dir, type: soft, weight: 2.5}]\n", true},
		{"money as string and number", service + "  type: business\n  cost: {currency: EUR, period: year, pools: {hardware: \"1200.50\", licences: 3}}\n  consumption: {unit: user, planned: 10, price: 14.10}\n", true},
		{"team without spec", "apiVersion: svccat/v1\nkind: Team\nmetadata: {name: ops, labels: {a: b}}\n", true},
		{"foreign document", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: Not_Ours, namespace: x}\ndata: {}\n", true},
		{"63-character name", "apiVersion: svccat/v1\nkind: Site\nmetadata: {name: " + strings.Repeat("a", 63) + "}\n", true},

		{"unknown spec field", service + "  type: business\n  ownr: ops\n", false},
		{"unknown top-level field", "apiVersion: svccat/v1\nkind: Team\nmetadata: {name: ops}\nstatus: {}\n", false},
		{"unknown metadata field", "apiVersion: svccat/v1\nkind: Team\nmetadata: {name: ops, namespace: x}\n", false},
		{"wrong enum", service + "  type: busines\n", false},
		{"wrong enum in SLO", service + "  type: business\n  slos: [{name: a, indicator: uptime, objective: 99}]\n", false},
		{"wrong dependency type", service + "  type: business\n  dependsOn: [{service: db, type: maybe}]\n", false},
		{"wrong type: string for int", service + "  type: business\n  impact: {tier: high}\n", false},
		{"wrong type: float for int", service + "  type: business\n  impact: {tier: 1.5}\n", false},
		{"wrong type: scalar for list", service + "  type: business\n  segments: retail\n", false},
		{"wrong type: list for string", "apiVersion: svccat/v1\nkind: Team\nmetadata: {name: ops}\nspec: {contact: [a, b]}\n", false},
		{"missing required spec field", "apiVersion: svccat/v1\nkind: Segment\nmetadata: {name: retail}\nspec: {audience: external}\n", false},
		{"missing spec", "apiVersion: svccat/v1\nkind: Market\nmetadata: {name: erp}\n", false},
		{"missing name", "apiVersion: svccat/v1\nkind: Team\nmetadata: {title: Ops}\n", false},
		{"missing metadata", "apiVersion: svccat/v1\nkind: Team\n", false},
		{"missing kind", "apiVersion: svccat/v1\nmetadata: {name: ops}\n", false},
		{"bad name pattern", "apiVersion: svccat/v1\nkind: Team\nmetadata: {name: Ops_Team}\n", false},
		{"name ends in hyphen", "apiVersion: svccat/v1\nkind: Team\nmetadata: {name: ops-}\n", false},
		{"64-character name", "apiVersion: svccat/v1\nkind: Site\nmetadata: {name: " + strings.Repeat("a", 64) + "}\n", false},
		{"bad reference name", service + "  type: business\n  owner: Ops Team\n", false},
		{"unknown kind", "apiVersion: svccat/v1\nkind: Widget\nmetadata: {name: w}\n", false},
		{"unknown apiVersion", "apiVersion: svccat/v2\nkind: Team\nmetadata: {name: ops}\n", false},
		{"objective of 100", service + "  type: business\n  slos: [{name: a, indicator: availability, objective: 100}]\n", false},
		{"objective of 0", service + "  type: business\n  slos: [{name: a, indicator: availability, objective: 0}]\n", false},
		{"tier out of range", service + "  type: business\n  impact: {tier: 5}\n", false},
		{"negative money", service + "  type: business\n  cost: {pools: {hardware: -1}}\n", false},
		{"money string with sign", service + "  type: business\n  consumption: {price: \"-2\"}\n", false},
		{"bad duration", service + "  type: business\n  impact: {rto: 4 hours}\n", false},
		{"empty duration", service + "  type: business\n  restore: {duration: \"\"}\n", false},
		{"zero weight", service + "  type: business\n  dependsOn: [{service: db, weight: 0}]\n", false},
		{"lower-case currency", service + "  type: business\n  cost: {currency: usd}\n", false},
		{"non-string label", "apiVersion: svccat/v1\nkind: Team\nmetadata: {name: ops, labels: {a: {b: c}}}\n", false},
		{"missing apiVersion, catalog kind", "kind: Team\nmetadata: {name: ops}\n", false},
		{"missing apiVersion, other kind", "kind: Playbook\nmetadata: {name: Not_Ours}\n", true},
		{"apiVersion not a string", "apiVersion: 1\nkind: Team\n", true},
		{"scalar document", "just text\n", true},
		{"list document", "- hosts: all\n  tasks: []\n", true},
		{"list of catalog documents", "- apiVersion: svccat/v1\n  kind: Team\n  metadata: {name: ops}\n", false},
	}
	schemas := map[jsonschema.Draft]*v6.Schema{}
	for _, d := range jsonschema.Drafts {
		schemas[d] = compile(t, d)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			docs, problems := source.Parse("case.yaml", []byte(tc.yaml))
			if len(problems) > 0 || len(docs) != 1 {
				t.Fatalf("bad case: %v", problems)
			}
			r := validate.Document(docs[0])
			if cueOK := r.Skipped || r.OK(); cueOK != tc.valid {
				t.Fatalf("svccat says valid=%v (%v); the case expects %v", cueOK, r.Issues, tc.valid)
			}
			inst := instance(t, docs[0])
			for d, s := range schemas {
				err := s.Validate(inst)
				if ok := err == nil; ok != tc.valid {
					t.Errorf("draft %s: JSON Schema says valid=%v, svccat says %v: %v", d, ok, tc.valid, err)
				}
			}
		})
	}
}
