// Package config reads .svccat.yaml, the optional settings file at a
// catalog's root.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/duration"
	"github.com/svccat/svccat/internal/source"
)

// FileName is the config file looked for at the catalog root.
const FileName = ".svccat.yaml"

// DefaultRestoreDuration is assumed for a service without restore.duration
// when the config does not say otherwise.
const DefaultRestoreDuration = time.Hour

// DefaultPools are the TBM-style cost pools every catalog may use.
var DefaultPools = []string{"hardware", "software", "labor", "facilities", "telecom", "outside-services", "cloud", "other"}

// Config is the catalog's settings. The zero value is not useful; use
// Default or Load.
type Config struct {
	// Path is the file the config was read from; "" for the defaults.
	Path string
	// Currency is the catalog's one currency ("" when not configured).
	Currency string
	// Period is the reporting period for cost reports.
	Period string
	// RestoreDuration is used where a service has no restore.duration.
	RestoreDuration time.Duration
	// Rules holds the severity set per rule id.
	Rules map[string]RuleSetting
	// InternalFocus extends the internal-focus rule.
	InternalFocus InternalFocus
	// CostPools are the pools the config names, in addition to the
	// defaults.
	CostPools []string
	// AsOf is the date date-based rules and reports use; zero means
	// today (UTC).
	AsOf time.Time
	// Thresholds tune the measure and relationship rules.
	Thresholds Thresholds
	// Export tunes svccat export.
	Export Export
}

// Thresholds are the limits of the measure and relationship rules.
type Thresholds struct {
	// ConsumptionVariance is the percent consumption-variance fires above.
	ConsumptionVariance decimal.Decimal
	// Satisfaction is the percent of scale low-satisfaction fires below,
	// with at least MinResponses responses.
	Satisfaction decimal.Decimal
	MinResponses int64
	// KeyStakeholderPower: stakeholders at or above are key.
	KeyStakeholderPower int
	// ContactCadence is the default Stakeholder cadence.
	ContactCadence time.Duration
}

// DefaultThresholds are the thresholds without a config.
func DefaultThresholds() Thresholds {
	return Thresholds{
		ConsumptionVariance: decimal.FromInt(20), Satisfaction: decimal.FromInt(60), MinResponses: 10,
		KeyStakeholderPower: 70, ContactCadence: 90 * 24 * time.Hour,
	}
}

// Today is the as-of date: AsOf, else today in UTC, at midnight.
func (c *Config) Today() time.Time {
	if !c.AsOf.IsZero() {
		return c.AsOf
	}
	y, m, d := time.Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Export holds the export settings: export.openslo.metricSource names
// the OpenSLO DataSource placeholder the SLIs refer to.
type Export struct {
	OpenSLO struct{ MetricSource string }
}

// RuleSetting is one entry of the rules map.
type RuleSetting struct {
	// Severity is "error", "warning", "info" or "off".
	Severity string
	Pos      source.Pos
}

// InternalFocus holds extra technical terms and names never flagged.
type InternalFocus struct {
	Terms []string
	Allow []string
}

// Default returns the settings used without a config file.
func Default() *Config {
	return &Config{Period: "year", RestoreDuration: DefaultRestoreDuration, Rules: map[string]RuleSetting{}, Thresholds: DefaultThresholds()}
}

// Error is a problem in the config file, with its position.
type Error struct {
	Pos source.Pos
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Pos, e.Msg) }

// Find returns the config for a run: the file given with --config, else
// .svccat.yaml at the root of the first path (the path itself when it is
// a directory, its folder when it is a file), else the defaults.
func Find(explicit string, paths []string) (*Config, error) {
	if explicit != "" {
		return Load(explicit)
	}
	root := "."
	if len(paths) > 0 {
		root = paths[0]
	}
	if info, err := os.Stat(root); err == nil && !info.IsDir() {
		root = filepath.Dir(root)
	}
	p := filepath.Join(root, FileName)
	if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
		return Default(), nil
	}
	return Load(p)
}

// maxConfigBytes bounds the config file: a real one is a few hundred bytes.
const maxConfigBytes = 1 << 20

var nameRE = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)

// Load reads a config file. Unknown keys and wrong values are errors at
// their position: a typo in the config must not pass silently either.
func Load(path string) (*Config, error) {
	// Read like a catalog file: a named pipe or a device put there is
	// refused, not waited on or read for ever.
	data, err := source.ReadRegular(path, maxConfigBytes, true)
	if err != nil {
		return nil, &Error{Pos: source.Pos{File: filepath.ToSlash(path)}, Msg: "cannot read config: " + errText(err)}
	}
	return Parse(filepath.ToSlash(path), data)
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Parse reads config data; file names it in messages.
func Parse(file string, data []byte) (*Config, error) {
	cfg := Default()
	cfg.Path = file
	docs, probs := source.Parse(file, data)
	if len(probs) > 0 {
		return nil, &Error{Pos: probs[0].Pos, Msg: probs[0].Message}
	}
	if len(docs) == 0 {
		return cfg, nil
	}
	if len(docs) > 1 {
		return nil, &Error{Pos: docs[1].Pos(), Msg: "the config holds one YAML document"}
	}
	p := parser{doc: docs[0]}
	root := docs[0].Root
	if root.Kind != yaml.MappingNode {
		return nil, p.errorf(root, "the config must be a mapping")
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], deref(root.Content[i+1])
		switch k.Value {
		case "currency":
			s, err := p.str(v)
			if err != nil {
				return nil, err
			}
			if !regexp.MustCompile(`^[A-Z]{3}$`).MatchString(s) {
				return nil, p.errorf(v, "currency %q must be a three-letter ISO 4217 code like USD", s)
			}
			cfg.Currency = s
		case "period":
			s, err := p.str(v)
			if err != nil {
				return nil, err
			}
			if s != "month" && s != "quarter" && s != "year" {
				return nil, p.errorf(v, "period %q: want month, quarter or year", s)
			}
			cfg.Period = s
		case "defaults":
			if err := p.mapping(v, func(k, v *yaml.Node) error {
				if k.Value != "restoreDuration" {
					return p.errorf(k, "unknown key %q in defaults (known: restoreDuration)", k.Value)
				}
				s, err := p.str(v)
				if err != nil {
					return err
				}
				d, err := duration.Parse(s)
				if err != nil {
					return p.errorf(v, "defaults.restoreDuration: %v", err)
				}
				cfg.RestoreDuration = d
				return nil
			}); err != nil {
				return nil, err
			}
		case "rules":
			if err := p.mapping(v, func(k, v *yaml.Node) error {
				s, err := p.str(v)
				if err != nil {
					return err
				}
				switch s {
				case "error", "warning", "info", "off":
				default:
					return p.errorf(v, "rule %s: severity %q: want error, warning, info or off", k.Value, s)
				}
				cfg.Rules[k.Value] = RuleSetting{Severity: s, Pos: p.doc.NodePos(k)}
				return nil
			}); err != nil {
				return nil, err
			}
		case "internalFocus":
			if err := p.mapping(v, func(k, v *yaml.Node) error {
				list, err := p.strs(v)
				if err != nil {
					return err
				}
				switch k.Value {
				case "terms":
					cfg.InternalFocus.Terms = list
				case "allow":
					cfg.InternalFocus.Allow = list
				default:
					return p.errorf(k, "unknown key %q in internalFocus (known: terms, allow)", k.Value)
				}
				return nil
			}); err != nil {
				return nil, err
			}
		case "asOf":
			s, err := p.str(v)
			if err != nil {
				return nil, err
			}
			t, err := time.Parse(time.DateOnly, s)
			if err != nil {
				return nil, p.errorf(v, "asOf %q: want a date YYYY-MM-DD", s)
			}
			cfg.AsOf = t
		case "thresholds":
			if err := p.mapping(v, func(k, v *yaml.Node) error { return p.threshold(&cfg.Thresholds, k, v) }); err != nil {
				return nil, err
			}
		case "costPools":
			list, err := p.strs(v)
			if err != nil {
				return nil, err
			}
			for j, s := range list {
				if !nameRE.MatchString(s) {
					return nil, p.errorf(v.Content[j], "cost pool %q must be a lower-case name like outside-services", s)
				}
			}
			cfg.CostPools = list
		case "export":
			if err := p.mapping(v, func(k, v *yaml.Node) error {
				if k.Value != "openslo" {
					return p.errorf(k, "unknown key %q in export (known: openslo)", k.Value)
				}
				return p.mapping(v, func(k, v *yaml.Node) error {
					if k.Value != "metricSource" {
						return p.errorf(k, "unknown key %q in export.openslo (known: metricSource)", k.Value)
					}
					s, err := p.str(v)
					if err != nil {
						return err
					}
					if !nameRE.MatchString(s) || len(s) > 63 {
						return p.errorf(v, "export.openslo.metricSource %q must be a lower-case name like prometheus-main (an OpenSLO DataSource name)", s)
					}
					cfg.Export.OpenSLO.MetricSource = s
					return nil
				})
			}); err != nil {
				return nil, err
			}
		default:
			return nil, p.errorf(k, "unknown key %q in the config (known: currency, period, asOf, defaults, rules, internalFocus, thresholds, costPools, export)", k.Value)
		}
	}
	return cfg, nil
}

// Pools returns every cost pool the catalog may use: the defaults and
// those the config names.
func (c *Config) Pools() []string {
	out := append([]string(nil), DefaultPools...)
	for _, p := range c.CostPools {
		known := false
		for _, q := range out {
			known = known || q == p
		}
		if !known {
			out = append(out, p)
		}
	}
	return out
}

type parser struct{ doc *source.Document }

// threshold reads one entry of the thresholds map.
func (p parser) threshold(t *Thresholds, k, v *yaml.Node) error {
	s, err := p.str(v)
	if err != nil {
		return err
	}
	switch k.Value {
	case "consumptionVariance", "satisfaction":
		d, err := decimal.Parse(s)
		if err != nil || d.Sign() < 0 || d.Cmp(decimal.FromInt(100)) > 0 && k.Value == "satisfaction" {
			return p.errorf(v, "thresholds.%s %q: want a percent", k.Value, s)
		}
		if k.Value == "satisfaction" {
			t.Satisfaction = d
		} else {
			t.ConsumptionVariance = d
		}
	case "minResponses", "keyStakeholderPower":
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 || k.Value == "keyStakeholderPower" && n > 100 {
			return p.errorf(v, "thresholds.%s %q: want a whole number%s", k.Value, s, map[bool]string{true: " 0..100"}[k.Value == "keyStakeholderPower"])
		}
		if k.Value == "minResponses" {
			t.MinResponses = n
		} else {
			t.KeyStakeholderPower = int(n)
		}
	case "contactCadence":
		d, err := duration.Parse(s)
		if err != nil {
			return p.errorf(v, "thresholds.contactCadence: %v", err)
		}
		t.ContactCadence = d
	default:
		return p.errorf(k, "unknown key %q in thresholds (known: consumptionVariance, satisfaction, minResponses, keyStakeholderPower, contactCadence)", k.Value)
	}
	return nil
}

func (p parser) errorf(n *yaml.Node, format string, args ...any) error {
	return &Error{Pos: p.doc.NodePos(n), Msg: fmt.Sprintf(format, args...)}
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func (p parser) str(n *yaml.Node) (string, error) {
	n = deref(n)
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", p.errorf(n, "want a string")
	}
	return n.Value, nil
}

// isEmpty reports whether n is a key left without a value, as when every
// entry below it is commented out; that means "none", not a mistake.
func isEmpty(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func (p parser) strs(n *yaml.Node) ([]string, error) {
	n = deref(n)
	if isEmpty(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "want a list of strings")
	}
	var out []string
	for _, c := range n.Content {
		s, err := p.str(c)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

func (p parser) mapping(n *yaml.Node, f func(k, v *yaml.Node) error) error {
	n = deref(n)
	if isEmpty(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return p.errorf(n, "want a mapping")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if err := f(n.Content[i], deref(n.Content[i+1])); err != nil {
			return err
		}
	}
	return nil
}
