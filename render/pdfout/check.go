package pdfout

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/timeline-tool/timeline/render"
)

// Problem is one character that the briefing's fonts cannot draw, and
// where it is.
type Problem struct {
	// Event is the id of the event whose text holds the character, or ""
	// for text that belongs to no event.
	Event string
	// Field names the text: "title", "summary", "attribution", "date
	// label" for an event; "dataset title", `era "iraq" label`, "source 3
	// citation" and the like otherwise.
	Field string
	// Rune is the character.
	Rune rune
}

// String describes p in one line, such as
// `event "ev3" summary: cannot draw U+1F600 "😀"`.
func (p Problem) String() string {
	where := p.Field
	if p.Event != "" {
		where = "event " + strconv.Quote(p.Event) + " " + p.Field
	}
	return fmt.Sprintf("%s: cannot draw %s %s", where, codePoint(p.Rune), strconv.QuoteToGraphic(string(p.Rune)))
}

// UnsupportedError is the error of Write for a view holding characters
// that the fonts cannot draw, when Options.Substitute is not set. Nothing
// has been written when Write returns it.
type UnsupportedError struct {
	Problems []Problem // in the order Check returns them; never empty
}

func (e *UnsupportedError) Error() string {
	const most = 5
	var b strings.Builder
	n := len(e.Problems)
	fmt.Fprintf(&b, "pdf: the fonts cannot draw %d character", n)
	if n != 1 {
		b.WriteString("s")
	}
	b.WriteString(" (emoji and scripts other than Latin, Greek and Cyrillic): ")
	for i, p := range e.Problems[:min(n, most)] {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.String())
	}
	if n > most {
		fmt.Fprintf(&b, "; and %d more", n-most)
	}
	return b.String()
}

// Check returns every character of v's text that the briefing's fonts
// cannot draw: each distinct character once per piece of text, in the
// order the briefing shows them. Tabs and line breaks are not problems.
// Write fails with an *UnsupportedError holding these problems, or, with
// Options.Substitute, draws each as its code point ("[U+1F600]").
func Check(v *render.View) []Problem {
	var ps []Problem
	cov := drawable()
	walkText(v, func(event, field, s string) {
		start := len(ps)
	runes:
		for _, r := range s {
			if cov.has(r) || r == '\n' || r == '\t' || r == '\r' {
				continue
			}
			for _, p := range ps[start:] {
				if p.Rune == r {
					continue runes
				}
			}
			ps = append(ps, Problem{Event: event, Field: field, Rune: r})
		}
	})
	return ps
}

// walkText calls fn with every piece of text of v that the briefing
// draws, in the order it draws them.
func walkText(v *render.View, fn func(event, field, s string)) {
	fn("", "dataset title", v.Title)
	fn("", "dataset subtitle", v.Subtitle)
	fn("", "as-of date", v.AsOfLabel)
	fn("", "filter", v.Heading)
	if doc := v.Document; doc != nil {
		fn("", "source document citation", doc.Citation)
		fn("", "source document URL", doc.URL)
	}
	for _, e := range v.Eras {
		fn("", "era "+strconv.Quote(e.ID)+" label", e.Label)
		fn("", "era "+strconv.Quote(e.ID)+" span", e.SpanLabel)
		fn("", "era "+strconv.Quote(e.ID)+" description", e.Description)
	}
	for _, c := range v.Categories {
		fn("", "category "+strconv.Quote(c.ID)+" label", c.Label)
	}
	for _, s := range v.Statuses {
		fn("", "status "+string(s.Status)+" label", s.Label)
		fn("", "status "+string(s.Status)+" meaning", s.Meaning)
	}
	for _, e := range v.Events {
		fn(e.ID, "date label", e.Label)
		fn(e.ID, "title", e.Title)
		fn(e.ID, "attribution", e.Attribution)
		fn(e.ID, "summary", e.Summary)
	}
	for _, s := range v.Sources {
		n := "source " + strconv.Itoa(s.N)
		fn("", n+" citation", s.Citation)
		fn("", n+" URL", s.URL)
	}
	fn("", "provenance", v.Provenance.String())
}

// codePoint returns "U+1F600" for r.
func codePoint(r rune) string {
	return fmt.Sprintf("U+%04X", r)
}

// clean returns s ready for gofpdf: tabs and carriage returns become
// spaces or line breaks, runs of spaces collapse, and every character the
// fonts cannot draw becomes its code point in brackets, so that nothing
// above U+FFFF ever reaches gofpdf (it panics on those). With oneLine,
// line breaks become spaces too.
func clean(s string, oneLine bool) string {
	cov := drawable()
	ok := true
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ok = false
			break
		}
		if c < ' ' && !(c == '\n' && !oneLine) || c == 0x7f || c == ' ' && prevSpace {
			ok = false
			break
		}
		prevSpace = c == ' '
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prevSpace = false
	for _, r := range strings.ReplaceAll(s, "\r\n", "\n") {
		switch {
		case r == '\n' && !oneLine:
			b.WriteByte('\n')
			prevSpace = false
			continue
		case r == ' ' || r == '\t' || r == '\r' || r == '\n':
			if !prevSpace {
				b.WriteByte(' ')
			}
			prevSpace = true
			continue
		case cov.has(r):
			b.WriteRune(r)
		default:
			b.WriteString("[" + codePoint(r) + "]")
		}
		prevSpace = false
	}
	return b.String()
}
