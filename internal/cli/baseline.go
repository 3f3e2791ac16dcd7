package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/pos"
)

// maxBaselineBytes bounds a --baseline file: a JSON report of a
// 10,000-service catalog with thousands of findings is a few MB.
const maxBaselineBytes = 256 << 20

// readBaseline reads a `svccat lint --format json` report: its findings,
// but the suppressed ones and those it listed as absent, are the baseline.
func readBaseline(path string) ([]finding.Finding, error) {
	bad := func(format string, args ...any) error {
		return usagef("--baseline %s: %s", path, fmt.Sprintf(format, args...))
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, bad("cannot read: %v", errCause(err))
	}
	defer fh.Close()
	if info, err := fh.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, bad("not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(fh, maxBaselineBytes+1))
	if err != nil {
		return nil, bad("cannot read: %v", errCause(err))
	}
	if len(data) > maxBaselineBytes {
		return nil, bad("larger than %d MiB; is it a svccat lint --format json report?", maxBaselineBytes>>20)
	}
	var report struct {
		Findings *[]struct {
			Rule          string `json:"rule"`
			Severity      string `json:"severity"`
			Message       string `json:"message"`
			File          string `json:"file"`
			Line          int    `json:"line"`
			Column        int    `json:"column"`
			Entity        string `json:"entity"`
			Key           string `json:"key"`
			Suppressed    bool   `json:"suppressed"`
			BaselineState string `json:"baselineState"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(data, &report); err != nil {
		return nil, bad("not a svccat lint --format json report: %v", err)
	}
	if report.Findings == nil {
		return nil, bad(`not a svccat lint --format json report: no "findings"`)
	}
	var out []finding.Finding
	for i, f := range *report.Findings {
		if f.Rule == "" {
			return nil, bad("finding %d has no rule", i+1)
		}
		if f.Suppressed || f.BaselineState == finding.BaselineAbsent {
			continue
		}
		sev, _ := finding.ParseSeverity(f.Severity)
		out = append(out, finding.Finding{Rule: f.Rule, Severity: sev, Message: f.Message, Entity: f.Entity, Key: f.Key,
			Pos: pos.Pos{File: f.File, Line: f.Line, Col: f.Column}})
	}
	return out, nil
}
