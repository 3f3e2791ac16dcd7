package cost_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/svccat/svccat/internal/catalog"
)

// shape says how a random catalog's supporting services depend on each
// other.
type shape struct {
	// layers > 0 puts supporting services in that many layers, each
	// depending only on deeper ones (platforms on infrastructure), as real
	// catalogs do; 0 makes an arbitrary DAG, with chains hundreds deep.
	layers int
	// decimalWeights draws weights such as 2.7 instead of whole numbers;
	// with deep chains they make the exact fractions large.
	decimalWeights bool
}

// randomCatalog builds a catalog of n services, a fifth of them
// supporting: supporting services form a random DAG (each depends only on
// supporting services with a larger index), business services depend on a
// few supporting services and now and then on another business service.
// Amounts have cents, periods are mixed, and some supporting services are
// orphans.
func randomCatalog(r *rand.Rand, n int, sh shape) *catalog.Catalog {
	nSup := max(n/5, 1)
	periods := []string{"", "month", "quarter", "year"}
	pools := []string{"hardware", "software", "labor", "cloud", "licences"}
	segments := map[string]string{}
	for i := 0; i < max(n/20, 2); i++ {
		segments[fmt.Sprintf("seg-%d", i)] = fmt.Sprintf("mkt-%d", i%3)
	}
	segNames := sortedKeys(segments)
	amount := func() string { return fmt.Sprintf("%d.%02d", r.IntN(100000), r.IntN(100)) }
	weight := func() string {
		switch {
		case r.IntN(2) == 0:
			return ""
		case sh.decimalWeights:
			return fmt.Sprintf("%d.%d", 1+r.IntN(4), r.IntN(10))
		}
		return fmt.Sprint(1 + r.IntN(4))
	}
	var out []svc
	for i := 0; i < n; i++ {
		s := svc{period: periods[r.IntN(len(periods))], pools: map[string]string{}}
		for _, p := range pools {
			if r.IntN(3) == 0 {
				s.pools[p] = amount()
			}
		}
		if i < nSup {
			s.name, s.typ = fmt.Sprintf("sup-%05d", i), "supporting"
			// Dependencies are drawn from [lo, nSup): every later service,
			// or the deeper layers only.
			lo := i + 1
			if sh.layers > 0 {
				// The first index of the next layer: the smallest j with
				// j*layers/nSup > i*layers/nSup.
				lo = ((i*sh.layers/nSup+1)*nSup + sh.layers - 1) / sh.layers
			}
			for k := r.IntN(4); k > 0 && lo < nSup; k-- {
				s.deps = append(s.deps, dep{to: fmt.Sprintf("sup-%05d", lo+r.IntN(nSup-lo)), soft: r.IntN(4) == 0, weight: weight()})
			}
		} else {
			s.name, s.typ = fmt.Sprintf("biz-%05d", i), "business"
			for k := 1 + r.IntN(4); k > 0; k-- {
				s.deps = append(s.deps, dep{to: fmt.Sprintf("sup-%05d", r.IntN(nSup)), soft: r.IntN(4) == 0, weight: weight()})
			}
			if i > nSup && r.IntN(10) == 0 {
				s.deps = append(s.deps, dep{to: fmt.Sprintf("biz-%05d", nSup+r.IntN(i-nSup))})
			}
			for k := r.IntN(3); k > 0; k-- {
				s.segs = append(s.segs, segNames[r.IntN(len(segNames))])
			}
			if r.IntN(4) != 0 {
				s.unit, s.planned, s.price = "user", fmt.Sprint(r.IntN(5000)), amount()
			}
		}
		out = append(out, s)
	}
	return build(out, segments)
}
