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

// TestBrowserMarks checks the marks that ECharts' large mode draws
// differently from its symbols (see symbols): a cross is drawn by the
// page, one outline per mark of the series 'outlines', over an invisible
// square that still takes the pointer, and a ring is a circle's outline;
// the pointer over either shows its event's tooltip.
func TestBrowserMarks(t *testing.T) {
	v := render.Build(rendertest.Realistic(300), timeline.Filter{}, render.Options{Version: "test"})
	var cross, ring *render.EventView
	crosses := 0
	for _, e := range v.Events {
		switch e.Status.Mark {
		case render.MarkCross:
			crosses++
			if cross == nil {
				cross = e
			}
		case render.MarkRing:
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
	got := eval[map[string]float64](t, tb, `(() => {
  const c = echarts.getInstanceByDom(document.getElementById('chart'));
  const list = c.getZr().storage.getDisplayList(true);
  const outlines = list.filter(e => e.shape && e.shape.ol);
  const rings = c.getOption().series.filter(s => s.type === 'scatter' && s.symbol === 'circle' && s.itemStyle.color === 'none');
  return {outlines: outlines.reduce((n, e) => n + e.shape.pts.length / 2, 0), filled: outlines.filter(e => e.style.opacity > 0 && e.style.fill).length,
    rings: rings.length, ringBorder: rings.length ? rings[0].itemStyle.borderWidth : 0};
})()`)
	if int(got["outlines"]) != crosses || got["filled"] == 0 {
		t.Errorf("the chart draws %v cross outlines (%v paths filled), want %d", got["outlines"], got["filled"], crosses)
	}
	if got["rings"] == 0 || got["ringBorder"] <= 0 {
		t.Errorf("rings: %v series, border %v", got["rings"], got["ringBorder"])
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
