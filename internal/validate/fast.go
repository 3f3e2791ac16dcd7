package validate

import (
	"fmt"
	"math/big"
	"regexp"

	"cuelang.org/go/cue"
	"gopkg.in/yaml.v3"

	"github.com/svccat/svccat/internal/decimal"
)

// accept is a fast way to say yes: a predicate compiled from a leaf's CUE
// constraint when the constraint is made only of kinds, literals, bounds,
// regular expressions, conjunctions and disjunctions. It never says no:
// a value it does not accept goes to CUE, which decides and words the
// message. A test holds it to CUE's verdict on many values.
type accept func(k cue.Kind, n *yaml.Node) bool

// compileAccept returns nil when the constraint uses anything else.
func compileAccept(v cue.Value, depth int) accept {
	if depth > 16 {
		return nil
	}
	v = cue.Dereference(v)
	op, args := v.Expr()
	switch op {
	case cue.NoOp:
		if len(args) > 1 {
			return nil
		}
		kind := v.IncompleteKind()
		if !v.IsConcrete() {
			if !bareKind[fmt.Sprint(v)] {
				return nil
			}
			return func(k cue.Kind, _ *yaml.Node) bool { return k&kind != 0 }
		}
		switch kind {
		case cue.StringKind:
			want, _ := v.String()
			return func(k cue.Kind, n *yaml.Node) bool { return k == cue.StringKind && n.Value == want }
		case cue.IntKind, cue.FloatKind, cue.NumberKind:
			want, ok := new(big.Rat).SetString(fmtValue(v))
			if !ok {
				return nil
			}
			return func(k cue.Kind, n *yaml.Node) bool {
				got, ok := number(k, n)
				return ok && got.Cmp(want) == 0
			}
		}
		return nil
	case cue.AndOp, cue.OrOp:
		var preds []accept
		for _, a := range args {
			p := compileAccept(a, depth+1)
			if p == nil {
				return nil
			}
			preds = append(preds, p)
		}
		if op == cue.AndOp {
			return func(k cue.Kind, n *yaml.Node) bool {
				for _, p := range preds {
					if !p(k, n) {
						return false
					}
				}
				return true
			}
		}
		return func(k cue.Kind, n *yaml.Node) bool {
			for _, p := range preds {
				if p(k, n) {
					return true
				}
			}
			return false
		}
	case cue.RegexMatchOp, cue.NotRegexMatchOp:
		if len(args) != 1 {
			return nil
		}
		pat, err := args[0].String()
		if err != nil {
			return nil
		}
		re, err := regexp.Compile(pat)
		if err != nil {
			return nil
		}
		want := op == cue.RegexMatchOp
		return func(k cue.Kind, n *yaml.Node) bool { return k == cue.StringKind && re.MatchString(n.Value) == want }
	case cue.LessThanOp, cue.LessThanEqualOp, cue.GreaterThanOp, cue.GreaterThanEqualOp:
		if len(args) != 1 || args[0].IncompleteKind()&cue.NumberKind == 0 || !args[0].IsConcrete() {
			return nil
		}
		bound, ok := new(big.Rat).SetString(fmtValue(args[0]))
		if !ok {
			return nil
		}
		return func(k cue.Kind, n *yaml.Node) bool {
			got, ok := number(k, n)
			if !ok {
				return false
			}
			c := got.Cmp(bound)
			switch op {
			case cue.LessThanOp:
				return c < 0
			case cue.LessThanEqualOp:
				return c <= 0
			case cue.GreaterThanOp:
				return c > 0
			default:
				return c >= 0
			}
		}
	}
	return nil
}

func fmtValue(v cue.Value) string {
	b, err := v.MarshalJSON()
	if err == nil {
		return string(b)
	}
	return ""
}

// number reads a YAML scalar of a number kind exactly, as toAST does.
func number(k cue.Kind, n *yaml.Node) (*big.Rat, bool) {
	switch k {
	case cue.IntKind:
		i, ok := decimalInt(n.Value)
		if !ok {
			return nil, false
		}
		return new(big.Rat).SetInt(i), true
	case cue.FloatKind:
		d, err := decimal.Parse(n.Value)
		if err != nil {
			return nil, false
		}
		return d.Rat(), true
	}
	return nil, false
}
