package markwhen

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

// benchText makes markwhen text of n events shaped like a user's: a
// header, a heading every 200 events (a section every fifth), each event
// a date in one of markwhen's forms, a title of some words with two tags,
// and a description of two lines.
func benchText(n int) []byte {
	var b strings.Builder
	b.WriteString("---\ntitle: A long chronology\ndescription: Made for the benchmark\n---\n\n")
	for i := range n {
		if i%200 == 0 {
			fmt.Fprintf(&b, "\n# Part %d\n", i/200+1)
			if i%1000 == 0 {
				b.WriteString("style: section\n")
			}
			b.WriteByte('\n')
		}
		y, m, d := 1900+i%120, 1+i%12, 1+i%28
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "%04d-%02d-%02d", y, m, d)
		case 1:
			fmt.Fprintf(&b, "%02d/%02d/%04d", m, d, y)
		case 2:
			fmt.Fprintf(&b, "%04d-%02d/%04d-%02d", y, m, y+1, m)
		case 3:
			fmt.Fprintf(&b, "%d - %d", y, y+3)
		case 4:
			fmt.Fprintf(&b, "%s %d %d", strings.Title(monthNames[m-1]), d, y) //nolint:staticcheck // ASCII month names
		}
		fmt.Fprintf(&b, ": Event %d of the council's long review of the river crossing #topic%d #year%d\n", i, i%7, y)
		b.WriteString("  The committee met again and heard the engineers, the residents and the treasurer on the cost.\n")
		b.WriteString("  Its minutes record the vote and who abstained, and the papers it asked to see before the next meeting.\n\n")
	}
	return []byte(b.String())
}

// BenchmarkRead reads markwhen text of 1,000 to 100,000 events
// ("markwhen") next to its baseline in the same run: timeline.Decode of
// the same dataset as our JSON ("json"), what reading the tool's own
// format costs. Read the figures as the ratio of the two.
func BenchmarkRead(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		text := benchText(n)
		d, _, err := Read("bench.mw", text)
		if err != nil || len(d.Events) != n {
			b.Fatalf("%v, %d events", err, len(d.Events))
		}
		var js bytes.Buffer
		if err := timeline.Encode(&js, d); err != nil {
			b.Fatal(err)
		}
		b.Run("json/"+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(js.Len()))
			for b.Loop() {
				if _, err := timeline.Decode("bench.json", js.Bytes()); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("markwhen/"+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, _, err := Read("bench.mw", text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
