package diff

import (
	"sort"

	"github.com/svccat/svccat/internal/cost"
	"github.com/svccat/svccat/internal/decimal"
)

var hundred = decimal.FromInt(100)

// compareCost compares the cost reports by service (every service, full
// total), segment and market, with the cost command's defaults. A side
// whose costs cannot be summed (a currency mismatch, a dependency cycle)
// has no cost report.
func compareCost(base, head Side, opt Options, omitted []Omission) (*Cost, []Omission) {
	reports := func(s Side, label string) []*cost.Report {
		for _, f := range s.Findings {
			if f.Rule == "currency-mismatch" || f.Rule == "dependency-cycle" {
				omitted = append(omitted, Omission{Side: label, Sections: []string{SectionCost}, Reason: "no cost report: " + f.Rule + " (" + f.Message + ")"})
				return nil
			}
		}
		a := cost.Allocate(s.Catalog, s.Config, opt.Period)
		var out []*cost.Report
		for _, by := range cost.Groupings {
			// The rows' totals are all a diff compares: the report by
			// service without tracing each row to its sources.
			newReport := cost.NewReport
			if by == cost.ByService {
				newReport = func(a *cost.Allocation, _ string) (*cost.Report, error) { return cost.NewUnitReport(a) }
			}
			r, err := newReport(a, by)
			if err != nil {
				omitted = append(omitted, Omission{Side: label, Sections: []string{SectionCost}, Reason: err.Error()})
				return nil
			}
			out = append(out, r)
		}
		return out
	}
	br, hr := reports(base, "base"), reports(head, "head")
	if br == nil || hr == nil {
		return nil, omitted
	}
	if br[0].Currency != hr[0].Currency {
		omitted = append(omitted, Omission{Side: "head", Sections: []string{SectionCost},
			Reason: "the currency changed from " + br[0].Currency + " to " + hr[0].Currency + "; svccat converts no currency"})
		return nil, omitted
	}
	c := &Cost{Currency: hr[0].Currency, Period: hr[0].Period, Places: hr[0].Places,
		Before: br[0].Totals.Total, After: hr[0].Totals.Total}
	c.Delta = c.After.Sub(c.Before)
	c.DeltaPercent = percent(c.Delta, c.Before)
	limit := c.Before.Mul(opt.CostThreshold)
	limit, _ = limit.Quo(hundred)
	c.increasedPastTheLimit = c.Delta.Sign() > 0 && c.Delta.Cmp(limit) > 0
	for i, by := range cost.Groupings {
		c.Rows = append(c.Rows, costRows(by, br[i], hr[i], opt.CostThreshold)...)
	}
	return c, omitted
}

func percent(delta, base decimal.Decimal) *decimal.Decimal {
	if base.IsZero() {
		return nil
	}
	p, ok := delta.Mul(hundred).Quo(base)
	if !ok {
		return nil
	}
	return &p
}

// costRows lists the rows of one grouping whose total moved: the delta is
// not 0 and above the threshold (or there is no base amount), largest
// change first.
func costRows(by string, before, after *cost.Report, threshold decimal.Decimal) []CostRow {
	totals := func(r *cost.Report) (map[string]decimal.Decimal, []string) {
		m := map[string]decimal.Decimal{}
		var names []string
		rows := r.Rows
		if by == cost.ByService {
			rows = append(append([]cost.Row(nil), r.Rows...), r.Supporting...)
		}
		for _, row := range rows {
			if _, dup := m[row.Name]; !dup {
				names = append(names, row.Name)
			}
			m[row.Name] = row.Total
		}
		return m, names
	}
	b, bnames := totals(before)
	a, anames := totals(after)
	seen := map[string]bool{}
	var out []CostRow
	for _, name := range append(anames, bnames...) {
		if seen[name] {
			continue
		}
		seen[name] = true
		row := CostRow{By: by, Name: name}
		var bv, av decimal.Decimal
		if x, ok := b[name]; ok {
			bv = x
			row.Before = &x
		}
		if y, ok := a[name]; ok {
			av = y
			row.After = &y
		}
		row.Delta = av.Sub(bv)
		if row.Delta.IsZero() {
			continue
		}
		if row.Before != nil {
			row.DeltaPercent = percent(row.Delta, bv)
		}
		if row.DeltaPercent != nil && abs(*row.DeltaPercent).Cmp(threshold) <= 0 {
			continue
		}
		out = append(out, row)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := abs(out[i].Delta).Cmp(abs(out[j].Delta)); c != 0 {
			return c > 0
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func abs(d decimal.Decimal) decimal.Decimal {
	if d.Sign() < 0 {
		return d.Neg()
	}
	return d
}
