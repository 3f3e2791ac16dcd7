package lint_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/load"
)

// everyService reports one finding per service, and a file-level one.
var everyService = &lint.Rule{
	Name:     "every-service",
	Doc:      lint.Doc{Title: "every service", Why: "Test."},
	Severity: finding.Warning,
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Services {
			p.Report(s, s.NamePos, "name", "service %s", s.Name)
		}
		if len(p.Catalog.Services) > 0 {
			p.Report(nil, p.Catalog.Services[0].Pos, "file", "file-level")
		}
	},
}

// twice reports two findings per service.
var twice = &lint.Rule{
	Name:     "twice",
	Doc:      lint.Doc{Title: "twice", Why: "Test."},
	Severity: finding.Info,
	Run: func(p *lint.Pass) {
		for _, s := range p.Catalog.Services {
			p.Report(s, s.NamePos, "one", "one")
			p.Report(s, s.Pos, "two", "two")
		}
	},
}

// record is an AfterSuppression rule that keeps what it saw and reports
// one finding per suppression.
type record struct {
	rule *lint.Rule
	seen []*lint.Suppression
}

func newRecord() *record {
	r := &record{}
	r.rule = &lint.Rule{
		Name:             "record",
		Doc:              lint.Doc{Title: "record", Why: "Test."},
		Severity:         finding.Info,
		AfterSuppression: true,
		Run: func(p *lint.Pass) {
			r.seen = p.Suppressions
			for _, s := range p.Suppressions {
				p.Report(s.Entity, s.Pos, "suppression", "suppression")
			}
		},
	}
	return r
}

func loadFiles(t *testing.T, files map[string]string) (*load.Result, *config.Config) {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := load.Config("", []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	return load.Catalog([]string{dir}, load.Options{}), cfg
}

func service(name string, annotations ...string) string {
	var b strings.Builder
	b.WriteString("apiVersion: svccat/v1\nkind: Service\nmetadata:\n  name: " + name + "\n")
	if len(annotations) > 0 {
		b.WriteString("  annotations:\n")
		for i := 0; i+1 < len(annotations); i += 2 {
			b.WriteString("    " + annotations[i] + ": " + annotations[i+1] + "\n")
		}
	}
	b.WriteString("spec:\n  type: supporting\n")
	return b.String()
}

func TestSuppressionCounts(t *testing.T) {
	c, cfg := loadFiles(t, map[string]string{
		"a.yaml": service("a", lint.IgnoreAnnotation, `"every-service, twice"`, lint.IgnoreReasonAnnotation, "because") +
			"---\n" + service("b", lint.IgnoreAnnotation, "twice") +
			"---\n" + service("c"),
	})
	rec := newRecord()
	res, err := lint.Run(c, cfg, []*lint.Rule{everyService, twice, rec.rule})
	if err != nil {
		t.Fatal(err)
	}
	// a: 1 every-service + 2 twice silenced; b: 2 twice silenced.
	if res.Suppressed != 5 {
		t.Errorf("Suppressed = %d, want 5", res.Suppressed)
	}
	if s := res.Summary(); s.Suppressed != 5 {
		t.Errorf("Summary().Suppressed = %d, want 5", s.Suppressed)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Entity+" "+f.Rule+" "+f.Message)
	}
	want := []string{
		// The file-level finding names no entity and is never suppressed.
		"Service/a record suppression",
		" every-service file-level",
		"Service/b every-service service b",
		"Service/b record suppression",
		"Service/c every-service service c",
		"Service/c twice one",
		"Service/c twice two",
	}
	if diff := cmp.Diff(sortedCopy(want), sortedCopy(got)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}

	type entry struct {
		Entity, Reason, Rule string
		Known                bool
		Silenced             int
	}
	var entries []entry
	for _, s := range rec.seen {
		for _, ig := range s.Rules {
			entries = append(entries, entry{s.Entity.Meta().Name, s.Reason, ig.Name, ig.Rule != nil, ig.Silenced})
		}
	}
	wantEntries := []entry{
		{"a", "because", "every-service", true, 1},
		{"a", "because", "twice", true, 2},
		{"b", "", "twice", true, 2},
	}
	if diff := cmp.Diff(wantEntries, entries); diff != "" {
		t.Errorf("suppressions (-want +got):\n%s", diff)
	}
	// The suppression's position is the annotation's value.
	if p := rec.seen[0].Pos; p.Line != 6 || p.Col != 24 {
		t.Errorf("suppression of a at %v, want line 6 col 24", p)
	}
}

// TestSuppressionConfig checks that a config's severity applies to
// suppressed rules too (the finding is still counted as suppressed), that
// an "off" rule's entries are marked Off and count nothing, and that an
// AfterSuppression rule's findings cannot be suppressed.
func TestSuppressionConfig(t *testing.T) {
	c, cfg := loadFiles(t, map[string]string{
		".svccat.yaml": "rules:\n  every-service: error\n  twice: off\n",
		"a.yaml":       service("a", lint.IgnoreAnnotation, `"every-service,twice,record,nope"`),
	})
	rec := newRecord()
	res, err := lint.Run(c, cfg, []*lint.Rule{everyService, twice, rec.rule})
	if err != nil {
		t.Fatal(err)
	}
	if res.Suppressed != 1 {
		t.Errorf("Suppressed = %d, want 1", res.Suppressed)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Rule+" "+f.Severity.String())
	}
	want := []string{"every-service error", "record info"} // file-level, and record's own
	if diff := cmp.Diff(sortedCopy(want), sortedCopy(got)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	igs := rec.seen[0].Rules
	if len(igs) != 4 {
		t.Fatalf("got %d entries, want 4", len(igs))
	}
	if ig := igs[1]; ig.Name != "twice" || !ig.Off || ig.Silenced != 0 {
		t.Errorf("twice entry = %+v, want Off and nothing silenced", *ig)
	}
	if ig := igs[2]; ig.Rule != rec.rule || ig.Rule.Suppressible() || ig.Silenced != 0 {
		t.Errorf("record entry = %+v, want an unsuppressible rule that silenced nothing", *ig)
	}
	if ig := igs[3]; ig.Name != "nope" || ig.Rule != nil {
		t.Errorf("nope entry = %+v, want no rule", *ig)
	}
}

// TestNoSuppressions checks that a catalog without annotations gives the
// AfterSuppression rules nothing and counts nothing.
func TestNoSuppressions(t *testing.T) {
	c, cfg := loadFiles(t, map[string]string{"a.yaml": service("a")})
	rec := newRecord()
	res, err := lint.Run(c, cfg, []*lint.Rule{everyService, rec.rule})
	if err != nil {
		t.Fatal(err)
	}
	if res.Suppressed != 0 || len(rec.seen) != 0 || len(res.Findings) != 2 {
		t.Errorf("Suppressed %d, %d suppressions, %d findings; want 0, 0, 2", res.Suppressed, len(rec.seen), len(res.Findings))
	}
}

func TestSuppressible(t *testing.T) {
	loader := &lint.Rule{Name: "schema"}
	for _, tc := range []struct {
		rule *lint.Rule
		want bool
	}{
		{everyService, true},
		{loader, false},
		{newRecord().rule, false},
	} {
		if got := tc.rule.Suppressible(); got != tc.want {
			t.Errorf("%s.Suppressible() = %v, want %v", tc.rule.Name, got, tc.want)
		}
	}
}

func sortedCopy(xs []string) []string { return slices.Sorted(slices.Values(xs)) }
