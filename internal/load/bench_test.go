package load_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/svccat/svccat/internal/load"

	"github.com/svccat/svccat/internal/catalogtest"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/lint/rules"
)

var (
	genMu   sync.Mutex
	genRoot string
	genDirs = map[int]string{}
)

// TestMain removes the generated catalogs, which outlive a single
// benchmark run (testing calls a benchmark function several times).
func TestMain(m *testing.M) {
	code := m.Run()
	if genRoot != "" {
		os.RemoveAll(genRoot)
	}
	os.Exit(code)
}

// generated writes a catalog of n services once per test binary run.
func generated(b *testing.B, n int) string {
	genMu.Lock()
	defer genMu.Unlock()
	if d, ok := genDirs[n]; ok {
		return d
	}
	if genRoot == "" {
		var err error
		if genRoot, err = os.MkdirTemp("", "svccat-bench-"); err != nil {
			b.Fatal(err)
		}
	}
	d := filepath.Join(genRoot, fmt.Sprintf("catalog-%d", n))
	if _, err := catalogtest.Write(d, catalogtest.Options{Services: n}); err != nil {
		b.Fatal(err)
	}
	genDirs[n] = d
	return d
}

// BenchmarkLint measures what `svccat lint` does: read, validate, decode,
// resolve and run every rule. Targets (README, Performance): 10,000
// services (42,010 entities in 4,201 files) under 3 s and 300 MB.
func BenchmarkLint(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("services=%d", n), func(b *testing.B) {
			dir := generated(b, n)
			cfg, err := load.Config("", []string{dir})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				c := load.Catalog([]string{dir}, load.Options{})
				res, err := lint.Run(c, cfg, rules.All())
				if err != nil {
					b.Fatal(err)
				}
				if s := res.Summary(); s.Errors > 0 {
					b.Fatalf("generated catalog has %d errors: %v", s.Errors, res.Findings[0])
				}
			}
		})
	}
}
