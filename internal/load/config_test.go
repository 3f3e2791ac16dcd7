package load_test

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
	cfg, err := load.ParseConfig(".svccat.yaml", []byte(`currency: USD                 # the catalog's one currency; no FX conversion
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
limits: {fileBytes: 16MiB, catalogBytes: 1GB, documentNodes: 5000}
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
		Limits: config.Limits{FileBytes: 16 << 20, CatalogBytes: 1e9, DocumentNodes: 5000},
		Origins: map[string]string{
			"currency": ".svccat.yaml:1", "period": ".svccat.yaml:2", "defaults.restoreDuration": ".svccat.yaml:4",
			"rules.missing-cost": ".svccat.yaml:6", "rules.internal-focus": ".svccat.yaml:7",
			"internalFocus.terms": ".svccat.yaml:9", "internalFocus.allow": ".svccat.yaml:10",
			"costPools": ".svccat.yaml:11", "asOf": ".svccat.yaml:12",
			"thresholds.consumptionVariance": ".svccat.yaml:14", "thresholds.satisfaction": ".svccat.yaml:15",
			"thresholds.minResponses": ".svccat.yaml:16", "thresholds.keyStakeholderPower": ".svccat.yaml:17",
			"thresholds.contactCadence": ".svccat.yaml:18",
			"limits.fileBytes":          ".svccat.yaml:19", "limits.catalogBytes": ".svccat.yaml:19", "limits.documentNodes": ".svccat.yaml:19",
			"export.openslo.metricSource": ".svccat.yaml:20",
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
		cfg, err := load.ParseConfig("c.yaml", []byte(data))
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
		{"unknown key", "currency: USD\ncurency: EUR\n", `c.yaml:2:1: unknown field "curency" in the config (did you mean "currency"?)`},
		{"unknown key in defaults", "defaults:\n  restore: 1h\n", `c.yaml:2:3: unknown field "restore" in defaults (known fields: restoreDuration)`},
		{"unknown key in internalFocus", "internalFocus:\n  terms: [a]\n  deny: [b]\n", `c.yaml:3:3: unknown field "deny" in internalFocus (known fields: allow, terms)`},
		{"unknown key in limits", "limits:\n  fileByte: 1MiB\n", `c.yaml:2:3: unknown field "fileByte" in limits (did you mean "fileBytes"?)`},
		{"bad severity", "rules:\n  missing-cost: fatal\n", `c.yaml:2:17: rules.missing-cost: "fatal" is not allowed; want "error", "info", "off", "warning"`},
		{"severity not a string", "rules:\n  missing-cost: [off]\n", `c.yaml:2:17: rules.missing-cost: want a string, got a list`},
		{"severity missing", "rules:\n  missing-cost:\n", `c.yaml:2:16: rules.missing-cost: want a string, got no value`},
		{"rules a list", "rules: [missing-cost]\n", `c.yaml:1:8: rules: want a mapping, got a list`},
		{"lower-case currency", "currency: usd\n", `c.yaml:1:11: currency: "usd" must be a three-letter ISO 4217 currency code like USD`},
		{"currency symbol", "currency: $\n", `c.yaml:1:11: currency: "$" must be a three-letter ISO 4217 currency code like USD`},
		{"bad period", "period: monthly\n", `c.yaml:1:9: period: "monthly" is not allowed; want "month", "quarter", "year"`},
		{"bad duration", "defaults:\n  restoreDuration: 90 minutes\n", `c.yaml:2:20: defaults.restoreDuration: "90 minutes" must be a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`},
		{"duration units out of order", "defaults:\n  restoreDuration: 30m1h\n", `c.yaml:2:20: defaults.restoreDuration: "30m1h" must be a duration like 30s, 15m, 4h, 2d, 1w or 1h30m`},
		{"bad date", "asOf: 2026-13-01\n", `c.yaml:1:7: asOf: "2026-13-01" must be a date YYYY-MM-DD like 2026-12-01`},
		{"impossible date", "asOf: 2026-02-30\n", `c.yaml:1:7: asOf: "2026-02-30" is not a date (parsing time "2026-02-30": day out of range)`},
		{"bad size", "limits: {fileBytes: 32 megs}\n", `c.yaml:1:21: limits.fileBytes: "32 megs" must be a size in bytes like 1048576, 512KiB or 32MiB`},
		{"percent over 100", "thresholds: {satisfaction: 120}\n", `c.yaml:1:28: thresholds.satisfaction: 120 is out of range: must be at most 100`},
		{"terms not a list", "internalFocus:\n  terms: mainframe\n", `c.yaml:2:10: internalFocus.terms: want a list, got "mainframe"`},
		{"cost pool name", "costPools: [hardware, Licences]\n", `c.yaml:1:23: costPools[1]: "Licences" must be a lower-case name of at most 63 letters, digits and hyphens, starting and ending with a letter or digit, like corporate-email`},
		{"export metric source", "export:\n  openslo:\n    metricSource: Prometheus Main\n", `c.yaml:3:19: export.openslo.metricSource: "Prometheus Main" must be a lower-case name of at most 63 letters, digits and hyphens, starting and ending with a letter or digit, like corporate-email`},
		{"export unknown key", "export:\n  backstage: {}\n", `c.yaml:2:3: unknown field "backstage" in export (known fields: openslo)`},
		{"not a mapping", "- currency: USD\n", `c.yaml:1:1: the config: want a mapping, got a list`},
		{"two documents", "currency: USD\n---\nperiod: year\n", `c.yaml:3:1: the config holds one YAML document`},
		{"malformed YAML", "currency: USD\nrules: {a: off\n", `c.yaml:2:1: malformed YAML: did not find expected ',' or '}'`},
		{"duplicate key", "currency: USD\ncurrency: EUR\n", `c.yaml:2:1: duplicate key "currency" (first at line 1)`},
		{"not UTF-8", "currency: \xa3\n", `c.yaml:1:11: file is not valid UTF-8 (byte 0xa3 at offset 10); save it as UTF-8`},
		{"every problem", "currency: usd\nperiod: weekly\n", "c.yaml:1:11: currency: \"usd\" must be a three-letter ISO 4217 currency code like USD\nc.yaml:2:9: period: \"weekly\" is not allowed; want \"month\", \"quarter\", \"year\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load.ParseConfig("c.yaml", []byte(tc.data))
			var ce *config.Error
			var ces config.Errors
			if !errors.As(err, &ce) && !errors.As(err, &ces) {
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
		{"  missing-cost: off\n  misssing-cost: info\n  unresolved-refrence: off\n",
			`catalog/.svccat.yaml:3:3: unknown rule "misssing-cost" in rules (did you mean "missing-cost"?)`},
		{"  missing-cost: warning\n  no-such-check: off\n",
			`catalog/.svccat.yaml:3:3: unknown rule "no-such-check" in rules (see ` + "`svccat rules`" + ` for the list)`},
		{"  missing-cost: off\n  schema: warning\n",
			`catalog/.svccat.yaml:3:3: rule "schema" cannot be configured in rules: it is a load problem, always an error (a catalog that does not load cannot be checked or reported on); only policy rules can be configured`},
		{"  currency-mismatch: off\n",
			`catalog/.svccat.yaml:2:3: rule "currency-mismatch" cannot be configured in rules: it is a structural problem, always an error (costs in two currencies have no sum); only policy rules can be configured`},
	} {
		cfg, err := load.ParseConfig("catalog/.svccat.yaml", []byte("rules:\n"+tc.rules))
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
		cfg, err := load.Config(tc.explicit, tc.paths)
		if err != nil || cfg.Currency != tc.want {
			t.Errorf("Find(%q, %q): %v, %v; want currency %q", tc.explicit, tc.paths, cfg, err, tc.want)
		}
	}
	for _, tc := range []struct{ explicit, want string }{
		{"missing.yaml", "missing.yaml: cannot read config: no such file or directory"},
		{"bad.yaml", "bad.yaml:1:11: currency: want a string, got a list"},
		{"cat", "cat: cannot read config: a folder, not a file"},
	} {
		if _, err := load.Config(tc.explicit, []string{"cat"}); err == nil || err.Error() != tc.want {
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
	_, err = load.ConfigFile(p)
	if err == nil || !strings.HasSuffix(err.Error(), "cannot read config: file is 2.0 MiB, larger than the 1.0 MiB limit") {
		t.Errorf("got %v", err)
	}
}

// TestConfigLookup: the first PATH, then each parent up to the folder
// holding .git (or the filesystem root); .svccat.yml too; both names in
// one folder is an error.
func TestConfigLookup(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for name, data := range map[string]string{
		"outside/.svccat.yaml":           "currency: JPY\n",
		"outside/repo/.git/HEAD":         "ref: refs/heads/main\n",
		"outside/repo/.svccat.yml":       "currency: EUR\n",
		"outside/repo/cat/deep/a.yaml":   "",
		"outside/repo/both/.svccat.yaml": "currency: GBP\n",
		"outside/repo/both/.svccat.yml":  "currency: GBP\n",
		"outside/bare/.git":              "gitdir: elsewhere\n", // a worktree's .git is a file
		"outside/bare/cat/a.yaml":        "",
	} {
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		path, file, currency string
	}{
		{"outside/repo/cat/deep", "outside/repo/.svccat.yml", "EUR"},
		{"outside/repo/cat/deep/a.yaml", "outside/repo/.svccat.yml", "EUR"},
		{"outside/repo", "outside/repo/.svccat.yml", "EUR"},
		{"outside/bare/cat", "", ""}, // stops at .git, never reads outside/.svccat.yaml
		{"outside", "outside/.svccat.yaml", "JPY"},
	} {
		cfg, err := load.Config("", []string{tc.path})
		if err != nil || cfg.Path != tc.file || cfg.Currency != tc.currency {
			t.Errorf("%s: got %q %q %v, want %q %q", tc.path, cfg.Path, cfg.Currency, err, tc.file, tc.currency)
		}
	}
	_, err := load.Config("", []string{"outside/repo/both"})
	if want := "outside/repo/both/.svccat.yaml: both .svccat.yaml and .svccat.yml are here; keep one (svccat would not know which to read)"; err == nil || err.Error() != want {
		t.Errorf("both: got %v, want %s", err, want)
	}
}
