package diff

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWalk(t *testing.T) {
	n := func(s string) json.Number { return json.Number(s) }
	before := map[string]any{
		"apiVersion": "svccat/v1",
		"metadata":   map[string]any{"name": "erp", "annotations": map[string]any{"svccat.dev/ignore": "missing-slo"}},
		"spec": map[string]any{
			"impact":    map[string]any{"rto": "4h", "tier": n("1")},
			"segments":  []any{"a", "b"},
			"cost":      map[string]any{"pools": map[string]any{"hardware": n("14.10")}},
			"dependsOn": []any{"db"},
		},
	}
	after := map[string]any{
		"apiVersion": "svccat/v1",
		"metadata":   map[string]any{"name": "erp", "annotations": map[string]any{"svccat.dev/ignore": "missing-cost"}},
		"spec": map[string]any{
			"impact":    map[string]any{"rto": "2h", "tier": n("1")},
			"segments":  []any{"b", "a"},
			"cost":      map[string]any{"pools": map[string]any{"hardware": n("14.1")}},
			"dependsOn": []any{"db"},
			"owner":     "ops",
		},
	}
	var got []Field
	walk("", before, after, &got)
	want := []Field{
		{Path: `metadata.annotations["svccat.dev/ignore"]`, Before: "missing-slo", After: "missing-cost"},
		// Numbers as written: 14.10 and 14.1 differ.
		{Path: "spec.cost.pools.hardware", Before: n("14.10"), After: n("14.1")},
		{Path: "spec.impact.rto", Before: "4h", After: "2h"},
		{Path: "spec.owner", Before: nil, After: "ops"},
		// Lists whole, in their order.
		{Path: "spec.segments", Before: []any{"a", "b"}, After: []any{"b", "a"}},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("walk (-want +got):\n%s", d)
	}
	got = nil
	walk("", before, before, &got)
	if len(got) != 0 {
		t.Errorf("a document against itself: %v", got)
	}
	// A string "1" and a number 1 differ; a scalar turned into a map is one field.
	got = nil
	walk("", map[string]any{"a": "1", "b": "x"}, map[string]any{"a": n("1"), "b": map[string]any{"c": "x"}}, &got)
	if len(got) != 2 || got[0].Path != "a" || got[1].Path != "b" {
		t.Errorf("type changes: %v", got)
	}
}

func TestMinus(t *testing.T) {
	if d := cmp.Diff([]string{"a", "d"}, minus([]string{"a", "b", "c", "d"}, []string{"b", "c", "e"})); d != "" {
		t.Error(d)
	}
}
