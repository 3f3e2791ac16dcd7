package plural

import "testing"

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n    int
		noun string
		want string
	}{
		{0, "error", "0 errors"}, {1, "error", "1 error"}, {2, "warning", "2 warnings"},
		{1, "info", "1 info"}, {3, "info", "3 infos"},
		{1, "entity", "1 entity"}, {24, "entity", "24 entities"},
		{2, "key", "2 keys"}, {2, "dependency", "2 dependencies"},
		{2, "person", "2 people"}, {2, "pass", "2 passes"}, {2, "box", "2 boxes"}, {2, "batch", "2 batches"},
		{5, "non-catalog document", "5 non-catalog documents"}, {2, "RTO", "2 RTOs"},
	} {
		if got := Count(c.n, c.noun); got != c.want {
			t.Errorf("Count(%d, %q) = %q, want %q", c.n, c.noun, got, c.want)
		}
	}
	if got := Count(2, "service has", "services have"); got != "2 services have" {
		t.Errorf("a phrase's plural form: %q", got)
	}
	if got := Count(1, "service has", "services have"); got != "1 service has" {
		t.Errorf("a phrase's singular: %q", got)
	}
}

func TestCountWords(t *testing.T) {
	for _, c := range []struct {
		n    int
		noun string
		want string
	}{
		{-1, "day", "-1 day"}, {-2, "day", "-2 days"},
	} {
		if got := Count(c.n, c.noun); got != c.want {
			t.Errorf("Count(%d, %q) = %q, want %q", c.n, c.noun, got, c.want)
		}
	}
}
