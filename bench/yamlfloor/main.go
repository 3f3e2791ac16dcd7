// Command yamlfloor is the parse floor the benchmark script compares
// svccat with: it reads every *.yaml / *.yml file below the given folders
// and parses every document into a gopkg.in/yaml.v3 node tree, nothing
// more. It uses as many workers as svccat's loader (GOMAXPROCS), one file
// at a time per worker, so the ratio between the two measures what svccat
// adds to parsing, not a difference in parallelism.
//
//	go run ./bench/yamlfloor DIR...
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"gopkg.in/yaml.v3"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: yamlfloor DIR...")
		os.Exit(2)
	}
	var files []string
	for _, root := range os.Args[1:] {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != root && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "yamlfloor:", err)
			os.Exit(1)
		}
	}
	var next, docs atomic.Int64
	var wg sync.WaitGroup
	var failed atomic.Bool
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				data, err := os.ReadFile(files[i])
				if err != nil {
					fmt.Fprintln(os.Stderr, "yamlfloor:", err)
					failed.Store(true)
					continue
				}
				dec := yaml.NewDecoder(bytes.NewReader(data))
				for {
					var n yaml.Node
					if err := dec.Decode(&n); err != nil {
						if !errors.Is(err, io.EOF) {
							fmt.Fprintf(os.Stderr, "yamlfloor: %s: %v\n", files[i], err)
							failed.Store(true)
						}
						break
					}
					docs.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	fmt.Printf("parsed %d documents in %d files\n", docs.Load(), len(files))
	if failed.Load() {
		os.Exit(1)
	}
}
