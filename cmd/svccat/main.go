// Command svccat keeps an IT service catalog as code.
package main

import (
	"os"

	"github.com/svccat/svccat/internal/cli"
	"github.com/svccat/svccat/internal/safefile"
)

func main() {
	// An interrupt removes the temporary files being written and the
	// locks held before the process ends (130 for SIGINT, 143 for
	// SIGTERM), so that no half-written page is left behind.
	stop := safefile.CleanupOnSignal(os.Exit)
	code := cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
