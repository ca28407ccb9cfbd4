package timeline_test

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

func BenchmarkParseDate(b *testing.B) {
	inputs := []string{"1997-10-08", "196X", "1985~", "1997-10-08/2012-09-28", "2013/..", "-0044"}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range inputs {
			if _, err := timeline.ParseDate(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkLoad measures decoding and validating datasets of 1,000 to
// 100,000 events, the work every command does first.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		var buf bytes.Buffer
		if err := timeline.Encode(&buf, rendertest.Synthetic(n)); err != nil {
			b.Fatal(err)
		}
		data := buf.Bytes()
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, err := timeline.Load("bench.json", data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFilter(b *testing.B) {
	d := rendertest.Synthetic(100000)
	f := timeline.Filter{Eras: []string{"era2"}, Text: "event"}
	b.ReportAllocs()
	for b.Loop() {
		f.Apply(d)
	}
}
