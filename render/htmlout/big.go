package htmlout

import (
	"strings"
	"unicode/utf16"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// bigRows is the number of table rows and sources above which a page is
// big: its HTML holds no rows and no source items, and the script draws
// those near the reader from the page data (pageData.Big). Parsing,
// styling and laying out a row costs Chromium about as much as drawing
// a few hundred marks; above this size the table and the source list,
// written whole, cost more than the chart (BenchmarkBrowserReady). Tests
// lower it.
var bigRows = 800

// isBig reports whether v makes a big page.
func isBig(v *render.View) bool { return len(v.Events)+len(v.Sources) > bigRows }

// textFields and srcFields are the number of values per event in
// pageData.Text and per source in pageData.Src.
const (
	textFields = 5
	srcFields  = 8
)

// bigData adds the text of v's events and sources to d.
func bigData(v *render.View, d *pageData) {
	d.Big = true
	d.Text = make([]string, 0, textFields*len(v.Events))
	d.Notes = make([]int, 0, 3*len(v.Events))
	for i, e := range v.Events {
		d.Text = append(d.Text, e.ID, e.Label, e.Title, timeline.PlainText(e.Summary), e.Attribution)
		if !timeline.IsPlainText(e.Summary) {
			var b strings.Builder
			richText(&b, e.Summary)
			if d.Rich == nil {
				d.Rich = map[int]string{}
			}
			d.Rich[i] = b.String()
		}
		if e.Media != nil {
			var b strings.Builder
			mediaFigure(&b, e.Media)
			if d.Media == nil {
				d.Media = map[int]string{}
			}
			d.Media[i] = b.String()
		}
		d.Notes = append(d.Notes, len(e.Notes))
		d.Notes = append(d.Notes, e.Notes...)
	}
	d.Src = make([]any, 0, srcFields*len(v.Sources))
	for _, s := range v.Sources {
		at, n, title := -1, 0, ""
		if i := titleAt(s); i >= 0 {
			at, n = utf16Len(s.Citation[:i]), utf16Len(s.Title)
		} else {
			title = s.Title
		}
		doc := 0
		if s == v.Document {
			doc = 1
		}
		d.Src = append(d.Src, s.N, s.Citation, s.URL, at, n, title, s.NotesLabel(), doc)
	}
	d.Status = make([]string, len(markOutlines))
	d.Glyphs = make([]string, len(markOutlines))
	for m := range d.Glyphs {
		d.Glyphs[m] = render.Mark(m).Glyph()
	}
	for _, s := range v.Statuses {
		d.Status[s.Mark] = s.Label
		if s.Status == timeline.StatusEstablished {
			d.Settled = int(s.Mark)
		}
	}
}

// utf16Len returns the length of s in UTF-16 code units, as JavaScript
// counts it.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
