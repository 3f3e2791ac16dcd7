package cli

import (
	"os"
	"strings"

	"github.com/svccat/svccat/internal/load"

	"github.com/spf13/cobra"

	"github.com/svccat/svccat/internal/catalog"
)

// Shell completion of entity names. `svccat completion bash|zsh|fish|
// powershell` (cobra's) writes the script; the script calls the hidden
// `svccat __complete …` command, which runs the functions below. They read
// the catalog the command line names (its PATH arguments that exist), or
// the one in the working directory, and offer the names with their titles
// as descriptions. A catalog that cannot be read offers nothing: completion
// never prints an error into the user's prompt.

// completeServices completes a service name.
func (a *app) completeServices(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return completeNames(args, toComplete, func(c *catalog.Catalog) []*catalog.Entity {
		out := make([]*catalog.Entity, len(c.Services))
		for i, s := range c.Services {
			out[i] = &s.Entity
		}
		return out
	})
}

// completeSites completes a site name.
func (a *app) completeSites(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return completeNames(args, toComplete, func(c *catalog.Catalog) []*catalog.Entity {
		out := make([]*catalog.Entity, len(c.Sites))
		for i, s := range c.Sites {
			out[i] = &s.Entity
		}
		return out
	})
}

// completeServiceArgs completes the arguments of `impact NAME...
// [PATH...]`: service names, until an argument names a path (as impact
// reads them, splitNamesPaths); then paths. Where no name fits what is
// typed, the shell completes a path.
func (a *app) completeServiceArgs(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if _, paths := splitNamesPaths(args); len(paths) > 0 {
		return nil, cobra.ShellCompDirectiveDefault
	}
	names, _ := a.completeServices(cmd, args, toComplete)
	if len(names) == 0 {
		return nil, cobra.ShellCompDirectiveDefault
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// completeNames offers the names of entities. A flag that takes a
// comma-separated list (--service a,b) is completed after its last comma.
func completeNames(args []string, toComplete string, entities func(*catalog.Catalog) []*catalog.Entity) ([]cobra.Completion, cobra.ShellCompDirective) {
	var paths []string
	seen := map[string]bool{} // a name given already is not offered again
	for _, arg := range args {
		seen[arg] = true
		if _, err := os.Stat(arg); err == nil {
			paths = append(paths, arg)
		}
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var listed string
	if i := strings.LastIndexByte(toComplete, ','); i >= 0 {
		listed, toComplete = toComplete[:i+1], toComplete[i+1:]
		for _, name := range strings.Split(listed, ",") {
			seen[name] = true
		}
	}
	c := load.Catalog(paths, load.Options{})
	var out []cobra.Completion
	for _, e := range entities(c.Catalog) {
		if seen[e.Name] || !strings.HasPrefix(e.Name, toComplete) {
			continue
		}
		seen[e.Name] = true
		if e.Title != "" {
			out = append(out, cobra.CompletionWithDesc(listed+e.Name, e.Title))
		} else {
			out = append(out, listed+e.Name)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
