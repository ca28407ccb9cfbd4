package htmlout

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/data"
	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// rgbRE matches a computed CSS colour, rgb(r, g, b) or rgba(r, g, b, a).
var rgbRE = regexp.MustCompile(`^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$`)

// cssHex turns a computed CSS colour or a #rrggbb into #rrggbb; ok is
// false for a transparent or unknown one.
func cssHex(c string) (string, bool) {
	if len(c) == 7 && c[0] == '#' {
		return c, true
	}
	m := rgbRE.FindStringSubmatch(c)
	if m == nil || (m[4] != "" && m[4] != "1") {
		return "", false
	}
	var x [3]int
	for i := range x {
		x[i], _ = strconv.Atoi(m[i+1])
	}
	return fmt.Sprintf("#%02x%02x%02x", x[0], x[1], x[2]), true
}

// colorPair is a foreground and a background the page shows together.
type colorPair struct {
	What string `json:"what"`
	Fg   string `json:"fg"`
	Bg   string `json:"bg"`
	Min  float64
}

// pairsJS collects, from what the page really draws, every text or mark
// colour with the colour behind it: body and muted text, the era key's
// numbers on their eras' colours, the categories' swatches and marks on
// the page, and the labels on the chart's era bands (from ECharts' display
// list) on their bands.
const pairsJS = `(() => {
  const cs = e => getComputedStyle(e), bg = cs(document.body).backgroundColor === 'rgba(0, 0, 0, 0)' ? cs(document.documentElement).backgroundColor : cs(document.body).backgroundColor;
  const out = [
    {what: 'body text', fg: cs(document.body).color, bg, min: 4.5},
    {what: 'hint', fg: cs(document.querySelector('.hint')).color, bg, min: 4.5},
    {what: 'button', fg: cs(document.querySelector('button[data-era="1"]')).color, bg: cs(document.querySelector('button[data-era="1"]')).backgroundColor, min: 4.5},
  ];
  for (const n of document.querySelectorAll('.era-key .num')) out.push({what: 'era number ' + n.textContent, fg: cs(n).color, bg: cs(n).backgroundColor, min: 4.5});
  for (const s of document.querySelectorAll('button[data-lane] .swatch')) out.push({what: 'category swatch ' + s.parentNode.textContent, fg: cs(s).backgroundColor, bg, min: 3.0});
  const c = echarts.getInstanceByDom(document.getElementById('chart'));
  c.getOption().color.forEach((col, k) => out.push({what: 'lane colour ' + k, fg: col, bg, min: 3.0}));
  for (const el of c.getZr().storage.getDisplayList(true)) {
    if (!el.parent || el.parent.name !== 'era-label') continue;
    const label = el.parent, band = label.parent.childAt(1);
    out.push({what: 'era label ' + (label.style.text || el.style.text), fg: el.style.fill || label.style.fill, bg: band.style.fill, min: 4.5});
  }
  return out;
})()`

// TestBrowserAboveFoldAndDark opens the embedded dataset's page at
// 1440×900, where the whole chart must show without scrolling, and at
// 390×844, where the chart must start on the first screen; folds the key
// open (remembered in the address); and, light and dark
// (prefers-color-scheme emulated), checks the contrast of every text and
// mark against what is behind it, from the colours the page shows.
func TestBrowserAboveFoldAndDark(t *testing.T) {
	d, err := data.MEK()
	if err != nil {
		t.Fatal(err)
	}
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	file := writePage(t, t.TempDir(), "fold.html", v, Options{})
	tb := open(t, file)
	type box struct{ Top, Bottom, Height, Inner float64 }
	const boxJS = `(() => { const r = document.getElementById('chart').getBoundingClientRect(), k = document.querySelector('.era-key').getBoundingClientRect();
  return {top: r.top, bottom: Math.max(r.bottom, k.bottom), height: r.height, inner: innerHeight}; })()`
	for _, c := range []struct {
		w, h  int64
		whole bool
	}{{1440, 900, true}, {390, 844, false}} {
		resize(t, tb, c.w, c.h)
		reopen(t, tb, file)
		b := eval[box](t, tb, boxJS)
		if c.whole && (b.Top < 0 || b.Bottom > b.Inner) {
			t.Errorf("%d×%d: the chart and its era key span %.0f..%.0f px, not all within the window's %.0f", c.w, c.h, b.Top, b.Bottom, b.Inner)
		}
		if !c.whole && b.Top > b.Inner-100 {
			t.Errorf("%d×%d: the chart starts at %.0f px, below the first screen of %.0f (less 100 px to show some)", c.w, c.h, b.Top, b.Inner)
		}
		if b.Height < 300 {
			t.Errorf("%d×%d: the chart is only %.0f px high", c.w, c.h, b.Height)
		}
		screenshot(t, tb, fmt.Sprintf("fold-%dx%d", c.w, c.h))
	}

	// The key folds open, and the address remembers it.
	resize(t, tb, 1440, 900)
	do(t, tb, chromedp.Click(chromedp.CSS(`#key summary`)))
	h := waitHash(t, tb, "key", func(h string) bool { return h == "#key=1" })
	if b := eval[box](t, tb, boxJS); b.Top < 400 {
		t.Errorf("the open key did not push the chart down (top %.0f)", b.Top)
	}
	reopen(t, tb, file+h)
	if !eval[bool](t, tb, `document.getElementById('key').open`) {
		t.Error("reloaded at #key=1, the key is closed")
	}
	do(t, tb, chromedp.Click(chromedp.CSS(`#key summary`)))
	waitHash(t, tb, "key closed", func(h string) bool { return h == "" })

	for _, scheme := range []string{"light", "dark"} {
		if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}); err != nil {
			t.Fatal(err)
		}
		reopen(t, tb, file)
		pairs := eval[[]colorPair](t, tb, pairsJS)
		labels := 0
		for _, p := range pairs {
			fg, ok1 := cssHex(p.Fg)
			bg, ok2 := cssHex(p.Bg)
			if !ok1 || !ok2 {
				t.Errorf("%s: %s: colours %q on %q", scheme, p.What, p.Fg, p.Bg)
				continue
			}
			// The light page's category colours are the data's (or the
			// palette's, the PDF's too); the dark page's are render's and
			// must read.
			if scheme == "light" && p.Min < render.MinTextContrast {
				continue
			}
			if c := render.Contrast(fg, bg); c < p.Min {
				t.Errorf("%s: %s: %s on %s has contrast %.2f, want %.1f", scheme, p.What, fg, bg, c, p.Min)
			}
			if len(p.What) > 9 && p.What[:9] == "era label" {
				labels++
			}
		}
		if labels < 3 {
			t.Errorf("%s: only %d era labels on the chart", scheme, labels)
		}
		wantBg := render.Light.Background
		if scheme == "dark" {
			wantBg = render.Dark.Background
		}
		if bg, _ := cssHex(eval[string](t, tb, `getComputedStyle(document.documentElement).backgroundColor`)); bg != wantBg {
			t.Errorf("%s: the page's background is %s, want %s", scheme, bg, wantBg)
		}
		screenshot(t, tb, "theme-"+scheme)
	}
	tb.checkQuiet(t)
}
