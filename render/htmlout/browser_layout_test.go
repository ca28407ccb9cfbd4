package htmlout

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// resize gives the tab a viewport of w by h CSS pixels and waits until
// the page has laid itself out for it.
func resize(t *testing.T, tb *tab, w, h int64) {
	t.Helper()
	do(t, tb, chromedp.EmulateViewport(w, h))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`innerWidth === %d`, w), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("viewport never became %d wide: %v", w, err)
	}
	// Two frames: the resize handlers and the ResizeObservers run.
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
}

// coverJS returns how far below the bottom of everything that sticks to
// the top of the window the top of the element with the given id is: the
// filter bar and, for a row, the table's header. Negative is hidden.
const coverJS = `((id) => {
  const el = document.getElementById(id), top = el.getBoundingClientRect().top;
  let bottom = 0;
  for (const s of [document.getElementById('controls'), document.querySelector('#events thead')]) {
    const st = getComputedStyle(s), r = s.getBoundingClientRect();
    if (st.position === 'sticky' && r.top <= parseFloat(st.top) + 1 && r.bottom > bottom) bottom = r.bottom;
  }
  return {top, bottom, below: top - bottom, inView: top >= 0 && top < innerHeight, hash: location.hash};
})`

type cover struct {
	Top, Bottom, Below float64
	InView             bool
	Hash               string
}

// TestBrowserAnchorsClearBar clicks a footnote link and a "cited by" link
// at several widths and checks that their targets land fully visible,
// below the sticky filter bar and the table's sticky header.
func TestBrowserAnchorsClearBar(t *testing.T) {
	v := render.Build(rendertest.Synthetic(120), timeline.Filter{}, render.Options{Version: "test"})
	file := writePage(t, t.TempDir(), "anchors.html", v, Options{})
	tb := open(t, file)
	e := v.Events[70]
	n := e.Notes[0]
	s := v.Sources[n-1]
	back := s.CitedBy[len(s.CitedBy)/2]
	if len(s.CitedBy) > maxBackLinks {
		back = s.CitedBy[maxBackLinks/2]
	}
	for _, w := range []int64{1400, 800, 500} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			resize(t, tb, w, 900)
			sticky := eval[string](t, tb, `getComputedStyle(document.getElementById('controls')).position`)
			if w >= 900 && sticky != "sticky" {
				t.Errorf("filter bar is %s at %d px, want sticky", sticky, w)
			}
			bar := eval[float64](t, tb, `document.getElementById('controls').offsetHeight`)
			// The footnote link in the row of e, to its source.
			do(t, tb, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#%s a[href="#src-%d"]`, e.Anchor, n))))
			c := eval[cover](t, tb, fmt.Sprintf(`%s(%q)`, coverJS, fmt.Sprintf("src-%d", n)))
			if c.Hash != fmt.Sprintf("#src-%d", n) || c.Below < 0 || !c.InView {
				t.Errorf("%d px: footnote %d lands at %.0f px, under sticky things down to %.0f px (filter bar %.0f px high; %+v)", w, n, c.Top, c.Bottom, bar, c)
			}
			// A "cited by" link back to a row.
			do(t, tb, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#src-%d .back a[href="#%s"]`, n, back.Anchor))))
			c = eval[cover](t, tb, fmt.Sprintf(`%s(%q)`, coverJS, back.Anchor))
			if c.Hash != "#"+back.Anchor || c.Below < 0 || !c.InView {
				t.Errorf("%d px: row %s lands at %.0f px, under sticky things down to %.0f px (%+v)", w, back.Anchor, c.Top, c.Bottom, c)
			}
			screenshot(t, tb, fmt.Sprintf("cited-by-%d", w))
		})
	}

	// A page opened at an anchor shows it clear of the bar.
	resize(t, tb, 1400, 900)
	for _, id := range []string{fmt.Sprintf("src-%d", n), back.Anchor} {
		do(t, tb, chromedp.Navigate("about:blank"))
		tb.load(t, file+"#"+id)
		if c := eval[cover](t, tb, fmt.Sprintf(`%s(%q)`, coverJS, id)); c.Below < 0 || !c.InView {
			t.Errorf("page opened at #%s: %+v", id, c)
		}
	}

	// A link to a row that the filters hide shows it: the filters clear.
	other := v.Eras[0]
	if back.Era == other {
		other = v.Eras[len(v.Eras)-1]
	}
	do(t, tb, chromedp.Click(chromedp.CSS(fmt.Sprintf(`button[data-era="%d"]`, indexOf(v.Eras, other)+1))))
	do(t, tb, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#src-%d .back a[href="#%s"]`, n, back.Anchor))))
	c := eval[cover](t, tb, fmt.Sprintf(`%s(%q)`, coverJS, back.Anchor))
	if hidden := eval[bool](t, tb, fmt.Sprintf(`document.getElementById(%q).hidden`, back.Anchor)); hidden || c.Below < 0 || !c.InView {
		t.Errorf("a link to a row of another era: hidden %t, %+v", hidden, c)
	}
	tb.checkQuiet(t)
}

func indexOf[T comparable](s []T, x T) int {
	for i, y := range s {
		if y == x {
			return i
		}
	}
	return -1
}

// TestBrowserNarrow checks that the page fits narrow windows: nothing
// scrolls sideways, and every cell of the table, Status and Sources too,
// is on screen, each after its column's name when the rows are cards.
func TestBrowserNarrow(t *testing.T) {
	v := render.Build(rendertest.Synthetic(60), timeline.Filter{}, render.Options{Version: "test"})
	tb := open(t, writePage(t, t.TempDir(), "narrow.html", v, Options{}))
	type fit struct {
		ScrollWidth, Width float64
		Offscreen          []string
		Labels             []string
		Head               bool
	}
	const fitJS = `(() => {
  const out = {scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth, offscreen: [], labels: [], head: false};
  const rows = [...document.querySelectorAll('#events tbody tr')].slice(0, 12);
  for (const r of rows) {
    r.scrollIntoView();
    for (const c of r.cells) {
      const b = c.getBoundingClientRect();
      if (c.textContent !== '' && (b.width < 8 || b.left < 0 || b.right > innerWidth + 0.5)) out.offscreen.push(r.id + ' cell ' + c.cellIndex + ' ' + Math.round(b.left) + '..' + Math.round(b.right));
    }
  }
  out.labels = [...rows[0].cells].map(c => getComputedStyle(c, '::before').content);
  const h = document.querySelector('#events thead').getBoundingClientRect();
  out.head = h.width > 100 && h.height > 10;
  return out;
})()`
	for _, w := range []int64{1400, 800, 500} {
		resize(t, tb, w, 900)
		got := eval[fit](t, tb, fitJS)
		if got.ScrollWidth > got.Width {
			t.Errorf("%d px: the page is %.0f px wide, wider than the window's %.0f", w, got.ScrollWidth, got.Width)
		}
		for _, o := range got.Offscreen {
			t.Errorf("%d px: %s is off screen", w, o)
		}
		cards := w < 900
		if got.Head == cards {
			t.Errorf("%d px: table header shown %t, want %t", w, got.Head, !cards)
		}
		want := "none none none none none none none"
		if cards {
			want = `none none none "Era" "Category" "Status" "Sources"`
		}
		if strings.Join(got.Labels, " ") != want {
			t.Errorf("%d px: the cells' labels are %q, want %s", w, got.Labels, want)
		}
		eval[bool](t, tb, `(document.getElementById('controls').scrollIntoView(), true)`)
		screenshot(t, tb, fmt.Sprintf("narrow-%d", w))
	}
	tb.checkQuiet(t)
}

// eraJSON has the eras of the embedded dataset: long names, and two short
// eras that share their boundary years with their neighbours.
const eraJSON = `{"title":"Eras","eras":[
{"id":"shah","label":"Against the Shah","span":"1960/1978"},
{"id":"revolution","label":"Revolution and break with Khomeini","span":"1979/1981"},
{"id":"france","label":"Exile in France","span":"1981/1986"},
{"id":"iraq","label":"In Saddam Hussein’s Iraq","span":"1986/2003"},
{"id":"ashraf","label":"Camp Ashraf and the delisting campaign","span":"2003/2013"},
{"id":"albania","label":"Albania","span":"2013/2025"}],
"categories":[{"id":"c","label":"Category"}],
"sources":[{"id":"s","kind":"press","title":"T","publisher":"P"}],
"events":[
{"id":"a","date":"196X","title":"A","era":"shah","category":"c","sources":["s"]},
{"id":"b","date":"1979","title":"B","era":"revolution","category":"c","sources":["s"]},
{"id":"c","date":"1982","title":"C","era":"france","category":"c","sources":["s"]},
{"id":"d","date":"1990","title":"D","era":"iraq","category":"c","sources":["s"]},
{"id":"e","date":"2005","title":"E","era":"ashraf","category":"c","sources":["s"]},
{"id":"f","date":"2020","title":"F","era":"albania","category":"c","sources":["s"]}]}`

// TestBrowserEraLabels checks the labels on the era bands at several
// widths and zooms: each is the era's whole name or its number in the
// key under the chart, inside its band, and no two overlap.
func TestBrowserEraLabels(t *testing.T) {
	v := render.Build(loadJSON(t, "eras.json", eraJSON), timeline.Filter{}, render.Options{Version: "test"})
	tb := open(t, writePage(t, t.TempDir(), "eras.html", v, Options{}))
	key := eval[[]string](t, tb, `[...document.querySelectorAll('.era-key li')].map(li => li.textContent)`)
	for i, e := range v.Eras {
		if want := fmt.Sprintf("%d%s %s", i+1, e.Label, e.SpanLabel); i >= len(key) || key[i] != want {
			t.Errorf("era key %q, want %q at %d", key, want, i)
		}
	}
	type label struct {
		Era       int
		Text      string
		X, W      float64
		Lo, Hi    float64 // the room of the era's label
		Top, Plot float64 // the label's and the plot's top
	}
	const labelsJS = `(() => {
  const c = echarts.getInstanceByDom(document.getElementById('chart'));
  const eras = JSON.parse(document.getElementById('tl-data').textContent).eras;
  const grid = c.getModel().getComponent('grid').coordinateSystem.getRect();
  const px = x => c.convertToPixel({gridIndex: 0}, [x, 0])[0];
  return c.getZr().storage.getDisplayList(true).filter(e => e.parent && e.parent.name === 'era-label').map(e => {
    const r = e.getBoundingRect().clone();
    r.applyTransform(e.getComputedTransform());
    const text = e.parent.style.text;
    const k = eras.findIndex((x, i) => x.l === text || String(i + 1) === text);
    const next = Math.min(...eras.filter((x, i) => i !== k && x.s >= eras[k].s && (x.s > eras[k].s || i > k)).map(x => x.s), Infinity);
    return {era: k, text, x: r.x, w: r.width, top: r.y, plot: grid.y,
      lo: Math.max(px(eras[k].s), grid.x), hi: Math.min(px(eras[k].e), next < Infinity ? px(next) : Infinity, grid.x + grid.width)};
  }).sort((a, b) => a.x - b.x);
})()`
	check := func(what string) []label {
		t.Helper()
		ls := eval[[]label](t, tb, labelsJS)
		for i, l := range ls {
			if l.Era < 0 {
				t.Errorf("%s: band label %q is neither an era's name nor its number", what, l.Text)
				continue
			}
			if l.X < l.Lo-0.5 || l.X+l.W > l.Hi+0.5 {
				t.Errorf("%s: label %q spans %.0f..%.0f, outside its room %.0f..%.0f", what, l.Text, l.X, l.X+l.W, l.Lo, l.Hi)
			}
			if l.Top >= l.Plot {
				t.Errorf("%s: label %q is not above the plot", what, l.Text)
			}
			if i > 0 && ls[i-1].X+ls[i-1].W > l.X+0.5 {
				t.Errorf("%s: labels %q and %q overlap", what, ls[i-1].Text, l.Text)
			}
		}
		return ls
	}
	texts := func(ls []label) string {
		var s []string
		for _, l := range ls {
			s = append(s, l.Text)
		}
		return strings.Join(s, " | ")
	}
	for _, w := range []int64{1400, 800, 500} {
		resize(t, tb, w, 900)
		ls := check(fmt.Sprintf("%d px", w))
		t.Logf("%d px: %s", w, texts(ls))
		if w == 1400 && (len(ls) < 5 || !strings.Contains(texts(ls), "Against the Shah")) {
			t.Errorf("1400 px: labels %s, want most eras labelled, Against the Shah by name", texts(ls))
		}
		screenshot(t, tb, fmt.Sprintf("eras-%d", w))
	}
	// Zoomed in on 1978–1988, the short eras have room for their names.
	resize(t, tb, 1400, 900)
	eval[bool](t, tb, `(echarts.getInstanceByDom(document.getElementById('chart')).dispatchAction({type: 'dataZoom', startValue: 1978, endValue: 1988}), true)`)
	time.Sleep(100 * time.Millisecond)
	if got := texts(check("zoomed")); !strings.Contains(got, "Exile in France") {
		t.Errorf("zoomed on 1978–1988: labels %s, want Exile in France by name", got)
	}
	tb.checkQuiet(t)
}

// keyJSON has a date of every shape, exact and approximate or uncertain,
// and no eras.
const keyJSON = `{"title":"Key","categories":[{"id":"c","label":"Category"}],
"sources":[{"id":"s","kind":"press","title":"T","publisher":"P"}],
"events":[
{"id":"a","date":"1985","title":"A year","category":"c","sources":["s"]},
{"id":"b","date":"1986~","title":"About a year","category":"c","sources":["s"]},
{"id":"c","date":"1990~/1995","title":"About a span","category":"c","sources":["s"]},
{"id":"d","date":"2000/2005","title":"A span","category":"c","sources":["s"]},
{"id":"e","date":"2001-05-03?","title":"Perhaps a day","category":"c","sources":["s"]},
{"id":"f","date":"2002-05-03","title":"A day","category":"c","sources":["s"]}]}`

// TestBrowserDateKey checks that the key's date shapes say what the chart
// draws: approximate and uncertain dates get the paler mark and bar that
// the key shows, at the chart's opacities.
//
// Its dataset has no eras: the page works without them too.
func TestBrowserDateKey(t *testing.T) {
	v := render.Build(loadJSON(t, "key.json", keyJSON), timeline.Filter{}, render.Options{Version: "test"})
	tb := open(t, writePage(t, t.TempDir(), "key.html", v, Options{}))
	type key struct {
		Text                                  string
		Mark, PaleMark, Span, PaleSpan, Range float64
		ChartMark, ChartPaleMark              []float64
		ChartBars                             []float64
	}
	got := eval[key](t, tb, `(() => {
  const op = (sel, pseudo) => +getComputedStyle(document.querySelector(sel), pseudo).opacity;
  // The page draws the marks, a path per lane, mark and fuzziness.
  const zr = echarts.getInstanceByDom(document.getElementById('chart')).getZr();
  const paths = zr.storage.getDisplayList(true).filter(e => e.shape && e.shape.pts && 'ring' in e.shape);
  const marks = fuzzy => [...new Set(paths.filter(e => e.shape.fuzzy === fuzzy).map(e => e.style.opacity))];
  const bars = [...new Set(zr.storage.getDisplayList(true).filter(e => e.shape && e.shape.rects).map(e => Math.round(e.style.opacity * 100) / 100))].sort();
  const range = getComputedStyle(document.querySelector('.shape.range')).backgroundColor.match(/[\d.]+\)$/);
  return {
    text: document.querySelector('.shape.fuzzy').parentNode.textContent,
    mark: op('.shape.point', '::after'), paleMark: op('.shape.fuzzy', '::after'),
    span: op('.shape.span:not(.fuzzy)', '::before'), paleSpan: op('.shape.span.fuzzy', '::before'),
    range: range ? parseFloat(range[0]) : 1,
    chartMark: marks(0), chartPaleMark: marks(1), chartBars: bars,
  };
})()`)
	if !strings.Contains(got.Text, "paler mark") || !strings.Contains(got.Text, "paler bar") || !strings.Contains(got.Text, "approximate (c.) or uncertain (?)") {
		t.Errorf("key of approximate dates says %q", got.Text)
	}
	if len(got.ChartMark) != 1 || got.ChartMark[0] != got.Mark || len(got.ChartPaleMark) != 1 || got.ChartPaleMark[0] != got.PaleMark {
		t.Errorf("the chart draws marks at opacities %v and pale ones at %v; the key shows %v and %v", got.ChartMark, got.ChartPaleMark, got.Mark, got.PaleMark)
	}
	want := []float64{got.Range, got.PaleSpan, got.Span}
	if fmt.Sprint(got.ChartBars) != fmt.Sprint(want) {
		t.Errorf("the chart draws bars at opacities %v; the key shows a year's at %v, a span's at %v and a pale span's at %v", got.ChartBars, got.Range, got.Span, got.PaleSpan)
	}
	tb.checkQuiet(t)
}

// TestBrowserPrint checks the printout: the timeline chart above the
// table, drawn for the paper, but no counts chart, no key of the charts'
// shapes, a summary with room, "cited by" links apart; and, with
// pdftotext, the text of the PDF Chromium prints.
func TestBrowserPrint(t *testing.T) {
	v := render.Build(rendertest.Synthetic(60), timeline.Filter{}, render.Options{Version: "test"})
	tb := open(t, writePage(t, t.TempDir(), "print.html", v, Options{}))
	// Letter paper less the margins is about 740 CSS pixels wide.
	resize(t, tb, 740, 900)
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	type printed struct {
		Hidden            []string
		Row, Summary      float64
		Date              float64
		Back              string
		SummaryUnderTitle bool
	}
	got := eval[printed](t, tb, `(() => {
  const shown = sel => { const e = document.querySelector(sel); return !!e && e.getClientRects().length > 0; };
  const r = document.querySelector('#events tbody tr'), w = c => r.cells[c].getBoundingClientRect();
  return {
    hidden: ['#controls', '#chart', '#counts', '.shapes', 'p.hint', 'button.only'].filter(s => !shown(s)),
    row: r.getBoundingClientRect().width, summary: w(2).width, date: w(0).width,
    summaryUnderTitle: w(2).top >= w(1).bottom - 1,
    back: document.querySelector('.sources li .back').textContent,
  };
})()`)
	if want := "#controls #counts .shapes p.hint button.only"; strings.Join(got.Hidden, " ") != want {
		t.Errorf("print hides %q, want %s", got.Hidden, want)
	}
	if got.Summary < 0.6*got.Row || !got.SummaryUnderTitle {
		t.Errorf("printed summary is %.0f px of a %.0f px row (under the title: %t), want most of it", got.Summary, got.Row, got.SummaryUnderTitle)
	}
	if got.Date > 0.15*got.Row {
		t.Errorf("printed date column is %.0f px of %.0f", got.Date, got.Row)
	}
	if !strings.Contains(got.Back, "; ") {
		t.Errorf("printed back-links %q are not apart", got.Back)
	}

	labels := eval[chartState](t, tb, chartJS).Labels
	pdf, err := chromedp.Run(tb.ctx, chromedp.PrintToPDF())
	if err != nil {
		t.Fatal(err)
	}
	// The printed chart is cut above its zoom slider: the room under the
	// plot's axis labels, where the slider is drawn.
	cut := eval[[]float64](t, tb, `(() => {
  const box = document.getElementById('chart'), c = echarts.getInstanceByDom(box);
  const m = getComputedStyle(box).clipPath.match(/^inset\(0px 0px ([\d.]+)px\)$/);
  const slider = c.getModel().getComponent('dataZoom', 1), rect = c.getModel().getComponent('grid', 0).coordinateSystem.getRect();
  return [m ? +m[1] : -1, c.getHeight() - (rect.y + rect.height), slider.get('show') ? 1 : 0];
})()`)
	if cut[0] <= 0 || cut[0] >= cut[1] {
		t.Errorf("printed, the chart is cut %v px above its bottom, want more than 0 and less than the %v px under the plot", cut[0], cut[1])
	}
	file := filepath.Join(t.ArtifactDir(), "print.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Logf("no pdftotext: printed %s unchecked", file)
		return
	}
	out, err := exec.Command("pdftotext", "-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, bad := range []string{"A faint bar", "A paler mark", "Events per era", "Drag the slider"} {
		if strings.Contains(text, bad) {
			t.Errorf("the printout has %q", bad)
		}
	}
	for _, want := range []string{v.Events[0].Title, "cited by", "Sources"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printout lacks %q", want)
		}
	}
	// The timeline chart prints above the table: its heading and the era
	// key come before the table's, and a page before the table's first or
	// that one holds the chart's canvas, as an image about as wide as the
	// text, or as drawing and text (Chromium prints a canvas painted in
	// beforeprint, not yet rasterised, so): a label of the chart's is in
	// the text before the table.
	// (The key above, printed too, names the eras as well.)
	c := strings.Index(text, "Timeline")
	k := strings.Index(text[max(c, 0):], v.Eras[len(v.Eras)-1].Label) + max(c, 0)
	if e := strings.Index(text, "Summary"); c < 0 || k < c || e < k {
		t.Errorf("the printout's chart heading, era key and table are at %d, %d and %d, want them in that order", c, k, e)
	}
	list, err := exec.Command("pdfimages", "-list", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	tablePage, wide := strings.Count(text[:max(strings.Index(text, "Summary"), 0)], "\f")+1, false
	for _, l := range strings.Split(string(list), "\n")[2:] {
		if f := strings.Fields(l); len(f) > 4 && f[2] == "image" {
			var p, w, h int
			fmt.Sscan(f[0], &p)
			fmt.Sscan(f[3], &w)
			fmt.Sscan(f[4], &h)
			wide = wide || p <= tablePage && w >= 600 && h >= 200
		}
	}
	drawn := false
	for _, l := range labels {
		if w := strings.TrimSuffix(l.Text, "…"); len(w) >= 6 && strings.Contains(text[:max(strings.Index(text, "Summary"), 0)], w) {
			drawn = true
		}
	}
	if !wide && !drawn {
		t.Errorf("no page up to the table's first (%d) has the chart: no image of it, and none of its %d labels in the text:\n%s", tablePage, len(labels), list)
	}
	t.Logf("printed %d pages: %s", strings.Count(text, "\f"), file)
	tb.checkQuiet(t)
}
