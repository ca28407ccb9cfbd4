package pdfout

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// BenchmarkWrite writes the briefing of synthetic datasets ("write"),
// next to its baseline in the same run: the same briefing with gofpdf
// compressing the pages itself, as Write did before it compressed them
// in finish ("gofpdf-zlib"). Besides time and allocations it reports the
// CPU time of the process per write (s-CPU/op), the pages, the size of the PDF, the peak of the Go heap while writing
// (sampled every millisecond: live and not yet collected objects) above
// what it held before (the view, the dataset, the fonts), and
// the peak resident memory of the process so far (sizes run in
// ascending order, so each reading is the peak of the largest size yet).
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{100, 1000, 10000, 100000} {
		v := render.Build(rendertest.Synthetic(n), timeline.Filter{}, render.Options{Version: "bench"})
		for _, c := range []struct {
			name  string
			write func(io.Writer, *render.View, Options) error
		}{{"gofpdf-zlib", writeGofpdfCompressed}, {"write", Write}} {
			b.Run("events="+strconv.Itoa(n)+"/"+c.name, func(b *testing.B) {
				var out bytes.Buffer
				if err := c.write(&out, v, Options{}); err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				before := ms.HeapAlloc // the view, the dataset and the fonts
				peak := samplePeakHeap()
				cpu0 := cpuTime()
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					if err := c.write(io.Discard, v, Options{}); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N)/1e9, "s-CPU/op")
				top := peak()
				b.ReportMetric(float64(top-min(top, before))/1e6, "MB-peak-heap-added")
				b.ReportMetric(float64(bytes.Count(out.Bytes(), []byte("<</Type /Page\n"))), "pages")
				b.ReportMetric(float64(out.Len())/1e6, "MB-pdf")
				if hwm := peakRSS(); hwm > 0 {
					b.ReportMetric(float64(hwm)/1e6, "MB-peak-RSS")
				}
			})
		}
	}
}

// cpuTime returns the CPU time the process has used, user and system,
// all threads (the garbage collector's included): on a shared machine
// a steadier measure than the wall time of ns/op.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// samplePeakHeap starts reading the heap's size every millisecond; the
// function it returns stops and returns the largest reading.
func samplePeakHeap() func() uint64 {
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-stop:
				done <- peak
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

// peakRSS returns the process's peak resident memory in bytes, or 0 where
// /proc does not tell.
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				return kb * 1024
			}
		}
	}
	return 0
}

// BenchmarkVersusChromium compares Write with the common alternative:
// printing an HTML list of the same events to PDF with headless Chromium.
// Its ns/op is Chromium's; pdfout-ns/op is Write's on the same view, and
// x-faster is the ratio. It skips when Chromium is missing.
func BenchmarkVersusChromium(b *testing.B) {
	chrome := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			chrome = p
			break
		}
	}
	if chrome == "" {
		b.Skip("chromium is missing")
	}
	for _, n := range []int{1000, 10000} {
		b.Run("events="+strconv.Itoa(n), func(b *testing.B) {
			v := render.Build(rendertest.Synthetic(n), timeline.Filter{}, render.Options{Version: "bench"})
			dir := b.TempDir()
			page := filepath.Join(dir, "events.html")
			if err := os.WriteFile(page, eventListHTML(v), 0o644); err != nil {
				b.Fatal(err)
			}
			var ours time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				start := time.Now()
				if err := Write(io.Discard, v, Options{}); err != nil {
					b.Fatal(err)
				}
				ours += time.Since(start)
				profile, err := os.MkdirTemp(dir, "profile")
				if err != nil {
					b.Fatal(err)
				}
				out := filepath.Join(dir, "chromium.pdf")
				os.Remove(out)
				cmd := exec.Command(chrome, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--user-data-dir="+profile, "--print-to-pdf="+out, page)
				b.StartTimer()
				msg, err := cmd.CombinedOutput()
				b.StopTimer()
				if _, serr := os.Stat(out); err != nil || serr != nil {
					b.Fatalf("chromium: %v %v\n%s", err, serr, msg)
				}
				b.StartTimer()
			}
			b.StopTimer()
			perOp := float64(ours.Nanoseconds()) / float64(b.N)
			b.ReportMetric(perOp, "pdfout-ns/op")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/perOp, "x-faster")
		})
	}
}

// eventListHTML is the common alternative to this package: the same events
// as a plain HTML list, for a browser to print.
func eventListHTML(v *render.View) []byte {
	var b bytes.Buffer
	b.WriteString("<!doctype html><html><head><meta charset=utf-8><title>")
	b.WriteString(html.EscapeString(v.Title))
	b.WriteString(`</title><style>body{font:10pt serif;margin:0}h2{font:bold 12pt sans-serif;break-after:avoid}` +
		`.ev{display:flex;break-inside:avoid;margin:6pt 0}.date{width:80pt;font:bold 9pt sans-serif}` +
		`.t{font-weight:bold}sup a{text-decoration:none}</style></head><body><h1>`)
	b.WriteString(html.EscapeString(v.Title))
	b.WriteString("</h1><p>")
	b.WriteString(html.EscapeString(v.Heading))
	b.WriteString("</p>")
	era := (*render.EraView)(nil)
	for _, e := range v.Events {
		if e.Era != era && e.Era != nil {
			era = e.Era
			fmt.Fprintf(&b, "<h2>%s (%s)</h2>", html.EscapeString(era.Label), html.EscapeString(era.SpanLabel))
		}
		fmt.Fprintf(&b, `<div class=ev id=%q><div class=date>%s</div><div><div class=t>%s</div>`,
			e.Anchor, html.EscapeString(e.Label), html.EscapeString(e.Title))
		if tag := e.StatusTag(); tag != "" {
			fmt.Fprintf(&b, "<div><i>%s</i></div>", html.EscapeString(tag))
		}
		fmt.Fprintf(&b, "<div>%s", html.EscapeString(e.Summary))
		for _, n := range e.Notes {
			fmt.Fprintf(&b, `<sup><a href="#src-%d">%d</a></sup>`, n, n)
		}
		b.WriteString("</div></div></div>")
	}
	b.WriteString("<h2>Sources</h2><ol>")
	for _, s := range v.Sources {
		fmt.Fprintf(&b, `<li id="src-%d">%s`, s.N, html.EscapeString(s.Citation))
		if s.URL != "" {
			fmt.Fprintf(&b, ` <a href="%s">%s</a>`, html.EscapeString(s.URL), html.EscapeString(s.URL))
		}
		b.WriteString("</li>")
	}
	b.WriteString("</ol></body></html>")
	return b.Bytes()
}

// cjkDataset returns the synthetic dataset of n events with Chinese
// titles and summaries that use some 1,500 distinct characters, as a
// briefing in Chinese does.
func cjkDataset(n int) *timeline.Dataset {
	d := rendertest.Synthetic(n)
	han := func(seed, length int) string {
		rs := make([]rune, length)
		for i := range rs {
			rs[i] = rune(0x4E00 + (seed*131+i*37)%1500*7)
		}
		return string(rs)
	}
	d.Language = "zh-Hans"
	for i, e := range d.Events {
		e.Title = han(i, 12)
		e.Summary = han(i+n, 120) + "。"
	}
	return d
}

// BenchmarkBigFont writes a 100-event briefing in Chinese with a full
// CJK font of 22 MB given as --font would (read, checked and embedded
// with only the glyphs used), against the same number of events in Latin
// text with the embedded fonts only, in the same run. The target
// is under 2 s for the big font.
func BenchmarkBigFont(b *testing.B) {
	latin := render.Build(rendertest.Synthetic(100), timeline.Filter{}, render.Options{Version: "bench"})
	cjk := render.Build(cjkDataset(100), timeline.Filter{}, render.Options{Version: "bench"})
	b.Run("latin-embedded-fonts", func(b *testing.B) {
		for b.Loop() {
			if err := Write(io.Discard, latin, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cjk-22MB-font", func(b *testing.B) {
		systemFont(b, hanaPath)
		var out bytes.Buffer
		for b.Loop() {
			f, err := LoadFont(hanaPath)
			if err != nil {
				b.Fatal(err)
			}
			out.Reset()
			if err := Write(&out, cjk, Options{Fonts: []*Font{f}, StrictGlyphs: true}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(out.Len())/1e6, "MB-pdf")
	})
}
