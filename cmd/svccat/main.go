// Command svccat keeps an IT service catalog as code.
package main

import (
	"os"

	"github.com/svccat/svccat/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
