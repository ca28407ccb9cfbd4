package pdfout

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// Missing is a character that no font of the briefing has, and where it
// is. Write draws it as a placeholder (U+FFFD, "�").
type Missing struct {
	Rune rune
	// Events are the ids of the events whose text holds the character,
	// in the order the briefing shows them.
	Events []string
	// Other names the other texts that hold it: "dataset title",
	// `era "iraq" label`, "source 3 citation" and the like.
	Other []string
}

// String describes m in one line, such as
// `U+1F600 "😀" in events "ev3", "ev7" and the dataset title`.
func (m Missing) String() string {
	var where []string
	switch len(m.Events) {
	case 0:
	case 1:
		where = append(where, "event "+strconv.Quote(m.Events[0]))
	default:
		const most = 5
		q := make([]string, 0, most)
		for _, e := range m.Events[:min(len(m.Events), most)] {
			q = append(q, strconv.Quote(e))
		}
		l := "events " + strings.Join(q, ", ")
		if len(m.Events) > most {
			l += fmt.Sprintf(" and %d more", len(m.Events)-most)
		}
		where = append(where, l)
	}
	for _, o := range m.Other {
		where = append(where, "the "+o)
	}
	in := ""
	if len(where) > 0 {
		in = " in " + render.JoinWords(where, "and")
	}
	return codePoint(m.Rune) + " " + strconv.QuoteToGraphic(string(m.Rune)) + in
}

// FontAdvice tells the user how to draw characters no font has.
const FontAdvice = "give a TrueType font that has them with --font FILE (timeline pdf --help names Debian packages of such fonts)"

// UnsupportedError is the error of Write, with Options.StrictGlyphs,
// for a view holding characters that no font has. Nothing has been
// written when Write returns it.
type UnsupportedError struct {
	Missing []Missing // in the order Check returns them; never empty
}

func (e *UnsupportedError) Error() string {
	return "pdf: " + MissingText(e.Missing)
}

// MissingText describes ms, characters no font has, in one paragraph
// that ends with what to do.
func MissingText(ms []Missing) string {
	const most = 8
	var each []string
	for _, m := range ms[:min(len(ms), most)] {
		each = append(each, m.String())
	}
	if len(ms) > most {
		each = append(each, "and "+strconv.Itoa(len(ms)-most)+" more")
	}
	return "no font has " + render.Plural(len(ms), "character") + ": " + strings.Join(each, "; ") + "; " + FontAdvice
}

// Check returns every character of v's text that no font can draw,
// each once, in the order the briefing shows them: no embedded font
// (Liberation, DejaVu Sans) and none of fonts. Characters that draw
// nothing (controls, joiners, direction marks) are not missing.
func Check(v *render.View, fonts []*Font) []Missing {
	drawn := newDrawable(fonts)
	var ms []Missing
	at := map[rune]int{}
	walkText(v, func(event, field, s string) {
		for _, r := range s {
			if drawn.has(r) {
				continue
			}
			i, ok := at[r]
			if !ok {
				i = len(ms)
				at[r] = i
				ms = append(ms, Missing{Rune: r})
			}
			m := &ms[i]
			switch {
			case event != "":
				if len(m.Events) == 0 || m.Events[len(m.Events)-1] != event {
					m.Events = append(m.Events, event)
				}
			case !slices.Contains(m.Other, field):
				m.Other = append(m.Other, field)
			}
		}
	})
	return ms
}

// drawable tells whether a character draws in the briefing: some font
// has it, or it draws nothing (controls, joiners, direction marks).
type drawable struct {
	covs  []*coverage
	fonts []*Font
	ascii [128]bool // has, for the characters most text is made of
}

func newDrawable(fonts []*Font) *drawable {
	g := &drawable{covs: []*coverage{builtin[serif].cov(), builtin[dejaVu].cov()}, fonts: fonts}
	for _, f := range fonts {
		g.covs = append(g.covs, f.cov())
	}
	for r := range g.ascii {
		g.ascii[r] = g.slow(rune(r))
	}
	return g
}

func (g *drawable) has(r rune) bool {
	if r >= 0 && r < 128 {
		return g.ascii[r]
	}
	return g.slow(r)
}

func (g *drawable) slow(r rune) bool {
	return r == '\n' || r == '\t' || r == '\r' || invisible(r) || slices.ContainsFunc(g.covs, func(c *coverage) bool { return c.has(r) }) ||
		slices.ContainsFunc(g.fonts, func(f *Font) bool { return f.has(r) })
}

// allDrawn tells whether every character of s draws.
func (g *drawable) allDrawn(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || !g.ascii[c] {
			return !strings.ContainsFunc(s[i:], func(r rune) bool { return !g.has(r) })
		}
	}
	return true
}

// CheckDataset returns what Check returns for the briefing of all of d
// (render.Build(d, timeline.Filter{}, opts)), without building it when it
// can: when every character of d's text and of opts.Version draws, so
// does every character of the briefing, whose other text is the view's
// own wording, and CheckDataset returns nil after one pass over the
// text. Only a dataset holding a character no font has is built into a
// view, to name the events and texts that hold it the way Check does.
// This keeps timeline validate near the cost of loading.
func CheckDataset(d *timeline.Dataset, opts render.Options, fonts []*Font) []Missing {
	g := newDrawable(fonts)
	if datasetDrawn(d, opts, g) {
		return nil
	}
	return Check(render.Build(d, timeline.Filter{}, opts), fonts)
}

// datasetDrawn tells whether every character of every text of d, drawn
// or not, and of opts.Version draws.
func datasetDrawn(d *timeline.Dataset, opts render.Options, g *drawable) bool {
	ok := func(ss ...string) bool {
		return !slices.ContainsFunc(ss, func(s string) bool { return !g.allDrawn(s) })
	}
	if !ok(d.Title, d.Subtitle, d.Language, d.Document, d.Name(), opts.Version) {
		return false
	}
	for _, e := range d.Eras {
		if !ok(e.ID, e.Label, e.Color, e.Description) {
			return false
		}
	}
	for _, c := range d.Categories {
		if !ok(c.ID, c.Label, c.Color, c.Description) {
			return false
		}
	}
	for _, s := range d.Sources {
		if !ok(s.ID, string(s.Kind), s.Author, s.Title, s.Publisher, s.URL, s.Locator) {
			return false
		}
	}
	for _, e := range d.Events {
		if !ok(e.ID, e.Display, e.Title, e.Summary, e.Era, e.Category, string(e.Status), e.Attribution, e.Section) ||
			!ok(e.Tags...) || !ok(e.Sources...) {
			return false
		}
	}
	return true
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
// spaces or line breaks, runs of spaces collapse, and control characters
// are left out. With oneLine, line breaks become spaces too. Characters
// no font has stay: doc.cells draws them as the placeholder.
func clean(s string, oneLine bool) string {
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
		case r == ' ' || r == '\t' || r == '\r' || r == '\n' || r == 0x2028 || r == 0x2029:
			if !prevSpace {
				b.WriteByte(' ')
			}
			prevSpace = true
			continue
		case unicode.Is(unicode.Cc, r) || r == utf8.RuneError:
			if r == utf8.RuneError {
				b.WriteRune(r)
				prevSpace = false
			}
			continue
		default:
			b.WriteRune(r)
		}
		prevSpace = false
	}
	return b.String()
}
