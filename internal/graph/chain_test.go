package graph

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/svccat/svccat/internal/catalog"
)

// chainServices builds services from "name:hours" and edges "a>b" (a
// hard-depends on b) or "a~b" (soft).
func chainServices(nodes []string, edges ...string) []*catalog.Service {
	byName := map[string]*catalog.Service{}
	var out []*catalog.Service
	for _, n := range nodes {
		name, hours, _ := strings.Cut(n, ":")
		s := &catalog.Service{Entity: catalog.Entity{Kind: catalog.KindService, Name: name}}
		if hours != "" {
			var h int
			fmt.Sscan(hours, &h)
			s.Restore.Duration = catalog.Duration{D: time.Duration(h) * time.Hour, Set: true}
		}
		byName[name] = s
		out = append(out, s)
	}
	for _, e := range edges {
		sep := ">"
		if strings.Contains(e, "~") {
			sep = "~"
		}
		from, to, _ := strings.Cut(e, sep)
		d := &catalog.Dependency{From: byName[from], To: byName[to], Hard: sep == ">"}
		byName[from].DependsOn = append(byName[from].DependsOn, d)
	}
	return out
}

func chainDuration(s *catalog.Service) time.Duration {
	if s.Restore.Duration.Set {
		return s.Restore.Duration.D
	}
	return 30 * time.Minute
}

func chainNames(ss []*catalog.Service) string {
	var names []string
	for _, s := range ss {
		names = append(names, s.Name)
	}
	return strings.Join(names, " → ")
}

func TestLongestRestoreChains(t *testing.T) {
	svcs := chainServices(
		[]string{"erp:2", "database:1", "storage:2", "network:1", "directory", "reporting:100", "a:1", "b:1", "behind:1", "tie:1", "x:1", "y:1"},
		"erp>database", "erp>directory", "erp~reporting", "database>storage", "storage>network", "directory>network",
		"a>b", "b>a", "behind>a",
		"tie>y", "tie>x",
	)
	byName := map[string]*catalog.Service{}
	for _, s := range svcs {
		byName[s.Name] = s
	}
	rc := LongestRestoreChains(svcs, chainDuration)
	for _, tc := range []struct {
		name  string
		want  time.Duration
		chain string
		ok    bool
	}{
		{"erp", 6 * time.Hour, "network → storage → database → erp", true},
		{"directory", 90 * time.Minute, "network → directory", true},
		{"network", time.Hour, "network", true},
		{"reporting", 100 * time.Hour, "reporting", true},
		{"a", 0, "", false},      // in a cycle
		{"behind", 0, "", false}, // behind a cycle
		{"tie", 2 * time.Hour, "x → tie", true},
	} {
		got, ok := rc.Finish(byName[tc.name])
		if got != tc.want || ok != tc.ok {
			t.Errorf("Finish(%s) = %v, %v; want %v, %v", tc.name, got, ok, tc.want, tc.ok)
		}
		if c := chainNames(rc.Chain(byName[tc.name])); c != tc.chain {
			t.Errorf("Chain(%s) = %q, want %q", tc.name, c, tc.chain)
		}
	}
	stranger := &catalog.Service{}
	if _, ok := rc.Finish(stranger); ok || rc.Chain(stranger) != nil || rc.First(stranger) != nil || rc.Len(stranger) != 0 {
		t.Error("a service not in the list has a chain")
	}
}

// TestLongestRestoreChainsSaturate: durations near time.Duration's limit
// (about 292 years, which the catalog format allows) must not wrap a
// chain's length around to a short or negative one.
func TestLongestRestoreChainsSaturate(t *testing.T) {
	long := 15000 * 7 * 24 * time.Hour // 15000w, about 288 years
	svcs := chainServices([]string{"a", "b", "c"}, "b>a", "c>b")
	rc := LongestRestoreChains(svcs, func(*catalog.Service) time.Duration { return long })
	for _, s := range svcs[1:] {
		if got, ok := rc.Finish(s); !ok || got != math.MaxInt64 {
			t.Errorf("Finish(%s) = %v, %v; want the largest duration, true", s.Name, got, ok)
		}
	}
}

// TestLongestRestoreChainsRandom checks the chains of random DAGs against
// a direct recursive definition: a chain is a path of hard dependencies
// whose durations add up to the finish time, and no path is longer.
func TestLongestRestoreChainsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := 0; iter < 200; iter++ {
		n := 1 + rng.IntN(12)
		var nodes, edges []string
		for i := 0; i < n; i++ {
			nodes = append(nodes, fmt.Sprintf("s%02d:%d", i, rng.IntN(5)))
			for j := 0; j < i; j++ { // edges to lower numbers only: a DAG
				if rng.IntN(3) == 0 {
					sep := ">"
					if rng.IntN(4) == 0 {
						sep = "~"
					}
					edges = append(edges, fmt.Sprintf("s%02d%ss%02d", i, sep, j))
				}
			}
		}
		svcs := chainServices(nodes, edges...)
		rc := LongestRestoreChains(svcs, chainDuration)
		memo := map[*catalog.Service]time.Duration{}
		var longest func(s *catalog.Service) time.Duration
		longest = func(s *catalog.Service) time.Duration {
			if d, ok := memo[s]; ok {
				return d
			}
			var best time.Duration
			for _, d := range s.DependsOn {
				if d.Hard {
					best = max(best, longest(d.To))
				}
			}
			memo[s] = best + chainDuration(s)
			return memo[s]
		}
		for _, s := range svcs {
			got, ok := rc.Finish(s)
			if !ok || got != longest(s) {
				t.Fatalf("%v %v: Finish(%s) = %v, %v; want %v", nodes, edges, s.Name, got, ok, longest(s))
			}
			chain := rc.Chain(s)
			var sum time.Duration
			for i, c := range chain {
				sum += chainDuration(c)
				if i > 0 && !hardDependsOn(c, chain[i-1]) {
					t.Fatalf("%v %v: chain %s: %s does not hard-depend on %s", nodes, edges, chainNames(chain), c.Name, chain[i-1].Name)
				}
			}
			if sum != got || chain[len(chain)-1] != s {
				t.Fatalf("%v %v: chain %s adds up to %v, finish %v", nodes, edges, chainNames(chain), sum, got)
			}
			var back []*catalog.Service
			for c := range rc.Backward(s) {
				back = append([]*catalog.Service{c}, back...)
			}
			if chainNames(back) != chainNames(chain) {
				t.Fatalf("%v %v: Backward(%s) = %s, want the chain %s reversed", nodes, edges, s.Name, chainNames(back), chainNames(chain))
			}
			if rc.Len(s) != len(chain) || rc.First(s) != chain[0] {
				t.Fatalf("%v %v: chain %s: Len %d, First %s", nodes, edges, chainNames(chain), rc.Len(s), rc.First(s).Name)
			}
			if k := rng.IntN(len(chain) + 2); chainNames(rc.Last(s, k)) != chainNames(chain[max(0, len(chain)-k):]) {
				t.Fatalf("%v %v: chain %s: Last(%d) = %s", nodes, edges, chainNames(chain), k, chainNames(rc.Last(s, k)))
			}
		}
	}
}

func hardDependsOn(s, on *catalog.Service) bool {
	for _, d := range s.DependsOn {
		if d.Hard && d.To == on {
			return true
		}
	}
	return false
}

func BenchmarkLongestRestoreChains(b *testing.B) {
	var nodes, edges []string
	for i := 0; i < 10000; i++ {
		nodes = append(nodes, fmt.Sprintf("s%05d:1", i))
		for k := 1; k <= 3 && i-k*7 >= 0; k++ {
			edges = append(edges, fmt.Sprintf("s%05d>s%05d", i, i-k*7))
		}
	}
	svcs := chainServices(nodes, edges...)
	for b.Loop() {
		LongestRestoreChains(svcs, chainDuration)
	}
}
