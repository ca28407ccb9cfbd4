package htmlout

import (
	"fmt"
	"slices"
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
	file := writePage(t, t.TempDir(), "proto.html", v, Options{})
	tb := open(t, file)
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
	// Every category button on, then off again: the buttons are the
	// chart's legend.
	for l, c := range v.Categories {
		sel := chromedp.CSS(fmt.Sprintf(`#controls button[data-lane="%d"]`, l))
		do(t, tb, chromedp.Click(sel))
		checkShown(t, tb, v, "category "+c.Label, keeps(d, timeline.Filter{Categories: []string{c.ID}}))
		do(t, tb, chromedp.Click(sel))
	}
	checkShown(t, tb, v, "after category clicks", func(*render.EventView) bool { return true })
	labels := eval[[]string](t, tb, `[...document.querySelectorAll('#controls button[data-lane] bdi')].map(b => b.textContent)`)
	if fmt.Sprint(labels) != fmt.Sprint(protoNames) {
		t.Errorf("category buttons show %q, want %q", labels, protoNames)
	}
	// The URL's fragment takes the names too, and gives them back.
	for _, n := range protoNames {
		// Event n is of era protoNames[0] and category n.
		reopen(t, tb, file+"#era="+protoNames[0]+"&cat="+n+"&ev="+n)
		e := v.Events[slices.IndexFunc(v.Events, func(e *render.EventView) bool { return e.ID == n })]
		checkShown(t, tb, v, "fragment "+n, keeps(d, timeline.Filter{Eras: []string{protoNames[0]}, Categories: []string{n}}))
		if got := eval[string](t, tb, `document.querySelector('#events tr.hit') ? document.querySelector('#events tr.hit').id : ''`); got != e.Anchor {
			t.Errorf("fragment %s: selected row %q, want %q", n, got, e.Anchor)
		}
	}
	if polluted := eval[[]string](t, tb, `(() => { const l = []; for (const k in {}) l.push(k); return l; })()`); len(polluted) > 0 {
		t.Errorf("Object.prototype has enumerable properties %q", polluted)
	}
	tb.checkQuiet(t)
}
