package export_test

import (
	"testing"

	"github.com/svccat/svccat/internal/export"
)

// BenchmarkExport10k measures building each export of a 10,000-service
// catalog (42,010 entities) once it is loaded. Target (README,
// Performance): no more than one lint of the same catalog (load and every
// rule, BenchmarkLint in internal/load), so `svccat export` costs at most
// twice a lint.
func BenchmarkExport10k(b *testing.B) {
	c := generated(b, 10000)
	for _, f := range export.Formats() {
		b.Run(f, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				ex := build(b, f, c)
				if len(ex.Files) == 0 {
					b.Fatal("empty export")
				}
			}
		})
	}
}
