// Package pos holds Pos, a position in a catalog file. It is its own
// package so that the catalog model can carry positions without importing
// the reader (and with it YAML).
package pos

import "fmt"

// Pos is a position in a catalog file. Line and Col are 1-based; a zero
// Line means the whole file, an empty File means no position at all.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// IsValid reports whether p names a file.
func (p Pos) IsValid() bool { return p.File != "" }
