package load_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/svccat/svccat/internal/load"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/golden"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/lint/linttest"
	"github.com/svccat/svccat/internal/lint/rules"
)

// loaderRules are the rules that report what the loader found, and the
// foundation's reference rules.
var loaderRules = []*lint.Rule{rules.File, rules.YAMLSyntax, rules.Schema, rules.DuplicateName, rules.UnresolvedReference, rules.DependencyCycle}

// TestSpecCatalog: a catalog written from SPEC §2's own examples — every
// kind, every field, both forms of dependsOn, every duration unit, money
// as numbers and as strings — loads without a single finding, and reads as
// the spec says.
func TestSpecCatalog(t *testing.T) {
	linttest.Run(t, "testdata/spec", loaderRules)
	c := load.Catalog([]string{"testdata/spec"}, load.Options{})
	if len(c.Problems) != 0 {
		t.Fatalf("problems: %v", c.Problems)
	}
	if c.Documents != 13 || c.Skipped != 2 || c.Entities() != 13 || len(c.Files) != 6 {
		t.Errorf("%d documents, %d skipped, %d entities in %d files; want 13, 2, 13 in 6", c.Documents, c.Skipped, c.Entities(), len(c.Files))
	}
	c.Each(func(e catalog.Named) {
		if !e.Meta().Valid {
			t.Errorf("%s is not valid", e.Meta().ID())
		}
	})

	mail := c.Service("corporate-email")
	if mail == nil {
		t.Fatal("no corporate-email")
	}
	if got := fmt.Sprint(mail.Impact.RTO.D, mail.Impact.RPO.D, mail.Restore.Duration.D); got != "4h0m0s 15m0s 2h0m0s" {
		t.Errorf("rto, rpo, restore = %s", got)
	}
	var windows []time.Duration
	for _, s := range mail.SLOs {
		windows = append(windows, s.Window.D)
	}
	if got := fmt.Sprint(windows); got != "[720h0m0s 168h0m0s 0s 0s 1h30m0s 0s]" {
		t.Errorf("SLO windows %s", got)
	}
	if got := fmt.Sprint(c.Service("mail-storage").Impact.RTO.D, c.Service("mail-storage").Impact.RPO.D); got != "48h0m0s 30s" {
		t.Errorf("mail-storage rto, rpo = %s", got)
	}

	var deps []string
	for _, d := range mail.DependsOn {
		deps = append(deps, fmt.Sprintf("%s hard=%v weight=%s resolved=%v", d.Ref.Name, d.Hard, d.Weight, d.To != nil))
	}
	want := "[mail-storage hard=true weight=1 resolved=true directory hard=true weight=3 resolved=true spam-filter hard=false weight=1 resolved=true]"
	if fmt.Sprint(deps) != want {
		t.Errorf("dependsOn:\n got %v\nwant %s", deps, want)
	}
	if d := c.Service("spam-filter").DependsOn[0]; d.Hard || d.Weight.String() != "0.5" {
		t.Errorf("spam-filter -> directory: hard=%v weight=%s", d.Hard, d.Weight)
	}

	// Money is exact, whether written as a number or as a string.
	var pools []string
	for _, p := range mail.Cost.Pools {
		pools = append(pools, p.Pool+"="+p.Amount.String())
	}
	if got := strings.Join(pools, " "); got != "hardware=1200 software=8000.5 labor=6000 facilities=310.1" {
		t.Errorf("pools: %s", got)
	}
	if !mail.Consumption.Price.Equal(decimal.MustParse("14.10")) || mail.Consumption.Price.Rat().String() != "141/10" {
		t.Errorf("price %s is not exactly 14.10", mail.Consumption.Price)
	}
	if got := c.Service("directory").Cost.Pools[1].Amount.Rat().String(); got != "2469/200" {
		t.Errorf("telecom 12.345 read as %s", got)
	}
	if got := c.Service("mail-storage").Cost.Pools[2].Amount.String(); got != "1000" {
		t.Errorf("1e3 read as %s", got)
	}

	// References resolve both ways.
	seg := c.Segment("regulated-email")
	if seg.Market == nil || len(seg.Personas) != 1 || len(seg.Services) != 1 || *seg.Size != 40 || seg.Audience != "external" {
		t.Errorf("regulated-email: market %v, %d personas, %d services", seg.Market, len(seg.Personas), len(seg.Services))
	}
	if n := len(c.Service("directory").Dependents); n != 3 {
		t.Errorf("directory has %d dependents, want 3", n)
	}

	// Disaster recovery: strategy, standby, crew, links, lifecycle, on-call.
	r := mail.Restore
	if got := fmt.Sprintf("%s %s %s %d %s %s", r.Strategy, r.Failover.D, r.BackupInterval.D, len(r.Standby), r.Crew.Name, mail.CrewTeam().Name); got != "failover 15m0s 1h0m0s 1 platform platform" {
		t.Errorf("corporate-email restore: %s", got)
	}
	if len(mail.Links) != 2 || mail.Links[0].Type != "dashboard" || mail.Links[0].Title != "Mail dashboard" {
		t.Errorf("links: %+v", mail.Links)
	}
	if mail.Runbook() != "https://wiki.example.com/runbooks/email" || !mail.Live() || mail.Lifecycle != catalog.Live {
		t.Errorf("runbook %q, lifecycle %s", mail.Runbook(), mail.Lifecycle)
	}
	ms := c.Service("mail-storage")
	if ms.Lifecycle != catalog.Retiring || !ms.Live() || ms.Restore.Strategy != catalog.StrategyActiveActive || ms.CrewTeam().Name != "platform" {
		t.Errorf("mail-storage: %s %s", ms.Lifecycle, ms.Restore.Strategy)
	}
	if d := c.Service("directory"); d.Lifecycle != catalog.Live || d.Restore.Strategy != catalog.StrategyRestore {
		t.Errorf("directory defaults: %s %s", d.Lifecycle, d.Restore.Strategy)
	}
	msg := c.Team("messaging")
	if msg.Crews != 2 || msg.Page() != "https://pager.example.com/schedules/messaging" || c.Team("platform").Crews != 1 || len(c.Team("platform").Restores) != 1 {
		t.Errorf("teams: messaging crews %d page %q; platform crews %d", msg.Crews, msg.Page(), c.Team("platform").Crews)
	}
}

// TestSchemaViolations: one file with every kind of schema violation.
// Every violation is reported in one run (none hides another, even in the
// same document) on the line its want comment is on; the golden file
// holds the exact positions and messages.
func TestSchemaViolations(t *testing.T) {
	fs := linttest.Run(t, "testdata/violations", []*lint.Rule{rules.File, rules.YAMLSyntax, rules.Schema})
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s: %s [%s] %s\n", f.Pos, f.Message, f.Rule, f.Entity)
	}
	golden.Check(t, "testdata/violations.golden", []byte(b.String()))

	c := load.Catalog([]string{"testdata/violations"}, load.Options{})
	if c.Skipped != 3 {
		t.Errorf("%d documents skipped, want 3 (a Deployment, a list, a string)", c.Skipped)
	}
	for _, e := range []catalog.Named{c.Segment("regulated-email"), c.Market("email-communications"), c.Team("messaging")} {
		if e == nil || e.Meta().Valid {
			t.Errorf("%v: want an entity marked invalid", e)
		}
	}
}
