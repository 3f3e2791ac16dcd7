package render

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/mdtext"
	"github.com/svccat/svccat/internal/measure"
	"github.com/svccat/svccat/internal/safetext"
)

// Groupings of the relationship map.
const (
	RelByStakeholder = "stakeholder"
	RelBySegment     = "segment"
	RelByMarket      = "market"
	RelByPerson      = "person"
)

// RelationshipGroupings lists the values of relationships --by.
var RelationshipGroupings = []string{RelByStakeholder, RelBySegment, RelByMarket, RelByPerson}

// RelationshipsInput is what a relationships printer may use: the map,
// and its groups when By is segment, market or person.
type RelationshipsInput struct {
	Map    *measure.Map
	By     string
	Groups []measure.Group
}

// RelationshipsFormats are the relationship map's output formats, the
// default first.
var RelationshipsFormats = Formats[RelationshipsInput]{
	{"table", RelationshipsTable}, {"csv", RelationshipsCSV}, {"json", RelationshipsJSON}, {"markdown", RelationshipsMarkdown},
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.DateOnly)
}

func intText(n *int) string {
	if n == nil {
		return "-"
	}
	return strconv.Itoa(*n)
}

func numText(d *decimal.Decimal, places int) string {
	if d == nil {
		return "-"
	}
	return d.Round(places).String()
}

func staleWord(b bool) string {
	if b {
		return "stale"
	}
	return "no"
}

func relationshipsTitle(in RelationshipsInput) string {
	return fmt.Sprintf("Relationships by %s, as of %s", in.By, in.Map.AsOf.Format(time.DateOnly))
}

func summaryText(s measure.Summary) string {
	cov, md := "-", "-"
	if s.Coverage != nil {
		cov = s.Coverage.Mul(decimal.FromInt(100)).Round(0).String() + "%"
		md = s.MeanDepth.Round(2).String()
	}
	return fmt.Sprintf("Scope %d, spread %d (coverage %s), mean depth %s, %d single-threaded, %d stale.",
		s.Scope, s.Spread, cov, md, s.SingleThreaded, s.Stale)
}

// leaderNames are the leadership Persons related to s.
func leaderNames(s *catalog.Stakeholder) string {
	var out []string
	seen := map[string]bool{}
	for _, r := range s.Relationships {
		if r.With != nil && r.With.Leadership && !seen[r.With.Name] {
			seen[r.With.Name] = true
			out = append(out, r.With.Name)
		}
	}
	return strings.Join(out, ", ")
}

func segmentNames(s *catalog.Stakeholder) string {
	var out []string
	for _, r := range s.SegmentRefs {
		out = append(out, r.Name)
	}
	return strings.Join(out, ", ")
}

func stakeholderNames(ss []measure.Stakeholder) []string {
	out := []string{}
	for _, s := range ss {
		out = append(out, s.Stakeholder.Name)
	}
	return out
}

// relationshipsGrid lays the map or its groups out as a header and cells.
func relationshipsGrid(in RelationshipsInput) ([]string, [][]string) {
	var cells [][]string
	switch in.By {
	case RelBySegment, RelByMarket:
		header := []string{in.By, "scope", "spread", "coverage", "mean depth", "single-threaded", "stale", "stakeholders"}
		for _, g := range in.Groups {
			s := g.Summary
			cov, md := "-", "-"
			if s.Coverage != nil {
				cov = s.Coverage.Mul(decimal.FromInt(100)).Round(0).String() + "%"
				md = s.MeanDepth.Round(2).String()
			}
			cells = append(cells, []string{g.Name, strconv.Itoa(s.Scope), strconv.Itoa(s.Spread), cov, md,
				strconv.Itoa(s.SingleThreaded), strconv.Itoa(s.Stale), dashIfEmpty(strings.Join(stakeholderNames(g.Stakeholders), ", "))})
		}
		return header, cells
	case RelByPerson:
		header := []string{"person", "leadership", "role", "stakeholders", "relationships", "mean partnership", "last contact", "stale"}
		for _, g := range in.Groups {
			lead := "no"
			if g.Person.Leadership {
				lead = "yes"
			}
			cells = append(cells, []string{g.Name, lead, dashIfEmpty(g.Person.Role), strconv.Itoa(len(g.Stakeholders)), strconv.Itoa(g.Relationships),
				meanText(g.MeanPartnership), dateText(g.LastContact), strconv.Itoa(g.Summary.Stale)})
		}
		return header, cells
	}
	header := []string{"stakeholder", "organisation", "segments", "power", "influence", "loyalty", "satisfaction", "depth", "leaders", "mean partnership", "last contact", "days", "stale"}
	for _, f := range in.Map.Stakeholders {
		s := f.Stakeholder
		cells = append(cells, []string{s.Name, dashIfEmpty(s.Organisation), dashIfEmpty(segmentNames(s)), intText(s.Power), intText(s.Influence),
			numText(s.Loyalty, 2), numText(s.Satisfaction, 2), strconv.Itoa(f.Depth), dashIfEmpty(leaderNames(s)),
			meanText(f.MeanPartnership), dateText(f.LastContact), intText(f.DaysSinceContact), staleWord(f.Stale)})
	}
	return header, cells
}

// RelationshipsTable writes the map for a terminal.
func RelationshipsTable(w io.Writer, in RelationshipsInput) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, relationshipsTitle(in))
	fmt.Fprintln(bw)
	fmt.Fprintln(bw, summaryText(in.Map.Summary))
	fmt.Fprintln(bw)
	header, cells := relationshipsGrid(in)
	right := map[int]bool{}
	for i, h := range header {
		switch h {
		case "scope", "spread", "coverage", "mean depth", "single-threaded", "stale", "power", "influence", "loyalty", "satisfaction", "depth", "mean partnership", "days", "stakeholders", "relationships":
			right[i] = true
		}
	}
	if in.By == RelBySegment || in.By == RelByMarket {
		right[len(header)-1] = false // the stakeholders' names
	}
	if in.By == RelByStakeholder || in.By == "" {
		right[len(header)-1] = false // stale: a word
	}
	if err := columnsTable(bw, header, cells, right); err != nil {
		return err
	}
	return bw.Flush()
}

// RelationshipsMarkdown writes the map as a Markdown section.
func RelationshipsMarkdown(w io.Writer, in RelationshipsInput) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n%s\n\n", mdtext.Cell(relationshipsTitle(in)), mdtext.Cell(summaryText(in.Map.Summary)))
	header, cells := relationshipsGrid(in)
	mdCostTable(bw, header, cells, false)
	return bw.Flush()
}

// RelationshipsCSV writes one line per row under a header of the JSON
// keys; lists are separated by spaces, a relationship is
// with:type:partnership:lastContact.
func RelationshipsCSV(w io.Writer, in RelationshipsInput) error {
	cw := csv.NewWriter(w)
	plainNum := func(d *decimal.Decimal, places int) string {
		if d == nil {
			return ""
		}
		return d.Round(places).String()
	}
	opt := func(n *int) string {
		if n == nil {
			return ""
		}
		return strconv.Itoa(*n)
	}
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.DateOnly)
	}
	var rows [][]string
	switch in.By {
	case RelBySegment, RelByMarket:
		rows = append(rows, []string{"name", "scope", "spread", "coverage", "meanDepth", "singleThreaded", "stale", "stakeholders"})
		for _, g := range in.Groups {
			s := g.Summary
			rows = append(rows, []string{g.Name, strconv.Itoa(s.Scope), strconv.Itoa(s.Spread), plainNum(s.Coverage, 4), plainNum(s.MeanDepth, 2),
				strconv.Itoa(s.SingleThreaded), strconv.Itoa(s.Stale), strings.Join(stakeholderNames(g.Stakeholders), " ")})
		}
	case RelByPerson:
		rows = append(rows, []string{"name", "leadership", "role", "team", "stakeholders", "relationships", "meanPartnership", "lastContact", "staleStakeholders"})
		for _, g := range in.Groups {
			rows = append(rows, []string{g.Name, strconv.FormatBool(g.Person.Leadership), safetext.Line(g.Person.Role), g.Person.TeamRef.Name,
				strings.Join(stakeholderNames(g.Stakeholders), " "), strconv.Itoa(g.Relationships), plainNum(g.MeanPartnership, 2), day(g.LastContact), strconv.Itoa(g.Summary.Stale)})
		}
	default:
		rows = append(rows, []string{"name", "title", "organisation", "segments", "power", "influence", "loyalty", "satisfaction", "depth", "relationships", "meanPartnership", "lastContact", "daysSinceContact", "stale"})
		for _, f := range in.Map.Stakeholders {
			s := f.Stakeholder
			var rels []string
			for _, r := range s.Relationships {
				rels = append(rels, fmt.Sprintf("%s:%s:%s:%s", r.WithRef.Name, r.Type, opt(r.Partnership), day(r.LastContact)))
			}
			rows = append(rows, []string{s.Name, safetext.Line(s.Title), s.Organisation, strings.ReplaceAll(segmentNames(s), ", ", " "), opt(s.Power), opt(s.Influence),
				plainNum(s.Loyalty, 6), plainNum(s.Satisfaction, 6), strconv.Itoa(f.Depth), strings.Join(rels, " "), plainNum(f.MeanPartnership, 2),
				day(f.LastContact), opt(f.DaysSinceContact), strconv.FormatBool(f.Stale)})
		}
	}
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

type jsonRelSummary struct {
	Scope          int          `json:"scope"`
	Spread         int          `json:"spread"`
	Coverage       *json.Number `json:"coverage"`
	MeanDepth      *json.Number `json:"meanDepth"`
	SingleThreaded int          `json:"singleThreaded"`
	Stale          int          `json:"stale"`
}

func jsonSummary(s measure.Summary) jsonRelSummary {
	return jsonRelSummary{Scope: s.Scope, Spread: s.Spread, Coverage: jsonNumber(s.Coverage, 4), MeanDepth: jsonNumber(s.MeanDepth, 4), SingleThreaded: s.SingleThreaded, Stale: s.Stale}
}

type jsonRelationship struct {
	With        string  `json:"with"`
	Type        string  `json:"type"`
	Partnership *int    `json:"partnership"`
	LastContact *string `json:"lastContact"`
}

type jsonStakeholder struct {
	Name             string             `json:"name"`
	Title            string             `json:"title"`
	Organisation     string             `json:"organisation"`
	Segments         []string           `json:"segments"`
	Power            *int               `json:"power"`
	Influence        *int               `json:"influence"`
	Loyalty          *json.Number       `json:"loyalty"`
	Satisfaction     *json.Number       `json:"satisfaction"`
	Depth            int                `json:"depth"`
	Relationships    []jsonRelationship `json:"relationships"`
	MeanPartnership  *json.Number       `json:"meanPartnership"`
	LastContact      *string            `json:"lastContact"`
	DaysSinceContact *int               `json:"daysSinceContact"`
	Stale            bool               `json:"stale"`
}

type jsonRelGroup struct {
	Name         string         `json:"name"`
	Title        string         `json:"title"`
	Summary      jsonRelSummary `json:"summary"`
	Stakeholders []string       `json:"stakeholders"`
}

type jsonRelPerson struct {
	Name              string       `json:"name"`
	Title             string       `json:"title"`
	Role              string       `json:"role"`
	Team              *string      `json:"team"`
	Leadership        bool         `json:"leadership"`
	Stakeholders      []string     `json:"stakeholders"`
	Relationships     int          `json:"relationships"`
	MeanPartnership   *json.Number `json:"meanPartnership"`
	LastContact       *string      `json:"lastContact"`
	StaleStakeholders int          `json:"staleStakeholders"`
}

type jsonRelationships struct {
	AsOf string `json:"asOf"`
	// By is given when the rows are not stakeholders.
	By      string         `json:"by,omitempty"`
	Summary jsonRelSummary `json:"summary"`
	Rows    any            `json:"rows"`
}

func optDate(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

// RelationshipsJSON writes the map as SPEC's relationships section
// defines it: dates YYYY-MM-DD, missing values null with their keys
// present, coverage as a ratio 0..1.
func RelationshipsJSON(w io.Writer, in RelationshipsInput) error {
	out := jsonRelationships{AsOf: in.Map.AsOf.Format(time.DateOnly), Summary: jsonSummary(in.Map.Summary)}
	switch in.By {
	case RelBySegment, RelByMarket:
		out.By = in.By
		rows := []jsonRelGroup{}
		for _, g := range in.Groups {
			rows = append(rows, jsonRelGroup{Name: g.Name, Title: g.Title, Summary: jsonSummary(g.Summary), Stakeholders: stakeholderNames(g.Stakeholders)})
		}
		out.Rows = rows
	case RelByPerson:
		out.By = in.By
		rows := []jsonRelPerson{}
		for _, g := range in.Groups {
			p := g.Person
			j := jsonRelPerson{Name: g.Name, Title: p.DisplayName(), Role: p.Role, Leadership: p.Leadership, Stakeholders: stakeholderNames(g.Stakeholders),
				Relationships: g.Relationships, MeanPartnership: jsonNumber(g.MeanPartnership, 4), LastContact: optDate(g.LastContact), StaleStakeholders: g.Summary.Stale}
			if p.TeamRef.Name != "" {
				t := p.TeamRef.Name
				j.Team = &t
			}
			rows = append(rows, j)
		}
		out.Rows = rows
	default:
		rows := []jsonStakeholder{}
		for _, f := range in.Map.Stakeholders {
			s := f.Stakeholder
			j := jsonStakeholder{
				Name: s.Name, Title: s.DisplayName(), Organisation: s.Organisation, Segments: []string{}, Power: s.Power, Influence: s.Influence,
				Loyalty: jsonNumber(s.Loyalty, 6), Satisfaction: jsonNumber(s.Satisfaction, 6), Depth: f.Depth, Relationships: []jsonRelationship{},
				MeanPartnership: jsonNumber(f.MeanPartnership, 4), LastContact: optDate(f.LastContact), DaysSinceContact: f.DaysSinceContact, Stale: f.Stale,
			}
			for _, r := range s.SegmentRefs {
				j.Segments = append(j.Segments, r.Name)
			}
			for _, r := range s.Relationships {
				j.Relationships = append(j.Relationships, jsonRelationship{With: r.WithRef.Name, Type: r.Type, Partnership: r.Partnership, LastContact: optDate(r.LastContact)})
			}
			rows = append(rows, j)
		}
		out.Rows = rows
	}
	return WriteJSON(w, out)
}

// meanText writes a mean partnership with one decimal: "67.5", "30.0".
func meanText(d *decimal.Decimal) string {
	if d == nil {
		return "-"
	}
	return d.Round(1).FloatString(1)
}
