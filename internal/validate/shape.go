package validate

import (
	"fmt"
	"sort"

	"cuelang.org/go/cue"
)

// shape is the CUE schema unfolded once into a tree that a document walk
// can follow without asking CUE about structure again: per mapping the
// allowed and required fields, per list the element, per value its kinds
// and, where there is more to it than a kind, the CUE constraint itself.
// Values are still checked by CUE (see leafCheck); only the walking is
// done in Go, which is what makes validation fast.
type shape struct {
	kind cue.Kind

	// Mappings.
	fields   map[string]*shape
	names    []string // field names, sorted, for suggestions
	required []string // in schema order
	pattern  *shape   // {[string]: X}
	closed   bool
	// whole is the mapping's CUE value when the schema marks it
	// @svccat(whole): a field it requires depends on another field's
	// value (restore.failover with strategy failover), which a walk
	// field by field cannot see.
	whole *cue.Value

	// Lists.
	elem *shape

	// Values that may be a mapping or list or something else (such as
	// #Dependency: a name or a mapping): one shape per alternative.
	alts []*shape

	// Scalars: the constraint, and whether it says more than the kind.
	leaf        cue.Value
	constrained bool
	fast        accept // nil when only CUE can tell
	// bound is a range the schema's regular expressions cannot say:
	// "duration" or "money" for the values of #Duration and #Money.
	bound string
}

// maxShapeDepth guards the unfolding against a recursive schema.
const maxShapeDepth = 32

func buildShape(v cue.Value, depth int) *shape {
	s := &shape{kind: v.IncompleteKind()}
	if depth > maxShapeDepth {
		return s
	}
	composite := s.kind & (cue.StructKind | cue.ListKind)
	if composite != 0 && s.kind != composite && s.kind != cue.StructKind && s.kind != cue.ListKind || composite == cue.StructKind|cue.ListKind {
		for _, a := range disjuncts(v) {
			s.alts = append(s.alts, buildShape(a, depth+1))
		}
		if len(s.alts) > 0 {
			return s
		}
	}
	switch s.kind {
	case cue.StructKind:
		s.fields = map[string]*shape{}
		s.closed = !v.Allows(cue.Str("\x00svccat-probe"))
		for _, a := range cue.Dereference(v).Attributes(cue.DeclAttr) {
			if a.Name() == "svccat" && a.Contents() == "whole" {
				w := v
				s.whole = &w
			}
		}
		it, err := v.Fields(cue.Optional(true))
		if err == nil {
			for it.Next() {
				sel := it.Selector()
				name := sel.Unquoted()
				s.fields[name] = buildShape(it.Value(), depth+1)
				s.names = append(s.names, name)
				if sel.ConstraintType() == cue.RequiredConstraint {
					s.required = append(s.required, name)
				}
			}
		}
		sort.Strings(s.names)
		if p := v.LookupPath(cue.MakePath(cue.AnyString)); p.Exists() {
			s.pattern = buildShape(p, depth+1)
		}
	case cue.ListKind:
		if e := v.LookupPath(cue.MakePath(cue.AnyIndex)); e.Exists() {
			s.elem = buildShape(e, depth+1)
		}
	default:
		s.leaf = v
		s.constrained = !bareKind[fmt.Sprint(v)]
		s.fast = compileAccept(v, 0)
		s.bound = boundOf(v)
	}
	return s
}

// boundOf names the range check a value of the schema needs beyond CUE:
// the definitions #Duration and #Money, found by reference.
func boundOf(v cue.Value) string {
	_, p := v.ReferencePath()
	switch p.String() {
	case "#Duration":
		return "duration"
	case "#Money":
		return "money"
	}
	return ""
}

// bareKind lists the constraints that say nothing beyond the kind, which
// the walk checks by itself.
var bareKind = map[string]bool{"string": true, "number": true, "int": true, "float": true, "bool": true, "_": true, "null": true}

// disjuncts returns the alternatives of a disjunction, following a
// reference such as #Dependency to its definition.
func disjuncts(v cue.Value) []cue.Value {
	op, args := cue.Dereference(v).Expr()
	if op != cue.OrOp {
		return nil
	}
	return args
}

// alt picks the alternative of s that can hold a value of kind k.
func (s *shape) alt(k cue.Kind) *shape {
	if len(s.alts) == 0 {
		return s
	}
	for _, a := range s.alts {
		if a.kind&k != 0 {
			return a
		}
	}
	return s.alts[0]
}

// field returns the shape of a mapping's field, declared or matched by a
// pattern; nil when the field is not allowed.
func (s *shape) field(name string) *shape {
	if f, ok := s.fields[name]; ok {
		return f
	}
	if s.pattern != nil {
		return s.pattern
	}
	if !s.closed {
		return &shape{kind: cue.TopKind}
	}
	return nil
}
