package cost

import (
	"sort"

	"github.com/svccat/svccat/internal/catalog"
	"github.com/svccat/svccat/internal/config"
)

// DefaultCurrency is the catalog's currency when neither the config nor
// any cost names one.
const DefaultCurrency = "USD"

// Currency is the catalog's one currency: the config's currency when set,
// else the most common currency among the services' costs (ties go to the
// alphabetically first), else USD.
func Currency(c *catalog.Catalog, cfg *config.Config) string {
	if cfg != nil && cfg.Currency != "" {
		return cfg.Currency
	}
	count := map[string]int{}
	for _, s := range c.Services {
		if s.Cost != nil && s.Cost.Currency != "" {
			count[s.Cost.Currency]++
		}
	}
	if len(count) == 0 {
		return DefaultCurrency
	}
	codes := make([]string, 0, len(count))
	for k := range count {
		codes = append(codes, k)
	}
	sort.Slice(codes, func(i, j int) bool {
		if count[codes[i]] != count[codes[j]] {
			return count[codes[i]] > count[codes[j]]
		}
		return codes[i] < codes[j]
	})
	return codes[0]
}

// minorUnits are the ISO 4217 currencies whose minor unit is not the
// cent (two decimal places).
var minorUnits = map[string]int{
	// No minor unit.
	"BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0,
	"KRW": 0, "PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0,
	"XAF": 0, "XOF": 0, "XPF": 0,
	// Three decimal places.
	"BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
	// Four.
	"CLF": 4, "UYW": 4,
}

// MinorUnits returns the number of decimal places of currency's minor
// unit (ISO 4217 exponent): 2 for USD and EUR, 0 for JPY, 3 for KWD. An
// unknown code gets 2.
func MinorUnits(currency string) int {
	if n, ok := minorUnits[currency]; ok {
		return n
	}
	return 2
}
