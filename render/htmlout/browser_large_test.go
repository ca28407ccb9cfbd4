package htmlout

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
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
// The page draws its chart before its text is read, as a page of 100,000
// events does (earlyChart).
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
	early := earlyChart
	earlyChart = 5000
	file := writePage(t, t.TempDir(), "large.html", v, Options{})
	earlyChart = early
	if b, err := os.ReadFile(file); err != nil || !strings.Contains(string(b), `"early":true`) {
		t.Fatalf("the page does not draw its chart early (%v)", err)
	}
	start := time.Now()
	step := func(what string) { t.Logf("%6.1f s: %s", time.Since(start).Seconds(), what) }
	tb := newTab(t)
	// Until its text is read, the chart's hint says that its labels and
	// tooltips are to come; then it no longer does.
	if _, err := chromedp.Call(tb.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `new MutationObserver((l, o) => {
  const w = document.getElementById('text-wait');
  if (w) { window.__textWait = w.parentNode.textContent; o.disconnect(); }
}).observe(document, {childList: true, subtree: true})`}); err != nil {
		t.Fatal(err)
	}
	tb.load(t, file)
	step("ready")
	if got := eval[map[string]any](t, tb, `({wait: window.__textWait || '', now: !!document.getElementById('text-wait')})`); !strings.Contains(got["wait"].(string), "titles are still loading") || got["now"] != false {
		t.Errorf("the chart's hint while the text loads %q, and after (still there: %v); want the note, then none", got["wait"], got["now"])
	}
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
	// Two words of a summary: a few dozen events, which print in seconds.
	var pick *render.EventView
	for _, e := range v.Events {
		if inEra(e) {
			pick = e
		}
	}
	w := strings.Fields(pick.Summary)
	word := w[3] + " " + w[5]
	match := keeps(d, timeline.Filter{Text: word})
	search(t, tb, word)
	checkShown(t, tb, v, "era and search "+word, func(e *render.EventView) bool { return inEra(e) && match(e) })

	step("search")

	// Printed (Chromium's print to PDF), the page lists every event kept,
	// rows it had not drawn included, and the sources they cite only.
	kept := func(e *render.EventView) bool { return inEra(e) && match(e) }
	cited := map[int]bool{}
	var wantSrc, wantRows []string
	for _, e := range v.Events {
		if kept(e) {
			wantRows = append(wantRows, e.Anchor)
			for _, n := range e.Notes {
				cited[n] = true
			}
		}
	}
	for _, s := range v.Sources {
		if cited[s.N] {
			wantSrc = append(wantSrc, fmt.Sprintf("src-%d", s.N))
		}
	}
	ctx, cancel := context.WithTimeout(tb.ctx, 2*time.Minute)
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF())
	cancel()
	if err != nil {
		t.Fatal(err)
	}
	step(fmt.Sprintf("printed %d events to PDF (%d bytes)", len(wantRows), len(pdf)))
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	printed := eval[[]string](t, tb, `[...document.querySelectorAll('ol.sources > li')].filter(li => getComputedStyle(li).display !== 'none').map(li => li.id)`)
	rows := eval[[]string](t, tb, `[...document.querySelectorAll('#events tbody tr')].filter(r => getComputedStyle(r).display !== 'none').map(r => r.id)`)
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(printed, wantSrc) {
		t.Errorf("print lists %d sources %q, want the %d cited by the events kept", len(printed), trunc(printed), len(wantSrc))
	}
	if !slices.Equal(rows, wantRows) {
		t.Errorf("print lists %d rows %q, want %d %q", len(rows), trunc(rows), len(wantRows), trunc(wantRows))
	}
	if text, ok := pdfText(t, pdf); ok {
		// The first words of each title, which fit on the title's first
		// line (pdftotext may put the date between two lines of a cell).
		flat := strings.Join(strings.Fields(text), "")
		for _, e := range v.Events {
			w := strings.Fields(e.Title)
			if kept(e) && !strings.Contains(flat, strings.Join(w[:min(4, len(w))], "")) {
				t.Errorf("the printout lacks %s %q", e.Anchor, e.Title)
			}
		}
	}
	step("print")

	// Anchors far below: a footnote link in the last row, a "cited by"
	// link back, and the page opened at the last row.
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="0"]`)))
	last := v.Events[len(v.Events)-1]
	n := last.Notes[0]
	do(t, tb, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`location.hash = %q`, last.Anchor)))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`!!document.getElementById(%q)`, last.Anchor), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("going to #%s: the row was never drawn: %v", last.Anchor, err)
	}
	// The row lands below the filter bar, whose height changed as going
	// there cleared the search, and the address keeps the fragment gone
	// to.
	if c := eval[cover](t, tb, fmt.Sprintf(`%s(%q)`, coverJS, last.Anchor)); c.Below < 0 || !c.InView || c.Hash != "#"+last.Anchor {
		t.Errorf("going to #%s: %+v", last.Anchor, c)
	}
	do(t, tb, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector('#%s a[href="#src-%d"]').click()`, last.Anchor, n)))
	if c := eval[cover](t, tb, fmt.Sprintf(`%s(%q)`, coverJS, fmt.Sprintf("src-%d", n))); c.Below < 0 || !c.InView {
		t.Errorf("footnote %d of the last row: %+v", n, c)
	}
	// The list's indent has room for the widest number, so that no
	// marker is cut at the page's edge (nor, printed, at the paper's).
	widest := fmt.Sprintf("%d. ", len(v.Sources))
	room := eval[[]float64](t, tb, fmt.Sprintf(`(() => {
		const li = document.getElementById('src-%d'), c = document.createElement('canvas').getContext('2d');
		c.font = getComputedStyle(li).font;
		return [c.measureText(%q).width, li.getBoundingClientRect().left, parseFloat(getComputedStyle(li.parentElement).paddingInlineStart)];
	})()`, n, widest))
	if room[0] > room[1] || room[0] > room[2] {
		t.Errorf("source %d: the marker %q is %.0f px wide, the list's indent %.0f px and the item %.0f px from the left", n, widest, room[0], room[2], room[1])
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

// pdfText returns the text pdftotext reads in pdf, and false when there
// is no pdftotext (an error in CI, where make test installs it).
func pdfText(t *testing.T, pdf []byte) (string, bool) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Errorf("no pdftotext: %v", err)
		} else {
			t.Logf("no pdftotext: the printout is unchecked")
		}
		return "", false
	}
	file := filepath.Join(t.TempDir(), "print.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out), true
}

// TestBrowserNodesAtReady checks the benchmarks' count of a page's nodes
// (loadStats.Nodes, from hookJS): it is the document's when the page is
// ready, without the rows that a big page fills after its first frame.
func TestBrowserNodesAtReady(t *testing.T) {
	v := render.Build(rendertest.Realistic(1000), timeline.Filter{}, render.Options{Version: "test"})
	if !isBig(v) {
		t.Fatal("the page of 1,000 events is not big")
	}
	file := writePage(t, t.TempDir(), "nodes.html", v, Options{})
	tb := newTab(t)
	tb.measured(t)
	tb.load(t, file)
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.querySelectorAll('#events tbody tr').length >= 100`, chromedp.WithPollingTimeout(loadTimeout))); err != nil {
		t.Fatalf("the rows within reach were not filled after the first frame: %v", err)
	}
	counts := eval[[2]float64](t, tb, `(() => {
  const w = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
  let n = 1;
  while (w.nextNode()) n++;
  return [window.__nodesAtReady || 0, n];
})()`)
	rows := eval[float64](t, tb, `document.querySelectorAll('#events tbody tr').length`)
	if at, now := counts[0], counts[1]; at < 100 || now-at < 10*rows {
		t.Errorf("nodes at ready %v, now %v with %v rows filled: the count at ready holds the rows filled after it", at, now, rows)
	}
}
