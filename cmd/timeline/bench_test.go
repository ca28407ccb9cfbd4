package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/timeline-tool/timeline/render/rendertest"
)

// BenchmarkHTML runs `timeline html --data FILE -o OUT` in the process on
// n events shaped like users' data (rendertest.RealisticJSON): reading and
// checking the file, building the view and writing the page, as a user's
// command does. It reports the CPU time of the process per command
// (s-CPU/op, all threads, the collector's included; the goal is
// 0.3 s at 10,000 events) and, measured in the same run as its baseline,
// the CPU time of decoding the same file with encoding/json into untyped
// values and encoding them again to a discarded writer (plain-s-CPU/op):
// about the least any reader and writer of that JSON does. ratio is the
// one over the other.
func BenchmarkHTML(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) { benchCommand(b, "html", "page.html", rendertest.RealisticJSON(n)) })
	}
}

// benchCommand runs `timeline command --data FILE -o OUT` on raw, as this
// tool's JSON, and reports its CPU time per command beside the plain
// encoding/json decode and encode of raw in the same rounds (see
// BenchmarkHTML).
func benchCommand(b *testing.B, command, outName string, raw []byte) {
	dir := b.TempDir()
	in, out := filepath.Join(dir, "events.json"), filepath.Join(dir, outName)
	if err := os.WriteFile(in, raw, 0o644); err != nil {
		b.Fatal(err)
	}
	var ours, plain time.Duration
	for b.Loop() {
		t := cpuTime()
		if code := run([]string{command, "--data", in, "-o", out}, nil, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("timeline %s exited with %d", command, code)
		}
		t1 := cpuTime()
		var x any
		if err := json.Unmarshal(raw, &x); err != nil {
			b.Fatal(err)
		}
		if err := json.NewEncoder(io.Discard).Encode(x); err != nil {
			b.Fatal(err)
		}
		ours, plain = ours+t1-t, plain+cpuTime()-t1
	}
	b.ReportMetric(ours.Seconds()/float64(b.N), "s-CPU/op")
	b.ReportMetric(plain.Seconds()/float64(b.N), "plain-s-CPU/op")
	b.ReportMetric(float64(ours)/float64(plain), "ratio")
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

// BenchmarkPDF runs `timeline pdf --data FILE -o OUT` in the process on
// the synthetic data of render/pdfout's BenchmarkWrite
// (rendertest.Synthetic, as this tool's JSON) and on data shaped like
// users' (rendertest.RealisticJSON, twice the pages): reading and checking
// the file, the glyph check, the view and the briefing, as a user's
// command does. It reports the CPU time of the process per command
// (s-CPU/op, all threads; the goal is 0.5 s at 10,000 events)
// beside, in the same rounds, the CPU time of decoding the same file with
// encoding/json into untyped values and encoding them again
// (plain-s-CPU/op), and the ratio of the two.
func BenchmarkPDF(b *testing.B) {
	for _, c := range []struct {
		name string
		data func(int) []byte
	}{{"synthetic", syntheticJSON}, {"realistic", rendertest.RealisticJSON}} {
		for _, n := range []int{10000, 100000} {
			b.Run(c.name+"/"+strconv.Itoa(n), func(b *testing.B) { benchCommand(b, "pdf", "briefing.pdf", c.data(n)) })
		}
	}
}

// syntheticJSON is rendertest.Synthetic(n) as this tool's JSON.
func syntheticJSON(n int) []byte {
	raw, err := json.Marshal(rendertest.Synthetic(n))
	if err != nil {
		panic(err)
	}
	return raw
}
