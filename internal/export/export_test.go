package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/catalogtest"
	"github.com/svccat/svccat/internal/export"
	"github.com/svccat/svccat/internal/golden"
	"github.com/svccat/svccat/internal/load"
)

// loadCatalog reads a catalog that must load without problems.
func loadCatalog(t testing.TB, dir string) *catalog.Catalog {
	t.Helper()
	r := load.Catalog([]string{dir}, load.Options{})
	for _, p := range r.Problems {
		t.Fatalf("%s does not load: %s: %s", dir, p.Pos, p.Message)
	}
	if r.Documents == 0 {
		t.Fatalf("%s holds no catalog documents", dir)
	}
	return r.Catalog
}

func build(t testing.TB, format string, c *catalog.Catalog) *export.Export {
	t.Helper()
	ex, err := export.Build(format, c, export.Options{MetricSource: "prometheus-main"})
	if err != nil {
		t.Fatalf("export %s: %v", format, err)
	}
	return ex
}

const acme = "../../examples/acme"

// TestGolden: the example catalog's exports, byte for byte.
func TestGolden(t *testing.T) {
	c := loadCatalog(t, acme)
	for _, f := range []string{export.Backstage, export.OpenSLO} {
		t.Run(f, func(t *testing.T) {
			golden.Check(t, filepath.Join("testdata", "acme."+f+".yaml"), build(t, f, c).Bytes())
		})
	}
	t.Run(export.CSDM, func(t *testing.T) {
		for _, file := range build(t, export.CSDM, c).Files {
			golden.Check(t, filepath.Join("testdata", "acme.csdm", file.Name), file.Data)
		}
	})
}

// TestFilesJoinToStream: --out DIR and the stream hold the same
// documents, one file each, with distinct names.
func TestFilesJoinToStream(t *testing.T) {
	c := loadCatalog(t, acme)
	for _, f := range []string{export.Backstage, export.OpenSLO} {
		ex := build(t, f, c)
		docs := decodeStream(t, ex.Bytes())
		if len(docs) != len(ex.Files) {
			t.Errorf("%s: %d documents in the stream, %d files", f, len(docs), len(ex.Files))
		}
		seen := map[string]bool{}
		for i, file := range ex.Files {
			if seen[file.Name] {
				t.Errorf("%s: file %s twice", f, file.Name)
			}
			seen[file.Name] = true
			d := decodeStream(t, file.Data)
			if len(d) != 1 {
				t.Fatalf("%s: %s holds %d documents", f, file.Name, len(d))
			}
			md := d[0]["metadata"].(map[string]any)
			want := strings.ToLower(d[0]["kind"].(string)) + "-" + md["name"].(string) + ".yaml"
			if file.Name != want {
				t.Errorf("%s: document %d is in %s, want %s", f, i, file.Name, want)
			}
		}
	}
}

// decodeStream reads a YAML stream into plain JSON-like values.
func decodeStream(t testing.TB, data []byte) []map[string]any {
	t.Helper()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var out []map[string]any
	for {
		var m map[string]any
		err := dec.Decode(&m)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("export is not valid YAML: %v", err)
		}
		out = append(out, m)
	}
}

func readCSV(t testing.TB, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("not RFC 4180 CSV: %v", err)
	}
	return rows
}

// exportedIDs are the svccat ids an export must hold once each: every
// entity but the retired services (and, per format, what it covers).
func exportedIDs(c *catalog.Catalog, format string) []string {
	var ids []string
	c.Each(func(n catalog.Named) {
		e := n.Meta()
		if s, ok := n.(*catalog.Service); ok {
			if !export.Exported(s) {
				return
			}
			if format == export.OpenSLO && len(s.SLOs) == 0 {
				return
			}
		} else if format != export.Backstage || e.Kind == catalog.KindStakeholder || e.Kind == catalog.KindMeasurement {
			return
		}
		ids = append(ids, e.ID())
	})
	sort.Strings(ids)
	return ids
}

// idsIn collects the svccat ids an export holds, with repeats.
func idsIn(t testing.TB, format string, ex *export.Export) []string {
	t.Helper()
	var ids []string
	if format == export.CSDM {
		for _, f := range ex.Files {
			if f.Name == export.RelationshipsFile {
				continue
			}
			rows := readCSV(t, f.Data)
			col := indexOf(rows[0], "svccat_id")
			for _, r := range rows[1:] {
				ids = append(ids, r[col])
			}
		}
		sort.Strings(ids)
		return ids
	}
	for _, d := range decodeStream(t, ex.Bytes()) {
		md := d["metadata"].(map[string]any)
		ann, _ := md["annotations"].(map[string]any)
		if id, ok := ann[export.IDAnnotation].(string); ok {
			ids = append(ids, id)
		}
		if ps, ok := ann[export.AnnotationPrefix+"personas"].(string); ok {
			var list []struct{ ID string }
			if err := json.Unmarshal([]byte(ps), &list); err != nil {
				t.Fatalf("svccat.dev/personas is not JSON: %v", err)
			}
			for _, p := range list {
				ids = append(ids, p.ID)
			}
		}
	}
	sort.Strings(ids)
	return ids
}

func indexOf(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

// TestIDsOnce: every svccat entity the format covers appears exactly
// once, and nothing else does.
func TestIDsOnce(t *testing.T) {
	c := loadCatalog(t, acme)
	for _, f := range export.Formats() {
		t.Run(f, func(t *testing.T) { checkIDsOnce(t, c, f, build(t, f, c)) })
	}
}

func checkIDsOnce(t *testing.T, c *catalog.Catalog, format string, ex *export.Export) {
	t.Helper()
	want, got := exportedIDs(c, format), idsIn(t, format, ex)
	if strings.Join(want, "\n") != strings.Join(got, "\n") {
		t.Errorf("%s: ids differ:\nwant %d: %v\ngot %d: %v", format, len(want), head(want), len(got), head(got))
	}
}

func head(xs []string) []string {
	if len(xs) > 20 {
		return xs[:20]
	}
	return xs
}

// generated writes and loads a catalog of n services.
func generated(t testing.TB, n int) *catalog.Catalog {
	t.Helper()
	dir := t.TempDir()
	if _, err := catalogtest.Write(dir, catalogtest.Options{Services: n}); err != nil {
		t.Fatal(err)
	}
	return loadCatalog(t, dir)
}

// TestGenerated: a 1,000-service catalog exports in every format with
// every id once, valid under each target's validator, and no reference
// left dangling.
func TestGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("a 1,000-service catalog; skipped with -short")
	}
	c := generated(t, 1000)
	for _, f := range export.Formats() {
		t.Run(f, func(t *testing.T) {
			ex := build(t, f, c)
			checkIDsOnce(t, c, f, ex)
			switch f {
			case export.Backstage:
				checkBackstage(t, ex)
			case export.OpenSLO:
				checkOpenSLO(t, ex)
			case export.CSDM:
				checkCSDM(t, c, ex)
			}
		})
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := export.Build("cmdb", &catalog.Catalog{}, export.Options{}); err == nil || !strings.Contains(err.Error(), "backstage, openslo, csdm") {
		t.Errorf("err = %v", err)
	}
}

// writeCatalog writes files into a fresh folder and loads it.
func writeCatalog(t *testing.T, files map[string]string) *catalog.Catalog {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return loadCatalog(t, dir)
}

// lifecycles is a catalog with a service in each lifecycle, dependencies
// on each, links, a person and a stakeholder.
const lifecycles = `apiVersion: svccat/v1
kind: Team
metadata: {name: ops}
spec: {contact: "#ops", oncall: https://pager.example.com/ops, crews: 2}
---
apiVersion: svccat/v1
kind: Person
metadata: {name: ana, title: Ana Ruiz}
spec: {team: ops, role: CIO, leadership: true}
---
apiVersion: svccat/v1
kind: Stakeholder
metadata: {name: dana}
spec: {organisation: business, role: CFO, power: 90, influence: 70}
---
apiVersion: svccat/v1
kind: Site
metadata: {name: dc1}
---
apiVersion: svccat/v1
kind: Site
metadata: {name: dc2}
---
apiVersion: svccat/v1
kind: Service
metadata:
  name: app
  links:
    - {url: "https://grafana.example.com/d/app", title: Dashboard, type: dashboard}
    - {url: "wiki/app", title: Wiki page, type: docs}
spec:
  type: supporting
  owner: ops
  sites: [dc1]
  restore: {strategy: failover, failover: 15m, standby: [dc2], backupInterval: 1h, crew: ops, runbook: "https://wiki.example.com/app"}
  dependsOn: [planned, going, gone]
---
apiVersion: svccat/v1
kind: Service
metadata: {name: planned}
spec: {type: supporting, lifecycle: pipeline, owner: ops}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: going}
spec: {type: supporting, lifecycle: retiring, owner: ops, slos: [{name: up, indicator: availability, objective: 99, window: 7d}]}
---
apiVersion: svccat/v1
kind: Service
metadata: {name: gone}
spec: {type: supporting, lifecycle: retired, owner: ops, slos: [{name: up, indicator: availability, objective: 99, window: 7d}]}
`

// TestLifecycles: pipeline and retiring services are exported with
// their lifecycle, retired ones are not, and neither are dependencies
// on them (a note says so).
func TestLifecycles(t *testing.T) {
	c := writeCatalog(t, map[string]string{"c.yaml": lifecycles})
	for _, f := range export.Formats() {
		t.Run(f, func(t *testing.T) {
			ex := build(t, f, c)
			checkIDsOnce(t, c, f, ex)
			var all strings.Builder
			for _, file := range ex.Files {
				all.Write(file.Data)
			}
			out := all.String()
			if strings.Contains(out, "Service/gone") {
				t.Errorf("the retired service is exported:\n%s", out)
			}
			if f != export.OpenSLO && !strings.Contains(strings.Join(ex.Notes, "\n"), `app depends on the retired service gone, which is not exported`) {
				t.Errorf("notes %q", ex.Notes)
			}
			switch f {
			case export.Backstage:
				checkBackstage(t, ex)
				for _, want := range []string{"lifecycle: experimental", "svccat.dev/lifecycle: pipeline", "svccat.dev/lifecycle: retiring",
					"- component:planned\n    - component:going\n    - resource:dc1\n", `{"service":"gone","type":"hard","weight":"1","retired":true}`,
					"svccat.dev/restore-strategy: failover", "svccat.dev/standby: dc2", "svccat.dev/backup-interval: 1h", "svccat.dev/failover: 15m",
					"svccat.dev/oncall: https://pager.example.com/ops", `svccat.dev/crews: '2'`,
					"- url: https://grafana.example.com/d/app\n      title: Dashboard\n      type: dashboard\n",
					"title: Restore runbook", `svccat.dev/links: '[{"url":"wiki/app","title":"Wiki page","type":"docs"}]'`,
					"kind: User\nmetadata:\n  name: ana\n", "memberOf:\n    - group:ops\n", `svccat.dev/leadership: 'true'`} {
					if !strings.Contains(out, want) {
						t.Errorf("export lacks %q", want)
					}
				}
				if !strings.Contains(strings.Join(ex.Notes, "\n"), "leaves out 1 Stakeholder and 0 Measurements") {
					t.Errorf("notes %q", ex.Notes)
				}
			case export.OpenSLO:
				checkOpenSLO(t, ex)
				if !strings.Contains(out, "svccat.dev/lifecycle: retiring") || strings.Contains(out, "gone") {
					t.Errorf("export:\n%s", out)
				}
			case export.CSDM:
				checkCSDM(t, c, ex)
				for _, want := range []string{",Pipeline,pipeline,", ",Operational,retiring,", "app,going,Depends on::Used by", "app,planned,Depends on::Used by"} {
					if !strings.Contains(out, want) {
						t.Errorf("export lacks %q:\n%s", want, out)
					}
				}
			}
		})
	}
}
