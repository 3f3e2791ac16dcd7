package cli

import (
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/lint/rules"
	"github.com/svccat/svccat/internal/render"
	"github.com/svccat/svccat/internal/typo"
)

type rulesOptions struct {
	format string
	output string
}

func (a *app) newRulesCmd() *cobra.Command {
	o := &rulesOptions{}
	cmd := &cobra.Command{
		Use:   "rules [RULE]",
		Short: "List the lint rules, or explain one",
		Long: `Without RULE, list every lint rule: its id, default severity and what it
finds. With RULE, explain it: why it matters, an example, and the fix.

--format json is for tools; --format markdown gives the table the README
carries (or one rule's page).`,
		Args:              cobra.MaximumNArgs(1),
		ValidArgsFunction: completeRules,
		RunE:              func(cmd *cobra.Command, args []string) error { return a.runRules(o, args) },
	}
	formatFlag(cmd, &o.format, render.RuleFormats.Names())
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "write the output to `FILE` instead of stdout")
	return cmd
}

func (a *app) runRules(o *rulesOptions, args []string) error {
	if err := checkFormat(o.format, render.RuleFormats.Names()); err != nil {
		return err
	}
	docs := ruleDocs()
	write := func(w io.Writer, _ bool) error { return render.Rules(w, o.format, docs) }
	if len(args) == 1 {
		i := slices.IndexFunc(docs, func(d render.RuleDoc) bool { return d.Name == args[0] })
		if i < 0 {
			var names []string
			for _, d := range docs {
				names = append(names, d.Name)
			}
			if c := typo.Closest(args[0], names); c != "" {
				return usagef("unknown rule %q (did you mean %q?)", args[0], c)
			}
			return usagef("unknown rule %q (svccat rules lists them)", args[0])
		}
		write = func(w io.Writer, _ bool) error { return render.Rule(w, o.format, docs[i]) }
	}
	return a.output(&catalogFlags{output: o.output}, nil, write)
}

// completeRules completes a rule id, with its title as the description.
func completeRules(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, r := range rules.All() {
		if strings.HasPrefix(r.Name, toComplete) {
			out = append(out, cobra.CompletionWithDesc(r.Name, r.Doc.Title))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
