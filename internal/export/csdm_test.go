package export_test

import (
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/export"
)

// checkCSDM reads the three files back as RFC 4180 CSV and checks their
// columns, values and that every relationship joins two exported
// services of the class it names, once per dependency.
func checkCSDM(t *testing.T, c *catalog.Catalog, ex *export.Export) {
	t.Helper()
	if len(ex.Files) != 3 || ex.Files[0].Name != export.BusinessServicesFile || ex.Files[1].Name != export.TechnicalServicesFile || ex.Files[2].Name != export.RelationshipsFile {
		t.Fatalf("files %v", ex.Files)
	}
	class := map[string]string{} // service name → class
	for i, f := range ex.Files[:2] {
		rows := readCSV(t, f.Data)
		if strings.Join(rows[0], ",") != strings.Join(export.ServiceColumns, ",") {
			t.Fatalf("%s: header %v", f.Name, rows[0])
		}
		want := []string{export.BusinessServiceClass, export.TechnicalServiceClass}[i]
		crit := indexOf(rows[0], "criticality")
		for _, r := range rows[1:] {
			if class[r[0]] != "" {
				t.Errorf("%s: service %s twice", f.Name, r[0])
			}
			class[r[0]] = want
			switch r[crit] {
			case "", "1 - most critical", "2 - somewhat critical", "3 - less critical", "4 - not critical":
			default:
				t.Errorf("%s: %s: criticality %q", f.Name, r[0], r[crit])
			}
		}
	}
	rows := readCSV(t, ex.Files[2].Data)
	if strings.Join(rows[0], ",") != strings.Join(export.RelationshipColumns, ",") {
		t.Fatalf("relationships header %v", rows[0])
	}
	seen := map[string]bool{}
	for _, r := range rows[1:] {
		parent, child := r[0], r[1]
		if class[parent] == "" || class[child] == "" {
			t.Errorf("relationship %s → %s: a service that is not exported", parent, child)
		}
		if r[2] != export.CSDMRelationshipType || r[3] != class[parent] || r[4] != class[child] {
			t.Errorf("relationship %v: type or class wrong", r)
		}
		if seen[parent+"\x00"+child] {
			t.Errorf("relationship %s → %s twice", parent, child)
		}
		seen[parent+"\x00"+child] = true
	}
	want := 0
	for _, s := range c.Services {
		done := map[string]bool{}
		for _, d := range s.DependsOn {
			if export.Exported(s) && d.To != nil && export.Exported(d.To) && !done[d.To.Name] {
				done[d.To.Name] = true
				want++
				if !seen[s.Name+"\x00"+d.To.Name] {
					t.Errorf("dependency %s → %s has no relationship", s.Name, d.To.Name)
				}
			}
		}
	}
	if want != len(rows)-1 {
		t.Errorf("%d relationships, want %d", len(rows)-1, want)
	}
}

func TestCSDMValidates(t *testing.T) {
	c := loadCatalog(t, acme)
	checkCSDM(t, c, build(t, export.CSDM, c))
}

func TestCSDMMapping(t *testing.T) {
	for tier, want := range map[int]string{0: "1 - most critical", 1: "1 - most critical", 2: "2 - somewhat critical", 3: "3 - less critical", 4: "4 - not critical"} {
		if got := export.CSDMCriticality(&tier); got != want {
			t.Errorf("tier %d → %q, want %q", tier, got, want)
		}
	}
	if got := export.CSDMCriticality(nil); got != "" {
		t.Errorf("no tier → %q", got)
	}
	for l, want := range map[string]string{"pipeline": "Pipeline", "live": "Operational", "retiring": "Operational"} {
		if got := export.CSDMOperationalStatus(l); got != want {
			t.Errorf("%s → %s, want %s", l, got, want)
		}
	}
}

// TestCSDMQuoting: commas, quotes and line ends in a value survive a
// round trip through a CSV reader.
func TestCSDMQuoting(t *testing.T) {
	c := writeCatalog(t, map[string]string{"c.yaml": `apiVersion: svccat/v1
kind: Service
metadata:
  name: odd
  title: 'Odd, "quoted"'
  description: "line one\r\nline two\rline three"
spec: {type: business}
`})
	ex := build(t, export.CSDM, c)
	checkCSDM(t, c, ex)
	rows := readCSV(t, ex.Files[0].Data)
	if len(rows) != 2 || rows[1][1] != `Odd, "quoted"` || rows[1][2] != "line one\nline two\nline three" {
		t.Errorf("rows %q", rows)
	}
	if !strings.HasSuffix(string(ex.Files[0].Data), "\r\n") {
		t.Error("rows do not end with CRLF")
	}
}
