package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/golden"
)

// gitEnv makes commits reproducible and independent of the user's git
// configuration.
var gitEnv = []string{
	"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.com",
	"GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.com",
	"GIT_AUTHOR_DATE=2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE=2026-01-01T00:00:00Z",
	"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null",
}

func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: svccat diff and --new-from-rev cannot be tested")
	}
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Env = append(os.Environ(), gitEnv...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// writeTree writes files below dir; an empty body removes the file.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if body == "" {
			os.Remove(p)
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// repoWith makes a git repository holding base, committed, then writes
// head over it in the working tree (not committed), and changes into it.
func repoWith(t *testing.T, base, head map[string]string) string {
	t.Helper()
	needGit(t)
	dir := t.TempDir()
	git(t, dir, "init", "-q", "-b", "main")
	writeTree(t, dir, base)
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "base")
	writeTree(t, dir, head)
	t.Chdir(dir)
	return dir
}

const baseTeams = `apiVersion: svccat/v1
kind: Team
metadata: {name: ops}
spec: {contact: ops@example.com}
---
apiVersion: svccat/v1
kind: Site
metadata: {name: dc-east}
---
apiVersion: svccat/v1
kind: Site
metadata: {name: dc-west}
`

const baseMarket = `apiVersion: svccat/v1
kind: Market
metadata: {name: erp-market}
spec:
  valueProposition: Close the books fast.
  competitors: [SAP]
  advantages: [Local]
  vulnerabilities: [Small]
---
apiVersion: svccat/v1
kind: Segment
metadata: {name: finance}
spec: {market: erp-market, audience: internal, valueProposition: Books closed on time.}
---
apiVersion: svccat/v1
kind: Persona
metadata: {name: fiona}
spec: {segment: finance, narrative: Fiona closes the books., needs: [Speed], expectations: [Uptime], values: [Accuracy]}
---
apiVersion: svccat/v1
kind: Segment
metadata: {name: payroll-team}
spec: {market: erp-market, audience: internal, valueProposition: People paid on time.}
---
apiVersion: svccat/v1
kind: Persona
metadata: {name: pat}
spec: {segment: payroll-team, narrative: Pat pays people., needs: [Speed], expectations: [Uptime], values: [Accuracy]}
`

func service(name, typ, extra string) string {
	return `apiVersion: svccat/v1
kind: Service
metadata: {name: ` + name + `}
spec:
  type: ` + typ + `
  owner: ops
` + extra
}

var baseServices = map[string]string{
	"catalog/teams.yaml":  baseTeams,
	"catalog/market.yaml": baseMarket,
	"catalog/services/erp.yaml": service("erp", "business", `  segments: [finance]
  sites: [dc-east]
  impact: {tier: 1, rto: 4h, rpo: 1h}
  restore: {duration: 1h}
  dependsOn: [database]
  slos: [{name: availability, indicator: availability, objective: 99.5, window: 30d}]
  cost: {currency: USD, period: year, pools: {software: 1000}}
  consumption: {unit: user, planned: 10, price: 200}
`),
	"catalog/services/payroll.yaml": service("payroll", "business", `  segments: [payroll-team]
  sites: [dc-west]
  impact: {tier: 2, rto: 1d, rpo: 1h}
  restore: {duration: 1h}
  dependsOn: [storage]
  cost: {currency: USD, period: year, pools: {software: 500}}
`),
	"catalog/services/database.yaml": service("database", "supporting", `  sites: [dc-east]
  impact: {tier: 0, rto: 2h, rpo: 15m}
  restore: {duration: 1h}
  dependsOn: [storage]
  slos: [{name: availability, indicator: availability, objective: 99.9, window: 30d}]
  cost: {currency: USD, period: year, pools: {hardware: 2000}}
`),
	"catalog/services/storage.yaml": service("storage", "supporting", `  sites: [dc-east, dc-west]
  impact: {tier: 0, rto: 1h, rpo: 15m}
  restore: {duration: 30m}
  slos: [{name: availability, indicator: availability, objective: 99.99, window: 30d}]
  cost: {currency: USD, period: year, pools: {hardware: 3000}}
`),
	"catalog/.svccat.yaml": "currency: USD\nperiod: year\n",
}

// everySection is a head that changes every section: a slower database
// restore (a new RTO miss), payroll newly on the database (impact), a
// service added and one removed, a cost increase, erp untraced.
var everySection = map[string]string{
	"catalog/services/database.yaml": strings.Replace(baseServices["catalog/services/database.yaml"], "restore: {duration: 1h}", "restore: {duration: 4h}", 1),
	"catalog/services/payroll.yaml":  strings.Replace(baseServices["catalog/services/payroll.yaml"], "dependsOn: [storage]", "dependsOn: [storage, database]", 1),
	"catalog/services/erp.yaml": strings.Replace(strings.Replace(baseServices["catalog/services/erp.yaml"], "  segments: [finance]\n", "", 1),
		"software: 1000", "software: 1500", 1),
	"catalog/services/storage.yaml": "",
	"catalog/services/blob.yaml": service("storage-blob", "supporting", `  sites: [dc-east, dc-west]
  impact: {tier: 0, rto: 1h, rpo: 15m}
  restore: {duration: 30m}
  slos: [{name: availability, indicator: availability, objective: 99.99, window: 30d}]
  cost: {currency: USD, period: year, pools: {hardware: 3000}}
`),
}

func init() {
	// The removed storage is replaced by storage-blob everywhere.
	for _, f := range []string{"catalog/services/database.yaml", "catalog/services/payroll.yaml"} {
		everySection[f] = strings.ReplaceAll(everySection[f], "[storage", "[storage-blob")
	}
}

func TestDiffEverySection(t *testing.T) {
	repoWith(t, baseServices, everySection)
	for _, format := range []string{"markdown", "json", "text"} {
		code, out, stderr := run(t, "diff", "--format", format, "main", "catalog")
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s", format, code, stderr)
		}
		golden.Check(t, filepath.Join(wd(t), "testdata/diff/every-section."+map[string]string{"markdown": "md", "json": "json", "text": "txt"}[format]), []byte(out))
		for _, section := range []string{"ndings", "ntities", "estore", "mpact", "ost", "raceability"} {
			if !strings.Contains(out, section) {
				t.Errorf("%s: no %s section", format, section)
			}
		}
	}
	code, _, stderr := run(t, "diff", "--fail-on", "new-error,rto-miss,cost-increase", "main", "catalog")
	if code != 1 || !strings.Contains(stderr, "new RTO miss") || !strings.Contains(stderr, "cost rose") {
		t.Errorf("--fail-on: exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := run(t, "diff", "--fail-on", "cost-increase", "--cost-threshold", "50", "main", "catalog"); code != 0 {
		t.Errorf("--cost-threshold 50: exit %d, want 0 (the total rose by less)", code)
	}
}

// wd is the package folder: tests change directory into repositories.
var pkgDir string

func init() { pkgDir, _ = os.Getwd() }

func wd(t *testing.T) string { return pkgDir }

func TestDiffReformatIsNoChange(t *testing.T) {
	// The same documents, reformatted, with comments, keys reordered,
	// quoting changed, and moved to other files.
	erp := `# ERP, reformatted
apiVersion: "svccat/v1"
kind: Service
spec:
  consumption: {price: 200, planned: 10, unit: user}
  cost:
    pools: {software: 1000}
    period: year
    currency: 'USD'
  slos:
    - {window: 30d, objective: 99.5, indicator: availability, name: availability}
  dependsOn:
    - database
  restore: {duration: "1h"}
  impact: {rpo: 1h, rto: 4h, tier: 1}
  sites: [dc-east]
  segments:
    - finance
  owner: ops
  type: business
metadata:
  name: erp
`
	head := map[string]string{
		"catalog/services/erp.yaml":     "",
		"catalog/moved/erp-here.yaml":   erp,
		"catalog/services/payroll.yaml": "",
		"catalog/services/storage.yaml": baseServices["catalog/services/storage.yaml"] + "---\n" + baseServices["catalog/services/payroll.yaml"],
	}
	repoWith(t, baseServices, head)
	code, out, stderr := run(t, "diff", "main", "catalog")
	if code != 0 || out != "svccat diff against main ("+shortHead(t)+"): no change\n" {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
	code, out, _ = run(t, "diff", "--skip-no-diff", "--format", "markdown", "main", "catalog")
	if code != 0 || out != "" {
		t.Errorf("--skip-no-diff: exit %d, output %q", code, out)
	}
}

func shortHead(t *testing.T) string {
	return strings.TrimSpace(git(t, ".", "rev-parse", "HEAD"))[:12]
}

func TestDiffMovedEntityKeepsFindings(t *testing.T) {
	// payroll has a finding (missing-slo is not it: tier 2; no
	// consumption: under-recovery is not it either) — give it one: no
	// owner. Moving it to another file must not make the finding new.
	noOwner := strings.Replace(baseServices["catalog/services/payroll.yaml"], "  owner: ops\n", "", 1)
	base := copyMap(baseServices)
	base["catalog/services/payroll.yaml"] = noOwner
	head := map[string]string{
		"catalog/services/payroll.yaml": "",
		"catalog/other/payroll.yaml":    "# moved\n\n\n" + noOwner,
	}
	repoWith(t, base, head)
	code, out, stderr := run(t, "diff", "--format", "json", "main", "catalog")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, `"new": []`) || !strings.Contains(out, `"fixed": []`) || !strings.Contains(out, `"changed": []`) {
		t.Errorf("a moved entity changed something:\n%s", out)
	}
}

func TestDiffHeadDoesNotLoad(t *testing.T) {
	repoWith(t, baseServices, map[string]string{
		"catalog/services/erp.yaml": "apiVersion: svccat/v1\nkind: Service\nmetadata: {name: erp\n",
	})
	code, out, stderr := run(t, "diff", "--format", "json", "main", "catalog")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	golden.Check(t, filepath.Join(wd(t), "testdata/diff/head-does-not-load.json"), []byte(out))
	code, out, _ = run(t, "diff", "--fail-on", "new-error", "main", "catalog")
	if code != 1 || !strings.Contains(out, "not compared") {
		t.Errorf("exit %d, want 1\n%s", code, out)
	}
}

func TestDiffUsageErrors(t *testing.T) {
	needGit(t)
	repoWith(t, baseServices, nil)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"diff", "no-such-branch", "catalog"}, "is not a revision"},
		{[]string{"diff", "--", "--upload-pack=x", "catalog"}, "is not a revision"},
		{[]string{"diff"}, "needs BASE"},
		{[]string{"diff", "--fail-on", "everything", "main"}, "--fail-on"},
		{[]string{"diff", "--cost-threshold", "-1", "main"}, "--cost-threshold"},
	} {
		code, _, stderr := run(t, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
	outside := t.TempDir()
	writeTree(t, outside, map[string]string{"c/teams.yaml": baseTeams})
	t.Chdir(outside)
	code, _, stderr := run(t, "diff", "main", "c")
	if code != 2 || !strings.Contains(stderr, "not inside a git work tree") {
		t.Errorf("outside a work tree: exit %d, stderr %q", code, stderr)
	}
}

func TestDiffBaseDir(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, filepath.Join(dir, "before"), baseServices)
	writeTree(t, filepath.Join(dir, "after"), baseServices)
	writeTree(t, filepath.Join(dir, "after"), everySection)
	t.Chdir(dir)
	code, out, stderr := run(t, "diff", "--base-dir", "before/catalog", "after/catalog")
	if code != 0 || !strings.Contains(out, "svccat diff against before/catalog: 1 new") {
		t.Errorf("exit %d\n%s\n%s", code, out, stderr)
	}
}

func TestDiffLeavesRepositoryAlone(t *testing.T) {
	dir := repoWith(t, baseServices, everySection)
	git(t, dir, "add", "catalog/services/blob.yaml") // something staged, too
	before := git(t, dir, "status", "--porcelain") + git(t, dir, "rev-parse", "HEAD") + git(t, dir, "symbolic-ref", "HEAD")
	index, _ := os.ReadFile(filepath.Join(dir, ".git", "index"))
	if code, _, stderr := run(t, "diff", "main", "catalog"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	after := git(t, dir, "status", "--porcelain") + git(t, dir, "rev-parse", "HEAD") + git(t, dir, "symbolic-ref", "HEAD")
	if before != after {
		t.Errorf("diff changed the repository:\n%s\nthen\n%s", before, after)
	}
	if index2, _ := os.ReadFile(filepath.Join(dir, ".git", "index")); !bytes.Equal(index, index2) {
		t.Error("diff rewrote the index")
	}
}

func copyMap(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = v
	}
	return out
}

func TestLintNewFromRev(t *testing.T) {
	noOwner := strings.Replace(baseServices["catalog/services/payroll.yaml"], "  owner: ops\n", "", 1)
	base := copyMap(baseServices)
	base["catalog/services/payroll.yaml"] = noOwner
	// The storage finding is fixed; erp gains an error; payroll's warning
	// stays, moved down three lines.
	head := map[string]string{
		"catalog/services/payroll.yaml": "# moved\n\n\n" + noOwner,
		"catalog/services/erp.yaml":     strings.Replace(baseServices["catalog/services/erp.yaml"], "  segments: [finance]\n", "", 1),
	}
	dir := repoWith(t, base, head)
	state := func() string {
		index, _ := os.ReadFile(filepath.Join(dir, ".git", "index"))
		return git(t, dir, "status", "--porcelain") + git(t, dir, "rev-parse", "HEAD") + git(t, dir, "symbolic-ref", "HEAD") + string(index)
	}
	before := state()

	code, out, stderr := run(t, "lint", "--new-from-rev", "main", "catalog")
	if code != 1 {
		t.Errorf("exit %d, want 1 (a new error)\n%s%s", code, out, stderr)
	}
	if strings.Contains(out, "missing-owner") || !strings.Contains(out, "untraced-service") ||
		!strings.Contains(out, "unchanged finding") {
		t.Errorf("text output:\n%s", out)
	}
	// Only the unchanged warning would fail at --fail-on warning if it
	// were new; the new error does.
	code, out, _ = run(t, "lint", "--new-from-rev", "main", "--format", "json", "--format", "sarif=lint.sarif", "--format", "github=gh.txt", "catalog")
	if code != 1 {
		t.Errorf("json: exit %d", code)
	}
	for _, want := range []string{`"baselineState": "new"`, `"baselineState": "unchanged"`} {
		if !strings.Contains(out, want) {
			t.Errorf("json lacks %s:\n%s", want, out)
		}
	}
	sarif, err := os.ReadFile("lint.sarif")
	if err != nil || !strings.Contains(string(sarif), `"baselineState": "unchanged"`) || strings.Contains(string(sarif), `"absent"`) {
		t.Errorf("lint.sarif: %v\n%s", err, sarif)
	}
	if gh, err := os.ReadFile("gh.txt"); err != nil || !strings.Contains(string(gh), "::error") || strings.Contains(string(gh), "missing-owner") {
		t.Errorf("gh.txt: %v\n%s", err, gh)
	}
	os.Remove("lint.sarif")
	os.Remove("gh.txt")
	if after := state(); after != before {
		t.Errorf("lint --new-from-rev changed the repository (status, HEAD or index)")
	}

	// A baseline file from the head itself: nothing is new, exit 0 even
	// at --fail-on info; the base as a baseline file works like the rev.
	code, report, _ := run(t, "lint", "--format", "json", "catalog")
	if code != 1 {
		t.Fatalf("lint: exit %d", code)
	}
	bl := filepath.Join(t.TempDir(), "baseline.json")
	os.WriteFile(bl, []byte(report), 0o644)
	if code, out, stderr := run(t, "lint", "--baseline", bl, "--fail-on", "info", "catalog"); code != 0 {
		t.Errorf("--baseline of itself: exit %d\n%s%s", code, out, stderr)
	}
	os.WriteFile(bl, []byte(`{"findings": [{"rule": 3}]}`), 0o644)
	if code, _, stderr := run(t, "lint", "--baseline", bl, "catalog"); code != 2 || !strings.Contains(stderr, "not a svccat lint --format json report") {
		t.Errorf("a bad baseline: exit %d, %s", code, stderr)
	}
	for _, args := range [][]string{
		{"lint", "--new-from-rev", "nope", "catalog"},
		{"lint", "--format", "json", "--format", "text", "catalog"},
		{"lint", "--baseline", bl, "--new-from-rev", "main", "catalog"},
	} {
		if code, _, _ := run(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}
