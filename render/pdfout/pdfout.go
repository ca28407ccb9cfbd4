// Package pdfout writes the printable briefing of a render.View as a PDF:
// a first page with the title, the source document, the as-of date, the
// active filter with its counts, an overview strip of the whole span and
// a key; then the events, era by era, each with its honest date label,
// status and footnote markers that link to a numbered source list; then
// the sources and a note on method and provenance. Every page has a
// running header and a "Page X of Y" footer. Nothing depends on colour:
// statuses are shapes, categories are lanes and labels.
//
// Text in any script prints (see script.go): the fonts (Liberation Serif
// and Sans, with DejaVu Sans as the fallback for Arabic, Persian, Hebrew
// and symbols) come embedded from Go modules, never from the machine,
// and Options.Fonts adds the user's TrueType fonts for other scripts.
// Check lists the characters no font has.
// The same view and options always give the same bytes.
//
// Every gofpdf call of the project is in this package.
package pdfout

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/jung-kurt/gofpdf"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// Papers lists the paper sizes Options.Paper accepts; the first is the
// default.
var Papers = []string{"letter", "a4"}

// Options are the choices of Write besides the view.
type Options struct {
	// Paper is "letter" or "a4", in any case; "" means "letter".
	Paper string
	// Fonts are tried, in order, after the embedded fonts for the
	// characters those lack; LoadFont reads them.
	Fonts []*Font
	// StrictGlyphs makes Write fail with an *UnsupportedError, writing
	// nothing, when a character is in no font; otherwise it is drawn as
	// a placeholder (U+FFFD) and Check lists it, for a warning.
	StrictGlyphs bool

	// PreparedBy and Organization name who made the briefing and for
	// whom; they are shown on the first page and are the PDF's Author.
	// The source document's author is never the Author: the briefing is
	// the preparer's, and the document is credited as its source.
	PreparedBy, Organization string
	// Date is the date of preparation, shown on the first page and used
	// as the file's creation date; the zero Date means the as-of date,
	// so that the same data and options always give the same file.
	Date timeline.Date
	// Draft marks every page's header and the title metadata "DRAFT".
	Draft bool
	// Notes is where the sources an event cites are given besides the
	// numbered source list at the end: "end" (or "") only there, "page"
	// also at the foot of each page that cites them.
	Notes string
}

// NotesPlaces lists the values of Options.Notes; the first is the
// default.
var NotesPlaces = []string{"end", "page"}

// preparer returns who prepared the briefing, as one line: "Jane Doe,
// Example Institute", or "" when the options name nobody.
func (o Options) preparer() string {
	parts := []string{strings.TrimSpace(o.PreparedBy), strings.TrimSpace(o.Organization)}
	return strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), ", ")
}

// paper returns the validated paper name.
func (o Options) paper() (string, error) {
	p := cmp.Or(strings.ToLower(o.Paper), Papers[0])
	if !slices.Contains(Papers, p) {
		return "", fmt.Errorf("pdf: unknown paper %q; valid papers: %s", o.Paper, strings.Join(Papers, ", "))
	}
	return p, nil
}

// Write writes the briefing of v to w. A character that no font has is
// drawn as a placeholder, or, with opts.StrictGlyphs, Write returns an
// *UnsupportedError, writing nothing. It returns an error for an unknown
// paper, and the errors of gofpdf and of w. The same v and opts give the
// same bytes.
func Write(w io.Writer, v *render.View, opts Options) error {
	paper, err := opts.paper()
	if err != nil {
		return err
	}
	if opts.Notes != "" && !slices.Contains(NotesPlaces, opts.Notes) {
		return fmt.Errorf("pdf: unknown place for notes %q; valid places: %s", opts.Notes, strings.Join(NotesPlaces, ", "))
	}
	if opts.StrictGlyphs {
		if ms := Check(v, opts.Fonts); len(ms) > 0 {
			return &UnsupportedError{Missing: ms}
		}
	}
	d := newDoc(v, paper, opts)
	d.taken, d.runes = reachPages(d.pdf), reachRunes(d.pdf)
	d.layout()
	d.draw()
	d.taken.take(d.pdf.PageNo())
	d.blocks, d.places, d.strip = nil, nil, nil // free the layout for gofpdf's Output
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	var g grab
	if err := d.pdf.Output(&g); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	d.pdf = nil // free gofpdf's pages while finish writes the file
	return finish(w, g.b, v.Language, d.taken)
}

// Page geometry, in points.
const (
	margin     = 54   // left and right
	headerBase = 34   // baseline of the running header
	headerRule = 40   // rule under it
	topY       = 56   // where the text area starts
	footerGap  = 58   // from the text area's end to the page's bottom
	footerRule = 40   // from the footer rule to the page's bottom
	footerBase = 29   // from the footer baseline to the page's bottom
	lineWidth  = 0.35 // hairlines and outlines
)

// doc is one briefing being made.
type doc struct {
	pdf    *gofpdf.Fpdf
	taken  *pageStore            // gofpdf's pages, compressed as they are finished
	runes  *map[int]int          // the characters gofpdf's current font has drawn; see put
	op     []byte                // put's buffer
	images map[*render.Image]int // the pictures registered, numbered
	v      *render.View
	opts   Options
	pageW  float64
	pageH  float64
	left   float64 // x of the text area
	width  float64 // of the text area
	top    float64
	bot    float64 // y where the text area ends

	// The fonts: the embedded ones, then Options.Fonts; the chain of
	// fonts each face tries in order; which are in gofpdf yet, and which
	// the text used, for the note on method.
	fonts  []font
	chain  [numFaces][]int
	added  []bool
	used   []bool
	widths map[fontRune]int // advance widths in thousandths of the size

	// The current graphics state, so that unchanged settings are not
	// written again.
	font                  int
	size                  float64
	fill, stroke          rgb
	lw                    float64
	haveFill, haveStroke  bool
	textInk               rgb
	haveInk               bool
	urlRun                urlRun // the rows of the URL being drawn; see addURL
	title, filter, footer string // cleaned texts of the running header and footer

	notesAtFoot bool
	footRows    map[int][]row // by source number: the citation at the foot of a page
	pageNotes   map[int][]int // by page: the sources at its foot

	blocks        []block
	places        []place
	contentsBlock int                     // the index of the contents' block
	eraBlock      map[*render.EraView]int // the index of each era's heading block
	pages         int
	strip         *render.Overview
	key           *render.Key

	eventLink  []int       // by EventView.Index; 0 when the strip does not link the event
	sourceLink []int       // by SourceView.N
	blockLink  map[int]int // the link to each block that contents or strip point at
	blockPage  map[int]int // the page of each of those blocks
}

func newDoc(v *render.View, paper string, opts Options) *doc {
	size := "Letter"
	if paper == "a4" {
		size = "A4"
	}
	pdf := gofpdf.New("P", "pt", size, "")
	pdf.SetCatalogSort(true)
	day := dayTime(v)
	if !opts.Date.IsZero() {
		day = dateTime(opts.Date)
	}
	pdf.SetCreationDate(day)
	pdf.SetModificationDate(day)
	pdf.SetCompression(false) // finish compresses the pages (output.go)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	pdf.SetMargins(margin, topY, margin)
	pdf.SetLineCapStyle("round") // see doc.dot
	w, h := pdf.GetPageSize()
	d := &doc{
		pdf: pdf, v: v, opts: opts, notesAtFoot: opts.Notes == "page",
		pageW: w, pageH: h,
		left: margin, width: w - 2*margin,
		top: topY, bot: h - footerGap,
		font: -1,
	}
	d.fonts = slices.Clone(builtin[:])
	families := map[string]bool{}
	for _, f := range d.fonts {
		families[strings.ToLower(f.family)] = true
	}
	for _, f := range opts.Fonts {
		// The family is the file's name, so that pdffonts and a reader's
		// font list name it.
		fam := strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, strings.TrimSuffix(f.name, filepath.Ext(f.name)))
		if fam == "" {
			fam = "Font"
		}
		for base, n := fam, 2; families[strings.ToLower(fam)]; n++ {
			fam = base + strconv.Itoa(n)
		}
		families[strings.ToLower(fam)] = true
		d.fonts = append(d.fonts, font{family: fam, Font: f})
	}
	d.added = make([]bool, len(d.fonts))
	d.used = make([]bool, len(d.fonts))
	d.widths = map[fontRune]int{}
	for f := range numFaces {
		d.chain[f] = []int{int(f), fallback(f)}
		for i := range opts.Fonts {
			d.chain[f] = append(d.chain[f], numBuiltin+i)
		}
		d.addFont(int(f)) // the Liberation fonts are always there
	}
	title := cmp.Or(clean(v.Title, true), "Timeline")
	d.title = title
	d.filter = clean(v.FilterText, true)
	d.footer = clean(v.CountText, true)
	if v.AsOfLabel != "" {
		d.footer = "As of " + clean(v.AsOfLabel, true) + " · " + d.footer
	}
	d.setFont(serif, 10)
	d.metadata()
	return d
}

// dayTime returns the view's as-of day as a time, for the document's
// creation and modification dates; never the clock. A view without dates
// gets 1 Jan 2000.
func dayTime(v *render.View) time.Time {
	if v.AsOfLabel == "" {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	y, m, dd := v.AsOf.Date()
	y = min(max(y, 1), 9999) // the PDF date format has four digits
	return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
}

// dateTime returns the first day of d as a time, within the years the
// PDF date format can hold.
func dateTime(d timeline.Date) time.Time {
	y, m, dd := d.Earliest().Date()
	if y < 1 || y > 9999 {
		y, m, dd = min(max(y, 1), 9999), 1, 1
	}
	return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC)
}

// metadata sets the document's information. The author is whoever
// Options names as having prepared the briefing, and no one when they
// name nobody: never the source document's author, who did not write
// this briefing (the subject credits the document). The tool that made
// the file is the creator and producer. A draft's title says so.
func (d *doc) metadata() {
	v := d.v
	version := cmp.Or(clean(v.Provenance.Version, true), "(devel)")
	tool := cmp.Or(clean(v.Provenance.Tool, true), "timeline")
	title := d.title
	if d.opts.Draft {
		title = "DRAFT — " + title
	}
	d.pdf.SetTitle(title, true)
	if who := clean(d.opts.preparer(), true); who != "" {
		d.pdf.SetAuthor(who, true)
	}
	d.pdf.SetSubject(d.subject(), true)
	kw := []string{"timeline", "briefing", "chronology"}
	for _, e := range v.Eras {
		kw = append(kw, clean(e.Label, true))
	}
	for _, c := range v.Categories {
		kw = append(kw, clean(c.Label, true))
	}
	d.pdf.SetKeywords(strings.Join(kw, ", "), true)
	d.pdf.SetCreator(tool+" "+version, true)
	d.pdf.SetProducer(tool+" "+version+" with gofpdf 1.16.2", true)
}

// subject returns the document's subject: the subtitle, or the source
// document's citation, then the filter and counts. "Events described in
// the report … by Clayton Thomas, 25 February 2025. All events — 65
// events."
func (d *doc) subject() string {
	v := d.v
	what := clean(v.Subtitle, true)
	if what == "" && v.Document != nil {
		if c := clean(v.Document.Citation, true); c != "" {
			what = "Drawn from " + c
		}
	}
	heading := clean(v.Heading, true)
	if what == "" {
		return heading
	}
	if !strings.HasSuffix(what, ".") {
		what += "."
	}
	return what + " " + heading + "."
}

// datedText tells the reader, in the note on method, which date the
// file's creation and modification dates hold.
func (d *doc) datedText() string {
	if d.v.AsOfLabel == "" {
		return "The file is dated 1 Jan 2000, a fixed date, since the data holds no dates; it is never dated by the clock, " +
			"so the same data and choices always give the same file."
	}
	if y, _, _ := d.v.AsOf.Date(); y < 1 || y > 9999 {
		return "The file is dated " + dayTime(d.v).Format("2 Jan 2006") + ", the nearest date the PDF format can hold to the as-of date, " +
			"not the day it was made, so the same data and choices always give the same file."
	}
	return "The file is dated as of " + clean(d.v.AsOfLabel, true) + ", the as-of date on the first page, " +
		"not the day it was made, so the same data and choices always give the same file."
}

// rgb is a colour.
type rgb = render.RGB

// The briefing's inks: the overview's, and the links' blue.
var (
	ink      = hexColor(render.InkColor)
	grey     = hexColor(render.GreyColor)
	lightInk = hexColor(render.LightInkColor)
	rule     = hexColor(render.RuleColor)
	white    = hexColor(render.WhiteColor)
	linkBlue = rgb{R: 0, G: 68, B: 136}
	outline  = hexColor(render.OutlineColor)
)

// parseColor reads "#rrggbb" or "#rgb"; anything else is grey.
func parseColor(s string) rgb {
	if c, ok := render.ParseColor(s); ok {
		return c
	}
	return grey
}

// hexColor reads one of render's colours, "#rrggbb".
func hexColor(s string) rgb {
	c, _ := render.ParseColor(s)
	return c
}

// addFont gives font i to gofpdf, once.
func (d *doc) addFont(i int) {
	if d.added[i] {
		return
	}
	d.added[i] = true
	f := &d.fonts[i]
	// gofpdf writes into the bytes it is given: a copy per document.
	d.pdf.AddUTF8FontFromBytes(f.family, f.style, slices.Clone(f.ttf))
}

func (d *doc) setFont(f face, size float64) { d.setFontID(int(f), size) }

// setFontID makes font i at size the current font.
func (d *doc) setFontID(i int, size float64) {
	if i == d.font && size == d.size {
		return
	}
	d.addFont(i)
	d.used[i] = true
	d.font, d.size = i, size
	d.pdf.SetFont(d.fonts[i].family, d.fonts[i].style, size)
}

func (d *doc) setFill(c rgb) {
	if d.haveFill && c == d.fill {
		return
	}
	d.fill, d.haveFill = c, true
	d.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
}

func (d *doc) setStroke(c rgb, w float64) {
	if !d.haveStroke || c != d.stroke {
		d.stroke, d.haveStroke = c, true
		d.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
	}
	if w != d.lw {
		d.lw = w
		d.pdf.SetLineWidth(w)
	}
}

// simple reports whether s draws as it is in face f's own font: every
// character is in it, none is right to left, none needs shaping, and no
// line may break between two characters without a space.
func (d *doc) simple(s string, f face) bool {
	cov := d.fonts[f].cov()
	for _, r := range s {
		if r >= 0x0590 && (!cov.has(r) || rtl(r) || cjk(r) || invisible(r)) || r < 0x0590 && !cov.has(r) && r != '\n' {
			return false
		}
	}
	return true
}

// cells returns s, one line or paragraph in logical order, shaped, with
// the font of each character: each run of one script takes the first
// font of f's chain that has all of it, and a character of a run that no
// font has whole takes the first font that has the character, or the
// placeholder. Characters that draw nothing are left out.
func (d *doc) cells(s string, f face) []cell {
	chain := d.chain[f]
	has := func(r rune) bool { return slices.ContainsFunc(chain, func(i int) bool { return d.fonts[i].has(r) }) }
	rs := shape([]rune(s), has)
	cs := make([]cell, len(rs))
	for i, r := range rs {
		cs[i] = cell{r: r, font: -1}
		if invisible(r) {
			cs[i].font = noFont // kept for the bidirectional algorithm
		}
	}
	for i := 0; i < len(cs); {
		// The run: characters of one script, with those of any script
		// (spaces, punctuation, digits) between or after them.
		key, j := 0, i
		for ; j < len(cs); j++ {
			k := script(cs[j].r)
			if k == 0 && key == symbols {
				break // what follows a symbol goes with the text after it
			}
			if k != 0 {
				if key != 0 && k != key {
					break
				}
				key = k
			}
		}
		run := cs[i:j]
		whole := -1
		drawn := func(c cell) bool { return c.font != noFont }
		for _, fi := range chain {
			f := &d.fonts[fi]
			if !slices.ContainsFunc(run, func(c cell) bool { return drawn(c) && !f.has(c.r) && c.r != '\n' }) {
				whole = fi
				break
			}
		}
		for k := range run {
			if !drawn(run[k]) {
				continue
			}
			run[k].font = whole
			if whole < 0 {
				for _, fi := range chain {
					if d.fonts[fi].has(run[k].r) {
						run[k].font = fi
						break
					}
				}
			}
		}
		i = j
	}
	for k := range cs {
		if cs[k].font == noFont {
			continue
		}
		if cs[k].font < 0 {
			cs[k].font = d.placeholderFont(f)
			cs[k].r = placeholder
		} else if pua, ok := d.fonts[cs[k].font].astral[cs[k].r]; ok {
			cs[k].r, cs[k].actual = pua, cs[k].r
		}
		d.used[cs[k].font] = true
	}
	return cs
}

// placeholderFont returns the first font of f's chain that has the
// placeholder.
func (d *doc) placeholderFont(f face) int {
	for _, i := range d.chain[f] {
		if d.fonts[i].cov().has(placeholder) {
			return i
		}
	}
	return fallback(f)
}

// fontRune is a character in a font.
type fontRune struct {
	font int
	r    rune
}

// units returns the advance of c in thousandths of the font size, as
// gofpdf measures it.
func (d *doc) units(c cell) int {
	if c.font == noFont {
		return 0
	}
	k := fontRune{c.font, c.r}
	if w, ok := d.widths[k]; ok {
		return w
	}
	size := cmp.Or(d.size, 10)
	d.setFontID(c.font, size)
	w := d.pdf.GetStringSymbolWidth(string(c.r))
	d.widths[k] = w
	return w
}

// cellsWidth returns the width of cs at size.
func (d *doc) cellsWidth(cs []cell, size float64) float64 {
	u := 0
	for _, c := range cs {
		u += d.units(c)
	}
	return float64(u) * size / 1000
}

// textWidth returns the width of s in face f at size.
func (d *doc) textWidth(s string, f face, size float64) float64 {
	if d.simple(s, f) {
		d.setFont(f, size)
		return d.pdf.GetStringWidth(s)
	}
	return d.cellsWidth(d.cells(s, f), size)
}

// wrap breaks s into lines no wider than w in face f at size: at spaces,
// between CJK characters, and inside a word longer than a line. s must
// be clean. Lines of Arabic text come back shaped.
func (d *doc) wrap(s string, f face, size, w float64) []string {
	if s == "" {
		return nil
	}
	var lines []string
	if d.simple(s, f) {
		d.setFont(f, size)
		lines = d.pdf.SplitText(s, w)
	} else {
		lines = d.wrapCells(d.cells(s, f), size, w)
	}
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

// wrapCells breaks cs as gofpdf's SplitText breaks text in one font, and
// also between CJK characters, never before closing or after opening
// punctuation.
func (d *doc) wrapCells(cs []cell, size, w float64) []string {
	wmax := int(math.Ceil(w * 1000 / size))
	// The direction of a paragraph is that of its first strong character
	// (or mark), not of each line's: a line after the first starts with a
	// mark of the paragraph's direction.
	mark := rune(0)
	if slices.ContainsFunc(cs, func(c cell) bool { return rtl(c.r) }) {
		mark = '\u200E'
		rs := make([]rune, len(cs))
		for i, c := range cs {
			rs[i] = c.r
		}
		if baseLevel(rs) == 1 {
			mark = '\u200F'
		}
	}
	var lines []string
	emit := func(a, b int) {
		rs := make([]rune, 0, b-a+1)
		if mark != 0 && len(lines) > 0 {
			rs = append(rs, mark)
		}
		for k := a; k < b; k++ {
			rs = append(rs, cs[k].logical())
		}
		lines = append(lines, string(rs))
	}
	for len(cs) > 0 && cs[len(cs)-1].r == '\n' {
		cs = cs[:len(cs)-1]
	}
	j, l, brk, skip := 0, 0, -1, false
	for i := 0; i < len(cs); {
		c := cs[i]
		if c.r == '\n' {
			emit(j, i)
			i++
			j, l, brk = i, 0, -1
			continue
		}
		if i > j && breakBefore(cs, i) {
			brk, skip = i, false
		}
		if unicode.IsSpace(c.r) {
			brk, skip = i, true
		}
		l += d.units(c)
		if l <= wmax {
			i++
			continue
		}
		switch {
		case brk <= j:
			if i == j {
				i++ // a character wider than the line
			}
			emit(j, i)
			j = i
		case skip:
			emit(j, brk)
			j = brk + 1
		default:
			emit(j, brk)
			j = brk
		}
		i, l, brk = j, 0, -1
	}
	if j < len(cs) {
		emit(j, len(cs))
	}
	return lines
}

// fit returns s, or as much of it as fits in w followed by "…".
func (d *doc) fit(s string, f face, size, w float64) string {
	return render.Fit(s, w, func(t string) float64 { return d.textWidth(t, f, size) })
}

// encodeURL percent-encodes every byte of u that may not stand in a URI
// as it is, since gofpdf writes link targets byte for byte. A "%" that
// starts an escape is kept.
func encodeURL(u string) string {
	const hexDigits = "0123456789ABCDEF"
	isHex := func(c byte) bool {
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c == '%' && i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]):
			b.WriteByte(c)
		case c > ' ' && c < 0x7f && !strings.ContainsRune(`%"<>\^{|}()`+"`", rune(c)):
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}
