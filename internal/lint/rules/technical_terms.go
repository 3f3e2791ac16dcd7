package rules

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The internal-focus rule's reading of a name. The vocabulary is data
// (internal_focus_lexicon.yaml, documented there); this file holds the
// morphology (case, hyphens, plurals, gerunds, CamelCase, acronyms) and
// the grammar a reviewer applies: an IT activity applied to a technical
// object is an internal function, an activity applied to an outcome noun
// is business.

//go:embed internal_focus_lexicon.yaml
var lexiconYAML []byte

// lexiconFile is the shape of internal_focus_lexicon.yaml.
type lexiconFile struct {
	Objects struct {
		Infrastructure []string `yaml:"infrastructure"`
		Products       []string `yaml:"products"`
	} `yaml:"objects"`
	Abbreviations map[string]string `yaml:"abbreviations"`
	Activities    []struct {
		Nouns  []string `yaml:"nouns"`
		Verbs  []string `yaml:"verbs"`
		ITOnly bool     `yaml:"itOnly"`
	} `yaml:"activities"`
	Practices      []string `yaml:"practices"`
	Jargon         []string `yaml:"jargon"`
	Fillers        []string `yaml:"fillers"`
	ProductMarkers []string `yaml:"productMarkers"`
	Outcomes       []string `yaml:"outcomes"`
	Industries     []struct {
		Name   string   `yaml:"name"`
		Senses []string `yaml:"senses"`
		Cues   []string `yaml:"cues"`
	} `yaml:"industries"`
	Units struct {
		Technical []string `yaml:"technical"`
		Business  []string `yaml:"business"`
	} `yaml:"units"`
	AudienceWords []string `yaml:"audienceWords"`
}

// termClass says what a run of words is to a reviewer. A run may be
// several things ("backup" is an object and an activity).
type termClass uint16

const (
	infraObject   termClass = 1 << iota // reads as infrastructure even alone
	productObject                       // a thing people use; internal only with an activity
	activity                            // something IT does to an object
	itOnly                              // an activity only IT does ("patching")
	practice                            // an IT practice offered as a product
	jargon                              // IT jargon for an internal function
	configured                          // a phrase from internalFocus.terms
	outcome                             // what a customer buys or cares about
	filler                              // says nothing ("services", "platform")
	marker                              // "managed", "as a service"
	connector                           // "and", "or", "&"
	preposition                         // "of", "for", "on"

	object = infraObject | productObject
)

// connectors and prepositions are grammar, not vocabulary.
var (
	connectorWords   = map[string]bool{"and": true, "or": true, "plus": true, "n": true}
	prepositionWords = map[string]bool{"of": true, "for": true, "on": true, "across": true, "in": true, "with": true, "to": true, "at": true, "by": true, "from": true, "within": true}
)

// lexEntry is one vocabulary phrase.
type lexEntry struct {
	// forms[i] are the surface forms word i may take.
	forms [][]string
	// text is the phrase as written; means is what an abbreviation
	// stands for ("" otherwise).
	text, means string
	class       termClass
	// acronym entries match a title's word only when it is in capitals.
	acronym bool
}

type industry struct {
	name   string
	senses map[string]bool
}

// industrySet holds industries by their index in lexicon.industries.
type industrySet uint64

// cue is a phrase that shows an industry, indexed by its first word.
type cue struct {
	industry int
	words    []string
}

// lexicon is the vocabulary, indexed by the surface forms of each
// phrase's first word.
type lexicon struct {
	first map[string][]*lexEntry
	known map[string]bool // every surface form of every word
	// spelled maps a one-word abbreviation to the word it stands for,
	// so that phrases match it too ("Problem Mgmt").
	spelled    map[string]string
	industries []industry
	cues       map[string][]cue
	techUnits  map[string]bool
	bizUnits   map[string]bool
	audience   map[string]bool
}

var defaultLexicon = sync.OnceValue(func() *lexicon {
	var f lexiconFile
	if err := yaml.Unmarshal(lexiconYAML, &f); err != nil {
		panic(fmt.Sprintf("internal_focus_lexicon.yaml: %v", err))
	}
	return newLexicon(&f)
})

func newLexicon(f *lexiconFile) *lexicon {
	l := &lexicon{first: map[string][]*lexEntry{}, known: map[string]bool{}, cues: map[string][]cue{}, spelled: map[string]string{}}
	for _, t := range f.Objects.Infrastructure {
		l.add(t, infraObject, false)
	}
	for _, t := range f.Objects.Products {
		l.add(t, productObject, false)
	}
	for _, a := range f.Activities {
		c := activity
		if a.ITOnly {
			c |= itOnly
		}
		for _, t := range a.Nouns {
			l.add(t, c, false)
		}
		for _, t := range a.Verbs {
			l.add(t, c, true)
		}
	}
	for _, t := range f.Practices {
		l.add(t, practice, false)
	}
	for _, t := range f.Jargon {
		l.add(t, jargon, false)
	}
	for _, t := range f.Fillers {
		l.add(t, filler, false)
	}
	for _, t := range f.ProductMarkers {
		l.add(t, marker, false)
	}
	for _, t := range f.Outcomes {
		l.add(t, outcome, false)
	}
	// Abbreviations take the classes of what they stand for.
	for abbr, means := range f.Abbreviations {
		var c termClass
		for _, e := range l.first[strings.Fields(means)[0]] {
			if e.text == means {
				c |= e.class
			}
		}
		if c == 0 {
			panic(fmt.Sprintf("internal_focus_lexicon.yaml: abbreviation %q stands for %q, which is no entry", abbr, means))
		}
		for _, e := range l.add(abbr, c, false) {
			e.means = means
		}
		if !strings.Contains(means, " ") {
			for _, f := range nounForms(abbr) {
				l.spelled[f] = means
			}
		}
	}
	if len(f.Industries) > 64 {
		panic("internal_focus_lexicon.yaml: more than 64 industries")
	}
	for i, ind := range f.Industries {
		in := industry{name: ind.Name, senses: map[string]bool{}}
		for _, s := range ind.Senses {
			in.senses[s] = true
		}
		for _, c := range ind.Cues {
			ws := strings.Fields(strings.ToLower(c))
			for j := range ws {
				ws[j] = singular(ws[j])
			}
			l.cues[ws[0]] = append(l.cues[ws[0]], cue{industry: i, words: ws})
		}
		l.industries = append(l.industries, in)
	}
	l.techUnits, l.bizUnits, l.audience = set(f.Units.Technical), set(f.Units.Business), set(f.AudienceWords)
	return l
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[strings.ToLower(w)] = true
	}
	return m
}

// add indexes a phrase. A phrase written in capitals is an acronym; verbs
// take gerund and past forms, everything takes plurals.
func (l *lexicon) add(text string, c termClass, verb bool) []*lexEntry {
	acronym := text == strings.ToUpper(text) && strings.ToLower(text) != text
	ws := strings.Fields(strings.ToLower(strings.NewReplacer("-", " ", "/", " ").Replace(text)))
	if len(ws) == 0 {
		return nil
	}
	e := &lexEntry{text: strings.Join(ws, " "), class: c, acronym: acronym}
	for i, w := range ws {
		var forms []string
		switch {
		case verb && i == 0:
			forms = verbForms(w)
		case verb:
			forms = []string{w} // "back up": only the verb inflects
		default:
			forms = nounForms(w)
		}
		e.forms = append(e.forms, forms)
		for _, f := range forms {
			l.known[f] = true
		}
	}
	// An entry already there with the same words gains the class.
	for _, o := range l.first[ws[0]] {
		if o.text == e.text && sameForms(o.forms, e.forms) {
			o.class |= c
			o.acronym = o.acronym && acronym
			return []*lexEntry{o}
		}
	}
	for _, f := range e.forms[0] {
		l.first[f] = append(l.first[f], e)
	}
	return []*lexEntry{e}
}

func sameForms(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], " ") != strings.Join(b[i], " ") {
			return false
		}
	}
	return true
}

// nounForms are a noun and its plurals: "server", "servers"; "patch",
// "patches"; "directory", "directories".
func nounForms(w string) []string {
	out := []string{w, w + "s"}
	switch {
	case strings.HasSuffix(w, "y") && len(w) > 2 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		out = append(out, w[:len(w)-1]+"ies")
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		out = append(out, w+"es")
	}
	return out
}

// verbForms are a verb's gerund and past forms: "managing", "managed";
// "patching"; "planning", "planned". The bare verb is left out: "host"
// and "patch" are objects as often as verbs.
func verbForms(w string) []string {
	var out []string
	stem := w
	if strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") {
		stem = w[:len(w)-1]
	}
	out = append(out, stem+"ing", stem+"ed")
	if n := len(w); n >= 3 && isConsonant(w[n-1]) && !strings.ContainsRune("wxy", rune(w[n-1])) && !isConsonant(w[n-2]) && isConsonant(w[n-3]) {
		out = append(out, w+w[n-1:]+"ing", w+w[n-1:]+"ed") // plan → planning
	}
	return out
}

func isConsonant(b byte) bool { return b >= 'a' && b <= 'z' && !strings.ContainsRune("aeiou", rune(b)) }

// singular is a word's likely singular: "railways" is "railway",
// "utilities" "utility"; "gas" and "class" stay.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// industriesIn returns the industries whose cues occur in cls.
func (l *lexicon) industriesIn(cls [][]token) industrySet {
	var set industrySet
	for _, ts := range cls {
		for i, t := range ts {
			for _, c := range l.cues[singular(t.word)] {
				if i+len(c.words) > len(ts) {
					continue
				}
				ok := true
				for j, w := range c.words[1:] {
					if singular(ts[i+1+j].word) != w {
						ok = false
						break
					}
				}
				if ok {
					set |= 1 << c.industry
				}
			}
		}
	}
	return set
}

// industriesInText is industriesIn for running text, without building
// tokens: the catalog's segments and markets are read on every run.
func (l *lexicon) industriesInText(s string) industrySet {
	if s == "" {
		return 0
	}
	s = strings.ToLower(s)
	var ws [32]string
	words := ws[:0]
	start := -1
	for i, r := range s + " " {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			words = append(words, singular(s[start:i]))
			start = -1
		}
	}
	var set industrySet
	for i, w := range words {
		for _, c := range l.cues[w] {
			if i+len(c.words) > len(words) {
				continue
			}
			ok := true
			for j, cw := range c.words[1:] {
				if words[i+1+j] != cw {
					ok = false
					break
				}
			}
			if ok {
				set |= 1 << c.industry
			}
		}
	}
	return set
}

// token is one word of a name, lower-cased; caps says it was written in
// capitals ("LAN", "VMs").
type token struct {
	word string
	caps bool
}

// clauses splits s into runs of words at punctuation that ends a phrase
// (commas, brackets, full stops, a dash between spaces), and each run into
// words at anything else that is not a letter or digit, at letter/digit
// boundaries ("11kV"), and inside CamelCase words the lexicon does not
// know whole ("SysAdmin" is known, "FooOps" reads as "foo ops"). "&" and
// "+" read as "and".
func (l *lexicon) clauses(s string) [][]token {
	var out [][]token
	var cur []token
	lower := !strings.ContainsFunc(s, unicode.IsUpper)
	flushClause := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	prev := ' '
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWord(r):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !isWord(r2) {
					break
				}
				j += n2
			}
			cur = l.words(cur, s[i:j], lower)
			prev = 'a'
			i = j
			continue
		case r == '&' || r == '+':
			cur = append(cur, token{word: "and"})
		case strings.ContainsRune(",.;:()[]{}!?|\"–—", r):
			flushClause()
		case r == '-' && unicode.IsSpace(prev) && i+1 < len(s) && s[i+1] == ' ':
			flushClause()
		}
		prev = r
		i += n
	}
	flushClause()
	return out
}

// words appends the words of one run of letters and digits to out.
func (l *lexicon) words(out []token, w string, lowerInput bool) []token {
	start := 0
	prevDigit := false
	for i, r := range w {
		d := unicode.IsDigit(r)
		if i > 0 && d != prevDigit {
			out = l.word(out, w[start:i], lowerInput)
			start = i
		}
		prevDigit = d
	}
	return l.word(out, w[start:], lowerInput)
}

// word appends p, split at CamelCase changes when the lexicon does not
// know it whole.
func (l *lexicon) word(out []token, p string, lowerInput bool) []token {
	lw := strings.ToLower(p)
	if !lowerInput && !l.known[lw] {
		if camel := splitCamel(p); len(camel) > 1 {
			for _, c := range camel {
				out = append(out, l.tok(c, lowerInput))
			}
			return out
		}
	}
	return append(out, token{word: lw, caps: lowerInput || isCaps(p)})
}

func (l *lexicon) tok(p string, lowerInput bool) token {
	return token{word: strings.ToLower(p), caps: lowerInput || isCaps(p)}
}

// isCaps reports whether w is written as an acronym: "LAN", "VMs".
func isCaps(w string) bool {
	w = strings.TrimSuffix(w, "s")
	if len([]rune(w)) < 2 {
		return false
	}
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// splitCamel splits "SysAdmin" into "Sys", "Admin" at each lower-to-upper
// change; "VMs" and "LAN" stay whole.
func splitCamel(w string) []string {
	rs := []rune(w)
	var out []string
	start := 0
	for i := 1; i < len(rs); i++ {
		if unicode.IsLower(rs[i-1]) && unicode.IsUpper(rs[i]) {
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	return append(out, string(rs[start:]))
}

// span is a run of words of a clause: a vocabulary phrase or one word the
// vocabulary does not know (class 0).
type span struct {
	start, end int
	class      termClass
	entry      *lexEntry // the longest entry that matched; nil for an unknown word
}

// spans reads a clause as vocabulary phrases, the longest first, with the
// extra terms (config) and the industry senses that apply.
func (l *lexicon) spans(ts []token, x *extras) []span {
	var out []span
	for i := 0; i < len(ts); {
		best := span{start: i, end: i + 1}
		for _, e := range x.entries(l, ts[i].word) {
			n := len(e.forms)
			if i+n > len(ts) || !e.matches(ts[i:i+n], l.spelled) {
				continue
			}
			switch {
			case best.entry == nil || i+n > best.end:
				best = span{start: i, end: i + n, class: e.class, entry: e}
			case i+n == best.end:
				best.class |= e.class
			}
		}
		w := ts[i].word
		if best.entry == nil {
			switch {
			case connectorWords[w]:
				best.class = connector
			case prepositionWords[w]:
				best.class = preposition
			case isNumber(w) || len(w) == 1:
				best.class = filler
			}
		}
		if best.entry != nil && x.outcome(best.entry.text) || best.entry == nil && (x.outcome(w) || x.outcome(singular(w))) {
			best.class = outcome
		}
		out = append(out, best)
		i = best.end
	}
	return out
}

func (e *lexEntry) matches(ts []token, spelled map[string]string) bool {
	for i, forms := range e.forms {
		if e.acronym && !ts[i].caps {
			return false
		}
		found := false
		alt := ""
		if i > 0 {
			alt = spelled[ts[i].word]
		}
		for _, f := range forms {
			if f == ts[i].word || f == alt {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

func words(ts []token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.word
	}
	return out
}

// extras are what the config and the service's context add to the
// vocabulary: internalFocus.terms, internalFocus.allow and the industry
// senses the context shows.
type extras struct {
	terms    map[string][]*lexEntry
	outcomes map[string]bool
}

func (x *extras) entries(l *lexicon, w string) []*lexEntry {
	if x == nil || len(x.terms[w]) == 0 {
		return l.first[w]
	}
	return append(append([]*lexEntry(nil), l.first[w]...), x.terms[w]...)
}

func (x *extras) outcome(text string) bool { return x != nil && x.outcomes[text] }

// withOutcomes returns x with more words read as outcome nouns.
func (x *extras) withOutcomes(more map[string]bool) *extras {
	if len(more) == 0 {
		return x
	}
	y := &extras{outcomes: map[string]bool{}}
	if x != nil {
		y.terms = x.terms
		for k := range x.outcomes {
			y.outcomes[k] = true
		}
	}
	for k := range more {
		y.outcomes[k] = true
	}
	return y
}

// newExtras reads the config: a single word under terms is one more
// infrastructure object ("mainframe"), a phrase of several words an
// internal function on its own ("batch scheduling"); the words of each
// allow entry read as an outcome noun ("grid", or a service name such as
// "network-as-a-service").
func newExtras(terms, allow []string) *extras {
	x := &extras{terms: map[string][]*lexEntry{}, outcomes: map[string]bool{}}
	for _, t := range terms {
		ws := strings.Fields(strings.ToLower(strings.NewReplacer("-", " ", "_", " ", "/", " ").Replace(t)))
		if len(ws) == 0 {
			continue
		}
		e := &lexEntry{text: strings.Join(ws, " "), class: configured}
		if len(ws) == 1 {
			e.class = infraObject
		}
		for _, w := range ws {
			e.forms = append(e.forms, nounForms(w))
		}
		for _, f := range e.forms[0] {
			x.terms[f] = append(x.terms[f], e)
		}
	}
	for _, a := range allow {
		if ws := strings.Fields(strings.ToLower(strings.NewReplacer("-", " ", "_", " ").Replace(a))); len(ws) > 0 {
			x.outcomes[strings.Join(ws, " ")] = true
		}
	}
	return x
}
