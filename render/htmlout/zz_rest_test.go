//go:build scratch

package htmlout

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
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

var _ = context.Background

func TestScratchRest(t *testing.T) {
	v := render.Build(rendertest.Realistic(1000), timeline.Filter{}, render.Options{Version: "bench"})
	dir := t.TempDir()
	ours := writePage(t, dir, "ours.html", v, Options{})
	bare := writeBarePage(t, dir, v, false)
	tb := newTab(t)
	for round := 0; round < 3; round++ {
		for _, f := range []string{ours, bare} {
			evs := traceLoad(t, tb, f)
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
					start = e.Ts
				case e.Name == "tl-painted":
					end = e.Ts
				case e.Ph != "X":
				case e.Name == "ThreadControllerImpl::RunTask":
					tasks = append(tasks, e)
				default:
					inner = append(inner, e)
				}
			}
			slices.SortFunc(inner, func(a, b traceEvent) int { return cmp.Compare(a.Ts, b.Ts) })
			agg := map[string]float64{}
			var total float64
			for _, k := range tasks {
				if k.Ts < start || k.Ts > end {
					continue
				}
				total += k.Tdur / 1000
				from, _ := slices.BinarySearchFunc(inner, k.Ts, func(e traceEvent, ts float64) int { return cmp.Compare(e.Ts, ts) })
				// top-level inner events only (not nested in another inner)
				var lastEnd float64
				for _, e := range inner[from:] {
					if e.Ts > k.Ts+k.Dur {
						break
					}
					if e.Ts < lastEnd {
						continue
					}
					lastEnd = e.Ts + e.Dur
					agg[e.Name] += e.Tdur / 1000
				}
			}
			type kv struct {
				k string
				v float64
			}
			var l []kv
			for k, v := range agg {
				l = append(l, kv{k, v})
			}
			sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
			s := fmt.Sprintf("round %d %s total %.0f:", round, f[len(dir)+1:], total)
			for i := 0; i < 12 && i < len(l); i++ {
				s += fmt.Sprintf(" %s=%.0f", l[i].k, l[i].v)
			}
			t.Log(s)
		}
	}
}

func traceLoad(t *testing.T, tb0 *tab, file string) []traceEvent {
	ctx, closeTab := chromedp.NewContext(tb0.ctx)
	defer closeTab()
	chromedp.Do(ctx)
	tb := &tab{ctx: ctx}
	tb.measured(t)
	chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: paintedMarkJS})
	var mu sync.Mutex
	var evs []traceEvent
	done := make(chan struct{})
	chromedp.Listen(ctx, func(ev any) {
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
	})
	chromedp.Call(ctx, tracing.Start, tracing.StartParams{TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig: &tracing.TraceConfig{IncludedCategories: []string{"devtools.timeline", "toplevel", "blink.user_timing", "v8", "blink"}}})
	tb.load(t, file)
	chromedp.Run(ctx, chromedp.Poll[float64](`window.__paintedAt || 0`, chromedp.WithPollingTimeout(time.Minute)))
	chromedp.Call(ctx, tracing.End, struct{}{})
	<-done
	mu.Lock()
	defer mu.Unlock()
	return evs
}
