package validate

import (
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/token"
	"gopkg.in/yaml.v3"
)

// values unifies the document with its definition and reports the value
// errors CUE finds (enums, bounds, patterns) at the YAML node they concern.
// Shape errors were reported by walk and are dropped here.
func (v *docCheck) values(ctx *cue.Context, def cue.Value) {
	val := ctx.BuildExpr(toAST(v.doc.Root))
	if val.Err() != nil {
		return
	}
	err := def.Unify(val).Validate(cue.Concrete(true))
	if err == nil {
		return
	}
	type group struct {
		path     []string
		enum     []string // allowed values, from "conflicting values" errors
		got      string
		messages []string
	}
	var order []string
	groups := map[string]*group{}
	for _, e := range errors.Errors(err) {
		path := trimDefs(e.Path())
		key := strings.Join(path, ".")
		if v.flaggedAt(path) {
			continue
		}
		format, args := e.Msg()
		msg := fmt.Sprintf(format, args...)
		switch {
		case strings.Contains(msg, "errors in empty disjunction"),
			strings.Contains(msg, "mismatched types"),
			strings.Contains(msg, "not allowed"),
			strings.Contains(msg, "required but not present"),
			strings.Contains(msg, "incomplete value"):
			continue
		}
		g := groups[key]
		if g == nil {
			g = &group{path: path}
			groups[key] = g
			order = append(order, key)
		}
		if m := conflictRE.FindStringSubmatch(msg); m != nil {
			g.enum = append(g.enum, m[1])
			g.got = m[2]
			continue
		}
		g.messages = append(g.messages, friendly(msg))
	}
	for _, key := range order {
		g := groups[key]
		n := v.node(g.path)
		name := fieldName(g.path)
		for _, m := range g.messages {
			v.issues = append(v.issues, Issue{Pos: v.doc.NodePos(n), Message: name + ": " + m})
		}
		if len(g.enum) > 0 && len(g.messages) == 0 {
			v.issues = append(v.issues, Issue{Pos: v.doc.NodePos(n),
				Message: fmt.Sprintf("%s: %s is not allowed; want %s", name, g.got, strings.Join(g.enum, ", "))})
		}
	}
}

var conflictRE = regexp.MustCompile(`^conflicting values (".*?"|\S+) and (".*?"|\S+)$`)

// patterns maps the schema's regular expressions to what a user needs to
// read.
var patterns = []struct{ re, says string }{
	{`=~"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"`, "must be a lower-case name of letters, digits and hyphens, like corporate-email"},
	{`=~"^([0-9]+w)?([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?$"`, "must be a duration like 30s, 15m, 4h, 2d, 1w or 1h30m"},
	{`=~"^[0-9]"`, "must be a duration like 30s, 15m, 4h, 2d, 1w or 1h30m"},
	{`=~"^[A-Z]{3}$"`, "must be a three-letter ISO 4217 currency code like USD"},
	{`=~"^[0-9]+(\\.[0-9]+)?$"`, "must be a non-negative decimal amount like 14.50"},
	{`strings.MaxRunes(63)`, "must be at most 63 characters"},
}

var outOfBoundRE = regexp.MustCompile(`^invalid value (.*) \(out of bound (.*)\)$`)

func friendly(msg string) string {
	m := outOfBoundRE.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	for _, p := range patterns {
		if m[2] == p.re {
			return fmt.Sprintf("%s %s", m[1], p.says)
		}
	}
	bound := m[2]
	for _, r := range []struct{ op, says string }{{">=", "at least"}, {"<=", "at most"}, {">", "greater than"}, {"<", "less than"}} {
		if strings.HasPrefix(bound, r.op) {
			return fmt.Sprintf("%s is out of range: must be %s %s", m[1], r.says, strings.TrimPrefix(bound, r.op))
		}
	}
	return fmt.Sprintf("%s does not satisfy %s", m[1], bound)
}

// flaggedAt reports whether walk already reported the node at path or one
// above it.
func (v *docCheck) flaggedAt(path []string) bool {
	for i := len(path); i >= 0; i-- {
		if v.flagged[strings.Join(path[:i], ".")] {
			return true
		}
	}
	return false
}

func trimDefs(path []string) []string {
	for len(path) > 0 && strings.HasPrefix(path[0], "#") {
		path = path[1:]
	}
	out := make([]string, len(path))
	for i, p := range path {
		if s, err := strconv.Unquote(p); err == nil {
			p = s
		}
		out[i] = p
	}
	return out
}

// node finds the YAML node at path, or the deepest node on the way there.
func (v *docCheck) node(path []string) *yaml.Node {
	n := deref(v.doc.Root)
	for _, p := range path {
		switch n.Kind {
		case yaml.MappingNode:
			_, c := lookup(n, p)
			if c == nil {
				return n
			}
			n = deref(c)
		case yaml.SequenceNode:
			i, err := strconv.Atoi(p)
			if err != nil || i < 0 || i >= len(n.Content) {
				return n
			}
			n = deref(n.Content[i])
		default:
			return n
		}
	}
	return n
}

// toAST converts a YAML node to a CUE expression, expanding aliases. The
// reader has already bounded the expanded size and depth of the document.
func toAST(n *yaml.Node) ast.Expr {
	n = deref(n)
	switch n.Kind {
	case yaml.MappingNode:
		st := &ast.StructLit{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			st.Elts = append(st.Elts, &ast.Field{
				Label: ast.NewString(n.Content[i].Value),
				Value: toAST(n.Content[i+1]),
			})
		}
		return st
	case yaml.SequenceNode:
		l := &ast.ListLit{}
		for _, c := range n.Content {
			l.Elts = append(l.Elts, toAST(c))
		}
		return l
	}
	switch yamlKind(n) {
	case cue.IntKind:
		if i, ok := new(big.Int).SetString(strings.ReplaceAll(n.Value, "_", ""), 0); ok {
			return ast.NewLit(token.INT, i.String())
		}
	case cue.FloatKind:
		if r, ok := new(big.Rat).SetString(n.Value); ok {
			return ast.NewLit(token.FLOAT, r.FloatString(decimals(n.Value)))
		}
	case cue.BoolKind:
		return ast.NewBool(n.Value == "true" || n.Value == "True" || n.Value == "TRUE")
	case cue.NullKind:
		return ast.NewNull()
	}
	return ast.NewString(n.Value)
}

// decimals is how many digits after the point a float literal needs to be
// written out exactly.
func decimals(s string) int {
	s = strings.ToLower(s)
	exp := 0
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		exp, _ = strconv.Atoi(s[i+1:])
		s = s[:i]
	}
	frac := 0
	if i := strings.IndexByte(s, '.'); i >= 0 {
		frac = len(s) - i - 1
	}
	return max(frac-exp, 1)
}
