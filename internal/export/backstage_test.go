package export_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/svccat/svccat/internal/export"
)

// backstageCorpus holds Backstage's own entity schemas (from
// @backstage/catalog-model, with their licence), beside the repository.
var backstageCorpus = filepath.Join("..", "..", "..", "shared", "corpora", "backstage")

// schemaBase is where the schemas are registered: their $ids ("Entity",
// "ComponentV1alpha1", "common") are relative and resolve against it.
const schemaBase = "https://backstage.invalid/schemas/"

var (
	schemasOnce sync.Once
	schemas     map[string]*jsonschema.Schema // by kind
	schemasErr  error
)

func backstageSchemas(t testing.TB) map[string]*jsonschema.Schema {
	t.Helper()
	if _, err := os.Stat(backstageCorpus); os.IsNotExist(err) {
		t.Skipf("Backstage schemas not found at %s (the shared corpora sit beside the repository); skipping schema validation", backstageCorpus)
	}
	schemasOnce.Do(func() { schemas, schemasErr = compileBackstage() })
	if schemasErr != nil {
		t.Fatal(schemasErr)
	}
	return schemas
}

func compileBackstage() (map[string]*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	files, _ := filepath.Glob(filepath.Join(backstageCorpus, "*.schema.json"))
	more, _ := filepath.Glob(filepath.Join(backstageCorpus, "kinds", "*.schema.json"))
	shared, _ := filepath.Glob(filepath.Join(backstageCorpus, "shared", "*.schema.json"))
	files = append(append(files, more...), shared...)
	ids := map[string]string{} // kind schema file → $id
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(r)
		r.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		id, _ := doc.(map[string]any)["$id"].(string)
		if id == "" {
			return nil, fmt.Errorf("%s has no $id", f)
		}
		if err := c.AddResource(schemaBase+id, doc); err != nil {
			return nil, err
		}
		ids[filepath.Base(f)] = id
	}
	out := map[string]*jsonschema.Schema{}
	for _, kind := range []string{"Component", "Domain", "Group", "Resource", "System", "User"} {
		id := ids[kind+".v1alpha1.schema.json"]
		if id == "" {
			return nil, fmt.Errorf("no schema for kind %s in %s", kind, backstageCorpus)
		}
		s, err := c.Compile(schemaBase + id)
		if err != nil {
			return nil, err
		}
		out[kind] = s
	}
	return out, nil
}

// checkBackstage validates every entity with its kind's JSON schema and
// Backstage's field policies, and resolves every reference inside the
// export.
func checkBackstage(t *testing.T, ex *export.Export) {
	t.Helper()
	sch := backstageSchemas(t)
	docs := decodeStream(t, ex.Bytes())
	entities := map[string]bool{}
	for _, d := range docs {
		md := d["metadata"].(map[string]any)
		r := export.EntityRef{Kind: strings.ToLower(d["kind"].(string)), Namespace: "default", Name: md["name"].(string)}
		if ns, ok := md["namespace"].(string); ok {
			r.Namespace = ns
		}
		if entities[r.String()] {
			t.Errorf("entity %s twice", r)
		}
		entities[r.String()] = true
	}
	failures := 0
	for _, d := range docs {
		kind, _ := d["kind"].(string)
		name := d["metadata"].(map[string]any)["name"]
		where := fmt.Sprintf("%s %v", kind, name)
		s := sch[kind]
		if s == nil {
			t.Errorf("%s: no schema for kind %q", where, kind)
			continue
		}
		inst := jsonValue(t, d)
		if err := s.Validate(inst); err != nil {
			t.Errorf("%s does not validate against Backstage's schema: %v", where, err)
			failures++
		}
		for _, err := range export.BackstagePolicyErrors(d) {
			t.Errorf("%s: Backstage policy: %v", where, err)
			failures++
		}
		for _, r := range references(t, d) {
			ref, err := export.ParseEntityRef(r.ref, r.defaultKind)
			if err != nil {
				t.Errorf("%s: %s: %v", where, r.field, err)
				failures++
				continue
			}
			if !entities[ref.String()] {
				t.Errorf("%s: %s %q resolves to no entity in the export", where, r.field, r.ref)
				failures++
			}
		}
		if failures > 20 {
			t.Fatal("too many failures")
		}
	}
}

// jsonValue turns a decoded YAML document into what the JSON schema
// validator reads: a JSON round trip, numbers as json.Number.
func jsonValue(t testing.TB, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

type entityRef struct {
	field, ref, defaultKind string
}

// references lists an entity's references with the kind Backstage
// assumes where one names none (dependsOn has no default).
func references(t testing.TB, d map[string]any) []entityRef {
	spec, _ := d["spec"].(map[string]any)
	var out []entityRef
	one := func(field, def string) {
		if v, ok := spec[field]; ok {
			s, ok := v.(string)
			if !ok {
				t.Errorf("spec.%s is not a string", field)
			}
			out = append(out, entityRef{"spec." + field, s, def})
		}
	}
	many := func(field, def string) {
		list, _ := spec[field].([]any)
		for _, v := range list {
			s, _ := v.(string)
			out = append(out, entityRef{"spec." + field, s, def})
		}
	}
	one("owner", "group")
	one("system", "system")
	one("domain", "domain")
	one("parent", "group")
	one("subcomponentOf", "component")
	one("subdomainOf", "domain")
	many("dependsOn", "")
	many("dependencyOf", "")
	many("memberOf", "group")
	many("children", "group")
	many("members", "user")
	many("providesApis", "api")
	many("consumesApis", "api")
	return out
}

func TestBackstageValidates(t *testing.T) {
	checkBackstage(t, build(t, export.Backstage, loadCatalog(t, acme)))
}

// TestBackstageSchemaCatches: the schema check fails on what Backstage
// would refuse, so a passing export means something.
func TestBackstageSchemaCatches(t *testing.T) {
	sch := backstageSchemas(t)
	bad := map[string]any{"apiVersion": "backstage.io/v1alpha1", "kind": "Component",
		"metadata": map[string]any{"name": "x"}, "spec": map[string]any{"type": "service", "owner": "group:a"}}
	if err := sch["Component"].Validate(jsonValue(t, bad)); err == nil {
		t.Error("a Component without lifecycle validates")
	}
	group := map[string]any{"apiVersion": "backstage.io/v1alpha1", "kind": "Group",
		"metadata": map[string]any{"name": "x"}, "spec": map[string]any{"type": "team"}}
	if err := sch["Group"].Validate(jsonValue(t, group)); err == nil {
		t.Error("a Group without children validates")
	}
}

func TestBackstagePolicy(t *testing.T) {
	for _, tc := range []struct {
		name string
		ok   bool
	}{
		{"corporate-email", true}, {"Corporate_Email.v2", true}, {"a", true},
		{strings.Repeat("a", 63), true}, {strings.Repeat("a", 64), false},
		{"-email", false}, {"email-", false}, {"e mail", false}, {"", false}, {"e/mail", false},
	} {
		if got := export.IsValidObjectName(tc.name); got != tc.ok {
			t.Errorf("IsValidObjectName(%q) = %v", tc.name, got)
		}
	}
	for _, tc := range []struct {
		key string
		ok  bool
	}{
		{"svccat.dev/tier", true}, {"backstage.io/techdocs-ref", true}, {"tier", true},
		{"Svccat.dev/tier", false}, {"svccat.dev/", false}, {"a/b/c", false}, {"svccat..dev/x", false},
		{"svccat.dev/ignore reason", false},
	} {
		if got := export.IsValidAnnotationKey(tc.key); got != tc.ok {
			t.Errorf("IsValidAnnotationKey(%q) = %v", tc.key, got)
		}
	}
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"https://wiki.example.com/runbooks/email", true}, {"mailto:ops@example.com", true},
		{"wiki/runbooks/email", false}, {"https://", false}, {"https://ex ample.com", false}, {"", false},
	} {
		if got := export.IsValidURL(tc.url); got != tc.ok {
			t.Errorf("IsValidURL(%q) = %v", tc.url, got)
		}
	}
	e := map[string]any{"apiVersion": "backstage.io/v1alpha1", "kind": "Component", "extra": 1,
		"metadata": map[string]any{"name": "x", "labels": map[string]any{"name": "y", "team": "a b"}, "annotations": map[string]any{"bad key": "v"}},
		"spec":     map[string]any{"name": "z"}}
	got := fmt.Sprint(export.BackstagePolicyErrors(e))
	for _, want := range []string{`foreign root field "extra"`, `"labels.team" is not valid`, `label may not have the field name`, `"annotations.bad key" is not valid`, `spec may not contain the field name`} {
		if !strings.Contains(got, want) {
			t.Errorf("policy errors %s: missing %s", got, want)
		}
	}
}

func TestParseEntityRef(t *testing.T) {
	for _, tc := range []struct{ in, def, want string }{
		{"group:messaging", "", "group:default/messaging"},
		{"messaging", "group", "group:default/messaging"},
		{"Component:ops/email", "", "component:ops/email"},
	} {
		r, err := export.ParseEntityRef(tc.in, tc.def)
		if err != nil || r.String() != tc.want {
			t.Errorf("ParseEntityRef(%q, %q) = %v, %v; want %s", tc.in, tc.def, r, err, tc.want)
		}
	}
	if _, err := export.ParseEntityRef("email", ""); err == nil {
		t.Error("a reference without a kind where there is no default parses")
	}
}

// TestBackstageKeepsWhatItCannotPlace: labels and annotations Backstage
// would refuse are kept as JSON, never dropped; a service without owner
// is owned by the unowned group, which the export then holds.
func TestBackstageKeepsWhatItCannotPlace(t *testing.T) {
	c := writeCatalog(t, map[string]string{"c.yaml": `apiVersion: svccat/v1
kind: Service
metadata:
  name: orphan
  labels: {tier: gold, "cost centre": "R&D 42"}
  annotations: {"svccat.dev/ignore": missing-owner, "svccat.dev/id": forged, "name": reserved}
  title: Orphan
spec:
  type: supporting
  restore: {runbook: "see the wiki"}
`})
	ex := build(t, export.Backstage, c)
	checkBackstage(t, ex)
	docs := decodeStream(t, ex.Bytes())
	var comp, group map[string]any
	for _, d := range docs {
		switch d["kind"] {
		case "Component":
			comp = d
		case "Group":
			group = d
		}
	}
	if group == nil || group["metadata"].(map[string]any)["name"] != export.UnownedGroup {
		t.Fatalf("no unowned group: %v", docs)
	}
	md := comp["metadata"].(map[string]any)
	ann := md["annotations"].(map[string]any)
	if got := md["labels"].(map[string]any); len(got) != 1 || got["tier"] != "gold" {
		t.Errorf("labels %v", got)
	}
	if got := ann["svccat.dev/labels"]; got != `{"cost centre":"R&D 42"}` {
		t.Errorf("svccat.dev/labels = %v", got)
	}
	if got := ann["svccat.dev/annotations"]; got != `{"name":"reserved","svccat.dev/id":"forged"}` {
		t.Errorf("svccat.dev/annotations = %v", got)
	}
	if ann["svccat.dev/ignore"] != "missing-owner" || ann["svccat.dev/id"] != "Service/orphan" || ann["svccat.dev/runbook"] != "see the wiki" {
		t.Errorf("annotations %v", ann)
	}
	if _, ok := md["links"]; ok {
		t.Errorf("a runbook that is not a URL became a link: %v", md["links"])
	}
	if got := comp["spec"].(map[string]any)["owner"]; got != "group:"+export.UnownedGroup {
		t.Errorf("owner %v", got)
	}
}

func TestBackstageLifecycle(t *testing.T) {
	for in, want := range map[string]string{"pipeline": "experimental", "live": "production", "retiring": "production"} {
		if got, ok := export.BackstageLifecycle(in); !ok || got != want {
			t.Errorf("%s → %s, %v; want %s", in, got, ok, want)
		}
	}
	if _, ok := export.BackstageLifecycle("retired"); ok {
		t.Error("retired services are exported")
	}
}
