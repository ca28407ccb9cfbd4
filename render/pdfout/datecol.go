package pdfout

import (
	"strings"
	"unicode"
)

// The date column of the chronology breaks a label that is too wide
// where a reader expects it: after the en dash of an interval ("8 Oct
// 1997–" over "28 Sep 2012"), before a parenthesis ("111th Congress"
// over "(2009–2010)"), else between words, and never inside a date ("28
// Sep 2012", "early 1960s", "January 2025") unless nothing else fits.

// The costs of a way to break a label, compared as sums: fewer lines
// first, then the kinds of break. A break inside a date costs more than
// a line, and a piece wider than the column more than anything.
const (
	costLine     = 1000
	costWord     = 10     // between two words
	costGlued    = 10000  // between two parts of a date
	costOverflow = 100000 // a piece wider than the column
)

// datePiece is a run of a label between two places it may break.
type datePiece struct {
	text string
	// The cost of a break after the piece, and whether the piece and
	// the next are one space apart (not after an en dash).
	cost  int
	space bool
}

// dateLines breaks the label s (clean, one line) into lines no wider than
// w in font f at size. The ends of an interval are kept whole when each
// fits on a line; only an end wider than a line breaks between its words.
func (d *doc) dateLines(s string, f face, size, w float64) []string {
	if s == "" {
		return nil
	}
	if d.textWidth(s, f, size) <= w {
		return []string{s}
	}
	return d.breakLines(dashPieces(s), f, size, w, func(l string) []string {
		return d.breakLines(wordPieces(l), f, size, w, func(l string) []string {
			return d.wrap(l, f, size, w) // one word wider than a line
		})
	})
}

// breakLines puts the pieces ps on the lines of least cost no wider than
// w, breaking a piece wider than w with over.
func (d *doc) breakLines(ps []datePiece, f face, size, w float64, over func(string) []string) []string {
	n := len(ps)
	join := func(i, j int) string { // pieces [i, j) on one line
		var b strings.Builder
		for k := i; k < j; k++ {
			b.WriteString(ps[k].text)
			if k < j-1 && ps[k].space {
				b.WriteByte(' ')
			}
		}
		return b.String()
	}
	// best[i] is the least cost of the pieces from i on, when the line
	// that starts with piece i ends before piece next[i].
	best := make([]float64, n+1)
	next := make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		best[i] = -1
		for j := i + 1; j <= n; j++ {
			lw := d.textWidth(join(i, j), f, size)
			c := float64(costLine)
			if lw > w {
				if j > i+1 {
					break // longer lines are only wider
				}
				c += costOverflow
			}
			if j < n {
				c += float64(ps[j-1].cost)
				// Among breaks of the same cost, the fuller line.
				slack := (w - min(lw, w)) / w
				c += 5 * slack * slack
			}
			if t := c + best[j]; best[i] < 0 || t < best[i] {
				best[i], next[i] = t, j
			}
		}
	}
	var lines []string
	for i := 0; i < n; i = next[i] {
		l := join(i, next[i])
		if next[i] == i+1 && d.textWidth(l, f, size) > w {
			lines = append(lines, over(l)...)
			continue
		}
		lines = append(lines, l)
	}
	return lines
}

// dashPieces splits s after each en dash outside parentheses that a
// space does not follow: "8 Oct 1997–" and "28 Sep 2012".
func dashPieces(s string) []datePiece {
	var ps []datePiece
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(depth-1, 0)
		case '–':
			if end := i + len("–"); depth == 0 && end < len(s) && s[end] != ' ' {
				ps = append(ps, datePiece{text: s[start:end]})
				start = end
			}
		}
	}
	return append(ps, datePiece{text: s[start:]})
}

// wordPieces splits s at its spaces, costing a break inside a date most
// and one before a parenthesis least.
func wordPieces(s string) []datePiece {
	ws := strings.Fields(s)
	ps := make([]datePiece, len(ws))
	for k, w := range ws {
		ps[k] = datePiece{text: w, space: true}
		if k+1 < len(ws) {
			switch next := ws[k+1]; {
			case dateWord(w) && dateWord(next):
				ps[k].cost = costGlued
			case strings.HasPrefix(next, "("):
				ps[k].cost = 0
			default:
				ps[k].cost = costWord
			}
		}
	}
	return ps
}

var dateWords = map[string]bool{
	"c.": true, "ca.": true, "circa": true, "about": true,
	"early": true, "mid": true, "late": true,
	"bce": true, "ce": true, "bc": true, "ad": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "may": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"january": true, "february": true, "march": true, "april": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"spring": true, "summer": true, "autumn": true, "fall": true, "winter": true,
}

// dateWord reports whether w is part of a date: a number ("1997",
// "1960s", "28", "(2009–2010)"), a month, a season, a qualifier ("c.",
// "early") or an era ("BCE").
func dateWord(w string) bool {
	w = strings.Trim(w, "()[],;:")
	if strings.ContainsFunc(w, unicode.IsDigit) {
		return true
	}
	return dateWords[strings.ToLower(strings.TrimSuffix(w, ","))]
}
