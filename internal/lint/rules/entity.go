package rules

import "github.com/svccat/svccat/internal/catalog"

// canonical reports whether e is the entity its name resolves to. A
// second entity of the same name (a duplicate-name error) is never the
// target of a reference, so rules that look at what refers to an entity
// skip it rather than report it as unreferenced.
func canonical(c *catalog.Catalog, e catalog.Named) bool {
	m := e.Meta()
	return m.Name != "" && c.Entity(m.ID()) == e
}
