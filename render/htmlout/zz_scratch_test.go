//go:build scratch

package htmlout

import (
	"encoding/json"
	"fmt"
	"strings"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

func TestScratchClear(t *testing.T) {
	loadTimeout = 5 * time.Minute
	v := render.Build(rendertest.Realistic(100000), timeline.Filter{}, render.Options{Version: "bench"})
	file := writePage(t, t.TempDir(), "ours.html", v, Options{})
	tb := newTab(t)
	for round := 0; round < 3; round++ {
		tb.load(t, file)
		time.Sleep(2 * time.Second)
		do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="2"]`)))
		time.Sleep(4 * time.Second)
		t.Log(eval[string](t, tb, `document.getElementById('shown').textContent`))
		var mu sync.Mutex
		var evs []traceEvent
		done := make(chan struct{})
		chromedp.Listen(tb.ctx, func(ev any) {
			switch e := ev.(type) {
			case *tracing.EventDataCollected:
				mu.Lock()
				for _, v := range e.Value {
					var te traceEvent
					if json.Unmarshal([]byte(v), &te) == nil && te.Ph != "B" && te.Ph != "E" {
						evs = append(evs, te)
					}
				}
				mu.Unlock()
			case *tracing.EventTracingComplete:
				select {
				case <-done:
				default:
					close(done)
				}
			}
		})
		if _, err := chromedp.Call(tb.ctx, tracing.Start, tracing.StartParams{TransferMode: tracing.StartTransferModeReportEvents,
			TraceConfig: &tracing.TraceConfig{IncludedCategories: []string{"devtools.timeline", "toplevel", "blink", "cc", "gpu"}}}); err != nil {
			t.Fatal(err)
		}
		eval[bool](t, tb, `(() => { window.__log = [];
  const c = echarts.getInstanceByDom(document.getElementById('chart')), k = echarts.getInstanceByDom(document.getElementById('counts'));
  const w = (o, m, name) => { const f = o[m]; o[m] = function () { const t0 = performance.now(); const r = f.apply(this, arguments); window.__log.push(name + ' ' + (performance.now() - t0).toFixed(1)); return r; }; };
  w(c, 'setOption', 'chart.setOption'); w(k, 'setOption', 'counts.setOption'); w(c.getZr().painter, 'refresh', 'paint');

  return true; })()`)
		do(t, tb, chromedp.Evaluate[chromedp.Void](fmt.Sprintf("window.__x = %d", 0)))
		do(t, tb, chromedp.Click(chromedp.CSS(`button.clear`)))
		time.Sleep(5 * time.Second)
		chromedp.Call(tb.ctx, tracing.End, struct{}{})
		<-done
		main := map[[2]int]bool{}
		for _, e := range evs {
			if e.Ph == "M" && e.Name == "thread_name" && e.Args["name"] == "CrRendererMain" {
				main[[2]int{e.Pid, e.Tid}] = true
			}
		}
		var ts []traceEvent
		for _, e := range evs {
			if main[[2]int{e.Pid, e.Tid}] && e.Ph == "X" && e.Name == "ThreadControllerImpl::RunTask" {
				ts = append(ts, e)
			}
		}
		t.Log(eval[string](t, tb, `document.getElementById('shown').textContent`))
		t.Log(eval[string](t, tb, `(() => { const z = echarts.getInstanceByDom(document.getElementById('chart')).getZr(); const l = z.storage.getDisplayList(true).filter(e => e.shape && 'pts' in e.shape); return l.length + ' silent=' + l.map(e => !!e.silent).join() + ' path=' + l.map(e => !!e.path).join(); })()`))
		t.Log(round%4, eval[[]string](t, tb, `window.__log`))
		sort.Slice(ts, func(i, j int) bool { return ts[i].Tdur > ts[j].Tdur })
		for i := 0; i < 4 && i < len(ts); i++ {
			in := ""
			for _, e := range evs {
				if main[[2]int{e.Pid, e.Tid}] && e.Ph == "X" && e.Name != "ThreadControllerImpl::RunTask" && e.Ts >= ts[i].Ts && e.Ts <= ts[i].Ts+ts[i].Dur && e.Dur > 3000 && e.Name != "FunctionCall" && !strings.HasPrefix(e.Name, "V8.GC") {
					in += fmt.Sprintf(" %s@%.0f:%.0f/%.0f", e.Name, (e.Ts-ts[i].Ts)/1000, e.Tdur/1000, e.Dur/1000)
				}
			}
			t.Logf("round %d: task at %.0f cpu %.1f ms wall %.1f ms:%s", round, ts[i].Ts/1000, ts[i].Tdur/1000, ts[i].Dur/1000, in)
		}
	}
}
