package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/load"
)

type configOptions struct {
	catalogFlags
	format string
}

func (a *app) newConfigCmd() *cobra.Command {
	o := &configOptions{}
	cmd := &cobra.Command{
		Use:   "config [PATH]",
		Short: "Print the configuration in effect and where each value came from",
		Long: `Print every configuration key with the value in effect for the catalog at
PATH (default .) and where it came from: the config file and line, a flag,
or svccat's default.

The config file is --config FILE, else the first .svccat.yaml or
.svccat.yml found in PATH and then in each parent folder up to the
repository root (the folder holding .git) or the filesystem root. It is
validated against the config schema (svccat schema shows it): an unknown
key or a wrong value is an error at its file:line:col, exit 2.`,
		Example: `  svccat config
  svccat config examples/acme --format json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return a.runConfig(o, args) },
	}
	o.register(cmd.Flags())
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text|json")
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (a *app) runConfig(o *configOptions, paths []string) error {
	if o.format != "text" && o.format != "json" {
		return usagef("--format %q: want one of text, json", o.format)
	}
	for _, p := range paths {
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return usagef("%s: no such file or directory", p)
		}
	}
	cfg, err := load.Config(o.config, paths)
	if err != nil {
		return err
	}
	o.apply(cfg)
	return a.output(&o.catalogFlags, nil, func(w io.Writer, _ bool) error {
		if o.format == "json" {
			return writeConfigJSON(w, cfg)
		}
		return writeConfigText(w, cfg)
	})
}

func writeConfigText(w io.Writer, cfg *config.Config) error {
	if cfg.Path == "" {
		fmt.Fprintln(w, "config file: none found; svccat's defaults apply")
	} else {
		fmt.Fprintf(w, "config file: %s\n", cfg.Path)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, s := range cfg.Settings() {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", s.Key, settingText(s.Value), s.Origin)
	}
	return tw.Flush()
}

// settingText writes a value for the terminal; a string that holds
// anything but printable characters is quoted, so that it cannot forge a
// line or an escape sequence.
func settingText(v any) string {
	quote := func(s string) string {
		if strconv.CanBackquote(s) && !strings.ContainsAny(s, "`\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") {
			return s
		}
		return strconv.QuoteToASCII(s)
	}
	switch x := v.(type) {
	case nil:
		return "(not set)"
	case string:
		return quote(x)
	case []string:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = quote(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	default:
		return fmt.Sprint(x)
	}
}

func writeConfigJSON(w io.Writer, cfg *config.Config) error {
	type setting struct {
		Key    string `json:"key"`
		Value  any    `json:"value"`
		Origin string `json:"origin"`
	}
	out := struct {
		File     *string   `json:"file"`
		Settings []setting `json:"settings"`
	}{Settings: []setting{}}
	if cfg.Path != "" {
		out.File = &cfg.Path
	}
	for _, s := range cfg.Settings() {
		out.Settings = append(out.Settings, setting{s.Key, s.Value, s.Origin})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
