package render

import (
	"encoding/json"
	"io"
	"strings"
	"time"

	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/diff"
	"github.com/svccat/svccat/internal/duration"
)

type diffJSON struct {
	Base struct {
		Rev    *string `json:"rev"`
		Commit *string `json:"commit"`
		Dir    *string `json:"dir,omitempty"`
	} `json:"base"`
	Head struct {
		Paths []string `json:"paths"`
	} `json:"head"`
	Headline string `json:"headline"`
	Findings struct {
		New   []jsonFinding `json:"new"`
		Fixed []jsonFinding `json:"fixed"`
	} `json:"findings"`
	Entities     *diffEntitiesJSON  `json:"entities"`
	Restore      []diffScenarioJSON `json:"restore"`
	Impact       []diffExposureJSON `json:"impact"`
	Cost         *diffCostJSON      `json:"cost"`
	Traceability *diffTraceJSON     `json:"traceability"`
	Omitted      *diffOmittedJSON   `json:"omitted"`
}

type diffEntitiesJSON struct {
	Added   []string               `json:"added"`
	Removed []string               `json:"removed"`
	Changed []diffEntityChangeJSON `json:"changed"`
}

type diffEntityChangeJSON struct {
	Entity string          `json:"entity"`
	Fields []diffFieldJSON `json:"fields"`
}

type diffFieldJSON struct {
	Path   string `json:"path"`
	Before any    `json:"before"`
	After  any    `json:"after"`
}

type diffScenarioJSON struct {
	Scenario  string             `json:"scenario"`
	Changes   []diffRestoreJSON  `json:"changes"`
	NewMisses []string           `json:"newMisses"`
	Makespan  map[string]*string `json:"makespan"`
}

type diffRestoreJSON struct {
	Service      string  `json:"service"`
	BeforeOrder  *int    `json:"beforeOrder"`
	AfterOrder   *int    `json:"afterOrder"`
	BeforeFinish *string `json:"beforeFinish"`
	AfterFinish  *string `json:"afterFinish"`
	BeforeRTOMet *bool   `json:"beforeRtoMet"`
	AfterRTOMet  *bool   `json:"afterRtoMet"`
}

type diffExposureJSON struct {
	Service string          `json:"service"`
	Exposed diffExposedJSON `json:"exposed"`
	Freed   diffExposedJSON `json:"freed"`
}

type diffExposedJSON struct {
	Services []string `json:"services"`
	Segments []string `json:"segments"`
}

type diffCostJSON struct {
	Currency string            `json:"currency"`
	Period   string            `json:"period"`
	Total    diffCostTotalJSON `json:"total"`
	Rows     []diffCostRowJSON `json:"rows"`
}

type diffCostTotalJSON struct {
	Before       string       `json:"before"`
	After        string       `json:"after"`
	Delta        string       `json:"delta"`
	DeltaPercent *json.Number `json:"deltaPercent"`
}

type diffCostRowJSON struct {
	By           string       `json:"by"`
	Name         string       `json:"name"`
	Before       *string      `json:"before"`
	After        *string      `json:"after"`
	Delta        string       `json:"delta"`
	DeltaPercent *json.Number `json:"deltaPercent"`
}

type diffTraceJSON struct {
	Untraced []string `json:"untraced"`
	Traced   []string `json:"traced"`
}

type diffOmittedJSON struct {
	Sections []string `json:"sections"`
	Reason   string   `json:"reason"`
}

// DiffJSON writes the change as SPEC section 5 ("### diff") defines it:
// money as decimal strings, durations as duration strings, an omitted
// section as null with "omitted" saying which side and why.
func DiffJSON(w io.Writer, in DiffInput) error {
	c := in.Change
	var r diffJSON
	if in.BaseDir != "" {
		r.Base.Dir = &in.BaseDir
	} else {
		r.Base.Rev, r.Base.Commit = &in.BaseRev, &in.BaseCommit
	}
	r.Head.Paths = nonNil(in.HeadPaths)
	r.Headline = DiffHeadline(c)
	r.Findings.New, r.Findings.Fixed = []jsonFinding{}, []jsonFinding{}
	for _, f := range c.Findings.New {
		r.Findings.New = append(r.Findings.New, jsonFindingOf(f))
	}
	for _, f := range c.Findings.Fixed {
		r.Findings.Fixed = append(r.Findings.Fixed, jsonFindingOf(f))
	}
	omitted := map[string]bool{}
	var reasons []string
	var sections []string
	for _, o := range c.Omitted {
		for _, s := range o.Sections {
			if !omitted[s] {
				sections = append(sections, s)
			}
			omitted[s] = true
		}
		reasons = append(reasons, o.Side+": "+o.Reason)
	}
	if len(c.Omitted) > 0 {
		r.Omitted = &diffOmittedJSON{Sections: sections, Reason: strings.Join(reasons, "; ")}
	}
	if !omitted[diff.SectionEntities] {
		e := &diffEntitiesJSON{Added: nonNil(c.Entities.Added), Removed: nonNil(c.Entities.Removed), Changed: []diffEntityChangeJSON{}}
		for _, ch := range c.Entities.Changed {
			x := diffEntityChangeJSON{Entity: ch.Entity}
			for _, f := range ch.Fields {
				x.Fields = append(x.Fields, diffFieldJSON{Path: f.Path, Before: f.Before, After: f.After})
			}
			e.Changed = append(e.Changed, x)
		}
		r.Entities = e
	}
	if !omitted[diff.SectionRestore] {
		r.Restore = []diffScenarioJSON{}
		for _, s := range c.Restore {
			x := diffScenarioJSON{Scenario: s.Name, Changes: []diffRestoreJSON{}, NewMisses: nonNil(s.NewMisses),
				Makespan: map[string]*string{"before": jsonDurationPtr(s.MakespanBefore), "after": jsonDurationPtr(s.MakespanAfter)}}
			for _, ch := range s.Changes {
				x.Changes = append(x.Changes, diffRestoreJSON{Service: ch.Service,
					BeforeOrder: ch.BeforeOrder, AfterOrder: ch.AfterOrder,
					BeforeFinish: jsonDurationPtr(ch.BeforeFinish), AfterFinish: jsonDurationPtr(ch.AfterFinish),
					BeforeRTOMet: ch.BeforeRTOMet, AfterRTOMet: ch.AfterRTOMet})
			}
			r.Restore = append(r.Restore, x)
		}
	}
	if !omitted[diff.SectionImpact] {
		r.Impact = []diffExposureJSON{}
		for _, e := range c.Impact {
			r.Impact = append(r.Impact, diffExposureJSON{Service: e.Service,
				Exposed: diffExposedJSON{Services: nonNil(e.ExposedServices), Segments: nonNil(e.ExposedSegments)},
				Freed:   diffExposedJSON{Services: nonNil(e.FreedServices), Segments: nonNil(e.FreedSegments)}})
		}
	}
	if cc := c.Cost; cc != nil && !omitted[diff.SectionCost] {
		x := &diffCostJSON{Currency: cc.Currency, Period: cc.Period, Rows: []diffCostRowJSON{},
			Total: diffCostTotalJSON{Before: cc.Before.Fixed(cc.Places), After: cc.After.Fixed(cc.Places),
				Delta: cc.Delta.Fixed(cc.Places), DeltaPercent: jsonPercent(cc.DeltaPercent)}}
		for _, row := range cc.Rows {
			x.Rows = append(x.Rows, diffCostRowJSON{By: row.By, Name: row.Name,
				Before: jsonMoney(row.Before, cc.Places), After: jsonMoney(row.After, cc.Places),
				Delta: row.Delta.Fixed(cc.Places), DeltaPercent: jsonPercent(row.DeltaPercent)})
		}
		r.Cost = x
	}
	if !omitted[diff.SectionTraceability] {
		r.Traceability = &diffTraceJSON{Untraced: nonNil(c.Traceability.Untraced), Traced: nonNil(c.Traceability.Traced)}
	}
	return WriteJSON(w, r)
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

func jsonDurationPtr(d *time.Duration) *string {
	if d == nil {
		return nil
	}
	s := duration.Format(*d)
	return &s
}

func jsonMoney(d *decimal.Decimal, places int) *string {
	if d == nil {
		return nil
	}
	s := d.Fixed(places)
	return &s
}

// jsonPercent is a percent change as a number to one place.
func jsonPercent(p *decimal.Decimal) *json.Number {
	if p == nil {
		return nil
	}
	n := json.Number(p.Fixed(1))
	return &n
}
