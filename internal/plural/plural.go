// Package plural writes counts of things in English: "1 service",
// "3 services", "2 entities". Every message and report that counts says
// it the same way.
package plural

import (
	"strconv"
	"strings"
)

// Count writes n and the noun, singular for 1 and plural otherwise (0
// included): "1 error", "0 errors". A phrase gives its plural form:
// Count(n, "service has", "services have").
func Count(n int, noun string, pluralForm ...string) string {
	return strconv.Itoa(n) + " " + Noun(n, noun, pluralForm...)
}

// Noun is noun for n == 1, else its plural: pluralForm when given, else
// Of(noun).
func Noun(n int, noun string, pluralForm ...string) string {
	switch {
	case n == 1 || n == -1:
		return noun
	case len(pluralForm) > 0:
		return pluralForm[0]
	}
	return Of(noun)
}

// irregular are the plurals the rules below get wrong.
var irregular = map[string]string{
	"info": "infos", "person": "people",
}

// Of is noun's plural: "y" after a consonant becomes "ies"; "s", "x",
// "ch" and "sh" take "es"; every other noun "s".
func Of(noun string) string {
	if p, ok := irregular[noun]; ok {
		return p
	}
	switch {
	case strings.HasSuffix(noun, "y") && len(noun) > 1 && !strings.ContainsRune("aeiou", rune(noun[len(noun)-2])):
		return noun[:len(noun)-1] + "ies"
	case strings.HasSuffix(noun, "s"), strings.HasSuffix(noun, "x"), strings.HasSuffix(noun, "ch"), strings.HasSuffix(noun, "sh"):
		return noun + "es"
	}
	return noun + "s"
}
