package validate

import (
	"fmt"
	"testing"

	"github.com/svccat/svccat/internal/source"
)

func TestMessagesProbe(t *testing.T) {
	docs, probs := source.Parse("x.yaml", []byte(`apiVersion: svccat/v1
kind: Service
metadata:
  name: Corporate_email
  ownr: x
spec:
  type: busines
  tier: 3
  owner: [a]
  impact: {tier: 7, rto: 4x}
  dependsOn: [a, {service: b, type: soft, weight: 0}, {type: hard}]
  slos: [{name: a, indicator: avail, objective: 100}]
  cost: {currency: usd, pools: {hardware: -1, software: "12.50", x: [1]}}
---
apiVersion: svccat/v1
kind: Segment
metadata: {name: ok}
spec: {}
`))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for _, d := range docs {
		r := Document(d)
		for _, i := range r.Issues {
			fmt.Println(i.Pos, i.Message)
		}
	}
}
