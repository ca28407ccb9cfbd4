package pdfout

import (
	"strings"
	"unicode"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// textRun is a piece of a row of rich text in one face, and the link it
// makes.
type textRun struct {
	text  string
	face  face
	url   string  // already encoded; "" for none
	dx, w float64 // where it starts, from the row's x, and its width
}

// piece is text of a word in one face and link; word is what a line of
// rich text breaks between.
type piece struct {
	text strings.Builder
	face face
	url  string
}

type word struct {
	pieces []*piece
	space  bool // a space comes before it
	br     bool // it starts a paragraph
}

// richPara returns rich text s (timeline.ParseText) wrapped into rows as
// para wraps plain text, with emphasis in italic (roman inside italic
// text), strong in bold and links drawn as links in blue. Text that one
// font of the face cannot draw as it is (right to left, CJK, another
// script's font) is laid out as para lays out its plain text.
func (d *doc) richPara(s string, f face, size, h, x, w float64, c rgb) []row {
	spans := render.TextSpans(s)
	plain := clean(timeline.PlainText(s), false)
	styled := false
	for _, sp := range spans {
		styled = styled || sp.Em || sp.Strong || sp.Link != ""
	}
	if !styled || !d.simple(plain, f) || !d.simple(plain, serifBold) || !d.simple(plain, styleFace(f, true, false)) {
		return d.para(plain, f, size, h, x, w, c)
	}
	words := richWords(spans, f)
	space := d.textWidth(" ", f, size)
	var rows []row
	var line []*word
	lineW := 0.0
	for _, wd := range words {
		ww := 0.0
		for _, p := range wd.pieces {
			ww += d.textWidth(p.text.String(), p.face, size)
		}
		if ww > w {
			return d.para(plain, f, size, h, x, w, c) // a word wider than a line
		}
		sp := 0.0
		if wd.space && len(line) > 0 {
			sp = space
		}
		if len(line) > 0 && (wd.br || lineW+sp+ww > w) {
			rows = append(rows, d.richRow(line, f, size, h, x, c))
			line, lineW, sp = nil, 0, 0
		}
		line = append(line, wd)
		lineW += sp + ww
	}
	if len(line) > 0 {
		rows = append(rows, d.richRow(line, f, size, h, x, c))
	}
	return rows
}

// styleFace returns the face of text of face f with emphasis or strong.
func styleFace(f face, em, strong bool) face {
	switch {
	case strong:
		return serifBold
	case em && f == serifItalic:
		return serif
	case em:
		return serifItalic
	}
	return f
}

// richWords splits spans into words at white space and line breaks.
func richWords(spans []timeline.Span, f face) []*word {
	var words []*word
	cur := &word{}
	space, br := false, false
	for _, sp := range spans {
		pf, url := styleFace(f, sp.Em, sp.Strong), ""
		if sp.Link != "" {
			url = encodeURL(sp.Link)
		}
		for _, r := range sp.Text {
			if unicode.IsSpace(r) || unicode.IsControl(r) {
				if len(cur.pieces) > 0 {
					words, cur = append(words, cur), &word{}
				}
				space = space || unicode.IsSpace(r)
				br = br || r == '\n'
				continue
			}
			if len(cur.pieces) == 0 {
				cur.space, cur.br, space, br = space, br, false, false
			}
			if n := len(cur.pieces); n == 0 || cur.pieces[n-1].face != pf || cur.pieces[n-1].url != url {
				cur.pieces = append(cur.pieces, &piece{face: pf, url: url})
			}
			cur.pieces[len(cur.pieces)-1].text.WriteRune(r)
		}
	}
	if len(cur.pieces) > 0 {
		words = append(words, cur)
	}
	return words
}

// richRow returns the row of the words of one line: its runs, each a
// stretch of one face and link, spaces inside a run where both sides
// share them.
func (d *doc) richRow(line []*word, f face, size, h, x float64, c rgb) row {
	var runs []textRun
	var text strings.Builder
	dx, space := 0.0, d.textWidth(" ", f, size)
	for i, wd := range line {
		gap := i > 0 && wd.space
		if gap {
			text.WriteByte(' ')
		}
		for k, p := range wd.pieces {
			t := p.text.String()
			text.WriteString(t)
			if n := len(runs); n > 0 && runs[n-1].face == p.face && runs[n-1].url == p.url {
				last := &runs[n-1]
				if k == 0 && gap {
					t = " " + t
				}
				last.text += t
				last.w = d.textWidth(last.text, last.face, size)
				dx = last.dx + last.w
				continue
			}
			if k == 0 && gap {
				dx += space
			}
			runs = append(runs, textRun{text: t, face: p.face, url: p.url, dx: dx, w: d.textWidth(t, p.face, size)})
			dx += runs[len(runs)-1].w
		}
	}
	return row{text: text.String(), face: f, size: size, h: h, x: x, color: c, runs: runs}
}

// rowWidth returns the width of the text of r.
func (d *doc) rowWidth(r *row) float64 {
	if n := len(r.runs); n > 0 {
		return r.runs[n-1].dx + r.runs[n-1].w
	}
	return d.textWidth(r.text, r.face, r.size)
}

// drawRuns draws the runs of r with their baseline's left end at (x,
// base), links in blue with their link annotations.
func (d *doc) drawRuns(r *row, x, y, base float64) {
	for _, u := range r.runs {
		c := r.color
		if u.url != "" {
			c = linkBlue
		}
		d.text(u.face, r.size, c, x+u.dx, base, u.text)
		if u.url != "" {
			d.addURL(u.url, x+u.dx, y, u.w, r.h)
		}
	}
}
