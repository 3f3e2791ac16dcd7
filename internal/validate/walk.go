package validate

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"cuelang.org/go/cue"
	"gopkg.in/yaml.v3"

	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/typo"
)

// walk checks n against the schema's shape s: types, unknown fields,
// missing required fields and, through leafCheck, every scalar value —
// all of them, at every level.
//
// key is the mapping key that n is the value of (nil for list items and
// the document): a missing required field is reported there, at
// "spec:", rather than somewhere inside the mapping that lacks it.
func (v *docCheck) walk(n, key *yaml.Node, s *shape, path []string) {
	n = deref(n)
	if v.nullIsEmpty && n.Kind == yaml.ScalarNode && n.Tag == "!!null" && s.kind&(cue.StructKind|cue.ListKind) != 0 {
		return // a section left without a value, its entries commented out
	}
	got := yamlKind(n)
	if s.kind&got == 0 {
		v.report(n, path, "%s: want %s, got %s", fieldName(path), describeKind(s.kind), describeNode(n))
		return
	}
	s = s.alt(got)
	switch n.Kind {
	case yaml.MappingNode:
		if s.fields == nil && s.pattern == nil {
			return // a mapping where anything goes
		}
		present := make(map[string]bool, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			key := k.Value
			present[key] = true
			child := append(path[:len(path):len(path)], key)
			if k.Kind != yaml.ScalarNode {
				v.report(k, child, "%s: a key must be a plain string", fieldName(path))
				continue
			}
			fs := s.field(key)
			if fs == nil {
				v.report(k, child, "unknown field %q in %s%s", key, fieldName(path), suggest(key, s.names))
				continue
			}
			v.walk(val, k, fs, child)
		}
		at := n
		if key != nil {
			at = key
		}
		for _, m := range s.required {
			if !present[m] {
				v.report(at, append(path[:len(path):len(path)], m), "%s is missing required field %q", fieldName(path), m)
			}
		}
		if s.whole != nil {
			for _, m := range v.leaves.missing(*s.whole, n) {
				if !present[m] {
					v.report(at, append(path[:len(path):len(path)], m), "%s is missing required field %q", fieldName(path), m)
				}
			}
		}
	case yaml.SequenceNode:
		if s.elem == nil {
			return
		}
		for i, c := range n.Content {
			v.walk(c, nil, s.elem, append(path[:len(path):len(path)], strconv.Itoa(i)))
		}
	default:
		if s.constrained {
			msgs := v.leaves.check(s, n)
			for _, msg := range msgs {
				v.report(n, path, "%s: %s", fieldName(path), msg)
			}
			if len(msgs) == 0 && s.bound != "" {
				if msg := outOfRange(s.bound, n.Value); msg != "" {
					v.report(n, path, "%s: %s", fieldName(path), msg)
				}
			}
		}
	}
}

// suggest proposes the closest known name for a misspelt field, or lists
// the known ones.
func suggest(key string, known []string) string {
	if best := typo.Closest(key, known); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	if len(known) > 0 {
		return fmt.Sprintf(" (known fields: %s)", strings.Join(known, ", "))
	}
	return ""
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
		if isDecimalInt(n.Value) {
			return cue.IntKind
		}
		return cue.StringKind // 0x10, 0o17: no way to write a catalog number
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

// isFinite reports whether a YAML float is a number the catalog can hold
// exactly: not .inf or .nan, and not a literal such as 1e-999999 whose
// exact value has a million digits (decimal.Parse bounds both).
func isFinite(s string) bool {
	if strings.ContainsAny(strings.ToLower(s), "inx") {
		return false
	}
	_, err := decimal.Parse(s)
	return err == nil
}

// maxIntLiteral bounds the digits of an integer: far beyond any count or
// amount, and short enough to keep parsing it cheap.
const maxIntLiteral = 1000

// isDecimalInt reports whether a YAML integer is written in decimal, as
// catalog numbers are: yaml.v3 also resolves 0x10 and 0o17 (and reads 017
// as octal), which svccat would read differently.
func isDecimalInt(s string) bool {
	t := strings.TrimLeft(s, "+-")
	if t == "" || len(t) > maxIntLiteral || len(s)-len(t) > 1 {
		return false
	}
	for _, r := range t {
		if (r < '0' || r > '9') && r != '_' {
			return false
		}
	}
	return true
}

// decimalInt parses an integer isDecimalInt accepted, in base 10.
func decimalInt(s string) (*big.Int, bool) {
	return new(big.Int).SetString(strings.ReplaceAll(strings.TrimPrefix(s, "+"), "_", ""), 10)
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
