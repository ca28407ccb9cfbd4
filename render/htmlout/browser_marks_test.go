package htmlout

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
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
		// Beside the mark, within the pointer's reach: the tooltip shown
		// there, with a pointing hand, is of the event a click there goes
		// to, whichever mark is nearest.
		x += 7
		do(t, tb, chromedp.MouseEvent(chromedp.MouseMoved, x, y))
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`(() => { const t = document.querySelector('.tl-tip'); return !!t && getComputedStyle(t).display !== 'none'; })()`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Errorf("7 px beside the mark of %s: no tooltip: %v", e.Anchor, err)
			continue
		}
		tip := eval[map[string]string](t, tb, `({title: document.querySelector('.tl-tip b').textContent, cursor: echarts.getInstanceByDom(document.getElementById('chart')).getZr().painter.getViewportRoot().style.cursor})`)
		do(t, tb, chromedp.MouseClickXY(x, y))
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`!!document.activeElement && document.activeElement.matches('#events tbody tr')`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Errorf("7 px beside the mark of %s: a click goes to no row: %v", e.Anchor, err)
			continue
		}
		row := eval[string](t, tb, `document.activeElement.cells[1].querySelector('strong, b, .t') ? document.activeElement.cells[1].querySelector('strong, b, .t').textContent : document.activeElement.cells[1].textContent`)
		if !strings.HasPrefix(strings.TrimSpace(row), strings.TrimSuffix(tip["title"], "…")) || tip["cursor"] != "pointer" {
			t.Errorf("7 px beside the mark of %s: the tooltip shows %q (cursor %q), a click goes to the row of %q", e.Anchor, tip["title"], tip["cursor"], row)
		}
		do(t, tb, chromedp.MouseEvent(chromedp.MouseMoved, 5, 5))
	}
	// A tooltip open when the reader's system turns dark keeps the light
	// colours it was drawn in: it is hidden.
	x, y := markPoint(t, tb, cross.Anchor)
	do(t, tb, chromedp.MouseEvent(chromedp.MouseMoved, x, y))
	tipShown := `(() => { const t = document.querySelector('.tl-tip'); return !!t && getComputedStyle(t).display !== 'none' && getComputedStyle(t).visibility !== 'hidden' && getComputedStyle(t).opacity !== '0'; })()`
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](tipShown, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("no tooltip over the mark of %s: %v", cross.Anchor, err)
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool]("!"+tipShown, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("the tooltip stays open when the page turns dark: %v", err)
	}
	tb.checkQuiet(t)
}

// TestBrowserTooltipClip: a tooltip cuts a long title, summary or
// citation at a space, not through a word or a date, and says so with an
// ellipsis.
func TestBrowserTooltipClip(t *testing.T) {
	long := strings.Repeat("A report on the camp and the listing of the group ", 3)
	d := loadJSON(t, "clip.json", fmt.Sprintf(`{"title":"Clip","sources":[{"id":"s","author":"Some Author","title":%q,"publisher":"A Publisher","date":"2012-03-14"}],
"events":[{"id":"a","date":"1990","title":"An event","summary":"A summary.","sources":["s"]}]}`, long))
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	cite := v.Sources[0].Citation
	if len([]rune(cite)) <= 120 {
		t.Fatalf("the citation %q is not long", cite)
	}
	tb := open(t, writePage(t, t.TempDir(), "clip.html", v, Options{}))
	x, y := markPoint(t, tb, v.Events[0].Anchor)
	do(t, tb, chromedp.MouseEvent(chromedp.MouseMoved, x, y))
	cond := `(() => { const t = document.querySelector('.tl-tip'); return !!t && getComputedStyle(t).display !== 'none' && t.textContent.includes('[1]'); })()`
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("no tooltip with the event's source: %v", err)
	}
	line := eval[string](t, tb, `[...document.querySelectorAll('.tl-tip bdi')].map(b => b.textContent).find(s => s.startsWith('Some Author')) || ''`)
	shown, cut := strings.CutSuffix(line, "…")
	if !cut || len([]rune(line)) > 120 || !strings.HasPrefix(cite, shown) || len(shown) < 72 {
		t.Fatalf("the tooltip's citation %q, of %q: want at most 120 characters, most of them, cut and ending in …", line, cite)
	}
	if next := cite[len(shown)]; next != ' ' && next != ',' {
		t.Errorf("the tooltip cuts the citation through a word: %q, then %q", shown, cite[len(shown):len(shown)+10])
	}
	tb.checkQuiet(t)
}
