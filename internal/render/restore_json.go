package render

import (
	"io"
	"time"

	"github.com/svccat/svccat/internal/duration"
)

type jsonRestore struct {
	Scenario    jsonScenario    `json:"scenario"`
	Steps       []jsonStep      `json:"steps"`
	Degraded    []string        `json:"degraded"`
	Makespan    string          `json:"makespan"`
	Misses      int             `json:"misses"`
	Crews       any             `json:"crews"` // a number, "team", or null: unlimited
	Work        string          `json:"work"`
	LowerBounds jsonLowerBounds `json:"lowerBounds"`
}

type jsonScenario struct {
	Description string   `json:"description"`
	Sites       []string `json:"sites"`
	Services    []string `json:"services"`
	Failed      []string `json:"failed"`
	Affected    int      `json:"affected"`
}

type jsonLowerBounds struct {
	CriticalPath  string   `json:"criticalPath"`
	CriticalChain []string `json:"criticalChain"`
	WorkPerCrew   *string  `json:"workPerCrew"` // null with unlimited crews
	// Teams: with --crews team, each team's work over its crews.
	Teams []jsonTeamBound `json:"teams"`
}

type jsonTeamBound struct {
	Team  string `json:"team"`
	Crews int    `json:"crews"`
	Steps int    `json:"steps"`
	Work  string `json:"work"`
	Bound string `json:"bound"`
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
	Strategy      string   `json:"strategy"`
	Lifecycle     string   `json:"lifecycle"`
	Team          string   `json:"team"`
	Page          *string  `json:"page"` // null for (none) or a team with neither oncall nor contact
	Segments      []string `json:"segments"`
	Markets       []string `json:"markets"`
	Runbook       *string  `json:"runbook"`
	// Data-loss exposure: backupInterval against rpo.
	BackupInterval *string `json:"backupInterval"`
	RPO            *string `json:"rpo"`
	RPOMet         *bool   `json:"rpoMet"`
}

// RestoreJSON writes the plan with SPEC §5's keys: durations as strings
// ("2h30m"), absent values as null, lists never null.
func RestoreJSON(w io.Writer, in RestoreInput) error {
	p := in.Plan
	r := jsonRestore{
		Scenario: jsonScenario{
			Description: p.Scenario.String(),
			Sites:       listOrEmpty(p.Scenario.Sites),
			Services:    listOrEmpty(p.Scenario.Services),
			Failed:      listOrEmpty(p.Failed),
			Affected:    p.Affected,
		},
		Steps:    []jsonStep{},
		Degraded: listOrEmpty(p.Degraded),
		Makespan: duration.Format(p.Makespan),
		Misses:   p.Misses,
		Work:     duration.Format(p.Work),
		LowerBounds: jsonLowerBounds{
			CriticalPath:  duration.Format(p.LowerBounds.CriticalPath),
			CriticalChain: listOrEmpty(p.LowerBounds.CriticalChain),
			Teams:         []jsonTeamBound{},
		},
	}
	switch {
	case p.TeamCrews:
		r.Crews = "team"
		r.LowerBounds.WorkPerCrew = jsonDuration(&p.LowerBounds.WorkPerCrew)
		for _, t := range p.LowerBounds.Teams {
			r.LowerBounds.Teams = append(r.LowerBounds.Teams, jsonTeamBound{
				Team: t.Team, Crews: t.Crews, Steps: t.Steps, Work: duration.Format(t.Work), Bound: duration.Format(t.Bound),
			})
		}
	case p.Crews > 0:
		r.Crews = p.Crews
		r.LowerBounds.WorkPerCrew = jsonDuration(&p.LowerBounds.WorkPerCrew)
	}
	for _, s := range p.Steps {
		js := jsonStep{
			Order: s.Order, Wave: s.Wave, Service: s.Service, Title: s.Title, Type: s.Type,
			Tier: s.Tier, EffectiveTier: s.EffectiveTier, Deadline: jsonDuration(s.Deadline),
			Start: duration.Format(s.Start), Duration: duration.Format(s.Duration), Assumed: s.Assumed,
			Finish: duration.Format(s.Finish), RTO: jsonDuration(s.RTO), RTOMet: s.RTOMet,
			Reason: s.Reason, Strategy: s.Strategy, Lifecycle: s.Lifecycle, Team: s.Team, Page: nullString(s.Page),
			Segments: listOrEmpty(s.Segments), Markets: listOrEmpty(s.Markets), Runbook: nullString(s.Runbook),
			BackupInterval: jsonDuration(s.BackupInterval), RPO: jsonDuration(s.RPO), RPOMet: s.RPOMet,
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

func nullString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func listOrEmpty(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}
