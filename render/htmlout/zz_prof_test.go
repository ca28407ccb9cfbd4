//go:build scratch

package htmlout

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

func TestScratchProfile(t *testing.T) {
	loadTimeout = 5 * time.Minute
	v := render.Build(rendertest.Realistic(100000), timeline.Filter{}, render.Options{Version: "bench"})
	file := writePage(t, t.TempDir(), "ours.html", v, Options{})
	tb := newTab(t)
	for round := 0; round < 2; round++ {
		tb.chartDrawn(t, file)
		eval[bool](t, tb, `(() => { document.querySelector('button[data-era="2"]').click(); return true; })()`)
		time.Sleep(8 * time.Second)
		eval[bool](t, tb, `(() => { window.__log = []; const c = echarts.getInstanceByDom(document.getElementById('chart')); const f = c.setOption; c.setOption = function () { const t0 = performance.now(); const r = f.apply(this, arguments); window.__log.push('setOption ' + (performance.now() - t0).toFixed(1)); return r; }; return true; })()`)
		chromedp.Call(tb.ctx, profiler.Enable, struct{}{})
		chromedp.Call(tb.ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100})
		chromedp.Call(tb.ctx, profiler.Start, struct{}{})
		do(t, tb, chromedp.Click(chromedp.CSS(`button.clear`)))
		time.Sleep(4 * time.Second)
		res, err := chromedp.Call(tb.ctx, profiler.Stop, struct{}{})
		if err != nil {
			t.Fatal(err)
		}
		prof := res.Profile
		t.Log(eval[[]string](t, tb, `window.__log`))
		self := map[int64]float64{}
		for i, s := range prof.Samples {
			self[s] += float64(prof.TimeDeltas[i]) / 1000
		}
		type fn struct {
			name string
			ms   float64
		}
		agg := map[string]float64{}
		for _, n := range prof.Nodes {
			cf := n.CallFrame
			name := fmt.Sprintf("%s %s:%d", cf.FunctionName, shortURL(cf.URL), cf.LineNumber)
			agg[name] += self[n.ID]
		}
		var fs []fn
		for k, v := range agg {
			fs = append(fs, fn{k, v})
		}
		sort.Slice(fs, func(i, j int) bool { return fs[i].ms > fs[j].ms })
		for i := 0; i < 30 && i < len(fs); i++ {
			t.Logf("round %d %7.1f ms %s", round, fs[i].ms, fs[i].name)
		}
	}
}

func shortURL(u string) string {
	if len(u) > 30 {
		return u[len(u)-30:]
	}
	return u
}
