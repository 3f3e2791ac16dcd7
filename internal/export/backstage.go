package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/duration"
)

// BackstageAPIVersion is the apiVersion of every exported entity.
const BackstageAPIVersion = "backstage.io/v1alpha1"

// UnownedGroup owns what has no owner in svccat (markets, segments,
// sites, services without one): Backstage requires an owner on those
// kinds, and every reference must resolve inside the export. The dot
// keeps it apart from every Team, whose names cannot hold one.
const UnownedGroup = "svccat.unowned"

// Backstage component types.
const (
	BusinessServiceType   = "business-service"
	SupportingServiceType = "supporting-service"
)

type bsEntity struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string `yaml:"kind"`
	Metadata   bsMeta `yaml:"metadata"`
	Spec       any    `yaml:"spec"`
}

type bsMeta struct {
	Name        string            `yaml:"name"`
	Title       string            `yaml:"title,omitempty"`
	Description string            `yaml:"description,omitempty"`
	Labels      map[string]string `yaml:"labels,omitempty"`
	Annotations map[string]string `yaml:"annotations,omitempty"`
	Links       []bsLink          `yaml:"links,omitempty"`
}

type bsLink struct {
	URL   string `yaml:"url"`
	Title string `yaml:"title,omitempty"`
	Type  string `yaml:"type,omitempty"`
}

// link is a link Backstage would refuse (its URL is not absolute), kept
// in svccat.dev/links.
type link struct {
	URL   string `json:"url"`
	Title string `json:"title,omitempty"`
	Type  string `json:"type,omitempty"`
}

type bsProfile struct {
	DisplayName string `yaml:"displayName,omitempty"`
	Email       string `yaml:"email,omitempty"`
}

type bsGroupSpec struct {
	Type     string     `yaml:"type"`
	Profile  *bsProfile `yaml:"profile,omitempty"`
	Children []string   `yaml:"children"`
}

type bsUserSpec struct {
	Profile  *bsProfile `yaml:"profile,omitempty"`
	MemberOf []string   `yaml:"memberOf"`
}

type bsDomainSpec struct {
	Owner string `yaml:"owner"`
	Type  string `yaml:"type"`
}

type bsSystemSpec struct {
	Owner  string `yaml:"owner"`
	Domain string `yaml:"domain,omitempty"`
	Type   string `yaml:"type"`
}

type bsResourceSpec struct {
	Type  string `yaml:"type"`
	Owner string `yaml:"owner"`
}

type bsComponentSpec struct {
	Type      string   `yaml:"type"`
	Lifecycle string   `yaml:"lifecycle"`
	Owner     string   `yaml:"owner"`
	System    string   `yaml:"system,omitempty"`
	DependsOn []string `yaml:"dependsOn,omitempty"`
}

// BackstageLifecycle maps a svccat lifecycle to Backstage's: pipeline
// services are experimental, live and retiring ones in production.
// Retired services are not exported (ok is false).
func BackstageLifecycle(l string) (string, bool) {
	switch l {
	case catalog.Pipeline:
		return "experimental", true
	case catalog.Live, catalog.Retiring, "":
		return "production", true
	}
	return "", false
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func ref(kind, name string) string { return kind + ":" + name }

// backstageBuilder collects entities by kind.
type backstageBuilder struct {
	entities []bsEntity
	unowned  bool // some entity names UnownedGroup
}

func (b *backstageBuilder) owner(team string) string {
	if team == "" {
		b.unowned = true
		return ref("group", UnownedGroup)
	}
	return ref("group", team)
}

func buildBackstage(c *catalog.Catalog) (*Export, error) {
	b := &backstageBuilder{}
	retiredDeps, notes := retiredDependencies(c)
	// Domains, systems and resources first: they set b.unowned, which
	// decides whether the unowned group is written.
	var domains, systems, resources, components []bsEntity
	for _, m := range c.Markets {
		domains = append(domains, b.domain(m))
	}
	for _, s := range c.Segments {
		systems = append(systems, b.system(s))
	}
	for _, s := range c.Sites {
		resources = append(resources, b.resource(s))
	}
	for _, s := range c.Services {
		if Exported(s) {
			components = append(components, b.component(s, retiredDeps[s.Name]))
		}
	}
	var groups, users []bsEntity
	for _, t := range c.Teams {
		groups = append(groups, b.group(t))
	}
	for _, p := range c.People {
		users = append(users, b.user(p))
	}
	if b.unowned {
		groups = append(groups, bsEntity{
			APIVersion: BackstageAPIVersion,
			Kind:       "Group",
			Metadata: bsMeta{
				Name:        UnownedGroup,
				Title:       "No owner in svccat",
				Description: "Owns the entities that have no owner in the svccat catalog: markets, segments, sites and services without an owner.",
			},
			Spec: bsGroupSpec{Type: "team", Children: []string{}},
		})
	}
	e := &Export{Format: Backstage, Stream: true, Notes: notes}
	if n, m := len(c.Stakeholders), len(c.Measurements); n+m > 0 {
		e.Notes = append(e.Notes, fmt.Sprintf("the Backstage export leaves out %s and %s: Backstage has no kind for a business stakeholder or a period's measures (svccat review and svccat relationships report them)",
			count(n, "Stakeholder", "Stakeholders"), count(m, "Measurement", "Measurements")))
	}
	for _, list := range [][]bsEntity{groups, users, domains, systems, resources, components} {
		for _, ent := range list {
			data, err := yamlDoc(ent)
			if err != nil {
				return nil, err
			}
			e.Files = append(e.Files, File{Name: docFileName(ent.Kind, ent.Metadata.Name), Data: data})
		}
	}
	return e, nil
}

// meta is the metadata every kind shares: name, title, description, the
// svccat id, and the entity's own labels and annotations where Backstage
// accepts them (the rest kept as JSON in svccat.dev/labels and
// svccat.dev/annotations).
func meta(e *catalog.Entity, ann map[string]string) bsMeta {
	if ann == nil {
		ann = map[string]string{}
	}
	ann[IDAnnotation] = e.ID()
	m := bsMeta{Name: e.Name, Title: e.Title, Description: e.Description}
	var badLabels map[string]string
	for k, v := range e.Labels {
		if IsValidLabelKey(k) && IsValidLabelValue(v) && !reservedField[k] {
			if m.Labels == nil {
				m.Labels = map[string]string{}
			}
			m.Labels[k] = v
		} else {
			if badLabels == nil {
				badLabels = map[string]string{}
			}
			badLabels[k] = v
		}
	}
	var badAnn map[string]string
	for k, v := range e.Annotations {
		if _, taken := ann[k]; !taken && IsValidAnnotationKey(k) && !reservedField[k] {
			ann[k] = v
		} else {
			if badAnn == nil {
				badAnn = map[string]string{}
			}
			badAnn[k] = v
		}
	}
	var badLinks []link
	for _, l := range e.Links {
		if !IsValidURL(l.URL) {
			badLinks = append(badLinks, link{l.URL, l.Title, l.Type})
			continue
		}
		bl := bsLink{URL: l.URL, Title: l.Title, Type: l.Type}
		if strings.TrimSpace(bl.Title) == "" {
			bl.Title = "" // Backstage wants a title with text, or none
		}
		m.Links = append(m.Links, bl)
	}
	if badLinks != nil {
		ann[AnnotationPrefix+"links"] = jsonText(badLinks)
	}
	if badLabels != nil {
		ann[AnnotationPrefix+"labels"] = jsonText(badLabels)
	}
	if badAnn != nil {
		ann[AnnotationPrefix+"annotations"] = jsonText(badAnn)
	}
	m.Annotations = ann
	return m
}

func (b *backstageBuilder) group(t *catalog.Team) bsEntity {
	ann := map[string]string{}
	spec := bsGroupSpec{Type: "team", Children: []string{}}
	profile := bsProfile{DisplayName: t.Title}
	if t.Contact != "" {
		ann[AnnotationPrefix+"contact"] = t.Contact
		if looksLikeEmail(t.Contact) {
			profile.Email = t.Contact
		}
	}
	setText(ann, "oncall", t.Oncall)
	if t.Crews > 1 {
		ann[AnnotationPrefix+"crews"] = strconv.Itoa(t.Crews)
	}
	if profile != (bsProfile{}) {
		spec.Profile = &profile
	}
	return bsEntity{APIVersion: BackstageAPIVersion, Kind: "Group", Metadata: meta(&t.Entity, ann), Spec: spec}
}

func (b *backstageBuilder) user(p *catalog.Person) bsEntity {
	ann := map[string]string{}
	setText(ann, "role", p.Role)
	if p.Leadership {
		ann[AnnotationPrefix+"leadership"] = "true"
	}
	spec := bsUserSpec{MemberOf: []string{}}
	if p.TeamRef.Name != "" {
		spec.MemberOf = append(spec.MemberOf, ref("group", p.TeamRef.Name))
	}
	if p.Title != "" {
		spec.Profile = &bsProfile{DisplayName: p.Title}
	}
	return bsEntity{APIVersion: BackstageAPIVersion, Kind: "User", Metadata: meta(&p.Entity, ann), Spec: spec}
}

func looksLikeEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	return at > 0 && at < len(s)-1 && !strings.ContainsAny(s, " \t\r\n/:#<>,;\"") && strings.Count(s, "@") == 1
}

func (b *backstageBuilder) domain(m *catalog.Market) bsEntity {
	ann := map[string]string{}
	setText(ann, "value-proposition", m.ValueProposition)
	setList(ann, "competitors", m.Competitors)
	setList(ann, "advantages", m.Advantages)
	setList(ann, "vulnerabilities", m.Vulnerabilities)
	setList(ann, "point-of-view", m.PointOfView)
	return bsEntity{APIVersion: BackstageAPIVersion, Kind: "Domain", Metadata: meta(&m.Entity, ann),
		Spec: bsDomainSpec{Owner: b.owner(""), Type: "market"}}
}

// persona is a Persona, kept in its segment's svccat.dev/personas
// annotation: Backstage has no kind for a customer persona.
type persona struct {
	ID           string   `json:"id"`
	Title        string   `json:"title,omitempty"`
	Description  string   `json:"description,omitempty"`
	Narrative    string   `json:"narrative,omitempty"`
	Needs        []string `json:"needs,omitempty"`
	Expectations []string `json:"expectations,omitempty"`
	Values       []string `json:"values,omitempty"`
}

func (b *backstageBuilder) system(s *catalog.Segment) bsEntity {
	ann := map[string]string{}
	setText(ann, "audience", s.Audience)
	setText(ann, "value-proposition", s.ValueProposition)
	if s.Size != nil {
		ann[AnnotationPrefix+"size"] = strconv.FormatInt(*s.Size, 10)
	}
	if len(s.Personas) > 0 {
		ps := make([]persona, 0, len(s.Personas))
		for _, p := range s.Personas {
			ps = append(ps, persona{ID: p.ID(), Title: p.Title, Description: p.Description, Narrative: p.Narrative,
				Needs: p.Needs, Expectations: p.Expectations, Values: p.Values})
		}
		ann[AnnotationPrefix+"personas"] = jsonText(ps)
	}
	spec := bsSystemSpec{Owner: b.owner(""), Type: "segment"}
	if s.Market != nil {
		spec.Domain = ref("domain", s.Market.Name)
	}
	return bsEntity{APIVersion: BackstageAPIVersion, Kind: "System", Metadata: meta(&s.Entity, ann), Spec: spec}
}

func (b *backstageBuilder) resource(s *catalog.Site) bsEntity {
	ann := map[string]string{}
	setText(ann, "location", s.Location)
	return bsEntity{APIVersion: BackstageAPIVersion, Kind: "Resource", Metadata: meta(&s.Entity, ann),
		Spec: bsResourceSpec{Type: "site", Owner: b.owner("")}}
}

// dependency is one dependsOn edge as svccat holds it, kept in
// svccat.dev/dependencies: Backstage's dependsOn has no hard/soft or
// weight.
type dependency struct {
	Service string `json:"service"`
	Type    string `json:"type"`
	Weight  string `json:"weight"`
	Retired bool   `json:"retired,omitempty"`
}

type slo struct {
	Name      string `json:"name"`
	Indicator string `json:"indicator,omitempty"`
	Objective string `json:"objective"`
	Window    string `json:"window,omitempty"`
}

type cost struct {
	Currency string            `json:"currency,omitempty"`
	Period   string            `json:"period,omitempty"`
	Pools    map[string]string `json:"pools,omitempty"`
}

type consumption struct {
	Unit    string `json:"unit,omitempty"`
	Planned string `json:"planned,omitempty"`
	Price   string `json:"price,omitempty"`
}

type experience struct {
	FacilitatingProducts []string `json:"facilitatingProducts,omitempty"`
	Information          []string `json:"information,omitempty"`
	ExplicitBenefits     []string `json:"explicitBenefits,omitempty"`
	ImplicitBenefits     []string `json:"implicitBenefits,omitempty"`
}

func (b *backstageBuilder) component(s *catalog.Service, retiredDeps []string) bsEntity {
	ann := map[string]string{}
	lc := lifecycle(s)
	ann[AnnotationPrefix+"lifecycle"] = lc
	bsLifecycle, _ := BackstageLifecycle(lc)
	spec := bsComponentSpec{Type: SupportingServiceType, Lifecycle: bsLifecycle, Owner: b.owner(s.Owner.Name)}
	if s.IsBusiness() {
		spec.Type = BusinessServiceType
	}
	if len(s.SegmentRefs) > 0 {
		// Backstage gives a component one system; the first segment
		// listed is the one the catalog leads with. All of them are in
		// the annotation.
		spec.System = ref("system", s.SegmentRefs[0].Name)
		ann[AnnotationPrefix+"segments"] = refNames(s.SegmentRefs)
	}
	setList(ann, "touchpoints", s.Touchpoints)
	if len(s.SiteRefs) > 0 {
		ann[AnnotationPrefix+"sites"] = refNames(s.SiteRefs)
	}
	if s.Impact.Tier != nil {
		ann[AnnotationPrefix+"tier"] = strconv.Itoa(*s.Impact.Tier)
	}
	setDuration(ann, "rto", s.Impact.RTO)
	setDuration(ann, "rpo", s.Impact.RPO)
	if s.Restore.Strategy != "" && s.Restore.Strategy != catalog.StrategyRestore {
		ann[AnnotationPrefix+"restore-strategy"] = s.Restore.Strategy
	}
	setDuration(ann, "restore-duration", s.Restore.Duration)
	setDuration(ann, "failover", s.Restore.Failover)
	if len(s.Restore.StandbyRefs) > 0 {
		ann[AnnotationPrefix+"standby"] = refNames(s.Restore.StandbyRefs)
	}
	setDuration(ann, "backup-interval", s.Restore.BackupInterval)
	setText(ann, "restore-crew", s.Restore.CrewRef.Name)
	setText(ann, "runbook", s.Restore.Runbook)

	var deps []dependency
	retired := map[string]bool{}
	for _, n := range retiredDeps {
		retired[n] = true
	}
	seen := map[string]bool{}
	for _, d := range s.DependsOn {
		typ := "soft"
		if d.Hard {
			typ = "hard"
		}
		deps = append(deps, dependency{Service: d.Ref.Name, Type: typ, Weight: d.Weight.String(), Retired: retired[d.Ref.Name]})
		r := ref("component", d.Ref.Name)
		if !retired[d.Ref.Name] && !seen[r] {
			seen[r] = true
			spec.DependsOn = append(spec.DependsOn, r)
		}
	}
	for _, site := range s.SiteRefs {
		if r := ref("resource", site.Name); !seen[r] {
			seen[r] = true
			spec.DependsOn = append(spec.DependsOn, r)
		}
	}
	if len(deps) > 0 {
		ann[AnnotationPrefix+"dependencies"] = jsonText(deps)
	}
	if len(s.SLOs) > 0 {
		var out []slo
		for _, o := range s.SLOs {
			x := slo{Name: o.Name, Indicator: o.Indicator, Objective: o.Objective.String()}
			if o.Window.Set {
				x.Window = durationText(o.Window.D)
			}
			out = append(out, x)
		}
		ann[AnnotationPrefix+"slos"] = jsonText(out)
	}
	if s.Cost != nil {
		x := cost{Currency: s.Cost.Currency, Period: s.Cost.Period}
		for _, p := range s.Cost.Pools {
			if x.Pools == nil {
				x.Pools = map[string]string{}
			}
			x.Pools[p.Pool] = p.Amount.String()
		}
		ann[AnnotationPrefix+"cost"] = jsonText(x)
	}
	if s.Consumption != nil {
		x := consumption{Unit: s.Consumption.Unit, Planned: decimalText(s.Consumption.Planned), Price: decimalText(s.Consumption.Price)}
		ann[AnnotationPrefix+"consumption"] = jsonText(x)
	}
	if x := (experience{s.Experience.FacilitatingProducts, s.Experience.Information, s.Experience.ExplicitBenefits, s.Experience.ImplicitBenefits}); len(x.FacilitatingProducts)+len(x.Information)+len(x.ExplicitBenefits)+len(x.ImplicitBenefits) > 0 {
		ann[AnnotationPrefix+"experience"] = jsonText(x)
	}
	m := meta(&s.Entity, ann)
	if IsValidURL(s.Restore.Runbook) && !hasLink(m.Links, s.Restore.Runbook) {
		m.Links = append(m.Links, bsLink{URL: s.Restore.Runbook, Title: "Restore runbook", Type: catalog.LinkRunbook})
	}
	return bsEntity{APIVersion: BackstageAPIVersion, Kind: "Component", Metadata: m, Spec: spec}
}

func hasLink(links []bsLink, url string) bool {
	for _, l := range links {
		if l.URL == url {
			return true
		}
	}
	return false
}

func decimalText(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// refNames joins reference names with commas; names never hold one.
func refNames(refs []catalog.Ref) string {
	names := make([]string, len(refs))
	for i, r := range refs {
		names[i] = r.Name
	}
	return strings.Join(names, ",")
}

func setText(ann map[string]string, key, v string) {
	if v != "" {
		ann[AnnotationPrefix+key] = v
	}
}

// setList keeps a list of free text as a JSON array: its items may hold
// any character, commas included.
func setList(ann map[string]string, key string, v []string) {
	if len(v) > 0 {
		ann[AnnotationPrefix+key] = jsonText(v)
	}
}

func setDuration(ann map[string]string, key string, d catalog.Duration) {
	if d.Set {
		ann[AnnotationPrefix+key] = durationText(d.D)
	}
}

// durationText writes d as a catalog writes durations: whole weeks as
// "2w", else days, hours, minutes and seconds ("30d", "1d12h", "15m").
func durationText(d time.Duration) string {
	const day, week = 24 * time.Hour, 7 * 24 * time.Hour
	if d <= 0 {
		return "0s"
	}
	if d%week == 0 {
		return strconv.FormatInt(int64(d/week), 10) + "w"
	}
	var b strings.Builder
	for _, u := range []struct {
		d    time.Duration
		unit string
	}{{day, "d"}, {time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}} {
		if n := d / u.d; n > 0 {
			b.WriteString(strconv.FormatInt(int64(n), 10) + u.unit)
			d -= n * u.d
		}
	}
	if b.Len() == 0 {
		return duration.Format(d) // under a second: not a catalog duration
	}
	return b.String()
}

// jsonText is v as compact JSON, with <, > and & as they are (the value
// is data for a program, not HTML).
func jsonText(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(fmt.Sprintf("export: encoding %T: %v", v, err)) // plain data always encodes
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// sortedKeys is the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
