package htmlout

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/timeline-tool/timeline/data"
	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// TestBrowserPrintChartPainted: printed from a wide window, the chart is
// painted for the paper's width in beforeprint itself, before the browser
// prints: the canvas right after the event is what the next frames leave
// on it. (zrender paints a layout in the next animation frame; the
// resized canvas held the old, wide layout, cut at the paper's width.)
func TestBrowserPrintChartPainted(t *testing.T) {
	mek, err := data.MEK()
	if err != nil {
		t.Fatal(err)
	}
	v := render.Build(mek, timeline.Filter{}, render.Options{Version: "test"})
	tb := open(t, writePage(t, t.TempDir(), "print.html", v, Options{}))
	resize(t, tb, 1400, 900)
	frames(t, tb)
	got := eval[[]string](t, tb, `(() => {
  const box = document.getElementById('chart');
  dispatchEvent(new Event('beforeprint'));
  window.__printed = [...box.querySelectorAll('canvas')].map(c => c.toDataURL());
  return [String(box.getBoundingClientRect().width), String(echarts.getInstanceByDom(box).getWidth())];
})()`)
	if got[0] != "700" || got[1] != "700" {
		t.Fatalf("printed, the chart's box is %s px and the chart %s px wide, want 700", got[0], got[1])
	}
	time.Sleep(500 * time.Millisecond)
	if same := eval[bool](t, tb, `(() => {
  const now = [...document.getElementById('chart').querySelectorAll('canvas')].map(c => c.toDataURL());
  dispatchEvent(new Event('afterprint'));
  return now.length === window.__printed.length && now.every((u, i) => u === window.__printed[i]);
})()`); !same {
		t.Errorf("the chart printed is not the chart drawn for the paper: its canvas changed in the frames after beforeprint")
	}
	tb.checkQuiet(t)
}

// TestBrowserHashToHiddenRow: on a page that is not big, going to the
// address of a row the filters hide (typed, or set by a script) clears
// the filters, as a link to it does, and the row lands below the filter
// bar, with the address kept.
func TestBrowserHashToHiddenRow(t *testing.T) {
	mek, err := data.MEK()
	if err != nil {
		t.Fatal(err)
	}
	v := render.Build(mek, timeline.Filter{}, render.Options{Version: "test"})
	tb := open(t, writePage(t, t.TempDir(), "hash.html", v, Options{}))
	resize(t, tb, 1400, 900)
	search(t, tb, "Albania")
	var hidden *render.EventView
	for _, e := range v.Events {
		if eval[bool](t, tb, fmt.Sprintf(`document.getElementById(%q).hidden`, e.Anchor)) {
			hidden = e
		}
	}
	if hidden == nil {
		t.Fatal("the search hides no row")
	}
	do(t, tb, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`location.hash = %q`, hidden.Anchor)))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`!document.getElementById(%q).hidden`, hidden.Anchor), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("going to #%s, hidden by the search: the row stays hidden (search %q)", hidden.Anchor, eval[string](t, tb, `document.getElementById('q').value`))
	}
	time.Sleep(200 * time.Millisecond)
	if q := eval[string](t, tb, `document.getElementById('q').value`); q != "" {
		t.Errorf("going to #%s: the search is still %q", hidden.Anchor, q)
	}
	if c := eval[cover](t, tb, fmt.Sprintf(`%s(%q)`, coverJS, hidden.Anchor)); c.Below < 0 || !c.InView || c.Hash != "#"+hidden.Anchor {
		t.Errorf("going to #%s: %+v", hidden.Anchor, c)
	}
	tb.checkQuiet(t)
}

// TestBrowserSaveName: a saved image is named after the page's title, its
// letters in any script kept and its accents dropped.
func TestBrowserSaveName(t *testing.T) {
	for _, tc := range []struct{ title, want string }{
		{"Zürich – “Ünïcödé” chronology", "zurich-unicode-chronology.png"},
		{"گاهشمار مجاهدین خلق", "گاهشمار-مجاهدین-خلق.png"},
	} {
		d := loadJSON(t, "name.json", fmt.Sprintf(`{"title":%q,"events":[{"id":"a","date":"1990","title":"A","summary":"B."}]}`, tc.title))
		v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
		tb := open(t, writePage(t, t.TempDir(), "name.html", v, Options{}))
		dir := t.TempDir()
		if _, err := chromedp.Call(tb.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
			t.Fatal(err)
		}
		saved(t, tb, dir, "save-png", "png")
		m, _ := filepath.Glob(filepath.Join(dir, "*.png"))
		if len(m) != 1 || filepath.Base(m[0]) != tc.want {
			t.Errorf("%q saved as %q, want %s", tc.title, m, tc.want)
		}
	}
}
