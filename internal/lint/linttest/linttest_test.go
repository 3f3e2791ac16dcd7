package linttest

import "testing"

func TestParseWant(t *testing.T) {
	for _, tc := range []struct {
		in      string
		clauses int
		key     string
		bad     bool
	}{
		{in: `: missing-owner "no owner"`, clauses: 1},
		{in: `: a "x" b "y"`, clauses: 2},
		{in: `: a "x" # want: b "y"`, clauses: 2},
		{in: `: unresolved-reference "no Team" key "owner:nobody"`, clauses: 1, key: "owner:nobody"},
		{in: ` missing-owner "no owner"`, bad: true},                 // no colon
		{in: `: missing-owner no owner`, bad: true},                  // unquoted
		{in: `: missing-owner "no owner`, bad: true},                 // unterminated
		{in: `: missing-owner "("`, bad: true},                       // bad regexp
		{in: `: missing-owner "x" trailing`, bad: true},              // junk
		{in: `:`, bad: true},                                         // nothing
		{in: `: missing-owner "x" key ""`, bad: true},                // empty key
		{in: `: Missing-Owner "x"`, bad: true},                       // not a rule id
		{in: `s: missing-owner "x"`, bad: true},                      // "# wants:"
		{in: `: missing-owner "x" key owner`, bad: true},             // unquoted key
		{in: `: missing-owner "a\"b" key "k"`, clauses: 1, key: "k"}, // escaped quote
	} {
		got, err := parseWant(tc.in)
		if tc.bad {
			if err == nil {
				t.Errorf("parseWant(%q) = %d clauses, want an error", tc.in, len(got))
			}
			continue
		}
		if err != nil || len(got) != tc.clauses || got[0].key != tc.key {
			t.Errorf("parseWant(%q) = %v, %v; want %d clauses, key %q", tc.in, got, err, tc.clauses, tc.key)
		}
	}
}
