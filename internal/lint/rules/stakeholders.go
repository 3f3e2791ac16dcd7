package rules

import (
	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/measure"
)

// stakeholderFigures calls f with each stakeholder's place in the
// relationship map as of the config's as-of date.
func stakeholderFigures(p *lint.Pass, f func(s *catalog.Stakeholder, fig measure.Stakeholder)) {
	asOf := p.Config.Today()
	for _, s := range p.Catalog.Stakeholders {
		if canonical(p.Catalog, s) {
			f(s, measure.Of(s, p.Config, asOf))
		}
	}
}

// leaders are the distinct leadership Persons related to s, in the order
// its relationships name them.
func leaders(s *catalog.Stakeholder) []string {
	var out []string
	seen := map[*catalog.Person]bool{}
	for _, r := range s.Relationships {
		if r.With != nil && r.With.Leadership && !seen[r.With] {
			seen[r.With] = true
			out = append(out, r.With.Name)
		}
	}
	return out
}
