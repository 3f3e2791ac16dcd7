package render

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

func TestFormats(t *testing.T) {
	fs := Formats[string]{
		{"text", func(w io.Writer, s string) error { _, err := io.WriteString(w, "t:"+s); return err }},
		{"json", func(w io.Writer, s string) error { _, err := io.WriteString(w, "j:"+s); return err }},
	}
	if got := strings.Join(fs.Names(), ","); got != "text,json" || fs.Default() != "text" {
		t.Errorf("Names = %s, Default = %s", got, fs.Default())
	}
	var b bytes.Buffer
	if err := fs.Write(&b, "json", "x"); err != nil || b.String() != "j:x" {
		t.Errorf("Write json = %q, %v", b.String(), err)
	}
	err := fs.Write(&b, "yaml", "x")
	if err == nil || !strings.Contains(err.Error(), `unknown format "yaml": want one of text, json`) {
		t.Errorf("Write yaml: %v", err)
	}
	// Every registry has a default and no name twice.
	for name, names := range map[string][]string{
		"findings": FindingFormats.Names(), "cost": CostFormats.Names(), "restore": RestoreFormats.Names(),
		"graph": GraphFormats.Names(), "impact": ImpactFormats.Names(), "rules": RuleFormats.Names(), "rule list": RuleListFormats.Names(),
	} {
		seen := map[string]bool{}
		for _, n := range names {
			if seen[n] {
				t.Errorf("%s: %s twice", name, n)
			}
			seen[n] = true
		}
		if len(names) == 0 {
			t.Errorf("%s: no format", name)
		}
	}
	if strings.Join(RuleFormats.Names(), ",") != strings.Join(RuleListFormats.Names(), ",") {
		t.Error("svccat rules and svccat rules ID disagree on formats")
	}
}
