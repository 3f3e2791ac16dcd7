// Command svccat-gen writes a large generated catalog for benchmarks:
//
//	go run ./cmd/svccat-gen -services 10000 -out /tmp/catalog-10k
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/svccat/svccat/internal/catalogtest"
)

func main() {
	services := flag.Int("services", 1000, "number of services (≈4 entities per service in all)")
	perFile := flag.Int("per-file", 10, "documents per file")
	out := flag.String("out", "", "folder to write the catalog to (required)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "svccat-gen: -out is required")
		os.Exit(2)
	}
	n, err := catalogtest.Write(*out, catalogtest.Options{Services: *services, PerFile: *perFile})
	if err != nil {
		fmt.Fprintln(os.Stderr, "svccat-gen:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d entities (%d services) to %s\n", n, *services, *out)
}
