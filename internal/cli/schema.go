package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/schema"
)

func (a *app) newSchemaCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the embedded CUE schema",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "cue":
				_, err := fmt.Fprint(a.stdout, schema.Source)
				return err
			}
			return usagef("--format %q: want cue", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "cue", "schema format: cue")
	return cmd
}
