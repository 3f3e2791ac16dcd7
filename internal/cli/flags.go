package cli

import (
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/pflag"

	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/load"
)

// catalogFlags are the flags every command that reads a catalog has.
type catalogFlags struct {
	config      string
	maxFileSize sizeFlag
	asOf        dateFlag
	output      string
	// keepWritten keeps the documents as written (svccat diff); not a flag.
	keepWritten bool
	// cfg, when set, is used instead of looking the config up (svccat
	// diff loads the base with the head's).
	cfg *config.Config
}

// register adds the loading flags and -o.
func (f *catalogFlags) register(fs *pflag.FlagSet) {
	f.registerLoad(fs)
	fs.StringVarP(&f.output, "output", "o", "", "write the output to `FILE` instead of stdout")
}

// registerLoad adds the flags that say how the catalog is loaded.
func (f *catalogFlags) registerLoad(fs *pflag.FlagSet) {
	fs.StringVar(&f.config, "config", "", "config `FILE` (default: .svccat.yaml or .svccat.yml in the first PATH or a parent folder, up to the repository root)")
	fs.Var(&f.maxFileSize, "max-file-size", "largest catalog file read, in bytes or with a unit (32MiB); overrides limits.fileBytes")
	fs.Var(&f.asOf, "as-of", "the `DATE` (YYYY-MM-DD) date-based rules and reports use; overrides asOf")
}

// apply lets the flags given override the config, and says so in its
// origins.
func (f *catalogFlags) apply(cfg *config.Config) {
	if f.maxFileSize.set {
		cfg.Limits.FileBytes = f.maxFileSize.n
		cfg.Origins["limits.fileBytes"] = "flag --max-file-size"
	}
	if f.asOf.set {
		cfg.AsOf = f.asOf.t
		cfg.Origins["asOf"] = "flag --as-of"
	}
}

// sizeFlag is a number of bytes, with or without a unit.
type sizeFlag struct {
	n   int64
	set bool
}

func (s *sizeFlag) String() string {
	if !s.set {
		return ""
	}
	return strconv.FormatInt(s.n, 10)
}

func (s *sizeFlag) Set(v string) error {
	n, err := load.ParseSize(v)
	if err != nil {
		return err
	}
	s.n, s.set = n, true
	return nil
}

func (s *sizeFlag) Type() string { return "size" }

// dateFlag is a calendar date.
type dateFlag struct {
	t   time.Time
	set bool
}

func (d *dateFlag) String() string {
	if !d.set {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

func (d *dateFlag) Set(v string) error {
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return fmt.Errorf("%q is not a date like 2026-12-01", v)
	}
	d.t, d.set = t, true
	return nil
}

func (d *dateFlag) Type() string { return "date" }
