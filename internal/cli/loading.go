package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/lint/rules"
	"github.com/svccat/svccat/internal/load"
	"github.com/svccat/svccat/internal/plural"
	"github.com/svccat/svccat/internal/render"
	"github.com/svccat/svccat/internal/source"
)

// loaded is a catalog read for a command, with its config and lint result.
type loaded struct {
	paths []string
	// loaded holds the load stage's result; catalog is its model.
	loaded  *load.Result
	catalog *catalog.Catalog
	config  *config.Config
	lint    lint.Result
}

func (a *app) load(f *catalogFlags, paths []string) (*loaded, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	for _, p := range paths {
		// A PATH that does not exist is a mistake in the command line, not
		// a finding about the catalog.
		if p == source.StdinPath {
			continue
		}
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return nil, usagef("%s: no such file or directory", p)
		}
	}
	cfg := f.cfg
	if cfg == nil {
		var err error
		if cfg, err = load.Config(f.config, paths); err != nil {
			return nil, err
		}
		f.apply(cfg)
	}
	lim := source.Limits{FileBytes: cfg.Limits.FileBytes, CatalogBytes: cfg.Limits.CatalogBytes, DocumentNodes: cfg.Limits.DocumentNodes}
	c := load.Catalog(paths, load.Options{Limits: lim, Stdin: a.stdin, KeepWritten: f.keepWritten})
	res, err := lint.Run(c, cfg, rules.All())
	if err != nil {
		return nil, err
	}
	return &loaded{paths: paths, loaded: c, catalog: c.Catalog, config: cfg, lint: res}, nil
}

// need is what a report cannot compute without (SPEC section 4): every
// report needs a catalog that loaded; restore-order and cost need an
// acyclic graph, cost one currency. Policy findings never stop a report.
type need int

const (
	needLoaded need = 1 << iota
	needAcyclic
	needOneCurrency
)

// blocks reports whether finding fd makes a report with needs n impossible.
func (n need) blocks(fd finding.Finding) bool {
	if fd.Severity != finding.Error {
		return false
	}
	switch lint.ClassOf(fd.Rule) {
	case lint.LoadProblem:
		return true
	case lint.Structural:
		return (fd.Rule == "dependency-cycle" && n&needAcyclic != 0) ||
			(fd.Rule == "currency-mismatch" && n&needOneCurrency != 0)
	}
	return false
}

// loadForReport loads a catalog for a report. When the catalog lacks what
// the report needs it prints those problems to stderr and ends the run
// with exit code 2; otherwise the report runs, with a one-line note on
// stderr when lint has errors to show.
func (a *app) loadForReport(f *catalogFlags, paths []string, n need) (*loaded, error) {
	l, err := a.load(f, paths)
	if err != nil {
		return nil, err
	}
	if err := l.requireDocuments(); err != nil {
		return nil, err
	}
	var blocking []finding.Finding
	for _, fd := range l.lint.Findings {
		if n.blocks(fd) {
			blocking = append(blocking, fd)
		}
	}
	if len(blocking) > 0 {
		sum := finding.Summarize(blocking, l.lint.Summary())
		render.Text(a.stderr, render.FindingsInput{Findings: blocking, Summary: sum, Color: a.color(a.stderr)})
		fmt.Fprintf(a.stderr, "svccat: the report cannot be computed: the catalog has %s it cannot be used with (svccat lint %s shows them)\n",
			plural.Count(len(blocking), "problem"), shellJoin(l.paths...))
		return nil, exitError{ExitUsage}
	}
	if sum := l.lint.Summary(); sum.Errors > 0 {
		fmt.Fprintf(a.stderr, "svccat: note: the catalog has %s and %s from lint (svccat lint %s shows them)\n",
			plural.Count(sum.Errors, "error"), plural.Count(sum.Warnings, "warning"), shellJoin(l.paths...))
	}
	return l, nil
}

// requireDocuments refuses a catalog with no svccat documents and no
// problems: almost always a wrong PATH, which must not pass CI silently.
func (l *loaded) requireDocuments() error {
	if l.loaded.Documents == 0 && len(l.loaded.Problems) == 0 {
		return usagef("no catalog documents under %s: svccat reads *.yaml and *.yml files whose apiVersion is svccat/v1 (is PATH right?)", shellJoin(l.paths...))
	}
	return nil
}
