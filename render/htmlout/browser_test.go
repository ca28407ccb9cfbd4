package htmlout

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// The browser tests drive Debian's Chromium. Without it they fail when the
// CI environment variable is set and are skipped otherwise; so are they
// without the ECharts bundle (make assets).

const chromiumPath = "/usr/bin/chromium"

// skipOrFail skips tb, or fails it in CI, where a missing browser or
// bundle is an error.
func skipOrFail(tb testing.TB, msg string) {
	tb.Helper()
	if os.Getenv("CI") != "" {
		tb.Fatal(msg)
	}
	tb.Skip(msg)
}

// needBrowser returns the path of Chromium and checks that the bundle is
// built.
func needBrowser(tb testing.TB) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("browser test (-short)")
	}
	path := chromiumPath
	if _, err := os.Stat(path); err != nil {
		p, err := exec.LookPath("chromium")
		if err != nil {
			skipOrFail(tb, "no Chromium at "+chromiumPath+" or on $PATH: apt-get install chromium")
		}
		path = p
	}
	if err := loadBundle().err; err != nil {
		skipOrFail(tb, "no ECharts bundle: run render/htmlout/build-assets.sh (make assets): "+err.Error())
	}
	return path
}

// allocator returns the options that start a headless Chromium with a
// fresh profile.
func allocator(tb testing.TB) []chromedp.ExecAllocatorOption {
	tb.Helper()
	path := needBrowser(tb)
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profileDir(tb)),
		chromedp.WindowSize(1300, 1000),
	)
}

// profileDir returns a fresh directory for a browser's profile, removed
// when the test ends. Chromium's helper processes can still be writing
// to it for a moment after the browser is stopped, which made
// t.TempDir's removal fail the test ("directory not empty"), so the
// removal is tried again for a few seconds, and a directory that is
// still busy after that is only logged.
func profileDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.MkdirTemp("", "timeline-chromium-")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		for range 50 {
			if err = os.RemoveAll(dir); err == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		tb.Logf("browser profile %s left behind: %v", dir, err)
	})
	return dir
}

// tab is one open page and what it did.
type tab struct {
	ctx context.Context

	mu       sync.Mutex
	console  []string // errors, warnings and exceptions
	requests []string // every URL the page requested
	dialogs  []string // messages of alert, confirm and prompt
}

// open starts a browser, opens file in its tab and waits for the page to
// be ready (charts drawn, table present).
func open(t testing.TB, file string) *tab {
	t.Helper()
	tb := newTab(t)
	tb.load(t, file)
	return tb
}

// newTab starts a browser and returns its tab, which records what the
// pages in it do. A browser of its own keeps the tab in front, which
// headless Chromium paints (it paints no tab behind another, so
// screenshots of those never come).
func newTab(t testing.TB) *tab {
	t.Helper()
	parallel(t)
	tb := &tab{}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), allocator(t)...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithListener(func(ev any) {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				tb.console = append(tb.console, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			tb.console = append(tb.console, "exception: "+msg)
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError || ev.Entry.Level == cdplog.EntryLevelWarning {
				tb.console = append(tb.console, fmt.Sprintf("log %s: %s %s", ev.Entry.Level, ev.Entry.Text, ev.Entry.URL))
			}
		case *network.EventRequestWillBeSent:
			tb.requests = append(tb.requests, ev.Request.URL)
		case *cdppage.EventJavascriptDialogOpening:
			tb.dialogs = append(tb.dialogs, ev.Message)
			go chromedp.Call(tb.ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
		}
	}))
	tb.ctx = ctx
	t.Cleanup(cancel)
	// The first action starts the browser and binds it to its context, so
	// it gets the one without a timeout.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return tb
}

// load opens file in the tab, waits for the page to be ready and returns
// the time from the start of the navigation to ready, in milliseconds.
func (tb *tab) load(t testing.TB, file string) float64 {
	t.Helper()
	return tb.loadUntil(t, file, "window.__timelineReady === true && window.__timelineReadyAt")
}

// loadUntil opens file in the tab and waits, at most loadTimeout, for the
// expression until to give a number other than 0, which it returns.
func (tb *tab) loadUntil(t testing.TB, file, until string) float64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, loadTimeout+30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+file)); err != nil {
		t.Fatalf("opening %s: %v", file, err)
	}
	deadline := time.Now().Add(loadTimeout)
	ms, err := chromedp.Run(ctx, chromedp.Poll[float64](until, chromedp.WithPollingTimeout(loadTimeout)))
	// chromedp's Poll runs in the execution context the page had when it
	// began, which Chromium may still replace as the navigation ends (seen
	// once in a loaded make test): evaluate once to take the new one, and
	// poll again for the time left.
	for err != nil && staleContext(err) && time.Until(deadline) > 0 {
		if _, e := chromedp.Run(ctx, chromedp.Evaluate[bool]("true")); e != nil && !staleContext(e) {
			err = e
			break
		}
		ms, err = chromedp.Run(ctx, chromedp.Poll[float64](until, chromedp.WithPollingTimeout(time.Until(deadline))))
	}
	if err != nil {
		state := tb.stalled()
		tb.mu.Lock()
		defer tb.mu.Unlock()
		t.Fatalf("page %s never became ready in %v: %v; %s; console: %q", file, loadTimeout, err, state, tb.console)
	}
	return ms
}

// staleContext reports whether err says that the page's execution context
// went away under a call (Chromium replaced it).
func staleContext(err error) bool {
	return strings.Contains(err.Error(), "Cannot find context with specified id") ||
		strings.Contains(err.Error(), "Execution context was destroyed")
}

// stalledJS describes a page that never became ready: whether it is
// shown and has the focus, how far it loaded, and whether the browser
// still gives it animation frames (ECharts draws, and reports finished,
// in them) and timers, each within 5 s.
const stalledJS = `(async () => {
  const within = (f) => Promise.race([new Promise(f), new Promise(r => setTimeout(() => r('none within 5 s'), 5000))]);
  const frame = await within(r => requestAnimationFrame(() => r('yes')));
  const timer = await within(r => setTimeout(() => r('yes'), 0));
  return 'visibility ' + document.visibilityState + ', focus ' + document.hasFocus() + ', readyState ' + document.readyState +
    ', at ' + Math.round(performance.now()) + ' ms, animation frame: ' + frame + ', timer: ' + timer;
})()`

// stalled returns what stalledJS finds in the tab, or why it could not
// tell.
func (tb *tab) stalled() string {
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](stalledJS, chromedp.EvalAwaitPromise))
	if err != nil {
		return "the page did not answer: " + err.Error()
	}
	return s
}

// eval evaluates a JavaScript expression in the tab and returns its value.
func eval[T any](t testing.TB, tb *tab, js string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

func do(t testing.TB, tb *tab, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// checkQuiet fails t if the page logged an error or warning, made a
// request other than loading files, or opened a dialog.
func (tb *tab) checkQuiet(t *testing.T) {
	t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, m := range tb.console {
		t.Errorf("console: %s", m)
	}
	for _, u := range tb.requests {
		// blob: and data: URLs are the page's own bytes (Save image).
		if !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "blob:") && !strings.HasPrefix(u, "data:") {
			t.Errorf("network request to %s", u)
		}
	}
	for _, d := range tb.dialogs {
		t.Errorf("dialog opened: %q", d)
	}
}

// writePage renders v into dir/name and returns its path.
func writePage(t testing.TB, dir, name string, v *render.View, opts Options) string {
	t.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(f, v, opts); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// screenshot saves the viewport and the whole page as PNG files in the
// test's artifact directory (kept with go test -artifacts), when asked
// for with TIMELINE_SCREENSHOTS=1: they take most of the time of the
// tests that take them.
//
//	TIMELINE_SCREENSHOTS=1 go test -artifacts -run TestX ./render/htmlout/
func screenshot(t *testing.T, tb *tab, name string) {
	t.Helper()
	if os.Getenv("TIMELINE_SCREENSHOTS") == "" {
		return
	}
	dir := t.ArtifactDir()
	view, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	full, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	chart, err := chromedp.Run(tb.ctx, chromedp.Screenshot(chromedp.CSS("section.charts")))
	if err != nil {
		t.Fatal(err)
	}
	for file, b := range map[string][]byte{name + ".png": view, name + "-full.png": full, name + "-charts.png": chart} {
		if err := os.WriteFile(filepath.Join(dir, file), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshots: %s", filepath.Join(dir, name+"*.png"))
}

// shownState is what the page shows: the ids of the visible table rows
// and of the events marked in the timeline.
type shownState struct {
	Rows  []string `json:"rows"`
	Marks []string `json:"marks"`
	// Counts is the sum of the counts chart's bars.
	Counts int    `json:"counts"`
	Text   string `json:"text"`
}

// On a big page, which draws the rows near the reader only, the rows
// shown are those the page keeps.
const shownJS = `(() => {
  const rows = [...document.querySelectorAll('#events tbody tr')];
  const id = window.__timelineId || (i => rows[i].id);
  const marks = [];
  // x, y and the event's index in turn
  window.__timelineChartMarks().forEach(d => { for (let j = 2; j < d.length; j += 3) marks.push(id(d[j])); });
  return {
    rows: window.__timelineKept ? window.__timelineKept() : rows.filter(r => r.getClientRects().length > 0).map(r => r.id),
    marks: marks.sort(),
    counts: echarts.getInstanceByDom(document.getElementById('counts')).getOption().series.reduce((a, s) => a + s.data.reduce((b, x) => b + x, 0), 0),
    text: document.getElementById('shown').textContent,
  };
})()`

// expect returns the anchors of the events of v that keep returns true
// for, in table order and sorted.
func expect(v *render.View, keep func(*render.EventView) bool) (rows, marks []string) {
	for _, e := range v.Events {
		if keep(e) {
			rows = append(rows, e.Anchor)
		}
	}
	return rows, slices.Sorted(slices.Values(rows))
}

func checkShown(t *testing.T, tb *tab, v *render.View, what string, keep func(*render.EventView) bool) {
	t.Helper()
	// The counts chart is drawn after the timeline's first frame is painted.
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`!!echarts.getInstanceByDom(document.getElementById('counts'))`, chromedp.WithPollingTimeout(time.Minute))); err != nil {
		t.Fatalf("%s: the counts chart was never drawn: %v", what, err)
	}
	got := eval[shownState](t, tb, shownJS)
	rows, marks := expect(v, keep)
	if !slices.Equal(got.Rows, rows) {
		t.Errorf("%s: table shows %d rows %q, want %d %q", what, len(got.Rows), trunc(got.Rows), len(rows), trunc(rows))
	}
	if !slices.Equal(got.Marks, marks) {
		t.Errorf("%s: chart marks %d events, want %d", what, len(got.Marks), len(marks))
	}
	if got.Counts != len(rows) {
		t.Errorf("%s: the counts chart counts %d events, want %d", what, got.Counts, len(rows))
	}
	if want := "Showing " + render.Count(len(rows)) + " of " + render.Count(len(v.Events)) + " events"; !strings.HasPrefix(got.Text, want) {
		t.Errorf("%s: status line %q, want it to start with %q", what, got.Text, want)
	}
}

func trunc(s []string) []string {
	if len(s) > 8 {
		return append(s[:8:8], "…")
	}
	return s
}

// keeps returns whether the command line's filter f keeps an event of the
// view of d, found by its id.
func keeps(d *timeline.Dataset, f timeline.Filter) func(*render.EventView) bool {
	byID, match := map[string]*timeline.Event{}, f.Matcher(d)
	for _, e := range d.Events {
		byID[e.ID] = e
	}
	return func(e *render.EventView) bool { return match(byID[e.ID]) }
}

// search puts q into the search box, as if typed, and waits until the
// page has applied it.
func search(t *testing.T, tb *tab, q string) {
	t.Helper()
	js, err := json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	eval[bool](t, tb, fmt.Sprintf(`(() => { const q = document.getElementById('q'); q.value = %s; q.dispatchEvent(new Event('input')); return true; })()`, js))
	cond := `!document.getElementById('shown').textContent.includes('search “')`
	if len(timeline.SearchWords(q)) > 0 {
		cond = fmt.Sprintf(`document.getElementById('shown').textContent.includes('search “' + %s + '”')`, js)
	}
	// A big page folds its search texts in idle slices: on a loaded
	// machine the first search of 10,000 events waits for them a while.
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(time.Minute))); err != nil {
		t.Fatalf("search %q: the status line never said so: %v", q, err)
	}
}

// markPoint returns the position in the viewport of the mark of the
// event with the given anchor, after scrolling the chart into view.
func markPoint(t *testing.T, tb *tab, anchor string) (x, y float64) {
	t.Helper()
	js := fmt.Sprintf(`(() => {
  document.getElementById('chart').scrollIntoView({block: 'center'});
  const rows = [...document.querySelectorAll('#events tbody tr')];
  const i = rows.findIndex(r => r.id === %q);
  const c = echarts.getInstanceByDom(document.getElementById('chart'));
  for (const d of window.__timelineChartMarks()) {
    const j = d.findIndex((x, j) => j %% 3 === 2 && x === i); // x, y and the event's index in turn
    if (j >= 0) {
      const p = c.convertToPixel({gridIndex: 0}, [d[j - 2], d[j - 1]]);
      const r = document.getElementById('chart').getBoundingClientRect();
      return [r.left + p[0], r.top + p[1]];
    }
  }
  return null;
})()`, anchor)
	p := eval[[]float64](t, tb, js)
	if len(p) != 2 {
		t.Fatalf("no mark for %s", anchor)
	}
	return p[0], p[1]
}

func TestBrowserPage(t *testing.T) {
	d := rendertest.Synthetic(60)
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	file := writePage(t, t.TempDir(), "synthetic.html", v, Options{})
	tb := open(t, file)
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`!!echarts.getInstanceByDom(document.getElementById('counts'))`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("no counts chart: %v; console %q", err, tb.console)
	}
	screenshot(t, tb, "synthetic-60")

	checkShown(t, tb, v, "all", func(*render.EventView) bool { return true })

	// An era button narrows the chart and the table.
	era := v.Eras[2]
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="3"]`)))
	checkShown(t, tb, v, "era button", func(e *render.EventView) bool { return e.Era == era })
	if got := eval[string](t, tb, `document.querySelector('button[data-era="3"]').getAttribute('aria-pressed')`); got != "true" {
		t.Errorf("era button aria-pressed = %q after click", got)
	}

	// The search narrows them further, then alone, keeping what --grep
	// keeps.
	match := keeps(d, timeline.Filter{Text: "Number 2"})
	do(t, tb, chromedp.SendKeys(chromedp.ID("q"), "Number 2"))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.getElementById('shown').textContent.includes('search “Number 2”')`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatal(err)
	}
	checkShown(t, tb, v, "era and search", func(e *render.EventView) bool { return e.Era == era && match(e) })
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="0"]`)))
	checkShown(t, tb, v, "search", match)

	// Keyboard: from "All", Tab to the first era and press Space, then
	// Enter on the next one.
	do(t, tb, chromedp.SendKeys(chromedp.ID("q"), strings.Repeat("\b", len("Number 2"))),
		chromedp.Focus(chromedp.CSS(`button[data-era="0"]`)), chromedp.KeyEvent("\t"), chromedp.KeyEvent(" "))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`!document.getElementById('shown').textContent.includes('“')`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatal(err)
	}
	checkShown(t, tb, v, "keyboard space", func(e *render.EventView) bool { return e.Era == v.Eras[0] })
	do(t, tb, chromedp.KeyEvent("\t"), chromedp.KeyEvent("\r"))
	checkShown(t, tb, v, "keyboard enter", func(e *render.EventView) bool { return e.Era == v.Eras[1] })
	if got := eval[string](t, tb, `document.activeElement.getAttribute('data-era')`); got != "2" {
		t.Errorf("focus on era button %q, want 2", got)
	}
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="0"]`)))
	checkShown(t, tb, v, "all again", func(*render.EventView) bool { return true })

	// A tooltip shows the sources of the event under the mouse.
	e := v.Events[len(v.Events)/2]
	x, y := markPoint(t, tb, e.Anchor)
	do(t, tb, chromedp.MouseEvent(chromedp.MouseMoved, x, y))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`(() => { const t = document.querySelector('.tl-tip'); return !!t && getComputedStyle(t).display !== 'none' && getComputedStyle(t).opacity !== '0' && t.textContent.includes('Sources'); })()`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("no tooltip over %s: %v", e.Anchor, err)
	}
	tip := eval[string](t, tb, `document.querySelector('.tl-tip').innerText`)
	for _, want := range []string{e.Title, e.Label, statusText(e)} {
		if !strings.Contains(tip, want) {
			t.Errorf("tooltip %q lacks %q", tip, want)
		}
	}
	for _, n := range e.Notes {
		s := v.Sources[n-1]
		if want := fmt.Sprintf("[%d] %s", n, s.Author); !strings.Contains(tip, want) {
			t.Errorf("tooltip %q lacks source %q", tip, want)
		}
	}
	screenshot(t, tb, "tooltip")

	// Clicking the mark scrolls to its row and focuses it.
	do(t, tb, chromedp.MouseClickXY(x, y))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`(() => { const r = document.getElementById(%q); const b = r.getBoundingClientRect(); return document.activeElement === r && b.top >= 0 && b.bottom <= innerHeight && r.classList.contains('hit'); })()`, e.Anchor), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("clicking the mark of %s did not bring its row into view: %v", e.Anchor, err)
	}
	screenshot(t, tb, "clicked")

	// The table is a table to assistive technology, although its rows are
	// laid out as grids: count the roles of Chromium's accessibility tree.
	ax, err := chromedp.Call(tb.ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatal(err)
	}
	roles := map[string]int{}
	for _, n := range ax.Nodes {
		if n.Role != nil && !n.Ignored {
			var r string
			if json.Unmarshal(n.Role.Value, &r) == nil {
				roles[r]++
			}
		}
	}
	want := map[string]int{"table": 1, "row": len(v.Events) + 1, "columnheader": 7, "rowheader": len(v.Events), "cell": 6 * len(v.Events)}
	for r, n := range want {
		if roles[r] != n {
			t.Errorf("accessibility tree has %d nodes of role %s, want %d", roles[r], r, n)
		}
	}
	if roles["button"] < len(v.Eras)+1+len(v.Statuses) || roles["searchbox"] != 1 {
		t.Errorf("accessibility tree has %d buttons and %d search boxes", roles["button"], roles["searchbox"])
	}
	tb.checkQuiet(t)
}

func TestBrowserHostile(t *testing.T) {
	v := render.Build(rendertest.HostileDataset(), timeline.Filter{}, render.Options{Version: rendertest.Hostile})
	file := writePage(t, t.TempDir(), "hostile.html", v, Options{})
	tb := open(t, file)
	screenshot(t, tb, "hostile")

	h := rendertest.Hostile
	got := eval[map[string]any](t, tb, `({
  title: document.title,
  h1: document.querySelector('h1').textContent,
  cell: document.querySelector('#events tbody th').textContent,
  era: document.querySelector('button[data-era="1"]').textContent,
  imgs: document.querySelectorAll('img').length,
  scripts: document.querySelectorAll('script').length,
  handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
  jsLinks: [...document.querySelectorAll('a')].filter(a => !/^(https?:|#)/.test(a.getAttribute('href'))).length,
  rowIDs: [...document.querySelectorAll('#events tbody tr')].map(r => r.id),
})`)
	want := map[string]any{
		"title": "T " + h, "h1": "T " + h, "cell": "Ev " + h, "era": "E " + h + " 1900–2000 2",
		"imgs": float64(0), "scripts": float64(3), "handlers": float64(0), "jsLinks": float64(0),
		"rowIDs": []any{"ev-" + v.Events[0].ID, "ev-" + v.Events[1].ID},
	}
	for k, w := range want {
		if fmt.Sprint(got[k]) != fmt.Sprint(w) {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}

	// Hostile text in the tooltip stays text.
	x, y := markPoint(t, tb, v.Events[0].Anchor)
	do(t, tb, chromedp.MouseEvent(chromedp.MouseMoved, x, y))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`!!document.querySelector('.tl-tip') && document.querySelector('.tl-tip').textContent.includes('Sources')`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("no tooltip: %v", err)
	}
	tip := eval[map[string]any](t, tb, `({text: document.querySelector('.tl-tip').innerText, elements: document.querySelectorAll('.tl-tip img, .tl-tip script').length})`)
	if !strings.Contains(tip["text"].(string), "Ev "+h) || tip["elements"].(float64) != 0 {
		t.Errorf("tooltip = %v, want the hostile title as text", tip)
	}
	screenshot(t, tb, "hostile-tooltip")

	// Search and the era button work with hostile text too.
	do(t, tb, chromedp.SendKeys(chromedp.ID("q"), "</script>"))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.getElementById('shown').textContent.startsWith('Showing 2 of 2 events: search “</script>”')`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("search for </script>: %v", err)
	}
	tb.checkQuiet(t)
}

// TestBrowserAssetsURL checks a page that loads a copy of the bundle from
// beside it: the Content-Security-Policy lets that one file in.
func TestBrowserAssetsURL(t *testing.T) {
	dir := t.TempDir()
	b, err := bundleBytes()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "echarts.min.js"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	v := render.Build(rendertest.Synthetic(20), timeline.Filter{}, render.Options{Version: "test"})
	file := writePage(t, dir, "url.html", v, Options{Assets: "echarts.min.js"})
	tb := open(t, file)
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`!!echarts.getInstanceByDom(document.getElementById('counts'))`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("no counts chart: %v; console %q", err, tb.console)
	}
	checkShown(t, tb, v, "all", func(*render.EventView) bool { return true })
	tb.checkQuiet(t)
	if !slices.ContainsFunc(tb.requests, func(u string) bool { return strings.HasSuffix(u, "/echarts.min.js") }) {
		t.Errorf("requests %q do not load echarts.min.js", tb.requests)
	}
}

func bundleBytes() ([]byte, error) {
	b := loadBundle()
	if b.err != nil {
		return nil, b.err
	}
	return []byte(b.js), nil
}

// loadTimeout is how long tab.load waits for a page to be ready.
var loadTimeout = 30 * time.Second

// parallelTests holds the tests parallel has made parallel.
var parallelTests sync.Map

// parallel lets a browser test run beside the others (go test -parallel,
// GOMAXPROCS by default): each has a browser and a profile of its own and
// touches no package state. It runs after the sequential tests, which
// may replace package state for a while.
func parallel(tb testing.TB) {
	if t, ok := tb.(*testing.T); ok {
		if _, done := parallelTests.LoadOrStore(t, true); !done {
			t.Parallel()
		}
	}
}
