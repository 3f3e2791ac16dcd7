package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Set by the release build:
//
//	-ldflags "-X github.com/svccat/svccat/internal/cli.version=1.2.3 -X …cli.commit=abc -X …cli.date=2026-01-02"
var (
	version = "dev"
	commit  = ""
	date    = ""
)

// buildVersion returns the version, commit and date of this build: the
// release's ldflags, else what the Go toolchain stamped (a `go install
// …@version` build knows its module version and VCS revision).
func buildVersion() (v, c, d string) {
	v, c, d = version, commit, date
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			switch {
			case s.Key == "vcs.revision" && c == "":
				c = s.Value
			case s.Key == "vcs.time" && d == "":
				d = s.Value
			}
		}
	}
	if c == "" {
		c = "unknown"
	}
	if d == "" {
		d = "unknown"
	}
	return v, c, d
}

// versionText is what `svccat version` and `svccat --version` print.
func versionText() string {
	v, c, d := buildVersion()
	return fmt.Sprintf("svccat %s\ncommit: %s\ndate: %s\n", v, c, d)
}

func (a *app) newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print version, commit and build date",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprint(a.stdout, versionText())
			return err
		},
	}
}
