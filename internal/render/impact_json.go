package render

import (
	"io"

	"github.com/svccat/svccat/internal/graph"
)

type jsonImpact struct {
	Failed      []string            `json:"failed"`
	Services    []jsonImpactService `json:"services"`
	Segments    []jsonHit           `json:"segments"`
	Markets     []jsonHit           `json:"markets"`
	Personas    []jsonHit           `json:"personas"`
	Touchpoints []jsonHit           `json:"touchpoints"`
	Summary     jsonImpactSummary   `json:"summary"`
}

type jsonImpactService struct {
	Name        string   `json:"name"`
	Title       string   `json:"title"`
	Type        string   `json:"type"`
	Tier        *int     `json:"tier"`
	Status      string   `json:"status"`
	Via         []string `json:"via"`
	Segments    []string `json:"segments"`
	Touchpoints []string `json:"touchpoints"`
}

type jsonHit struct {
	Name   string   `json:"name"`
	Title  string   `json:"title"`
	Status string   `json:"status"`
	Via    []string `json:"via"`
}

type jsonImpactSummary struct {
	Failed      int `json:"failed"`
	Down        int `json:"down"`
	Degraded    int `json:"degraded"`
	Segments    int `json:"segments"`
	Markets     int `json:"markets"`
	Personas    int `json:"personas"`
	Touchpoints int `json:"touchpoints"`
}

// ImpactJSON writes the impact report; lists are never null.
func ImpactJSON(w io.Writer, in ImpactInput) error {
	o := in.Outage
	r := jsonImpact{
		Failed:      listOrEmpty(o.Failed),
		Services:    []jsonImpactService{},
		Segments:    jsonHits(o.Segments),
		Markets:     jsonHits(o.Markets),
		Personas:    jsonHits(o.Personas),
		Touchpoints: jsonHits(o.Touchpoints),
	}
	for _, s := range o.Services {
		r.Services = append(r.Services, jsonImpactService{
			Name: s.Name, Title: s.Title, Type: s.Type, Tier: s.Tier, Status: s.Status,
			Via: listOrEmpty(s.Via), Segments: listOrEmpty(s.Segments), Touchpoints: listOrEmpty(s.Touchpoints),
		})
	}
	r.Summary.Failed, r.Summary.Down, r.Summary.Degraded = impactCounts(o)
	r.Summary.Segments, r.Summary.Markets = len(o.Segments), len(o.Markets)
	r.Summary.Personas, r.Summary.Touchpoints = len(o.Personas), len(o.Touchpoints)
	return WriteJSON(w, r)
}

func jsonHits(hits []graph.Hit) []jsonHit {
	out := []jsonHit{}
	for _, h := range hits {
		out = append(out, jsonHit{Name: h.Name, Title: h.Title, Status: h.Status, Via: listOrEmpty(h.Via)})
	}
	return out
}
