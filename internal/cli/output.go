package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/svccat/svccat/internal/safefile"
)

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
