package export

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/decimal"
)

// OpenSLOAPIVersion is the apiVersion of every exported document.
const OpenSLOAPIVersion = "openslo/v1"

// PlaceholderSourceType is the type of the DataSource the export writes:
// svccat knows no metric system, so the user names the real one.
const PlaceholderSourceType = "Placeholder"

// DefaultSLOWindow is the rolling window of an SLO without one: OpenSLO
// requires a time window, and 30 days is the common default.
const DefaultSLOWindow = 30 * 24 * time.Hour

// OpenSLO's limits (go-sdk's validators): metadata.displayName and
// descriptions.
const (
	openSLODisplayNameMax = 63
	openSLODescriptionMax = 1050
)

type osDoc struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string `yaml:"kind"`
	Metadata   osMeta `yaml:"metadata"`
	Spec       any    `yaml:"spec"`
}

type osMeta struct {
	Name        string            `yaml:"name"`
	DisplayName string            `yaml:"displayName,omitempty"`
	Annotations map[string]string `yaml:"annotations,omitempty"`
}

type osServiceSpec struct {
	Description string `yaml:"description,omitempty"`
}

type osDataSourceSpec struct {
	Description       string `yaml:"description"`
	Type              string `yaml:"type"`
	ConnectionDetails []any  `yaml:"connectionDetails"`
}

type osSLISpec struct {
	Description string        `yaml:"description,omitempty"`
	RatioMetric osRatioMetric `yaml:"ratioMetric"`
}

type osRatioMetric struct {
	Counter bool         `yaml:"counter"`
	Good    osMetricSpec `yaml:"good"`
	Total   osMetricSpec `yaml:"total"`
}

type osMetricSpec struct {
	MetricSource osMetricSource `yaml:"metricSource"`
}

type osMetricSource struct {
	MetricSourceRef string            `yaml:"metricSourceRef"`
	Spec            map[string]string `yaml:"spec"`
}

type osSLOSpec struct {
	Description     string         `yaml:"description,omitempty"`
	Service         string         `yaml:"service"`
	IndicatorRef    string         `yaml:"indicatorRef"`
	BudgetingMethod string         `yaml:"budgetingMethod"`
	TimeWindow      []osTimeWindow `yaml:"timeWindow"`
	Objectives      []osObjective  `yaml:"objectives"`
}

type osTimeWindow struct {
	Duration  string `yaml:"duration"`
	IsRolling bool   `yaml:"isRolling"`
}

type osObjective struct {
	DisplayName string  `yaml:"displayName,omitempty"`
	Target      float64 `yaml:"target"`
}

func buildOpenSLO(c *catalog.Catalog, opt Options) (*Export, error) {
	e := &Export{Format: OpenSLO, Stream: true}
	var services, slis, slos []osDoc
	names := map[string]bool{}
	for _, s := range c.Services {
		if !Exported(s) || len(s.SLOs) == 0 {
			continue
		}
		ann := map[string]string{IDAnnotation: s.ID(), AnnotationPrefix + "lifecycle": lifecycle(s)}
		md := osMeta{Name: s.Name, Annotations: ann}
		setShort(&md, s.Title, ann)
		spec := osServiceSpec{Description: limitText(s.Description, openSLODescriptionMax, ann, "description")}
		services = append(services, osDoc{OpenSLOAPIVersion, "Service", md, spec})

		for _, o := range s.SLOs {
			name := uniqueName(s.Name, o.Name, names)
			window, exact := openSLODuration(o.Window)
			ann := map[string]string{
				AnnotationPrefix + "service":   s.Name,
				AnnotationPrefix + "slo":       o.Name,
				AnnotationPrefix + "objective": o.Objective.String(),
			}
			setText(ann, "indicator", o.Indicator)
			switch {
			case !o.Window.Set:
				ann[AnnotationPrefix+"window"] = "assumed"
				e.Notes = append(e.Notes, fmt.Sprintf("%s: SLO %q has no window; the export assumes a rolling %s", s.Name, o.Name, window))
			case !exact:
				ann[AnnotationPrefix+"window"] = durationText(o.Window.D)
				e.Notes = append(e.Notes, fmt.Sprintf("%s: SLO %q window %s is not a whole number of minutes; the export rounds it up to %s", s.Name, o.Name, durationText(o.Window.D), window))
			}
			target, err := openSLOTarget(o.Objective)
			if err != nil {
				return nil, fmt.Errorf("%s: SLO %q: %v", s.Name, o.Name, err)
			}
			what := o.Indicator
			if what == "" {
				what = o.Name
			}
			slis = append(slis, osDoc{OpenSLOAPIVersion, "SLI", osMeta{Name: name, Annotations: map[string]string{
				AnnotationPrefix + "service": s.Name, AnnotationPrefix + "slo": o.Name,
			}}, osSLISpec{
				Description: limitText(fmt.Sprintf("%s of %s. The queries are placeholders: svccat does not know the metrics; replace them with %s's.", what, s.DisplayName(), opt.MetricSource), openSLODescriptionMax, nil, ""),
				RatioMetric: osRatioMetric{
					Counter: true,
					Good:    placeholderMetric(opt.MetricSource, fmt.Sprintf("placeholder: good events of the %s SLI of %s", what, s.Name)),
					Total:   placeholderMetric(opt.MetricSource, fmt.Sprintf("placeholder: all events of the %s SLI of %s", what, s.Name)),
				},
			}})
			md := osMeta{Name: name, Annotations: ann}
			if t := s.DisplayName() + " " + o.Name; utf8.RuneCountInString(t) <= openSLODisplayNameMax {
				md.DisplayName = t
			}
			slos = append(slos, osDoc{OpenSLOAPIVersion, "SLO", md, osSLOSpec{
				Description:     limitText(fmt.Sprintf("%s: %s%% over a rolling %s.", o.Name, o.Objective.String(), window), openSLODescriptionMax, nil, ""),
				Service:         s.Name,
				IndicatorRef:    name,
				BudgetingMethod: "Occurrences",
				TimeWindow:      []osTimeWindow{{Duration: window, IsRolling: true}},
				Objectives:      []osObjective{{DisplayName: o.Name, Target: target}},
			}})
		}
	}
	var docs []osDoc
	if len(slis) > 0 {
		docs = append(docs, osDoc{OpenSLOAPIVersion, "DataSource", osMeta{Name: opt.MetricSource, Annotations: map[string]string{
			AnnotationPrefix + "placeholder": "true",
		}}, osDataSourceSpec{
			Description:       "Placeholder written by svccat export: set type and connectionDetails to the metric source the SLIs read.",
			Type:              PlaceholderSourceType,
			ConnectionDetails: []any{},
		}})
		e.Notes = append(e.Notes, fmt.Sprintf("the OpenSLO export refers %d SLIs to the placeholder DataSource %q (type %s) with placeholder queries: svccat holds no metrics; replace them before use (the config's export.openslo.metricSource names the DataSource)",
			len(slis), opt.MetricSource, PlaceholderSourceType))
	}
	docs = append(docs, services...)
	docs = append(docs, slis...)
	docs = append(docs, slos...)
	for _, d := range docs {
		data, err := yamlDoc(d)
		if err != nil {
			return nil, err
		}
		e.Files = append(e.Files, File{Name: docFileName(d.Kind, d.Metadata.Name), Data: data})
	}
	return e, nil
}

func placeholderMetric(source, query string) osMetricSpec {
	return osMetricSpec{MetricSource: osMetricSource{MetricSourceRef: source, Spec: map[string]string{"query": query}}}
}

// setShort sets displayName when the title fits OpenSLO's limit; a longer
// title is kept whole in an annotation rather than cut.
func setShort(md *osMeta, title string, ann map[string]string) {
	if title == "" {
		return
	}
	if utf8.RuneCountInString(title) <= openSLODisplayNameMax {
		md.DisplayName = title
		return
	}
	ann[AnnotationPrefix+"title"] = title
}

// limitText returns s when it fits max runes; otherwise it is cut with an
// ellipsis and, when ann is given, kept whole there under key.
func limitText(s string, max int, ann map[string]string, key string) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	if ann != nil {
		ann[AnnotationPrefix+key] = s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}

// openSLOTarget is objective / 100, from the exact decimal: 99.9 becomes
// 0.999, never 0.9990000000000001.
func openSLOTarget(objective decimal.Decimal) (float64, error) {
	q, ok := objective.Quo(decimal.FromInt(100))
	if !ok {
		return 0, fmt.Errorf("objective %s cannot be divided by 100", objective)
	}
	f, err := strconv.ParseFloat(q.String(), 64)
	if err != nil || f <= 0 || f >= 1 {
		return 0, fmt.Errorf("objective %s is not between 0 and 100", objective)
	}
	return f, nil
}

// openSLODuration writes a window in OpenSLO's shorthand, one number and
// one unit (m, h, d, w), in the largest unit that holds it exactly. A
// window that is not whole minutes is rounded up (exact is false); no
// window is DefaultSLOWindow.
func openSLODuration(w catalog.Duration) (s string, exact bool) {
	d, exact := w.D, true
	if !w.Set {
		d = DefaultSLOWindow
	}
	if r := d % time.Minute; r != 0 || d <= 0 {
		d += time.Minute - r
		exact = false
	}
	for _, u := range []struct {
		d    time.Duration
		unit string
	}{{7 * 24 * time.Hour, "w"}, {24 * time.Hour, "d"}, {time.Hour, "h"}, {time.Minute, "m"}} {
		if d%u.d == 0 {
			return strconv.FormatInt(int64(d/u.d), 10) + u.unit, exact
		}
	}
	panic("unreachable: d is a whole number of minutes")
}

// uniqueName makes a DNS label (OpenSLO's name rule) for an SLO and its
// SLI from the service and SLO names, unique in the export: a name that
// would be too long or is taken gets a short hash of its source.
func uniqueName(service, slo string, used map[string]bool) string {
	slug := dnsSlug(slo)
	name := service
	if slug != "" {
		name += "-" + slug
	}
	if len(name) > 63 || used[name] {
		h := fnv.New32a()
		h.Write([]byte(service + "\x00" + slo))
		hash := fmt.Sprintf("-%08x", h.Sum32())
		for i := 1; ; i++ {
			suffix := hash
			if i > 1 {
				suffix += "-" + strconv.Itoa(i)
			}
			c := strings.TrimRight(name[:min(len(name), 63-len(suffix))], "-") + suffix
			if !used[c] {
				name = c
				break
			}
		}
	}
	used[name] = true
	return name
}

// dnsSlug lowers s and joins its runs of letters and digits with hyphens.
func dnsSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
