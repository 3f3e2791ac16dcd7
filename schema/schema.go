// Package schema embeds the CUE schema that every catalog document is
// validated against.
package schema

import _ "embed"

// Source is the CUE schema, as printed by `svccat schema`.
//
//go:embed catalog.cue
var Source string
