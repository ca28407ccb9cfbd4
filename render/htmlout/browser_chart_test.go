package htmlout

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/timeline-tool/timeline/data"
	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// chartLabel is an event's label as the chart draws it: its text and
// its box in the chart's pixels.
type chartLabel struct {
	Text       string
	X, Y, W, H float64
}

// chartState is what the timeline chart shows: its labels, the marks in
// view (as boxes of the mark's size), the zoom window in years, and the
// lanes whose label is greyed.
type chartState struct {
	Labels []chartLabel
	Marks  [][4]float64
	Window [2]float64
	Grid   [4]float64 // x, y, width, height
	Dim    []string
	Scroll float64
}

// chartJS reads chartState from what ECharts has drawn: the text
// elements of the labels, the axis's extent, and the lanes' labels.
const chartJS = `(() => {
  const c = echarts.getInstanceByDom(document.getElementById('chart'));
  const box = r => [r.x, r.y, r.width, r.height];
  const rect = e => { const r = e.getBoundingRect().clone(); r.applyTransform(e.getComputedTransform()); return r; };
  const list = c.getZr().storage.getDisplayList(true);
  const labels = list.filter(e => e.parent && e.parent.name === 'ev-label' && e.style.text).map(e => { const r = rect(e); return {text: e.style.text, x: r.x, y: r.y, w: r.width, h: r.height}; });
  const m = c.getModel(), grid = m.getComponent('grid', 0).coordinateSystem.getRect();
  const o = c.getOption(), lanes = o.legend[0].data.length, marks = [];
  window.__timelineChartMarks().forEach(d => {
    for (let j = 0; j < d.length; j += 3) { // x, y and the event's index in turn
      const p = c.convertToPixel({gridIndex: 0}, [d[j], d[j + 1]]);
      if (p[0] >= grid.x && p[0] <= grid.x + grid.width) marks.push([p[0] - 4, p[1] - 4, 8, 8]);
    }
  });
  const dim = list.filter(e => e.style && e.style.fill === '#9a9a9a' && e.style.text).map(e => e.style.text);
  return {labels, marks, window: m.getComponent('xAxis', 0).axis.scale.getExtent(), grid: box(grid), dim, scroll: scrollY};
})()`

func overlap(a, b [4]float64) bool {
	return a[0] < b[0]+b[2] && b[0] < a[0]+a[2] && a[1] < b[1]+b[3] && b[1] < a[1]+a[3]
}

// checkLabels checks that the chart shows labels, each the start of an
// event's title (with an ellipsis when shortened), inside the plot, none
// over another or over a mark.
func checkLabels(t *testing.T, what string, s chartState, titles map[string]bool) {
	t.Helper()
	if len(s.Labels) == 0 {
		t.Errorf("%s: no labels on the chart", what)
		return
	}
	for i, l := range s.Labels {
		text, short := strings.CutSuffix(l.Text, "…")
		ok := titles[text]
		if short {
			for title := range titles {
				if strings.HasPrefix(title, text) && len(title) > len(text) {
					ok = true
					break
				}
			}
		}
		if !ok {
			t.Errorf("%s: label %q is no event's title nor the start of one", what, l.Text)
		}
		b := [4]float64{l.X, l.Y, l.W, l.H}
		g := s.Grid
		if l.X < g[0]-0.5 || l.X+l.W > g[0]+g[2]+0.5 || l.Y < g[1]-8 || l.Y+l.H > g[1]+g[3]+8 {
			t.Errorf("%s: label %q at %v is outside the plot %v", what, l.Text, b, g)
		}
		for _, m := range s.Labels[:i] {
			// Boxes that touch are fine; an overlap of a pixel is not.
			if overlap([4]float64{b[0] + 0.5, b[1] + 0.5, b[2] - 1, b[3] - 1}, [4]float64{m.X, m.Y, m.W, m.H}) {
				t.Errorf("%s: label %q %v overlaps label %q", what, l.Text, b, m.Text)
			}
		}
		for _, m := range s.Marks {
			if overlap([4]float64{b[0] + 0.5, b[1] + 2, b[2] - 1, b[3] - 4}, m) {
				t.Errorf("%s: label %q %v covers a mark at %v", what, l.Text, b, m)
				break
			}
		}
	}
}

// wheelAt sends a real mouse wheel event at x, y, with Ctrl when ctrl.
func wheelAt(x, y, dy float64, ctrl bool) chromedp.Action[chromedp.Void] {
	return chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, x, y, func(p *input.DispatchMouseEventParams) {
		p.DeltaX, p.DeltaY = 1e-9, dy // both required; a zero is left out
		if ctrl {
			p.Modifiers = int64(chromedp.ModifierCtrl)
		}
	})
}

func frames(t *testing.T, tb *tab) {
	t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(true), 20))))`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserChart drives the timeline chart of the embedded dataset as
// a user would: labels at three widths, a plain wheel that scrolls the
// page, a Ctrl+wheel that zooms and shows more labels, and era buttons
// that zoom the axis to the era.
func TestBrowserChart(t *testing.T) {
	d, err := data.MEK()
	if err != nil {
		t.Fatal(err)
	}
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	titles := map[string]bool{}
	for _, e := range v.Events {
		titles[strings.Join(strings.Fields(e.Title), " ")] = true
	}
	tb := open(t, writePage(t, t.TempDir(), "chart.html", v, Options{}))

	for _, w := range []int64{1440, 900, 390} {
		resize(t, tb, w, 900)
		frames(t, tb)
		s := eval[chartState](t, tb, chartJS)
		checkLabels(t, fmt.Sprintf("%d px", w), s, titles)
		t.Logf("%d px: %d labels", w, len(s.Labels))
		if w == 1440 && len(s.Labels) < 20 {
			t.Errorf("1440 px: only %d labels on the chart of %d events", len(s.Labels), len(v.Events))
		}
	}
	resize(t, tb, 1440, 900)
	frames(t, tb)

	// A plain wheel over the chart scrolls the page and leaves the zoom;
	// a hint says how to zoom.
	eval[bool](t, tb, `(scrollTo(0, document.getElementById('chart').getBoundingClientRect().top + scrollY - 100), true)`)
	before := eval[chartState](t, tb, chartJS)
	r := eval[[]float64](t, tb, `(() => { const r = document.getElementById('chart').getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`)
	cx, cy := r[0]+before.Grid[0]+before.Grid[2]/2, r[1]+before.Grid[1]+before.Grid[3]/2
	do(t, tb, wheelAt(cx, cy, 200, false))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`scrollY > %f + 50`, before.Scroll), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("a plain wheel over the chart did not scroll the page: %v", err)
	}
	after := eval[chartState](t, tb, chartJS)
	if after.Window != before.Window {
		t.Errorf("a plain wheel changed the zoom from %v to %v", before.Window, after.Window)
	}
	if hint := eval[string](t, tb, `(document.querySelector('#chart .wheel-hint') || {}).textContent || ''`); !strings.Contains(hint, "scroll to zoom") {
		t.Errorf("no hint after a plain wheel over the chart: %q", hint)
	}

	// Ctrl+wheel zooms in about the pointer, and the window shows more
	// labels than it did before.
	eval[bool](t, tb, `(scrollTo(0, document.getElementById('chart').getBoundingClientRect().top + scrollY - 100), true)`)
	before = eval[chartState](t, tb, chartJS)
	r = eval[[]float64](t, tb, `(() => { const r = document.getElementById('chart').getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`)
	cx, cy = r[0]+before.Grid[0]+before.Grid[2]*0.75, r[1]+before.Grid[1]+before.Grid[3]/2
	for range 3 {
		do(t, tb, wheelAt(cx, cy, -200, true))
	}
	frames(t, tb)
	after = eval[chartState](t, tb, chartJS)
	if after.Scroll != before.Scroll {
		t.Errorf("Ctrl+wheel scrolled the page from %.0f to %.0f", before.Scroll, after.Scroll)
	}
	span := func(w [2]float64) float64 { return w[1] - w[0] }
	if !(span(after.Window) < 0.6*span(before.Window)) {
		t.Fatalf("Ctrl+wheel did not zoom in: window %v, was %v", after.Window, before.Window)
	}
	// The year under the pointer stays under it.
	at := func(w [2]float64) float64 { return w[0] + 0.75*span(w) }
	if math.Abs(at(after.Window)-at(before.Window)) > 0.05*span(before.Window) {
		t.Errorf("zoom moved the year under the pointer from %.1f to %.1f", at(before.Window), at(after.Window))
	}
	checkLabels(t, "zoomed", after, titles)
	// Zoomed in, the labels in the window hold more of their titles than
	// the same stretch of the axis held before.
	chars := func(s chartState, w [2]float64) int {
		n := 0
		for _, l := range s.Labels {
			if y := s.Window[0] + (l.X-s.Grid[0])/s.Grid[2]*span(s.Window); y >= w[0] && y <= w[1] {
				n += len([]rune(strings.TrimSuffix(l.Text, "…")))
			}
		}
		return n
	}
	if b, a := chars(before, after.Window), chars(after, after.Window); 4*a < 5*b || len(after.Labels) < 10 {
		t.Errorf("zoomed in to %.1f–%.1f, the chart's labels hold %d letters of titles there; before, %d", after.Window[0], after.Window[1], a, b)
	}
	screenshot(t, tb, "chart-zoomed")

	// An era button zooms the axis to the era, with a small margin; the
	// lanes without an event in it are greyed; All shows the whole axis.
	for k, e := range v.Eras {
		do(t, tb, chromedp.Click(chromedp.CSS(fmt.Sprintf(`button[data-era="%d"]`, k+1))))
		frames(t, tb)
		s := eval[chartState](t, tb, chartJS)
		m := max((e.End-e.Start)/20, 1.0/12)
		want := [2]float64{max(e.Start-m, v.AxisStart), min(e.End+m, v.AxisEnd)}
		if math.Abs(s.Window[0]-want[0]) > 0.02 || math.Abs(s.Window[1]-want[1]) > 0.02 {
			t.Errorf("era %s (%.2f–%.2f): axis shows %.2f–%.2f, want %.2f–%.2f", e.ID, e.Start, e.End, s.Window[0], s.Window[1], want[0], want[1])
		}
		var empty []string
		for _, c := range v.Categories {
			n := 0
			for _, ev := range v.Events {
				if ev.Era == e && ev.Category == c {
					n++
				}
			}
			if n == 0 {
				empty = append(empty, c.Label)
			}
		}
		if strings.Join(s.Dim, "|") != strings.Join(empty, "|") {
			t.Errorf("era %s: lanes greyed %q, want those without an event of the era %q", e.ID, s.Dim, empty)
		}
		checkLabels(t, "era "+e.ID, s, titles)
	}
	screenshot(t, tb, "chart-era")
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="0"]`)))
	frames(t, tb)
	if s := eval[chartState](t, tb, chartJS); s.Window != [2]float64{v.AxisStart, v.AxisEnd} || len(s.Dim) != 0 {
		t.Errorf("All: axis shows %v with lanes %q greyed, want %v–%v and none", s.Window, s.Dim, v.AxisStart, v.AxisEnd)
	}
	tb.checkQuiet(t)
}

// TestBrowserChartKeys walks the chart with the keyboard only: Tab to
// the chart, the arrow keys from the first event to the fifth (the
// tooltip and the live region follow), Enter into the table, Escape
// back, with a visible focus all along.
func TestBrowserChartKeys(t *testing.T) {
	d, err := data.MEK()
	if err != nil {
		t.Fatal(err)
	}
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	tb := open(t, writePage(t, t.TempDir(), "keys.html", v, Options{}))
	resize(t, tb, 1440, 900)
	outlined := `(() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; })()`
	tabs := 0
	for ; tabs < 60 && eval[string](t, tb, `document.activeElement.id`) != "chart"; tabs++ {
		do(t, tb, chromedp.KeyEvent("\t"))
		if !eval[bool](t, tb, outlined) {
			t.Errorf("Tab %d: the focused %s has no visible outline", tabs+1, eval[string](t, tb, `document.activeElement.outerHTML.slice(0, 80)`))
		}
	}
	if tabs == 60 {
		t.Fatal("60 Tabs never reached the chart")
	}
	read := func(k int) {
		t.Helper()
		e := v.Events[k]
		title := strings.Join(strings.Fields(e.Title), " ")
		cond := fmt.Sprintf(`(() => { const t = document.querySelector('.tl-tip'); return document.getElementById('chart-live').textContent.includes(%q) && !!t && getComputedStyle(t).display !== 'none' && t.textContent.includes(%q); })()`, title, title)
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Fatalf("event %d (%s): the live region says %q and the tooltip %q: %v", k+1, title,
				eval[string](t, tb, `document.getElementById('chart-live').textContent`), eval[string](t, tb, `(document.querySelector('.tl-tip') || {}).textContent || ''`), err)
		}
		if !strings.Contains(eval[string](t, tb, `document.getElementById('chart-live').textContent`), e.Label) {
			t.Errorf("event %d: the live region lacks its date %q", k+1, e.Label)
		}
		// The address names the event, for a reload or a link.
		hash := fmt.Sprintf(`('&' + location.hash.slice(1) + '&').includes('&ev=' + encodeURIComponent(%q) + '&')`, e.ID)
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](hash, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Errorf("event %d (%s): the address is %q", k+1, e.ID, eval[string](t, tb, `location.hash`))
		}
		ring := eval[int](t, tb, `echarts.getInstanceByDom(document.getElementById('chart')).getZr().storage.getDisplayList(true).filter(e => e.name === 'ev-focus').length`)
		if ring != 1 {
			t.Errorf("event %d: %d focus rings on the chart, want 1", k+1, ring)
		}
	}
	entries := eval[int](t, tb, `history.length`)
	for k := range 5 {
		do(t, tb, chromedp.KeyEvent(kb.ArrowRight))
		read(k)
	}
	if n := eval[int](t, tb, `history.length`); n > entries+1 {
		t.Errorf("5 steps made %d history entries, want at most 1", n-entries)
	}
	if !eval[bool](t, tb, outlined) {
		t.Error("the focused chart has no visible outline")
	}
	do(t, tb, chromedp.KeyEvent("\r"))
	row := v.Events[4].Anchor
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`(() => { const r = document.activeElement, b = r.getBoundingClientRect(); return r.id === %q && b.top >= 0 && b.bottom <= innerHeight; })()`, row), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("Enter on the fifth event: focus on %q, want its row %s in view: %v", eval[string](t, tb, `document.activeElement.id`), row, err)
	}
	if !eval[bool](t, tb, outlined) {
		t.Error("the focused row has no visible outline")
	}
	do(t, tb, chromedp.KeyEvent(kb.Escape))
	if got := eval[string](t, tb, `document.activeElement.id`); got != "chart" {
		t.Fatalf("Escape in the table: focus on %q, want the chart", got)
	}
	read(4)
	do(t, tb, chromedp.KeyEvent(kb.ArrowLeft))
	read(3)
	screenshot(t, tb, "chart-keys")
	tb.checkQuiet(t)
}

// TestBrowserChartBig checks the labels and the keyboard on a big page,
// whose rows are drawn only near the reader: the labels come from the
// page data, and Enter draws the event's row before going to it.
func TestBrowserChartBig(t *testing.T) {
	v := render.Build(rendertest.Realistic(1000), timeline.Filter{}, render.Options{Version: "test"})
	titles := map[string]bool{}
	for _, e := range v.Events {
		titles[strings.Join(strings.Fields(e.Title), " ")] = true
	}
	tb := open(t, writePage(t, t.TempDir(), "big.html", v, Options{}))
	resize(t, tb, 1440, 900)
	frames(t, tb)
	checkLabels(t, "1,000 events", eval[chartState](t, tb, chartJS), titles)
	checkFitted(t, tb, titles)
	screenshot(t, tb, "chart-big")
	do(t, tb, chromedp.Focus(chromedp.ID("chart")), chromedp.KeyEvent(kb.End), chromedp.KeyEvent(kb.ArrowLeft), chromedp.KeyEvent("\r"))
	row := v.Events[len(v.Events)-2].Anchor
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`document.activeElement.id === %q`, row), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("End, ←, Enter: focus on %q, want the row %s: %v", eval[string](t, tb, `document.activeElement.id`), row, err)
	}
	tb.checkQuiet(t)
}

// saved clicks the button with the given id and returns the file the
// browser downloads into dir, once complete.
func saved(t *testing.T, tb *tab, dir, button, ext string) []byte {
	t.Helper()
	do(t, tb, chromedp.Click(chromedp.ID(button)))
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		m, _ := filepath.Glob(filepath.Join(dir, "*."+ext))
		if len(m) == 1 {
			b, err := os.ReadFile(m[0])
			if err == nil && len(b) > 0 {
				return b
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s: no .%s file downloaded into %s", button, ext, dir)
	return nil
}

// TestBrowserChartSave zooms to an era and saves the chart as SVG and
// PNG: the SVG parses and holds the title, the filter, the source line
// and every label the chart shows; the PNG is the chart at twice its
// pixels with the text above and below.
func TestBrowserChartSave(t *testing.T) {
	d, err := data.MEK()
	if err != nil {
		t.Fatal(err)
	}
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	tb := open(t, writePage(t, t.TempDir(), "save.html", v, Options{}))
	resize(t, tb, 1440, 900)
	dir := t.TempDir()
	if _, err := chromedp.Call(tb.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	era := v.Eras[3]
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="4"]`)))
	frames(t, tb)
	shown := eval[chartState](t, tb, chartJS)
	if len(shown.Labels) < 5 {
		t.Fatalf("only %d labels on the chart of era %s", len(shown.Labels), era.ID)
	}

	svg := saved(t, tb, dir, "save-svg", "svg")
	var texts []string
	dec := xml.NewDecoder(bytes.NewReader(svg))
	depth, root := 0, ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the saved SVG does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Space + " " + tok.Name.Local
			}
			if tok.Name.Local == "text" || depth > 0 {
				depth++
			}
		case xml.EndElement:
			if depth > 0 {
				depth--
			}
		case xml.CharData:
			if depth > 0 {
				texts = append(texts, string(tok))
			}
		}
	}
	if root != "http://www.w3.org/2000/svg svg" {
		t.Errorf("the saved SVG's root is %q", root)
	}
	all := strings.Join(texts, "\n")
	want := []string{v.Title, "Showing " + render.Count(era.Count) + " of " + render.Count(len(v.Events)) + " events: era " + era.Label, "Source: Clayton Thomas"}
	for _, l := range shown.Labels {
		want = append(want, l.Text)
	}
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("the saved SVG lacks %q", w)
		}
	}

	// The PNG is drawn without the zoom slider, which comes back after.
	eval[bool](t, tb, `(() => {
  const c = echarts.getInstanceByDom(document.getElementById('chart')), draw = c.getRenderedCanvas;
  c.getRenderedCanvas = function (o) { window.__slider = c.getOption().dataZoom[1].show; return draw.call(c, o); };
  return true;
})()`)
	p := saved(t, tb, dir, "save-png", "png")
	if slider := eval[[]any](t, tb, `[window.__slider, echarts.getInstanceByDom(document.getElementById('chart')).getOption().dataZoom[1].show]`); len(slider) != 2 || slider[0] != false || slider[1] != true {
		t.Errorf("zoom slider shown when the PNG was drawn, and after: %v; want false, true", slider)
	}
	img, err := png.Decode(bytes.NewReader(p))
	if err != nil {
		t.Fatalf("the saved PNG does not decode: %v", err)
	}
	if os.Getenv("TIMELINE_SCREENSHOTS") != "" {
		for name, b := range map[string][]byte{"saved.svg": svg, "saved.png": p} {
			if err := os.WriteFile(filepath.Join(t.ArtifactDir(), name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if b := img.Bounds(); b.Dx() < 2*int(shown.Grid[0]+shown.Grid[2]) || b.Dy() < 2*int(shown.Grid[1]+shown.Grid[3]) {
		t.Errorf("the saved PNG is %dx%d, smaller than the chart at twice its pixels", b.Dx(), b.Dy())
	}
	tb.checkQuiet(t)
}

// fittedJS checks the shortened labels against their room, measured in
// the font the chart draws them in: each fits, and one more letter of
// its title would not. It returns the font and the number of shortened
// labels, or what is wrong.
const fittedJS = `((titles) => {
  const c = echarts.getInstanceByDom(document.getElementById('chart'));
  const fonts = new Set(c.getZr().storage.getDisplayList(true).filter(e => e.parent && e.parent.name === 'ev-label' && e.style.text).map(e => e.style.font));
  if (fonts.size !== 1) return {err: 'label fonts: ' + [...fonts].join(' | ')};
  const font = [...fonts][0], g = document.createElement('canvas').getContext('2d');
  g.font = font;
  const width = s => g.measureText(s).width;
  let short = 0;
  for (const [, text, room] of window.__timelineLabels) {
    if (width(text) > room) return {err: text + ' is wider than its room ' + room + ' in ' + font};
    if (!text.endsWith('…')) continue;
    short++;
    const start = text.slice(0, -1);
    const longer = titles.some(t => {
      if (!t.startsWith(start)) return false;
      const cp = Array.from(t);
      for (let k = Array.from(start).length + 1; k <= cp.length; k++) {
        const next = cp.slice(0, k).join('').trimEnd();
        if (next !== start) return width(k === cp.length ? next : next + '…') > room;
      }
      return false;
    });
    if (!longer) return {err: text + ' leaves room (' + room + ' px in ' + font + ') for more of its title'};
  }
  return {font, short};
})`

// checkFitted checks that the chart's shortened labels are as long as
// their room allows in the font they are drawn in (on crowded rows a
// smaller one than the 11 px of roomier charts).
func checkFitted(t *testing.T, tb *tab, titles map[string]bool) {
	t.Helper()
	list := make([]string, 0, len(titles))
	for s := range titles {
		list = append(list, s)
	}
	sort.Strings(list)
	js, err := json.Marshal(list)
	if err != nil {
		t.Fatal(err)
	}
	r := eval[struct {
		Err, Font string
		Short     int
	}](t, tb, fittedJS+"("+string(js)+")")
	if r.Err != "" {
		t.Fatal(r.Err)
	}
	if r.Short == 0 {
		t.Errorf("no shortened label in %s to check", r.Font)
	}
	t.Logf("%d shortened labels in %s", r.Short, r.Font)
}
