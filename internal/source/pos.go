// Package source reads catalog files into YAML documents that keep the
// position of every node, and reports what cannot be read.
package source

import "github.com/svccat/svccat/internal/pos"

// Pos is a position in a catalog file (see package pos, where it lives so
// that the catalog model need not import this reader).
type Pos = pos.Pos
