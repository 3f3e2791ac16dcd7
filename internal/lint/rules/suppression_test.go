package rules

import (
	"testing"

	"github.com/svccat/svccat/internal/finding"
	"github.com/svccat/svccat/internal/lint"
	"github.com/svccat/svccat/internal/lint/linttest"
)

// suppressionFixtureRules are the rules the suppression fixtures exercise:
// load problems (which cannot be suppressed), two policy rules (which
// can), and the three that check the suppressions.
var suppressionFixtureRules = []*lint.Rule{
	Schema,
	DuplicateName,
	UnresolvedReference,
	MissingOwner,
	SegmentWithoutPersona,
	SuppressionWithoutReason,
	UnusedSuppression,
	SuppressionUnknownRule,
}

func TestSuppression(t *testing.T) {
	linttest.Run(t, "testdata/suppression/basic", suppressionFixtureRules)
}

// TestSuppressionOff checks that an ignore naming a rule the config turns
// off is not reported as unused, and that the config sets the suppression
// rules' severities like any other rule's.
func TestSuppressionOff(t *testing.T) {
	fs := linttest.Run(t, "testdata/suppression/off", suppressionFixtureRules)
	for _, f := range fs {
		if f.Rule == SuppressionWithoutReason.Name && f.Severity != finding.Warning {
			t.Errorf("%s: severity %s, want warning (set in .svccat.yaml)", f, f.Severity)
		}
	}
}
