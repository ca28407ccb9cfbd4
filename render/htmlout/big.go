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

// earlyChart is the number of events above which a big page draws its
// chart before its text is read (pageData.Early): the chart answers its
// filters while the text loads, and is drawn again with its labels once
// it is read. Below it, one drawing with the labels after the text costs
// less. Tests lower it.
var earlyChart = 20000

// splitChart is the number of events above which a filter updates the
// buttons' counts, the status line and the table in one task and the
// charts in the next (pageData.Split): at 100,000 events each is a task
// of its own, the chart's a few hundred milliseconds. Tests lower it.
var splitChart = 20000

// layeredLane is the number of events in a lane above which the chart is
// drawn in layers (pageData.Layers): the labels on a canvas of their own,
// so that relabelling (the titles coming in, the keyboard's focus ring)
// paints them alone, not the tens of thousands of marks under them.
// Below it, each layer costs its canvas and a paint of its own (about
// 30 ms of a 1,000-event page's first drawing) for little. Tests lower it.
var layeredLane = 10000

// layered reports whether v's chart is drawn in layers (layeredLane).
func layered(v *render.View) bool {
	n := make([]int, len(v.Categories)+1)
	for _, e := range v.Events {
		if e.Category != nil && e.Category.Lane < len(n) {
			n[e.Category.Lane]++
			if n[e.Category.Lane] > layeredLane {
				return true
			}
		}
	}
	return false
}

// isBig reports whether v makes a big page.
func isBig(v *render.View) bool { return len(v.Events)+len(v.Sources) > bigRows }

// textFields and srcFields are the number of values per event in
// textChunk.Text and per source in textChunk.Src.
const (
	textFields = 5
	srcFields  = 8
)

// chunkEvents and chunkSources are the number of events and of sources
// in a textChunk: the browser parses and the script reads each block in a
// task of its own, a few milliseconds at these sizes, so that a page of
// 100,000 events draws its chart and answers its controls while the
// rest of its text loads.
const (
	chunkEvents  = 1000
	chunkSources = 2000
)

// textChunk is a block of a big page's text: Text, Rich, Media and Notes
// of consecutive events, or Src of consecutive sources. The script joins
// the blocks in page order.
type textChunk struct {
	// Text holds textFields strings per event, in View.Events order: id,
	// date label, title, summary and attribution.
	Text []string `json:"tx,omitempty"`
	// Rich is the HTML of the summaries of events that have links or
	// emphasis, by their index in View.Events; the others are in Text.
	Rich map[int]string `json:"rt,omitempty"`
	// Media is the HTML of the media of events, by their index
	// (mediaFigure, escaped as the rows of a page that is not big).
	Media map[int]string `json:"md,omitempty"`
	// Notes holds, for each event in turn, the number of sources it
	// cites and their numbers.
	Notes []int `json:"nt,omitempty"`
	// Src holds srcFields values per source, in list order: number,
	// citation, URL, where the title starts in the citation and its
	// length (UTF-16 code units, -1 and 0 for none), the title when the
	// citation does not hold it, the notes label and 1 for the source
	// document (else 0).
	Src []any `json:"src,omitempty"`
}

// bigData adds the text of v's events and sources to d.
func bigData(v *render.View, d *pageData) {
	d.Big, d.Early = true, len(v.Events) > earlyChart
	var c *textChunk
	for i, e := range v.Events {
		if i%chunkEvents == 0 {
			n := min(chunkEvents, len(v.Events)-i)
			d.Chunks = append(d.Chunks, textChunk{Text: make([]string, 0, textFields*n), Notes: make([]int, 0, 3*n)})
			c = &d.Chunks[len(d.Chunks)-1]
		}
		c.Text = append(c.Text, e.ID, e.Label, e.Title, timeline.PlainText(e.Summary), e.Attribution)
		if !timeline.IsPlainText(e.Summary) {
			var b strings.Builder
			richText(&b, e.Summary)
			if c.Rich == nil {
				c.Rich = map[int]string{}
			}
			c.Rich[i] = b.String()
		}
		if e.Media != nil {
			var b strings.Builder
			mediaFigure(&b, e.Media)
			if c.Media == nil {
				c.Media = map[int]string{}
			}
			c.Media[i] = b.String()
		}
		c.Notes = append(c.Notes, len(e.Notes))
		c.Notes = append(c.Notes, e.Notes...)
	}
	for k, s := range v.Sources {
		if k%chunkSources == 0 {
			d.Chunks = append(d.Chunks, textChunk{Src: make([]any, 0, srcFields*min(chunkSources, len(v.Sources)-k))})
			c = &d.Chunks[len(d.Chunks)-1]
		}
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
		c.Src = append(c.Src, s.N, s.Citation, s.URL, at, n, title, s.NotesLabel(), doc)
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
