package export_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/OpenSLO/go-sdk/pkg/openslo"
	v1 "github.com/OpenSLO/go-sdk/pkg/openslo/v1"
	"github.com/OpenSLO/go-sdk/pkg/openslosdk"

	"github.com/svccat/svccat/internal/export"
)

// checkOpenSLO decodes the export with OpenSLO's SDK, validates every
// document with its validators (also with each SLI inlined into its SLO,
// which checks the objectives against the indicator), and resolves every
// reference: SLO → Service and SLI, SLI → DataSource.
func checkOpenSLO(t *testing.T, ex *export.Export) {
	t.Helper()
	objects, err := openslosdk.Decode(bytes.NewReader(ex.Bytes()), openslosdk.FormatYAML)
	if err != nil {
		t.Fatalf("OpenSLO SDK cannot decode the export: %v", err)
	}
	if len(objects) != len(ex.Files) {
		t.Fatalf("SDK decoded %d objects from %d documents", len(objects), len(ex.Files))
	}
	if err := openslosdk.Validate(objects...); err != nil {
		t.Fatalf("the export does not validate: %v", err)
	}
	inlined, err := openslosdk.NewReferenceInliner(objects...).RemoveReferencedObjects().Inline()
	if err != nil {
		t.Fatalf("a reference does not resolve: %v", err)
	}
	if err := openslosdk.Validate(inlined...); err != nil {
		t.Fatalf("the export with its SLIs inlined does not validate: %v", err)
	}
	names := map[openslo.Kind]map[string]bool{}
	for _, o := range objects {
		if names[o.GetKind()] == nil {
			names[o.GetKind()] = map[string]bool{}
		}
		if names[o.GetKind()][o.GetName()] {
			t.Errorf("%s %s twice", o.GetKind(), o.GetName())
		}
		names[o.GetKind()][o.GetName()] = true
	}
	sources := func(where string, m *v1.SLIMetricSpec) {
		if m == nil {
			return
		}
		if ref := m.MetricSource.MetricSourceRef; !names[openslo.KindDataSource][ref] {
			t.Errorf("%s: metricSourceRef %q names no DataSource in the export", where, ref)
		}
	}
	for _, o := range objects {
		switch o := o.(type) {
		case v1.SLO:
			if !names[openslo.KindService][o.Spec.Service] {
				t.Errorf("SLO %s: service %q is not in the export", o.Metadata.Name, o.Spec.Service)
			}
			if o.Spec.IndicatorRef == nil || !names[openslo.KindSLI][*o.Spec.IndicatorRef] {
				t.Errorf("SLO %s: indicatorRef does not name an SLI in the export", o.Metadata.Name)
			}
		case v1.SLI:
			if rm := o.Spec.RatioMetric; rm != nil {
				sources("SLI "+o.Metadata.Name+" good", rm.Good)
				sources("SLI "+o.Metadata.Name+" bad", rm.Bad)
				sources("SLI "+o.Metadata.Name+" total", rm.Total)
			}
			sources("SLI "+o.Metadata.Name, o.Spec.ThresholdMetric)
		}
	}
}

func TestOpenSLOValidates(t *testing.T) {
	checkOpenSLO(t, build(t, export.OpenSLO, loadCatalog(t, acme)))
}

// TestOpenSLOValidatorCatches: the SDK's validators fail on a target of
// 1 (an objective of 100) and a dangling indicatorRef fails to inline,
// so a passing export means something.
func TestOpenSLOValidatorCatches(t *testing.T) {
	ex := build(t, export.OpenSLO, loadCatalog(t, acme))
	data := ex.Bytes()
	broken := bytes.Replace(data, []byte("target: 0.999\n"), []byte("target: 1\n"), 1)
	if bytes.Equal(broken, data) {
		t.Fatal("no target 0.999 in the export")
	}
	objects, err := openslosdk.Decode(bytes.NewReader(broken), openslosdk.FormatYAML)
	if err != nil {
		t.Fatal(err)
	}
	if err := openslosdk.Validate(objects...); err == nil {
		t.Error("a target of 1 validates")
	}
	dangling := bytes.Replace(data, []byte("indicatorRef: corporate-email-availability\n"), []byte("indicatorRef: nowhere\n"), 1)
	objects, err = openslosdk.Decode(bytes.NewReader(dangling), openslosdk.FormatYAML)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := openslosdk.NewReferenceInliner(objects...).Inline(); err == nil {
		t.Error("a dangling indicatorRef inlines")
	}
}

// TestOpenSLOMapping: target = objective / 100 exactly, windows in
// OpenSLO's one-unit shorthand, SLO names that are DNS labels and unique.
func TestOpenSLOMapping(t *testing.T) {
	c := writeCatalog(t, map[string]string{"c.yaml": `apiVersion: svccat/v1
kind: Service
metadata: {name: ` + strings.Repeat("s", 60) + `}
spec:
  type: supporting
  slos:
    - {name: "Availability (monthly)", indicator: availability, objective: 99.95, window: 30d}
    - {name: "availability-monthly", indicator: availability, objective: 99.9, window: 1h30m}
    - {name: "p99 latency", indicator: latency, objective: 99}
    - {name: "freshness", indicator: freshness, objective: 0.5, window: 90s}
    - {name: "weekly", indicator: other, objective: 95, window: 2w}
`})
	ex := build(t, export.OpenSLO, c)
	checkOpenSLO(t, ex)
	out := string(ex.Bytes())
	for _, want := range []string{"target: 0.9995\n", "target: 0.999\n", "target: 0.99\n", "target: 0.005\n", "target: 0.95\n",
		"duration: 30d\n", "duration: 90m\n", "duration: 2m\n", "duration: 2w\n", "budgetingMethod: Occurrences\n", "isRolling: true\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q", strings.TrimSpace(want))
		}
	}
	if n := strings.Count(out, "\nkind: SLO\n"); n != 5 {
		t.Errorf("%d SLOs, want 5", n)
	}
	var notes string
	for _, n := range ex.Notes {
		notes += n + "\n"
	}
	for _, want := range []string{`SLO "p99 latency" has no window; the export assumes a rolling 30d`, `window 1m30s is not a whole number of minutes; the export rounds it up to 2m`, `placeholder DataSource "prometheus-main"`} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
}
