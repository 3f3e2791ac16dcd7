package cli

import (
	"os/exec"
	"strings"
	"testing"
)

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"docs/catalog":    "docs/catalog",
		"../docs/catalog": "../docs/catalog",
		"":                "''",
		"my catalog":      "'my catalog'",
		"it's":            `'it'\''s'`,
		"$HOME":           "'$HOME'",
		"a;rm -rf x":      "'a;rm -rf x'",
		"*.yaml":          "'*.yaml'",
		"~/x":             "'~/x'",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestShellJoinRoundTrip: a POSIX shell reads the words back as they were.
func TestShellJoinRoundTrip(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to check with")
	}
	words := []string{"docs", "--out", "my docs", "it's", "$HOME", "a\nb", "*", "-"}
	out, err := exec.Command(sh, "-c", `printf '%s\0' `+shellJoin(words...)).Output()
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
	if strings.Join(got, "|") != strings.Join(words, "|") {
		t.Errorf("sh read %q, want %q", got, words)
	}
}
