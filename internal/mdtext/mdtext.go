// Package mdtext writes catalog text as GitHub Markdown that renders as
// the same characters: the one Markdown escaper of svccat's reports, lint
// summaries and docs site.
package mdtext

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/svccat/svccat/internal/safetext"
)

// Catalog text — titles, descriptions, narratives, list items — is data,
// not Markdown: a title such as "A | B" must not split a table cell,
// "<script>" must not reach a reader's browser as HTML, "$x$" must not
// become maths, and an escape or bidi control must not hide what the text
// says. The functions below turn such text into Markdown that renders as
// the same characters, control characters shown as escapes (\x1b,
// \u202e).

// Inline escapes s for use inside one line of Markdown: a paragraph, a list
// item, a heading, a link text or a table cell. Line breaks collapse to
// spaces (a newline would end a table row or a list item); every character
// that CommonMark or GitHub gives a meaning to is backslash-escaped, so
// the text can open no emphasis, link, code span, HTML tag, table cell or
// math block. Characters that only matter at the start of a line (#, -,
// +, =, "1.") are escaped there. It renders as Plain(s).
func Inline(s string) string { return escape(s, true) }

// Cell is Inline for text that never starts a Markdown line: a table
// cell, or text after a list marker, a heading's hashes or other words.
// There "-", "+0.7%" or "1. x" open nothing, and stay unescaped.
func Cell(s string) string { return escape(s, false) }

func escape(s string, lineStart bool) string {
	s = Plain(s)
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '$':
			b.WriteByte('\\')
		case '#', '-', '+', '=':
			if i == 0 && lineStart {
				b.WriteByte('\\')
			}
		case '&':
			// Only where it would start an entity (&lt;, &#60;): a plain
			// "R&D" reads better unescaped.
			if entityRE.MatchString(s[i:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	out := b.String()
	// "1. x" or "1) x" at the start of a line would open an ordered list
	// ("1.5" would not: the marker needs a space or the end after it).
	if m := orderedRE.FindStringSubmatchIndex(out); lineStart && m != nil {
		out = out[:m[3]-1] + "\\" + out[m[3]-1:]
	}
	return out
}

var (
	entityRE  = regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});`)
	orderedRE = regexp.MustCompile(`^([0-9]{1,9}[.)])(?: |$)`)
)

// Paragraphs escapes multi-line text (a description, a persona's
// narrative) as Markdown paragraphs: blank lines separate paragraphs, and
// each paragraph is escaped with Inline.
func Paragraphs(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			if p := Inline(strings.Join(cur, " ")); p != "" {
				paras = append(paras, p)
			}
			cur = nil
		}
	}
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// Plain is the text Inline(s) renders as: every run of white space (line
// breaks included) collapsed to one space, the ends trimmed, and control
// characters (C0 but white space, DEL, C1) and bidirectional controls
// shown as escapes, "\x1b" and "\u202e", so that the rendered text shows
// what the source holds.
func Plain(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u2028' || r == '\u2029' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if safetext.IsControl(r) {
			b.WriteString(safetext.EscapeRune(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Code writes s as an inline code span, for identifiers such as rule ids
// and entity names. A span cannot hold a backslash escape, so the fence
// grows past the longest run of backticks inside; a '|' cannot be written
// inside a table cell's code span at all, so callers use Code only for
// text without one (names and ids never have one) and fall back to Inline.
func Code(s string) string {
	s = Plain(s)
	if s == "" || strings.Contains(s, "|") {
		return Cell(s)
	}
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || (strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ")) {
		pad = " "
	}
	return fence + pad + s + pad + fence
}

var urlRE = regexp.MustCompile(`^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*)?(\?[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*)?(#[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*)?$`)

// URL writes s as a link when it is a plain http(s) URL, and as escaped
// text otherwise: a javascript: or data: URL, or one with spaces or angle
// brackets, must not become a clickable link.
func URL(s string) string {
	s = strings.TrimSpace(s)
	if urlRE.MatchString(s) && !strings.ContainsAny(s, "<>") {
		return "<" + s + ">"
	}
	return Inline(s)
}

// Slug is the anchor GitHub gives a heading with the text s: lower case,
// spaces to hyphens, punctuation other than '-' and '_' dropped. Repeated
// headings get -1, -2 … (see Slugger).
func Slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Slugger gives a page's headings unique anchors the way GitHub does
// (github-slugger): the second "Costs" heading is "costs-1".
type Slugger struct{ seen map[string]int }

// Slug returns the anchor of the next heading with text s.
func (g *Slugger) Slug(s string) string {
	if g.seen == nil {
		g.seen = map[string]int{}
	}
	base := Slug(s)
	slug := base
	for {
		if _, dup := g.seen[slug]; !dup {
			break
		}
		g.seen[base]++
		slug = base + "-" + strconv.Itoa(g.seen[base])
	}
	g.seen[slug] = 0
	return slug
}

// Fence writes code as a fenced block (lang may be empty), with a fence
// longer than any run of backticks in it; control characters are shown
// as escapes, so that the block shows what the source holds.
func Fence(lang, code string) string {
	var b strings.Builder
	for _, r := range strings.ReplaceAll(strings.ReplaceAll(code, "\r\n", "\n"), "\r", "\n") {
		if r != '\n' && safetext.IsControl(r) {
			b.WriteString(safetext.EscapeRune(r))
			continue
		}
		b.WriteRune(r)
	}
	code = b.String()
	f := "```"
	for strings.Contains(code, f) {
		f += "`"
	}
	return f + lang + "\n" + strings.TrimRight(code, "\n") + "\n" + f
}
