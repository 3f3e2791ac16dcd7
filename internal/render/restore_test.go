package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/svccat/svccat/internal/load"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/golden"
	"github.com/svccat/svccat/internal/graph"
)

func loadAcme(t *testing.T) *catalog.Catalog {
	t.Helper()
	c := load.Catalog([]string{"../../examples/acme"}, load.Options{})
	if len(c.Problems) > 0 {
		t.Fatalf("examples/acme: %v", c.Problems)
	}
	return c.Catalog
}

// acmeScenarios are the plans the golden files show, named by file.
var acmeScenarios = []struct {
	name string
	s    graph.Scenario
	opt  graph.Options
}{
	{"total-loss", graph.Scenario{}, graph.Options{DefaultDuration: time.Hour}},
	{"site-dc-west", graph.Scenario{Sites: []string{"dc-west"}}, graph.Options{DefaultDuration: time.Hour}},
	{"service-database", graph.Scenario{Services: []string{"database"}}, graph.Options{DefaultDuration: time.Hour}},
	{"total-loss-2-crews", graph.Scenario{}, graph.Options{Crews: 2, DefaultDuration: time.Hour}},
	{"site-dc-east-team-crews", graph.Scenario{Sites: []string{"dc-east"}}, graph.Options{TeamCrews: true, DefaultDuration: time.Hour}},
	{"sites-both-team-crews", graph.Scenario{Sites: []string{"dc-east", "dc-west"}}, graph.Options{TeamCrews: true, DefaultDuration: time.Hour}},
}

var restoreExt = map[string]string{"table": "txt", "markdown": "md", "json": "json", "csv": "csv", "mermaid": "mmd", "checklist": "checklist.md"}

func TestRestoreGolden(t *testing.T) {
	c := loadAcme(t)
	for _, sc := range acmeScenarios {
		p, err := graph.RestoreOrder(c, sc.s, sc.opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, format := range RestoreFormats.Names() {
			t.Run(sc.name+"/"+format, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Restore(&buf, format, RestoreInput{Plan: p}); err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join("testdata", "restore", sc.name+"."+restoreExt[format]), buf.Bytes())
				checkRestoreSyntax(t, format, buf.Bytes(), len(p.Steps))
			})
		}
	}
}

// checkRestoreSyntax checks what a golden file cannot: that JSON and CSV
// parse, with one record per step.
func checkRestoreSyntax(t *testing.T, format string, out []byte, steps int) {
	t.Helper()
	switch format {
	case "json":
		var v struct {
			Steps []map[string]any `json:"steps"`
		}
		if err := json.Unmarshal(out, &v); err != nil {
			t.Fatalf("invalid JSON: %v", err)
		}
		if len(v.Steps) != steps {
			t.Errorf("%d JSON steps, want %d", len(v.Steps), steps)
		}
		for _, s := range v.Steps {
			for _, k := range []string{"order", "wave", "service", "type", "tier", "effectiveTier", "start", "finish", "rto", "rtoMet", "reason", "team", "page", "segments", "runbook", "assumed"} {
				if _, ok := s[k]; !ok {
					t.Errorf("step %v lacks the key %q", s["service"], k)
				}
			}
		}
	case "csv":
		recs, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("invalid CSV: %v", err)
		}
		if len(recs) != steps+1 {
			t.Errorf("%d CSV records, want a header and %d steps", len(recs), steps)
		}
	case "checklist":
		if n := bytes.Count(out, []byte("\n- [ ] **")); n != steps {
			t.Errorf("%d checklist steps, want %d", n, steps)
		}
	}
}

// oddPlan has what acme lacks: assumed durations, missed RTOs, no tier,
// no RTO, hostile titles and runbooks, crews.
func oddPlan() *graph.Plan {
	tier := func(n int) *int { return &n }
	dur := func(s string) *time.Duration {
		d, _ := time.ParseDuration(s)
		return &d
	}
	yes, no := true, false
	return &graph.Plan{
		Scenario:        graph.Scenario{Services: []string{"a|b"}},
		Failed:          []string{"a|b"},
		Affected:        3,
		Crews:           2,
		DefaultDuration: time.Hour,
		Steps: []graph.Step{
			{Order: 1, Wave: 1, Crew: 1, Service: "a|b", Title: "Pipes | and <script>alert(1)</script>\nnewline", Type: "supporting",
				Tier: tier(3), EffectiveTier: tier(0), Deadline: dur("-30m"), Start: 0, Finish: time.Hour, Duration: time.Hour, Assumed: true,
				RTO: dur("30m"), RTOMet: &no, Reason: "failed", Runbook: "javascript:alert(1)", Team: "ops|<b>", Page: "tel:+1 555 | 0100\nx",
				BackupInterval: dur("1h"), RPO: dur("15m"), RPOMet: &no},
			{Order: 2, Wave: 2, Crew: 1, Service: "erp", Title: "ERP `quoted` *bold* [link](x)", Type: "business",
				Tier: tier(0), EffectiveTier: tier(0), Deadline: dur("4h"), Start: time.Hour, Finish: 3 * time.Hour, Duration: 2 * time.Hour,
				RTO: dur("4h"), RTOMet: &yes, Reason: "dependency-down", Segments: []string{"finance", "payroll"}, Markets: []string{"erp"},
				Runbook: "https://wiki.example.com/run books/(erp)", Team: "erp-team", Page: "https://pager.example.com/erp",
				BackupInterval: dur("5m"), RPO: dur("15m"), RPOMet: &yes},
			{Order: 3, Wave: 1, Crew: 2, Service: "reports", Title: "Réports: ünïcode; #1", Type: "business",
				Start: 0, Finish: 26 * time.Hour, Duration: 26 * time.Hour, Reason: "dependency-down",
				Runbook: "https://wiki.example.com/runbooks/reports", Team: graph.NoTeam},
		},
		Makespan:    26 * time.Hour,
		Work:        29 * time.Hour,
		LowerBounds: graph.LowerBounds{CriticalPath: 26 * time.Hour, CriticalChain: []string{"reports"}, WorkPerCrew: 14*time.Hour + 30*time.Minute},
		Misses:      1,
		Degraded:    []string{"web|<i>"},
	}
}

func TestRestoreOddPlan(t *testing.T) {
	p := oddPlan()
	for _, format := range RestoreFormats.Names() {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Restore(&buf, format, RestoreInput{Plan: p}); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", "restore", "odd."+restoreExt[format]), buf.Bytes())
			checkRestoreSyntax(t, format, buf.Bytes(), len(p.Steps))
		})
	}
}

func TestRestoreEmptyPlan(t *testing.T) {
	p := &graph.Plan{Scenario: graph.Scenario{Sites: []string{"dc-empty"}}, DefaultDuration: time.Hour}
	var all bytes.Buffer
	for _, format := range RestoreFormats.Names() {
		var buf bytes.Buffer
		if err := Restore(&buf, format, RestoreInput{Plan: p}); err != nil {
			t.Fatal(err)
		}
		checkRestoreSyntax(t, format, buf.Bytes(), 0)
		fmt.Fprintf(&all, "== %s ==\n%s", format, buf.Bytes())
	}
	golden.Check(t, filepath.Join("testdata", "restore", "empty.txt"), all.Bytes())
}

func TestRestoreUnknownFormat(t *testing.T) {
	if err := Restore(&bytes.Buffer{}, "yaml", RestoreInput{Plan: &graph.Plan{}}); err == nil {
		t.Error("want an error for an unknown format")
	}
}

func TestRestoreTableColor(t *testing.T) {
	var plain, color bytes.Buffer
	if err := RestoreTable(&plain, RestoreInput{Plan: oddPlan()}); err != nil {
		t.Fatal(err)
	}
	if err := RestoreTable(&color, RestoreInput{Plan: oddPlan(), Color: true}); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plain.Bytes(), []byte("\x1b[")) {
		t.Error("colour without Color")
	}
	if !bytes.Contains(color.Bytes(), []byte(ansiBold+ansiRed+"MISSED"+ansiReset)) {
		t.Errorf("a missed RTO is not red:\n%s", color.String())
	}
}

// TestRestoreMermaidKeywordNames: services named like Gantt statements
// ("click", "section", "title") must stay tasks; a bare "click" label made
// the whole chart fail to parse in Mermaid 11.
func TestRestoreMermaidKeywordNames(t *testing.T) {
	names := []string{"click", "section", "title", "excludes", "todaymarker", "dateformat"}
	p := &graph.Plan{DefaultDuration: time.Hour}
	for i, n := range names {
		p.Steps = append(p.Steps, graph.Step{Order: i + 1, Wave: 1, Service: n, Type: "supporting", Duration: time.Hour, Finish: time.Hour, Reason: "failed"})
	}
	var buf bytes.Buffer
	if err := RestoreMermaid(&buf, RestoreInput{Plan: p}); err != nil {
		t.Fatal(err)
	}
	for i, n := range names {
		want := fmt.Sprintf("    %d. %s :s%d, ", i+1, n, i+1)
		if !strings.Contains(buf.String(), want) {
			t.Errorf("no task line %q in\n%s", want, buf.String())
		}
	}
}

// TestRestoreMermaidLongPlan: past a month (one crew on a large catalog),
// the axis must still number the days since the incident, not the day of
// the month, which starts again at 01.
func TestRestoreMermaidLongPlan(t *testing.T) {
	finish := 40*24*time.Hour + 2*time.Hour
	p := &graph.Plan{Makespan: finish, Steps: []graph.Step{
		{Order: 1, Wave: 1, Service: "archive", Type: "supporting", Duration: finish, Finish: finish, Reason: "failed"},
	}}
	var buf bytes.Buffer
	if err := RestoreMermaid(&buf, RestoreInput{Plan: p}); err != nil {
		t.Fatal(err)
	}
	var axis string
	for _, l := range strings.Split(buf.String(), "\n") {
		if a, ok := strings.CutPrefix(l, "    axisFormat "); ok {
			axis = a
		}
	}
	// The d3 directives the axis may use, applied to the finish date.
	end := ganttEpoch.Add(finish)
	label := strings.NewReplacer("%d", fmt.Sprintf("%02d", end.Day()), "%j", fmt.Sprintf("%03d", end.YearDay()),
		"%H", fmt.Sprintf("%02d", end.Hour()), "%M", fmt.Sprintf("%02d", end.Minute())).Replace(axis)
	if label != "041 02:00" {
		t.Errorf("axisFormat %q labels the finish (day 41 of the incident, 02:00) %q", axis, label)
	}
}
