package rules

import "strings"

// How strongly a name reads as an internal function.
const (
	noReading = iota
	// infrastructureReading: a name made of infrastructure objects only
	// ("Linux Servers", "Block Storage"), or a strong reading lowered by
	// a product marker or an audience ("Managed Backup").
	infrastructureReading
	// internalReading: an IT activity applied to a technical object, an
	// IT practice, IT jargon, or an activity only IT does.
	internalReading
)

type readingKind uint8

const (
	kindNone readingKind = iota
	kindObjects
	kindPair
	kindPractice
	kindJargon
	kindITOnly
	kindConfigured
)

// reading is what a name says about itself.
type reading struct {
	level int
	kind  readingKind
	// phrase is the words that read so, lower-case ("linux server
	// support"); object and activity are the two halves of a pair, with
	// what an abbreviation stands for ("mgmt (management)").
	phrase, object, activity string
	// lowered says what lowered the reading a step: "managed", "for law
	// firms".
	lowered []string
}

// read returns the strongest reading of s's clauses.
func (l *lexicon) read(s string, x *extras) reading { return l.readClauses(l.clauses(s), x) }

func (l *lexicon) readClauses(cls [][]token, x *extras) reading {
	var best reading
	for _, ts := range cls {
		if r := l.readClause(ts, x); r.level > best.level || best.kind == kindNone && r.kind != kindNone {
			best = r
		}
	}
	return best
}

func (l *lexicon) readClause(ts []token, x *extras) reading {
	sp := l.spans(ts, x)
	text := func(from, to int) string {
		return strings.Join(words(ts[sp[from].start:sp[to].end]), " ")
	}
	// said is a run of spans as the name says it, abbreviations spelled
	// out: "mail mgmt (management)".
	said := func(from, to int) string {
		var out []string
		for i := from; i <= to; i++ {
			w := strings.Join(words(ts[sp[i].start:sp[i].end]), " ")
			if sp[i].entry != nil && sp[i].entry.means != "" {
				w += " (" + sp[i].entry.means + ")"
			}
			out = append(out, w)
		}
		return strings.Join(out, " ")
	}
	r, at := l.strongReading(sp, text, said)
	if r.kind == kindNone {
		r, at = objectsOnly(sp, text)
	}
	if r.kind == kindNone {
		return r
	}
	// A product marker ("Managed Firewall", "Backup as a Service") and a
	// named audience ("... for Law Firms") each lower the reading a step:
	// the name says someone buys it, and the catalog signals decide.
	for i, s := range sp {
		if s.class&marker != 0 && s.class&outcome == 0 {
			r.level--
			r.lowered = append(r.lowered, text(i, i))
			break
		}
	}
	if a := audience(sp, at, text); a >= 0 {
		r.level--
		r.lowered = append(r.lowered, text(a, len(sp)-1))
	}
	r.level = max(r.level, noReading)
	return r
}

// strongReading finds an internal function in a clause and returns it with
// the index of the span after it.
func (l *lexicon) strongReading(sp []span, text, said func(int, int) string) (reading, int) {
	for k, s := range sp {
		c := s.class
		if c&(outcome|marker) != 0 { // "managed" is a marker, not an activity
			continue
		}
		switch {
		case c&practice != 0:
			return reading{level: internalReading, kind: kindPractice, phrase: said(k, k)}, k + 1
		case c&jargon != 0:
			return reading{level: internalReading, kind: kindJargon, phrase: said(k, k)}, k + 1
		case c&configured != 0 && c&infraObject == 0:
			return reading{level: internalReading, kind: kindConfigured, phrase: said(k, k)}, k + 1
		case c&activity != 0:
			if j, ok := objectBefore(sp, k); ok {
				from := objectRunStart(sp, j)
				return reading{level: internalReading, kind: kindPair, phrase: text(from, k), object: said(from, j), activity: said(k, k)}, k + 1
			}
			if j, ok := objectAfter(sp, k); ok {
				to := objectRunEnd(sp, j)
				return reading{level: internalReading, kind: kindPair, phrase: text(k, to), object: said(j, to), activity: said(k, k)}, to + 1
			}
			if c&itOnly != 0 && !appliedToOutcome(sp, k) {
				return reading{level: internalReading, kind: kindITOnly, phrase: said(k, k), activity: said(k, k)}, k + 1
			}
		}
	}
	return reading{}, 0
}

// objectRunStart extends the object at j left over the objects that
// qualify it, joined or not: "Linux Server Support", "Server and Storage
// Administration".
func objectRunStart(sp []span, j int) int {
	for {
		switch {
		case j >= 1 && isObject(sp[j-1]):
			j--
		case j >= 2 && sp[j-1].class&connector != 0 && isObject(sp[j-2]):
			j -= 2
		default:
			return j
		}
	}
}

// objectRunEnd extends the object at j right over the objects it
// qualifies: "Administering Windows Hosts".
func objectRunEnd(sp []span, j int) int {
	for {
		switch {
		case j+1 < len(sp) && isObject(sp[j+1]):
			j++
		case j+2 < len(sp) && sp[j+1].class&connector != 0 && isObject(sp[j+2]):
			j += 2
		default:
			return j
		}
	}
}

func isObject(s span) bool { return s.class&object != 0 && s.class&outcome == 0 }

// objectBefore looks left of the activity at k for what it applies to, as
// English noun compounds put it: "Linux Server Support", "Cartridge Robot
// Management" (up to two unknown words in between). An outcome noun
// there makes it business ("Claims Administration"), unless a technical
// object qualifies it ("Printer Fleet Maintenance"); a product qualified
// by an outcome noun is business too ("Loan Application Processing").
func objectBefore(sp []span, k int) (int, bool) {
	unknown := 0
	for j := k - 1; j >= 0; j-- {
		c := sp[j].class
		switch {
		case isObject(sp[j]):
			if c&infraObject == 0 && j > 0 && sp[j-1].class&outcome != 0 {
				return 0, false
			}
			return j, true
		case c&outcome != 0:
			if j > 0 && isObject(sp[j-1]) {
				return j - 1, true
			}
			return 0, false
		case c&(activity|filler|marker) != 0:
		case c == 0:
			if unknown++; unknown > 2 {
				return 0, false
			}
		default: // a connector or preposition ends the compound
			return 0, false
		}
	}
	return 0, false
}

// objectAfter reads a verb or activity that comes first: "Managing
// Storage", "Administering Windows Hosts", "Maintenance of Core Switches",
// "Support for Linux Servers".
func objectAfter(sp []span, k int) (int, bool) {
	first := true
	for j := 0; j < k; j++ {
		if sp[j].class&(filler|marker) == 0 {
			first = false
		}
	}
	if !first && (k+1 >= len(sp) || sp[k+1].class&preposition == 0) {
		return 0, false
	}
	unknown := 0
	for j := k + 1; j < len(sp); j++ {
		c := sp[j].class
		switch {
		case isObject(sp[j]):
			return j, true
		case c&outcome != 0, c&connector != 0:
			return 0, false
		case c&(preposition|filler|marker|activity) != 0:
		default:
			if unknown++; unknown > 2 {
				return 0, false
			}
		}
	}
	return 0, false
}

// appliedToOutcome reports whether an activity only IT does is here done
// to an outcome noun: "Event Hosting", "Restoration of Power" (where the
// industry makes power the business).
func appliedToOutcome(sp []span, k int) bool {
	for j := k - 1; j >= 0; j-- {
		if sp[j].class&(filler|marker) != 0 {
			continue
		}
		if sp[j].class&outcome != 0 {
			return true
		}
		break
	}
	return k+2 < len(sp) && sp[k+1].class&preposition != 0 && sp[k+2].class&outcome != 0
}

// objectsOnly reads a clause made of infrastructure objects and filler,
// with at most one word the vocabulary does not know: "Linux Servers",
// "Block Storage", "Directory Services".
func objectsOnly(sp []span, text func(int, int) string) (reading, int) {
	objects, unknown, first, last := 0, 0, -1, -1
	for i, s := range sp {
		c := s.class
		switch {
		case c&outcome != 0, c&productObject != 0, c&activity != 0:
			return reading{}, 0
		case c&infraObject != 0:
			objects++
			if first < 0 {
				first = i
			}
			last = i
		case c == 0:
			unknown++
		}
	}
	if objects == 0 || unknown > 1 {
		return reading{}, 0
	}
	return reading{level: infrastructureReading, kind: kindObjects, phrase: text(first, last)}, last + 1
}

// audience returns the span of "for" followed by the people a technical
// phrase is sold to ("Endpoint Protection for Schools"), or -1: no
// technical object after it.
func audience(sp []span, from int, text func(int, int) string) int {
	for i := from; i < len(sp); i++ {
		if sp[i].class&preposition == 0 || text(i, i) != "for" {
			continue
		}
		named := false
		for _, s := range sp[i+1:] {
			switch {
			case isObject(s), s.class&(activity|practice|jargon) != 0:
				return -1
			case s.class&(filler|connector|preposition) == 0:
				named = true
			}
		}
		if named {
			return i
		}
		return -1
	}
	return -1
}
