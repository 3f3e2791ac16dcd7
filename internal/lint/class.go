package lint

// Class is what a rule's findings mean for the reports (SPEC section 4).
type Class int

const (
	// Policy rules are configurable and suppressible, and never stop a
	// report.
	Policy Class = iota
	// LoadProblem rules report what kept the catalog from loading; a
	// report cannot trust a catalog with any of them.
	LoadProblem
	// Structural rules report what makes some computations impossible: a
	// dependency cycle (no restore order, no step-down allocation), a
	// currency mismatch (no sum).
	Structural
)

// The fixed classes, by rule id. Their findings are always errors: they
// cannot be configured or suppressed.
const (
	RuleFile                = "file"
	RuleYAMLSyntax          = "yaml-syntax"
	RuleSchema              = "schema"
	RuleDuplicateName       = "duplicate-name"
	RuleUnresolvedReference = "unresolved-reference"
	RuleDependencyCycle     = "dependency-cycle"
	RuleCurrencyMismatch    = "currency-mismatch"
)

var classes = map[string]Class{
	RuleFile: LoadProblem, RuleYAMLSyntax: LoadProblem, RuleSchema: LoadProblem,
	RuleDuplicateName: LoadProblem, RuleUnresolvedReference: LoadProblem,
	RuleDependencyCycle: Structural, RuleCurrencyMismatch: Structural,
}

// ClassOf is the class of the rule with this id; Policy for every rule
// that is not a load or structural problem.
func ClassOf(rule string) Class { return classes[rule] }

// Class is the rule's class.
func (r *Rule) Class() Class { return ClassOf(r.Name) }

func (c Class) String() string {
	switch c {
	case LoadProblem:
		return "load problem"
	case Structural:
		return "structural problem"
	}
	return "policy rule"
}
