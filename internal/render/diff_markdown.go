package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/svccat/svccat/internal/mdtext"
)

// detailsAfter is how many items a section shows before the rest goes
// into <details>: a comment stays readable with thousands of changes.
const detailsAfter = 10

// DiffMarkdown writes the change as a pull-request comment: the marker
// first (the comment is found and updated by it), a headline, and one
// section per part that changed, long ones folded in <details>. Past
// MaxBytes the longest sections are shortened, each with a note of how
// many items were left out.
func DiffMarkdown(w io.Writer, in DiffInput) error {
	max := in.MaxBytes
	if max <= 0 {
		max = DefaultDiffMaxBytes
	}
	head := fmt.Sprintf("%s\n### svccat diff\n\n**%s**\n\nCompared with %s.\n", DiffMarker, mdtext.Cell(DiffHeadline(in.Change)), mdtext.Code(baseLabel(in)))
	secs := diffSections(in, markdownStyle)
	size := func() int {
		n := len(head)
		for _, s := range secs {
			n += len(mdSection(s))
		}
		return n
	}
	for total := size(); total > max; total = size() {
		// Shorten the longest section to the length of the next one,
		// or by what is over, whichever is less.
		long, second := -1, 0
		for i, s := range secs {
			l := len(mdSection(s))
			if long < 0 || l > len(mdSection(secs[long])) {
				if long >= 0 {
					second = max2(second, len(mdSection(secs[long])))
				}
				long = i
			} else {
				second = max2(second, l)
			}
		}
		if long < 0 || len(secs[long].Items) == 0 {
			break // nothing left to shorten: the headings alone are over
		}
		s := &secs[long]
		target := max2(len(mdSection(*s))-(total-max), second)
		for len(s.Items) > 0 && len(mdSection(*s)) > target {
			// Drop a batch at a time: one item per pass would make a
			// 10,000-line section quadratic.
			cut := max2(1, (len(mdSection(*s))-target)/(len(s.Items[len(s.Items)-1])+3))
			cut = min(cut, len(s.Items))
			s.Items = s.Items[:len(s.Items)-cut]
			s.Omitted += cut
		}
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(head)
	for _, s := range secs {
		bw.WriteString(mdSection(s))
	}
	return bw.Flush()
}

func max2(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func mdSection(s diffSection) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n#### %s\n\n", s.Title)
	if s.Summary != "" {
		fmt.Fprintf(&b, "%s\n\n", s.Summary)
	}
	items := s.Items
	shown := items
	if len(items) > detailsAfter {
		shown = items[:detailsAfter]
	}
	for _, it := range shown {
		fmt.Fprintf(&b, "- %s\n", it)
	}
	if rest := items[len(shown):]; len(rest) > 0 {
		fmt.Fprintf(&b, "\n<details><summary>%d more</summary>\n\n", len(rest))
		for _, it := range rest {
			fmt.Fprintf(&b, "- %s\n", it)
		}
		b.WriteString("\n</details>\n")
	}
	if s.Omitted > 0 {
		fmt.Fprintf(&b, "\n_%d more left out to keep this comment under its size limit; run `svccat diff` locally for the full list._\n", s.Omitted)
	}
	return b.String()
}
