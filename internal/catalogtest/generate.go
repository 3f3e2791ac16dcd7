// Package catalogtest generates large, realistic, valid catalogs for
// benchmarks and load tests.
package catalogtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Options size a generated catalog.
type Options struct {
	// Services is the number of services; the other kinds scale with it:
	// a market per 10 services, 1.5 segments and personas per service, a
	// team per 10 services, and 10 sites (≈4 entities per service).
	Services int
	// PerFile is how many documents go in one file (default 10).
	PerFile int
	// Relationships adds the relationship map and the measures: a Person
	// per team (every other one leadership), a Stakeholder per segment
	// with two relationships, and three months of Measurements for every
	// business service.
	Relationships bool
}

// Write generates a catalog under dir (created if needed) and returns the
// number of entities written. Every reference resolves and the dependency
// graph is acyclic: service i depends only on supporting services with a
// larger index, in a later layer.
func Write(dir string, opt Options) (int, error) {
	if opt.PerFile <= 0 {
		opt.PerFile = 10
	}
	n := opt.Services
	markets := max(n/10, 1)
	segments := max(n*3/2, 1)
	teams := max(n/10, 1)
	const sites = 10
	w := &writer{dir: dir, perFile: opt.PerFile}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	if err := os.WriteFile(filepath.Join(dir, ".svccat.yaml"), []byte("currency: USD\nperiod: year\n"), 0o644); err != nil {
		return 0, err
	}
	for i := 0; i < markets; i++ {
		w.add("markets", fmt.Sprintf(`apiVersion: svccat/v1
kind: Market
metadata:
  name: market-%d
  title: Market %d
spec:
  valueProposition: Reliable service number %d for every customer.
  competitors: [Vendor A, Vendor B]
  advantages: [Integrated with our other services]
  vulnerabilities: [Smaller feature set]
`, i, i, i))
	}
	for i := 0; i < segments; i++ {
		w.add("segments", fmt.Sprintf(`apiVersion: svccat/v1
kind: Segment
metadata:
  name: segment-%d
spec:
  market: market-%d
  audience: %s
  valueProposition: What segment %d needs, done well.
  size: %d
`, i, i%markets, []string{"internal", "external"}[i%2], i, 10+i%500))
		w.add("personas", fmt.Sprintf(`apiVersion: svccat/v1
kind: Persona
metadata:
  name: persona-%d
spec:
  segment: segment-%d
  narrative: Pat works in segment %d and needs things to just work.
  needs: [Fast answers, Clear invoices]
  expectations: [Resolution within a day]
  values: [Reliability]
`, i, i, i))
	}
	for i := 0; i < teams; i++ {
		w.add("teams", fmt.Sprintf("apiVersion: svccat/v1\nkind: Team\nmetadata:\n  name: team-%d\nspec:\n  contact: team-%d@example.com\n", i, i))
	}
	for i := 0; i < sites; i++ {
		w.add("sites", fmt.Sprintf("apiVersion: svccat/v1\nkind: Site\nmetadata:\n  name: site-%d\nspec:\n  location: City %d\n", i, i))
	}
	// Services come in four layers, as in a real catalog: business
	// services (a fifth) on top of three layers of supporting services.
	// Each service depends on four services of the next layer (hard) and
	// one more (soft, weight 2); spreading the picks over the whole next
	// layer leaves no supporting service orphaned. Tiers, RTOs and SLOs get
	// stricter further down, so the catalog lints clean.
	bounds := []int{0, n / 5, n / 2, n * 4 / 5, n} // layer l is [bounds[l], bounds[l+1])
	type layer struct {
		typ      string
		tier     int
		rto, slo string
	}
	layers := []layer{{"business", 2, "1w", "99"}, {"supporting", 1, "2d", "99.9"}, {"supporting", 0, "1d", "99.99"}, {"supporting", 0, "12h", "99.999"}}
	for l := 0; l < 4; l++ {
		for i := bounds[l]; i < bounds[l+1]; i++ {
			ly := layers[l]
			var b strings.Builder
			fmt.Fprintf(&b, `apiVersion: svccat/v1
kind: Service
metadata:
  name: service-%d
  title: Service %d
  description: Generated service number %d.
spec:
  type: %s
  owner: team-%d
`, i, i, i, ly.typ, i%teams)
			if ly.typ == "business" {
				fmt.Fprintf(&b, "  segments: [segment-%d, segment-%d]\n  touchpoints: [web, email]\n", i%segments, (i+1)%segments)
			}
			fmt.Fprintf(&b, `  sites: [site-%d]
  impact: {tier: %d, rto: %s, rpo: 1h}
  restore: {duration: 30m, runbook: https://wiki.example.com/runbooks/service-%d}
`, i%sites, ly.tier, ly.rto, i)
			if l < 3 && bounds[l+2] > bounds[l+1] {
				lo, size := bounds[l+1], bounds[l+2]-bounds[l+1]
				seen := map[int]bool{}
				var deps []string
				for k := 0; k < 5; k++ {
					j := lo + ((i-bounds[l])*4+k)%size
					if seen[j] {
						continue
					}
					seen[j] = true
					if k == 4 {
						deps = append(deps, fmt.Sprintf("    - {service: service-%d, type: soft, weight: 2}\n", j))
					} else {
						deps = append(deps, fmt.Sprintf("    - service-%d\n", j))
					}
				}
				b.WriteString("  dependsOn:\n" + strings.Join(deps, ""))
			}
			fmt.Fprintf(&b, `  slos:
    - {name: availability, indicator: availability, objective: %s, window: 30d}
  cost:
    currency: USD
    period: %s
    pools: {hardware: %d.50, software: %d, labor: %d.25}
`, ly.slo, []string{"month", "quarter", "year"}[i%3], 100+i%900, 200+i%700, 300+i%500)
			if ly.typ == "business" {
				fmt.Fprintf(&b, "  consumption: {unit: user, planned: %d, price: 1000}\n", 50+i%400)
			}
			w.add("services", b.String())
		}
	}
	extra := 0
	if opt.Relationships {
		extra = relationships(w, n, segments, teams, bounds[1])
	}
	if err := w.flushAll(); err != nil {
		return 0, err
	}
	return markets + 2*segments + teams + sites + n + extra, nil
}

// relationships writes people, stakeholders and measurements; it returns
// how many entities it wrote.
func relationships(w *writer, n, segments, teams, business int) int {
	for i := 0; i < teams; i++ {
		w.add("people", fmt.Sprintf(`apiVersion: svccat/v1
kind: Person
metadata:
  name: person-%d
spec:
  team: team-%d
  role: Head of team %d
  leadership: %t
`, i, i, i, i%2 == 0))
	}
	for i := 0; i < segments; i++ {
		w.add("stakeholders", fmt.Sprintf(`apiVersion: svccat/v1
kind: Stakeholder
metadata:
  name: stakeholder-%d
spec:
  organisation: %s
  segments: [segment-%d]
  role: Head of segment %d
  power: %d
  influence: %d
  loyalty: %d
  satisfaction: %d
  cadence: %dd
  relationships:
    - {with: person-%d, type: partner, partnership: %d, lastContact: 2026-%02d-%02d}
    - {with: person-%d, type: technical, partnership: %d, lastContact: 2026-%02d-%02d}
`, i, []string{"business", "partner"}[i%2], i, i, i%101, (i*7)%101, (i*3)%101, (i*11)%101, 30+i%90,
			i%teams, 1+i%100, 1+i%11, 1+i%28, (i+1)%teams, 1+(i*13)%100, 1+(i+5)%11, 1+(i*3)%28))
	}
	for m := 9; m <= 11; m++ {
		for i := 0; i < business; i++ {
			w.add("measurements", fmt.Sprintf(`apiVersion: svccat/v1
kind: Measurement
metadata:
  name: service-%d-2026-%02d
spec:
  service: service-%d
  period: 2026-%02d
  consumed: %d
  availability: 99.%d
  satisfaction: {score: %d.%d, scale: 5, responses: %d}
`, i, m, i, m, 4+(i*m)%40, 90+(i*m)%10, 2+(i+m)%3, (i*m)%10, (i*m)%50))
		}
	}
	return teams + segments + 3*business
}

type writer struct {
	dir     string
	perFile int
	pending map[string][]string
	files   map[string]int
	err     error
}

func (w *writer) add(kind, doc string) {
	if w.pending == nil {
		w.pending, w.files = map[string][]string{}, map[string]int{}
	}
	w.pending[kind] = append(w.pending[kind], doc)
	if len(w.pending[kind]) >= w.perFile {
		w.flush(kind)
	}
}

func (w *writer) flush(kind string) {
	docs := w.pending[kind]
	if len(docs) == 0 || w.err != nil {
		return
	}
	sub := filepath.Join(w.dir, kind)
	if err := os.MkdirAll(sub, 0o755); err != nil {
		w.err = err
		return
	}
	name := filepath.Join(sub, fmt.Sprintf("%s-%05d.yaml", kind, w.files[kind]))
	w.files[kind]++
	w.pending[kind] = nil
	if err := os.WriteFile(name, []byte(strings.Join(docs, "---\n")), 0o644); err != nil {
		w.err = err
	}
}

func (w *writer) flushAll() error {
	for kind := range w.pending {
		w.flush(kind)
	}
	return w.err
}
