// Package cost computes what services cost: direct cost by pool in a
// reporting period, the step-down allocation of shared supporting
// services to the services that depend on them, unit cost against price,
// and roll-ups by segment and market. Every figure is exact (a rational
// number); rounding happens only where a report shows a figure.
package cost

import (
	"sort"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
	"github.com/svccat/svccat/internal/decimal"
)

// Allocation is every service's cost in one reporting period.
type Allocation struct {
	// Currency is the catalog's currency; no amount is converted between
	// currencies.
	Currency string
	// Period is the reporting period: month, quarter or year.
	Period string
	// Pools are the cost pools that carry an amount: the default pools
	// and the config's in their order, then any other pool by name.
	Pools []string
	// Services holds one entry per service, sorted by name.
	Services []*ServiceCost
	// Direct is the sum of every service's direct cost: what the whole
	// catalog costs in the period.
	Direct decimal.Decimal
	// Unallocated is the full cost of supporting services that no service
	// depends on (and, in a catalog with a dependency cycle, what reached
	// a supporting service after it had passed its cost on). Business
	// services' totals plus Unallocated equal Direct.
	Unallocated decimal.Decimal
	// Cyclic is true when a dependency cycle among supporting services
	// forced the allocation to break it (see Unallocated).
	Cyclic bool

	catalog *catalog.Catalog
	byName  map[string]*ServiceCost
	index   map[*catalog.Service]*ServiceCost
}

// Service returns the cost of the service named name, or nil.
func (a *Allocation) Service(name string) *ServiceCost { return a.byName[name] }

// ServiceCost is one service's cost in the reporting period.
type ServiceCost struct {
	Service *catalog.Service
	// Direct is the service's own cost by pool, converted to the
	// reporting period.
	Direct      map[string]decimal.Decimal
	DirectTotal decimal.Decimal
	// Allocated is what the service received from the supporting services
	// it depends on (their full cost, shared in proportion to the edge
	// weights).
	Allocated decimal.Decimal
	// Received splits Allocated by the supporting service that charged it
	// (a direct dependency). Trace goes further back, to the supporting
	// service where each amount was spent, and to its pool.
	Received map[string]decimal.Decimal
	// Total is the full cost: DirectTotal + Allocated. For a supporting
	// service, it is what the service passes on to its dependents.
	Total decimal.Decimal
	// Unallocated is, for a supporting service, the part of Total that no
	// service bears: all of it when nothing depends on the service.
	Unallocated decimal.Decimal

	// Unit is what consumption counts ("mailbox"); "" when not given.
	Unit string
	// Planned is the planned volume in the reporting period (nil if none).
	Planned *decimal.Decimal
	// UnitCost is Total / Planned; nil when the planned volume is missing
	// or zero: the unit cost is then not defined.
	UnitCost *decimal.Decimal
	// Price is the price per unit per cost period; converting periods
	// scales volumes and money alike, so it does not change.
	Price *decimal.Decimal
	// Revenue is Price × Planned and Recovery is Revenue − Total; nil
	// without a price and a planned volume.
	Revenue, Recovery *decimal.Decimal

	// weights is the sum of the weights of the edges pointing at the
	// service: what an edge's weight is a share of.
	weights decimal.Decimal
}

// Name is the service's name.
func (sc *ServiceCost) Name() string { return sc.Service.Name }

// node is a service while the allocation runs.
type node struct {
	sc         *ServiceCost
	business   bool
	received   decimal.Decimal
	in         []receipt // what it received, by the supporting service that charged it
	dependents []edge    // edges from services that depend on this one
	pending    int       // supporting dependencies not yet passed on
	done       bool
}

type edge struct {
	from   int // index of the dependent service
	weight decimal.Decimal
}

type receipt struct {
	origin int
	amount decimal.Decimal
}

// Allocate computes every service's direct, allocated and full cost in
// the reporting period ("month", "quarter" or "year"; "" means the
// config's period).
//
// A cost without a period is per the config's period, and so is a
// planned volume without one. Supporting services pass their full cost
// (direct + received) to every service that depends on them, hard or
// soft, in proportion to the edge weights, dependencies first, so chains
// of supporting services pass cost down (step-down allocation). Business
// services keep their cost, even when another service depends on them.
// A supporting service nothing depends on keeps its cost as unallocated.
//
// Allocate never fails: on a catalog with errors it computes what it can
// (a weight that is not positive counts as 1; a dependency cycle is broken
// and reported through Cyclic) so that lint rules can use it.
func Allocate(c *catalog.Catalog, cfg *config.Config, period string) *Allocation {
	if cfg == nil {
		cfg = config.Default()
	}
	base := cfg.Period
	if !ValidPeriod(base) {
		base = "year"
	}
	if !ValidPeriod(period) {
		period = base
	}
	// Retired services are kept for the record only: they cost nothing
	// now and receive no allocation (pipeline services are in: their cost
	// is planned).
	svcs := make([]*catalog.Service, 0, len(c.Services))
	for _, s := range c.Services {
		if !s.IsRetired() {
			svcs = append(svcs, s)
		}
	}
	a := &Allocation{
		Currency: Currency(c, cfg),
		Period:   period,
		catalog:  c,
		byName:   make(map[string]*ServiceCost, len(c.Services)),
		index:    make(map[*catalog.Service]*ServiceCost, len(c.Services)),
	}

	nodes := make([]node, len(svcs))
	index := make(map[*catalog.Service]int, len(svcs))
	pools := map[string]bool{}
	for i, s := range svcs {
		index[s] = i
		sc := &ServiceCost{Service: s, Direct: map[string]decimal.Decimal{}, Received: map[string]decimal.Decimal{}}
		a.Services = append(a.Services, sc)
		a.index[s] = sc
		if _, ok := a.byName[s.Name]; !ok {
			a.byName[s.Name] = sc
		}
		nodes[i] = node{sc: sc, business: s.IsBusiness()}
		costPeriod := servicePeriod(s, base)
		if s.Cost != nil {
			for _, p := range s.Cost.Pools {
				v := Convert(p.Amount, costPeriod, period)
				pools[p.Pool] = true
				// A pool given twice (a schema error) counts twice.
				sc.Direct[p.Pool] = sc.Direct[p.Pool].Add(v)
				sc.DirectTotal = sc.DirectTotal.Add(v)
			}
		}
		consumption(sc, costPeriod, period)
	}
	a.Pools = poolOrder(cfg, pools)

	for i, s := range svcs {
		for _, d := range s.DependsOn {
			if d.To == nil {
				continue
			}
			j, ok := index[d.To]
			if !ok {
				continue
			}
			nodes[j].dependents = append(nodes[j].dependents, edge{from: i, weight: weight(d)})
			if !nodes[i].business && !nodes[j].business {
				nodes[i].pending++
			}
		}
	}

	// Step-down: a supporting service passes its cost on once every
	// supporting service it depends on has passed theirs (Kahn's order).
	// Exact arithmetic makes the result independent of the order among
	// ready services.
	var queue []int
	for i := range nodes {
		if !nodes[i].business && nodes[i].pending == 0 {
			queue = append(queue, i)
		}
	}
	var unalloc decimal.Decimal
	next := 0 // where to look for a service stuck on a cycle
	for {
		if len(queue) == 0 {
			// Whatever is left waits on a cycle: break it at the first
			// such service by name.
			for next < len(nodes) && (nodes[next].done || nodes[next].business) {
				next++
			}
			if next == len(nodes) {
				break
			}
			a.Cyclic = true
			queue = append(queue, next)
		}
		i := queue[0]
		queue = queue[1:]
		n := &nodes[i]
		n.done = true
		full := n.sc.DirectTotal.Add(n.received)
		if len(n.dependents) == 0 {
			n.sc.Unallocated = full
			unalloc = unalloc.Add(full)
			continue
		}
		var sum decimal.Decimal
		for _, e := range n.dependents {
			sum = sum.Add(e.weight)
		}
		n.sc.weights = sum
		per, _ := full.Quo(sum)
		for _, e := range n.dependents {
			amt := per.Mul(e.weight)
			m := &nodes[e.from]
			m.received = m.received.Add(amt)
			// Two edges from m to n (a duplicate entry) arrive one after
			// the other: add them up.
			if k := len(m.in) - 1; k >= 0 && m.in[k].origin == i {
				m.in[k].amount = m.in[k].amount.Add(amt)
			} else {
				m.in = append(m.in, receipt{origin: i, amount: amt})
			}
			if m.business {
				continue
			}
			if m.done {
				// Only on a cycle: m has passed its cost on already.
				m.sc.Unallocated = m.sc.Unallocated.Add(amt)
				unalloc = unalloc.Add(amt)
				continue
			}
			m.pending--
			if m.pending == 0 {
				queue = append(queue, e.from)
			}
		}
	}

	var direct decimal.Decimal
	for i := range nodes {
		n := &nodes[i]
		sc := n.sc
		direct = direct.Add(sc.DirectTotal)
		sc.Allocated = n.received
		sc.Total = sc.DirectTotal.Add(n.received)
		for _, r := range n.in {
			sc.Received[nodes[r.origin].sc.Service.Name] = r.amount
		}
		if sc.Planned != nil && sc.Planned.Sign() != 0 {
			u, _ := sc.Total.Quo(*sc.Planned)
			sc.UnitCost = &u
		}
		if sc.Revenue != nil {
			r := sc.Revenue.Sub(sc.Total)
			sc.Recovery = &r
		}
	}
	a.Direct = direct
	a.Unallocated = unalloc
	return a
}

// consumption fills in unit, planned volume, price and revenue. Planned
// volumes are per cost period, so they scale with the period like money.
func consumption(sc *ServiceCost, costPeriod, period string) {
	con := sc.Service.Consumption
	if con == nil {
		return
	}
	sc.Unit = con.Unit
	if con.Planned != nil {
		p := Convert(*con.Planned, costPeriod, period)
		sc.Planned = &p
	}
	if con.Price != nil {
		p := *con.Price
		sc.Price = &p
	}
	if sc.Planned != nil && sc.Price != nil {
		r := sc.Price.Mul(*sc.Planned)
		sc.Revenue = &r
	}
}

// poolOrder lists the pools in use: the config's pools in order, then any
// other by name.
func poolOrder(cfg *config.Config, used map[string]bool) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range cfg.Pools() {
		if used[p] {
			out = append(out, p)
			seen[p] = true
		}
	}
	var rest []string
	for p := range used {
		if !seen[p] {
			rest = append(rest, p)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}
