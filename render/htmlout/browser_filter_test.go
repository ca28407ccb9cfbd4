package htmlout

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// grepJSON is a dataset whose words sit in every place a search could
// look: titles, summaries, attributions, tags and source titles, which
// --grep searches, and era and category labels, statuses, dates,
// publishers and authors, which it does not. Some titles need Go's
// lower-casing rather than JavaScript's (İ, a final Σ), some accents or
// typographic quotes; one source's title is not as given in its citation.
const grepJSON = `{"title":"Search","eras":[{"id":"camp","label":"Camp years","span":"1990/1999"}],
"categories":[{"id":"c","label":"Camping"}],
"sources":[{"id":"s","kind":"press","title":"Camp book","publisher":"P"},
{"id":"t","kind":"press","author":"Ann Author","title":"The “Odd”, title","publisher":"Pressed"}],
"events":[
{"id":"a","date":"1991","title":"Camp founded","era":"camp","category":"c","sources":["s"]},
{"id":"b","date":"1992","title":"Move","summary":"They left the CAMP.","era":"camp","category":"c","sources":["s"]},
{"id":"c","date":"1993","title":"Talks","summary":"Nothing here.","era":"camp","category":"c","status":"claimed","attribution":"the camp","sources":["s"]},
{"id":"d","date":"1994-05","title":"İSTANBUL meeting","summary":"In spring.","category":"c","sources":["s"]},
{"id":"e","date":"1995","title":"ΟΔΟΣ closed","category":"c","sources":["s"]},
{"id":"f","date":"1996","title":"Straße","category":"c","sources":["s"]},
{"id":"g","date":"196X","title":"Decade","summary":"In the 1960s.","category":"c","sources":["s"]},
{"id":"h","date":"1997","title":"Alpha","summary":"Beta","category":"c","sources":["s"]},
{"id":"i","date":"1998","title":"Saddam Hussein’s “guests”","summary":"Téhéran’s view.","category":"c","tags":["iraq","hosts"],"sources":["t"]},
{"id":"j","date":"1999","title":"مجاهدين خلق","summary":"می‌خواهم","category":"c","status":"denied","attribution":"Ministère","tags":["hosts"],"sources":["s","t"]}
]}`

func loadJSON(t testing.TB, name, js string) *timeline.Dataset {
	t.Helper()
	d, ps, err := timeline.Load(name, []byte(js))
	if err != nil || len(ps) > 0 {
		t.Fatalf("%s: %v %v", name, err, ps)
	}
	return d
}

// TestBrowserSearchIsGrep checks that the search box keeps exactly the
// events that --grep keeps: the text in the title or the summary,
// ignoring case as Go's strings.ToLower does.
func TestBrowserSearchIsGrep(t *testing.T) {
	d := loadJSON(t, "grep.json", grepJSON)
	// What --grep keeps of some, so that agreeing is not agreeing on
	// nothing.
	for q, want := range map[string]string{
		"hussein's": "i", `"guests"`: "i", "teheran's": "i", "odd": "i j", "ann": "", "pressed": "",
		"hosts camp": "j", "ministere": "j", "مجاهدین": "j", "میخواهم": "j", "the camp": "b c g j", "denied": "",
	} {
		var got []string
		for _, e := range (timeline.Filter{Text: q}).Apply(d).Events {
			got = append(got, e.ID)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("--grep %q keeps %q, want %q", q, got, want)
		}
	}
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	tb := open(t, writePage(t, t.TempDir(), "grep.html", v, Options{}))
	for _, q := range []string{
		"camp", "CAMP", "Camp ", "camp years", "camping", "claimed", "1994", "1960s", "p b",
		"istanbul", "İstanbul", "οδοσ", "ΟΔΟΣ", "οδος", "strasse", "STRASSE", "straße",
		"alpha beta", "alphabeta", "a", " ", "",
		"camp book", "book", "the camp", "odd", `"odd",`, "ann", "pressed", "iraq", "hosts", "HOSTS camp", "denied",
		"hussein's", "HUSSEIN’S", `"guests"`, "teheran's", "tehe", "ministere", "MINISTÈRE", "مجاهدین", "میخواهم",
		"hussein's camp", "alpha  beta",
	} {
		search(t, tb, q)
		checkShown(t, tb, v, fmt.Sprintf("search %q", q), keeps(d, timeline.Filter{Text: q}))
	}
	tb.checkQuiet(t)
}

// TestBrowserStatus checks the status buttons: one per status that has
// events, with its mark and count; pressed ones keep their events, with
// the era and the search, in the chart, the counts and the table.
func TestBrowserStatus(t *testing.T) {
	d := rendertest.Synthetic(60)
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	tb := open(t, writePage(t, t.TempDir(), "status.html", v, Options{}))

	type button struct {
		Mark    string `json:"mark"`
		Text    string `json:"text"`
		Pressed string `json:"pressed"`
	}
	buttons := func() []button {
		return eval[[]button](t, tb, `[...document.querySelectorAll('#controls button[data-mark]')].map(b => ({mark: b.dataset.mark, text: b.textContent, pressed: b.getAttribute('aria-pressed')}))`)
	}
	var want []button
	for _, s := range v.Statuses {
		if s.Count > 0 {
			want = append(want, button{fmt.Sprint(int(s.Mark)), fmt.Sprintf("%s%s %d", s.Mark.Glyph(), s.Label, s.Count), "false"})
		}
	}
	if got := buttons(); !slices.Equal(got, want) {
		t.Errorf("status buttons %+v, want %+v", got, want)
	}

	claimed, denied := timeline.StatusClaimed, timeline.StatusDenied
	mark := func(s timeline.Status) string {
		for _, sv := range v.Statuses {
			if sv.Status == s {
				return fmt.Sprint(int(sv.Mark))
			}
		}
		t.Fatalf("no status %s", s)
		return ""
	}
	click := func(s timeline.Status) {
		do(t, tb, chromedp.Click(chromedp.CSS(`#controls button[data-mark="`+mark(s)+`"]`)))
	}
	click(claimed)
	checkShown(t, tb, v, "claimed", keeps(d, timeline.Filter{Statuses: []timeline.Status{claimed}}))
	click(denied)
	checkShown(t, tb, v, "claimed or denied", keeps(d, timeline.Filter{Statuses: []timeline.Status{claimed, denied}}))
	if got := eval[string](t, tb, `document.getElementById('shown').textContent`); !strings.Contains(got, "status Claimed or Denied") {
		t.Errorf("status line %q does not name the statuses", got)
	}
	pressed := eval[[]string](t, tb, `[...document.querySelectorAll('#controls button[data-mark][aria-pressed=true]')].map(b => b.dataset.mark)`)
	if !slices.Equal(pressed, []string{mark(claimed), mark(denied)}) {
		t.Errorf("pressed buttons %q", pressed)
	}

	// With an era and the search too, as --era, --status and --grep.
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="3"]`)))
	search(t, tb, "number 1")
	checkShown(t, tb, v, "era, statuses and search", keeps(d, timeline.Filter{
		Eras: []string{v.Eras[2].ID}, Statuses: []timeline.Status{claimed, denied}, Text: "number 1"}))
	search(t, tb, "")
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="0"]`)))

	// The keyboard: Space on a focused button lets its status go again.
	do(t, tb, chromedp.Focus(chromedp.CSS(`#controls button[data-mark="`+mark(claimed)+`"]`)), chromedp.KeyEvent(" "))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.querySelector('#controls button[data-mark="`+mark(claimed)+`"]').getAttribute('aria-pressed') === 'false'`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("Space did not release the Claimed button: %v", err)
	}
	checkShown(t, tb, v, "denied", keeps(d, timeline.Filter{Statuses: []timeline.Status{denied}}))

	// Clear filters lets every status go.
	do(t, tb, chromedp.Click(chromedp.CSS(`#controls button.clear`)))
	checkShown(t, tb, v, "cleared", func(*render.EventView) bool { return true })
	for _, b := range buttons() {
		if b.Pressed != "false" {
			t.Errorf("status button %s still pressed after Clear filters", b.Mark)
		}
	}

	// A dataset without some statuses has no buttons for them.
	d2 := loadJSON(t, "grep.json", grepJSON)
	v2 := render.Build(d2, timeline.Filter{}, render.Options{})
	tb.load(t, writePage(t, t.TempDir(), "two.html", v2, Options{}))
	if got := eval[[]string](t, tb, `[...document.querySelectorAll('#controls button[data-mark]')].map(b => b.textContent)`); !slices.Equal(got, []string{"●Established 8", "◆Claimed 1", "✕Denied 1"}) {
		t.Errorf("status buttons %q, want Established, Claimed and Denied only", got)
	}
	tb.checkQuiet(t)
}

// TestBrowserCounts checks the counts chart: one bar per era, in era
// order, and No era last; each event counted once, in its era, whatever
// its date; a click on a bar selects its era.
func TestBrowserCounts(t *testing.T) {
	d := loadSmall(t)
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	tb := open(t, writePage(t, t.TempDir(), "counts.html", v, Options{}))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`!!echarts.getInstanceByDom(document.getElementById('counts'))`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("no counts chart: %v", err)
	}
	type bars struct {
		Labels []string `json:"labels"`
		Totals []int    `json:"totals"`
	}
	const barsJS = `(() => {
  const o = echarts.getInstanceByDom(document.getElementById('counts')).getOption();
  const labels = o.yAxis[0].data;
  return {labels, totals: labels.map((_, k) => o.series.reduce((a, s) => a + s.data[k], 0))};
})()`
	wantBars := func(keep func(*render.EventView) bool) bars {
		b := bars{Totals: make([]int, len(v.Eras)+1)}
		for _, e := range v.Eras {
			b.Labels = append(b.Labels, e.Label)
		}
		b.Labels = append(b.Labels, "No era")
		for _, e := range v.Events {
			if !keep(e) {
				continue
			}
			k := len(v.Eras)
			if e.Era != nil {
				k = slices.Index(v.Eras, e.Era)
			}
			b.Totals[k]++
		}
		return b
	}
	check := func(what string, keep func(*render.EventView) bool) {
		t.Helper()
		got, want := eval[bars](t, tb, barsJS), wantBars(keep)
		if !slices.Equal(got.Labels, want.Labels) || !slices.Equal(got.Totals, want.Totals) {
			t.Errorf("%s: counts chart %+v, want %+v", what, got, want)
		}
	}
	all := func(*render.EventView) bool { return true }
	check("all", all)
	if got := eval[string](t, tb, `document.getElementById('counts-h').textContent`); got != "Events per era, stacked by category" {
		t.Errorf("counts heading %q", got)
	}

	// Click the middle of the second era's bar.
	eval[bool](t, tb, `(document.getElementById('counts').scrollIntoView({block: 'center'}), true)`)
	p := eval[[]float64](t, tb, `(() => {
  const el = document.getElementById('counts'), c = echarts.getInstanceByDom(el), r = el.getBoundingClientRect();
  const p = c.convertToPixel({xAxisIndex: 0, yAxisIndex: 0}, [1, 1]);
  return [r.left + p[0], r.top + p[1]];
})()`)
	do(t, tb, chromedp.MouseClickXY(p[0], p[1]))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.querySelector('button[data-era="2"]').getAttribute('aria-pressed') === 'true'`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("clicking the bar of %s did not select it: %v", v.Eras[1].Label, err)
	}
	late := func(e *render.EventView) bool { return e.Era == v.Eras[1] }
	checkShown(t, tb, v, "bar clicked", late)
	check("bar clicked", late)

	// The No era bar selects nothing.
	p = eval[[]float64](t, tb, `(() => {
  const el = document.getElementById('counts'), c = echarts.getInstanceByDom(el), r = el.getBoundingClientRect();
  const p = c.convertToPixel({xAxisIndex: 0, yAxisIndex: 0}, [0.2, 2]);
  return [r.left + p[0], r.top + p[1]];
})()`)
	do(t, tb, chromedp.MouseClickXY(p[0], p[1]))
	time.Sleep(200 * time.Millisecond)
	if got := eval[string](t, tb, `document.querySelector('#controls button[aria-pressed=true][data-era]').dataset.era`); got != "2" {
		t.Errorf("clicking No era pressed era button %s", got)
	}
	screenshot(t, tb, "counts")
	tb.checkQuiet(t)
}
