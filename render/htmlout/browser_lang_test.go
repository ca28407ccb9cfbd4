package htmlout

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/data"
	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// TestBrowserSearchTyped types searches into the box of the embedded
// dataset's page, key by key, and checks that the page keeps what --grep
// keeps: words found apart ("mek terrorist"), and a straight apostrophe
// that finds the report's typographic one ("hussein's", "Hussein’s").
func TestBrowserSearchTyped(t *testing.T) {
	d, err := data.MEK()
	if err != nil {
		t.Fatal(err)
	}
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	tb := open(t, writePage(t, t.TempDir(), "mek.html", v, Options{}))
	for _, tc := range []struct{ q string }{{"mek terrorist"}, {"hussein's"}, {"HUSSEIN’S"}} {
		match := keeps(d, timeline.Filter{Text: tc.q})
		n := 0
		for _, e := range v.Events {
			if match(e) {
				n++
			}
		}
		if n == 0 {
			t.Fatalf("--grep %q keeps no event of the embedded dataset", tc.q)
		}
		if tc.q == "hussein's" {
			found := false
			for _, e := range v.Events {
				if match(e) && strings.Contains(e.Title+e.Summary, "Hussein’s") {
					found = true
				}
			}
			if !found {
				t.Errorf("--grep %q finds no event with “Hussein’s”", tc.q)
			}
		}
		do(t, tb, chromedp.Click(chromedp.ID("q")), chromedp.SendKeys(chromedp.ID("q"), tc.q))
		want := fmt.Sprintf("Showing %s of %s events: search “%s”", render.Count(n), render.Count(len(v.Events)), tc.q)
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`document.getElementById('shown').textContent === %q`, want),
			chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Fatalf("typing %q: the status line is %q, want %q", tc.q, eval[string](t, tb, `document.getElementById('shown').textContent`), want)
		}
		checkShown(t, tb, v, fmt.Sprintf("typed %q", tc.q), match)
		do(t, tb, chromedp.SendKeys(chromedp.ID("q"), strings.Repeat("\b", len([]rune(tc.q)))))
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`!document.getElementById('shown').textContent.includes('search')`,
			chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Fatalf("after deleting %q the search stays: %v", tc.q, err)
		}
	}
	tb.checkQuiet(t)
}

// faJSON is a dataset in Persian: its text is in every place the page
// shows a dataset's text.
const faJSON = `{"title":"گاهشمار مجاهدین خلق","subtitle":"رویدادها","language":"fa",
"eras":[{"id":"e","label":"دوران عراق","span":"1986/2003","description":"سازمان در عراق مستقر بود."}],
"categories":[{"id":"c","label":"سیاست","description":"تصمیم‌های دولت آمریکا."}],
"sources":[{"id":"s","kind":"press","author":"نویسنده","title":"کتاب اردوگاه","publisher":"ناشر"}],
"events":[
{"id":"a","date":"1986","title":"انتقال به عراق","summary":"سازمان به عراق رفت.","era":"e","category":"c","sources":["s"]},
{"id":"b","date":"1997-10-08","title":"فهرست تروریستی","summary":"وزارت خارجه آمریکا.","era":"e","category":"c","status":"denied","attribution":"سازمان","tags":["فهرست"],"sources":["s"]}
]}`

// TestBrowserLanguage checks a Persian dataset's page: <html lang="fa"
// dir="rtl">, the page laid out right to left, and every piece of the
// dataset's text in an element that sets its own direction from it (a
// <bdi>, dir="auto" or, for cells of one label, unicode-bidi: plaintext),
// never inheriting the page's.
func TestBrowserLanguage(t *testing.T) {
	d := loadJSON(t, "fa.json", faJSON)
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	tb := open(t, writePage(t, t.TempDir(), "fa.html", v, Options{}))
	type state struct {
		Lang, Dir, Direction string
		Texts                int
		Bad                  []string
		Overflow             int // px the page is wider than the window
	}
	got := eval[state](t, tb, `(() => {
  const h = document.documentElement, bad = [];
  let texts = 0;
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    if (!/[\u0600-\u06ff]/.test(n.data) || n.parentElement.closest('script')) continue;
    texts++;
    let e = n.parentElement;
    while (e && e.localName !== 'bdi' && !e.hasAttribute('dir') && getComputedStyle(e).unicodeBidi !== 'plaintext') e = e.parentElement;
    if (!e || !(e.localName === 'bdi' || e.getAttribute('dir') === 'auto' || getComputedStyle(e).unicodeBidi === 'plaintext')) bad.push(n.parentElement.localName + ': ' + n.data.trim().slice(0, 40));
  }
  return {Lang: h.lang, Dir: h.dir, Direction: getComputedStyle(document.body).direction, Texts: texts, Bad: bad,
    Overflow: document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth};
})()`)
	if got.Lang != "fa" || got.Dir != "rtl" || got.Direction != "rtl" {
		t.Errorf("<html lang=%q dir=%q>, body direction %q; want fa, rtl, rtl", got.Lang, got.Dir, got.Direction)
	}
	// The title, subtitle, heading, era (button, key and its
	// description, cell), category (key and its description, cell),
	// event titles and summaries, attribution, citations.
	if got.Texts < 15 {
		t.Errorf("found %d pieces of Persian text in the page, want at least 15", got.Texts)
	}
	if got.Overflow > 0 {
		t.Errorf("the right-to-left page is %d px wider than the window: something hidden sits off its left edge", got.Overflow)
	}
	for _, b := range got.Bad {
		t.Errorf("text not isolated (no <bdi> or dir=auto around it): %s", b)
	}
	// A search in Persian, typed, with the Arabic yeh for the Persian one.
	do(t, tb, chromedp.SendKeys(chromedp.ID("q"), "تروريستي"))
	checkShownSoon(t, tb, v, "Persian search", func(e *render.EventView) bool { return e.ID == "b" })
	screenshot(t, tb, "fa")
	tb.checkQuiet(t)
}

// checkShownSoon waits until the page shows what keep says, then checks it.
func checkShownSoon(t *testing.T, tb *tab, v *render.View, what string, keep func(*render.EventView) bool) {
	t.Helper()
	n := 0
	for _, e := range v.Events {
		if keep(e) {
			n++
		}
	}
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`document.getElementById('shown').textContent.startsWith('Showing %s of')`, render.Count(n)),
		chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("%s: the status line never showed %d events", what, n)
	}
	checkShown(t, tb, v, what, keep)
}
