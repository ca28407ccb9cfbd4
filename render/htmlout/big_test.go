package htmlout

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// TestBigPage checks a big page (isBig): no rows or source items in its
// HTML, the text of every event and source once in the page, in its data,
// a note that says what the page draws, and at most 150 bytes per event
// beyond the events' own text and the fixed style sheet and script.
func TestBigPage(t *testing.T) {
	v := render.Build(rendertest.Realistic(1000), timeline.Filter{}, render.Options{Version: "test"})
	if !isBig(v) {
		t.Fatalf("%d events and %d sources make a small page", len(v.Events), len(v.Sources))
	}
	page := string(write(t, v, Options{Assets: goldenAssets}))
	markup := strings.Replace(page, pageJS, "", 1)
	for _, bad := range []string{"<tr id=", "<li id=", "<ol class=\"sources\""} {
		if strings.Contains(markup, bad) {
			t.Errorf("the big page has %q", bad)
		}
	}
	for _, want := range []string{`<p id="big-note"`, `aria-rowcount="1001"`, `<div id="source-list"></div>`, "<noscript><p class=\"note\">"} {
		if !strings.Contains(page, want) {
			t.Errorf("the big page lacks %q", want)
		}
	}
	// Every text once: in the page's blocks of text, which the script reads.
	d := pageText(t, page)
	if len(d.Text) != textFields*len(v.Events) || len(d.Src) != srcFields*len(v.Sources) {
		t.Fatalf("%d texts and %d source values for %d events and %d sources", len(d.Text), len(d.Src), len(v.Events), len(v.Sources))
	}
	text := 0
	for k, e := range v.Events {
		if got := d.Text[textFields*k : textFields*k+textFields]; got[0] != e.ID || got[1] != e.Label || got[2] != e.Title || got[3] != e.Summary || got[4] != e.Attribution {
			t.Errorf("event %d: text %q", k, got)
		}
		for _, s := range []string{e.Title, e.Summary} {
			n := strings.Count(page, jsonText(s))
			if h := html.EscapeString(s); h != jsonText(s) {
				n += strings.Count(page, h)
			}
			if n != 1 && len(s) > 30 {
				t.Errorf("event %d: %q is %d times in the page", k, s, n)
			}
		}
		text += len(e.Label) + len(e.Title) + len(e.Summary) + len(e.Attribution)
	}
	for k, s := range v.Sources {
		if d.Src[srcFields*k+1] != s.Citation {
			t.Errorf("source %d: citation %q", s.N, d.Src[srcFields*k+1])
		}
		text += len(s.Citation) + len(s.URL)
	}
	if over := float64(len(page)-len(pageCSS)-len(pageJS)-text) / float64(len(v.Events)); over > 150 {
		t.Errorf("the page adds %.0f bytes per event to the events' text, want at most 150", over)
	}
}

// jsonText returns s as encoding/json writes it inside a string.
func jsonText(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}

// pageText returns the blocks of text of a big page joined, as the
// script joins them, and checks that they come after the rest of the
// page, each no larger than chunkEvents events or chunkSources sources.
func pageText(t *testing.T, page string) textChunk {
	t.Helper()
	const open = `<script type="application/json" class="tl-text">`
	var all textChunk
	rest := page
	for {
		i := strings.Index(rest, open)
		if i < 0 {
			break
		}
		j := strings.Index(rest[i:], "</script>")
		var c textChunk
		if err := json.Unmarshal([]byte(rest[i+len(open):i+j]), &c); err != nil {
			t.Fatal(err)
		}
		if len(c.Text) > textFields*chunkEvents || len(c.Src) > srcFields*chunkSources || len(c.Text) > 0 && len(c.Src) > 0 {
			t.Errorf("a block of %d texts and %d source values", len(c.Text), len(c.Src))
		}
		all.Text, all.Notes, all.Src = append(all.Text, c.Text...), append(all.Notes, c.Notes...), append(all.Src, c.Src...)
		for k, m := range map[*map[int]string]map[int]string{&all.Rich: c.Rich, &all.Media: c.Media} {
			for i, h := range m {
				if *k == nil {
					*k = map[int]string{}
				}
				(*k)[i] = h
			}
		}
		rest = rest[i+j:]
	}
	// The text is the page's last: its end (a page whose chart is drawn
	// early), or the footer after it.
	if end, _ := strings.CutPrefix(rest, "</script>\n"); strings.Contains(page, open) && !strings.HasPrefix(end, "</body>") && !footerOnly.MatchString(end) {
		t.Errorf("the page goes on after its text: %.200q", rest)
	}
	return all
}

var footerOnly = regexp.MustCompile(`^<footer id="page-end">\n<p class="prov" dir="auto">[^<]*</p>\n</footer>\n</body>`)

// TestBigPageTextOrder: a big page's first frame waits for its text when
// its chart waits for it too (the footer, #page-end, that the page's
// render-blocking link expects, comes after the text), and not when the
// chart is drawn before the text is read (Early: the chart is painted
// while the text loads).
func TestBigPageTextOrder(t *testing.T) {
	defer func(e int) { earlyChart = e }(earlyChart)
	earlyChart = 500
	for _, tc := range []struct {
		n          int
		textBefore bool // the text comes before #page-end
	}{
		{400, true},
		{1000, false},
	} {
		v := render.Build(rendertest.Realistic(tc.n), timeline.Filter{}, render.Options{Version: "test"})
		page := string(write(t, v, Options{Assets: goldenAssets}))
		if !strings.Contains(page, `<link rel="expect" href="#page-end" blocking="render">`) {
			t.Fatal("the page's first frame waits for no element")
		}
		text, end := strings.Index(page, `class="tl-text"`), strings.Index(page, `id="page-end"`)
		if text < 0 || end < 0 {
			t.Fatalf("%d events: text at %d, page end at %d", tc.n, text, end)
		}
		if got := text < end; got != tc.textBefore {
			t.Errorf("%d events (early %v): text before the page's end %v, want %v", tc.n, tc.n > earlyChart, got, tc.textBefore)
		}
		pageText(t, page)
	}
}
