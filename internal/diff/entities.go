package diff

import (
	"encoding/json"
	"regexp"
	"sort"

	"github.com/svccat/svccat/internal/catalog"
)

// compareEntities compares the documents as written, entity by entity:
// where a document is, its comments, quoting and key order do not matter.
func compareEntities(base, head *catalog.Catalog) Entities {
	var out Entities
	seen := map[string]bool{}
	head.Each(func(n catalog.Named) {
		e := n.Meta()
		id := e.ID()
		if seen[id] {
			return // a duplicate name: the first one read counts, as in lookups
		}
		seen[id] = true
		b := base.Entity(id)
		if b == nil {
			out.Added = append(out.Added, id)
			return
		}
		var fields []Field
		walk("", b.Meta().Written, e.Written, &fields)
		if len(fields) > 0 {
			out.Changed = append(out.Changed, EntityChange{Entity: id, Fields: fields})
		}
	})
	base.Each(func(n catalog.Named) {
		id := n.Meta().ID()
		if head.Entity(id) == nil && !seen[id] {
			seen[id] = true
			out.Removed = append(out.Removed, id)
		}
	})
	return out
}

// walk appends the fields where a and b differ: maps key by key (keys in
// sorted order), anything else whole.
func walk(path string, a, b any, out *[]Field) {
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if aok && bok {
		keys := make([]string, 0, len(am)+len(bm))
		for k := range am {
			keys = append(keys, k)
		}
		for k := range bm {
			if _, ok := am[k]; !ok {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			walk(join(path, k), am[k], bm[k], out)
		}
		return
	}
	if !equal(a, b) {
		*out = append(*out, Field{Path: path, Before: a, After: b})
	}
}

var plainKey = regexp.MustCompile(`^[A-Za-z0-9_/-]+$`)

// join adds a key to a dotted path; a key that holds a dot or anything
// unusual (an annotation such as svccat.dev/ignore) is quoted, so that
// the path reads back unambiguously: metadata.annotations["svccat.dev/ignore"].
func join(path, key string) string {
	if !plainKey.MatchString(key) {
		q, _ := json.Marshal(key)
		return path + "[" + string(q) + "]"
	}
	if path == "" {
		return key
	}
	return path + "." + key
}

// equal compares written values; numbers by their text, as written.
func equal(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !equal(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equal(x[i], y[i]) {
				return false
			}
		}
		return true
	case json.Number:
		y, ok := b.(json.Number)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case nil:
		return b == nil
	}
	return false
}
