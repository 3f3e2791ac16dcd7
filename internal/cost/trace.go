package cost

import (
	"sort"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/decimal"
)

// Share is the part of a service's full cost that was spent by one
// service (Origin) in one cost pool.
type Share struct {
	Origin string
	Pool   string
	Amount decimal.Decimal
}

// Trace splits a service's full cost by where it was spent: the service's
// own direct cost, and the direct cost of every supporting service
// upstream of it (not only its direct dependencies: storage's cost that
// reached email through the mail platform is storage's), each by pool.
// The shares add up to the service's Total. Shares come sorted by origin
// (the service itself first), then by pool in a.Pools order.
//
// Trace runs on demand rather than in Allocate: it walks the service's
// upstream, and most callers need only the totals. In a catalog with a
// dependency cycle the shares do not add up (a cycle has no upstream
// order).
func (a *Allocation) Trace(name string) []Share {
	sc := a.Service(name)
	if sc == nil {
		return nil
	}
	// The supporting services upstream of sc, dependents before their
	// dependencies: reversed DFS post-order.
	var order []*catalog.Service
	seen := map[*catalog.Service]bool{}
	var visit func(s *catalog.Service)
	visit = func(s *catalog.Service) {
		seen[s] = true
		for _, d := range s.DependsOn {
			if d.To != nil && !d.To.IsBusiness() && !seen[d.To] {
				visit(d.To)
			}
		}
		order = append(order, s)
	}
	visit(sc.Service)

	// fraction[X] is the part of X's full cost that ends up in sc: what X
	// passes to each dependent Y, times Y's own fraction.
	fraction := map[*catalog.Service]decimal.Decimal{sc.Service: decimal.FromInt(1)}
	for i := len(order) - 1; i >= 0; i-- {
		y := order[i]
		fy, ok := fraction[y]
		if !ok {
			continue
		}
		for _, d := range y.DependsOn {
			x := d.To
			if x == nil || x.IsBusiness() || x == sc.Service {
				continue
			}
			xc := a.index[x]
			if xc == nil || xc.weights.Sign() == 0 {
				continue
			}
			f, _ := fy.Mul(weight(d)).Quo(xc.weights)
			fraction[x] = fraction[x].Add(f)
		}
	}

	var shares []Share
	add := func(xc *ServiceCost, f decimal.Decimal) {
		for _, p := range a.Pools {
			v, ok := xc.Direct[p]
			if !ok || v.IsZero() {
				continue
			}
			shares = append(shares, Share{Origin: xc.Service.Name, Pool: p, Amount: v.Mul(f)})
		}
	}
	add(sc, fraction[sc.Service])
	upstream := make([]*catalog.Service, 0, len(fraction))
	for x := range fraction {
		if x != sc.Service {
			upstream = append(upstream, x)
		}
	}
	sort.Slice(upstream, func(i, j int) bool { return upstream[i].Name < upstream[j].Name })
	for _, x := range upstream {
		add(a.index[x], fraction[x])
	}
	return shares
}

// weight is an edge's share of its dependency's cost; a weight that is
// not positive (a schema error) counts as 1.
func weight(d *catalog.Dependency) decimal.Decimal {
	if d.Weight.Sign() <= 0 {
		return decimal.FromInt(1)
	}
	return d.Weight
}
