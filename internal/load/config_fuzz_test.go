package load

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/svccat/svccat/internal/config"
)

// configSeeds are hostile and ordinary configs: the start of every way to
// break the config reader.
var configSeeds = []string{
	"currency: USD\nperiod: year\n",
	"limits: {fileBytes: 32MiB, catalogBytes: 512MiB, documentNodes: 1000000}\n",
	"limits: {fileBytes: 99999999999999999999TiB}\n",
	"defaults: {restoreDuration: 876001h}\n",
	"thresholds: {contactCadence: 99999999999999999999w}\n",
	"rules: {file: off, internal-focus: error}\n",
	"a: &a [*a]\n",
	"x: &x [" + strings.Repeat("*x,", 50) + "]\n",
	"currency: USD\n---\nperiod: year\n",
	"\xff\xfe",
	"currency: [" + strings.Repeat("[", 100) + "\n",
	"costPools: [" + strings.Repeat("a,", 1000) + "a]\n",
	"internalFocus: {terms: [\"\\u202e\", \"\\x1b[31m\"]}\n",
}

// FuzzConfigFile: no config makes the reader panic; every error is a
// positioned config error in the file.
func FuzzConfigFile(f *testing.F) {
	for _, s := range configSeeds {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	p := filepath.Join(dir, ".svccat.yaml")
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := ConfigFile(p)
		if err == nil {
			if cfg == nil {
				t.Fatal("no config and no error")
			}
			return
		}
		var one *config.Error
		var many config.Errors
		switch {
		case errors.As(err, &one):
			if one.Pos.File == "" || one.Msg == "" {
				t.Fatalf("unpositioned error %#v", one)
			}
		case errors.As(err, &many):
			for _, e := range many {
				if e.Pos.File == "" || e.Pos.Line < 1 || e.Msg == "" {
					t.Fatalf("unpositioned error %#v", e)
				}
			}
		default:
			t.Fatalf("error of type %T: %v", err, err)
		}
		if strings.Contains(err.Error(), "panic") {
			t.Fatalf("a panic reported as an error: %v", err)
		}
	})
}
