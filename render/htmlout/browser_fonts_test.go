package htmlout

import (
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/data"
	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// fontStrikesJS lists the fonts (style, weight, size and family) of the
// text the page shows: every one costs Chromium a font lookup, a call to
// the browser process, before the page's first frame.
const fontStrikesJS = `(() => {
  const seen = new Set();
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (w.nextNode()) {
    const n = w.currentNode, e = n.parentElement;
    if (!n.textContent.trim() || !e || !e.getClientRects().length || e.closest('script, style')) continue;
    const s = getComputedStyle(e);
    seen.add([s.fontStyle, s.fontWeight, s.fontSize, s.fontFamily].join(' '));
  }
  return [...seen].sort();
})()`

// TestBrowserFontStrikes: the page shows its text in a few fonts (page.css's
// type scale: two sizes of text, two of headings, two weights, and code),
// on the embedded dataset's page and on a big page of realistic data.
// Fifteen took about 25 ms of the load of a 1,000-event page in font
// lookups.
func TestBrowserFontStrikes(t *testing.T) {
	mek, err := data.MEK()
	if err != nil {
		t.Fatal(err)
	}
	tb := newTab(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		v    *render.View
	}{
		{"embedded", render.Build(mek, timeline.Filter{}, render.Options{Version: "test"})},
		{"realistic-1000", render.Build(rendertest.Realistic(1000), timeline.Filter{}, render.Options{Version: "test"})},
	} {
		tb.load(t, writePage(t, dir, tc.name+".html", tc.v, Options{}))
		fonts := eval[[]string](t, tb, fontStrikesJS)
		if len(fonts) > 7 {
			t.Errorf("%s: the page shows text in %d fonts, want at most 7:\n%s", tc.name, len(fonts), strings.Join(fonts, "\n"))
		}
		t.Logf("%s: %q", tc.name, fonts)
	}
}
