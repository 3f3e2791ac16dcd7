package docs

import (
	"bytes"
	"embed"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/decimal"
	"github.com/svccat/svccat/internal/duration"
	"github.com/svccat/svccat/internal/mdtext"
	"github.com/svccat/svccat/internal/plural"
)

//go:embed templates/*.md.tmpl
var templateFS embed.FS

// templates holds every page template. Templates lay pages out; every
// piece of catalog text goes through one of the escaping functions
// (text, paras, code, url, …), never straight into the page.
var templates = template.Must(template.New("").Funcs(funcs).ParseFS(templateFS, "templates/*.md.tmpl"))

var funcs = template.FuncMap{
	"text":    mdtext.Inline,
	"paras":   mdtext.Paragraphs,
	"code":    mdtext.Code,
	"url":     mdtext.URL,
	"contact": contact,
	"dur":     duration.Format,
	"optdur":  optDuration,
	"durp":    durationPtr,
	"tier":    tierText,
	"met":     metText,
	"count":   plural.Count,
	"plural":  plural.Noun,
	"join":    joinText,
	"anchor":  mdtext.Slug,
	"kind":    kindText,
	"add":     func(a, b int) int { return a + b },
	"dash":    dash,
	"sub":     func(a, b int) int { return a - b },
	"deref":   func(b *bool) bool { return b != nil && *b },
	"size":    sizeText,
	"window":  window,
	"sorted":  sorted,
	"money":   money,
	"moneyp":  moneyPtr,
	"volume":  volume,
	"neg":     negative,
	"summary": summary,
	// measures.go
	"pct":       pct,
	"pctv":      pctv,
	"ptr":       ptr,
	"days":      days,
	"signedPct": signedPct,
	"num":       num,
	"date":      date,
	"intp":      intp,
	"int64p":    int64p,
	"ratio":     ratio,
	"mean":      mean,
	"slo":       sloText,
}

// optDuration writes a duration field, or "not set".
func optDuration(d catalog.Duration) string {
	if !d.Set {
		return "not set"
	}
	return duration.Format(d.D)
}

func durationPtr(d *time.Duration) string {
	if d == nil {
		return "—"
	}
	return duration.Format(*d)
}

// tierText writes an impact tier: "1", or "—" when none is declared.
func tierText(t *int) string {
	if t == nil {
		return "—"
	}
	return strconv.Itoa(*t)
}

// metText says whether a restore step meets its RTO.
func metText(m *bool) string {
	switch {
	case m == nil:
		return "no RTO"
	case *m:
		return "met"
	default:
		return "**missed**"
	}
}

// joinText escapes each string and joins them with commas; "—" for none.
func joinText(xs []string) string {
	if len(xs) == 0 {
		return "—"
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = mdtext.Inline(x)
	}
	return strings.Join(out, ", ")
}

var emailRE = regexp.MustCompile(`^[A-Za-z0-9.!#$%&'*+/=?^_{}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$`)

// contact writes a team's contact: an email address or a URL as a link,
// anything else (a chat channel) as text.
func contact(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "not recorded"
	}
	if emailRE.MatchString(s) {
		return "<" + s + ">"
	}
	return mdtext.URL(s)
}

func kindText(service *catalog.Service) string {
	if service.IsBusiness() {
		return "business"
	}
	return "supporting"
}

// tidy normalises a rendered page, so that templates can be written for
// legibility: trailing spaces go (two would be a hard line break), runs of
// blank lines become one, and the page ends with exactly one newline.
func tidy(b []byte) []byte {
	lines := bytes.Split(b, []byte("\n"))
	var out bytes.Buffer
	out.Grow(len(b))
	blank := true // drop leading blank lines
	for _, l := range lines {
		l = bytes.TrimRight(l, " \t")
		if len(l) == 0 {
			blank = true
			continue
		}
		if blank && out.Len() > 0 {
			out.WriteByte('\n')
		}
		blank = false
		out.Write(l)
		out.WriteByte('\n')
	}
	return out.Bytes()
}

// dash stands in for an empty cell.
func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func sizeText(n *int64) string {
	if n == nil {
		return "—"
	}
	return money(decimal.FromInt(*n), 0)
}

// summary is the first sentence of s, escaped: enough to say who a
// persona is in a list.
func summary(s string) string {
	s = mdtext.Plain(s)
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i+1]
	}
	return mdtext.Inline(s)
}

// window writes an SLO window in the largest unit that divides it:
// "30d" reads better than "720h".
func window(d catalog.Duration) string {
	switch {
	case !d.Set:
		return "not set"
	case d.D > 0 && d.D%duration.Day == 0:
		return strconv.FormatInt(int64(d.D/duration.Day), 10) + "d"
	}
	return duration.Format(d.D)
}
