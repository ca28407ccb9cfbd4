package htmlout

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// BenchmarkBrowserCPU loads, in turns, our page of n events shaped like
// users' data and the bare ECharts page of the same points (as
// BenchmarkBrowserReady does) under Chromium's tracing, and reports the
// CPU time of the page's main thread from the navigation to the first
// frame painted after ready: ours, bare ECharts', the median of the
// per-round ratios, and where ours and bare's went (loadCPU). On a
// machine shared with other work, wall times mostly measure the wait
// for a core; CPU time does not, so that a change of a few tens of
// milliseconds shows in a few rounds.
func BenchmarkBrowserCPU(b *testing.B) {
	loadTimeout = 15 * time.Minute
	for _, n := range []int{100, 1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			v := render.Build(rendertest.Realistic(n), timeline.Filter{}, render.Options{Version: "bench"})
			ours := writePage(b, dir, "ours.html", v, Options{})
			bare := writeBarePage(b, dir, v, false)
			tb := newTab(b)
			tb.stats(b, ours) // warm up: the first loads are slower
			tb.stats(b, bare)
			var o, r []loadCPU
			var ratio []float64
			for b.Loop() {
				so, sr := tb.cpu(b, ours), tb.cpu(b, bare)
				o, r = append(o, so), append(r, sr)
				ratio = append(ratio, so.Total/sr.Total)
			}
			b.ReportMetric(medianOf(o, func(s loadCPU) float64 { return s.Total }), "ours-cpu-ms")
			b.ReportMetric(medianOf(r, func(s loadCPU) float64 { return s.Total }), "bare-cpu-ms")
			b.ReportMetric(median(ratio), "cpu-ratio")
			for _, k := range []struct {
				name string
				f    func(loadCPU) float64
			}{
				{"bundle", func(s loadCPU) float64 { return s.Bundle }},
				{"script", func(s loadCPU) float64 { return s.Script }},
				{"callbacks", func(s loadCPU) float64 { return s.Callbacks }},
				{"frames", func(s loadCPU) float64 { return s.Frames }},
				{"rest", func(s loadCPU) float64 { return s.Rest }},
			} {
				b.ReportMetric(medianOf(o, k.f), "ours-"+k.name+"-ms")
				b.ReportMetric(medianOf(r, k.f), "bare-"+k.name+"-ms")
			}
		})
	}
}

// loadCPU is the main thread's CPU time of one load, in milliseconds, in
// all and by the tasks it ran: those that ran the first inline script
// (the ECharts bundle) and the next (the page's own script: for bare
// ECharts, its setOption), callbacks (DOMContentLoaded, timers, frame
// callbacks), frames (style, layout, paint) and the rest (receiving,
// decoding and parsing the HTML).
type loadCPU struct {
	Total, Bundle, Script, Callbacks, Frames, Rest float64
}

// paintedMarkJS marks the time the harness's hookJS records as painted
// in Chromium's trace (tl-painted), the end of what tab.cpu counts.
const paintedMarkJS = `(() => {
  let p;
  Object.defineProperty(window, '__paintedAt', {configurable: true, get: () => p, set: v => { p = v; performance.mark('tl-painted'); }});
})()`

type traceEvent struct {
	Name string         `json:"name"`
	Ph   string         `json:"ph"`
	Ts   float64        `json:"ts"`  // µs
	Dur  float64        `json:"dur"` // µs
	Tdur float64        `json:"tdur"`
	Pid  int            `json:"pid"`
	Tid  int            `json:"tid"`
	Args map[string]any `json:"args"`
}

// cpu loads file in a new tab of tb's browser under tracing and returns
// its main thread's CPU time from the navigation to the first frame
// painted after ready.
func (tb *tab) cpu(t testing.TB, file string) loadCPU {
	t.Helper()
	ctx, closeTab := chromedp.NewContext(tb.ctx)
	defer closeTab()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tb = &tab{ctx: ctx}
	tb.measured(t)
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: paintedMarkJS}); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var evs []traceEvent
	done := make(chan struct{})
	if err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			defer mu.Unlock()
			for _, v := range e.Value {
				var te traceEvent
				if json.Unmarshal([]byte(v), &te) == nil && te.Ph != "B" && te.Ph != "E" {
					evs = append(evs, te)
				}
			}
		case *tracing.EventTracingComplete:
			close(done)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig: &tracing.TraceConfig{IncludedCategories: []string{"devtools.timeline", "toplevel", "blink.user_timing"}}}); err != nil {
		t.Fatal(err)
	}
	tb.load(t, file)
	if _, err := chromedp.Run(ctx, chromedp.Poll[float64](`window.__paintedAt || 0`, chromedp.WithPollingTimeout(loadTimeout))); err != nil {
		t.Fatalf("%s: no frame painted after ready: %v", file, err)
	}
	if _, err := chromedp.Call(ctx, tracing.End, struct{}{}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("the trace never completed")
	}
	mu.Lock()
	defer mu.Unlock()
	return mainThreadCPU(t, evs)
}

// mainThreadCPU adds up the thread time of the renderer's main-thread
// tasks from the navigation to the mark tl-painted, by what they ran.
func mainThreadCPU(t testing.TB, evs []traceEvent) loadCPU {
	t.Helper()
	main := map[[2]int]bool{}
	for _, e := range evs {
		if e.Ph == "M" && e.Name == "thread_name" && e.Args["name"] == "CrRendererMain" {
			main[[2]int{e.Pid, e.Tid}] = true
		}
	}
	var start, end float64
	var tasks, inner []traceEvent
	for _, e := range evs {
		switch {
		case !main[[2]int{e.Pid, e.Tid}]:
		case e.Name == "navigationStart":
			start = e.Ts // the last: the first is the new tab's blank page
		case e.Name == "tl-painted":
			end = e.Ts
		case e.Ph != "X":
		case e.Name == "ThreadControllerImpl::RunTask":
			tasks = append(tasks, e)
		default:
			inner = append(inner, e)
		}
	}
	if start == 0 || end == 0 {
		t.Fatalf("the trace has no navigationStart (%v) or no tl-painted (%v)", start, end)
	}
	slices.SortFunc(inner, func(a, b traceEvent) int { return cmp.Compare(a.Ts, b.Ts) })
	var c loadCPU
	scripts := 0
	for _, k := range tasks {
		if k.Ts < start || k.Ts > end {
			continue
		}
		class := &c.Rest
		from, _ := slices.BinarySearchFunc(inner, k.Ts, func(e traceEvent, ts float64) int { return cmp.Compare(e.Ts, ts) })
		for _, e := range inner[from:] {
			if e.Ts > k.Ts+k.Dur {
				break
			}
			switch e.Name {
			case "EvaluateScript":
				if scripts++; scripts == 1 {
					class = &c.Bundle
				} else {
					class = &c.Script
				}
			case "FunctionCall":
				if class != &c.Bundle && class != &c.Script {
					class = &c.Callbacks
				}
			case "UpdateLayoutTree", "Layout", "Paint", "Commit":
				if class == &c.Rest {
					class = &c.Frames
				}
			}
		}
		*class += k.Tdur / 1000
		c.Total += k.Tdur / 1000
	}
	if scripts < 2 {
		t.Fatalf("the trace shows %d inline scripts run, want 2 or more", scripts)
	}
	return c
}
