package finding

import (
	"testing"

	"github.com/svccat/svccat/internal/source"
)

func TestIdentity(t *testing.T) {
	a := Finding{Rule: "missing-owner", Entity: "Service/erp", Key: "spec.owner", Message: "m1", Pos: source.Pos{File: "a.yaml", Line: 3, Col: 9}}
	moved := a
	moved.Pos = source.Pos{File: "b/c.yaml", Line: 40, Col: 1}
	moved.Message = "m2"
	if a.Identity() != moved.Identity() {
		t.Errorf("moving a finding or rewording it changed its identity: %v != %v", a.Identity(), moved.Identity())
	}
	for _, other := range []Finding{
		{Rule: "missing-cost", Entity: a.Entity, Key: a.Key},
		{Rule: a.Rule, Entity: "Service/crm", Key: a.Key},
		{Rule: a.Rule, Entity: a.Entity, Key: "spec.cost"},
	} {
		if other.Identity() == a.Identity() {
			t.Errorf("%v has the identity of %v", other, a)
		}
	}
	// A file-level finding is about its file.
	f1 := Finding{Rule: "yaml-syntax", Key: "yaml-syntax", Pos: source.Pos{File: "a.yaml", Line: 1}}
	f2 := Finding{Rule: "yaml-syntax", Key: "yaml-syntax", Pos: source.Pos{File: "b.yaml", Line: 1}}
	if f1.Identity() == f2.Identity() {
		t.Errorf("file-level findings in two files share an identity: %v", f1.Identity())
	}
	if got := f1.Identity().Subject; got != "file:a.yaml" {
		t.Errorf("file-level subject = %q, want file:a.yaml", got)
	}
}
