package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/lint/rules"
	"github.com/svccat/svccat/internal/load"
	"github.com/svccat/svccat/internal/source"
)

// TestParseFull reads SPEC §3's example.
func TestParseFull(t *testing.T) {
	cfg, err := config.Parse(".svccat.yaml", []byte(`currency: USD                 # the catalog's one currency; no FX conversion
period: year                  # reporting period for cost reports
defaults:
  restoreDuration: 1h30m      # used where a service has no restore.duration
rules:                        # severity per rule: error | warning | info | off
  missing-cost: off
  internal-focus: error
internalFocus:
  terms: [mainframe]          # extra technical terms
  allow: [network-as-a-service]   # service names never flagged
costPools: [hardware, software, labor, licences]
asOf: 2026-12-01
thresholds:
  consumptionVariance: 25
  satisfaction: 62.5
  minResponses: 5
  keyStakeholderPower: 80
  contactCadence: 30d
export: {openslo: {metricSource: prometheus-main}}
`))
	if err != nil {
		t.Fatal(err)
	}
	want := &config.Config{
		Path:            ".svccat.yaml",
		Currency:        "USD",
		Period:          "year",
		RestoreDuration: 90 * time.Minute,
		Rules: map[string]config.RuleSetting{
			"missing-cost":   {Severity: "off", Pos: source.Pos{File: ".svccat.yaml", Line: 6, Col: 3}},
			"internal-focus": {Severity: "error", Pos: source.Pos{File: ".svccat.yaml", Line: 7, Col: 3}},
		},
		InternalFocus: config.InternalFocus{Terms: []string{"mainframe"}, Allow: []string{"network-as-a-service"}},
		CostPools:     []string{"hardware", "software", "labor", "licences"},
		AsOf:          time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
		Thresholds: config.Thresholds{
			ConsumptionVariance: decimal.FromInt(25), Satisfaction: decimal.MustParse("62.5"), MinResponses: 5,
			KeyStakeholderPower: 80, ContactCadence: 30 * 24 * time.Hour,
		},
	}
	want.Export.OpenSLO.MetricSource = "prometheus-main"
	if diff := cmp.Diff(want, cfg); diff != "" {
		t.Errorf("config (-want +got):\n%s", diff)
	}
	if got := strings.Join(cfg.Pools(), ","); got != "hardware,software,labor,facilities,telecom,outside-services,cloud,other,licences" {
		t.Errorf("pools %s", got)
	}
}

// TestParseEmpty: an empty file, a comment, and keys left empty (every
// entry commented out) are the defaults.
func TestParseEmpty(t *testing.T) {
	for _, data := range []string{"", "# nothing yet\n", "---\n", "rules:\n  # missing-cost: off\ninternalFocus:\ncostPools:\ndefaults:\n"} {
		cfg, err := config.Parse("c.yaml", []byte(data))
		if err != nil {
			t.Errorf("%q: %v", data, err)
			continue
		}
		if cfg.Period != "year" || cfg.RestoreDuration != time.Hour || cfg.Currency != "" || len(cfg.Rules) != 0 || len(cfg.CostPools) != 0 {
			t.Errorf("%q: not the defaults: %+v", data, cfg)
		}
	}
}

// TestParseErrors: every mistake in a config is an error at its
// position: a typo in the config must not pass silently either.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"unknown key", "currency: USD\ncurency: EUR\n", `c.yaml:2:1: unknown key "curency" in the config (known: currency, period, asOf, defaults, rules, internalFocus, thresholds, costPools, export)`},
		{"unknown key in defaults", "defaults:\n  restore: 1h\n", `c.yaml:2:3: unknown key "restore" in defaults (known: restoreDuration)`},
		{"unknown key in internalFocus", "internalFocus:\n  terms: [a]\n  deny: [b]\n", `c.yaml:3:3: unknown key "deny" in internalFocus (known: terms, allow)`},
		{"bad severity", "rules:\n  missing-cost: fatal\n", `c.yaml:2:17: rule missing-cost: severity "fatal": want error, warning, info or off`},
		{"severity not a string", "rules:\n  missing-cost: [off]\n", `c.yaml:2:17: want a string`},
		{"severity missing", "rules:\n  missing-cost:\n", `c.yaml:2:16: want a string`},
		{"rules a list", "rules: [missing-cost]\n", `c.yaml:1:8: want a mapping`},
		{"lower-case currency", "currency: usd\n", `c.yaml:1:11: currency "usd" must be a three-letter ISO 4217 code like USD`},
		{"currency symbol", "currency: $\n", `c.yaml:1:11: currency "$" must be a three-letter ISO 4217 code like USD`},
		{"currency a number", "currency: 978\n", `c.yaml:1:11: currency "978" must be a three-letter ISO 4217 code like USD`},
		{"bad period", "period: monthly\n", `c.yaml:1:9: period "monthly": want month, quarter or year`},
		{"bad duration", "defaults:\n  restoreDuration: 90 minutes\n", `c.yaml:2:20: defaults.restoreDuration: "90 minutes" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`},
		{"duration units out of order", "defaults:\n  restoreDuration: 30m1h\n", `c.yaml:2:20: defaults.restoreDuration: "30m1h" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`},
		{"duration a number", "defaults:\n  restoreDuration: 60\n", `c.yaml:2:20: defaults.restoreDuration: "60" is not a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`},
		{"terms not a list", "internalFocus:\n  terms: mainframe\n", `c.yaml:2:10: want a list of strings`},
		{"cost pool name", "costPools: [hardware, Licences]\n", `c.yaml:1:23: cost pool "Licences" must be a lower-case name like outside-services`},
		{"export metric source", "export:\n  openslo:\n    metricSource: Prometheus Main\n", `c.yaml:3:19: export.openslo.metricSource "Prometheus Main" must be a lower-case name like prometheus-main (an OpenSLO DataSource name)`},
		{"export unknown key", "export:\n  backstage: {}\n", `c.yaml:2:3: unknown key "backstage" in export (known: openslo)`},
		{"not a mapping", "- currency: USD\n", `c.yaml:1:1: the config must be a mapping`},
		{"two documents", "currency: USD\n---\nperiod: year\n", `c.yaml:3:1: the config holds one YAML document`},
		{"malformed YAML", "currency: USD\nrules: {a: off\n", `c.yaml:2:1: malformed YAML: did not find expected ',' or '}'`},
		{"duplicate key", "currency: USD\ncurrency: EUR\n", `c.yaml:2:1: duplicate key "currency" (first at line 1)`},
		{"not UTF-8", "currency: \xa3\n", `c.yaml:1:11: file is not valid UTF-8 (byte 0xa3 at offset 10); save it as UTF-8`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := config.Parse("c.yaml", []byte(tc.data))
			var ce *config.Error
			if !errors.As(err, &ce) {
				t.Fatalf("got %v, want a *config.Error", err)
			}
			if err.Error() != tc.want {
				t.Errorf("got  %s\nwant %s", err, tc.want)
			}
		})
	}
}

// TestUnknownRuleID: the config can only name rules that exist; lint.Run
// reports the first one that does not, in the file's order, at its
// position in the config, with the rule it is probably a typo of.
func TestUnknownRuleID(t *testing.T) {
	for _, tc := range []struct{ rules, want string }{
		{"  missing-cost: off\n  schema: warning\n  unresolved-refrence: off\n  dependency-cylce: info\n",
			`catalog/.svccat.yaml:4:3: unknown rule "unresolved-refrence" in rules (did you mean "unresolved-reference"?)`},
		{"  schema: warning\n  no-such-check: off\n",
			`catalog/.svccat.yaml:3:3: unknown rule "no-such-check" in rules (see ` + "`svccat rules`" + ` for the list)`},
	} {
		cfg, err := config.Parse("catalog/.svccat.yaml", []byte("rules:\n"+tc.rules))
		if err != nil {
			t.Fatal(err)
		}
		_, err = lint.Run(&load.Result{Catalog: &catalog.Catalog{}}, cfg, []*lint.Rule{rules.Schema, rules.UnresolvedReference, rules.DependencyCycle, {Name: "missing-cost"}})
		var ce *config.Error
		if !errors.As(err, &ce) || err.Error() != tc.want {
			t.Errorf("got  %v\nwant %s", err, tc.want)
		}
	}
}

// TestFind: --config wins; else .svccat.yaml at the first path (a folder,
// or a file's folder); else the defaults.
func TestFind(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for name, data := range map[string]string{
		"cat/.svccat.yaml": "currency: EUR\n",
		"cat/teams.yaml":   "",
		"other.yaml":       "currency: GBP\n",
		"bad.yaml":         "currency: [GBP]\n",
	} {
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		explicit string
		paths    []string
		want     string
	}{
		{"", []string{"cat"}, "EUR"},
		{"", []string{"cat/teams.yaml"}, "EUR"},
		{"", []string{"cat", "elsewhere"}, "EUR"},
		{"", nil, ""},
		{"other.yaml", []string{"cat"}, "GBP"},
	} {
		cfg, err := config.Find(tc.explicit, tc.paths)
		if err != nil || cfg.Currency != tc.want {
			t.Errorf("Find(%q, %q): %v, %v; want currency %q", tc.explicit, tc.paths, cfg, err, tc.want)
		}
	}
	for _, tc := range []struct{ explicit, want string }{
		{"missing.yaml", "missing.yaml: cannot read config: no such file or directory"},
		{"bad.yaml", "bad.yaml:1:11: want a string"},
		{"cat", "cat: cannot read config: a folder, not a file"},
	} {
		if _, err := config.Find(tc.explicit, []string{"cat"}); err == nil || err.Error() != tc.want {
			t.Errorf("--config %s: got %v, want %s", tc.explicit, err, tc.want)
		}
	}
}

// TestLoadTooLarge: a config file is small; a big one is refused unread.
func TestLoadTooLarge(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.yaml")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(2 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = config.Load(p)
	if err == nil || !strings.HasSuffix(err.Error(), "cannot read config: file is 2.0 MiB, larger than the 1.0 MiB limit") {
		t.Errorf("got %v", err)
	}
}
