// Package catalog holds the typed service catalog: markets, segments,
// personas, services, teams and sites, with references resolved and the
// position of every field the checks and reports point at.
package catalog

import (
	"time"

	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/pos"
)

// Kinds of entity.
const (
	KindMarket  = "Market"
	KindSegment = "Segment"
	KindPersona = "Persona"
	KindService = "Service"
	KindTeam    = "Team"
	KindSite    = "Site"
)

// Service types.
const (
	Business   = "business"
	Supporting = "supporting"
)

// Entity is what every kind shares: the envelope's metadata.
type Entity struct {
	Kind        string
	Name        string
	Title       string
	Description string
	Labels      map[string]string
	Annotations map[string]string
	// AnnotationPos is where each annotation's value is, for findings
	// about an annotation (a suppression).
	AnnotationPos map[string]pos.Pos
	// Pos is the start of the document; NamePos is metadata.name's value.
	Pos     pos.Pos
	NamePos pos.Pos
	// Valid is false when the document had schema errors; the entity is
	// still in the catalog (as far as it could be read) so that references
	// to it resolve.
	Valid bool
}

// ID is "Kind/name", the form findings name entities by.
func (e *Entity) ID() string { return e.Kind + "/" + e.Name }

// DisplayName is the title, or the name where there is no title.
func (e *Entity) DisplayName() string {
	if e.Title != "" {
		return e.Title
	}
	return e.Name
}

// Meta returns the entity itself; it lets code handle any kind.
func (e *Entity) Meta() *Entity { return e }

// Ref is a reference to another entity by name.
type Ref struct {
	Name string
	Pos  pos.Pos
}

// Duration is a duration field that may be absent.
type Duration struct {
	D   time.Duration
	Set bool
	Pos pos.Pos
}

type Market struct {
	Entity
	ValueProposition string
	Competitors      []string
	Advantages       []string
	Vulnerabilities  []string
	PointOfView      []string

	// Segments are the segments in this market (resolved).
	Segments []*Segment
}

type Segment struct {
	Entity
	MarketRef        Ref
	Audience         string
	ValueProposition string
	Size             *int64

	// Resolved.
	Market   *Market
	Personas []*Persona
	Services []*Service // business services that trace to this segment
	// Stakeholders speak for the segment.
	Stakeholders []*Stakeholder
}

type Persona struct {
	Entity
	SegmentRef   Ref
	Narrative    string
	Needs        []string
	Expectations []string
	Values       []string

	Segment *Segment // resolved
}

type Team struct {
	Entity
	Contact string

	Services []*Service // the services it owns (resolved)
}

type Site struct {
	Entity
	Location string

	Services []*Service // the services that run there (resolved)
}

type Service struct {
	Entity
	Type        string
	TypePos     pos.Pos
	Owner       Ref // Name is "" when there is no owner
	SegmentRefs []Ref
	Touchpoints []string
	SiteRefs    []Ref
	Impact      Impact
	Restore     Restore
	DependsOn   []*Dependency
	SLOs        []SLO
	Cost        *Cost
	Consumption *Consumption
	Experience  Experience

	// Resolved.
	Team       *Team
	Segments   []*Segment
	Sites      []*Site
	Dependents []*Dependency // edges whose To is this service
	// Measurements are the service's measurements, in name order.
	Measurements []*Measurement
}

// IsBusiness reports whether customers buy the service.
func (s *Service) IsBusiness() bool { return s.Type == Business }

type Impact struct {
	Tier    *int
	TierPos pos.Pos
	RTO     Duration
	RPO     Duration
	Pos     pos.Pos
}

type Restore struct {
	Duration Duration
	Runbook  string
}

// Dependency is the edge From → To: From needs To.
type Dependency struct {
	From   *Service
	To     *Service // nil when the reference is unresolved
	Ref    Ref
	Hard   bool
	Weight decimal.Decimal // 1 unless given
	Pos    pos.Pos
}

type SLO struct {
	Name      string
	Indicator string
	Objective decimal.Decimal // percent
	Window    Duration
	Pos       pos.Pos
}

// Cost is a service's cost per period, by cost pool.
type Cost struct {
	Currency    string
	CurrencyPos pos.Pos
	Period      string // month | quarter | year; "" means the config's period
	Pools       []PoolAmount
	Pos         pos.Pos
}

type PoolAmount struct {
	Pool   string
	Amount decimal.Decimal
	Pos    pos.Pos
}

type Consumption struct {
	Unit    string
	Planned *decimal.Decimal
	Price   *decimal.Decimal
	Pos     pos.Pos
}

type Experience struct {
	FacilitatingProducts []string
	Information          []string
	ExplicitBenefits     []string
	ImplicitBenefits     []string
}

// Availability returns the service's availability objective in percent,
// the strictest where it declares several.
func (s *Service) Availability() (decimal.Decimal, bool) {
	var best decimal.Decimal
	found := false
	for _, o := range s.SLOs {
		if o.Indicator == "availability" && (!found || o.Objective.Cmp(best) > 0) {
			best, found = o.Objective, true
		}
	}
	return best, found
}
