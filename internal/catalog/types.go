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

// Service lifecycles (SPEC §2): pipeline services are planned, retiring
// ones live until they go, retired ones are kept for the record.
const (
	Pipeline = "pipeline"
	Live     = "live"
	Retiring = "retiring"
	Retired  = "retired"
)

// Restore strategies (SPEC §2 restore.strategy).
const (
	StrategyRestore      = "restore"
	StrategyFailover     = "failover"
	StrategyActiveActive = "active-active"
)

// LinkRunbook is the link type a restore step's runbook comes from.
const LinkRunbook = "runbook"

// Entity is what every kind shares: the envelope's metadata.
type Entity struct {
	Kind        string
	Name        string
	Title       string
	Description string
	Labels      map[string]string
	Annotations map[string]string
	Links       []Link
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
	// Written is the document as written (source.Written), kept only when
	// loading with Options.KeepWritten: what svccat diff compares.
	Written any
}

// Link is one of metadata.links.
type Link struct {
	URL   string
	Title string
	Type  string // runbook | dashboard | repository | docs | chat | ticket | other; "" when not given
	Pos   pos.Pos
}

// FirstLink returns the first link of the given type, or nil.
func (e *Entity) FirstLink(typ string) *Link {
	for i := range e.Links {
		if e.Links[i].Type == typ {
			return &e.Links[i]
		}
	}
	return nil
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
	// Oncall is whom to page in an incident; "" when not given.
	Oncall string
	// Crews is how many restore crews the team fields in parallel: 1
	// unless given.
	Crews int

	Services []*Service // the services it owns (resolved)
	// Restores are the services whose restore.crew is this team
	// (resolved).
	Restores []*Service
}

// Page is whom to page for the team in an incident: its on-call, else
// its contact ("" when it has neither).
func (t *Team) Page() string {
	if t.Oncall != "" {
		return t.Oncall
	}
	return t.Contact
}

type Site struct {
	Entity
	Location string

	Services []*Service // the services that run there (resolved)
}

type Service struct {
	Entity
	Type    string
	TypePos pos.Pos
	// Lifecycle is pipeline, live, retiring or retired: live unless
	// given.
	Lifecycle    string
	LifecyclePos pos.Pos
	Owner        Ref // Name is "" when there is no owner
	SegmentRefs  []Ref
	Touchpoints  []string
	SiteRefs     []Ref
	Impact       Impact
	Restore      Restore
	DependsOn    []*Dependency
	SLOs         []SLO
	Cost         *Cost
	Consumption  *Consumption
	Experience   Experience

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

// Live reports whether the service is in operation: live or retiring
// (retiring services are live until they go). Only these take part in
// restore plans and impact. An empty lifecycle (a service built in
// memory) is the default, live.
func (s *Service) Live() bool {
	return s.Lifecycle == Live || s.Lifecycle == Retiring || s.Lifecycle == ""
}

// IsRetired reports whether the service is kept for the record only.
func (s *Service) IsRetired() bool { return s.Lifecycle == Retired }

// IsPipeline reports whether the service is planned, not yet live.
func (s *Service) IsPipeline() bool { return s.Lifecycle == Pipeline }

// CrewTeam is the team that restores the service: restore.crew, else the
// owner; nil when it has neither (or they do not resolve).
func (s *Service) CrewTeam() *Team {
	if s.Restore.CrewRef.Name != "" {
		return s.Restore.Crew
	}
	return s.Team
}

// CrewTeamName is the name of the team that restores the service, as
// written (restore.crew, else owner), resolved or not; "" for neither.
func (s *Service) CrewTeamName() string {
	if s.Restore.CrewRef.Name != "" {
		return s.Restore.CrewRef.Name
	}
	return s.Owner.Name
}

// Runbook is where the restore procedure is written down:
// restore.runbook, else the first link of type runbook; "" for none.
func (s *Service) Runbook() string {
	if s.Restore.Runbook != "" {
		return s.Restore.Runbook
	}
	if l := s.FirstLink(LinkRunbook); l != nil {
		return l.URL
	}
	return ""
}

type Impact struct {
	Tier    *int
	TierPos pos.Pos
	RTO     Duration
	RPO     Duration
	Pos     pos.Pos
}

type Restore struct {
	// Strategy is restore, failover or active-active: restore unless
	// given.
	Strategy    string
	StrategyPos pos.Pos
	Duration    Duration
	// Failover is the time to switch to a standby (strategy failover).
	Failover    Duration
	StandbyRefs []Ref
	// BackupInterval is the worst-case data loss: backup interval or
	// replication lag.
	BackupInterval Duration
	CrewRef        Ref // Name is "" when restore.crew is not given
	Runbook        string
	Pos            pos.Pos // the restore mapping; the spec when absent

	// Resolved.
	Standby []*Site
	Crew    *Team
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
