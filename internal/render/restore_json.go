package render

import (
	"io"
	"time"

	"github.com/svccat/svccat/internal/duration"
)

type jsonRestore struct {
	Scenario    jsonScenario    `json:"scenario"`
	Steps       []jsonStep      `json:"steps"`
	Makespan    string          `json:"makespan"`
	Misses      int             `json:"misses"`
	Crews       *int            `json:"crews"` // null: unlimited
	Work        string          `json:"work"`
	LowerBounds jsonLowerBounds `json:"lowerBounds"`
}

type jsonScenario struct {
	Description string   `json:"description"`
	Site        *string  `json:"site"`
	Services    []string `json:"services"`
	Failed      []string `json:"failed"`
	Affected    int      `json:"affected"`
}

type jsonLowerBounds struct {
	CriticalPath  string   `json:"criticalPath"`
	CriticalChain []string `json:"criticalChain"`
	WorkPerCrew   *string  `json:"workPerCrew"` // null with unlimited crews
}

type jsonStep struct {
	Order         int      `json:"order"`
	Wave          int      `json:"wave"`
	Crew          *int     `json:"crew"`
	Service       string   `json:"service"`
	Title         string   `json:"title"`
	Type          string   `json:"type"`
	Tier          *int     `json:"tier"`
	EffectiveTier *int     `json:"effectiveTier"`
	Deadline      *string  `json:"deadline"`
	Start         string   `json:"start"`
	Duration      string   `json:"duration"`
	Assumed       bool     `json:"assumed"`
	Finish        string   `json:"finish"`
	RTO           *string  `json:"rto"`
	RTOMet        *bool    `json:"rtoMet"`
	Reason        string   `json:"reason"`
	Segments      []string `json:"segments"`
	Markets       []string `json:"markets"`
	Runbook       string   `json:"runbook"`
}

// RestoreJSON writes the plan with SPEC §4's keys: durations as strings
// ("2h30m"), absent values as null, lists never null.
func RestoreJSON(w io.Writer, in RestoreInput) error {
	p := in.Plan
	r := jsonRestore{
		Scenario: jsonScenario{
			Description: p.Scenario.String(),
			Services:    listOrEmpty(p.Scenario.Services),
			Failed:      listOrEmpty(p.Failed),
			Affected:    p.Affected,
		},
		Steps:    []jsonStep{},
		Makespan: duration.Format(p.Makespan),
		Misses:   p.Misses,
		Work:     duration.Format(p.Work),
		LowerBounds: jsonLowerBounds{
			CriticalPath:  duration.Format(p.LowerBounds.CriticalPath),
			CriticalChain: listOrEmpty(p.LowerBounds.CriticalChain),
		},
	}
	if p.Scenario.Site != "" {
		r.Scenario.Site = &p.Scenario.Site
	}
	if p.Crews > 0 {
		r.Crews = &p.Crews
		r.LowerBounds.WorkPerCrew = jsonDuration(&p.LowerBounds.WorkPerCrew)
	}
	for _, s := range p.Steps {
		js := jsonStep{
			Order: s.Order, Wave: s.Wave, Service: s.Service, Title: s.Title, Type: s.Type,
			Tier: s.Tier, EffectiveTier: s.EffectiveTier, Deadline: jsonDuration(s.Deadline),
			Start: duration.Format(s.Start), Duration: duration.Format(s.Duration), Assumed: s.Assumed,
			Finish: duration.Format(s.Finish), RTO: jsonDuration(s.RTO), RTOMet: s.RTOMet,
			Reason: s.Reason, Segments: listOrEmpty(s.Segments), Markets: listOrEmpty(s.Markets), Runbook: s.Runbook,
		}
		if s.Crew > 0 {
			crew := s.Crew
			js.Crew = &crew
		}
		r.Steps = append(r.Steps, js)
	}
	return WriteJSON(w, r)
}

func jsonDuration(d *time.Duration) *string {
	if d == nil {
		return nil
	}
	s := duration.Format(*d)
	return &s
}

func listOrEmpty(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}
