package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/load"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"

	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/golden"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/lint/rules"
	"github.com/svccat/svccat/internal/source"
)

// findingsRules stand in for the real rules, so that editing a rule's doc
// does not change these golden files.
var findingsRules = []RuleDoc{
	{Name: "schema", Severity: finding.Error, Doc: lint.Doc{Title: "a document violates the catalog schema",
		Why: "The schema is the contract for every kind of document.", Fix: "Correct the field at the position given."}},
	{Name: "unresolved-reference", Severity: finding.Error, Doc: lint.Doc{Title: "a reference names no entity of that kind",
		Why:  "A dependency on a service that does not exist hides a real\ndependency from the restoration order.",
		Bad:  "dependsOn: [mail-storge]     # no such Service\n",
		Good: "dependsOn: [mail-storage]\n",
		Fix:  "Correct the name, or add the missing entity."}},
	{Name: "slo-infeasible", Severity: finding.Warning, Doc: lint.Doc{Title: "dependencies cannot meet the availability objective",
		Why: "Availability multiplies along hard dependencies.",
		Bad: "slos: [{indicator: availability, objective: 99.99}]\n",
		Fix: "Lower the objective, or make the dependencies more available."}},
	{Name: "missing-cost", Severity: finding.Info, Doc: lint.Doc{Title: "a service has no cost",
		Why: "A service without cost looks free.", Fix: "Add cost:."}},
}

// findingsSet exercises every printer: each severity, a file-level
// finding, two identical findings (fingerprint occurrences), and messages
// and a file name with the characters each format must escape.
var findingsSet = []finding.Finding{
	{Rule: "schema", Severity: finding.Error, Pos: source.Pos{File: "catalog/services.yaml", Line: 6, Col: 9}, Entity: "Service/erp",
		Key: "spec.type", Message: `spec.type: "busines" is not allowed; want "business", "supporting"`},
	{Rule: "unresolved-reference", Severity: finding.Error, Pos: source.Pos{File: "catalog/services.yaml", Line: 8, Col: 19}, Entity: "Service/erp",
		Key: "dependsOn:nope", Message: `dependsOn "nope": there is no Service named "nope"`},
	{Rule: "unresolved-reference", Severity: finding.Error, Pos: source.Pos{File: "catalog/services.yaml", Line: 9, Col: 5}, Entity: "Service/erp",
		Key: "dependsOn:nope", Message: `dependsOn "nope": there is no Service named "nope"`},
	{Rule: "slo-infeasible", Severity: finding.Warning, Pos: source.Pos{File: "catalog/services.yaml", Line: 30, Col: 7}, Entity: "Service/email",
		Key: "spec.slos:availability", Message: "objective 99.99% is above what dependencies allow: 99.9%, 100%\nsee mail-store"},
	{Rule: "missing-cost", Severity: finding.Info, Pos: source.Pos{File: "catalog/odd, name: (v2).yaml", Line: 3, Col: 9}, Entity: "Service/wiki",
		Key: "spec.cost", Message: "service \"wiki\" | <b>not</b> *free* _at_ [all](x) `really` $5 & ~up~"},
	{Rule: "schema", Severity: finding.Error, Pos: source.Pos{File: "catalog/empty.yaml"},
		Key: "document", Message: "the file holds no document"},
}

// findingsSuppressed are the set's suppressed findings: JSON and SARIF
// carry them, the other formats count them.
var findingsSuppressed = []finding.Finding{
	{Rule: "missing-cost", Severity: finding.Info, Pos: source.Pos{File: "catalog/services.yaml", Line: 12, Col: 9}, Entity: "Service/fax",
		Key: "spec.cost", Message: `service "fax" has no cost`, Suppressed: true, Justification: "retired in Q3"},
	{Rule: "slo-infeasible", Severity: finding.Warning, Pos: source.Pos{File: "catalog/services.yaml", Line: 14, Col: 9}, Entity: "Service/fax",
		Key: "spec.slos:availability", Message: `service "fax": dependencies allow at most 99%`, Suppressed: true},
}

var findingsSummary = finding.Summarize(findingsSet, finding.Summary{Files: 3, Entities: 7, Suppressed: 2})

var findingsExt = map[string]string{"text": "txt", "json": "json", "sarif": "sarif", "github": "github.txt", "markdown": "md"}

func findingsOutput(t *testing.T, format string, in FindingsInput) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Findings(&buf, format, in); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFindingsGolden(t *testing.T) {
	in := FindingsInput{Findings: findingsSet, Suppressed: findingsSuppressed, Summary: findingsSummary, Rules: findingsRules, Version: "1.2.3"}
	for _, format := range FindingFormats.Names() {
		t.Run(format, func(t *testing.T) {
			golden.Check(t, filepath.Join("testdata", "findings", "set."+findingsExt[format]), findingsOutput(t, format, in))
		})
	}
	clean := FindingsInput{Summary: finding.Summary{Files: 18, Entities: 64, Suppressed: 1}, Rules: findingsRules, Version: "1.2.3"}
	for _, format := range FindingFormats.Names() {
		t.Run("clean/"+format, func(t *testing.T) {
			golden.Check(t, filepath.Join("testdata", "findings", "clean."+findingsExt[format]), findingsOutput(t, format, clean))
		})
	}
}

// findingsMany is a run long enough for the markdown table to fold.
func findingsMany(n int) FindingsInput {
	var fs []finding.Finding
	for i := 1; i <= n; i++ {
		sev := finding.Warning
		if i%10 == 0 {
			sev = finding.Error
		}
		fs = append(fs, finding.Finding{Rule: "missing-cost", Severity: sev, Pos: source.Pos{File: "services.yaml", Line: i * 10, Col: 9},
			Entity: fmt.Sprintf("Service/s%02d", i), Message: fmt.Sprintf("service \"s%02d\" has no cost", i)})
	}
	return FindingsInput{Findings: fs, Summary: finding.Summarize(fs, finding.Summary{Files: 1, Entities: n}), Rules: findingsRules}
}

func TestMarkdownLong(t *testing.T) {
	in := findingsMany(markdownCollapseAfter + 1)
	in.SourceURL = "https://github.com/acme/catalog/blob/0123abc/"
	out := findingsOutput(t, "markdown", in)
	golden.Check(t, filepath.Join("testdata", "findings", "long.md"), out)
	if !bytes.Contains(out, []byte("<details>")) {
		t.Error("a long table is not folded in <details>")
	}
	if bytes.Contains(findingsOutput(t, "markdown", findingsMany(markdownCollapseAfter)), []byte("<details>")) {
		t.Errorf("%d findings are folded; want the table open up to %d", markdownCollapseAfter, markdownCollapseAfter)
	}
}

func TestMarkdownMaxRows(t *testing.T) {
	out := string(findingsOutput(t, "markdown", findingsMany(markdownMaxRows+5)))
	if rows := strings.Count(out, "\n| ") - 2; rows != markdownMaxRows { // less the header and its separator
		t.Errorf("%d table rows, want %d", rows, markdownMaxRows)
	}
	if !strings.Contains(out, "… and 5 more;") {
		t.Error("the rows left out are not counted")
	}
}

// TestMarkdownRendersLiterally renders the markdown as GitHub does
// (GFM tables) and checks that each message cell shows the message
// exactly, whatever Markdown or HTML it holds, and that each location
// links to its file and line.
func TestMarkdownRendersLiterally(t *testing.T) {
	in := FindingsInput{Findings: findingsSet, Summary: findingsSummary}
	var rendered bytes.Buffer
	// GitHub keeps <br>, which goldmark drops unless told it is safe.
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := md.Convert(findingsOutput(t, "markdown", in), &rendered); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&rendered)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "tr" {
			var cells []*html.Node
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.Data == "td" {
					cells = append(cells, c)
				}
			}
			if cells != nil {
				rows = append(rows, cells)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if len(rows) != len(findingsSet) {
		t.Fatalf("%d table rows, want %d", len(rows), len(findingsSet))
	}
	// The table lists errors first, otherwise in the given order.
	want := slices.Clone(findingsSet)
	slices.SortStableFunc(want, func(a, b finding.Finding) int { return int(b.Severity - a.Severity) })
	for i, cells := range rows {
		f := want[i]
		if len(cells) != 4 {
			t.Errorf("row %d has %d cells, want 4", i, len(cells))
			continue
		}
		// A line break is a space: a row is one line.
		if got, msg := findingsText(cells[3]), strings.ReplaceAll(f.Message, "\n", " "); got != msg {
			t.Errorf("row %d: message cell shows %q, want %q", i, got, msg)
		}
		if got := findingsText(cells[2]); got != f.Pos.String() {
			t.Errorf("location cell %q, want %q", got, f.Pos)
		}
		if a := findingsFirst(cells[2], "a"); a != nil && f.Pos.Line > 0 {
			if href := findingsAttr(a, "href"); !strings.HasSuffix(href, fmt.Sprintf("#L%d", f.Pos.Line)) {
				t.Errorf("%s links to %q", f.Pos, href)
			}
		} else if a == nil {
			t.Errorf("%s is not linked", f.Pos)
		}
	}
}

// findingsText is the text of n, with <br> as nothing (the message's line
// breaks).
func findingsText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func findingsCount(n *html.Node, tag string) int {
	k := 0
	if n.Type == html.ElementNode && n.Data == tag {
		k++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		k += findingsCount(c, tag)
	}
	return k
}

func findingsFirst(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := findingsFirst(c, tag); m != nil {
			return m
		}
	}
	return nil
}

func findingsAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func TestGitHubEscaping(t *testing.T) {
	for _, tc := range []struct {
		f    finding.Finding
		want string
	}{
		{
			finding.Finding{Rule: "slo-infeasible", Severity: finding.Warning, Pos: source.Pos{File: "a.yaml", Line: 3, Col: 7},
				Message: "100% of: a, b\r\nnext"},
			"::warning file=a.yaml,line=3,col=7,title=slo-infeasible::100%25 of: a, b%0D%0Anext",
		},
		{
			finding.Finding{Rule: "schema", Severity: finding.Error, Pos: source.Pos{File: "odd, name: 50%.yaml", Line: 1, Col: 1},
				Message: "::error::injected"},
			"::error file=odd%2C name%3A 50%25.yaml,line=1,col=1,title=schema::::error::injected",
		},
		{
			finding.Finding{Rule: "missing-cost", Severity: finding.Info, Pos: source.Pos{File: "a.yaml"}, Message: "line one\nline two"},
			"::notice file=a.yaml,title=missing-cost::line one%0Aline two",
		},
		{
			finding.Finding{Rule: "missing-cost", Severity: finding.Info, Message: "nowhere"},
			"::notice title=missing-cost::nowhere",
		},
	} {
		out := string(findingsOutput(t, "github", FindingsInput{Findings: []finding.Finding{tc.f}}))
		got, _, _ := strings.Cut(out, "\n")
		if got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
}

// sarifSchemaPath is the official SARIF 2.1.0 schema in the shared
// corpora, beside the repository.
var sarifSchemaPath = filepath.Join("..", "..", "..", "shared", "corpora", "sarif", "sarif-schema-2.1.0.json")

func TestSARIFValidates(t *testing.T) {
	f, err := os.Open(sarifSchemaPath)
	if os.IsNotExist(err) {
		t.Skipf("SARIF schema not found at %s (the shared corpora sit beside the repository); skipping validation", sarifSchemaPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(sarifSchema, schemaDoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(sarifSchema)
	if err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string]FindingsInput{
		"needs-work": findingsNeedsWork(t),
		"set":        {Findings: findingsSet, Suppressed: findingsSuppressed, Summary: findingsSummary, Rules: findingsRules, Version: "1.2.3"},
		"clean":      {Rules: findingsRules},
		"many":       findingsMany(30),
		"abs": {Findings: []finding.Finding{{Rule: "schema", Severity: finding.Error, Pos: source.Pos{File: "/srv/cat alog/a.yaml", Line: 1, Col: 1}, Message: "m"},
			{Rule: "schema", Severity: finding.Error, Pos: source.Pos{File: "C:/cat/a.yaml", Line: 1, Col: 1}, Message: "m"}}},
	} {
		t.Run(name, func(t *testing.T) {
			out := findingsOutput(t, "sarif", in)
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Errorf("SARIF output does not validate: %v", err)
			}
		})
	}
}

// findingsNeedsWork lints examples/needs-work with every real rule: real
// docs and findings of every rule for the SARIF checks. It runs from the
// repository's root, as CI does, so that paths are relative; the test
// stays there.
func findingsNeedsWork(t *testing.T) FindingsInput {
	t.Helper()
	t.Chdir(filepath.Join("..", ".."))
	dir := filepath.Join("examples", "needs-work")
	cfg, err := load.Config("", []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(load.Catalog([]string{dir}, load.Options{}), cfg, rules.All())
	if err != nil {
		t.Fatal(err)
	}
	in := FindingsInput{Findings: res.Findings, Suppressed: res.SuppressedFindings, Summary: res.Summary(), Version: "dev"}
	in.Rules = RuleDocsOf(rules.All())
	return in
}

// TestSARIFForGitHub checks what code scanning needs beyond the schema.
func TestSARIFForGitHub(t *testing.T) {
	for name, in := range map[string]FindingsInput{
		"set":        {Findings: findingsSet, Suppressed: findingsSuppressed, Summary: findingsSummary, Rules: findingsRules},
		"needs-work": findingsNeedsWork(t),
	} {
		t.Run(name, func(t *testing.T) { checkSARIFForGitHub(t, in) })
	}
}

// TestFingerprintIsIdentity: the fingerprint comes from the identity
// only, so an alert survives an edit above it, a move to another file,
// and a changed message or figure; another key is another alert.
func TestFingerprintIsIdentity(t *testing.T) {
	f := findingsSet[3]
	moved := f
	moved.Pos = source.Pos{File: "elsewhere/other.yaml", Line: f.Pos.Line + 10, Col: 1}
	moved.Message = "dependencies allow at most 99.8%, objective is 99.99%"
	if fingerprint(moved) != fingerprint(f) {
		t.Error("the fingerprint changes when a finding moves or its message changes")
	}
	other := f
	other.Key = "spec.slos:latency"
	if fingerprint(other) == fingerprint(f) {
		t.Error("two keys give one fingerprint")
	}
}

// TestJSONSuppressed: suppressed findings are listed, in order, marked,
// with their keys; the others are marked false.
func TestJSONSuppressed(t *testing.T) {
	out := findingsOutput(t, "json", FindingsInput{Findings: findingsSet, Suppressed: findingsSuppressed, Summary: findingsSummary})
	var r struct {
		Findings []struct {
			Rule, Entity, Key string
			Line              int
			Suppressed        *bool
		}
	}
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != len(findingsSet)+len(findingsSuppressed) {
		t.Fatalf("%d findings, want %d", len(r.Findings), len(findingsSet)+len(findingsSuppressed))
	}
	n := 0
	for i, f := range r.Findings {
		if f.Suppressed == nil || f.Key == "" {
			t.Errorf("finding %d lacks suppressed or key: %+v", i, f)
			continue
		}
		if *f.Suppressed {
			n++
		}
		if i > 0 && f.Line < r.Findings[i-1].Line && f.Line != 0 && r.Findings[i-1].Line != 0 {
			t.Errorf("finding %d out of order", i)
		}
	}
	if n != len(findingsSuppressed) {
		t.Errorf("%d findings marked suppressed, want %d", n, len(findingsSuppressed))
	}
	for _, format := range []string{"text", "github", "markdown"} {
		if bytes.Contains(findingsOutput(t, format, FindingsInput{Findings: findingsSet, Suppressed: findingsSuppressed, Summary: findingsSummary}), []byte(`"fax"`)) {
			t.Errorf("%s shows a suppressed finding", format)
		}
	}
}

func checkSARIFForGitHub(t *testing.T, in FindingsInput) {
	out := findingsOutput(t, "sarif", in)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID                                string
						ShortDescription, FullDescription struct{ Text string }
						Help                              struct{ Text, Markdown string }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           *struct{ StartLine, StartColumn int }
					}
				}
				PartialFingerprints map[string]string
				Suppressions        []struct{ Kind, Justification string }
			}
		}
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	for _, r := range run.Tool.Driver.Rules {
		if r.ShortDescription.Text == "" || r.FullDescription.Text == "" || r.Help.Text == "" || r.Help.Markdown == "" {
			t.Errorf("rule %s lacks a description or help", r.ID)
		}
		for what, text := range map[string]string{"shortDescription": r.ShortDescription.Text, "fullDescription": r.FullDescription.Text} {
			if len(text) > sarifMaxDescription {
				t.Errorf("rule %s: %s is %d bytes, over GitHub's %d", r.ID, what, len(text), sarifMaxDescription)
			}
		}
	}
	fps := map[string]bool{}
	all := allFindings(in)
	if len(run.Results) != len(all) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(all))
	}
	for i, res := range run.Results {
		f := all[i]
		if (len(res.Suppressions) == 1) != f.Suppressed || f.Suppressed && res.Suppressions[0].Kind != "inSource" {
			t.Errorf("result %d: suppressions %+v for a finding suppressed=%v", i, res.Suppressions, f.Suppressed)
		}
		if got := run.Tool.Driver.Rules[res.RuleIndex].ID; got != res.RuleID {
			t.Errorf("result %d: ruleIndex points at %s, ruleId is %s", i, got, res.RuleID)
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || strings.HasPrefix(loc.ArtifactLocation.URI, "/") || strings.Contains(loc.ArtifactLocation.URI, `\`) {
			t.Errorf("result %d: uri %q (base %q), want a relative forward-slash URI below %%SRCROOT%%", i, loc.ArtifactLocation.URI, loc.ArtifactLocation.URIBaseID)
		}
		if (loc.Region == nil) != (f.Pos.Line == 0) {
			t.Errorf("result %d: region %v for line %d; want a region exactly when there is a line", i, loc.Region, f.Pos.Line)
		}
		fp := res.PartialFingerprints[sarifFingerprint]
		if fp == "" || fps[fp] {
			t.Errorf("result %d: fingerprint %q is empty or repeated", i, fp)
		}
		fps[fp] = true
	}
}

func TestSARIFArtifact(t *testing.T) {
	for file, want := range map[string]sarifArtifactLocation{
		"catalog/services.yaml":   {URI: "catalog/services.yaml", URIBaseID: "%SRCROOT%"},
		"cat alog/50%.yaml":       {URI: "cat%20alog/50%25.yaml", URIBaseID: "%SRCROOT%"},
		"a:b.yaml":                {URI: "./a:b.yaml", URIBaseID: "%SRCROOT%"},
		"c:/x.yaml":               {URI: "file:///c:/x.yaml"},
		"/srv/catalog/a.yaml":     {URI: "file:///srv/catalog/a.yaml"},
		"C:/Users/me/cat/a.yaml":  {URI: "file:///C:/Users/me/cat/a.yaml"},
		"catalog/odd #1 (v2).yml": {URI: "catalog/odd%20%231%20%28v2%29.yml", URIBaseID: "%SRCROOT%"},
	} {
		if got := sarifArtifact(file); got != want {
			t.Errorf("sarifArtifact(%q) = %+v, want %+v", file, got, want)
		}
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 12, "one two…"},
		{"ééééééééé", 8, "éé…"},
	} {
		if got := truncate(tc.s, tc.n); got != tc.want || len(got) > tc.n {
			t.Errorf("truncate(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}

func TestRulesGolden(t *testing.T) {
	docs := slices.Clone(findingsRules)
	docs[0].Doc.Title = "a title with a | pipe" // escaped in the markdown table
	for i := 1; i < len(docs); i++ {
		docs[i].Suppressible = true
	}
	for _, format := range RuleFormats.Names() {
		t.Run(format, func(t *testing.T) {
			var list, one bytes.Buffer
			if err := Rules(&list, format, docs); err != nil {
				t.Fatal(err)
			}
			for _, d := range docs[:2] { // one that cannot be suppressed, one that can
				if err := Rule(&one, format, d); err != nil {
					t.Fatal(err)
				}
			}
			ext := map[string]string{"text": "txt", "json": "json", "markdown": "md"}[format]
			golden.Check(t, filepath.Join("testdata", "rules", "list."+ext), list.Bytes())
			golden.Check(t, filepath.Join("testdata", "rules", "explain."+ext), one.Bytes())
		})
	}
	if err := Rules(&bytes.Buffer{}, "yaml", docs); err == nil {
		t.Error("Rules accepted an unknown format")
	}
}
