// Package diff compares two loaded catalogs — the base and the head of a
// change — and their reports, and returns one Change value: findings new
// and fixed, entities added, removed and changed field by field, the
// restore plans, impact, cost and traceability. It computes the reports
// with the packages that own them (graph, cost) and never prints.
package diff

import (
	"sort"
	"time"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
)

// Side is one catalog of the comparison, loaded with Written documents.
type Side struct {
	Catalog  *catalog.Catalog
	Config   *config.Config
	Findings []finding.Finding
}

// Options tune the comparison.
type Options struct {
	// CostThreshold (percent) hides cost rows that moved by less; 0 shows
	// every row that moved.
	CostThreshold decimal.Decimal
	// Period is the cost reporting period; "" is the config's.
	Period string
}

// Sections, by the names JSON and omitted use.
const (
	SectionFindings     = "findings"
	SectionEntities     = "entities"
	SectionRestore      = "restore"
	SectionImpact       = "impact"
	SectionCost         = "cost"
	SectionTraceability = "traceability"
)

// Change is everything a change does to the catalog. A section is empty
// when nothing in it changed.
type Change struct {
	Findings     Findings
	Entities     Entities
	Restore      []Scenario
	Impact       []Exposure
	Cost         *Cost // nil when omitted
	Traceability Traceability
	// Omitted names the sections that could not be compared and why: a
	// side that does not load has no reports.
	Omitted []Omission
}

// Findings are the lint findings by identity (rule, entity, key).
type Findings struct {
	New   []finding.Finding
	Fixed []finding.Finding
}

// Entities are the catalog entities ("Kind/name") added, removed and
// changed as written.
type Entities struct {
	Added   []string
	Removed []string
	Changed []EntityChange
}

// EntityChange is one entity whose document changed.
type EntityChange struct {
	Entity string
	Fields []Field
}

// Field is one changed value: Path is dotted from the document root
// (spec.impact.rto); Before and After are plain values (source.Written),
// nil where the field is absent.
type Field struct {
	Path          string
	Before, After any
}

// Scenario is what changed in one restoration scenario.
type Scenario struct {
	Name    string // "total loss" or "site NAME"
	Changes []RestoreChange
	// NewMisses are the services that miss their RTO in the head and did
	// not in the base.
	NewMisses      []string
	MakespanBefore *time.Duration // nil: the scenario does not exist on that side
	MakespanAfter  *time.Duration
}

// RestoreChange is a service whose step, finish or RTO outcome changed;
// a nil pointer is a side where the service is not in the plan.
type RestoreChange struct {
	Service                   string
	BeforeOrder, AfterOrder   *int
	BeforeFinish, AfterFinish *time.Duration
	BeforeRTOMet, AfterRTOMet *bool
	// NewMiss: the service misses its RTO in the head and not in the base.
	NewMiss bool
}

// Exposure is what changed in the blast radius of one supporting service.
type Exposure struct {
	Service string
	// Exposed are the business services and segments that its failure
	// reaches in the head and not in the base; Freed the reverse.
	ExposedServices, ExposedSegments []string
	FreedServices, FreedSegments     []string
}

// Cost compares the cost reports.
type Cost struct {
	Currency, Period      string
	Places                int
	Before, After, Delta  decimal.Decimal
	DeltaPercent          *decimal.Decimal // nil when the base total is 0
	Rows                  []CostRow
	CurrencyBefore        string
	ChangedCurrency       bool
	increasedPastTheLimit bool
}

// Increased reports whether the total rose by more than the threshold
// percent of the base total (svccat diff --fail-on cost-increase).
func (c *Cost) Increased() bool { return c != nil && c.increasedPastTheLimit }

// CostRow is a row of a cost report whose total moved.
type CostRow struct {
	By           string // service, segment or market
	Name         string
	Before       *decimal.Decimal // nil: no such row in the base
	After        *decimal.Decimal
	Delta        decimal.Decimal
	DeltaPercent *decimal.Decimal // nil without a base amount
}

// Traceability lists business services that became untraced (they trace
// to no segment in the head but did in the base, or are new and untraced)
// and those that became traced.
type Traceability struct {
	Untraced []string
	Traced   []string
}

// Omission says why sections were not compared.
type Omission struct {
	Side     string // "base" or "head"
	Sections []string
	Reason   string
}

// Empty reports whether nothing changed.
func (c *Change) Empty() bool {
	return len(c.Findings.New) == 0 && len(c.Findings.Fixed) == 0 &&
		len(c.Entities.Added) == 0 && len(c.Entities.Removed) == 0 && len(c.Entities.Changed) == 0 &&
		len(c.Restore) == 0 && len(c.Impact) == 0 && (c.Cost == nil || c.Cost.Delta.IsZero() && len(c.Cost.Rows) == 0) &&
		len(c.Traceability.Untraced) == 0 && len(c.Traceability.Traced) == 0 && len(c.Omitted) == 0
}

// NewMisses counts the services with a new RTO miss in any scenario.
func (c *Change) NewMisses() int {
	seen := map[string]bool{}
	for _, s := range c.Restore {
		for _, m := range s.NewMisses {
			seen[m] = true
		}
	}
	return len(seen)
}

// Compare computes the change from base to head.
func Compare(base, head Side, opt Options) *Change {
	ch := &Change{Findings: compareFindings(base.Findings, head.Findings)}
	bOK, bWhy := loads(base)
	hOK, hWhy := loads(head)
	reports := []string{SectionEntities, SectionRestore, SectionImpact, SectionCost, SectionTraceability}
	if !bOK {
		ch.Omitted = append(ch.Omitted, Omission{Side: "base", Sections: reports, Reason: bWhy})
	}
	if !hOK {
		ch.Omitted = append(ch.Omitted, Omission{Side: "head", Sections: reports, Reason: hWhy})
	}
	if !bOK || !hOK {
		return ch
	}
	ch.Entities = compareEntities(base.Catalog, head.Catalog)
	if len(ch.Entities.Added)+len(ch.Entities.Removed)+len(ch.Entities.Changed) == 0 && sameConfig(base, head) {
		// The reports are functions of the catalog and the config: with
		// neither changed, none of them can have.
		return ch
	}
	ch.Restore, ch.Omitted = compareRestore(base, head, ch.Omitted)
	ch.Impact = compareImpact(base.Catalog, head.Catalog, ch.Entities)
	ch.Cost, ch.Omitted = compareCost(base, head, opt, ch.Omitted)
	ch.Traceability = compareTraceability(base.Catalog, head.Catalog)
	return ch
}

func sameConfig(a, b Side) bool { return a.Config == b.Config }

func loads(s Side) (bool, string) {
	n := 0
	for _, f := range s.Findings {
		if lint.ClassOf(f.Rule) == lint.LoadProblem {
			n++
		}
	}
	switch n {
	case 0:
		return true, ""
	case 1:
		return false, "the catalog does not load (1 load problem)"
	}
	return false, "the catalog does not load (" + itoa(n) + " load problems)"
}

func itoa(n int) string {
	return decimal.FromInt(int64(n)).String()
}

// compareFindings matches findings by identity (rule, entity, key),
// counting: two findings of one identity in the head against one in the
// base is one new finding.
func compareFindings(base, head []finding.Finding) Findings {
	return Findings{New: minusFindings(head, base), Fixed: minusFindings(base, head)}
}

// minusFindings is a − b by identity, as multisets.
func minusFindings(a, b []finding.Finding) []finding.Finding {
	count := map[finding.Identity]int{}
	for _, f := range b {
		count[f.Identity()]++
	}
	var out []finding.Finding
	for _, f := range a {
		id := f.Identity()
		if count[id] > 0 {
			count[id]--
			continue
		}
		out = append(out, f)
	}
	return out
}

// compareTraceability: business services that trace to no segment, the
// untraced-service rule's condition.
func compareTraceability(base, head *catalog.Catalog) Traceability {
	untraced := func(c *catalog.Catalog) map[string]bool {
		m := map[string]bool{}
		for _, s := range c.Services {
			if s.IsBusiness() && len(s.SegmentRefs) == 0 {
				m[s.Name] = true
			}
		}
		return m
	}
	b, h := untraced(base), untraced(head)
	var t Traceability
	for name := range h {
		if !b[name] {
			t.Untraced = append(t.Untraced, name)
		}
	}
	for name := range b {
		if !h[name] && head.Service(name) != nil {
			t.Traced = append(t.Traced, name)
		}
	}
	sort.Strings(t.Untraced)
	sort.Strings(t.Traced)
	return t
}
