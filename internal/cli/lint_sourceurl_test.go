package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// TestGitHubSourceURL checks where the markdown summary links files in a
// GitHub Actions run: the commit's tree at the folder svccat runs in.
func TestGitHubSourceURL(t *testing.T) {
	ws := t.TempDir()
	sub := filepath.Join(ws, "my catalog")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	actions := map[string]string{
		"GITHUB_SERVER_URL": "https://github.com",
		"GITHUB_REPOSITORY": "acme/catalog",
		"GITHUB_SHA":        "4f2c9e1d",
		"GITHUB_WORKSPACE":  ws,
	}
	for _, tc := range []struct {
		name, dir string
		env       map[string]string
		want      string
	}{
		{"root", ws, actions, "https://github.com/acme/catalog/blob/4f2c9e1d"},
		{"subfolder", sub, actions, "https://github.com/acme/catalog/blob/4f2c9e1d/my%20catalog"},
		{"outside the workspace", t.TempDir(), actions, "https://github.com/acme/catalog/blob/4f2c9e1d"},
		{"not in Actions", ws, map[string]string{"GITHUB_WORKSPACE": ws}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(tc.dir)
			a := &app{getenv: func(k string) string { return tc.env[k] }}
			if got := a.githubSourceURL(); got != tc.want {
				t.Errorf("githubSourceURL() = %q, want %q", got, tc.want)
			}
		})
	}
}
