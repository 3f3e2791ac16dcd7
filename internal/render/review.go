package render

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter/tw"
	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/mdtext"
	"github.com/svccat/svccat/internal/measure"
	"github.com/svccat/svccat/internal/safetext"
)

// ReviewInput is what a review printer may use.
type ReviewInput struct {
	Review *measure.Review
}

// ReviewFormats are the service review's output formats, the default
// first.
var ReviewFormats = Formats[ReviewInput]{
	{"table", ReviewTable}, {"csv", ReviewCSV}, {"json", ReviewJSON}, {"markdown", ReviewMarkdown},
}

// The words and figures every review format shares.

func reviewTitle(r *measure.Review) string {
	return fmt.Sprintf("Service review by %s, as of %s", r.By, r.AsOf.Format("2006-01-02"))
}

func reviewNote(r *measure.Review) string {
	cur := r.Currency
	if cur == "" {
		cur = "the catalog's currency"
	}
	return fmt.Sprintf("Planned is converted to the measurement's period; variance = (consumed − planned) / planned. Satisfaction is score / scale. Unit cost and price per unit, recovery per %s, in %s, from the cost report.", r.CostPeriod, cur)
}

// reviewGrid lays the review out as a header and cells.
func reviewGrid(r *measure.Review) ([]string, [][]string) {
	header := []string{r.By, "period", "planned", "consumed", "variance", "objective", "availability", "slo", "satisfaction", "responses", "unit cost", "price", "recovery", "findings"}
	var cells [][]string
	for _, row := range r.Rows {
		period := "no measurement"
		if !row.Period.IsZero() {
			period = row.Period.String()
		}
		if row.Services > 1 || r.By != measure.ByService {
			period = fmt.Sprintf("%s (%d of %d measured)", dashIfEmpty(row.Period.String()), row.Measured, row.Services)
		}
		sat, resp := "-", "-"
		if s := row.Satisfaction; s != nil {
			sat = pctText(&s.Percent, 1)
			if s.Responses != nil {
				resp = fmt.Sprint(*s.Responses)
			}
		}
		cells = append(cells, []string{
			row.Name, period, volumeText(row.Planned), volumeText(row.Consumed), signedPctText(row.VariancePercent),
			pctText(row.Objective, 3), pctText(row.Availability, 3), metWord(row.SLOMet), sat, resp,
			dashIfEmpty(optMoney(row.UnitCost, row.UnitPlaces, grouped)), dashIfEmpty(optMoney(row.Price, row.UnitPlaces, grouped)), dashIfEmpty(optMoney(row.Recovery, r.Places, grouped)),
			dashIfEmpty(strings.Join(row.Findings, ", ")),
		})
	}
	return header, cells
}

// volumeText is a volume with up to two decimals, grouped; "-" for none.
func volumeText(d *decimal.Decimal) string {
	if d == nil {
		return "-"
	}
	v := d.Round(2)
	for p := 0; p < 2; p++ {
		if v.Round(p).Equal(v) {
			return v.Grouped(p)
		}
	}
	return v.Grouped(2)
}

// pctText writes a percent with at most places decimals; "-" for none.
func pctText(d *decimal.Decimal, places int) string {
	if d == nil {
		return "-"
	}
	return d.Round(places).String() + "%"
}

func signedPctText(d *decimal.Decimal) string {
	if d == nil {
		return "-"
	}
	v := d.Round(1)
	if v.Sign() > 0 {
		return "+" + v.String() + "%"
	}
	return v.String() + "%"
}

func metWord(m *bool) string {
	switch {
	case m == nil:
		return "-"
	case *m:
		return "met"
	}
	return "missed"
}

// jsonNumber writes d as a JSON number rounded to places; null for nil.
func jsonNumber(d *decimal.Decimal, places int) *json.Number {
	if d == nil {
		return nil
	}
	n := json.Number(d.Round(places).String())
	return &n
}

type jsonReviewSatisfaction struct {
	Score     *json.Number `json:"score"`
	Scale     *json.Number `json:"scale"`
	Responses *int64       `json:"responses"`
	Percent   *json.Number `json:"percent"`
}

type jsonReviewRow struct {
	Name            string                  `json:"name"`
	Period          *string                 `json:"period"`
	Planned         *json.Number            `json:"planned"`
	Consumed        *json.Number            `json:"consumed"`
	VariancePercent *json.Number            `json:"variancePercent"`
	Objective       *json.Number            `json:"objective"`
	Availability    *json.Number            `json:"availability"`
	SLOMet          *bool                   `json:"sloMet"`
	Satisfaction    *jsonReviewSatisfaction `json:"satisfaction"`
	UnitCost        *string                 `json:"unitCost"`
	Price           *string                 `json:"price"`
	Recovery        *string                 `json:"recovery"`
	Findings        []string                `json:"findings"`
}

type jsonReview struct {
	AsOf string `json:"asOf"`
	// By is given for a review by segment or market only, whose rows
	// are groups.
	By   string          `json:"by,omitempty"`
	Rows []jsonReviewRow `json:"rows"`
}

// ReviewJSON writes the review as SPEC's review section defines it:
// missing values null with their keys present, money as decimal strings,
// percents and volumes as numbers.
func ReviewJSON(w io.Writer, in ReviewInput) error {
	r := in.Review
	out := jsonReview{AsOf: r.AsOf.Format("2006-01-02"), Rows: []jsonReviewRow{}}
	if r.By != measure.ByService {
		out.By = r.By
	}
	for _, row := range r.Rows {
		j := jsonReviewRow{
			Name: row.Name, Planned: jsonNumber(row.Planned, 6), Consumed: jsonNumber(row.Consumed, 6),
			VariancePercent: jsonNumber(row.VariancePercent, 2), Objective: jsonNumber(row.Objective, 6),
			Availability: jsonNumber(row.Availability, 6), SLOMet: row.SLOMet,
			UnitCost: optString(row.UnitCost, func(d decimal.Decimal) string { return plain(d, row.UnitPlaces) }),
			Price:    optString(row.Price, func(d decimal.Decimal) string { return plain(d, row.UnitPlaces) }),
			Recovery: optString(row.Recovery, func(d decimal.Decimal) string { return plain(d, r.Places) }),
			Findings: append([]string{}, row.Findings...),
		}
		if !row.Period.IsZero() {
			p := row.Period.String()
			j.Period = &p
		}
		if s := row.Satisfaction; s != nil {
			js := &jsonReviewSatisfaction{Responses: s.Responses, Percent: jsonNumber(&s.Percent, 2)}
			if !s.Scale.IsZero() {
				js.Score, js.Scale = jsonNumber(&s.Score, 6), jsonNumber(&s.Scale, 6)
			}
			j.Satisfaction = js
		}
		out.Rows = append(out.Rows, j)
	}
	return WriteJSON(w, out)
}

// ReviewTable writes the review for a terminal.
func ReviewTable(w io.Writer, in ReviewInput) error {
	r := in.Review
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, reviewTitle(r))
	fmt.Fprintln(bw)
	header, cells := reviewGrid(r)
	if err := columnsTable(bw, header, cells, map[int]bool{2: true, 3: true, 4: true, 5: true, 6: true, 8: true, 9: true, 10: true, 11: true, 12: true}); err != nil {
		return err
	}
	fmt.Fprintln(bw)
	fmt.Fprintln(bw, reviewNote(r))
	return bw.Flush()
}

// ReviewMarkdown writes the review as a Markdown section.
func ReviewMarkdown(w io.Writer, in ReviewInput) error {
	r := in.Review
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", mdtext.Cell(reviewTitle(r)))
	header, cells := reviewGrid(r)
	mdCostTable(bw, header, cells, false)
	fmt.Fprintln(bw)
	fmt.Fprintln(bw, mdtext.Cell(reviewNote(r)))
	return bw.Flush()
}

// ReviewCSV writes one line per row under a header of the JSON keys
// (satisfaction flattened to satisfaction.score and so on); a missing
// value is empty, findings are separated by spaces.
func ReviewCSV(w io.Writer, in ReviewInput) error {
	r := in.Review
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"name", "period", "planned", "consumed", "variancePercent", "objective", "availability", "sloMet",
		"satisfaction.score", "satisfaction.scale", "satisfaction.responses", "satisfaction.percent", "unitCost", "price", "recovery", "findings"}); err != nil {
		return err
	}
	num := func(d *decimal.Decimal, places int) string {
		if d == nil {
			return ""
		}
		return d.Round(places).String()
	}
	for _, row := range r.Rows {
		met := ""
		if row.SLOMet != nil {
			met = fmt.Sprint(*row.SLOMet)
		}
		var score, scale, resp, pct string
		if s := row.Satisfaction; s != nil {
			if !s.Scale.IsZero() {
				score, scale = num(&s.Score, 6), num(&s.Scale, 6)
			}
			if s.Responses != nil {
				resp = fmt.Sprint(*s.Responses)
			}
			pct = num(&s.Percent, 2)
		}
		period := ""
		if !row.Period.IsZero() {
			period = row.Period.String()
		}
		if err := cw.Write([]string{
			row.Name, period, num(row.Planned, 6), num(row.Consumed, 6), num(row.VariancePercent, 2),
			num(row.Objective, 6), num(row.Availability, 6), met, score, scale, resp, pct,
			optMoney(row.UnitCost, row.UnitPlaces, plain), optMoney(row.Price, row.UnitPlaces, plain), optMoney(row.Recovery, r.Places, plain),
			strings.Join(row.Findings, " "),
		}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// columnsTable writes rows like numberTable, with the columns marked in
// right right-aligned (numbers) and the others left-aligned (text).
func columnsTable(w io.Writer, header []string, rows [][]string, right map[int]bool) error {
	align := make([]tw.Align, len(header))
	for i := range align {
		align[i] = tw.AlignLeft
		if right[i] {
			align[i] = tw.AlignRight
		}
	}
	clean := make([][]string, len(rows))
	for i, r := range rows {
		clean[i] = make([]string, len(r))
		for j, x := range r {
			clean[i][j] = safetext.Line(x)
		}
	}
	up := make([]string, len(header))
	for i, h := range header {
		up[i] = strings.ToUpper(h)
	}
	return alignedTable(w, up, clean, align)
}
