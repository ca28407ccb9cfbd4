package htmlout

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

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
// users' data (rendertest.RealisticJSON) in headless Chromium and a
// baseline: a bare ECharts scatter chart of the same events without
// animation, from the same bundle. It reports the medians of: the time
// from navigation to ready and painted (charts drawn, table usable, the
// next frame painted), Chromium's style recalculation and layout time
// (DevTools Performance metrics), the longest main-thread task, and the
// median of the per-round ratios of ours to the baseline. Run it with
// -benchtime=Nx for N rounds.
func BenchmarkBrowserReady(b *testing.B) {
	loadTimeout = 5 * time.Minute
	for _, n := range []int{100, 1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			dir := b.TempDir()
			v := render.Build(rendertest.Realistic(n), timeline.Filter{}, render.Options{Version: "bench"})
			ours := writePage(b, dir, "ours.html", v, Options{})
			bare := writeBarePage(b, dir, v, false)
			tb := newTab(b)
			for _, f := range []string{ours, bare} { // warm up: the first loads are slower
				tb.stats(b, f)
			}
			var o, r []loadStats
			var ratio []float64
			for b.Loop() {
				so, sr := tb.stats(b, ours), tb.stats(b, bare)
				o, r = append(o, so), append(r, sr)
				ratio = append(ratio, so.Painted/sr.Painted)
			}
			med := func(s []loadStats, f func(loadStats) float64) float64 {
				x := make([]float64, len(s))
				for i := range s {
					x[i] = f(s[i])
				}
				return median(x)
			}
			b.ReportMetric(med(o, func(s loadStats) float64 { return s.Painted }), "ours-ms")
			b.ReportMetric(med(r, func(s loadStats) float64 { return s.Painted }), "bare-ms")
			b.ReportMetric(median(ratio), "ratio")
			b.ReportMetric(med(o, func(s loadStats) float64 { return s.Style }), "ours-style-ms")
			b.ReportMetric(med(o, func(s loadStats) float64 { return s.Layout }), "ours-layout-ms")
			b.ReportMetric(med(o, func(s loadStats) float64 { return s.Long }), "ours-longest-task-ms")
			b.ReportMetric(med(r, func(s loadStats) float64 { return s.Style + s.Layout }), "bare-style+layout-ms")
			b.ReportMetric(med(o, func(s loadStats) float64 { return s.Nodes }), "ours-nodes")
		})
	}
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
c.setOption({animation: false, tooltip: {}, xAxis: {type: 'value', min: %g, max: %g}, yAxis: {type: 'value'},
  series: [{type: 'scatter', large: %t, data: %s}]});
</script></body></html>`, height, bd.js, v.AxisStart, v.AxisEnd, large, js)
	path := filepath.Join(dir, fmt.Sprintf("bare-%t.html", large))
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}
