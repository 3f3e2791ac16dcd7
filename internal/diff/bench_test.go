package diff_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/catalogtest"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/diff"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/lint/rules"
	"github.com/svccat/svccat/internal/load"
)

// benchTrees writes two generated 10,000-service catalogs: the base, and a
// head where a pull request changed a few services (a restore duration,
// a cost, a dependency) — the size of change a reviewer reads.
func benchTrees(b *testing.B) (base, head string) { return benchTreesN(b, 10000) }

func benchTreesN(b *testing.B, services int) (base, head string) {
	b.Helper()
	dir := b.TempDir()
	base, head = filepath.Join(dir, "base"), filepath.Join(dir, "head")
	for _, d := range []string{base, head} {
		if _, err := catalogtest.Write(d, catalogtest.Options{Services: services}); err != nil {
			b.Fatal(err)
		}
	}
	// Service files hold 10 services each, in index order.
	edit := func(file, old, new string) {
		p := filepath.Join(head, "services", file)
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if !strings.Contains(string(data), old) {
			b.Fatalf("%s: no %q", file, old)
		}
		if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	edit("services-00000.yaml", "restore: {duration: 30m", "restore: {duration: 3h")
	edit("services-00050.yaml", "software: ", "software: 9")
	edit("services-00090.yaml", "restore: {duration: 30m", "restore: {duration: 2d")
	return base, head
}

func side(b *testing.B, dir string, cfg *config.Config, keep bool) diff.Side {
	r := load.Catalog([]string{dir}, load.Options{KeepWritten: keep})
	res, err := lint.Run(r, cfg, rules.All())
	if err != nil {
		b.Fatal(err)
	}
	return diff.Side{Catalog: r.Catalog, Config: cfg, Findings: res.Findings}
}

// BenchmarkLint10k is what one lint of one tree costs, in process: the
// yardstick for BenchmarkDiff10k (target: at most 2.5 times this).
func BenchmarkLint10k(b *testing.B) {
	base, _ := benchTrees(b)
	cfg, err := load.Config("", []string{base})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		side(b, base, cfg, false)
	}
}

// BenchmarkDiff10k is svccat diff of two 10,000-service trees: both
// loaded (documents kept as written) and linted, then compared — the
// entities, the total-loss and ten per-site restore plans on each side,
// impact, cost by service, segment and market, traceability.
func BenchmarkDiff10k(b *testing.B) {
	base, head := benchTrees(b)
	cfg, err := load.Config("", []string{head})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		ch := diff.Compare(side(b, base, cfg, true), side(b, head, cfg, true), diff.Options{})
		if len(ch.Entities.Changed) != 3 || len(ch.Restore) == 0 || ch.Cost == nil {
			b.Fatalf("unexpected change: %d entities changed, %d scenarios", len(ch.Entities.Changed), len(ch.Restore))
		}
	}
}

// BenchmarkCompare2k is the comparison alone, on two loaded and linted
// 2,000-service trees: what diff adds to the two lints.
func BenchmarkCompare2k(b *testing.B) {
	base, head := benchTreesN(b, 2000)
	cfg, err := load.Config("", []string{head})
	if err != nil {
		b.Fatal(err)
	}
	bs, hs := side(b, base, cfg, true), side(b, head, cfg, true)
	b.ReportAllocs()
	for b.Loop() {
		diff.Compare(bs, hs, diff.Options{})
	}
}
