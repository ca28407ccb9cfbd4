package timeline_test

import (
	"encoding/json"
	"runtime"
	"runtime/metrics"
	"strconv"
	"syscall"
	"testing"
	"time"

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
		// the PDF's fonts cannot draw. Its target is ≤ 1.5× plain, and a
		// peak of memory ≤ 2× the file: file-peak-heap is the peak of the
		// Go heap over one validate, the file included, over the file's
		// size (what the process holds beyond it is the same at any size).
		// Each round also decodes the file plainly, so that cpu-ratio, the
		// CPU time of validate over that of the plain decode (all threads,
		// the collector's included), compares the two in the same moments
		// of a shared machine.
		b.Run("validate/"+strconv.Itoa(n), func(b *testing.B) {
			validate := func() {
				d, _, err := timeline.Load("bench.json", data)
				if err != nil {
					b.Fatal(err)
				}
				if ms := pdfout.CheckDataset(d, render.Options{Version: "bench"}, nil); len(ms) > 0 {
					b.Fatal(pdfout.MissingText(ms))
				}
			}
			runtime.GC()
			before := heapObjects()
			peak := samplePeakHeap()
			validate()
			ratio := float64(max(peak(), before)-before+uint64(len(data))) / float64(len(data))
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			var ours, plain time.Duration
			for b.Loop() {
				t0 := cpuTime()
				validate()
				t1 := cpuTime()
				b.StopTimer()
				var d plainDataset
				if err := json.Unmarshal(data, &d); err != nil {
					b.Fatal(err)
				}
				plain += cpuTime() - t1
				b.StartTimer()
				ours += t1 - t0
			}
			b.ReportMetric(ratio, "file-peak-heap")
			b.ReportMetric(ours.Seconds()/float64(b.N), "s-CPU/op")
			b.ReportMetric(plain.Seconds()/float64(b.N), "plain-s-CPU/op")
			b.ReportMetric(float64(ours)/float64(plain), "cpu-ratio")
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

// cpuTime returns the CPU time the process has used, user and system,
// all threads: on a shared machine a steadier measure than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// heapObjects is the size of the Go heap's objects, live and not yet
// collected.
func heapObjects() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// samplePeakHeap samples heapObjects every millisecond until the function
// it returns is called, which returns the peak.
func samplePeakHeap() func() uint64 {
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		var peak uint64
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			peak = max(peak, heapObjects())
			select {
			case <-stop:
				done <- max(peak, heapObjects())
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(stop)
		return <-done
	}
}
