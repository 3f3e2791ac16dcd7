package render

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/svccat/svccat/internal/golden"
	"github.com/svccat/svccat/internal/graph"
)

var impactExt = map[string]string{"text": "txt", "json": "json"}

func TestImpactGolden(t *testing.T) {
	c := loadAcme(t)
	for _, tc := range []struct {
		name  string
		names []string
	}{
		{"database", []string{"database"}},
		{"monitoring-crm", []string{"monitoring", "crm"}},
	} {
		o, err := graph.Impact(c, tc.names)
		if err != nil {
			t.Fatal(err)
		}
		for _, format := range ImpactFormats.Names() {
			t.Run(tc.name+"/"+format, func(t *testing.T) {
				var buf bytes.Buffer
				if err := Impact(&buf, format, ImpactInput{Outage: o}); err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join("testdata", "impact", tc.name+"."+impactExt[format]), buf.Bytes())
				if format == "json" && !json.Valid(buf.Bytes()) {
					t.Error("invalid JSON")
				}
			})
		}
	}
}
