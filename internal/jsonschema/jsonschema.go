// Package jsonschema generates a JSON Schema for catalog documents from
// the CUE schema, so that YAML editors (through the YAML language server)
// complete and check catalog files as svccat does.
//
// cuelang.org/go/encoding/jsonschema has an experimental generator, but
// it keeps CUE's embedding as "$ref" next to "additionalProperties":
// false, which rejects every document (the closed #Envelope forbids spec,
// the closed kind forbids apiVersion), and it writes only draft 2020-12.
// This package walks the evaluated definitions instead, where embedding is
// already resolved.
package jsonschema

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"cuelang.org/go/cue"
)

// Draft is a JSON Schema dialect.
type Draft string

// The dialects Generate writes. Draft 7 is for editors whose validator
// predates 2020-12.
const (
	Draft2020 Draft = "2020-12"
	Draft7    Draft = "7"
)

// Drafts lists the dialects, default first.
var Drafts = []Draft{Draft2020, Draft7}

// ParseDraft reads a draft name as given on the command line.
func ParseDraft(s string) (Draft, error) {
	switch s {
	case "2020-12":
		return Draft2020, nil
	case "7", "07", "draft-07":
		return Draft7, nil
	}
	return "", fmt.Errorf("unknown JSON Schema draft %q (want 2020-12 or 7)", s)
}

func (d Draft) uri() string {
	if d == Draft7 {
		return "http://json-schema.org/draft-07/schema#"
	}
	return "https://json-schema.org/draft/2020-12/schema"
}

// The names Generate relies on in the CUE schema.
const (
	envelopeDef = "Envelope" // its kind field lists the kinds; #<Kind> defines each
	apiPrefix   = "svccat/"  // documents with another apiVersion are not catalog documents
)

// Generate returns the JSON Schema of a catalog document, as indented JSON.
// root is the compiled CUE schema: #Envelope's kind field enumerates the
// kinds and a definition of the same name describes each one.
//
// The schema dispatches on kind (one if/then per kind), so an editor
// reports the problem in the document's own kind rather than a failure
// for each of them. It tells catalog documents from other YAML as svccat
// lint does, and accepts the others unchecked.
func Generate(root cue.Value, d Draft) ([]byte, error) {
	if err := root.Err(); err != nil {
		return nil, err
	}
	g := &generator{root: root, defs: map[string]Schema{}}
	doc, err := g.document()
	if err != nil {
		return nil, err
	}
	doc["$schema"] = d.uri()
	doc["$defs"] = g.defs
	if d == Draft7 {
		doc = toDraft7(doc)
	}
	out, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

type generator struct {
	root cue.Value
	defs map[string]Schema // by definition name, without the #
}

// document is the top-level schema: foreign documents pass, catalog
// documents are checked by kind.
func (g *generator) document() (Schema, error) {
	env := g.root.LookupPath(cue.MakePath(cue.Def(envelopeDef)))
	if !env.Exists() {
		return nil, fmt.Errorf("the CUE schema has no #%s", envelopeDef)
	}
	kindV := env.LookupPath(cue.MakePath(cue.Str("kind").Required()))
	kinds, err := stringEnum(kindV)
	if err != nil {
		return nil, fmt.Errorf("#%s.kind: %v", envelopeDef, err)
	}
	apiVersion, err := g.field(env, "apiVersion")
	if err != nil {
		return nil, err
	}
	kind, err := g.field(env, "kind")
	if err != nil {
		return nil, err
	}
	var byKind []Schema
	for _, k := range kinds {
		def := g.root.LookupPath(cue.MakePath(cue.Def(k)))
		if !def.Exists() {
			return nil, fmt.Errorf("#%s.kind names %q, but the CUE schema has no #%s", envelopeDef, k, k)
		}
		ref, err := g.define(k, def)
		if err != nil {
			return nil, err
		}
		byKind = append(byKind, Schema{
			"if":   Schema{"required": []string{"kind"}, "properties": map[string]Schema{"kind": {"const": k}}},
			"then": ref,
		})
	}
	required, err := requiredFields(env)
	if err != nil {
		return nil, err
	}
	// What svccat lint takes for a catalog document (validate.envelope):
	// an object whose apiVersion starts with svccat/, or that has no
	// apiVersion but a catalog kind. Anything else is someone else's YAML.
	ours := Schema{"type": "string", "pattern": "^" + apiPrefix}
	catalogDoc := Schema{
		"type": "object",
		"anyOf": []Schema{
			{"required": []string{"apiVersion"}, "properties": map[string]Schema{"apiVersion": ours}},
			{
				"not":        Schema{"required": []string{"apiVersion"}},
				"required":   []string{"kind"},
				"properties": map[string]Schema{"kind": {"enum": kinds}},
			},
		},
	}
	// Annotations only (no constraint, so other YAML still passes): an
	// editor completes the envelope of a new, empty document from them.
	hints := map[string]Schema{}
	for name, s := range map[string]Schema{"apiVersion": apiVersion, "kind": kind} {
		hint := Schema{"description": s["description"]}
		if c, ok := s["const"]; ok {
			hint["examples"] = []any{c}
		} else {
			hint["examples"] = kinds
		}
		hints[name] = hint
	}
	return Schema{
		"title": "svccat catalog document",
		"description": "A document of an svccat catalog (" + strings.Join(kinds, ", ") + "). " +
			"Generated from svccat's CUE schema by `svccat schema --format jsonschema`.",
		"properties": hints,
		"if":         catalogDoc,
		"then": Schema{
			"required":   required,
			"properties": map[string]Schema{"apiVersion": apiVersion, "kind": kind},
			"allOf":      byKind,
		},
		// Not a catalog document, and not checked, except for a list
		// holding catalog documents: they must be separate documents.
		"else": Schema{
			"items": Schema{"not": Schema{
				"type":       "object",
				"required":   []string{"apiVersion"},
				"properties": map[string]Schema{"apiVersion": ours},
			}},
		},
	}, nil
}

// field is the schema of one field of the struct v, with its doc.
func (g *generator) field(v cue.Value, name string) (Schema, error) {
	it, err := v.Fields(cue.Optional(true))
	if err != nil {
		return nil, err
	}
	for it.Next() {
		if it.Selector().Unquoted() == name {
			return g.describedField(name, it.Value())
		}
	}
	return nil, fmt.Errorf("%v has no field %q", v.Path(), name)
}

// define adds the definition #name to $defs (once) and returns a
// reference to it.
func (g *generator) define(name string, v cue.Value) (Schema, error) {
	ref := Schema{"$ref": "#/$defs/" + name}
	if _, ok := g.defs[name]; ok {
		return ref, nil
	}
	g.defs[name] = nil // a placeholder, so a recursive definition ends here
	s, err := g.value(v)
	if err != nil {
		return nil, fmt.Errorf("#%s: %v", name, err)
	}
	if doc := docText(v); doc != "" {
		s["description"] = doc
	}
	g.defs[name] = s
	return ref, nil
}

// schema is the schema of v: a reference when v names a definition of the
// schema, its translation otherwise.
func (g *generator) schema(v cue.Value) (Schema, error) {
	if _, p := v.ReferencePath(); isRootDef(p) {
		return g.define(strings.TrimPrefix(p.String(), "#"), g.root.LookupPath(p))
	}
	return g.value(v)
}

func isRootDef(p cue.Path) bool {
	sels := p.Selectors()
	return len(sels) == 1 && sels[0].IsDefinition()
}

// value translates v itself (a reference in v is followed only by
// schema, so that definitions become $defs).
func (g *generator) value(v cue.Value) (Schema, error) {
	k := v.IncompleteKind()
	if v.IsConcrete() && k&(cue.StructKind|cue.ListKind) == 0 {
		c, err := v.MarshalJSON()
		if err != nil {
			return nil, err
		}
		return Schema{"const": json.RawMessage(c)}, nil
	}
	switch k {
	case cue.StructKind:
		return g.object(v)
	case cue.ListKind:
		return g.array(v)
	}
	op, args := v.Expr()
	switch op {
	case cue.OrOp:
		return g.disjunction(v, args)
	case cue.AndOp:
		s := Schema{}
		for _, a := range args {
			as, err := g.schema(a)
			if err != nil {
				return nil, err
			}
			if err := s.merge(as); err != nil {
				return nil, err
			}
		}
		return s, nil
	case cue.GreaterThanOp, cue.GreaterThanEqualOp, cue.LessThanOp, cue.LessThanEqualOp:
		return bound(op, args)
	case cue.RegexMatchOp, cue.NotRegexMatchOp:
		re, err := args[0].String()
		if err != nil {
			return nil, fmt.Errorf("%v: a regular expression must be a string", v)
		}
		// JSON Schema patterns are ECMA-262 and CUE's are RE2; the
		// schema's (classes, groups, repetition, anchors) mean the same in
		// both.
		if op == cue.NotRegexMatchOp {
			return Schema{"type": "string", "not": Schema{"pattern": re}}, nil
		}
		return Schema{"type": "string", "pattern": re}, nil
	case cue.CallOp:
		return call(v, args)
	case cue.NoOp:
		return basic(v)
	}
	return nil, fmt.Errorf("%v: no JSON Schema for CUE operator %v", v, op)
}

// object translates a struct: its fields, which of them are required, and
// whether others are allowed.
func (g *generator) object(v cue.Value) (Schema, error) {
	s := Schema{"type": "object"}
	props := map[string]Schema{}
	it, err := v.Fields(cue.Optional(true))
	if err != nil {
		return nil, err
	}
	var required []string
	for it.Next() {
		name := it.Selector().Unquoted()
		fs, err := g.describedField(name, it.Value())
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		props[name] = fs
		// A regular field of a definition must be present in the data too.
		if !it.IsOptional() {
			required = append(required, name)
		}
	}
	if len(props) > 0 {
		s["properties"] = props
	}
	if len(required) > 0 {
		s["required"] = required
	}
	switch any := v.LookupPath(cue.MakePath(cue.AnyString)); {
	case any.Exists():
		as, err := g.schema(any)
		if err != nil {
			return nil, fmt.Errorf("[string]: %v", err)
		}
		s["additionalProperties"] = as
	case v.IsClosed():
		s["additionalProperties"] = false
	}
	return s, nil
}

// describedField is the schema of a field's value with the field's doc.
func (g *generator) describedField(name string, v cue.Value) (Schema, error) {
	s, err := g.schema(v)
	if err != nil {
		return nil, err
	}
	if doc := fieldDoc(name, v); doc != "" {
		s["description"] = doc
	}
	return s, nil
}

func (g *generator) array(v cue.Value) (Schema, error) {
	s := Schema{"type": "array"}
	if it, err := v.List(); err == nil && it.Next() {
		return nil, fmt.Errorf("%v: lists with fixed elements have no translation yet", v)
	}
	if elem := v.LookupPath(cue.MakePath(cue.AnyIndex)); elem.Exists() {
		es, err := g.schema(elem)
		if err != nil {
			return nil, fmt.Errorf("[...]: %v", err)
		}
		s["items"] = es
	}
	return s, nil
}

// disjunction is an enum when every alternative is a concrete scalar
// (the usual `"a" | "b"`), anyOf otherwise.
func (g *generator) disjunction(v cue.Value, alts []cue.Value) (Schema, error) {
	enum := make([]json.RawMessage, 0, len(alts))
	for _, a := range alts {
		if !a.IsConcrete() || a.IncompleteKind()&(cue.StructKind|cue.ListKind) != 0 {
			enum = nil
			break
		}
		c, err := a.MarshalJSON()
		if err != nil {
			return nil, err
		}
		enum = append(enum, c)
	}
	s := Schema{}
	if enum != nil {
		s["enum"] = enum
	} else {
		var anyOf []Schema
		for _, a := range alts {
			as, err := g.schema(a)
			if err != nil {
				return nil, err
			}
			anyOf = append(anyOf, as)
		}
		s["anyOf"] = anyOf
	}
	if d, ok := v.Default(); ok && d.IsConcrete() {
		if c, err := d.MarshalJSON(); err == nil {
			s["default"] = json.RawMessage(c)
		}
	}
	return s, nil
}

// bound translates a numeric bound such as >=0.
func bound(op cue.Op, args []cue.Value) (Schema, error) {
	if len(args) != 1 || args[0].IncompleteKind()&cue.NumberKind == 0 {
		return nil, fmt.Errorf("only numeric bounds have a JSON Schema translation")
	}
	n, err := args[0].MarshalJSON()
	if err != nil {
		return nil, err
	}
	key := map[cue.Op]string{
		cue.GreaterThanOp:      "exclusiveMinimum",
		cue.GreaterThanEqualOp: "minimum",
		cue.LessThanOp:         "exclusiveMaximum",
		cue.LessThanEqualOp:    "maximum",
	}[op]
	return Schema{"type": "number", key: json.RawMessage(n)}, nil
}

// call translates the builtin validators JSON Schema has a keyword for.
func call(v cue.Value, args []cue.Value) (Schema, error) {
	_, fnPath := args[0].ReferencePath()
	fn := fnPath.String()
	if len(args) != 2 {
		return nil, fmt.Errorf("%v: no JSON Schema for %s", v, fn)
	}
	n, err := args[1].Int64()
	if err != nil {
		return nil, fmt.Errorf("%v: %v", v, err)
	}
	switch fn {
	case "MaxRunes": // JSON Schema counts code points, as CUE counts runes
		return Schema{"type": "string", "maxLength": n}, nil
	case "MinRunes":
		return Schema{"type": "string", "minLength": n}, nil
	case "MaxItems":
		return Schema{"type": "array", "maxItems": n}, nil
	case "MinItems":
		return Schema{"type": "array", "minItems": n}, nil
	}
	return nil, fmt.Errorf("%v: no JSON Schema for %s", v, fn)
}

// basic translates a type such as string or int.
func basic(v cue.Value) (Schema, error) {
	switch k := v.IncompleteKind(); k {
	case cue.TopKind:
		return Schema{}, nil
	case cue.StringKind, cue.BytesKind:
		return Schema{"type": "string"}, nil
	case cue.IntKind:
		return Schema{"type": "integer"}, nil
	case cue.FloatKind, cue.NumberKind:
		return Schema{"type": "number"}, nil
	case cue.BoolKind:
		return Schema{"type": "boolean"}, nil
	case cue.NullKind:
		return Schema{"type": "null"}, nil
	default:
		return nil, fmt.Errorf("%v: no JSON Schema for a value of kind %v", v, k)
	}
}

// stringEnum lists the alternatives of a disjunction of strings.
func stringEnum(v cue.Value) ([]string, error) {
	op, args := v.Expr()
	if op != cue.OrOp {
		args = []cue.Value{v}
	}
	var out []string
	for _, a := range args {
		s, err := a.String()
		if err != nil {
			return nil, fmt.Errorf("want a disjunction of strings: %v", err)
		}
		out = append(out, s)
	}
	return out, nil
}

func requiredFields(v cue.Value) ([]string, error) {
	it, err := v.Fields(cue.Optional(true))
	if err != nil {
		return nil, err
	}
	var out []string
	for it.Next() {
		if !it.IsOptional() {
			out = append(out, it.Selector().Unquoted())
		}
	}
	return out, nil
}

// docText is v's doc comment as a description: lines joined, paragraphs
// kept.
func docText(v cue.Value) string {
	var paras []string
	for _, cg := range v.Doc() {
		for _, p := range strings.Split(strings.TrimSpace(cg.Text()), "\n\n") {
			if p = strings.Join(strings.Fields(p), " "); p != "" {
				paras = append(paras, p)
			}
		}
	}
	return strings.Join(paras, "\n\n")
}

// fieldDoc is a field's description. The schema's comments open with the
// field's name ("owner: the Team accountable…"), which an editor already
// shows, so that is dropped.
func fieldDoc(name string, v cue.Value) string {
	doc := docText(v)
	rest, ok := strings.CutPrefix(doc, name+": ")
	if !ok {
		return doc
	}
	r, size := utf8.DecodeRuneInString(rest)
	return string(unicode.ToUpper(r)) + rest[size:]
}
