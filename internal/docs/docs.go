// Package docs builds the catalog's Markdown site: an index, a page per
// market, segment, persona, service, team and site, the total-loss
// restoration order, the cost report and the traceability matrix. Pages
// come from embedded text/template files and are plain values; Write and
// Check (write.go) put them on disk or compare them with what is there.
//
// The site renders on GitHub: GFM tables, relative links that resolve,
// Mermaid diagrams. Catalog text is escaped wherever it lands (escape.go),
// and the same catalog always gives the same bytes.
package docs

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/graph"
	"github.com/svccat/svccat/internal/lint"
)

// Input is what the site is built from.
type Input struct {
	Catalog *catalog.Catalog
	// Config gives the default restore duration and the cost period; nil
	// means the defaults.
	Config *config.Config
	// Lint is the lint result summarised on the index page.
	Lint lint.Result
}

// Page is one generated file.
type Page struct {
	// Path is slash-separated and relative to the site's root.
	Path    string
	Content []byte
}

// Build generates every page of the site, sorted by path. It fails only
// when a page cannot be rendered, which is a bug.
func Build(in Input) ([]Page, error) {
	s, err := newSite(in)
	if err != nil {
		return nil, err
	}
	var pages []Page
	var failed error
	add := func(path, tmpl string, data any, err error) {
		if failed != nil {
			return
		}
		if err == nil {
			var buf bytes.Buffer
			err = templates.ExecuteTemplate(&buf, tmpl, data)
			pages = append(pages, Page{Path: path, Content: tidy(buf.Bytes())})
		}
		if err != nil {
			failed = fmt.Errorf("docs: %s: %w", path, err)
		}
	}
	add(indexPath, "index.md.tmpl", s.indexData(), nil)
	restore, err := s.restoreData()
	add(restorePath, "restore-order.md.tmpl", restore, err)
	add(costPath, "cost.md.tmpl", s.costData(), nil)
	add(tracePath, "traceability.md.tmpl", s.traceData(), nil)
	for _, x := range s.c.Markets {
		if p := s.path(x); p != "" {
			add(p, "market.md.tmpl", s.marketData(x), nil)
		}
	}
	for _, x := range s.c.Segments {
		if p := s.path(x); p != "" {
			add(p, "segment.md.tmpl", s.segmentData(x), nil)
		}
	}
	for _, x := range s.c.Personas {
		if p := s.path(x); p != "" {
			add(p, "persona.md.tmpl", s.personaData(x), nil)
		}
	}
	for _, x := range s.c.Services {
		if p := s.path(x); p != "" {
			d, err := s.serviceData(x)
			add(p, "service.md.tmpl", d, err)
		}
	}
	for _, x := range s.c.Teams {
		if p := s.path(x); p != "" {
			add(p, "team.md.tmpl", s.teamData(x), nil)
		}
	}
	for _, x := range s.c.Sites {
		if p := s.path(x); p != "" {
			add(p, "site.md.tmpl", s.siteData(x), nil)
		}
	}
	add(relationshipsPath, "relationships.md.tmpl", s.relationshipsData(), nil)
	add(reviewPath, "review.md.tmpl", s.reviewData(), nil)
	for _, x := range s.c.People {
		if p := s.path(x); p != "" {
			add(p, "person.md.tmpl", s.personData(x), nil)
		}
	}
	for _, x := range s.c.Stakeholders {
		if p := s.path(x); p != "" {
			add(p, "stakeholder.md.tmpl", s.stakeholderData(x), nil)
		}
	}
	if failed != nil {
		return nil, failed
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].Path < pages[j].Path })
	return pages, nil
}

// newSite prepares what several pages share: page paths, the
// total-loss restoration plan, the cost allocation.
func newSite(in Input) (*site, error) {
	cfg := in.Config
	if cfg == nil {
		cfg = config.Default()
	}
	s := &site{c: in.Catalog, cfg: cfg, lint: in.Lint, paths: map[catalog.Named]string{}, texts: map[catalog.Named]string{}}
	s.assignPaths()
	plan, err := graph.RestoreOrder(in.Catalog, graph.Scenario{}, graph.Options{DefaultDuration: cfg.RestoreDuration})
	if err != nil {
		// A catalog with a hard dependency cycle has no order; the page
		// says so instead of failing the whole site.
		s.planErr = err
	} else {
		s.plan = plan
		s.steps = map[string]*graph.Step{}
		for i := range plan.Steps {
			s.steps[plan.Steps[i].Service] = &plan.Steps[i]
		}
	}
	if s.costs, err = newCosts(s); err != nil {
		return nil, err
	}
	s.measures = newMeasures(s)
	return s, nil
}
