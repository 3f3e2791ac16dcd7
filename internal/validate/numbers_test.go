package validate

import (
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/source"
)

// TestNumberLiterals: numbers are read the way the catalog reads them —
// decimal, exact, bounded — so the schema and the reports never disagree
// and no literal is expensive to check.
func TestNumberLiterals(t *testing.T) {
	for _, c := range []struct {
		field string
		want  string // "" means valid
	}{
		{"cost: {pools: {hardware: 017}}", ""},
		{"cost: {pools: {hardware: 1_000.50}}", ""},
		{"cost: {pools: {hardware: 1e3}}", ""},
		{"cost: {pools: {hardware: 0x10}}", "must be a non-negative decimal amount"},
		{"cost: {pools: {hardware: 1e-999999}}", "must be a non-negative decimal amount"},
		{"cost: {pools: {hardware: .inf}}", "must be a non-negative decimal amount"},
		{"impact: {tier: 0x2}", "want a whole number"},
		{"impact: {tier: 0o3}", "want a whole number"},
		{"impact: {tier: 03}", ""},
		{"consumption: {planned: " + strings.Repeat("9", 2000) + "}", "want a number"},
	} {
		doc := "apiVersion: svccat/v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: supporting\n  " + c.field + "\n"
		docs, probs := source.Parse("x.yaml", []byte(doc))
		if len(probs) > 0 || len(docs) != 1 {
			t.Fatalf("%s: %v", c.field, probs)
		}
		res := Document(docs[0])
		var msgs []string
		for _, is := range res.Issues {
			msgs = append(msgs, is.Message)
		}
		got := strings.Join(msgs, "; ")
		if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%s: issues %q, want %q", c.field, got, c.want)
		}
	}
}
