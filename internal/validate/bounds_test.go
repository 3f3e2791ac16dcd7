package validate

import (
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/source"
)

// TestRangeLimits (SPEC §2, §6): durations over 100 years and amounts over
// 15 integer digits or 6 decimals are schema issues at their position;
// before, the decoder dropped them silently (an RTO of 876001h read as
// none).
func TestRangeLimits(t *testing.T) {
	const dur = "is out of range: a duration is at most 876000h (100 years)"
	const money = "is out of range: an amount has at most 15 digits before the point and 6 after"
	for _, c := range []struct {
		field string
		col   int
		want  string // "" means valid
	}{
		{"impact: {rto: 876000h}", 0, ""},
		{"impact: {rto: 36500d}", 0, ""},
		{"impact: {rto: 876001h}", 17, "spec.impact.rto: 876001h " + dur},
		{"impact: {rpo: 36500d1s}", 17, "spec.impact.rpo: 36500d1s " + dur},
		{"impact: {rto: 99999999999999999999w}", 17, dur},
		{"restore: {duration: 5218w}", 23, "spec.restore.duration: 5218w " + dur},
		{"slos: [{name: a, indicator: availability, objective: 99, window: 876001h}]", 68, "spec.slos[0].window: 876001h " + dur},
		{"cost: {pools: {hardware: 999999999999999.999999}}", 0, ""},
		{"cost: {pools: {hardware: 1.100000000}}", 0, ""},
		{"cost: {pools: {hardware: 1000000000000000}}", 28, "spec.cost.pools.hardware: 1000000000000000 " + money},
		{"cost: {pools: {hardware: 0.1234567}}", 28, money},
		{`cost: {pools: {hardware: "0.1234567"}}`, 28, money},
		{"cost: {pools: {hardware: 1e15}}", 28, money},
		{"consumption: {unit: u, planned: 1, price: 1.0000001}", 45, "spec.consumption.price: 1.0000001 " + money},
	} {
		doc := "apiVersion: svccat/v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: supporting\n  " + c.field + "\n"
		docs, probs := source.Parse("x.yaml", []byte(doc))
		if len(probs) > 0 || len(docs) != 1 {
			t.Fatalf("%s: %v", c.field, probs)
		}
		res := Document(docs[0])
		if c.want == "" {
			if len(res.Issues) != 0 {
				t.Errorf("%s: issues %v", c.field, res.Issues)
			}
			continue
		}
		if len(res.Issues) != 1 || !strings.Contains(res.Issues[0].Message, c.want) || res.Issues[0].Pos.Line != 6 || res.Issues[0].Pos.Col != c.col {
			t.Errorf("%s: issues %v, want one at 6:%d containing %q", c.field, res.Issues, c.col, c.want)
		}
	}
}
