package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/load"

	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/lint"
)

// TestUnresolvedReferenceManyMisses: many unresolved names are a catalog
// linted in part (a folder of a larger one), not typos. Then no name is
// suggested: every suggestion would be noise ("service-5000": did you
// mean "service-1000"?), and searching thousands of names for each of
// thousands of misses took tens of seconds.
func TestUnresolvedReferenceManyMisses(t *testing.T) {
	for _, tc := range []struct {
		misses int
		hint   bool
	}{{maxSuggestions, true}, {maxSuggestions + 1, false}} {
		var b strings.Builder
		for i := range tc.misses {
			fmt.Fprintf(&b, "---\napiVersion: svccat/v1\nkind: Service\nmetadata: {name: service-%04d}\nspec: {type: supporting, dependsOn: [service-%04d]}\n", i, 5000+i)
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "services.yaml"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := lint.Run(load.Catalog([]string{dir}, load.Options{}), config.Default(), []*lint.Rule{UnresolvedReference})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) != tc.misses {
			t.Fatalf("%d misses: %d findings", tc.misses, len(res.Findings))
		}
		for _, f := range res.Findings {
			if got := strings.Contains(f.Message, "did you mean"); got != tc.hint {
				t.Errorf("%d misses: %s: hint %v, want %v", tc.misses, f.Message, got, tc.hint)
				break
			}
		}
	}
}
