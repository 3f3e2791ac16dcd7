// Package finding holds the one type every check reports and every printer
// prints.
package finding

import (
	"fmt"
	"sort"

	"github.com/svccat/svccat/internal/source"
)

// Severity orders findings; a higher value is more severe.
type Severity int

const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Finding is one problem found in a catalog.
type Finding struct {
	Rule     string
	Severity Severity
	Pos      source.Pos
	// Entity is "Kind/name", or empty for a finding about a file.
	Entity string
	// Key is the rule's short, position-free name for what it found: the
	// referenced name, the field path, a loop's members sorted; never a
	// position, an amount, a percent or a duration.
	Key     string
	Message string
	// Suppressed is set on a finding an svccat.dev/ignore annotation
	// silenced: JSON and SARIF carry it marked, the other formats count
	// it. Justification is the annotation's svccat.dev/ignore-reason.
	Suppressed    bool
	Justification string
	// Baseline is the finding's state against a baseline (lint
	// --baseline, --new-from-rev): BaselineNew, BaselineUnchanged or
	// BaselineAbsent; "" without a baseline.
	Baseline string
}

// Identity is what makes two findings the same finding across runs:
// (rule, entity, key). Moving an entity to another file, shifting its
// lines or changing a computed value keeps it; renaming the entity or
// what the finding is about changes it. A file-level finding (no entity)
// is about its file.
type Identity struct {
	Rule string
	// Subject is the entity, "Kind/name", or "file:PATH" for a
	// file-level finding.
	Subject string
	Key     string
}

// Identity returns f's identity.
func (f Finding) Identity() Identity {
	subject := f.Entity
	if subject == "" {
		subject = "file:" + f.Pos.File
	}
	return Identity{Rule: f.Rule, Subject: subject, Key: f.Key}
}

// String writes the identity on one line, its parts separated by NUL
// bytes (which no part can hold), for hashing.
func (id Identity) String() string {
	return id.Rule + "\x00" + id.Subject + "\x00" + id.Key
}

func (f Finding) String() string {
	return fmt.Sprintf("%s: %s: %s [%s]", f.Pos, f.Severity, f.Message, f.Rule)
}

// Sort orders findings by file, line, column, rule and message, so that
// every output is deterministic.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// Summary counts a run's findings and what was checked.
type Summary struct {
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Infos      int `json:"infos"`
	Files      int `json:"files"`
	Entities   int `json:"entities"`
	Suppressed int `json:"suppressed"`
	// Skipped counts YAML documents that are not catalog documents.
	Skipped int `json:"skipped"`
}

// Summarize counts fs by severity.
func Summarize(fs []Finding, s Summary) Summary {
	s.Errors, s.Warnings, s.Infos = 0, 0, 0
	for _, f := range fs {
		switch f.Severity {
		case Error:
			s.Errors++
		case Warning:
			s.Warnings++
		case Info:
			s.Infos++
		}
	}
	return s
}
