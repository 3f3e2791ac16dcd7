package validate

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"cuelang.org/go/cue"
	"gopkg.in/yaml.v3"
)

// walk checks the shape of n against the schema value sv: types, unknown
// fields and missing required fields, all of them, at every level.
func (v *docCheck) walk(n *yaml.Node, sv cue.Value, path []string) {
	n = deref(n)
	want := sv.IncompleteKind()
	got := yamlKind(n)
	if want&got == 0 {
		v.report(n, path, "%s: want %s, got %s", fieldName(path), describeKind(want), describeNode(n))
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		st := pick(sv, cue.StructKind)
		present := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			key := k.Value
			present[key] = true
			child := append(path[:len(path):len(path)], key)
			if k.Kind != yaml.ScalarNode {
				v.report(k, child, "%s: a key must be a plain string", fieldName(path))
				continue
			}
			fv, ok := field(st, key)
			if !ok {
				v.report(k, child, "unknown field %q in %s%s", key, fieldName(path), suggest(key, fieldNames(st)))
				continue
			}
			v.walk(val, fv, child)
		}
		var missing []string
		it, err := st.Fields(cue.Optional(true))
		if err == nil {
			for it.Next() {
				sel := it.Selector()
				if sel.ConstraintType() == cue.RequiredConstraint && !present[sel.Unquoted()] {
					missing = append(missing, sel.Unquoted())
				}
			}
		}
		for _, m := range missing {
			v.report(n, append(path[:len(path):len(path)], m), "%s is missing required field %q", fieldName(path), m)
		}
	case yaml.SequenceNode:
		elem := pick(sv, cue.ListKind).LookupPath(cue.MakePath(cue.AnyIndex))
		if !elem.Exists() {
			return
		}
		for i, c := range n.Content {
			v.walk(c, elem, append(path[:len(path):len(path)], strconv.Itoa(i)))
		}
	}
}

// pick returns the disjunct of sv that can be of kind k, or sv itself.
func pick(sv cue.Value, k cue.Kind) cue.Value {
	if sv.IncompleteKind() == k {
		return sv
	}
	op, args := cue.Dereference(sv).Expr()
	if op != cue.OrOp {
		return sv
	}
	for _, a := range args {
		if a.IncompleteKind()&k != 0 {
			return pick(a, k)
		}
	}
	return sv
}

// field looks up the schema of a field, declared (required or optional) or
// matched by a pattern such as {[string]: string}.
func field(st cue.Value, key string) (cue.Value, bool) {
	if !st.Allows(cue.Str(key)) {
		return cue.Value{}, false
	}
	for _, sel := range []cue.Selector{cue.Str(key).Optional(), cue.Str(key).Required(), cue.Str(key)} {
		if fv := st.LookupPath(cue.MakePath(sel)); fv.Exists() {
			return fv, true
		}
	}
	if fv := st.LookupPath(cue.MakePath(cue.AnyString)); fv.Exists() {
		return fv, true
	}
	return cue.Value{}, false
}

func fieldNames(st cue.Value) []string {
	var names []string
	it, err := st.Fields(cue.Optional(true))
	if err != nil {
		return nil
	}
	for it.Next() {
		names = append(names, it.Selector().Unquoted())
	}
	return names
}

// suggest proposes the closest known name for a misspelt field.
func suggest(key string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := distance(strings.ToLower(key), strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	if len(known) > 0 {
		sort.Strings(known)
		return fmt.Sprintf(" (known fields: %s)", strings.Join(known, ", "))
	}
	return ""
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func fieldName(path []string) string {
	if len(path) == 0 {
		return "document"
	}
	var b strings.Builder
	for i, p := range path {
		if _, err := strconv.Atoi(p); err == nil {
			fmt.Fprintf(&b, "[%s]", p)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}

func yamlKind(n *yaml.Node) cue.Kind {
	switch n.Kind {
	case yaml.MappingNode:
		return cue.StructKind
	case yaml.SequenceNode:
		return cue.ListKind
	}
	switch n.Tag {
	case "!!int":
		return cue.IntKind
	case "!!float":
		if isFinite(n.Value) {
			return cue.FloatKind
		}
		return cue.StringKind // .inf and .nan are no numbers a catalog can use
	case "!!bool":
		return cue.BoolKind
	case "!!null":
		return cue.NullKind
	}
	return cue.StringKind
}

func isFinite(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil && !strings.ContainsAny(strings.ToLower(s), "in")
}

func describeKind(k cue.Kind) string {
	var parts []string
	for _, x := range []struct {
		k    cue.Kind
		name string
	}{{cue.StructKind, "a mapping"}, {cue.ListKind, "a list"}, {cue.StringKind, "a string"}, {cue.NumberKind, "a number"}, {cue.IntKind, "a whole number"}, {cue.BoolKind, "true or false"}} {
		if k&x.k == x.k {
			parts = append(parts, x.name)
			k &^= x.k
		}
	}
	if len(parts) == 0 {
		return k.String()
	}
	return strings.Join(parts, " or ")
}

func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch yamlKind(n) {
	case cue.IntKind:
		return "the number " + n.Value
	case cue.FloatKind:
		return "the number " + n.Value
	case cue.BoolKind:
		return n.Value
	case cue.NullKind:
		return "no value"
	}
	return strconv.Quote(n.Value)
}
