package rules

import (
	"os"
	"testing"

	"github.com/svccat/svccat/internal/catalogtest"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/load"
)

// BenchmarkInternalFocus measures the rule alone on the generated
// 10,000-service catalog that internal/load's BenchmarkLint lints whole
// (the budget: at most 5% of that). "corpus-names" gives the catalog's
// business services the corpus's titles and descriptions, so the rule
// reads real names rather than "Service 17".
func BenchmarkInternalFocus(b *testing.B) {
	dir, err := os.MkdirTemp("", "svccat-focus-bench-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if _, err := catalogtest.Write(dir, catalogtest.Options{Services: 10000}); err != nil {
		b.Fatal(err)
	}
	cfg, err := load.Config("", []string{dir})
	if err != nil {
		b.Fatal(err)
	}
	l := load.Catalog([]string{dir}, load.Options{})
	bench := func(r *lint.Rule) func(*testing.B) {
		return func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := lint.Run(l, cfg, []*lint.Rule{r}); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	run := bench(InternalFocus)
	// What lint.Run costs around any rule (suppressions, sorting): the
	// rule's own cost is the difference.
	b.Run("no-op-rule", bench(&lint.Rule{Name: "no-op", Run: func(*lint.Pass) {}}))
	b.Run("generated", run)
	var es []corpusEntry
	for _, part := range []string{"tuning.yaml", "heldout.yaml"} {
		es = append(es, readCorpus(b, part)...)
	}
	i := 0
	for _, s := range l.Catalog.Services {
		if s.IsBusiness() {
			e := es[i%len(es)]
			s.Title, s.Description = e.Title, e.Description
			i++
		}
	}
	b.Run("corpus-names", run)
}
