package pdfout

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

// BenchmarkLongURL writes the small dataset with its document's URL
// (shown on the cover and in the source list) n bytes long, and reports
// the size of the PDF: it grows with n, not with n times the URL's lines.
func BenchmarkLongURL(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			d := loadSmall(b)
			d.DocumentSource().URL = "https://example.org/" + strings.Repeat("abcdefghij", n/10)[:n-len("https://example.org/")]
			v := build(d, timeline.Filter{})
			b.ReportAllocs()
			var size int
			for b.Loop() {
				var buf bytes.Buffer
				if err := Write(&buf, v, Options{}); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size), "pdf-bytes")
		})
	}
}
