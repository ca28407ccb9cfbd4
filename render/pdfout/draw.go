package pdfout

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/timeline-tool/timeline/render"
)

// draw draws the placed blocks, page by page.
func (d *doc) draw() {
	v := d.v
	// Every link target is known before its link: make them all first.
	if len(v.Events) <= stripLinkCap {
		d.eventLink = make([]int, len(v.Events))
	}
	d.sourceLink = make([]int, len(v.Sources)+1)
	targets := make(map[int]bool)
	for _, r := range d.blocks[d.contentsBlock].rows {
		targets[r.ref-1] = true
	}
	for _, i := range d.eraBlock {
		targets[i] = true
	}
	d.blockLink = make(map[int]int, len(targets))
	d.blockPage = make(map[int]int, len(targets))
	for _, p := range d.places {
		b := &d.blocks[p.b]
		if p.from != 0 {
			continue
		}
		link := func(above float64) int { // to the top of the block, a little above
			id := d.pdf.AddLink()
			d.pdf.SetLink(id, p.y-above, p.page)
			return id
		}
		if targets[p.b] {
			d.blockLink[p.b], d.blockPage[p.b] = link(6), p.page
		}
		switch {
		case b.ev != nil && d.eventLink != nil:
			d.eventLink[b.ev.Index] = link(4)
		case b.src != nil && b.src.N > 0 && b.src.N < len(d.sourceLink):
			d.sourceLink[b.src.N] = link(3)
		}
	}
	eraLink := make(map[*render.EraView]int, len(v.Eras))
	for era, i := range d.eraBlock {
		eraLink[era] = d.blockLink[i]
	}

	page := 0
	for _, p := range d.places {
		for page < p.page {
			page++
			d.newPage(page)
		}
		b := &d.blocks[p.b]
		d.block(b, p.from, p.to, p.y, eraLink)
		if p.to == len(b.rows) {
			b.rows, b.side = nil, nil // drawn: its text is gofpdf's now
		}
	}
	for page < d.pages {
		page++
		d.newPage(page)
	}
}

// newPage starts page n with its running header and footer.
func (d *doc) newPage(n int) {
	d.pdf.AddPage()
	d.taken.take(n - 1)
	W := d.width
	right := d.left + W
	// A draft says so first. The title takes up to 58% of the line, and
	// the filter the rest.
	x := d.left
	if d.opts.Draft {
		d.text(sansBold, 7.5, ink, x, headerBase, "DRAFT")
		x += d.textWidth("DRAFT", sansBold, 7.5) + 6
	}
	t := d.fit(d.title, sans, 7.5, W*0.58-(x-d.left))
	d.text(sans, 7.5, grey, x, headerBase, t)
	f := d.fit(d.filter, sans, 7.5, right-x-d.textWidth(t, sans, 7.5)-18)
	d.text(sans, 7.5, grey, right-d.textWidth(f, sans, 7.5), headerBase, f)
	d.setStroke(rule, lineWidth)
	d.pdf.Line(d.left, headerRule, right, headerRule)

	fy := d.pageH - footerRule
	d.pdf.Line(d.left, fy, right, fy)
	base := d.pageH - footerBase
	d.text(sans, 7.5, grey, d.left, base, d.fit(d.footer, sans, 7.5, W*0.7))
	pg := "Page " + strconv.Itoa(n) + " of " + strconv.Itoa(d.pages)
	d.text(sans, 7.5, grey, right-d.textWidth(pg, sans, 7.5), base, pg)
	d.footnotes(n)
}

// footnotes draws the sources cited on page n at its foot, under a short
// rule, each with its number, which links to its entry in the source
// list.
func (d *doc) footnotes(n int) {
	ns := slices.Sorted(slices.Values(d.pageNotes[n]))
	if len(ns) == 0 {
		return
	}
	y := d.bot - d.footHeight(ns) + footGap
	d.setStroke(rule, lineWidth)
	d.pdf.Line(d.left, y-footGap/2, d.left+72, y-footGap/2)
	for _, num := range ns {
		rows := d.footRows[num]
		label := strconv.Itoa(num)
		base := y + footLine/2 + footSize*0.3
		d.text(sansBold, footSize-0.5, ink, d.left+footNumW-d.textWidth(label, sansBold, footSize-0.5), base, label)
		if num < len(d.sourceLink) && d.sourceLink[num] != 0 {
			d.pdf.Link(d.left, y, footNumW+2, footLine, d.sourceLink[num])
		}
		for i := range rows {
			d.row(&rows[i], d.left, y)
			y += rows[i].h
		}
	}
}

// block draws rows [from, to) of b with the first at y.
func (d *doc) block(b *block, from, to int, y float64, eraLink map[*render.EraView]int) {
	x := d.left
	if from == 0 && b.bookmark != "" {
		d.pdf.Bookmark(b.bookmark, 0, y-6) // the UTF-8 font is set: see newPage
	}
	switch b.kind {
	case kindStrip:
		d.drawStrip(x, y, eraLink)
		return
	case kindKey:
		d.drawKey(x, y)
		return
	case kindEra:
		if from < b.band {
			h := addHeights(0, b.rows[from:min(to, b.band)])
			d.setFill(parseColor(b.era.Color))
			d.pdf.Rect(x, y, d.width, h, "F")
			d.setFill(ink)
			d.pdf.Rect(x, y, 2.5, h, "F")
		}
	}
	if from > 0 && b.kind == kindEvent && len(b.side) > 0 {
		// A continued event (one taller than a page) says so.
		d.row(&b.side[0], x, y)
		d.text(sans, 7, grey, x, y+b.side[0].h+7, "continued")
	}
	if from == 0 && len(b.side) > 0 {
		sy := y
		for i := range b.side {
			r := &b.side[i]
			d.row(r, x, sy)
			if r.swat && b.ev != nil && b.ev.Category != nil {
				d.setFill(parseColor(b.ev.Category.Color))
				d.setStroke(outline, 0.3)
				d.pdf.Rect(x+0.5, sy+r.h/2-2.9, 5, 5, "FD")
			}
			sy += r.h
		}
	}
	var c rgb
	if b.ev != nil && b.ev.Category != nil {
		c = parseColor(b.ev.Category.Color)
	} else {
		c = grey
	}
	for i := from; i < to; i++ {
		r := &b.rows[i]
		if r.mark != 0 {
			cy := y + r.h/2 + r.size*0.3 - r.size*0.34
			d.Mark(render.Mark(r.mark-1), x+r.markX, cy, 2.6, c)
		}
		d.row(r, x, y)
		if r.ref != 0 {
			pg := strconv.Itoa(d.blockPage[r.ref-1])
			d.text(sans, r.size, r.color, x+d.width-d.textWidth(pg, sans, r.size), y+r.h/2+r.size*0.3, pg)
			if id := d.blockLink[r.ref-1]; id != 0 {
				d.pdf.Link(x, y, d.width, r.h, id)
			}
		}
		y += r.h
	}
	d.flushURL()
}

// row draws r with its top at y, x being the text area's left edge.
func (d *doc) row(r *row, x, y float64) {
	base := y + r.h/2 + r.size*0.3
	if r.img != nil {
		d.picture(r, x, y)
	}
	if len(r.runs) > 0 {
		d.drawRuns(r, x+r.x, y, base)
	} else if r.text != "" {
		tx := x + r.x
		var w float64
		if r.right || r.url != "" {
			w = d.textWidth(r.text, r.face, r.size)
		}
		if r.right {
			tx -= w
		}
		d.text(r.face, r.size, r.color, tx, base, r.text)
		if r.url != "" {
			d.addURL(r.url, tx, y, w, r.h)
		}
	}
	if len(r.notes) > 0 {
		if r.text == "" {
			base = y + r.h - 1
		}
		// The markers in one run of text, each number a link to its source.
		var b strings.Builder
		for i := range r.notes {
			b.WriteString(noteText(r.notes, i))
			if i < len(r.notes)-1 {
				b.WriteString("\u2009") // a thin space
			}
		}
		if r.noteMore {
			b.WriteString(",")
		}
		nx, ny := x+r.noteX, base-noteRise
		run := b.String()
		d.text(sans, noteSize, ink, nx, ny, run)
		for i, n := range r.notes {
			num := strconv.Itoa(n)
			w := d.pdf.GetStringWidth(num)
			if n > 0 && n < len(d.sourceLink) && d.sourceLink[n] != 0 {
				d.pdf.Link(nx-0.4, ny-noteSize, w+0.8, noteSize+1.5, d.sourceLink[n])
			}
			nx += d.pdf.GetStringWidth(noteText(r.notes, i) + "\u2009")
		}
	}
}

// urlRun holds the rectangles of consecutive rows that link to one URL.
type urlRun struct {
	url   string
	rects []rect
}

type rect struct{ x, y, w, h float64 }

// addURL notes that the row of text at (x, y, w, h) links to url. The
// rows of a URL wrapped over many lines share two link annotations: one
// over all lines but the last, one over the last, shorter line. A link
// annotation carries its URL, so one per line would cost the length of
// the URL times its lines: 171 MB for a 100 KB URL.
func (d *doc) addURL(url string, x, y, w, h float64) {
	run := &d.urlRun
	if n := len(run.rects); n > 0 {
		last := run.rects[n-1]
		if run.url != url || last.x != x || y < last.y+last.h-0.01 || y > last.y+last.h+0.01 {
			d.flushURL()
		}
	}
	run.url = url
	run.rects = append(run.rects, rect{x, y, w, h})
}

// flushURL draws the link annotations of the URL rows noted since the
// last flush.
func (d *doc) flushURL() {
	run := &d.urlRun
	n := len(run.rects)
	if n == 0 {
		return
	}
	if n > 1 {
		first, w := run.rects[0], 0.0
		for _, r := range run.rects[:n-1] {
			w = max(w, r.w)
		}
		end := run.rects[n-2]
		d.pdf.LinkString(first.x, first.y, w, end.y+end.h-first.y, run.url)
	}
	last := run.rects[n-1]
	d.pdf.LinkString(last.x, last.y, last.w, last.h, run.url)
	run.url, run.rects = "", run.rects[:0]
}

// text draws s, one line in logical order, with its baseline's left end
// at (x, y): in visual order, each run in its font.
func (d *doc) text(f face, size float64, c rgb, x, y float64, s string) {
	// With the fill colour the same as the text's, gofpdf does not wrap
	// every text in its own graphics state.
	d.setFill(c)
	if !d.haveInk || c != d.textInk {
		d.textInk, d.haveInk = c, true
		d.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
	}
	if d.simple(s, f) {
		d.setFont(f, size)
		d.put(x, y, s)
		return
	}
	cs := slices.DeleteFunc(visual(d.cells(s, f)), func(c cell) bool { return c.font == noFont })
	for i := 0; i < len(cs); {
		if a := cs[i].actual; a != 0 {
			// The Private Use Area code point that draws a character
			// beyond U+FFFF, with the character itself for whoever
			// reads the text back.
			d.setFontID(cs[i].font, size)
			var hex strings.Builder
			for _, u := range utf16.Encode([]rune{a}) {
				fmt.Fprintf(&hex, "%04X", u)
			}
			d.pdf.RawWriteStr("/Span <</ActualText <FEFF" + hex.String() + ">>> BDC")
			d.put(x, y, string(cs[i].r))
			d.pdf.RawWriteStr("EMC")
			x += d.cellsWidth(cs[i:i+1], size)
			i++
			continue
		}
		j := i + 1
		for j < len(cs) && cs[j].font == cs[i].font && cs[j].actual == 0 {
			j++
		}
		rs := make([]rune, j-i)
		for k := i; k < j; k++ {
			rs[k-i] = cs[k].r
		}
		d.setFontID(cs[i].font, size)
		d.put(x, y, string(rs))
		x += d.cellsWidth(cs[i:j], size)
		i = j
	}
}
