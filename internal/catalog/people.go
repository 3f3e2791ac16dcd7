package catalog

import (
	"time"

	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/pos"
)

// Kinds of the relationship map and of the service measures.
const (
	KindPerson      = "Person"
	KindStakeholder = "Stakeholder"
	KindMeasurement = "Measurement"
)

// Person is someone in IT. Leadership Persons hold the relationships the
// relationship map counts.
type Person struct {
	Entity
	TeamRef    Ref
	Role       string
	Leadership bool // false unless given

	Team *Team // resolved
	// Relationships are the relationships this person holds, stakeholder
	// by stakeholder in name order (resolved).
	Relationships []*Relationship
}

// Stakeholder is a person in the business or at a partner whom IT wants a
// relationship with: together they are the relationship scope.
type Stakeholder struct {
	Entity
	Organisation  string // business | partner
	SegmentRefs   []Ref
	Role          string
	Power         *int
	Influence     *int
	Loyalty       *decimal.Decimal
	Satisfaction  *decimal.Decimal
	Cadence       Duration // unset: the config's default
	Relationships []*Relationship

	Segments []*Segment // resolved, each once
}

// Relationship is one IT person's relationship with a stakeholder.
type Relationship struct {
	Stakeholder *Stakeholder
	WithRef     Ref
	Type        string
	Partnership *int
	// LastContact is the day of the last contact, at UTC midnight; zero
	// when not given.
	LastContact    time.Time
	LastContactPos pos.Pos // the relationship's position when there is none
	Pos            pos.Pos

	With *Person // resolved
}

// Measurement is what a service did in one period.
type Measurement struct {
	Entity
	ServiceRef Ref
	Period     Period
	PeriodPos  pos.Pos
	Consumed   *decimal.Decimal
	// Availability is the measured availability in percent.
	Availability *decimal.Decimal
	Satisfaction *Survey
	// Pos is the spec's position; ConsumedPos and AvailabilityPos are
	// their values' (Pos where absent).
	Pos, ConsumedPos, AvailabilityPos pos.Pos

	Service *Service // resolved
}

// Survey is a period's customer satisfaction survey.
type Survey struct {
	Score     decimal.Decimal
	Scale     decimal.Decimal
	Responses *int64
	Pos       pos.Pos
}
