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

// loadForReport loads a catalog for a report, which refuses a catalog with
// errors: it prints them to stderr and ends the run with exit code 2.
func (a *app) loadForReport(f *catalogFlags, paths []string) (*loaded, error) {
	l, err := a.load(f, paths)
	if err != nil {
		return nil, err
	}
	if l.lint.Summary().Errors == 0 {
		return l, nil
	}
	var errs []finding.Finding
	for _, fd := range l.lint.Findings {
		if fd.Severity == finding.Error {
			errs = append(errs, fd)
		}
	}
	render.Text(a.stderr, render.FindingsInput{Findings: errs, Summary: l.lint.Summary(), Color: a.color(a.stderr)})
	fmt.Fprintln(a.stderr, "svccat: the catalog has errors; fix them (svccat lint) before running a report")
	return nil, exitError{ExitUsage}
}
