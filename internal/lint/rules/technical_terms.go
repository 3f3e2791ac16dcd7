package rules

import (
	"strings"
	"unicode"
)

// The internal-focus rule's vocabulary. A name reads as an internal
// technical function when a technical object ("server", "active
// directory") is directly followed by a technical function
// ("administration", "support"): "Linux Server Support". A few terms are
// technical functions on their own ("patching"). Business outcomes use
// other words ("Customer Relationship Management", "Payroll Processing"),
// so the pairing, not either word alone, is what marks a name.

var technicalObjects = []string{
	"active directory", "antivirus", "backup", "cabling", "certificate",
	"cluster", "data center", "data centre", "datacenter", "datacentre",
	"database", "db", "dbms", "desktop", "dhcp", "directory", "disk", "dns",
	"endpoint", "firewall", "hardware", "hypervisor", "infrastructure",
	"lan", "laptop", "ldap", "linux", "load balancer", "middleware", "nas",
	"network", "networking", "operating system", "os", "patch", "pbx",
	"printer", "rack", "router", "san", "server", "sql", "storage",
	"switch", "tape", "unix", "virtual machine", "virtualisation",
	"virtualization", "vm", "vmware", "vpn", "wan", "windows", "workstation",
}

var technicalFunctions = []string{
	"admin", "administration", "backup", "capacity planning",
	"configuration", "deployment", "engineering", "hardening",
	"housekeeping", "installation", "maintenance", "management",
	"monitoring", "operation", "ops", "patching", "performance tuning",
	"provisioning", "replication", "support", "tuning", "upgrade",
}

var technicalStandalone = []string{
	"patching", "sysadmin", "system administration", "systems administration",
	"systems management", "it operations",
}

// connectors may join technical objects: "Server and Storage Support".
var connectors = map[string]bool{"and": true, "or": true}

// prepositions lead from a function to its object: "Administration of
// Servers".
var prepositions = map[string]bool{"of": true, "for": true}

type termClass uint8

const (
	object termClass = 1 << iota
	function
	standalone
)

// vocabulary maps a term's first word to the terms starting with it.
type vocabulary map[string][]vocabTerm

type vocabTerm struct {
	words []string
	class termClass
}

// newVocabulary builds the default vocabulary plus the configured extra
// terms: a single word counts as a technical object ("mainframe" flags
// "Mainframe Operations"), a phrase of several words as a technical
// function on its own ("batch scheduling" flags "Batch Scheduling").
func newVocabulary(extra []string) vocabulary {
	v := vocabulary{}
	for _, t := range technicalObjects {
		v.add(words(t), object)
	}
	for _, t := range technicalFunctions {
		v.add(words(t), function)
	}
	for _, t := range technicalStandalone {
		v.add(words(t), standalone)
	}
	for _, t := range extra {
		switch w := words(t); len(w) {
		case 0:
		case 1:
			v.add(w, object)
		default:
			v.add(w, standalone)
		}
	}
	return v
}

func (v vocabulary) add(w []string, c termClass) {
	for i, t := range v[w[0]] {
		if strings.Join(t.words, " ") == strings.Join(w, " ") {
			v[w[0]][i].class |= c
			return
		}
	}
	v[w[0]] = append(v[w[0]], vocabTerm{words: w, class: c})
}

// words splits s into lower-case words at anything that is not a letter
// or digit, so "linux-server_support" and "Linux Server Support" read
// alike.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// singular reports whether word is term or a plural of it: "servers",
// "patches", "directories".
func singular(word, term string) bool {
	if word == term {
		return true
	}
	switch {
	case strings.HasSuffix(word, "ies"):
		return word[:len(word)-3]+"y" == term
	case strings.HasSuffix(word, "es") && word[:len(word)-2] == term:
		return true
	case strings.HasSuffix(word, "s") && !strings.HasSuffix(word, "ss"):
		return word[:len(word)-1] == term
	}
	return false
}

// span is a run of words: a vocabulary term, or one plain word.
type span struct {
	start, end int
	class      termClass
}

// spans splits ws into terms, the longest term first.
func (v vocabulary) spans(ws []string) []span {
	var out []span
	for i := 0; i < len(ws); {
		best := span{start: i, end: i + 1}
		for _, key := range candidates(ws[i]) {
			for _, t := range v[key] {
				n := len(t.words)
				if i+n > len(ws) || !matches(ws[i:i+n], t.words) {
					continue
				}
				if best.class == 0 || i+n > best.end {
					best = span{start: i, end: i + n, class: t.class}
				}
			}
		}
		out = append(out, best)
		i = best.end
	}
	return out
}

// candidates are the keys a word may be listed under: itself and its
// possible singulars.
func candidates(w string) []string {
	out := []string{w}
	if strings.HasSuffix(w, "ies") {
		out = append(out, w[:len(w)-3]+"y")
	}
	if strings.HasSuffix(w, "es") {
		out = append(out, w[:len(w)-2])
	}
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		out = append(out, w[:len(w)-1])
	}
	return out
}

func matches(ws, term []string) bool {
	for i := range term {
		if !singular(ws[i], term[i]) {
			return false
		}
	}
	return true
}

// technicalPhrase returns the words of s that read as an internal
// technical function ("linux server support"), or "" when none do.
func (v vocabulary) technicalPhrase(s string) string {
	ws := words(s)
	sp := v.spans(ws)
	text := func(from, to int) string { return strings.Join(ws[sp[from].start:sp[to].end], " ") }
	isObject := func(i int) bool { return i < len(sp) && sp[i].class&object != 0 }
	isPlain := func(i int, set map[string]bool) bool {
		return i < len(sp) && sp[i].class == 0 && sp[i].end-sp[i].start == 1 && set[ws[sp[i].start]]
	}
	// objectRun returns the last span of the run of objects starting at
	// i (objects, possibly joined by connectors).
	objectRun := func(i int) int {
		last := i
		for j := i + 1; j < len(sp); j++ {
			switch {
			case isObject(j):
				last = j
			case isPlain(j, connectors) && isObject(j+1):
				continue
			default:
				return last
			}
		}
		return last
	}
	for i := range sp {
		if isObject(i) {
			last := objectRun(i)
			if last+1 < len(sp) && sp[last+1].class&function != 0 {
				return text(i, last+1)
			}
			// "Database Backup": the last object is also a function.
			if last > i && sp[last].class&function != 0 {
				return text(i, last)
			}
		}
		if sp[i].class&function != 0 && isPlain(i+1, prepositions) && isObject(i+2) {
			return text(i, objectRun(i+2))
		}
		if sp[i].class&standalone != 0 {
			return text(i, i)
		}
	}
	return ""
}
