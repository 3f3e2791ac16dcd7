package render

import (
	"fmt"
	"io"
	"strings"
)

// Format is one output format of a report: its --format name and its
// printer.
type Format[In any] struct {
	Name  string
	Print func(io.Writer, In) error
}

// Formats is the one registry of a report's output formats, the default
// first: the CLI's --format flag, its help, its completion and its check
// all read it, so a format is added in one place.
type Formats[In any] []Format[In]

// Names lists the formats, the default first.
func (fs Formats[In]) Names() []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Name
	}
	return out
}

// Default is the first format.
func (fs Formats[In]) Default() string { return fs[0].Name }

// Has reports whether name is one of the formats.
func (fs Formats[In]) Has(name string) bool {
	for _, f := range fs {
		if f.Name == name {
			return true
		}
	}
	return false
}

// Check says what is wrong with name, or nil when it is a format.
func (fs Formats[In]) Check(name string) error {
	if fs.Has(name) {
		return nil
	}
	return fmt.Errorf("unknown format %q: want one of %s", name, strings.Join(fs.Names(), ", "))
}

// Write prints in in the format called name.
func (fs Formats[In]) Write(w io.Writer, name string, in In) error {
	for _, f := range fs {
		if f.Name == name {
			return f.Print(w, in)
		}
	}
	return fs.Check(name)
}
