package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/lint/rules"
)

func (a *app) newRulesCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "rules [RULE]",
		Short: "List the lint rules, or explain one",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				for _, r := range rules.All() {
					fmt.Fprintf(a.stdout, "%-26s %-8s %s\n", r.Name, r.Severity, r.Title())
				}
				return nil
			}
			r := rules.ByName(args[0])
			if r == nil {
				return usagef("unknown rule %q (svccat rules lists them)", args[0])
			}
			fmt.Fprintf(a.stdout, "%s (default severity: %s)\n\n%s\n\n%s\n", r.Name, r.Severity, r.Title(), r.Body())
			return nil
		},
	}
}
