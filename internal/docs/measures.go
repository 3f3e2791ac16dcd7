package docs

import (
	"sort"
	"strconv"
	"time"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/duration"
	"github.com/svccat/svccat/internal/measure"
	"github.com/svccat/svccat/internal/plural"
)

// The pages of the relationship map and of the service review.
const (
	relationshipsPath = "relationships.md"
	reviewPath        = "review.md"
)

// measures are the relationship map and the review every page quotes, as
// of the config's as-of date.
type measures struct {
	AsOf   time.Time
	Map    *measure.Map
	Review *measure.Review
	// Stakeholders finds a stakeholder's figures.
	stakeholders map[*catalog.Stakeholder]*measure.Stakeholder
	rows         map[string]*measure.ReviewRow
}

func newMeasures(s *site) *measures {
	m := &measures{AsOf: s.cfg.Today(), Map: measure.Relationships(s.c, s.cfg), stakeholders: map[*catalog.Stakeholder]*measure.Stakeholder{}, rows: map[string]*measure.ReviewRow{}}
	for i := range m.Map.Stakeholders {
		m.stakeholders[m.Map.Stakeholders[i].Stakeholder] = &m.Map.Stakeholders[i]
	}
	m.Review = measure.NewReview(s.c, s.cfg, s.costs.ByService, nil, measure.ReviewOptions{Findings: measure.PolicyFindings(s.lint.Findings)})
	for i := range m.Review.Rows {
		m.rows[m.Review.Rows[i].Name] = &m.Review.Rows[i]
	}
	return m
}

// stakeholderRow is a stakeholder with its figures.
type stakeholderRow struct {
	*measure.Stakeholder
	S *catalog.Stakeholder
}

func (s *site) stakeholderRows(xs []*catalog.Stakeholder) []stakeholderRow {
	var out []stakeholderRow
	for _, x := range xs {
		if f := s.measures.stakeholders[x]; f != nil {
			out = append(out, stakeholderRow{Stakeholder: f, S: x})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return lessNamed(out[i].S, out[j].S) })
	return out
}

type personData struct {
	*page
	P             *catalog.Person
	Relationships []*catalog.Relationship
	Stakeholders  []stakeholderRow
	AsOf          time.Time
	Findings      []findingRow
}

func (s *site) personData(p *catalog.Person) personData {
	var sh []*catalog.Stakeholder
	seen := map[*catalog.Stakeholder]bool{}
	for _, r := range p.Relationships {
		if !seen[r.Stakeholder] {
			seen[r.Stakeholder] = true
			sh = append(sh, r.Stakeholder)
		}
	}
	return personData{page: s.page(s.path(p)), P: p, Relationships: p.Relationships, Stakeholders: s.stakeholderRows(sh), AsOf: s.measures.AsOf, Findings: s.findingsAbout(p.ID())}
}

// Stale reports whether the person's stakeholder x is stale.
func (d personData) Stale(x *catalog.Stakeholder) bool {
	for _, r := range d.Stakeholders {
		if r.S == x {
			return r.Stale
		}
	}
	return false
}

type stakeholderData struct {
	*page
	S        *catalog.Stakeholder
	F        *measure.Stakeholder
	AsOf     time.Time
	Findings []findingRow
}

func (s *site) stakeholderData(x *catalog.Stakeholder) stakeholderData {
	return stakeholderData{page: s.page(s.path(x)), S: x, F: s.measures.stakeholders[x], AsOf: s.measures.AsOf, Findings: s.findingsAbout(x.ID())}
}

// groupRow is a segment's or market's part of the map, with its entity.
type groupRow struct {
	measure.Group
	Subject      catalog.Named // nil for the stakeholders of no segment
	Stakeholders []stakeholderRow
}

type relationshipsData struct {
	*page
	AsOf         time.Time
	Summary      measure.Summary
	Stakeholders []stakeholderRow
	Segments     []groupRow
	People       []measure.Group
}

func (s *site) relationshipsData() relationshipsData {
	m := s.measures
	d := relationshipsData{page: s.page(relationshipsPath), AsOf: m.AsOf, Summary: m.Map.Summary, People: m.Map.ByPerson(s.c)}
	d.Stakeholders = s.stakeholderRows(s.c.Stakeholders)
	for _, g := range m.Map.BySegment(s.c) {
		row := groupRow{Group: g}
		if sg := s.c.Segment(g.Name); sg != nil && g.Name != measure.NoSegment {
			row.Subject = sg
		}
		var xs []*catalog.Stakeholder
		for _, f := range g.Stakeholders {
			xs = append(xs, f.Stakeholder)
		}
		row.Stakeholders = s.stakeholderRows(xs)
		d.Segments = append(d.Segments, row)
	}
	return d
}

// Leaders links the leadership Persons related to stakeholder x.
func (d relationshipsData) Leaders(x *catalog.Stakeholder) string {
	var ps []*catalog.Person
	seen := map[*catalog.Person]bool{}
	for _, r := range x.Relationships {
		if r.With != nil && r.With.Leadership && !seen[r.With] {
			seen[r.With] = true
			ps = append(ps, r.With)
		}
	}
	return d.Links(ps)
}

type reviewData struct {
	*page
	R    *measure.Review
	Rows []reviewRow
}

// reviewRow is a review row with its service.
type reviewRow struct {
	*measure.ReviewRow
	S *catalog.Service
}

func (s *site) reviewData() reviewData {
	d := reviewData{page: s.page(reviewPath), R: s.measures.Review}
	for i := range d.R.Rows {
		row := &d.R.Rows[i]
		d.Rows = append(d.Rows, reviewRow{ReviewRow: row, S: s.c.Service(row.Name)})
	}
	return d
}

// serviceMeasures is what a service page shows of its measures: the
// latest figures and every measurement, latest first.
type serviceMeasures struct {
	Latest *measure.ReviewRow // nil for a service not reviewed
	All    []*catalog.Measurement
}

func (s *site) serviceMeasures(x *catalog.Service) serviceMeasures {
	m := serviceMeasures{Latest: s.measures.rows[x.Name]}
	if m.Latest == nil && len(x.Measurements) > 0 {
		row := &measure.ReviewRow{Figures: measure.Measure(x, measure.Latest(x), s.cfg)}
		m.Latest = row
	}
	m.All = append(m.All, x.Measurements...)
	sort.SliceStable(m.All, func(i, j int) bool { return m.All[i].Period.Later(m.All[j].Period) })
	return m
}

// Template helpers for measures.

// pct writes a percent with up to two decimals: "99.95%"; "—" for none.
func pct(d *decimal.Decimal) string {
	if d == nil {
		return "—"
	}
	return d.Round(2).String() + "%"
}

func pctv(d decimal.Decimal) string { return pct(&d) }

func ptr(d decimal.Decimal) *decimal.Decimal { return &d }

// signedPct writes a variance: "+12.5%", "−3%".
func signedPct(d *decimal.Decimal) string {
	if d == nil {
		return "—"
	}
	s := d.Round(1).String()
	if d.Round(1).Sign() > 0 {
		s = "+" + s
	}
	return s + "%"
}

// num writes a number with up to two decimals, grouped: "1,180", "4.2",
// "358.33"; "—" for none.
func num(d *decimal.Decimal) string {
	if d == nil {
		return "—"
	}
	v := d.Round(2)
	for p := 0; p < 2; p++ {
		if v.Round(p).Equal(v) {
			return money(v, p)
		}
	}
	return money(v, 2)
}

// date writes a date as YYYY-MM-DD; "—" for none.
func date(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format(time.DateOnly)
}

func intp(n *int) string {
	if n == nil {
		return "—"
	}
	return itoa(*n)
}

func int64p(n *int64) string {
	if n == nil {
		return "—"
	}
	return itoa(int(*n))
}

// ratio writes a 0..1 ratio as a percent: "75%".
func ratio(d *decimal.Decimal) string {
	if d == nil {
		return "—"
	}
	return d.Mul(decimal.FromInt(100)).Round(0).String() + "%"
}

// mean writes a mean with one decimal: "1.5".
func mean(d *decimal.Decimal) string {
	if d == nil {
		return "—"
	}
	return d.Round(1).FloatString(1)
}

func sloText(met *bool) string {
	switch {
	case met == nil:
		return "—"
	case *met:
		return "met"
	}
	return "**missed**"
}

func itoa(n int) string { return strconv.Itoa(n) }

// days writes a cadence in days where it is whole days ("30 days").
func days(d time.Duration) string {
	const day = 24 * time.Hour
	if d > 0 && d%day == 0 {
		return plural.Count(int(d/day), "day")
	}
	return duration.Format(d)
}
