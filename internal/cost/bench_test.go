package cost_test

import (
	"math/rand/v2"
	"testing"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/cost"
)

// The allocation of a 10,000-service catalog built in memory (loading is
// not measured) should take under 200 ms.

// BenchmarkAllocate10k: supporting services in four layers, whole-number
// weights — the shape of a real catalog.
func BenchmarkAllocate10k(b *testing.B) {
	benchAllocate(b, randomCatalog(rand.New(rand.NewPCG(1, 2)), 10000, shape{layers: 4}))
}

// BenchmarkAllocate10kDeep: an arbitrary DAG of 2,000 supporting services
// with chains hundreds deep and decimal weights, so the exact fractions
// grow to hundreds of bits: a worst case, not a target.
func BenchmarkAllocate10kDeep(b *testing.B) {
	benchAllocate(b, randomCatalog(rand.New(rand.NewPCG(1, 2)), 10000, shape{decimalWeights: true}))
}

func benchAllocate(b *testing.B, c *catalog.Catalog) {
	cfg := config.Default()
	for b.Loop() {
		cost.Allocate(c, cfg, "month")
	}
}

// BenchmarkReport10k groups and rounds the layered 10,000-service
// allocation by service, tracing every row's allocated cost to its
// sources: what svccat cost does after Allocate.
func BenchmarkReport10k(b *testing.B) {
	a := cost.Allocate(randomCatalog(rand.New(rand.NewPCG(1, 2)), 10000, shape{layers: 4}), config.Default(), "month")
	for b.Loop() {
		if _, err := cost.NewReport(a, cost.ByService); err != nil {
			b.Fatal(err)
		}
	}
}
