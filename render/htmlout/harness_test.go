package htmlout

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"
)

// loadStats is what one load of a page cost, from Chromium's own
// figures: the DevTools protocol's Performance metrics and the long tasks
// a PerformanceObserver saw.
type loadStats struct {
	Ready   float64 // ms from navigation to ready (see tab.load)
	Painted float64 // ms from navigation to the first frame painted after ready
	Style   float64 // ms of style recalculation
	Layout  float64 // ms of layout
	Script  float64 // ms of script
	Task    float64 // ms of main-thread tasks
	Long    float64 // ms of the longest task
	Nodes   float64 // nodes in the document at ready (hookJS)
}

// hookJS runs in every document before its scripts: it records long
// tasks, the number of nodes in the document when the page sets
// window.__timelineReady (a big page fills the rows within reach after
// its first frame: counted later, they were counted as if drawn before
// ready), and the time of the first frame painted after it (a frame, then
// a task after it).
const hookJS = `(() => {
  window.__longTasks = [];
  try { new PerformanceObserver(l => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); }).observe({type: 'longtask', buffered: true}); } catch (e) {}
  let ready = false;
  Object.defineProperty(window, '__timelineReady', {configurable: true, get: () => ready, set: v => {
    if (v && !ready) {
      const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
      let n = 1;
      while (w.nextNode()) n++;
      window.__nodesAtReady = n;
      requestAnimationFrame(() => setTimeout(() => { window.__paintedAt = performance.now(); }, 0));
    }
    ready = v;
  }});
})()`

// front brings tb's tab to the front, shown and focused, as a reader's
// tab is: a browser may give a tab behind others no animation frames,
// in which ECharts draws.
func (tb *tab) front(t testing.TB) {
	t.Helper()
	if _, err := chromedp.Call(tb.ctx, cdppage.BringToFront, struct{}{}); err != nil {
		t.Fatal(err)
	}
}

// measured starts recording Chromium's metrics in tb and installs hookJS.
func (tb *tab) measured(t testing.TB) {
	t.Helper()
	if _, err := chromedp.Call(tb.ctx, performance.Enable, performance.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tb.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: hookJS}); err != nil {
		t.Fatal(err)
	}
}

func (tb *tab) metrics(t testing.TB) map[string]float64 {
	t.Helper()
	r, err := chromedp.Call(tb.ctx, performance.GetMetrics, struct{}{})
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]float64{}
	for _, x := range r.Metrics {
		m[x.Name] = x.Value
	}
	return m
}

// stats loads file in a new tab of tb's browser and returns what it
// cost. A tab of its own gives each load counters of its own: Chromium
// resets them when a navigation changes the renderer.
func (tb *tab) stats(t testing.TB, file string) loadStats {
	t.Helper()
	ctx, closeTab := chromedp.NewContext(tb.ctx)
	defer closeTab()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tb = &tab{ctx: ctx}
	tb.front(t)
	tb.measured(t)
	before := tb.metrics(t)
	var s loadStats
	s.Ready = tb.load(t, file)
	ctx, cancel := context.WithTimeout(tb.ctx, loadTimeout+10*time.Second)
	defer cancel()
	// (A baseline page whose ECharts never reported 'finished' was painted
	// when it last drew: writeBarePage.)
	p, err := chromedp.Run(ctx, chromedp.Poll[float64](`window.__bareFallback || window.__paintedAt || 0`, chromedp.WithPollingTimeout(loadTimeout)))
	if err != nil {
		t.Fatalf("%s: no frame painted after ready: %v", file, err)
	}
	if eval[bool](t, tb, `!!window.__bareFallback`) {
		t.Logf("%s: ECharts reported no 'finished'; ready and painted when it last drew, at %.0f ms", filepath.Base(file), p)
	}
	s.Painted = p
	after := tb.metrics(t)
	d := func(k string) float64 { return 1000 * (after[k] - before[k]) }
	s.Style, s.Layout, s.Script, s.Task = d("RecalcStyleDuration"), d("LayoutDuration"), d("ScriptDuration"), d("TaskDuration")
	s.Nodes = eval[float64](t, tb, `window.__nodesAtReady`)
	for _, l := range eval[[]float64](t, tb, `window.__longTasks`) {
		s.Long = max(s.Long, l)
	}
	return s
}
