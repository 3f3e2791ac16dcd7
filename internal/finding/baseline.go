package finding

// Baseline states, as JSON and SARIF write them.
const (
	BaselineNew       = "new"       // not in the baseline: counts for --fail-on
	BaselineUnchanged = "unchanged" // in the baseline: does not fail the run
	BaselineAbsent    = "absent"    // in the baseline, gone from this run
)

// MarkBaseline sets the Baseline state of each of fs against the findings
// of a baseline, by identity (rule, entity, key) and counting: two
// findings of one identity against one in the baseline are one unchanged
// and one new. It returns the baseline findings that are gone, marked
// absent.
func MarkBaseline(fs []Finding, baseline []Finding) (absent []Finding) {
	count := map[Identity]int{}
	for _, f := range baseline {
		count[f.Identity()]++
	}
	for i := range fs {
		id := fs[i].Identity()
		if count[id] > 0 {
			count[id]--
			fs[i].Baseline = BaselineUnchanged
		} else {
			fs[i].Baseline = BaselineNew
		}
	}
	for _, f := range baseline {
		if id := f.Identity(); count[id] > 0 {
			count[id]--
			f.Baseline = BaselineAbsent
			absent = append(absent, f)
		}
	}
	return absent
}
