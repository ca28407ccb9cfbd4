package htmlout

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// TestBrowserLarge checks a page of 10,000 events and 13,000 sources
// shaped like users' data: it becomes ready, the era filter and the
// search work on every row, the filtered page in print media shows every
// event kept and the sources they cite only, and anchors to rows and sources far below the first screen (rows
// the browser has not laid out yet) land in view.
// It asserts behaviour, not speed (BenchmarkBrowserReady measures that).
func TestBrowserLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("a 10,000-event page takes a while on a loaded machine")
	}
	loadTimeout = 3 * time.Minute
	defer func() { loadTimeout = 30 * time.Second }()
	d := rendertest.Realistic(10000)
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	if len(v.Events) != 10000 || len(v.Sources) < 10000 {
		t.Fatalf("%d events, %d sources", len(v.Events), len(v.Sources))
	}
	file := writePage(t, t.TempDir(), "large.html", v, Options{})
	start := time.Now()
	step := func(what string) { t.Logf("%6.1f s: %s", time.Since(start).Seconds(), what) }
	tb := open(t, file)
	step("ready")
	checkShown(t, tb, v, "all", func(*render.EventView) bool { return true })

	// The smallest era, by a real click; then the search within it.
	era := 0
	for i, e := range v.Eras {
		if e.Count > 0 && (v.Eras[era].Count == 0 || e.Count < v.Eras[era].Count) {
			era = i
		}
	}
	do(t, tb, chromedp.Click(chromedp.CSS(fmt.Sprintf(`button[data-era="%d"]`, era+1))))
	inEra := func(e *render.EventView) bool { return e.Era == v.Eras[era] }
	checkShown(t, tb, v, "era", inEra)
	step("era")
	word := strings.Fields(v.Events[len(v.Events)-1].Summary)[3]
	match := keeps(d, timeline.Filter{Text: word})
	search(t, tb, word)
	checkShown(t, tb, v, "era and search "+word, func(e *render.EventView) bool { return inEra(e) && match(e) })

	step("search")

	// Printed, the page lists the events kept and the sources they cite
	// only. (Printing it whole takes minutes on a loaded 2-core machine:
	// TestBrowserPrint prints a small page.)
	kept := func(e *render.EventView) bool { return inEra(e) && match(e) }
	cited := map[int]bool{}
	for _, e := range v.Events {
		if kept(e) {
			for _, n := range e.Notes {
				cited[n] = true
			}
		}
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	printed := eval[[]string](t, tb, `[...document.querySelectorAll('ol.sources > li')].filter(li => getComputedStyle(li).display !== 'none').map(li => li.id)`)
	rows := eval[[]string](t, tb, `[...document.querySelectorAll('#events tbody tr')].filter(r => getComputedStyle(r).display !== 'none').map(r => r.id)`)
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""}); err != nil {
		t.Fatal(err)
	}
	var wantSrc, wantRows []string
	for _, s := range v.Sources {
		if cited[s.N] {
			wantSrc = append(wantSrc, fmt.Sprintf("src-%d", s.N))
		}
	}
	for _, e := range v.Events {
		if kept(e) {
			wantRows = append(wantRows, e.Anchor)
		}
	}
	if !slices.Equal(printed, wantSrc) {
		t.Errorf("print lists %d sources %q, want the %d cited by the events kept", len(printed), trunc(printed), len(wantSrc))
	}
	if !slices.Equal(rows, wantRows) {
		t.Errorf("print lists %d rows %q, want %d %q", len(rows), trunc(rows), len(wantRows), trunc(wantRows))
	}
	step("print media")

	// Anchors far below: a footnote link in the last row, a "cited by"
	// link back, and the page opened at the last row.
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="0"]`)))
	last := v.Events[len(v.Events)-1]
	n := last.Notes[0]
	do(t, tb, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector('#%s a[href="#src-%d"]').click()`, last.Anchor, n)))
	if c := eval[cover](t, tb, fmt.Sprintf(`%s(%q)`, coverJS, fmt.Sprintf("src-%d", n))); c.Below < 0 || !c.InView {
		t.Errorf("footnote %d of the last row: %+v", n, c)
	}
	first := v.Sources[n-1].CitedBy[0]
	do(t, tb, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#src-%d .back a[href="#%s"]`, n, first.Anchor))))
	if c := eval[cover](t, tb, fmt.Sprintf(`%s(%q)`, coverJS, first.Anchor)); c.Below < 0 || !c.InView {
		t.Errorf("cited-by link to %s: %+v", first.Anchor, c)
	}
	mid := v.Events[len(v.Events)*3/4]
	do(t, tb, chromedp.Navigate("about:blank"))
	tb.load(t, file+"#"+mid.Anchor)
	if c := eval[cover](t, tb, fmt.Sprintf(`%s(%q)`, coverJS, mid.Anchor)); c.Below < 0 || !c.InView {
		t.Errorf("page opened at #%s: %+v", mid.Anchor, c)
	}
	step("anchors")
	tb.checkQuiet(t)
}
