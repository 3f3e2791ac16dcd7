package docs

import (
	"path/filepath"
	"testing"

	"github.com/svccat/svccat/internal/catalogtest"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/lint/rules"
	"github.com/svccat/svccat/internal/load"
)

// The speed target is svccat docs for 1,000 services (about 4,000
// entities, so 4,000 pages) in under 2 s. The benchmarks split the run:
// building the site is svccat's work; writing 4,000 new files is mostly
// the file system's (creating a file and renaming it into place).

// BenchmarkBuild1000 builds the site of 1,000 generated services.
func BenchmarkBuild1000(b *testing.B) {
	in := generated(b, 1000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Build(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck1000 is svccat docs --check on a current site, the run
// CI makes on every pull request: load, lint, build, and compare with the
// 4,000 files on disk.
func BenchmarkCheck1000(b *testing.B) {
	dir := b.TempDir()
	if _, err := catalogtest.Write(dir, catalogtest.Options{Services: 1000}); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "docs")
	pages, err := Build(loadInput(b, dir))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := Write(out, pages, Options{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pages, err := Build(loadInput(b, dir))
		if err != nil {
			b.Fatal(err)
		}
		changes, err := Diff(out, pages, Options{})
		if err != nil || len(changes) > 0 {
			b.Fatalf("Diff: %v, %d changes", err, len(changes))
		}
	}
}

// BenchmarkWriteFresh1000 writes the 4,000 pages of 1,000 services into
// an empty folder.
func BenchmarkWriteFresh1000(b *testing.B) {
	pages, err := Build(generated(b, 1000))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
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
	return loadInput(b, dir)
}

func loadInput(b *testing.B, dir string) Input {
	cfg, err := load.Config("", []string{dir})
	if err != nil {
		b.Fatal(err)
	}
	c := load.Catalog([]string{dir}, load.Options{})
	res, err := lint.Run(c, cfg, rules.All())
	if err != nil {
		b.Fatal(err)
	}
	return Input{Catalog: c.Catalog, Config: cfg, Lint: res}
}
