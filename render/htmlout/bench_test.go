package htmlout

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// countWriter counts the bytes written to it.
type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

// BenchmarkWrite writes the page of n events shaped like users' data
// (rendertest.RealisticJSON). bytes/event is the size of the page without
// the bundle, divided by n; text-bytes/event the events' own text (date
// label, title, summary, attribution, and the citations and URLs of their
// sources); overhead-bytes/event what the page adds to that text, beyond
// the fixed bundle, style sheet and script.
func BenchmarkWrite(b *testing.B) {
	opts, bundleLen := Options{}, 0
	if bd := getBundle(); bd.err != nil {
		opts.Assets = goldenAssets
	} else {
		bundleLen = len(bd.js)
	}
	for _, n := range []int{100, 1000, 10000, 100000} {
		v := render.Build(rendertest.Realistic(n), timeline.Filter{}, render.Options{Version: "bench"})
		text := 0
		for _, e := range v.Events {
			text += len(e.Label) + len(e.Title) + len(e.Summary) + len(e.Attribution)
		}
		for _, s := range v.Sources {
			text += len(s.Citation) + len(s.URL)
		}
		fixed := bundleLen + len(pageCSS) + len(pageJS)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			var size countWriter
			for b.Loop() {
				size = 0
				if err := Write(&size, v, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(int(size)-bundleLen)/float64(n), "bytes/event")
			b.ReportMetric(float64(size), "page-bytes")
			b.ReportMetric(float64(text)/float64(n), "text-bytes/event")
			b.ReportMetric(float64(int(size)-fixed-text)/float64(n), "overhead-bytes/event")
		})
	}
}

// BenchmarkBrowserReady loads, in turns, the page of n events shaped like
// users' data (rendertest.RealisticJSON) in headless Chromium and two
// baselines: a bare ECharts scatter chart of the same events without
// animation, from the same bundle, and vis-timeline (npm, a devDependency
// loaded from node_modules by this harness only) with the same events,
// lanes and titles. It reports the medians of: the time from navigation to
// ready and painted (charts drawn, table usable, the next frame painted),
// Chromium's style recalculation and layout time (DevTools Performance
// metrics), the longest main-thread task, and the medians of the per-round
// ratios of ours to each baseline. At 1,000 and 10,000 events, after a
// tenth as many in the same run, style+layout-growth is how many times
// more time our page spent in style recalculation and layout (medians of
// each) than with a tenth of the events, and bare-style+layout-growth the
// same for bare ECharts: costs linear in the events give about 10×. Run it with -benchtime=Nx for N rounds.
func BenchmarkBrowserReady(b *testing.B) {
	loadTimeout = 15 * time.Minute
	styleLayout := map[int]float64{} // ours, by n, for the growth
	bareStyleLayout := map[int]float64{}
	for _, n := range []int{100, 1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			v := render.Build(rendertest.Realistic(n), timeline.Filter{}, render.Options{Version: "bench"})
			ours := writePage(b, dir, "ours.html", v, Options{})
			bare := writeBarePage(b, dir, v, false)
			vis := writeVisPage(b, dir, v)
			tb := newTab(b)
			for _, f := range []string{ours, bare, vis} { // warm up: the first loads are slower
				tb.stats(b, f)
			}
			var o, r, w []loadStats
			var ratio, visRatio []float64
			for b.Loop() {
				so, sr, sw := tb.stats(b, ours), tb.stats(b, bare), tb.stats(b, vis)
				o, r, w = append(o, so), append(r, sr), append(w, sw)
				ratio = append(ratio, so.Painted/sr.Painted)
				visRatio = append(visRatio, so.Painted/sw.Painted)
			}
			painted := func(s loadStats) float64 { return s.Painted }
			b.ReportMetric(medianOf(o, painted), "ours-ms")
			b.ReportMetric(medianOf(r, painted), "bare-ms")
			b.ReportMetric(medianOf(w, painted), "vis-ms")
			b.ReportMetric(median(ratio), "ratio")
			b.ReportMetric(median(visRatio), "vis-ratio")
			b.ReportMetric(medianOf(o, func(s loadStats) float64 { return s.Style }), "ours-style-ms")
			b.ReportMetric(medianOf(o, func(s loadStats) float64 { return s.Layout }), "ours-layout-ms")
			b.ReportMetric(medianOf(o, func(s loadStats) float64 { return s.Long }), "ours-longest-task-ms")
			b.ReportMetric(medianOf(r, func(s loadStats) float64 { return s.Style + s.Layout }), "bare-style+layout-ms")
			b.ReportMetric(medianOf(o, func(s loadStats) float64 { return s.Nodes }), "ours-nodes")
			styleLayout[n] = medianOf(o, func(s loadStats) float64 { return s.Style + s.Layout })
			bareStyleLayout[n] = medianOf(r, func(s loadStats) float64 { return s.Style + s.Layout })
			if from := n / 10; styleLayout[from] > 0 && bareStyleLayout[from] > 0 {
				b.ReportMetric(styleLayout[n]/styleLayout[from], "style+layout-growth")
				b.ReportMetric(bareStyleLayout[n]/bareStyleLayout[from], "bare-style+layout-growth")
			}
		})
	}
}

// BenchmarkBrowserHuge loads the page of 100,000 events shaped like users'
// data and two baselines of the same points (bare ECharts scatter charts
// without animation: ECharts' defaults, and large mode), in turns, each
// in a tab of its own brought to the front, and then, on our page: clicks
// an era button (real input, as soon as the chart is drawn, while the
// page's text may still be loading), waits until the page is ready
// (table usable) and quiet, scrolls through the table, searches, and
// shows all again. It reports the medians of: ready and painted (ours
// and the baselines) and the per-round ratios of ours to each; when our
// chart was drawn and when the first click was answered (the status line
// names the era), from the start of the navigation; and the longest
// main-thread task from the chart drawn on, overall and in each of:
// filtering (the era click until the page is ready and quiet, and
// "Clear filters"), scrolling the table, and searching. A page that is
// not ready within loadTimeout fails the benchmark, saying whether the
// tab was shown and still had animation frames and timers (tab.stalled).
func BenchmarkBrowserHuge(b *testing.B) {
	loadTimeout = 3 * time.Minute
	const n = 100000
	dir := b.TempDir()
	v := render.Build(rendertest.Realistic(n), timeline.Filter{}, render.Options{Version: "bench"})
	ours := writePage(b, dir, "ours.html", v, Options{})
	bare, large := writeBarePage(b, dir, v, false), writeBarePage(b, dir, v, true)
	tb := newTab(b)
	tb.stats(b, bare) // warm up: the first load is slower
	var o, r, l, ratio, largeRatio, click, chart []float64
	var long [4][]float64
	for b.Loop() {
		br, bl := tb.stats(b, bare).Painted, tb.stats(b, large).Painted
		u := tb.use(b, ours, v)
		o, r, l, click, chart = append(o, u.Ready), append(r, br), append(l, bl), append(click, u.Answered), append(chart, u.Chart)
		ratio, largeRatio = append(ratio, u.Ready/br), append(largeRatio, u.Ready/bl)
		for k, x := range [4]float64{u.Longest, u.Filter, u.Scroll, u.Search} {
			long[k] = append(long[k], x)
		}
	}
	b.ReportMetric(median(o), "ours-ms")
	b.ReportMetric(median(r), "bare-ms")
	b.ReportMetric(median(l), "bare-large-ms")
	b.ReportMetric(median(ratio), "ratio")
	b.ReportMetric(median(largeRatio), "large-ratio")
	b.ReportMetric(median(chart), "chart-drawn-ms")
	b.ReportMetric(median(click), "click-answered-ms")
	b.ReportMetric(median(long[0]), "longest-task-after-ready-ms")
	b.ReportMetric(median(long[1]), "filter-longest-task-ms")
	b.ReportMetric(median(long[2]), "scroll-longest-task-ms")
	b.ReportMetric(median(long[3]), "search-longest-task-ms")
}

// usage is what tab.use measured: the chart drawn (its filters answer
// from then on), ready and painted (the table usable too), and the first
// click answered, in ms from the start of the navigation; the longest
// main-thread task from ready on, and while filtering, scrolling the
// table and searching.
type usage struct {
	Chart, Ready, Answered          float64
	Longest, Filter, Scroll, Search float64
}

// phasesJS records, from the page's ready on, the long tasks (start and
// duration) and the phase each began in (window.__phase, set by the
// harness before each step).
const phasesJS = `(() => {
  window.__tasks = []; window.__phase = 'filter'; window.__since = performance.now();
  new PerformanceObserver(l => { for (const e of l.getEntries()) window.__tasks.push([window.__phase, e.startTime, e.duration]); }).observe({type: 'longtask'});
  const s = document.getElementById('shown');
  new MutationObserver(() => { if (!window.__answered && s.textContent.includes(': era ')) window.__answered = performance.now(); }).observe(s, {childList: true, characterData: true, subtree: true});
  // quiet: no long task for a second, and a second since the phase began.
  window.__quiet = () => {
    const end = window.__tasks.reduce((m, t) => Math.max(m, t[1] + t[2]), window.__since);
    return performance.now() - end > 1000;
  };
  return true;
})()`

// use loads file, the page of v, in a new tab, clicks the button of the
// second era as soon as the chart is drawn, then scrolls through the
// table, searches for a word of the last event and shows all events
// again, waiting after each step until the page is quiet.
func (tb *tab) use(t testing.TB, file string, v *render.View) (u usage) {
	t.Helper()
	ctx, closeTab := chromedp.NewContext(tb.ctx)
	defer closeTab()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tb = &tab{ctx: ctx}
	tb.front(t)
	tb.measured(t)
	u.Chart = tb.chartDrawn(t, file)
	eval[bool](t, tb, phasesJS)
	// A real click on the button, sent as soon as the chart is drawn
	// (chromedp.Click would wait for the page's load event first).
	at := eval[[2]float64](t, tb, `(() => {
  const b = document.querySelector('button[data-era="2"]');
  b.scrollIntoView({block: 'center'});
  const r = b.getBoundingClientRect();
  return [r.x + r.width / 2, r.y + r.height / 2];
})()`)
	do(t, tb, chromedp.MouseClickXY(at[0], at[1]))
	wait := func(cond string) {
		t.Helper()
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(2*time.Minute))); err != nil {
			t.Fatalf("waiting for %s: %v", cond, err)
		}
	}
	phase := func(name string) {
		t.Helper()
		do(t, tb, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`window.__phase = %q; window.__since = performance.now()`, name)))
	}
	wait(`!!window.__answered && window.__timelineReady === true && window.__quiet()`)
	u.Answered = eval[float64](t, tb, `window.__answered`)
	u.Ready = eval[float64](t, tb, `window.__paintedAt || window.__timelineReadyAt`)
	// Scroll through the table, a screen at a time, a frame apart.
	phase("scroll")
	do(t, tb, chromedp.Evaluate[chromedp.Void](`(() => {
  const top = document.getElementById('events').getBoundingClientRect().top + scrollY;
  let k = 0;
  (function step() { scrollTo(0, top + k * innerHeight); if (++k < 40) requestAnimationFrame(() => setTimeout(step, 0)); else window.__scrolled = true; })();
})()`))
	wait(`window.__scrolled === true && window.__quiet()`)
	phase("search")
	w := strings.Fields(v.Events[len(v.Events)-1].Summary)[3]
	do(t, tb, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`scrollTo(0, 0); const q = document.getElementById('q'); q.value = %q; q.dispatchEvent(new Event('input'))`, w)))
	wait(fmt.Sprintf(`document.getElementById('shown').textContent.includes('search “%s”') && window.__quiet()`, w))
	phase("filter")
	do(t, tb, chromedp.Click(chromedp.CSS(`button.clear`)))
	wait(`document.getElementById('shown').textContent.startsWith('Showing ` + render.Count(len(v.Events)) + ` of') && window.__quiet()`)
	for _, x := range eval[[][3]any](t, tb, `window.__tasks`) {
		k, _ := x[0].(string)
		d, _ := x[2].(float64)
		u.Longest = max(u.Longest, d)
		switch k {
		case "filter":
			u.Filter = max(u.Filter, d)
		case "scroll":
			u.Scroll = max(u.Scroll, d)
		case "search":
			u.Search = max(u.Search, d)
		}
	}
	return u
}

// chartDrawn opens file in the tab and returns when its chart was drawn
// (window.__timelineChartAt), as soon as it is: chromedp.Navigate would
// wait for the page's load event, which comes after its text, and
// chromedp.Poll runs in animation frames.
func (tb *tab) chartDrawn(t testing.TB, file string) float64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, loadTimeout)
	defer cancel()
	if _, err := chromedp.Call(ctx, cdppage.Navigate, cdppage.NavigateParams{URL: "file://" + file}); err != nil {
		t.Fatalf("opening %s: %v", file, err)
	}
	for {
		// (Until the page's document is there, this may ask the last one.)
		if ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.__timelineChartAt || 0`)); err == nil && ms > 0 {
			return ms
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%s: the chart was never drawn in %v; %s", file, loadTimeout, tb.stalled())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// medianOf is the median of f over the loads s.
func medianOf[T any](s []T, f func(T) float64) float64 {
	x := make([]float64, len(s))
	for i := range s {
		x[i] = f(s[i])
	}
	return median(x)
}

func median(x []float64) float64 {
	s := slices.Sorted(slices.Values(x))
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// writeBarePage writes a baseline: a page with the same bundle and one
// ECharts scatter series of v's events (at their marks), without
// animation, with ECharts' defaults or in large mode.
func writeBarePage(tb testing.TB, dir string, v *render.View, large bool) string {
	tb.Helper()
	bd := getBundle()
	if bd.err != nil {
		tb.Skip(bd.err)
	}
	data := make([][2]float64, len(v.Events))
	for i, e := range v.Events {
		data[i] = [2]float64{round4(e.Mid), float64(e.Category.Lane)}
	}
	js, err := json.Marshal(data)
	if err != nil {
		tb.Fatal(err)
	}
	_, height, _ := buildData(v)
	page := fmt.Sprintf(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>bare</title></head>
<body style="margin:0 auto;max-width:1400px;padding:0 20px">
<div id="c" style="height:%dpx"></div>
<script>%s</script>
<script>
var c = echarts.init(document.getElementById('c'));
c.on('finished', function () {
  if (!window.__timelineReady) { window.__timelineReadyAt = performance.now(); window.__timelineReady = true; }
});
// ECharts now and then never reports 'finished' after drawing a big
// series a chunk a frame (seen at 100,000 points in large mode): the
// page is then taken to be ready, and painted, when it last drew, once a
// second has passed without another frame drawn.
var last = 0;
c.on('rendered', function () { last = performance.now(); });
setInterval(function () {
  if (!window.__timelineReady && last && performance.now() - last > 1000) {
    window.__bareFallback = window.__timelineReadyAt = last; window.__timelineReady = true;
  }
}, 250);
c.setOption({animation: false, tooltip: {}, xAxis: {type: 'value', min: %g, max: %g}, yAxis: {type: 'value'},
  series: [{type: 'scatter', large: %t, data: %s}]});
</script></body></html>`, height, bd.js, v.AxisStart, v.AxisEnd, large, js)
	path := filepath.Join(dir, fmt.Sprintf("bare-%t.html", large))
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// writeVisPage writes the second baseline: vis-timeline (its standalone
// build, from node_modules, where make node-deps installs it) with v's
// events as items, one group per category, the title as content, points
// as points and ranges and spans as ranges, without stacking.
func writeVisPage(tb testing.TB, dir string, v *render.View) string {
	tb.Helper()
	lib, err := filepath.Abs("../../node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js")
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := os.Stat(lib); err != nil {
		skipOrFail(tb, "no vis-timeline in node_modules (make node-deps): "+err.Error())
	}
	type item struct {
		ID      int    `json:"id"`
		Group   int    `json:"group"`
		Content string `json:"content"`
		Start   int64  `json:"start"`
		End     *int64 `json:"end,omitempty"`
		Type    string `json:"type"`
	}
	type group struct {
		ID      int    `json:"id"`
		Content string `json:"content"`
	}
	items := make([]item, len(v.Events))
	for i, e := range v.Events {
		items[i] = item{ID: i, Group: e.Category.Lane, Content: e.Title, Start: yearMillis(e.Mid), Type: "point"}
		if e.Shape != render.ShapePoint {
			end := yearMillis(e.End)
			items[i].Start, items[i].End, items[i].Type = yearMillis(e.Start), &end, "range"
		}
	}
	groups := make([]group, len(v.Categories))
	for i, c := range v.Categories {
		groups[i] = group{ID: i, Content: c.Label}
	}
	ji, err := json.Marshal(items)
	if err != nil {
		tb.Fatal(err)
	}
	jg, err := json.Marshal(groups)
	if err != nil {
		tb.Fatal(err)
	}
	page := fmt.Sprintf(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>vis-timeline</title></head>
<body style="margin:0 auto;max-width:1400px;padding:0 20px">
<div id="c"></div>
<script src="file://%s"></script>
<script>
// Drawn after the load event, which the harness's navigation waits for.
addEventListener('load', function () { setTimeout(function () {
  var t = new vis.Timeline(document.getElementById('c'), new vis.DataSet(%s), new vis.DataSet(%s),
    {stack: false, showCurrentTime: false, min: %d, max: %d, start: %d, end: %d});
  t.on('changed', function () {
    if (!window.__timelineReady) { window.__timelineReadyAt = performance.now(); window.__timelineReady = true; }
  });
}, 0); });
</script></body></html>`, lib, ji, jg, yearMillis(v.AxisStart), yearMillis(v.AxisEnd), yearMillis(v.AxisStart), yearMillis(v.AxisEnd))
	path := filepath.Join(dir, "vis.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// yearMillis returns the fractional year y in milliseconds since 1970.
func yearMillis(y float64) int64 {
	whole := math.Floor(y)
	a := time.Date(int(whole), 1, 1, 0, 0, 0, 0, time.UTC)
	b := time.Date(int(whole)+1, 1, 1, 0, 0, 0, 0, time.UTC)
	return a.UnixMilli() + int64((y-whole)*float64(b.UnixMilli()-a.UnixMilli()))
}
