package graph

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestExport(t *testing.T) {
	// network <- storage <- database <- erp <- payroll; erp ~> monitoring;
	// web -> network; the duplicate hard+soft edge payroll -> erp is one
	// hard edge.
	c := memCatalog(
		memService("network", 0, "", ""),
		memService("storage", 0, "", "", "network"),
		memService("database", 1, "", "", "storage"),
		memService("erp", 1, "", "", "database", "~monitoring"),
		memService("payroll", 1, "", "", "erp", "~erp"),
		memService("monitoring", 2, "", ""),
		memService("web", 2, "", "", "network"),
	)
	names := func(g *Graph) string {
		var ns, es []string
		for _, n := range g.Nodes {
			mark := ""
			if n.Focus {
				mark = "*"
			}
			ns = append(ns, n.Name+mark)
		}
		for _, e := range g.Edges {
			arrow := "->"
			if !e.Hard {
				arrow = "~>"
			}
			es = append(es, e.From+arrow+e.To)
		}
		return strings.Join(ns, " ") + " | " + strings.Join(es, " ")
	}
	for _, tc := range []struct {
		opt  ExportOptions
		want string
	}{
		{ExportOptions{}, "database erp monitoring network payroll storage web | database->storage erp->database erp~>monitoring payroll->erp storage->network web->network"},
		{ExportOptions{Focus: []string{"database"}, Depth: 1}, "database* erp storage | database->storage erp->database"},
		{ExportOptions{Focus: []string{"database"}}, "database* erp network payroll storage | database->storage erp->database payroll->erp storage->network"},
		{ExportOptions{Focus: []string{"erp", "web"}, Depth: 1}, "database erp* monitoring network payroll web* | erp->database erp~>monitoring payroll->erp web->network"},
	} {
		g, err := Export(c, tc.opt)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tc.want, names(g)); diff != "" {
			t.Errorf("%+v (-want +got):\n%s", tc.opt, diff)
		}
	}
	_, err := Export(c, ExportOptions{Focus: []string{"erp", "nope"}})
	var ue *UnknownError
	if !errors.As(err, &ue) {
		t.Errorf("unknown focus: got %v", err)
	}
}
