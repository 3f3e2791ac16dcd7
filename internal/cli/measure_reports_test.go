package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/golden"
)

// TestMeasureReportsGolden pins svccat review and svccat relationships on
// the example catalog, whose config fixes the as-of date, in every format
// and grouping.
func TestMeasureReportsGolden(t *testing.T) {
	acme := filepath.Join("..", "..", "examples", "acme")
	cases := [][]string{
		{"review"},
		{"review", "--format", "json"},
		{"review", "--format", "csv"},
		{"review", "--format", "markdown"},
		{"review", "--all", "--format", "json"},
		{"review", "--period", "2026-09"},
		{"review", "--by", "segment"},
		{"review", "--by", "market", "--format", "json"},
		{"relationships"},
		{"relationships", "--format", "json"},
		{"relationships", "--format", "csv"},
		{"relationships", "--format", "markdown"},
		{"relationships", "--by", "segment"},
		{"relationships", "--by", "market", "--format", "json"},
		{"relationships", "--by", "person"},
		{"relationships", "--by", "person", "--format", "json"},
		{"relationships", "--as-of", "2027-03-01"},
	}
	for _, args := range cases {
		name := strings.ReplaceAll(strings.Join(args, "_"), "--", "")
		t.Run(name, func(t *testing.T) {
			code, stdout, stderr := run(t, append(args, acme)...)
			if code != 0 {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			if stderr != "" {
				t.Errorf("stderr: %s", stderr)
			}
			golden.Check(t, filepath.Join("testdata", "measure", name+".golden"), []byte(stdout))
		})
	}
}
