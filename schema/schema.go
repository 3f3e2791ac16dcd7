// Package schema embeds the CUE schemas: catalog documents are validated
// against catalog.cue, the configuration against config.cue (which uses
// catalog.cue's building blocks).
package schema

import _ "embed"

// Source is the catalog schema, as printed by `svccat schema`.
//
//go:embed catalog.cue
var Source string

// ConfigSource is the configuration schema (#Config); it is compiled in
// the scope of Source.
//
//go:embed config.cue
var ConfigSource string
