package htmlout

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// protoNames are names of Object.prototype's properties and of the
// page's own words: data text used as a property name would find them.
var protoNames = []string{"__proto__", "constructor", "toString", "hasOwnProperty", "prev", "next", "valueOf", "__defineGetter__"}

// protoJSON is a dataset whose every era, category, source and event
// has one of protoNames as its id and label, and whose attributions,
// titles and tags are those names too.
func protoJSON() string {
	var eras, cats, srcs, evs []string
	for i, n := range protoNames {
		eras = append(eras, fmt.Sprintf(`{"id":%q,"label":%q,"span":"%d/%d"}`, n, n, 1900+10*i, 1909+10*i))
		cats = append(cats, fmt.Sprintf(`{"id":%q,"label":%q}`, n, n))
		srcs = append(srcs, fmt.Sprintf(`{"id":%q,"kind":"press","title":%q,"author":%q,"publisher":%q}`, n, n, n, n))
	}
	statuses := []string{"claimed", "denied", "reported", "alleged", ""}
	k := 0
	for i := range protoNames {
		for j, n := range protoNames {
			st := statuses[(i+j)%len(statuses)]
			attr := ""
			if st != "" {
				attr = fmt.Sprintf(`,"status":%q,"attribution":%q`, st, n)
			}
			id := n
			if k >= len(protoNames) {
				id = fmt.Sprintf("%s-%d", n, k)
			}
			evs = append(evs, fmt.Sprintf(`{"id":%q,"date":"%d","title":%q,"summary":%q,"era":%q,"category":%q%s,"sources":[%q],"tags":[%q]}`,
				id, 1900+10*i+j%10, n, n+" "+protoNames[i], protoNames[i], n, attr, protoNames[(i+j)%len(protoNames)], n))
			k++
		}
	}
	return `{"title":"toString","eras":[` + strings.Join(eras, ",") + `],"categories":[` + strings.Join(cats, ",") +
		`],"sources":[` + strings.Join(srcs, ",") + `],"events":[` + strings.Join(evs, ",") + `]}`
}

// TestBrowserProtoNames checks that names of Object.prototype's
// properties as ids, labels and tags break nothing: era, status and
// legend clicks, the search and the tooltips work and log no error.
func TestBrowserProtoNames(t *testing.T) {
	d := loadJSON(t, "proto.json", protoJSON())
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	tb := open(t, writePage(t, t.TempDir(), "proto.html", v, Options{}))
	checkShown(t, tb, v, "all", func(*render.EventView) bool { return true })

	// Every era button, by real clicks, then All.
	for i, e := range v.Eras {
		do(t, tb, chromedp.Click(chromedp.CSS(fmt.Sprintf(`button[data-era="%d"]`, i+1))))
		checkShown(t, tb, v, "era "+e.Label, func(ev *render.EventView) bool { return ev.Era == e })
		pressed := eval[[]string](t, tb, `[...document.querySelectorAll('button[data-era][aria-pressed=true]')].map(b => b.dataset.era)`)
		if want := fmt.Sprint(i + 1); len(pressed) != 1 || pressed[0] != want {
			t.Errorf("era %s: pressed buttons %q, want [%s]", e.Label, pressed, want)
		}
	}
	do(t, tb, chromedp.Click(chromedp.CSS(`button[data-era="0"]`)))

	// Every status button on, then off again.
	for _, s := range v.Statuses {
		if s.Count == 0 {
			continue
		}
		sel := chromedp.CSS(fmt.Sprintf(`#controls button[data-mark="%d"]`, int(s.Mark)))
		do(t, tb, chromedp.Click(sel))
		checkShown(t, tb, v, "status "+s.Label, keeps(d, timeline.Filter{Statuses: []timeline.Status{s.Status}}))
		do(t, tb, chromedp.Click(sel))
	}
	checkShown(t, tb, v, "statuses released", func(*render.EventView) bool { return true })

	// The search, for each name.
	for _, n := range protoNames {
		search(t, tb, n)
		checkShown(t, tb, v, "search "+n, keeps(d, timeline.Filter{Text: n}))
	}
	search(t, tb, "")

	// A legend click hides a lane: a click on the chart near a mark of a
	// hidden lane goes nowhere, then shows it again.
	for _, e := range []*render.EventView{v.Events[0], v.Events[len(v.Events)-1]} {
		x, y := markPoint(t, tb, e.Anchor)
		do(t, tb, chromedp.MouseEvent(chromedp.MouseMoved, x, y))
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`!!document.querySelector('.tl-tip') && document.querySelector('.tl-tip').textContent.includes('Sources')`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Fatalf("no tooltip over %s: %v", e.Anchor, err)
		}
		do(t, tb, chromedp.MouseClickXY(x, y))
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`document.activeElement && document.activeElement.id === %q`, e.Anchor), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Errorf("clicking the mark of %s did not focus its row: %v", e.Anchor, err)
		}
	}
	for l, c := range v.Categories {
		sel := fmt.Sprintf(`echarts.getInstanceByDom(document.getElementById('chart')).getOption().legend[0].selected[%q]`, laneKey(l))
		clickLegend(t, tb, l, sel+` === false`, "hide lane "+c.Label)
		clickLegend(t, tb, l, sel+` !== false`, "show lane "+c.Label)
	}
	checkShown(t, tb, v, "after legend clicks", func(*render.EventView) bool { return true })

	// The legend shows the labels, and ECharts' caches left
	// Object.prototype alone.
	legend := eval[[]string](t, tb, `echarts.getInstanceByDom(document.getElementById('chart')).getZr().storage.getDisplayList().filter(e => e.style && typeof e.style.text === 'string' && e.parent && e.parent.parent && e.parent.parent.__legendDataIndex !== undefined).sort((a, b) => a.parent.parent.__legendDataIndex - b.parent.parent.__legendDataIndex).map(e => e.style.text)`)
	if fmt.Sprint(legend) != fmt.Sprint(protoNames) {
		t.Errorf("legend shows %q, want %q", legend, protoNames)
	}
	if polluted := eval[[]string](t, tb, `(() => { const l = []; for (const k in {}) l.push(k); return l; })()`); len(polluted) > 0 {
		t.Errorf("Object.prototype has enumerable properties %q", polluted)
	}
	tb.checkQuiet(t)
}

// clickLegend clicks legend item l, in the middle of its icon, until
// cond holds: on a loaded machine a click can come before the chart
// listens again.
func clickLegend(t *testing.T, tb *tab, l int, cond, what string) {
	t.Helper()
	for try := 0; ; try++ {
		pt := eval[[]float64](t, tb, fmt.Sprintf(`(() => {
  const box = document.getElementById('chart');
  box.scrollIntoView({block: 'center'});
  const c = echarts.getInstanceByDom(box);
  const icon = c.getZr().storage.getDisplayList().find(e => e.type === 'path' && e.parent && e.parent.__legendDataIndex === %d);
  if (!icon) return null;
  const b = icon.getBoundingRect().clone(); b.applyTransform(icon.getComputedTransform());
  const r = box.getBoundingClientRect();
  return [r.left + b.x + b.width / 2, r.top + b.y + b.height / 2];
})()`, l))
		if len(pt) != 2 {
			t.Fatalf("%s: no legend item %d", what, l)
		}
		do(t, tb, chromedp.MouseEvent(chromedp.MouseMoved, pt[0], pt[1]), chromedp.MouseClickXY(pt[0], pt[1]))
		_, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(3*time.Second)))
		if err == nil {
			return
		}
		if try == 2 {
			t.Fatalf("%s: three clicks on the legend at %v did not: %v", what, pt, err)
		}
		t.Logf("%s: clicking again at %v", what, pt)
	}
}
