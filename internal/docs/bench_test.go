package docs

import (
	"path/filepath"
	"testing"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/catalogtest"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/lint/rules"
)

// BenchmarkBuild1000 builds the site of a generated catalog of 1,000
// services (about 4,000 entities, so 4,000 pages). The target is well
// under 2 s for the whole of svccat docs; see BenchmarkDocs1000.
func BenchmarkBuild1000(b *testing.B) {
	in := generated(b, 1000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Build(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocs1000 is what svccat docs --out does for 1,000 services:
// load, lint, build and write the site into a fresh folder.
func BenchmarkDocs1000(b *testing.B) {
	dir := b.TempDir()
	if _, err := catalogtest.Write(dir, catalogtest.Options{Services: 1000}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		in := load(b, dir)
		pages, err := Build(in)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Write(filepath.Join(b.TempDir(), "docs"), pages, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func generated(b *testing.B, services int) Input {
	dir := b.TempDir()
	if _, err := catalogtest.Write(dir, catalogtest.Options{Services: services}); err != nil {
		b.Fatal(err)
	}
	return load(b, dir)
}

func load(b *testing.B, dir string) Input {
	cfg, err := config.Find("", []string{dir})
	if err != nil {
		b.Fatal(err)
	}
	c := catalog.Load([]string{dir}, catalog.Options{})
	res, err := lint.Run(c, cfg, rules.All())
	if err != nil {
		b.Fatal(err)
	}
	return Input{Catalog: c, Config: cfg, Lint: res}
}
