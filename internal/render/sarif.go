package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/svccat/svccat/internal/finding"
)

// SARIF 2.1.0 as GitHub code scanning reads it: one run, every rule with
// its doc, results with relative URIs, regions and fingerprints.

const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifInfoURI = "https://github.com/svccat/svccat"
	// sarifSrcRoot is the base relative URIs resolve against: the folder
	// svccat ran in, which in CI is the repository's root.
	sarifSrcRoot = "%SRCROOT%"
	// sarifFingerprint names svccat's fingerprint; the version changes when
	// what goes into it ever does.
	sarifFingerprint = "svccat/v2"
	// sarifMaxDescription is GitHub's limit on rule descriptions.
	sarifMaxDescription = 1024
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool sarifTool `json:"tool"`
	// ColumnKind: columns count Unicode code points, as the YAML parser
	// does.
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string        `json:"id"`
	Name                 string        `json:"name"`
	ShortDescription     sarifText     `json:"shortDescription"`
	FullDescription      sarifText     `json:"fullDescription"`
	Help                 sarifText     `json:"help"`
	DefaultConfiguration sarifRuleConf `json:"defaultConfiguration"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRuleConf struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID string `json:"ruleId"`
	// RuleIndex is a pointer because 0 is an index.
	RuleIndex           *int              `json:"ruleIndex,omitempty"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	// Suppressions is set on a finding an svccat.dev/ignore annotation
	// silenced: code scanning shows it as dismissed, not as an alert.
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
	// BaselineState is new or unchanged against a baseline; findings gone
	// since are left out (code scanning would reopen them).
	BaselineState string           `json:"baselineState,omitempty"`
	Properties    *sarifProperties `json:"properties,omitempty"`
}

type sarifSuppression struct {
	// Kind inSource: the suppression is written in the catalog itself.
	Kind          string `json:"kind"`
	Status        string `json:"status"`
	Justification string `json:"justification,omitempty"`
}

// sarifProperties carry the parts of the finding's identity, for tools
// that compare runs.
type sarifProperties struct {
	Entity string `json:"svccat/entity,omitempty"`
	Key    string `json:"svccat/key"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	// Region is left out for a finding about a whole file.
	Region *sarifRegion `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// SARIF writes the findings as a SARIF 2.1.0 log.
func SARIF(w io.Writer, in FindingsInput) error {
	driver := sarifDriver{Name: "svccat", InformationURI: sarifInfoURI, Version: in.Version, Rules: []sarifRule{}}
	index := map[string]int{}
	for i, r := range in.Rules {
		index[r.Name] = i
		driver.Rules = append(driver.Rules, sarifRuleOf(r))
	}
	results := []sarifResult{}
	seen := map[string]int{}
	for _, f := range allFindings(in) {
		res := sarifResult{
			RuleID:        f.Rule,
			Level:         sarifLevel(f.Severity),
			Message:       sarifText{Text: f.Message},
			Properties:    &sarifProperties{Entity: f.Entity, Key: f.Key},
			BaselineState: f.Baseline,
		}
		if f.Suppressed {
			res.Suppressions = []sarifSuppression{{Kind: "inSource", Status: "accepted", Justification: f.Justification}}
		}
		if i, ok := index[f.Rule]; ok {
			res.RuleIndex = &i
		}
		if f.Pos.File != "" {
			loc := sarifPhysicalLocation{ArtifactLocation: sarifArtifact(f.Pos.File)}
			if f.Pos.Line > 0 {
				loc.Region = &sarifRegion{StartLine: f.Pos.Line, StartColumn: f.Pos.Col}
			}
			res.Locations = []sarifLocation{{PhysicalLocation: loc}}
		}
		fp := fingerprint(f)
		seen[fp]++
		res.PartialFingerprints = map[string]string{sarifFingerprint: fmt.Sprintf("%s:%d", fp, seen[fp])}
		results = append(results, res)
	}
	return WriteJSON(w, sarifLog{
		Schema:  sarifSchema,
		Version: "2.1.0",
		Runs:    []sarifRun{{Tool: sarifTool{Driver: driver}, ColumnKind: "unicodeCodePoints", Results: results}},
	})
}

func sarifLevel(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "note"
}

func sarifRuleOf(r RuleDoc) sarifRule {
	return sarifRule{
		ID:                   r.Name,
		Name:                 pascalCase(r.Name),
		ShortDescription:     sarifText{Text: truncate(upperFirst(r.Doc.Title), sarifMaxDescription)},
		FullDescription:      sarifText{Text: truncate(fullDescription(r), sarifMaxDescription)},
		Help:                 sarifText{Text: docText(r.Doc), Markdown: docMarkdown(r.Doc)},
		DefaultConfiguration: sarifRuleConf{Level: sarifLevel(r.Severity)},
	}
}

// fullDescription is the doc's first paragraph of why, on one line, or
// the title where the doc has none.
func fullDescription(r RuleDoc) string {
	why, _, _ := strings.Cut(strings.TrimSpace(r.Doc.Why), "\n\n")
	if why == "" {
		return upperFirst(r.Doc.Title)
	}
	return strings.Join(strings.Fields(why), " ")
}

// sarifArtifact locates a file: relative to %SRCROOT% where the path is
// relative (the usual case: svccat shows paths relative to where it runs),
// else as an absolute file URI.
func sarifArtifact(file string) sarifArtifactLocation {
	if isAbsPath(file) {
		if !strings.HasPrefix(file, "/") {
			file = "/" + file // C:/x -> file:///C:/x
		}
		return sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: file}).String()}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: file}).String(), URIBaseID: sarifSrcRoot}
}

// fingerprint identifies a finding across runs: a hash of its identity
// (rule, entity or file, key) and nothing else, so that it survives moved
// lines, moved entities and reworded messages or changed figures. SARIF
// appends an occurrence count to tell findings of one identity apart.
func fingerprint(f finding.Finding) string {
	sum := sha256.Sum256([]byte(f.Identity().String()))
	return hex.EncodeToString(sum[:16])
}

// pascalCase turns a rule id into the identifier-like name SARIF expects:
// dependency-cycle -> DependencyCycle.
func pascalCase(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		b.WriteString(upperFirst(part))
	}
	return b.String()
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// truncate shortens s to at most n bytes, at a word boundary, with an
// ellipsis.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndex(s[:n-len("…")], " ")
	if cut <= 0 {
		cut = n - len("…")
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + "…"
}
