package htmlout

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// TestBrowserMarks checks the marks, which the page draws (see
// markOutlines), one path per lane, mark and fuzziness, of the series
// 'outlines' (the scatter series, one a lane, hold no points: the page
// finds the mark under the pointer itself): every event has its mark, a
// cross is its outline, a ring is a circle's outline, and the pointer
// over either shows its event's tooltip.
func TestBrowserMarks(t *testing.T) {
	v := render.Build(rendertest.Realistic(300), timeline.Filter{}, render.Options{Version: "test"})
	var cross, ring *render.EventView
	crosses, rings := 0, 0
	for _, e := range v.Events {
		switch e.Status.Mark {
		case render.MarkCross:
			crosses++
			if cross == nil {
				cross = e
			}
		case render.MarkRing:
			rings++
			if ring == nil {
				ring = e
			}
		}
	}
	if cross == nil || ring == nil {
		t.Fatal("the dataset has no denied or no reported event")
	}
	file := writePage(t, t.TempDir(), "marks.html", v, Options{})
	tb := open(t, file)
	got := eval[map[string]float64](t, tb, fmt.Sprintf(`(() => {
  const c = echarts.getInstanceByDom(document.getElementById('chart'));
  const paths = c.getZr().storage.getDisplayList(true).filter(e => e.shape && e.shape.pts && 'ring' in e.shape);
  const n = l => l.reduce((n, e) => n + e.shape.pts.a.length / 2, 0);
  const crosses = paths.filter(e => e.shape.mark === %d), rings = paths.filter(e => e.shape.ring);
  const scatter = c.getOption().series.filter(s => s.type === 'scatter' && s.id !== 'shadow');
  return {marks: n(paths), crosses: n(crosses), filled: crosses.filter(e => e.style.opacity > 0 && e.style.fill).length,
    rings: n(rings), ringLine: rings.length ? Math.min(...rings.map(e => e.style.lineWidth)) : 0, ringFill: rings.filter(e => e.style.fill).length,
    scatter: scatter.length, visible: scatter.filter(s => s.itemStyle.opacity !== 0).length, points: scatter.reduce((n, s) => n + s.data.length, 0)};
})()`, render.MarkCross))
	if int(got["marks"]) != len(v.Events) || int(got["crosses"]) != crosses || got["filled"] == 0 {
		t.Errorf("the chart draws %v marks, %v of them crosses (%v paths filled), want %d and %d", got["marks"], got["crosses"], got["filled"], len(v.Events), crosses)
	}
	if int(got["rings"]) != rings || got["ringLine"] <= 0 || got["ringFill"] != 0 {
		t.Errorf("rings: %v drawn (want %d), line %v, %v filled", got["rings"], rings, got["ringLine"], got["ringFill"])
	}
	if int(got["scatter"]) != len(v.Categories) || got["visible"] != 0 || got["points"] != 0 {
		t.Errorf("%v scatter series, %v of them visible, %v numbers in them; want one per lane (%d), invisible, empty", got["scatter"], got["visible"], got["points"], len(v.Categories))
	}
	for _, e := range []*render.EventView{cross, ring} {
		x, y := markPoint(t, tb, e.Anchor)
		do(t, tb, chromedp.MouseEvent(chromedp.MouseMoved, x, y))
		words := strings.Fields(e.Title)
		want := strings.Join(words[:min(3, len(words))], " ")
		cond := fmt.Sprintf(`(() => { const t = document.querySelector('.tl-tip'); return !!t && getComputedStyle(t).display !== 'none' && t.textContent.includes(%q); })()`, want)
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Errorf("the pointer over the mark of %s (%s) shows no tooltip with %q: %v", e.Anchor, e.Status.Label, want, err)
		}
		do(t, tb, chromedp.MouseEvent(chromedp.MouseMoved, 5, 5))
	}
	tb.checkQuiet(t)
}
