package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/svccat/svccat/internal/load"

	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/golden"
)

var costExt = map[string]string{"table": "txt", "markdown": "md", "json": "json", "csv": "csv"}

// TestCostGolden prints examples/acme's cost report in every format, by
// service per year (the config's period), by segment per quarter and by
// market per month.
func TestCostGolden(t *testing.T) {
	c := load.Catalog([]string{"../../examples/acme"}, load.Options{})
	if len(c.Problems) > 0 {
		t.Fatalf("examples/acme: %v", c.Problems)
	}
	cfg, err := load.Config("", []string{"../../examples/acme"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ by, period string }{
		{"service", ""}, {"segment", "quarter"}, {"market", "month"},
	} {
		r, err := cost.NewReport(cost.Allocate(c.Catalog, cfg, tc.period), tc.by)
		if err != nil {
			t.Fatal(err)
		}
		for _, format := range CostFormats.Names() {
			name := "by-" + tc.by + "-" + r.Period
			t.Run(name+"/"+format, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Cost(&buf, format, CostInput{Report: r}); err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join("testdata", "cost", name+"."+costExt[format]), buf.Bytes())
				checkCostSyntax(t, format, buf.Bytes())
			})
		}
	}
}

// checkCostSyntax checks what a golden file cannot: that the JSON and CSV
// parse, and that the JSON's rows and unallocated add up to its total.
func checkCostSyntax(t *testing.T, format string, out []byte) {
	t.Helper()
	switch format {
	case "json":
		var doc struct {
			Rows []struct {
				Total string `json:"total"`
			} `json:"rows"`
			Totals struct {
				Unallocated string `json:"unallocated"`
				Total       string `json:"total"`
			} `json:"totals"`
		}
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatalf("invalid JSON: %v", err)
		}
		sum := decimal.MustParse(doc.Totals.Unallocated)
		for _, r := range doc.Rows {
			sum = sum.Add(decimal.MustParse(r.Total))
		}
		if !sum.Equal(decimal.MustParse(doc.Totals.Total)) {
			t.Errorf("rows + unallocated = %s, totals.total %s", sum, doc.Totals.Total)
		}
	case "csv":
		if _, err := csv.NewReader(bytes.NewReader(out)).ReadAll(); err != nil {
			t.Fatalf("invalid CSV: %v", err)
		}
	}
}

func TestGrouped(t *testing.T) {
	for in, want := range map[string]string{
		"0": "0.00", "999.5": "999.50", "1000": "1,000.00", "-1234567.891": "-1,234,567.89", "123456": "123,456.00",
	} {
		if got := grouped(decimal.MustParse(in), 2); got != want {
			t.Errorf("grouped(%s) = %s, want %s", in, got, want)
		}
	}
	if got := grouped(decimal.MustParse("1234567"), 0); got != "1,234,567" {
		t.Errorf("grouped(1234567, 0) = %s", got)
	}
}
