package htmlout

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// reopen loads file (with a fragment) afresh in tb, as a reload or a
// link from elsewhere does, and waits until the page is ready.
func reopen(t testing.TB, tb *tab, file string) {
	t.Helper()
	do(t, tb, chromedp.Navigate("about:blank"))
	tb.load(t, file)
}

// pageState is what the controls show.
type pageState struct {
	Hash     string    `json:"hash"`
	Era      string    `json:"era"`
	Statuses []string  `json:"statuses"`
	Cats     []string  `json:"cats"`
	Q        string    `json:"q"`
	Zoom     []float64 `json:"zoom"`
	Hit      string    `json:"hit"`
	Key      bool      `json:"key"`
}

const pageStateJS = `(() => {
  const dz = echarts.getInstanceByDom(document.getElementById('chart')).getOption().dataZoom[0];
  const hit = document.querySelector('#events tr.hit');
  const key = document.getElementById('key');
  return {
    hash: location.hash,
    era: document.querySelector('button[data-era][aria-pressed=true]').dataset.era,
    statuses: [...document.querySelectorAll('button[data-status][aria-pressed=true]')].map(b => b.dataset.status),
    cats: [...document.querySelectorAll('button[data-lane][aria-pressed=true]')].map(b => b.dataset.lane),
    q: document.getElementById('q').value,
    zoom: [dz.start, dz.end],
    hit: hit ? hit.id : '',
    key: !!(key && key.open),
  };
})()`

func getState(t *testing.T, tb *tab) pageState {
	t.Helper()
	return eval[pageState](t, tb, pageStateJS)
}

// noZoom returns the fragment h without its zoom window (from, to).
func noZoom(h string) string {
	var keep []string
	for _, p := range strings.Split(h, "&") {
		if !strings.HasPrefix(p, "from=") && !strings.HasPrefix(p, "to=") {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, "&")
}

// waitHash waits until the fragment satisfies ok, and returns it.
func waitHash(t *testing.T, tb *tab, what string, ok func(string) bool) string {
	t.Helper()
	var h string
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		h = eval[string](t, tb, `location.hash`)
		if ok(h) {
			return h
		}
	}
	t.Fatalf("%s: the fragment stayed %q", what, h)
	return h
}

// history goes back (step -1) or forward (+1) in the tab's history, as
// the browser's buttons do, without waiting for a load: moving between
// entries of one document loads nothing.
func history(t *testing.T, tb *tab, step int) {
	t.Helper()
	h, err := chromedp.Call(tb.ctx, cdppage.GetNavigationHistory, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	i := int(h.CurrentIndex) + step
	if i < 0 || i >= len(h.Entries) {
		t.Fatalf("no history entry %d of %d", i, len(h.Entries))
	}
	if _, err := chromedp.Call(tb.ctx, cdppage.NavigateToHistoryEntry, cdppage.NavigateToHistoryEntryParams{EntryID: h.Entries[i].ID}); err != nil {
		t.Fatal(err)
	}
}

// wheelEvent is Input.dispatchMouseEvent's parameters for a wheel: cdproto's
// leave out a zero deltaX, which Chromium requires.
type wheelEvent struct {
	Type      string  `json:"type"`
	X         float64 `json:"x"`
	Y         float64 `json:"y"`
	DeltaX    float64 `json:"deltaX"`
	DeltaY    float64 `json:"deltaY"`
	Modifiers int64   `json:"modifiers"`
}

var dispatchWheel = cdp.Command[wheelEvent, cdp.Empty]{Method: input.CommandDispatchMouseEvent}

// wheel turns the mouse wheel over the middle of the chart with Ctrl
// held, which zooms it.
func wheel(t *testing.T, tb *tab, deltaY float64) {
	t.Helper()
	p := eval[[]float64](t, tb, `(() => { const el = document.getElementById('chart'); el.scrollIntoView({block: 'center'}); const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	do(t, tb, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, p[0], p[1]))
	if _, err := chromedp.Call(tb.ctx, dispatchWheel, wheelEvent{Type: "mouseWheel", X: p[0], Y: p[1], DeltaY: deltaY, Modifiers: int64(chromedp.ModifierCtrl)}); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserState checks the state in the URL's fragment: real clicks,
// typing and zooming write it, a reload restores it, Back and Forward
// step through it, and old #ev- and #src- links work as anchors.
func TestBrowserState(t *testing.T) {
	d := rendertest.Synthetic(60)
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	file := writePage(t, t.TempDir(), "state.html", v, Options{})
	tb := open(t, file)
	era := v.Eras[2]
	cat := v.Categories[1]
	claimed := timeline.StatusClaimed
	var mark int
	for _, s := range v.Statuses {
		if s.Status == claimed {
			mark = int(s.Mark)
		}
	}

	// Each choice, by real clicks and keys, and what it adds.
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="3"]`)))
	// An era's button zooms to the era: the window is in the address.
	eraH := waitHash(t, tb, "era", func(h string) bool { return noZoom(h) == "#era="+era.ID && strings.Contains(h, "&from=") })
	do(t, tb, chromedp.Click(chromedp.CSS(fmt.Sprintf(`button[data-mark="%d"]`, mark))))
	waitHash(t, tb, "status", func(h string) bool { return noZoom(h) == "#era="+era.ID+"&status=claimed" })
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-lane="1"]`)))
	filter := timeline.Filter{Eras: []string{era.ID}, Statuses: []timeline.Status{claimed}, Categories: []string{cat.ID}}
	waitHash(t, tb, "category", func(h string) bool { return noZoom(h) == "#era="+era.ID+"&status=claimed&cat="+cat.ID })
	checkShown(t, tb, v, "era, status, category", keeps(d, filter))
	// A search keeps a few of the era's events whatever the status.
	do(t, tb, chromedp.Click(chromedp.CSS(fmt.Sprintf(`button[data-mark="%d"]`, mark))),
		chromedp.Click(chromedp.CSS(`button[data-lane="1"]`)))
	waitHash(t, tb, "released", func(h string) bool { return h == eraH })
	do(t, tb, chromedp.SendKeys(chromedp.ID("q"), "Number 1"))
	afterQ := waitHash(t, tb, "search", func(h string) bool { return strings.HasSuffix(noZoom(h), "&q=Number%201") })
	filter = timeline.Filter{Eras: []string{era.ID}, Text: "Number 1"}
	checkShown(t, tb, v, "era and search", keeps(d, filter))
	var picked *render.EventView
	for _, e := range v.Events {
		if keeps(d, filter)(e) {
			picked = e
			break
		}
	}
	if picked == nil {
		t.Fatal("the era and search keep no event")
	}
	x, y := markPoint(t, tb, picked.Anchor)
	do(t, tb, chromedp.MouseClickXY(x, y))
	afterEv := waitHash(t, tb, "event", func(h string) bool { return h == afterQ+"&ev="+url.PathEscape(picked.ID) })
	wheel(t, tb, -300)
	wheel(t, tb, -300)
	afterZoom := waitHash(t, tb, "zoom", func(h string) bool { return h != afterEv && noZoom(h) == noZoom(afterEv) })
	want := getState(t, tb)
	if want.Zoom[0] <= 0 && want.Zoom[1] >= 100 {
		t.Fatalf("Ctrl+wheel did not zoom: %v", want.Zoom)
	}
	if want.Hit != picked.Anchor || want.Q != "Number 1" || want.Era != "3" {
		t.Fatalf("state before reload: %+v", want)
	}

	// A reload, or the link opened elsewhere, shows the same.
	reopen(t, tb, file+afterZoom)
	got := getState(t, tb)
	if got.Hash != afterZoom || got.Era != want.Era || got.Q != want.Q || got.Hit != want.Hit ||
		math.Abs(got.Zoom[0]-want.Zoom[0]) > 0.2 || math.Abs(got.Zoom[1]-want.Zoom[1]) > 0.2 {
		t.Errorf("after reload %+v, want %+v", got, want)
	}
	checkShown(t, tb, v, "reloaded", keeps(d, filter))
	screenshot(t, tb, "state-reloaded")

	// Back and Forward, in the tab of the first load: each discrete choice
	// and each search or zoom is one step.
	reopen(t, tb, file)
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="3"]`)))
	waitHash(t, tb, "era again", func(h string) bool { return h == eraH })
	do(t, tb, chromedp.SendKeys(chromedp.ID("q"), "Number 1"))
	waitHash(t, tb, "search again", func(h string) bool { return h == afterQ })
	x, y = markPoint(t, tb, picked.Anchor)
	do(t, tb, chromedp.MouseClickXY(x, y))
	waitHash(t, tb, "event again", func(h string) bool { return h == afterEv })
	wheel(t, tb, -300)
	wheel(t, tb, -300)
	waitHash(t, tb, "zoom again", func(h string) bool {
		return h != afterEv && noZoom(h) == noZoom(afterEv)
	})
	steps := []struct {
		step int
		hash string
		keep func(*render.EventView) bool
	}{
		{-1, afterEv, keeps(d, filter)},
		{-1, afterQ, keeps(d, filter)},
		{-1, eraH, keeps(d, timeline.Filter{Eras: []string{era.ID}})},
		{-1, "", func(*render.EventView) bool { return true }},
		{+1, eraH, keeps(d, timeline.Filter{Eras: []string{era.ID}})},
		{+1, afterQ, keeps(d, filter)},
	}
	for _, s := range steps {
		history(t, tb, s.step)
		waitHash(t, tb, fmt.Sprintf("step %d to %q", s.step, s.hash), func(h string) bool { return h == s.hash })
		checkShown(t, tb, v, "history "+s.hash, s.keep)
		st := getState(t, tb)
		q := ""
		if strings.Contains(s.hash, "q=") {
			q = "Number 1"
		}
		zoomed := st.Zoom[0] > 0 || st.Zoom[1] < 100
		hit := ""
		if s.hash == afterEv {
			hit = picked.Anchor
		}
		if st.Q != q || zoomed != (s.hash != "") || st.Hit != hit {
			t.Errorf("history %q: search %q, zoom %v, selected %q; want %q, zoomed %t, %q", s.hash, st.Q, st.Zoom, st.Hit, q, s.hash != "", hit)
		}
	}

	// Old links: #ev-… and #src-… are anchors, and filter nothing.
	e := v.Events[40]
	for _, id := range []string{e.Anchor, fmt.Sprintf("src-%d", e.Notes[0])} {
		reopen(t, tb, file+"#"+id)
		c := eval[cover](t, tb, fmt.Sprintf(`%s(%q)`, coverJS, id))
		if c.Hash != "#"+id || !c.InView {
			t.Errorf("page opened at #%s: %+v", id, c)
		}
		checkShown(t, tb, v, "#"+id, func(*render.EventView) bool { return true })
	}
	// The event of an old link is the selected one once the state is
	// written.
	reopen(t, tb, file+"#"+e.Anchor)
	do(t, tb, chromedp.Click(chromedp.CSS(fmt.Sprintf(`button[data-era="%d"]`, indexOf(v.Eras, e.Era)+1))))
	waitHash(t, tb, "era after an anchor", func(h string) bool { return noZoom(h) == "#era="+e.Era.ID+"&ev="+url.PathEscape(e.ID) })
	tb.checkQuiet(t)
}

// TestBrowserStateHostile opens the page at fragments that try to run
// script, inject markup, pollute prototypes or overflow, and checks that
// nothing of them runs or appears: what is not a known value is ignored.
func TestBrowserStateHostile(t *testing.T) {
	d := rendertest.Synthetic(30)
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	file := writePage(t, t.TempDir(), "hostile-state.html", v, Options{})
	tb := open(t, file)
	esc := url.QueryEscape
	huge := strings.Repeat("9", 400)
	script := "<script>alert(1)</script>"
	img := `"><img src=x onerror=alert(2)>`
	cases := []struct {
		frag string
		q    string // the search box's text the page should show
		era  string
	}{
		{"era=" + esc(script) + "&status=" + esc(img) + "&cat=" + esc(script), "", "0"},
		{"q=" + esc(script), script, "0"},
		{"q=" + esc(img) + "&era=era1", img, "2"},
		{"era=__proto__&cat=__proto__,constructor,toString&status=__proto__,hasOwnProperty&ev=__proto__&__proto__=1&constructor=x", "", "0"},
		{"__proto__[x]=1&constructor[prototype][x]=1&q[]=1", "", "0"},
		{"from=" + huge + "&to=-" + huge + "&src=" + huge + "&ev=" + huge, "", "0"},
		{"from=1e308&to=Infinity&src=-1&key=<b>", "", "0"},
		{"from=NaN&to=2000&era=era1&era=" + esc(script), "", "2"},
		{"q=" + strings.Repeat("A", 1200), strings.Repeat("A", 1000), "0"},
		{"q=" + strings.Repeat("%41", 20000), "", "0"},
		{"era=%E0%A4%A&q=%&ev=%ZZ", "", "0"},
		{"=&&&==&q", "", "0"},
		{"ev=../../etc/passwd&src=javascript:alert(3)", "", "0"},
		{"javascript:alert(4)", "", "0"},
		{strings.Repeat("era=era1&", 2000), "", "0"},
	}
	for _, c := range cases {
		name := c.frag
		if len(name) > 60 {
			name = name[:60] + "…"
		}
		reopen(t, tb, file+"#"+c.frag)
		got := eval[map[string]any](t, tb, `({
  q: document.getElementById('q').value,
  era: document.querySelector('button[data-era][aria-pressed=true]').dataset.era,
  pressed: document.querySelectorAll('button[data-status][aria-pressed=true], button[data-lane][aria-pressed=true]').length,
  imgs: document.querySelectorAll('img').length,
  scripts: document.querySelectorAll('script').length,
  handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
  proto: (() => { for (const k in {}) return false; return Object.getPrototypeOf({}) === Object.prototype && ({}).x === undefined && typeof ({}).constructor === 'function'; })(),
  shown: document.getElementById('shown').textContent,
})`)
		if got["q"] != c.q || got["era"] != c.era || got["pressed"] != 0.0 || got["imgs"] != 0.0 || got["scripts"] != 3.0 ||
			got["handlers"] != 0.0 || got["proto"] != true {
			t.Errorf("#%s: %v; want search %q, era %s, nothing else", name, got, trunc([]string{c.q})[0], c.era)
		}
		if strings.Contains(got["shown"].(string), "<") && c.q == "" {
			t.Errorf("#%s: status line %q", name, got["shown"])
		}
	}
	tb.checkQuiet(t)
}

// TestBrowserButtonCounts checks that every button's count is what its
// choice would show with the other filters as they are, as the command
// line's filters count them.
func TestBrowserButtonCounts(t *testing.T) {
	d := rendertest.Synthetic(60)
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	tb := open(t, writePage(t, t.TempDir(), "counts.html", v, Options{}))
	type counts struct {
		Era, Status, Cat []int
		Zero             []string
	}
	const countsJS = `(() => {
  const n = s => [...document.querySelectorAll(s)].map(b => +b.querySelector('.c').textContent);
  return {era: n('button[data-era]'), status: n('button[data-status]'), cat: n('button[data-lane]'),
    zero: [...document.querySelectorAll('#controls button.zero')].map(b => b.textContent)};
})()`
	count := func(f timeline.Filter) int { return len(f.Apply(d).Events) }
	statuses := []timeline.Status{}
	for _, s := range v.Statuses {
		if s.Count > 0 {
			statuses = append(statuses, s.Status)
		}
	}
	check := func(what string, f timeline.Filter) {
		t.Helper()
		var want counts
		g := f
		g.Eras = nil
		want.Era = append(want.Era, count(g))
		for _, e := range v.Eras {
			g.Eras = []string{e.ID}
			want.Era = append(want.Era, count(g))
		}
		g = f
		for _, s := range statuses {
			g.Statuses = []timeline.Status{s}
			want.Status = append(want.Status, count(g))
		}
		g = f
		for _, c := range v.Categories {
			g.Categories = []string{c.ID}
			want.Cat = append(want.Cat, count(g))
		}
		got := eval[counts](t, tb, countsJS)
		if !slices.Equal(got.Era, want.Era) || !slices.Equal(got.Status, want.Status) || !slices.Equal(got.Cat, want.Cat) {
			t.Errorf("%s: counts era %v status %v category %v; want %v %v %v", what, got.Era, got.Status, got.Cat, want.Era, want.Status, want.Cat)
		}
		zeros := 0
		for _, l := range [][]int{want.Era, want.Status, want.Cat} {
			for _, n := range l {
				if n == 0 {
					zeros++
				}
			}
		}
		if len(got.Zero) != zeros {
			t.Errorf("%s: buttons marked zero %q, want %d", what, got.Zero, zeros)
		}
	}
	check("no filter", timeline.Filter{})
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="2"]`)))
	check("era", timeline.Filter{Eras: []string{v.Eras[1].ID}})
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-status="claimed"]`)))
	check("era and status", timeline.Filter{Eras: []string{v.Eras[1].ID}, Statuses: []timeline.Status{timeline.StatusClaimed}})
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-lane="2"]`)))
	f := timeline.Filter{Eras: []string{v.Eras[1].ID}, Statuses: []timeline.Status{timeline.StatusClaimed}, Categories: []string{v.Categories[2].ID}}
	check("era, status and category", f)
	do(t, tb, chromedp.SendKeys(chromedp.ID("q"), "number 2"))
	waitHash(t, tb, "search", func(h string) bool { return strings.HasSuffix(noZoom(h), "&q=number%202") })
	f.Text = "number 2"
	check("era, status, category and search", f)
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="0"]`)))
	f.Eras = nil
	check("status, category and search", f)
	screenshot(t, tb, "button-counts")
	tb.checkQuiet(t)
}

// TestBrowserStateBig checks the state in the address of a big page,
// which draws only the rows near the reader: a link with a state opens
// at the selected event's row, drawn and marked, with the filters and
// counts as they were; Back returns to it.
func TestBrowserStateBig(t *testing.T) {
	d := rendertest.Synthetic(bigRows + 50)
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	if !isBig(v) {
		t.Fatal("the page is not big")
	}
	file := writePage(t, t.TempDir(), "big-state.html", v, Options{})
	tb := newTab(t)
	era, cat := v.Eras[3], v.Categories[2]
	filter := timeline.Filter{Eras: []string{era.ID}, Categories: []string{cat.ID}}
	var kept []*render.EventView
	for _, e := range v.Events {
		if keeps(d, filter)(e) {
			kept = append(kept, e)
		}
	}
	if len(kept) < 3 {
		t.Fatalf("the filter keeps %d events", len(kept))
	}
	e := kept[len(kept)-1]
	frag := "#era=" + era.ID + "&cat=" + cat.ID + "&ev=" + url.PathEscape(e.ID)
	tb.load(t, file+frag)
	checkShown(t, tb, v, frag, keeps(d, filter))
	got := eval[map[string]any](t, tb, fmt.Sprintf(`(() => { const r = document.getElementById(%q); if (!r) return {drawn: false};
  const b = r.getBoundingClientRect(); return {drawn: true, hit: r.classList.contains('hit'), inView: b.top >= 0 && b.bottom <= innerHeight,
  count: +document.querySelector('button[data-era="%d"] .c').textContent}; })()`, e.Anchor, indexOf(v.Eras, era)+1))
	if got["drawn"] != true || got["hit"] != true || got["inView"] != true || got["count"] != float64(len(kept)) {
		t.Errorf("opened at %s: the selected row %v; want drawn, marked, in view, and the era's button counting %d", frag, got, len(kept))
	}
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="0"]`)))
	waitHash(t, tb, "All", func(h string) bool { return h == "#cat="+cat.ID+"&ev="+url.PathEscape(e.ID) })
	checkShown(t, tb, v, "All", keeps(d, timeline.Filter{Categories: []string{cat.ID}}))
	history(t, tb, -1)
	waitHash(t, tb, "back", func(h string) bool { return noZoom(h) == frag })
	checkShown(t, tb, v, "back", keeps(d, filter))
	tb.checkQuiet(t)
}
