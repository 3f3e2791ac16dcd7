// Package cli is svccat's command tree. Main runs it in-process, which is
// how the end-to-end tests drive it.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/config"
)

// Exit codes, the same for every command.
const (
	ExitOK    = 0 // the command worked and found nothing that fails the run
	ExitFail  = 1 // the command worked and found something that fails the run
	ExitUsage = 2 // a usage error, or a catalog that cannot be loaded for a report
)

// exitError ends a run with a code; its message (if any) has been printed.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// usageError is a mistake in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// app holds the streams and environment of one run.
type app struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	// running is set once cobra has accepted the command line and the
	// command runs; errors from then on are not about usage.
	running bool
}

// Main runs svccat with args (without the program name) and returns the
// exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return mainEnv(args, stdin, stdout, stderr, os.Getenv)
}

func mainEnv(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) (code int) {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv}
	defer func() {
		// A bug must not show users a stack trace; say what happened instead.
		if v := recover(); v != nil {
			fmt.Fprintf(stderr, "svccat: internal error: %v\nplease report this with the input that caused it\n", v)
			code = ExitUsage
		}
	}()
	root := a.newRootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	var ces config.Errors
	if errors.As(err, &ces) {
		for _, e := range ces {
			fmt.Fprintf(stderr, "svccat: %v\n", e)
		}
		return ExitUsage
	}
	fmt.Fprintf(stderr, "svccat: %v\n", err)
	// The hint helps with cobra's own errors (an unknown command, too many
	// arguments), not with a usageError, which says what to do, nor with a
	// bad config file or an output file that cannot be written.
	var ue usageError
	if !errors.As(err, &ue) && !a.running {
		fmt.Fprintln(stderr, "Run 'svccat --help' for usage.")
	}
	return ExitUsage
}

func (a *app) newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "svccat",
		Short: "Keep an IT service catalog as code: validate, lint, plan restoration, report cost, publish docs",
		Long: `svccat reads a service catalog kept as YAML in git — markets, segments,
personas, business and supporting services, teams and sites — validates it
against an embedded CUE schema, lints it, and reports restoration order,
cost and documentation from it.

Exit codes: 0 ok; 1 the command worked and found something that fails the
run; 2 a usage error or a catalog that cannot be loaded for a report.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		// Runs after cobra has parsed the flags and checked the arguments.
		PersistentPreRun: func(*cobra.Command, []string) { a.running = true },
		// svccat with no command is a usage error (exit 2), not a success
		// that a CI script would take for a passing check.
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SetOut(a.stderr)
			_ = cmd.Help()
			return usagef("no command given")
		},
	}
	// --version prints what `svccat version` prints.
	root.Version = versionText()
	root.SetVersionTemplate("{{.Version}}")
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		RunE: func(c *cobra.Command, args []string) error {
			cmd, _, err := c.Root().Find(args)
			if err != nil || cmd == nil || (len(args) > 0 && cmd == c.Root()) {
				return usagef("unknown help topic %q: svccat --help lists the commands", strings.Join(args, " "))
			}
			return cmd.Help()
		},
	})
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err.Error()} })
	root.AddCommand(
		a.newInitCmd(),
		a.newLintCmd(),
		a.newDiffCmd(),
		a.newRestoreCmd(),
		a.newCostCmd(),
		a.newImpactCmd(),
		a.newGraphCmd(),
		a.newDocsCmd(),
		a.newReviewCmd(),
		a.newRelationshipsCmd(),
		a.newExportCmd(),
		a.newConfigCmd(),
		a.newRulesCmd(),
		a.newSchemaCmd(),
		a.newVersionCmd(),
	)
	return root
}

// color reports whether output to w may use ANSI colours: only on a
// terminal, and never with NO_COLOR set.
func (a *app) color(w io.Writer) bool {
	if a.getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && isatty.IsTerminal(f.Fd())
}
