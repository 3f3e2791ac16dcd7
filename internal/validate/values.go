package validate

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/token"
	"gopkg.in/yaml.v3"

	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/source"
)

// leafChecker checks scalar values against their CUE constraints and
// remembers the verdicts: catalogs repeat the same values (types, tiers,
// durations, currencies) thousands of times.
type leafChecker struct {
	ctx       *cue.Context
	memo      map[leafKey][]string
	evaluated int // values evaluated in ctx
}

type leafKey struct {
	s          *shape
	tag, value string
}

// maxMemo bounds the memo; past it values are still checked, just not
// remembered.
const maxMemo = 1 << 16

func (l *leafChecker) check(s *shape, n *yaml.Node) []string {
	if s.fast != nil && s.fast(yamlKind(n), n) {
		return nil
	}
	key := leafKey{s, n.Tag, n.Value}
	if msgs, ok := l.memo[key]; ok {
		return msgs
	}
	l.evaluated++
	val := l.ctx.BuildExpr(toAST(n))
	msgs := describe(s.leaf.Unify(val).Validate(cue.Concrete(true)))
	if len(l.memo) < maxMemo {
		l.memo[key] = msgs
	}
	return msgs
}

// missing returns the fields that CUE finds required but absent when the
// mapping n is checked against whole as one value: fields whose
// requirement depends on other fields' values. Other problems are the
// walk's to report.
func (l *leafChecker) missing(whole cue.Value, n *yaml.Node) []string {
	l.evaluated++
	// Only the scalar fields that satisfy their own constraint take
	// part: every field is checked by the walk already, and a wrong one
	// would hide the missing field behind its own conflict.
	probe := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], deref(n.Content[i+1])
		if val.Kind != yaml.ScalarNode {
			continue
		}
		fs := whole.LookupPath(cue.MakePath(cue.Str(k.Value).Optional()))
		if !fs.Exists() || fs.Unify(l.ctx.BuildExpr(toAST(val))).Validate(cue.Concrete(true)) != nil {
			continue
		}
		probe.Content = append(probe.Content, k, val)
	}
	err := whole.Unify(l.ctx.BuildExpr(toAST(probe))).Validate(cue.Concrete(true))
	var out []string
	for _, e := range errors.Errors(err) {
		format, args := e.Msg()
		if !strings.Contains(fmt.Sprintf(format, args...), "required but not present") {
			continue
		}
		if p := e.Path(); len(p) > 0 {
			out = append(out, p[len(p)-1])
		}
	}
	return out
}

// strictValues unifies the whole document with its definition and returns
// CUE's verdict, grouped by path. The fast path (walk) must agree with it;
// a test holds them to that.
func strictValues(ctx *cue.Context, def cue.Value, doc *source.Document) map[string][]string {
	val := ctx.BuildExpr(toAST(doc.Root))
	err := def.Unify(val).Validate(cue.Concrete(true))
	out := map[string][]string{}
	byPath := map[string][]errors.Error{}
	var order []string
	for _, e := range errors.Errors(err) {
		key := strings.Join(trimDefs(e.Path()), ".")
		if _, ok := byPath[key]; !ok {
			order = append(order, key)
		}
		byPath[key] = append(byPath[key], e)
	}
	for _, key := range order {
		var list errors.Error
		for _, e := range byPath[key] {
			list = errors.Append(list, e)
		}
		out[key] = describe(list)
	}
	return out
}

// describe turns CUE's errors about one value into messages a user can
// act on: enum mismatches become one "want a, b, c", regular expressions
// become what they mean, and noise (disjunction headers, type mismatches
// the walk reports itself) is dropped.
func describe(err error) []string {
	if err == nil {
		return nil
	}
	var enum []string
	var got string
	var msgs []string
	for _, e := range errors.Errors(err) {
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
		if m := conflictRE.FindStringSubmatch(msg); m != nil {
			enum = append(enum, m[1])
			got = m[2]
			continue
		}
		msgs = append(msgs, friendly(msg))
	}
	if len(enum) > 0 && len(msgs) == 0 {
		msgs = append(msgs, fmt.Sprintf("%s is not allowed; want %s", got, strings.Join(enum, ", ")))
	}
	return msgs
}

var conflictRE = regexp.MustCompile(`^conflicting values (".*?"|\S+) and (".*?"|\S+)$`)

// patterns maps the schema's regular expressions to what a user needs to
// read.
var patterns = []struct{ re, says string }{
	{`=~"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"`, "must be a lower-case name of at most 63 letters, digits and hyphens, starting and ending with a letter or digit, like corporate-email"},
	{`=~"^([0-9]+w)?([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?$"`, "must be a duration like 30s, 15m, 4h, 2d, 1w or 1h30m"},
	{`=~"^[0-9]"`, "must be a duration like 30s, 15m, 4h, 2d, 1w or 1h30m"},
	{`=~"^[A-Z]{3}$"`, "must be a three-letter ISO 4217 currency code like USD"},
	{`=~"^[0-9]+(\\.[0-9]+)?$"`, "must be a non-negative decimal amount like 14.50"},
	{`=~"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"`, "must be a date YYYY-MM-DD like 2026-12-01"},
	{`=~"^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$"`, "must be a period: a month (2026-10), a quarter (2026-Q4) or a year (2026)"},
	{`=~"^[0-9]+ ?(B|KiB|MiB|GiB|KB|MB|GB)$"`, "must be a size in bytes like 1048576, 512KiB or 32MiB"},
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
		if i, ok := decimalInt(n.Value); ok {
			return ast.NewLit(token.INT, i.String())
		}
	case cue.FloatKind:
		if d, err := decimal.Parse(n.Value); err == nil {
			return ast.NewLit(token.FLOAT, d.FloatString(decimals(n.Value)))
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
