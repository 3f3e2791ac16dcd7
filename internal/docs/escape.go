package docs

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Catalog text — titles, descriptions, narratives, list items — is data,
// not Markdown: a title such as "A | B" must not split a table cell, and
// "<script>" must not reach a reader's browser as HTML. The functions
// below turn such text into Markdown that renders as the same characters.

// Inline escapes s for use inside one line of Markdown: a paragraph, a list
// item, a heading, a link text or a table cell. Line breaks collapse to
// spaces (a newline would end a table row or a list item); every character
// that CommonMark or GitHub gives a meaning to is backslash-escaped, so
// the text can open no emphasis, link, code span, HTML tag, table cell or
// math block. Characters that only matter at the start of a line (#, -,
// +, =, "1.") are escaped there.
func Inline(s string) string {
	s = oneLine(s)
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
			if i == 0 {
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
	// "1. x" or "1) x" at the start of a line would open an ordered list.
	if m := orderedRE.FindStringIndex(out); m != nil {
		out = out[:m[1]-1] + "\\" + out[m[1]-1:]
	}
	return out
}

var (
	entityRE  = regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});`)
	orderedRE = regexp.MustCompile(`^[0-9]{1,9}[.)]`)
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

// oneLine collapses every run of white space (line breaks included) to
// one space, drops control and invisible formatting characters, and trims
// the ends.
func oneLine(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u2028' || r == '\u2029':
			space = true
			continue
		case r == '\uFFFD' || unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			// Control characters and bidi overrides have no business in
			// a title and can make the source lie about what renders.
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
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
	s = oneLine(s)
	if s == "" || strings.Contains(s, "|") {
		return Inline(s)
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
