package pdfout

import (
	"io"
	"strconv"
	"testing"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{100, 1000, 10000, 100000} {
		b.Run("events="+strconv.Itoa(n), func(b *testing.B) {
			v := render.Build(rendertest.Synthetic(n), timeline.Filter{}, render.Options{Version: "bench"})
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := Write(io.Discard, v, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
