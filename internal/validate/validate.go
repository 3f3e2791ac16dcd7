// Package validate checks catalog documents against the embedded CUE
// schema and reports every problem of a document in one pass, each at the
// position of the YAML node it is about.
//
// Two passes share the work. A structural walk of the YAML alongside the
// schema finds unknown fields, missing required fields and wrong types —
// CUE reports those only at the schema's position, and hides them behind
// the first type conflict (cue-lang/cue#3358). CUE itself then checks the
// values (enums, bounds, patterns); its errors are mapped back to YAML nodes
// by their path.
package validate

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"
	"gopkg.in/yaml.v3"

	"github.com/svccat/svccat/internal/source"
	"github.com/svccat/svccat/schema"
)

// APIVersion is the one version of the format this build reads.
const APIVersion = "svccat/v1"

// Kinds are the kinds of catalog document, in the order docs list them.
var Kinds = []string{"Market", "Segment", "Persona", "Service", "Team", "Site", "Person", "Stakeholder", "Measurement"}

// Issue is one schema violation.
type Issue struct {
	Pos source.Pos
	// Path is the offending field, dotted from the document root
	// ("spec.impact.tier", "spec.dependsOn[1].type"; "document" for the
	// document as a whole): the finding's position-free key.
	Path    string
	Message string
}

// Result is the verdict on one document.
type Result struct {
	// Skipped is true for a document that is not a catalog document
	// (its apiVersion is not svccat/…).
	Skipped bool
	// Kind is the document's kind, when it is a known one.
	Kind   string
	Issues []Issue
}

// OK reports whether the document is a catalog document without issues.
func (r Result) OK() bool { return !r.Skipped && len(r.Issues) == 0 }

// Documents validates docs in parallel and returns one Result per document,
// in the same order.
func Documents(docs []*source.Document) []Result {
	out := make([]Result, len(docs))
	workers := runtime.GOMAXPROCS(0)
	if workers > len(docs) {
		workers = len(docs)
	}
	var next int
	var mu sync.Mutex
	var wg sync.WaitGroup
	const batch = 64
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := NewChecker()
			for {
				mu.Lock()
				lo := next
				next += batch
				mu.Unlock()
				if lo >= len(docs) {
					return
				}
				hi := min(lo+batch, len(docs))
				for i := lo; i < hi; i++ {
					out[i] = c.Check(docs[i])
				}
			}
		}()
	}
	wg.Wait()
	return out
}

// Document validates one document.
func Document(doc *source.Document) Result { return NewChecker().Check(doc) }

// contextBudget is how many values one cue.Context evaluates before it is
// replaced: a context keeps everything built in it, so a long-lived one
// would grow with the catalog. Only values the fast path cannot accept
// and the memo has not seen reach CUE, so this is rarely reached.
const contextBudget = 2000

// Checker validates documents one at a time. It is not safe for
// concurrent use: give each goroutine its own.
type Checker struct {
	ctx    *cue.Context
	defs   map[string]cue.Value
	shapes map[string]*shape
	config *shape
	leaves leafChecker
}

// NewChecker compiles the embedded schema into a new Checker.
func NewChecker() *Checker {
	c := &Checker{}
	c.reset()
	return c
}

func (c *Checker) reset() {
	c.ctx = cuecontext.New()
	root := c.ctx.CompileString(schema.Source, cue.Filename("schema/catalog.cue"))
	if err := root.Err(); err != nil {
		// The schema is embedded and tested; this cannot happen in a release.
		panic(fmt.Sprintf("embedded schema does not compile: %v", err))
	}
	c.defs = map[string]cue.Value{}
	c.shapes = map[string]*shape{}
	for _, k := range Kinds {
		c.defs[k] = root.LookupPath(cue.MakePath(cue.Def(k)))
		c.shapes[k] = buildShape(c.defs[k], 0)
	}
	conf := c.ctx.CompileString(schema.ConfigSource, cue.Filename("schema/config.cue"), cue.Scope(root))
	if err := conf.Err(); err != nil {
		panic(fmt.Sprintf("embedded config schema does not compile: %v", err))
	}
	c.config = buildShape(conf.LookupPath(cue.MakePath(cue.Def("Config"))), 0)
	c.leaves = leafChecker{ctx: c.ctx, memo: map[leafKey][]string{}}
}

// Config validates a configuration document against the config schema
// (#Config in schema/config.cue): every problem, each at its position,
// unknown keys included.
func (c *Checker) Config(doc *source.Document) []Issue {
	v := &docCheck{doc: doc, leaves: &c.leaves, nullIsEmpty: true}
	v.walk(doc.Root, nil, c.config, nil)
	return v.issues
}

// Check validates one document.
func (c *Checker) Check(doc *source.Document) Result {
	if c.leaves.evaluated >= contextBudget {
		c.reset()
	}
	v := &docCheck{doc: doc, leaves: &c.leaves}
	res := v.envelope()
	if res.Skipped || res.Kind == "" {
		res.Issues = v.issues
		return res
	}
	v.walk(doc.Root, nil, c.shapes[res.Kind], nil)
	sort.SliceStable(v.issues, func(i, j int) bool {
		a, b := v.issues[i].Pos, v.issues[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	res.Issues = v.issues
	return res
}

type docCheck struct {
	doc    *source.Document
	leaves *leafChecker
	issues []Issue
	// nullIsEmpty accepts a null where a mapping or list belongs: in the
	// config, a key whose entries are all commented out means "none".
	nullIsEmpty bool
}

func (v *docCheck) report(n *yaml.Node, path []string, format string, args ...any) {
	v.issues = append(v.issues, Issue{Pos: v.doc.NodePos(n), Path: fieldName(path), Message: fmt.Sprintf(format, args...)})
}

// envelope classifies the document by apiVersion and kind.
func (v *docCheck) envelope() Result {
	root := deref(v.doc.Root)
	if root.Kind != yaml.MappingNode {
		// No apiVersion, so not a catalog document (SPEC §2): a list or a
		// scalar in some other YAML file of the repository is skipped.
		// A list of catalog documents is a mistake worth saying so.
		if root.Kind == yaml.SequenceNode {
			for _, item := range root.Content {
				if _, api := lookup(item, "apiVersion"); api != nil && strings.HasPrefix(deref(api).Value, "svccat/") {
					v.report(root, nil, "a catalog document must be a mapping, not a list: separate the documents with ---")
					return Result{}
				}
			}
		}
		return Result{Skipped: true}
	}
	apiKey, api := lookup(root, "apiVersion")
	_, kind := lookup(root, "kind")
	kindName := ""
	if kind != nil && deref(kind).Kind == yaml.ScalarNode {
		kindName = deref(kind).Value
	}
	if api == nil {
		if isKind(kindName) {
			// A catalog document that forgot its apiVersion: the walk
			// reports the missing field (once) with the rest.
			return Result{Kind: kindName}
		}
		return Result{Skipped: true}
	}
	a := deref(api)
	if a.Kind != yaml.ScalarNode || !strings.HasPrefix(a.Value, "svccat/") {
		return Result{Skipped: true}
	}
	if a.Value != APIVersion {
		v.report(a, []string{"apiVersion"}, "unknown apiVersion %q: this svccat reads %s", a.Value, APIVersion)
		_ = apiKey
		return Result{}
	}
	if kind == nil {
		v.report(root, []string{"kind"}, "missing required field \"kind\" (one of %s)", strings.Join(Kinds, ", "))
		return Result{}
	}
	if !isKind(kindName) {
		v.report(kind, []string{"kind"}, "unknown kind %s: want one of %s", describeNode(deref(kind)), strings.Join(Kinds, ", "))
		return Result{}
	}
	return Result{Kind: kindName}
}

func isKind(k string) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// lookup finds a key in a mapping node.
func lookup(m *yaml.Node, key string) (k, val *yaml.Node) {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}
