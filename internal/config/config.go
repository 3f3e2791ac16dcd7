// Package config is the configuration model: the settings of
// .svccat.yaml with svccat's defaults, and where each value came from.
// Package load reads and validates the file (against schema/config.cue);
// this package holds no YAML and no CUE.
package config

import (
	"fmt"
	"strings"
	"time"

	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/pos"
)

// FileNames are the config file names looked for, in this order; a folder
// holding both is a configuration error.
var FileNames = []string{".svccat.yaml", ".svccat.yml"}

// DefaultRestoreDuration is assumed for a service without restore.duration
// when the config does not say otherwise.
const DefaultRestoreDuration = time.Hour

// DefaultPools are the TBM-style cost pools every catalog may use.
var DefaultPools = []string{"hardware", "software", "labor", "facilities", "telecom", "outside-services", "cloud", "other"}

// Default limits on what is read (SPEC §6).
const (
	DefaultFileBytes     int64 = 32 << 20
	DefaultCatalogBytes  int64 = 512 << 20
	DefaultDocumentNodes       = 1_000_000
)

// Config is the catalog's settings. The zero value is not useful; use
// Default, or load.Config, which starts from Default.
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
	// Limits bound what is read.
	Limits Limits
	// Export holds the settings of svccat export.
	Export Export
	// Origins says where each value that is not a default came from, by
	// its dotted key (currency, thresholds.satisfaction, rules.missing-cost):
	// "FILE:LINE" for the config file, "flag --NAME" for a flag.
	Origins map[string]string
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

// Limits bound every read (SPEC §6).
type Limits struct {
	FileBytes     int64 // the largest catalog file read
	CatalogBytes  int64 // the most read in all
	DocumentNodes int   // the most YAML nodes in one document
}

// Export holds the export settings.
type Export struct {
	OpenSLO struct {
		// MetricSource names the DataSource OpenSLO exports use where
		// svccat holds no metric source ("" when not configured).
		MetricSource string
	}
}

// DefaultThresholds are the thresholds without a config.
func DefaultThresholds() Thresholds {
	return Thresholds{
		ConsumptionVariance: decimal.FromInt(20), Satisfaction: decimal.FromInt(60), MinResponses: 10,
		KeyStakeholderPower: 70, ContactCadence: 90 * 24 * time.Hour,
	}
}

// DefaultLimits are the limits without a config.
func DefaultLimits() Limits {
	return Limits{FileBytes: DefaultFileBytes, CatalogBytes: DefaultCatalogBytes, DocumentNodes: DefaultDocumentNodes}
}

// Today is the as-of date: AsOf, else today in UTC, at midnight.
func (c *Config) Today() time.Time {
	if !c.AsOf.IsZero() {
		return c.AsOf
	}
	y, m, d := time.Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// RuleSetting is one entry of the rules map.
type RuleSetting struct {
	// Severity is "error", "warning", "info" or "off".
	Severity string
	Pos      pos.Pos
}

// InternalFocus holds extra technical terms and names never flagged.
type InternalFocus struct {
	Terms []string
	Allow []string
}

// Default returns the settings used without a config file.
func Default() *Config {
	return &Config{
		Period: "year", RestoreDuration: DefaultRestoreDuration, Rules: map[string]RuleSetting{},
		Thresholds: DefaultThresholds(), Limits: DefaultLimits(), Origins: map[string]string{},
	}
}

// Origin says where the value of key came from: "FILE:LINE", "flag
// --NAME", or "default".
func (c *Config) Origin(key string) string {
	if o, ok := c.Origins[key]; ok {
		return o
	}
	return "default"
}

// Error is a problem in the config file, with its position.
type Error struct {
	Pos pos.Pos
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Pos, e.Msg) }

// Errors are every problem found in a config file, in file order; each
// is printed on its own line.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
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
