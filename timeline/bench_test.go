package timeline_test

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/pdfout"
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
// 100,000 events shaped like users' (rendertest.RealisticJSON), the work
// every command does first ("load"), next to
// its baseline: a plain encoding/json decode of the same bytes into plain
// structs, with dates as strings ("plain"). The target is load and
// validate ≤ 1.5× plain in time, and at most twice the file's size allocated.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		data := rendertest.RealisticJSON(n)
		b.Run("plain/"+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				var d plainDataset
				if err := json.Unmarshal(data, &d); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("load/"+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, err := timeline.Load("bench.json", data); err != nil {
					b.Fatal(err)
				}
			}
		})
		// What timeline validate does: load, then look for characters
		// the PDF's fonts cannot draw. Its target is ≤ 1.5× plain.
		b.Run("validate/"+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				d, _, err := timeline.Load("bench.json", data)
				if err != nil {
					b.Fatal(err)
				}
				if ms := pdfout.CheckDataset(d, render.Options{Version: "bench"}, nil); len(ms) > 0 {
					b.Fatal(pdfout.MissingText(ms))
				}
			}
		})
	}
}

// plainDataset is the dataset as plain structs, every field a string or
// a list of strings: the baseline of BenchmarkLoad.
type plainDataset struct {
	Schema, Title, Subtitle, Document string
	Eras, Categories                  []struct{ ID, Label, Span, Color, Description string }
	Sources                           []struct {
		ID, Kind, Author, Title, Publisher, Date, URL, Locator string
		Footnote                                               int
	}
	Events []struct {
		ID, Date, Display, Title, Summary, Era, Category string
		Status, Attribution, Section                     string
		Tags, Sources                                    []string
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
