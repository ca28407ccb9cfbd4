package pdfout

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// The briefing is laid out before anything is drawn: every piece of it
// becomes a block of measured rows, the blocks are paginated, and only
// then drawn, so that the page count is known for every footer ("Page X
// of Y") without gofpdf's page-number alias, and every link target is
// known before its link.

type kind uint8

const (
	kindPara     kind = iota // rows of text
	kindBreak                // a page break; see block.room and block.keep
	kindStrip                // the overview strip
	kindKey                  // the key under the strip
	kindEra                  // an era heading
	kindEvent                // one event
	kindSource               // one entry of the source list
	kindContents             // the contents: a row per section, with its page
)

// row is one line of a block. Its fields are in an order that leaves no
// padding (152 bytes; 176 in the order of their meaning): a layout holds
// every row of the briefing at once.
type row struct {
	text  string
	url   string        // the text links here; already encoded
	runs  []textRun     // rich text: text drawn run by run, in their faces, with their links
	notes []int         // footnote markers, drawn after the text at noteX
	img   *render.Image // a picture drawn at x, imgW wide and h high
	ref   int           // 1 + the index of the block whose page the row shows and links to, or 0
	size  float64
	h     float64 // the row takes [y, y+h)
	x     float64 // from the text area's left edge; the right edge if right
	noteX float64
	markX float64 // from the text area's left edge
	imgW  float64

	face     face
	right    bool
	color    rgb
	noteMore bool // more markers follow on the next row
	mark     int8 // 1 + the render.Mark to draw at markX, or 0
	swat     bool // draw the block's category swatch before the text
}

// block is a piece of the briefing that is placed as a whole when it fits
// on a page.
type block struct {
	kind     kind
	pad      float64 // space above, dropped at the top of a page
	rows     []row
	side     []row   // the date column of an event, the number of a source
	band     int     // rows of an era heading drawn on the era's colour
	atomic   bool    // never split, unless taller than a page
	keepNext bool    // never the last block on a page
	room     float64 // a break: the part of the text area that must be left for the page to go on, 0 for always a new page
	keep     int     // a break: the number of blocks after it that start a new page unless they fit whole on this one
	bookmark string
	ev       *render.EventView
	src      *render.SourceView
	era      *render.EraView
}

func (b *block) height() float64 { return addHeights(b.pad, b.rows) }

// addHeights returns h with the heights of rows added, in order.
func addHeights(h float64, rows []row) float64 {
	for i := range rows {
		h += rows[i].h
	}
	return h
}

// place says where a run of a block's rows goes.
type place struct {
	b, from, to int
	page        int
	y           float64 // of the first row
}

// Column widths of the chronology and the source list, in points.
const (
	dateW        = 76 // the date column, clear of the status mark at textX-8
	catW         = 80 // the right edge of a category under the date, which is never beside a mark
	textX        = 96 // where titles and summaries start
	noteSize     = 6.5
	noteRise     = 3.6
	noteOverhang = 8  // how far markers may stand into the right margin
	numW         = 22 // the right edge of a source's number
	citeX        = 28 // where a citation starts
)

func (d *doc) add(b block) { d.blocks = append(d.blocks, b) }

// para returns s wrapped into rows.
func (d *doc) para(s string, f face, size, h, x, w float64, c rgb) []row {
	lines := d.wrap(s, f, size, w)
	rows := make([]row, len(lines))
	for i, l := range lines {
		rows[i] = row{text: l, face: f, size: size, h: h, x: x, color: c}
	}
	return rows
}

// layout measures the whole briefing into blocks and paginates them.
func (d *doc) layout() {
	d.eraBlock = make(map[*render.EraView]int, len(d.v.Eras))
	d.cover()
	// The events start on the first page, after the overview, unless less
	// than a quarter of it is left: a short briefing does not leave most
	// of its first page blank.
	d.add(block{kind: kindBreak, room: 1.0 / 4})
	d.chronology()
	// The sources follow the chronology on its last page unless less
	// than a quarter of that page is left.
	d.add(block{kind: kindBreak, room: 1.0 / 4})
	d.sourceList()
	d.method()
	if d.notesAtFoot {
		d.layoutFootnotes()
	}
	d.paginate()
}

// contents lays out the list of sections on the first page. Its rows
// point at the blocks that start the sections; see addSection.
func (d *doc) contents() {
	d.add(block{kind: kindPara, pad: 16, keepNext: true,
		rows: []row{{text: "Contents", face: sansBold, size: 11, h: 16, color: ink}}})
	d.contentsBlock = len(d.blocks)
	d.add(block{kind: kindContents, pad: 2})
}

// addSection adds b, which starts a section named label, and lists it in
// the contents.
func (d *doc) addSection(label string, b block) {
	c := &d.blocks[d.contentsBlock]
	rows := d.para(label, sans, 9, 13, 0, d.width-40, ink)
	if len(rows) > 0 {
		rows[0].ref = len(d.blocks) + 1
	}
	c.rows = append(c.rows, rows...)
	d.add(b)
}

// cover lays out the first page: title, source document, as-of date,
// filter and counts, the overview strip, its key and the contents.
func (d *doc) cover() {
	v, W := d.v, d.width
	if d.opts.Draft {
		d.add(block{kind: kindPara, rows: []row{{text: "DRAFT — not for distribution", face: sansBold, size: 9, h: 14, color: ink}}})
	}
	d.add(block{kind: kindPara, rows: d.para(d.title, sansBold, 20, 25, 0, W, ink)})
	if s := clean(v.Subtitle, false); s != "" {
		d.add(block{kind: kindPara, pad: 2, rows: d.para(s, serifItalic, 12, 15, 0, W, ink)})
	}
	info := []row{}
	if doc := v.Document; doc != nil {
		info = append(info, row{text: "Source document", face: sansBold, size: 7.5, h: 11, color: grey})
		info = append(info, d.para(clean(doc.Citation, false), serif, 9.5, 12, 0, W, ink)...)
		if doc.URL != "" {
			info = append(info, d.urlRows(doc.URL, 0, W)...)
		}
		info = append(info, row{h: 5})
	}
	if who, date := clean(d.opts.preparer(), false), d.opts.Date; who != "" || !date.IsZero() {
		info = append(info, row{text: "Prepared by", face: sansBold, size: 7.5, h: 11, color: grey})
		if who == "" {
			info[len(info)-1].text = "Prepared"
		}
		line := who
		if !date.IsZero() {
			if line != "" {
				line += " · "
			}
			line += clean(date.Label(), true)
		}
		info = append(info, d.para(line, serif, 9.5, 12, 0, W, ink)...)
		info = append(info, row{h: 5})
	}
	if v.AsOfLabel != "" {
		info = append(info, row{text: "As of " + clean(v.AsOfLabel, true), face: sans, size: 9, h: 13, color: ink})
	}
	info = append(info, d.para(clean(v.Heading, true), sansBold, 11, 14, 0, W, ink)...)
	d.add(block{kind: kindPara, pad: 12, rows: info})

	d.add(block{kind: kindPara, pad: 14, keepNext: true, bookmark: "Overview",
		rows: []row{{text: "Overview", face: sansBold, size: 11, h: 16, color: ink}}})
	d.strip = d.layoutStrip()
	d.add(block{kind: kindStrip, pad: 2, atomic: true, rows: []row{{h: d.strip.Height}}})
	d.key = d.v.Key(d.width, measure{d})
	d.add(block{kind: kindKey, pad: 6, atomic: true, rows: []row{{h: d.key.Height}}})
	d.contents()
}

// urlRows returns the rows that show u, broken anywhere when it is
// longer than w, each linking to u. A URL longer than timeline.MaxURL,
// which a valid dataset does not hold, shows only its first MaxURL bytes.
func (d *doc) urlRows(u string, x, w float64) []row {
	shown := u
	if len(u) > timeline.MaxURL {
		cut := timeline.MaxURL
		for cut > 0 && !utf8.RuneStart(u[cut]) {
			cut--
		}
		shown = u[:cut] + "… (" + strconv.Itoa(len(u)-cut) + " more bytes)"
	}
	rows := d.para(clean(shown, true), sans, 7.5, 10, x, w, linkBlue)
	enc := encodeURL(u)
	for i := range rows {
		rows[i].url = enc
	}
	return rows
}

// chronology lays out the events, era by era in the view's order of
// eras, each era's events in the view's order; events of no era come
// last.
func (d *doc) chronology() {
	v := d.v
	byEra := make(map[*render.EraView][]*render.EventView, len(v.Eras)+1)
	for _, e := range v.Events {
		byEra[e.Era] = append(byEra[e.Era], e)
	}
	for _, era := range v.Eras {
		d.eraHeading(era, len(byEra[era]))
		for _, e := range byEra[era] {
			d.event(e)
		}
	}
	if rest := byEra[nil]; len(rest) > 0 || len(v.Eras) == 0 {
		label := "Other events"
		if len(v.Eras) == 0 {
			label = "Events"
		}
		d.addSection(label+" · "+render.Plural(len(rest), "event"), block{kind: kindPara, pad: 16, keepNext: true, atomic: true, bookmark: label,
			rows: []row{{text: label, face: sansBold, size: 12, h: 18, color: ink}, {h: 4}}})
		if len(rest) == 0 {
			d.noEvents("No events match the filter.", "The data holds no events.", 0, 0)
		}
		for _, e := range rest {
			d.event(e)
		}
	}
}

// noEvents adds the line of a section without events at pad and x: it
// says unfiltered when the view shows every event of the data (the
// section has none at all), else filtered (none that match).
func (d *doc) noEvents(filtered, unfiltered string, pad, x float64) {
	text := filtered
	if d.v.FilterText == "All events" || d.v.Shown == d.v.Total {
		text = unfiltered
	}
	d.add(block{kind: kindPara, pad: pad, rows: []row{{text: text, face: serifItalic, size: 9.5, h: 12, x: x, color: ink}}})
}

// eraHeading lays out the heading of an era with n events shown: its
// label and span on the era's colour, the count, and its description.
func (d *doc) eraHeading(era *render.EraView, n int) {
	W := d.width
	label := clean(era.Label, true)
	rows := d.para(label, sansBold, 12, 16, 8, W-16, ink)
	if len(rows) > 0 {
		rows[0].h += 3 // room above the label on the band
	}
	sub := render.Plural(n, "event")
	span := clean(era.SpanLabel, true)
	if span != "" {
		sub = span + " · " + sub
	}
	rows = append(rows, row{text: sub, face: sans, size: 8.5, h: 14, x: 8, color: ink})
	band := len(rows)
	if desc := clean(era.Description, false); desc != "" {
		rows = append(rows, row{h: 4})
		rows = append(rows, d.richPara(era.Description, serifItalic, 9, 11.5, 8, W-16, ink)...)
	}
	rows = append(rows, row{h: 2})
	mark := isolate(label)
	if span != "" {
		mark += " (" + span + ")"
	}
	d.eraBlock[era] = len(d.blocks)
	d.addSection(mark+" · "+render.Plural(n, "event"), block{kind: kindEra, pad: 18, rows: rows, band: band, atomic: true, keepNext: n > 0, bookmark: mark, era: era})
	if n == 0 {
		d.noEvents("No events of this era match the filter.", "No events in this era.", 4, textX)
	}
}

// event lays out one event: the date column (label and category) beside
// the status mark, the title, the status tag, the summary and the
// footnote markers.
func (d *doc) event(e *render.EventView) {
	tw := d.width - textX
	var side []row
	for _, l := range d.dateLines(clean(e.Label, true), sansBold, 9, dateW) {
		side = append(side, row{text: l, face: sansBold, size: 9, h: 11.5, color: ink})
	}
	if c := e.Category; c != nil {
		cat := d.para(clean(c.Label, true), sans, 7, 9, 8, catW-8, grey)
		if len(cat) > 2 {
			cat = cat[:2]
			cat[1].text = d.fit(cat[1].text+" …", sans, 7, catW-8)
		}
		if len(cat) > 0 {
			cat[0].swat = true
		}
		side = append(side, cat...)
	}

	rows := d.para(clean(e.Title, false), serifBold, 10.5, 13, textX, tw, ink)
	if len(rows) == 0 {
		rows = []row{{h: 13, x: textX}}
	}
	rows[0].mark, rows[0].markX = int8(e.Status.Mark)+1, textX-8
	if tag := e.StatusTag(); tag != "" {
		tr := d.para(clean(tag, false), serifItalic, 9, 11.5, textX+10, tw-10, ink)
		if len(tr) > 0 {
			tr[0].mark, tr[0].markX = int8(e.Status.Mark)+1, textX+4
		}
		rows = append(rows, tr...)
	}
	rows = append(rows, d.richPara(e.Summary, serif, 9.5, 12, textX, tw, ink)...)
	rows = d.addNotes(rows, e.Notes, textX, tw)
	rows = append(rows, d.mediaRows(e.Media, textX, tw)...)

	if sh, rh := addHeights(0, side), addHeights(0, rows); sh > rh {
		rows = append(rows, row{h: sh - rh})
	}
	d.add(block{kind: kindEvent, pad: 8, rows: rows, side: side, atomic: true, ev: e})
}

// addNotes puts the footnote markers after the last row of text, all
// together, or on rows of their own when they do not fit there.
func (d *doc) addNotes(rows []row, notes []int, x, w float64) []row {
	if len(notes) == 0 {
		return rows
	}
	widths := make([]float64, len(notes))
	all := 0.0
	for k := range notes {
		widths[k] = d.textWidth(noteText(notes, k)+"\u2009", sans, noteSize)
		all += widths[k]
	}
	i := len(rows) - 1
	if r := &rows[i]; r.text != "" {
		used := r.x - x + d.rowWidth(r) + 1
		// Markers may stand a little into the margin rather than go
		// to a row of their own.
		if used+all <= w+noteOverhang {
			r.noteX, r.notes = x+used, notes
			return rows
		}
	}
	used := 0.0
	rows = append(rows, row{h: 9, x: x, noteX: x})
	for k, n := range notes {
		if used > 0 && used+widths[k] > w {
			rows[len(rows)-1].noteMore = true
			rows = append(rows, row{h: 9, x: x, noteX: x})
			used = 0
		}
		r := &rows[len(rows)-1]
		r.notes = append(r.notes, n)
		used += widths[k]
	}
	return rows
}

// noteText is how marker i of notes is written: its number, and a comma
// unless it is the last.
func noteText(notes []int, i int) string {
	s := strconv.Itoa(notes[i])
	if i < len(notes)-1 {
		s += ","
	}
	return s
}

// sourceList lays out the numbered sources.
func (d *doc) sourceList() {
	v, W := d.v, d.width
	head := []row{{text: "Sources", face: sansBold, size: 14, h: 20, color: ink}}
	intro := "Numbered in order of first citation. The superscript numbers in the chronology link to these entries."
	if len(v.Sources) == 0 {
		intro = "The events shown cite no sources."
	} else if v.Document != nil && hasFootnotes(v.Sources) {
		intro += " The " + d.v.NoteWord + " notes of an entry are the footnotes of the source document that cite the same work."
	}
	head = append(head, d.para(intro, serif, 9, 11.5, 0, W, ink)...)
	head = append(head, row{h: 4})
	d.addSection("Sources · "+render.Plural(len(v.Sources), "source"), block{kind: kindPara, pad: 30, keepNext: len(v.Sources) > 0, atomic: true, bookmark: "Sources", rows: head})
	for _, s := range v.Sources {
		side := []row{{text: strconv.Itoa(s.N), face: sansBold, size: 8.5, h: 11.5, x: numW, right: true, color: ink}}
		cite := cmp.Or(clean(isolate(s.Citation), false), clean(s.ID, true))
		rows := d.para(cite, serif, 9, 11.5, citeX, W-citeX, ink)
		if s.URL != "" {
			rows = append(rows, d.urlRows(s.URL, citeX, W-citeX)...)
		}
		var info []string
		if s == v.Document {
			info = append(info, "the source document")
		}
		if n := clean(s.NotesLabel(), true); n != "" {
			info = append(info, n)
		}
		info = append(info, "cited by "+render.Plural(len(s.CitedBy), "event"))
		rows = append(rows, row{text: strings.Join(info, " · "), face: sans, size: 7.5, h: 10, x: citeX, color: grey})
		d.add(block{kind: kindSource, pad: 5, rows: rows, side: side, atomic: true, src: s})
	}
}

func hasFootnotes(ss []*render.SourceView) bool {
	return slices.ContainsFunc(ss, func(s *render.SourceView) bool { return len(s.Footnotes) > 0 })
}

// method lays out the closing note: how dates are placed and sorted,
// what each status means, the filter and the provenance.
func (d *doc) method() {
	v, W := d.v, d.width
	// The note starts a page of its own unless it fits whole on the one
	// the sources end on, so that no last page holds only its end.
	brk := len(d.blocks)
	d.add(block{kind: kindBreak}) // its keep is set at the end
	d.addSection("Method and provenance", block{kind: kindPara, pad: 22, keepNext: true, atomic: true, bookmark: "Method",
		rows: []row{{text: "Method and provenance", face: sansBold, size: 14, h: 20, color: ink}}})
	section := func(lead, text string) {
		rows := []row{{text: lead, face: sansBold, size: 9.5, h: 13, color: ink}}
		rows = append(rows, d.para(text, serif, 9.5, 12, 0, W, ink)...)
		d.add(block{kind: kindPara, pad: 8, rows: rows})
	}
	section("Dates", "A date is shown as precisely as its source gives it, and no more: “1960s” is a decade, "+
		"“1985” a year, “Oct 1997” a month, “c. 1985” an approximate year, “1985?” an uncertain one, "+
		"“1997–2012” an interval and “1985–present” one still open on the as-of date. "+
		"In the overview strip, an event dated to a single month or day is a mark at the middle of that month or day; "+
		"one dated to a year, decade or century, or only to some time within a range (“2009 or 2010”), is a hollow bar across every day the date can mean, with its mark at the middle; "+
		"an interval is a solid bar from the first day its start can mean to the last day its end can mean "+
		"(to the as-of date when its end is open), with its mark at the middle. "+
		"Events sort by the first day they can mean, then coarser dates before finer ones, then by the last day they can mean; "+
		"events with the same date keep their order in the dataset. "+
		"“1997” comes before “Jan 1997”, which comes before “1 Jan 1997”.")
	// The statuses and their marks stay together.
	st := []row{{text: "Statuses", face: sansBold, size: 9.5, h: 13, color: ink}}
	st = append(st, d.para("Every event carries one status, drawn as the shape of its mark in the strip and beside its title, "+
		"so that it reads printed in black and white. Every status but “established” is also written under the title, "+
		"with who reports, claims, alleges or denies it.", serif, 9.5, 12, 0, W, ink)...)
	for _, s := range v.Statuses {
		text := clean(isolate(s.Label)+" ("+render.Plural(s.Count, "event")+"): "+s.Meaning+".", true)
		rows := d.para(text, serif, 9.5, 12, 16, W-16, ink)
		rows[0].mark, rows[0].markX = int8(s.Mark)+1, 7
		rows[0].h += 2
		st = append(st, rows...)
	}
	d.add(block{kind: kindPara, pad: 8, atomic: true, rows: st})
	src := "The superscript numbers after an event are the sources it rests on, numbered in order of first citation; " +
		"each links to its entry in the source list, which gives every source as a full citation with its link."
	if v.Document != nil && hasFootnotes(v.Sources) {
		// The example is an entry of the list, one with several notes
		// when there is one.
		example := ""
		for _, s := range v.Sources {
			if l := clean(s.NotesLabel(), true); l != "" && (example == "" || len(s.Footnotes) > 1) {
				example = l
				if len(s.Footnotes) > 1 {
					break
				}
			}
		}
		src += " Sources of the data that cite the same work share one number, and its entry lists every footnote of the source document " +
			"that cites that work (“" + example + "”), so that each claim can be traced to the " + d.v.NoteWord + "’s own note."
	}
	section("Sources", src)
	section("Filter", clean(v.Heading, true)+".")
	section("Provenance", clean(v.Provenance.String(), true)+". "+d.datedText())
	section("Fonts", d.fontsText())
	d.blocks[brk].keep = len(d.blocks) - brk - 1
}

// fontsText names the fonts the briefing is set in, all embedded with
// only the glyphs it uses.
func (d *doc) fontsText() string {
	fonts := []string{"Liberation Serif and Liberation Sans (SIL Open Font License)"}
	if d.used[dejaVu] || d.used[dejaVuBold] {
		fonts = append(fonts, "DejaVu Sans (Bitstream Vera licence) for the characters they lack")
	}
	for i := numBuiltin; i < len(d.fonts); i++ {
		if d.used[i] {
			fonts = append(fonts, clean(d.fonts[i].name, true)+" (given with --font)")
		}
	}
	return render.JoinWords(fonts, "and") + ", embedded with only the glyphs the briefing uses."
}

// firstPiece returns the least height of b that must sit on the page
// that holds the block before it when that block keeps with it.
func (d *doc) firstPiece(b *block) float64 {
	h := b.height()
	if b.atomic && h <= d.bot-d.top || len(b.rows) == 0 {
		return h
	}
	return addHeights(b.pad, b.rows[:min(len(b.rows), 2)])
}

// paginate places the blocks on pages: a block goes whole on the page
// where it fits, else at the top of the next page; only a block taller
// than a page, or a paragraph, is split between rows; a block that keeps
// with the next never ends a page. A break starts a new page always, or
// when less than its room is left, or when the blocks it keeps together
// do not fit whole on this page but would on the next.
//
// With footnotes at the foot of the page (Options.Notes "page"), each page
// keeps room under its text for the sources its events cite.
func (d *doc) paginate() {
	d.pageNotes = map[int][]int{}
	p := &pager{d: d, page: 1, y: d.top}
	for i := range d.blocks {
		switch b := &d.blocks[i]; {
		case b.kind == kindBreak:
			p.breakAt(i)
		case len(b.rows) > 0:
			p.place(i)
		}
	}
	p.endPage()
	d.pages = p.page
}

// pager is where paginate has got to: the page, how far down it, and
// the sources at its foot.
type pager struct {
	d    *doc
	page int
	y    float64
	cur  []int
}

// endPage keeps the sources at the foot of the page.
func (p *pager) endPage() {
	if len(p.cur) > 0 {
		p.d.pageNotes[p.page] = p.cur
	}
}

func (p *pager) newPage() {
	p.endPage()
	p.page, p.y, p.cur = p.page+1, p.d.top, nil
}

// with returns the sources at the foot of the page with b on it.
func (p *pager) with(b *block) []int {
	if !p.d.notesAtFoot || b.ev == nil {
		return p.cur
	}
	ns := p.cur
	for _, n := range b.ev.Notes {
		if !slices.Contains(ns, n) {
			ns = append(slices.Clip(ns), n)
		}
	}
	return ns
}

// breakAt starts a new page at the break d.blocks[i] when it asks for one.
func (p *pager) breakAt(i int) {
	d, b := p.d, &p.d.blocks[i]
	bot := d.bot - d.footHeight(p.cur)
	switch {
	case p.y == d.top:
	case b.keep > 0:
		// Keep the next blocks together when they fit on a page.
		h := 0.0
		for _, n := range d.blocks[i+1 : i+1+b.keep] {
			h += n.height()
		}
		if first := d.blocks[i+1].pad; p.y+h > bot && h-first <= d.bot-d.top {
			p.newPage()
		}
	case b.room == 0 || bot-p.y < b.room*(d.bot-d.top):
		p.newPage()
	}
}

// place places the block d.blocks[i], whole where it fits, else on the
// next page or split between rows.
func (p *pager) place(i int) {
	d, b := p.d, &p.d.blocks[i]
	ns := p.with(b)
	bot := d.bot - d.footHeight(ns)
	pad := b.pad
	if p.y == d.top {
		pad = 0
	}
	h := b.height() - b.pad + pad
	need := h
	if b.keepNext && i+1 < len(d.blocks) && d.blocks[i+1].kind != kindBreak {
		need += d.firstPiece(&d.blocks[i+1])
	}
	if p.y+need > bot && p.y > d.top && (b.atomic || b.keepNext || p.y+pad+2*b.rows[0].h > bot) {
		p.newPage()
		pad = 0
		h = b.height() - b.pad
		ns = p.with(b)
		bot = d.bot - d.footHeight(ns)
	}
	p.cur = ns
	if p.y+h <= bot {
		d.places = append(d.places, place{b: i, from: 0, to: len(b.rows), page: p.page, y: p.y + pad})
		p.y += h
		return
	}
	p.y += pad
	p.split(i, bot)
}

// split places the rows of d.blocks[i] from the top of the space left,
// as many as fit on each page.
func (p *pager) split(i int, bot float64) {
	d, b := p.d, &p.d.blocks[i]
	for from := 0; from < len(b.rows); {
		to, yy := from, p.y
		for to < len(b.rows) && yy+b.rows[to].h <= bot {
			yy += b.rows[to].h
			to++
		}
		if to == from {
			if p.y > d.top {
				p.newPage()
				continue
			}
			to, yy = from+1, p.y+b.rows[from].h // a row taller than a page
		}
		d.places = append(d.places, place{b: i, from: from, to: to, page: p.page, y: p.y})
		p.y, from = yy, to
		if from < len(b.rows) {
			p.newPage()
			bot = d.bot - d.footHeight(p.cur)
		}
	}
}

// Footnotes at the foot of the page.
const (
	footGap  = 10  // from the text above to the rule over the notes
	footSize = 7.5 // of their text
	footLine = 9   // their line height
	footNumW = 10  // the right edge of a note's number
	footX    = 14  // where its citation starts
)

// layoutFootnotes wraps the citation of every source for the foot of
// the page.
func (d *doc) layoutFootnotes() {
	d.footRows = map[int][]row{}
	for _, s := range d.v.Sources {
		cite := cmp.Or(clean(isolate(s.Citation), true), clean(s.ID, true))
		d.footRows[s.N] = d.para(cite, serif, footSize, footLine, footX, d.width-footX, ink)
	}
}

// footHeight returns the height of the footnotes of the sources ns.
func (d *doc) footHeight(ns []int) float64 {
	if len(ns) == 0 {
		return 0
	}
	h := float64(footGap)
	for _, n := range ns {
		h = addHeights(h, d.footRows[n])
	}
	return h
}
