package cli

import (
	"strings"

	"github.com/spf13/cobra"
)

// formatFlag registers a command's --format from its format registry's
// names (render.XFormats.Names(), the default first): the default, the
// help text and the completions all come from that one list.
func formatFlag(cmd *cobra.Command, p *string, names []string) {
	cmd.Flags().StringVar(p, "format", names[0], "output format: "+strings.Join(names, "|"))
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(names, cobra.ShellCompDirectiveNoFileComp))
}

// checkFormat is the usage error for a --format value that is not in
// names, or nil.
func checkFormat(format string, names []string) error {
	for _, n := range names {
		if n == format {
			return nil
		}
	}
	return usagef("--format %q: want one of %s", format, strings.Join(names, ", "))
}
