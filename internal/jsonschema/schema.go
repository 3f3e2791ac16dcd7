package jsonschema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
)

// Schema is one JSON Schema object: keyword to value. A value is a
// Schema, a []Schema, a map[string]Schema (properties, $defs), a bool
// (a boolean schema), a json.RawMessage (a CUE literal, copied exactly) or
// a plain JSON value.
type Schema map[string]any

// merge adds the constraints of o to s, for a conjunction. A keyword both
// set differently moves o's value into allOf, which keeps the meaning
// without reasoning about each keyword.
func (s Schema) merge(o Schema) error {
	for k, v := range o {
		old, ok := s[k]
		switch {
		case !ok:
			s[k] = v
		case k == "type":
			t, err := meetTypes(old.(string), v.(string))
			if err != nil {
				return err
			}
			s[k] = t
		case k == "description" || reflect.DeepEqual(old, v):
		case k == "allOf":
			s[k] = append(old.([]Schema), v.([]Schema)...)
		default:
			all, _ := s["allOf"].([]Schema)
			s["allOf"] = append(all, Schema{k: v})
		}
	}
	return nil
}

// meetTypes is the JSON type of a value of both types.
func meetTypes(a, b string) (string, error) {
	switch {
	case a == b:
		return a, nil
	case a == "number" && b == "integer", a == "integer" && b == "number":
		return "integer", nil
	}
	return "", fmt.Errorf("a value cannot be both %s and %s", a, b)
}

// keywordOrder is the order keywords are written in, so that a reader
// meets what a schema is before the detail; others follow sorted.
var keywordOrder = []string{
	"$schema", "$id", "$ref", "title", "description", "type", "const", "enum", "default", "examples",
	"required", "properties", "additionalProperties", "items",
	"minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum",
	"minLength", "maxLength", "pattern", "minItems", "maxItems",
	"if", "then", "else", "not", "anyOf", "oneOf", "allOf",
	"$defs", "definitions",
}

var keywordRank = func() map[string]int {
	m := map[string]int{}
	for i, k := range keywordOrder {
		m[k] = i
	}
	return m
}()

// MarshalJSON writes the keywords in keywordOrder (encoding/json would
// sort them), so the output is stable and readable.
func (s Schema) MarshalJSON() ([]byte, error) {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		ri, iok := keywordRank[keys[i]]
		rj, jok := keywordRank[keys[j]]
		switch {
		case iok && jok:
			return ri < rj
		case iok != jok:
			return iok
		}
		return keys[i] < keys[j]
	})
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		buf.Write(kb)
		buf.WriteByte(':')
		vb, err := json.Marshal(s[k])
		if err != nil {
			return nil, err
		}
		buf.Write(vb)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// toDraft7 rewrites a 2020-12 schema for draft-07: definitions live under
// "definitions", and "$ref" ignores its sibling keywords, so a reference
// with siblings moves into allOf.
func toDraft7(s Schema) Schema {
	out := Schema{}
	for k, v := range s {
		switch k {
		case "$defs":
			k = "definitions"
		case "$ref":
			v = "#/definitions/" + v.(string)[len("#/$defs/"):]
		}
		out[k] = draft7Value(v)
	}
	if ref, ok := out["$ref"]; ok && len(out) > 1 {
		delete(out, "$ref")
		all, _ := out["allOf"].([]Schema)
		out["allOf"] = append([]Schema{{"$ref": ref}}, all...)
	}
	return out
}

func draft7Value(v any) any {
	switch v := v.(type) {
	case Schema:
		return toDraft7(v)
	case []Schema:
		out := make([]Schema, len(v))
		for i, s := range v {
			out[i] = toDraft7(s)
		}
		return out
	case map[string]Schema:
		out := make(map[string]Schema, len(v))
		for k, s := range v {
			out[k] = toDraft7(s)
		}
		return out
	}
	return v
}
