package typo

import "testing"

func TestClosest(t *testing.T) {
	known := []string{"owner", "segments", "hardware", "software", "missing-cost"}
	for _, c := range []struct{ in, want string }{
		{"ownr", "owner"},
		{"Owner", "owner"},
		{"segmnts", "segments"},
		{"hardwear", "hardware"},
		{"missing-cot", "missing-cost"},
		{"x", ""},
		{"database", ""},
	} {
		if got := Closest(c.in, known); got != c.want {
			t.Errorf("Closest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"a", "", 1}, {"kitten", "sitting", 3}, {"abc", "abc", 0}, {"ab", "ba", 2}} {
		if got := Distance(c.a, c.b); got != c.d {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}
