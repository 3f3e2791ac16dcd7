package config

import (
	"sort"
	"strings"
	"time"

	"github.com/svccat/svccat/internal/duration"
)

// Setting is one value of the configuration in effect, for svccat config.
type Setting struct {
	// Key is dotted from the top of the file (thresholds.satisfaction).
	Key string
	// Value is the value in effect, as JSON writes it: a string, a
	// number, a list of strings, or nil for "not set".
	Value any
	// Origin is "FILE:LINE", "flag --NAME" or "default".
	Origin string
}

// Settings lists every key of the configuration with the value in effect
// and where it came from, in the order the SPEC lists the keys (the rules
// set, in file order, where rules belongs).
func (c *Config) Settings() []Setting {
	var out []Setting
	add := func(key string, v any) { out = append(out, Setting{Key: key, Value: v, Origin: c.Origin(key)}) }
	orNil := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	list := func(xs []string) []string { return append([]string{}, xs...) }
	add("currency", orNil(c.Currency))
	add("period", c.Period)
	if c.AsOf.IsZero() {
		// Not today's date: the same config prints the same every day.
		out = append(out, Setting{Key: "asOf", Value: nil, Origin: "default: today (UTC) when svccat runs"})
	} else {
		add("asOf", c.AsOf.Format(time.DateOnly))
	}
	add("defaults.restoreDuration", duration.Format(c.RestoreDuration))
	names := make([]string, 0, len(c.Rules))
	for name := range c.Rules {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := c.Rules[names[i]].Pos, c.Rules[names[j]].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return names[i] < names[j]
	})
	for _, name := range names {
		add("rules."+name, c.Rules[name].Severity)
	}
	add("internalFocus.terms", list(c.InternalFocus.Terms))
	add("internalFocus.allow", list(c.InternalFocus.Allow))
	t := c.Thresholds
	add("thresholds.consumptionVariance", number(t.ConsumptionVariance.String()))
	add("thresholds.satisfaction", number(t.Satisfaction.String()))
	add("thresholds.minResponses", t.MinResponses)
	add("thresholds.keyStakeholderPower", t.KeyStakeholderPower)
	add("thresholds.contactCadence", duration.Format(t.ContactCadence))
	add("costPools", list(c.CostPools))
	add("limits.fileBytes", c.Limits.FileBytes)
	add("limits.catalogBytes", c.Limits.CatalogBytes)
	add("limits.documentNodes", c.Limits.DocumentNodes)
	add("export.openslo.metricSource", orNil(c.Export.OpenSLO.MetricSource))
	return out
}

// number is a decimal that JSON writes as a number, exactly as given.
type number string

func (n number) MarshalJSON() ([]byte, error) { return []byte(n), nil }

func (n number) String() string { return strings.TrimSpace(string(n)) }
