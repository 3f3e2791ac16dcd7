package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/svccat/svccat/internal/load"

	"github.com/spf13/pflag"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/lint/rules"
	"github.com/svccat/svccat/internal/render"
	"github.com/svccat/svccat/internal/safefile"
	"github.com/svccat/svccat/internal/source"
)

// catalogFlags are the flags every command that reads a catalog has.
type catalogFlags struct {
	config      string
	maxFileSize int64
	output      string
	// keepWritten keeps the documents as written (svccat diff); not a flag.
	keepWritten bool
	// cfg, when set, is used instead of looking the config up (svccat
	// diff loads the base with the head's).
	cfg *config.Config
}

func (f *catalogFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.config, "config", "", "config file (default: .svccat.yaml at the root of the first PATH)")
	fs.Int64Var(&f.maxFileSize, "max-file-size", source.DefaultFileBytes, "largest catalog file read, in bytes")
	fs.StringVarP(&f.output, "output", "o", "", "write the output to `FILE` instead of stdout")
}

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
		if cfg, err = config.Find(f.config, paths); err != nil {
			return nil, err
		}
	}
	c := load.Catalog(paths, load.Options{Limits: source.Limits{FileBytes: f.maxFileSize}, Stdin: a.stdin, KeepWritten: f.keepWritten})
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

// output runs write against stdout, or against the -o file, which
// safefile checks (never a file of the catalog being read, nor its
// config, nor a YAML file the next run would read as part of it) and
// writes (atomically for a regular file, keeping its permissions; in
// place for a device or a pipe).
func (a *app) output(f *catalogFlags, l *loaded, write func(w io.Writer, color bool) error) error {
	if f.output == "" || f.output == "-" {
		return write(a.stdout, a.color(a.stdout))
	}
	if l != nil {
		if err := l.guard().CheckFile(f.output); err != nil {
			return usagef("-o %v", err)
		}
	}
	var buf bytes.Buffer
	if err := write(&buf, false); err != nil {
		return err
	}
	if err := safefile.WriteFile(f.output, buf.Bytes()); err != nil {
		// Name the file the user asked for, not the temporary one.
		return fmt.Errorf("-o %s: cannot write: %v", f.output, errCause(err))
	}
	return nil
}

// guard is what writers must spare: the catalog and its config.
func (l *loaded) guard() *safefile.Guard {
	return safefile.NewGuard(l.paths, l.loaded.Files, l.config.Path)
}

// errCause is the reason inside a file-system error ("permission
// denied"), without the path and operation it wraps.
func errCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// onceString is a string flag that may be given once: pflag lets a
// repeated flag silently override the first value, which for --site would
// plan a different disaster than the one asked for.
type onceString struct {
	p   *string
	set bool
}

func (s *onceString) String() string {
	if s.p == nil {
		return ""
	}
	return *s.p
}

func (s *onceString) Set(v string) error {
	if s.set {
		return fmt.Errorf("given twice (%q and %q); give it once", *s.p, v)
	}
	*s.p, s.set = v, true
	return nil
}

func (s *onceString) Type() string { return "string" }
