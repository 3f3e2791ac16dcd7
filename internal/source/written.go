package source

import (
	"encoding/json"
	"strconv"

	"gopkg.in/yaml.v3"
)

// Written is a document as written, as plain values — map[string]any,
// []any, string, json.Number, bool or nil — with aliases expanded and
// positions, comments, quoting and key order gone: what `svccat diff`
// compares. Numbers keep their text ("14.10" stays 14.10); no schema
// default is applied.
func Written(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 1 {
			return Written(n.Content[0])
		}
		return nil
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil
		}
		return Written(n.Alias)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.AliasNode && k.Alias != nil {
				k = k.Alias
			}
			m[k.Value] = Written(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := make([]any, len(n.Content))
		for i, c := range n.Content {
			l[i] = Written(c)
		}
		return l
	}
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		if b, err := strconv.ParseBool(n.Value); err == nil {
			return b
		}
	case "!!int", "!!float":
		// Only what JSON can carry as a number; 0x1F or .inf stay text.
		if json.Valid([]byte(n.Value)) {
			if _, err := strconv.ParseFloat(n.Value, 64); err == nil {
				return json.Number(n.Value)
			}
		}
	}
	return n.Value
}
