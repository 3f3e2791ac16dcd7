package cli

import (
	"io"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"
	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/jsonschema"
	"github.com/svccat/svccat/schema"
)

type schemaOptions struct {
	format string
	draft  string
	output string
}

func (a *app) newSchemaCmd() *cobra.Command {
	o := &schemaOptions{}
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the catalog schema: CUE, or JSON Schema for editors",
		Long: `Print the schema every catalog document is checked against.

--format cue (the default) prints the embedded CUE schema as it is.
--format jsonschema prints a JSON Schema generated from it, for editors
that validate and complete YAML through the YAML language server (VS Code,
JetBrains IDEs, Neovim): save it next to the catalog and point a
"# yaml-language-server: $schema=<path>" modeline or the editor's
yaml.schemas setting at it. --draft 7 writes draft-07 for editors whose
validator predates draft 2020-12.`,
		Example: `  svccat schema --format jsonschema -o catalog.schema.json
  svccat schema --format jsonschema --draft 7`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runSchema(o, cmd.Flags().Changed("draft"))
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "cue", "schema format: cue|jsonschema")
	cmd.Flags().StringVar(&o.draft, "draft", string(jsonschema.Draft2020), "JSON Schema draft: 2020-12|7")
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "write the schema to `FILE` instead of stdout")
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"cue", "jsonschema"}, cobra.ShellCompDirectiveNoFileComp))
	cmd.RegisterFlagCompletionFunc("draft", cobra.FixedCompletions([]string{"2020-12", "7"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func (a *app) runSchema(o *schemaOptions, draftSet bool) error {
	var out []byte
	switch o.format {
	case "cue":
		if draftSet {
			return usagef("--draft applies to --format jsonschema only")
		}
		// The catalog schema, then the config schema (which uses its definitions).
		out = []byte(schema.Source + "\n" + schema.ConfigSource)
	case "jsonschema":
		d, err := jsonschema.ParseDraft(o.draft)
		if err != nil {
			return usagef("--draft: %v", err)
		}
		root := cuecontext.New().CompileString(schema.Source, cue.Filename("schema/catalog.cue"))
		if out, err = jsonschema.Generate(root, d); err != nil {
			return err
		}
	default:
		return usagef("--format %q: want cue or jsonschema", o.format)
	}
	return a.output(&catalogFlags{output: o.output}, nil, func(w io.Writer, _ bool) error {
		_, err := w.Write(out)
		return err
	})
}
