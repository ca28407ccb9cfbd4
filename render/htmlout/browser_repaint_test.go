package htmlout

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// TestBrowserFilterRepaint checks what a filter repaints: "Clear filters"
// draws the marks' outlines once, and the marks and the table are all
// there after it. The chart's scatter series hold no points (the page
// finds the mark under the pointer itself), so nothing is drawn a chunk
// a frame. The zoom slider's data shadow counts the events shown, era
// filter or not. The marks' and bars' paths hold the typed arrays the
// page made, not copies. Every event's mark is drawn, or one of its kind
// within a pixel (DEDUPE_PX) on its row.
func TestBrowserFilterRepaint(t *testing.T) {
	v := render.Build(rendertest.Realistic(3000), timeline.Filter{}, render.Options{Version: "test"})
	// The chart in layers, as a page with a lane of more than 10,000
	// events has it (layeredLane); a page without one is on one canvas.
	dir := t.TempDir()
	tb := open(t, writePage(t, dir, "one.html", v, Options{}))
	if n := eval[int](t, tb, `document.querySelectorAll('#chart canvas').length`); n != 1 {
		t.Errorf("a chart with no lane of more than %d events has %d canvases, want 1", layeredLane, n)
	}
	lane := layeredLane
	layeredLane = 100
	file := writePage(t, dir, "repaint.html", v, Options{})
	layeredLane = lane
	tb.load(t, file)
	if n := eval[int](t, tb, `document.querySelectorAll('#chart canvas').length`); n != 3 {
		t.Errorf("a chart in layers has %d canvases, want 3", n)
	}
	if n := eval[int](t, tb, `echarts.getInstanceByDom(document.getElementById('chart')).getOption().series.filter(s => s.type === 'scatter' && s.id !== 'shadow').reduce((n, s) => n + s.data.length, 0)`); n != 0 {
		t.Errorf("the chart's scatter series hold %d numbers, want none", n)
	}
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="1"]`)))
	quiet := func(what string) {
		t.Helper()
		// Quiet: no outline built for a second.
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`(() => {
  const n = window.__builds || 0;
  if (n !== window.__lastBuilds) { window.__lastBuilds = n; window.__since = performance.now(); }
  return performance.now() - (window.__since || 0) > 1000;
})()`, chromedp.WithPollingTimeout(time.Minute))); err != nil {
			t.Fatalf("%s: the chart never became quiet: %v", what, err)
		}
	}
	quiet("era")
	shadow := func(what string, want int) {
		t.Helper()
		got := eval[int](t, tb, `echarts.getInstanceByDom(document.getElementById('chart')).getOption().series.find(s => s.id === 'shadow').data.reduce((n, d) => n + d[1], 0)`)
		if got != want {
			t.Errorf("%s: the zoom slider's shadow counts %d events, want %d", what, got, want)
		}
	}
	shadow("era", v.Eras[0].Count)
	// Count the outlines built (each is built when it is painted) from
	// "Clear filters" on.
	eval[bool](t, tb, `(() => {
  const c = echarts.getInstanceByDom(document.getElementById('chart'));
  const el = c.getZr().storage.getDisplayList(true).find(e => e.shape && e.shape.pts && 'ring' in e.shape);
  const proto = Object.getPrototypeOf(el), build = proto.buildPath;
  window.__builds = 0;
  proto.buildPath = function (ctx, sh) { window.__builds++; return build.apply(this, arguments); };
  return true;
})()`)
	do(t, tb, chromedp.Click(chromedp.CSS(`button.clear`)))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`document.getElementById('shown').textContent.startsWith('Showing %s of')`, render.Count(len(v.Events))), chromedp.WithPollingTimeout(time.Minute))); err != nil {
		t.Fatalf("Clear filters: %v", err)
	}
	quiet("Clear filters")
	got := eval[map[string]float64](t, tb, `(() => {
  const c = echarts.getInstanceByDom(document.getElementById('chart'));
  const paths = c.getZr().storage.getDisplayList(true).filter(e => e.shape && e.shape.pts && 'ring' in e.shape);
  const bars = c.getZr().storage.getDisplayList(true).filter(e => e.shape && e.shape.rects);
  return {builds: window.__builds, paths: paths.length, bars: bars.length,
    typed: paths.filter(e => e.shape.pts.a instanceof Float64Array).length + bars.filter(e => e.shape.rects.a instanceof Float64Array).length};
})()`)
	if got["paths"] == 0 || got["builds"] != got["paths"] {
		t.Errorf("Clear filters built the marks' %v outline paths %v times in all; want each once", got["paths"], got["builds"])
	}
	// The paths' numbers reach them as the page made them, not copied
	// into plain arrays by ECharts on every redraw.
	if got["typed"] != got["paths"]+got["bars"] {
		t.Errorf("%v of %v paths of marks and bars hold their page's typed array", got["typed"], got["paths"]+got["bars"])
	}
	// A crowded chart leaves out the marks within a pixel (DEDUPE_PX) of
	// one of their kind on their row: every event's mark is still drawn
	// there, or one of its kind less than that pixel away.
	cover := eval[map[string]float64](t, tb, `(() => {
  const c = echarts.getInstanceByDom(document.getElementById('chart'));
  const drawn = new Map();
  let n = 0, events = 0, missing = 0, px = window.__timelineDedupe;
  for (const e of c.getZr().storage.getDisplayList(true)) {
    if (!(e.shape && e.shape.pts && 'ring' in e.shape)) continue;
    const p = e.shape.pts.a;
    for (let i = 0; i < p.length; i += 2) {
      n++;
      if (!drawn.has(e.shape.mark)) drawn.set(e.shape.mark, []);
      drawn.get(e.shape.mark).push([p[i], p[i + 1]]);
    }
  }
  const grid = c.getModel().getComponent('grid', 0).coordinateSystem.getRect();
  window.__timelineChartMarks().forEach(d => {
    for (let j = 0; j < d.length; j += 3) {
      const p = c.convertToPixel({gridIndex: 0}, [d[j], d[j + 1]]);
      if (p[0] < grid.x || p[0] > grid.x + grid.width) continue;
      events++;
      const mark = window.__timelineMark(d[j + 2]);
      const xy = drawn.get(mark) || [];
      if (!xy.some(d => Math.abs(d[0] - p[0]) < px + 0.01 && Math.abs(d[1] - p[1]) < 0.01)) missing++;
    }
  });
  return {drawn: n, events, missing, px};
})()`)
	if cover["events"] != float64(len(v.Events)) || cover["missing"] != 0 || cover["drawn"] > cover["events"] {
		t.Errorf("marks: %v drawn for %v events in view (want %d), %v with no mark of theirs within %v px", cover["drawn"], cover["events"], len(v.Events), cover["missing"], cover["px"])
	}
	if cover["drawn"] >= cover["events"] {
		t.Errorf("marks: %v drawn for %v events: none left out on a chart of %d events", cover["drawn"], cover["events"], len(v.Events))
	}
	checkShown(t, tb, v, "Clear filters", func(*render.EventView) bool { return true })
	shadow("Clear filters", len(v.Events))
	tb.checkQuiet(t)
}

// TestBrowserFilterSplit checks a page whose filters update the charts in
// a task after the one that updates the rest (splitChart, lowered here):
// a click on an era updates the status line and the buttons' counts at
// once, leaves the chart as it was until the next task, which updates
// the chart, and the counts chart until the task after that; then the
// chart, the counts chart and the table all show the era, zoomed to it;
// two filters before the charts' task are drawn together.
func TestBrowserFilterSplit(t *testing.T) {
	v := render.Build(rendertest.Realistic(300), timeline.Filter{}, render.Options{Version: "test"})
	split := splitChart
	splitChart = 0
	file := writePage(t, t.TempDir(), "split.html", v, Options{})
	splitChart = split
	tb := open(t, file)
	checkShown(t, tb, v, "all", func(*render.EventView) bool { return true })
	era := v.Eras[1]
	allLabels := eval[[]any](t, tb, `window.__timelineLabels.slice()`)
	got := eval[map[string]any](t, tb, `(() => {
  const c = echarts.getInstanceByDom(document.getElementById('chart'));
  const marks = () => window.__timelineChartMarks().reduce((n, d) => n + d.length / 3, 0);
  const k = echarts.getInstanceByDom(document.getElementById('counts'));
  const counted = () => k.getOption().series.reduce((a, s) => a + s.data.reduce((b, x) => b + x, 0), 0);
  // The chart's paintings, counted on zrender's painter's prototype.
  const painter = c.getZr().painter, p = Object.getPrototypeOf(painter), refresh = p.refresh;
  window.__paints = 0;
  p.refresh = function () { if (this === painter) window.__paints++; return refresh.apply(this, arguments); };
  const before = marks();
  document.querySelector('button[data-era="2"]').click();
  // Tasks run in the order they were set: the charts' task, this one,
  // the chart's painting and the counts chart's task, then this one's next.
  setTimeout(() => {
    window.__chartTask = [marks(), counted(), window.__paints];
    setTimeout(() => { window.__countsTask = [marks(), counted(), window.__paints]; }, 0);
  }, 0);
  return {status: document.getElementById('shown').textContent, before, after: marks()};
})()`)
	if want := "Showing " + render.Count(era.Count) + " of " + render.Count(len(v.Events)) + " events: era "; !strings.HasPrefix(got["status"].(string), want) {
		t.Errorf("the click's own task: status line %q, want it to start with %q", got["status"], want)
	}
	if got["after"] != got["before"] || got["before"] != float64(len(v.Events)) {
		t.Errorf("the click's own task: the chart marks %v events (%v before); want all %d until the next task", got["after"], got["before"], len(v.Events))
	}
	// The counts chart is updated in a task of its own after the chart's.
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`!!window.__countsTask`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the tasks after the click never ran: %v", err)
	}
	tasks := eval[map[string][]float64](t, tb, `({chart: window.__chartTask, counts: window.__countsTask})`)
	// The chart's task sets its option and paints nothing: the chart is
	// painted in the task after it (in either, the counts chart paints
	// nothing until its own task).
	if want := []float64{float64(era.Count), float64(len(v.Events)), 0}; !slices.Equal(tasks["chart"], want) {
		t.Errorf("after the charts' task: [marks, counted, paintings] = %v, want %v (the chart updated, not painted, the counts chart not yet)", tasks["chart"], want)
	}
	if want := []float64{float64(era.Count), float64(era.Count), 1}; !slices.Equal(tasks["counts"], want) {
		t.Errorf("after the chart's painting and the counts chart's task: [marks, counted, paintings] = %v, want %v", tasks["counts"], want)
	}
	inEra := func(e *render.EventView) bool { return e.Era == era }
	waitMarks := func(what string, want int) {
		t.Helper()
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`window.__timelineChartMarks().reduce((n, d) => n + d.length / 3, 0) === %d`, want), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Fatalf("%s: the chart never marked %d events: %v", what, want, err)
		}
	}
	waitMarks("era", era.Count)
	checkShown(t, tb, v, "era", inEra)
	if z := eval[[]float64](t, tb, `(() => { const a = echarts.getInstanceByDom(document.getElementById('chart')).getModel().getComponent('xAxis', 0).axis.scale.getExtent(); return [a[0], a[1]]; })()`); len(z) != 2 || z[0] > era.Start || z[1] < era.End || z[1]-z[0] > 2*(era.End-era.Start)+1 {
		t.Errorf("the chart shows %v, want the era %v to %v with a margin", z, era.Start, era.End)
	}
	// Two filters in one task: the chart draws both.
	cat := v.Categories[0]
	eval[bool](t, tb, fmt.Sprintf(`(() => { document.querySelector('button[data-era="0"]').click(); document.querySelector('button[data-lane="%d"]').click(); return true; })()`, cat.Lane))
	inCat := func(e *render.EventView) bool { return e.Category == cat }
	n := 0
	for _, e := range v.Events {
		if inCat(e) {
			n++
		}
	}
	waitMarks("category", n)
	checkShown(t, tb, v, "category", inCat)
	// Clear filters: the labels are those of the load, found again, not
	// chosen again.
	runs := eval[float64](t, tb, `window.__timelineLabelRuns`)
	do(t, tb, chromedp.Click(chromedp.CSS(`button.clear`)))
	waitMarks("Clear filters", len(v.Events))
	checkShown(t, tb, v, "Clear filters", func(*render.EventView) bool { return true })
	if got := eval[[]any](t, tb, `window.__timelineLabels`); len(allLabels) == 0 || !reflect.DeepEqual(got, allLabels) {
		t.Errorf("Clear filters: labels %v, want those of the load, %v", got, allLabels)
	}
	if got := eval[float64](t, tb, `window.__timelineLabelRuns`); got != runs {
		t.Errorf("Clear filters: the labels were chosen %v times again, want none", got-runs)
	}
	tb.checkQuiet(t)
}

// TestBrowserNoIdleCallback opens, filtered by its address, a big page
// that draws its chart before reading its text and whose filters update
// the charts in tasks of their own (bigRows, earlyChart and splitChart,
// lowered here), in a browser without requestIdleCallback (Safari has
// none): the chart's first labels are the era's, the page chooses those
// of every event when it can, "Clear filters" shows them without
// choosing them again, and nothing fails.
func TestBrowserNoIdleCallback(t *testing.T) {
	v := render.Build(rendertest.Realistic(300), timeline.Filter{}, render.Options{Version: "test"})
	big, early, split := bigRows, earlyChart, splitChart
	bigRows, earlyChart, splitChart = 0, 0, 0
	file := writePage(t, t.TempDir(), "noidle.html", v, Options{})
	bigRows, earlyChart, splitChart = big, early, split
	tb := newTab(t)
	if _, err := chromedp.Call(tb.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `delete window.requestIdleCallback`}); err != nil {
		t.Fatal(err)
	}
	tb.load(t, file+"#era="+v.Eras[1].ID)
	if eval[bool](t, tb, `typeof requestIdleCallback !== 'undefined'`) {
		t.Fatal("requestIdleCallback is still there")
	}
	checkShown(t, tb, v, "era", func(e *render.EventView) bool { return e.Era == v.Eras[1] })
	// The era's labels, then every event's.
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`window.__timelineLabelRuns >= 2`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the labels of every event were never chosen: %v", err)
	}
	runs := eval[float64](t, tb, `window.__timelineLabelRuns`)
	do(t, tb, chromedp.Click(chromedp.CSS(`button.clear`)))
	// The charts are updated in tasks after the click's.
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`(() => {
  const k = echarts.getInstanceByDom(document.getElementById('counts'));
  return window.__timelineChartMarks().reduce((n, d) => n + d.length / 3, 0) === %[1]d && k.getOption().series.reduce((a, s) => a + s.data.reduce((b, x) => b + x, 0), 0) === %[1]d;
})()`, len(v.Events)), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("Clear filters: the charts never showed every event: %v", err)
	}
	checkShown(t, tb, v, "Clear filters", func(*render.EventView) bool { return true })
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`window.__timelineLabels.length > 0`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("Clear filters: no labels: %v", err)
	}
	if got := eval[float64](t, tb, `window.__timelineLabelRuns`); got != runs {
		t.Errorf("Clear filters: the labels were chosen %v times again, want none", got-runs)
	}
	tb.checkQuiet(t)
}
