package graph

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/svccat/svccat/internal/catalog"
)

func TestImpact(t *testing.T) {
	// storage <- database <- erp <- payroll; reports soft-depends on erp;
	// dashboard hard-depends on reports (degraded through a soft link);
	// chat is unrelated.
	storage := memService("storage", 0, "", "1h")
	database := memService("database", 1, "", "1h", "storage")
	erp := memService("erp", 1, "", "1h", "database")
	payroll := memService("payroll", 1, "", "1h", "erp", "~storage")
	reports := memService("reports", 3, "", "1h", "~erp")
	dashboard := memService("dashboard", 3, "", "1h", "reports")
	chat := memService("chat", 2, "", "1h")
	for _, s := range []*catalog.Service{erp, payroll, reports, dashboard, chat} {
		s.Type = catalog.Business
	}
	finance := &catalog.Market{Entity: catalog.Entity{Name: "finance", Title: "ERP and Finance"}}
	accounting := &catalog.Segment{Entity: catalog.Entity{Name: "accounting"}, Market: finance}
	people := &catalog.Segment{Entity: catalog.Entity{Name: "people-ops"}, Market: finance}
	analysts := &catalog.Segment{Entity: catalog.Entity{Name: "analysts"}, Market: finance}
	comms := &catalog.Segment{Entity: catalog.Entity{Name: "everyone"}}
	claire := &catalog.Persona{Entity: catalog.Entity{Name: "claire", Title: "Claire, controller"}, Segment: accounting}
	accounting.Personas = []*catalog.Persona{claire}
	erp.Segments, erp.Touchpoints = []*catalog.Segment{accounting}, []string{"web", "api"}
	payroll.Segments, payroll.Touchpoints = []*catalog.Segment{people}, []string{"web"}
	reports.Segments, reports.Touchpoints = []*catalog.Segment{analysts, accounting}, []string{"email"}
	chat.Segments = []*catalog.Segment{comms}
	c := memCatalog(storage, database, erp, payroll, reports, dashboard, chat)

	im, err := Impact(c, []string{"database"})
	if err != nil {
		t.Fatal(err)
	}
	one := 1
	three := 3
	want := &Outage{
		Failed: []string{"database"},
		Services: []ImpactedService{
			{Name: "database", Type: "supporting", Tier: &one, Status: StatusFailed},
			{Name: "erp", Type: "business", Tier: &one, Status: StatusDown, Via: []string{"database"}, Segments: []string{"accounting"}, Touchpoints: []string{"api", "web"}},
			{Name: "payroll", Type: "business", Tier: &one, Status: StatusDown, Via: []string{"erp"}, Segments: []string{"people-ops"}, Touchpoints: []string{"web"}},
			{Name: "dashboard", Type: "business", Tier: &three, Status: StatusDegraded, Via: []string{"reports"}},
			{Name: "reports", Type: "business", Tier: &three, Status: StatusDegraded, Via: []string{"erp"}, Segments: []string{"accounting", "analysts"}, Touchpoints: []string{"email"}},
		},
		Segments: []Hit{
			{Name: "accounting", Status: StatusDown, Via: []string{"erp", "reports"}},
			{Name: "people-ops", Status: StatusDown, Via: []string{"payroll"}},
			{Name: "analysts", Status: StatusDegraded, Via: []string{"reports"}},
		},
		Markets:     []Hit{{Name: "finance", Title: "ERP and Finance", Status: StatusDown, Via: []string{"accounting", "analysts", "people-ops"}}},
		Personas:    []Hit{{Name: "claire", Title: "Claire, controller", Status: StatusDown, Via: []string{"accounting"}}},
		Touchpoints: []Hit{{Name: "api", Status: StatusDown, Via: []string{"erp"}}, {Name: "web", Status: StatusDown, Via: []string{"erp", "payroll"}}, {Name: "email", Status: StatusDegraded, Via: []string{"reports"}}},
	}
	if diff := cmp.Diff(want, im); diff != "" {
		t.Errorf("impact (-want +got):\n%s", diff)
	}

	// A failed service named twice, or also reached from another failed
	// one, is failed once.
	im, err = Impact(c, []string{"erp", "database", "erp"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"database", "erp"}, im.Failed); diff != "" {
		t.Errorf("failed (-want +got):\n%s", diff)
	}

	_, err = Impact(c, []string{"nope"})
	var ue *UnknownError
	if !errors.As(err, &ue) || ue.Name != "nope" {
		t.Errorf("unknown name: got %v", err)
	}
}
