package docs

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/load"
	"github.com/svccat/svccat/internal/mdtext"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark/ast"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/catalogtest"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/golden"
	"github.com/svccat/svccat/internal/graph"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/lint/rules"
)

// acmeDir is the example catalog; its generated docs are committed under
// acmeDir/docs, which is this package's golden site.
const acmeDir = "../../examples/acme"

// build loads the catalog at dir the way svccat docs does and builds its
// site.
func build(t testing.TB, dir string) []Page {
	t.Helper()
	cfg, err := load.Config("", []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	c := load.Catalog([]string{dir}, load.Options{})
	res, err := lint.Run(c, cfg, rules.All())
	if err != nil {
		t.Fatal(err)
	}
	if n := res.Summary().Errors; n > 0 {
		t.Fatalf("%s: %d lint errors: %v", dir, n, res.Findings)
	}
	pages, err := Build(Input{Catalog: c.Catalog, Config: cfg, Lint: res})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestAcmeGolden compares the site of examples/acme with the committed
// examples/acme/docs; SVCCAT_UPDATE=1 go test regenerates it (through Write, so
// the manifest is kept and stale pages are removed).
func TestAcmeGolden(t *testing.T) {
	pages := build(t, acmeDir)
	out := filepath.Join(acmeDir, "docs")
	if golden.Updating() {
		if _, err := Write(out, pages, Options{}); err != nil {
			t.Fatal(err)
		}
		return
	}
	changes, err := Diff(out, pages, Options{})
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string][]byte{ManifestName: manifestBytes(nil)}
	for _, p := range pages {
		byPath[p.Path] = p.Content
	}
	for _, c := range changes {
		if c.Kind != Changed {
			t.Errorf("%s/%s would be %s", out, c.Path, c.Kind)
			continue
		}
		want, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(c.Path)))
		t.Errorf("%s/%s differs (-want +got):\n%s", out, c.Path, cmp.Diff(string(want), string(byPath[c.Path])))
	}
	if len(changes) > 0 {
		t.Log("If the change is intended, run SVCCAT_UPDATE=1 go test ./internal/docs.")
	}
}

// TestDeterministic builds the same catalog twice: same bytes.
func TestDeterministic(t *testing.T) {
	a, b := build(t, acmeDir), build(t, acmeDir)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("two builds differ:\n%s", diff)
	}
}

// TestAcmeSite checks the structure of the example's site: a page for
// every entity, and pages GitHub renders (see checkSite).
func TestAcmeSite(t *testing.T) {
	pages := build(t, acmeDir)
	checkSite(t, pages)
	c := load.Catalog([]string{acmeDir}, load.Options{})
	have := map[string]bool{}
	for _, p := range pages {
		have[p.Path] = true
	}
	for _, p := range []string{"index.md", "restore-order.md", "cost.md", "traceability.md", "review.md", "relationships.md"} {
		if !have[p] {
			t.Errorf("no %s", p)
		}
	}
	c.Each(func(x catalog.Named) {
		e := x.Meta()
		if e.Kind == catalog.KindMeasurement {
			return // on its service's page
		}
		if p := folders[e.Kind] + "/" + e.Name + ".md"; !have[p] {
			t.Errorf("%s has no page %s", e.ID(), p)
		}
	})
	if want := c.Entities() - len(c.Measurements) + 6; len(pages) != want {
		t.Errorf("%d pages, want %d (one per entity but measurements, and six reports)", len(pages), want)
	}
}

// TestHostile builds a catalog whose titles and text hold Markdown and
// HTML: every page must still parse into well-formed tables with no raw
// HTML, and each title must render as exactly its own text.
func TestHostile(t *testing.T) {
	dir := "testdata/hostile"
	pages := build(t, dir)
	parsed := checkSite(t, pages)
	c := load.Catalog([]string{dir}, load.Options{})
	c.Each(func(x catalog.Named) {
		e := x.Meta()
		pp, ok := parsed[folders[e.Kind]+"/"+e.Name+".md"]
		if !ok {
			t.Errorf("%s has no page", e.ID())
			return
		}
		if got, want := firstHeading(pp), mdtext.Plain(e.DisplayName()); got != want {
			t.Errorf("%s: the title renders as %q, want %q", e.ID(), got, want)
		}
	})
	for _, p := range pages {
		golden.Check(t, filepath.Join("testdata/hostile/want", filepath.FromSlash(p.Path)), p.Content)
	}
}

func firstHeading(pp parsedPage) string {
	for n := pp.doc.FirstChild(); n != nil; n = n.NextSibling() {
		if n.Kind().String() == "Heading" {
			return strings.TrimSpace(plainText(n, pp.Content))
		}
	}
	return ""
}

// TestFocusGraphIsExport checks that a service page draws what
// svccat graph --focus NAME draws (graph.Export), for every service of
// the example whose graph is not cut down to direct neighbours.
func TestFocusGraphIsExport(t *testing.T) {
	big := t.TempDir()
	if _, err := catalogtest.Write(big, catalogtest.Options{Services: 200}); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{acmeDir, big} {
		checkFocusGraphs(t, load.Catalog([]string{dir}, load.Options{}).Catalog)
	}
}

func checkFocusGraphs(t *testing.T, c *catalog.Catalog) {
	t.Helper()
	for _, s := range c.Services {
		got, direct := focusGraph(s)
		opt := graph.ExportOptions{Focus: []string{s.Name}}
		if direct {
			opt.Depth = 1
		}
		want, err := graph.Export(c, opt)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: (-Export +focusGraph):\n%s", s.Name, diff)
		}
	}
}

// TestEveryPageLinked follows links from index.md: every page of the
// site can be reached.
func TestEveryPageLinked(t *testing.T) {
	pages := build(t, acmeDir)
	parsed := map[string]parsedPage{}
	for _, p := range pages {
		parsed[p.Path] = parse(p)
	}
	seen := map[string]bool{"index.md": true}
	queue := []string{"index.md"}
	for len(queue) > 0 {
		from := queue[0]
		queue = queue[1:]
		ast.Walk(parsed[from].doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if l, ok := n.(*ast.Link); ok && entering {
				dest := string(l.Destination)
				if i := strings.IndexByte(dest, '#'); i >= 0 {
					dest = dest[:i]
				}
				if dest == "" || strings.Contains(dest, ":") {
					return ast.WalkContinue, nil
				}
				to := path.Join(path.Dir(from), dest)
				if !seen[to] {
					seen[to] = true
					queue = append(queue, to)
				}
			}
			return ast.WalkContinue, nil
		})
	}
	for _, p := range pages {
		if !seen[p.Path] {
			t.Errorf("%s cannot be reached from index.md", p.Path)
		}
	}
}

// TestBrokenCatalogs builds sites of catalogs the command would refuse
// (errors of every kind) and of an empty one: Build never fails or
// panics on them, and what it writes still checks out.
func TestBrokenCatalogs(t *testing.T) {
	empty := t.TempDir()
	for _, dir := range []string{"../../examples/needs-work", empty} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			c := load.Catalog([]string{dir}, load.Options{})
			res, err := lint.Run(c, config.Default(), rules.All())
			if err != nil {
				t.Fatal(err)
			}
			pages, err := Build(Input{Catalog: c.Catalog, Lint: res})
			if err != nil {
				t.Fatal(err)
			}
			checkSite(t, pages)
		})
	}
}
