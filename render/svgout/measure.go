package svgout

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
)

// The SVG names its fonts and embeds none: Liberation Sans first, whose
// widths the layout is measured with, then the fonts with the same
// widths (Arial, Helvetica), then any sans-serif.
const fontFamily = "'Liberation Sans', Arial, Helvetica, sans-serif"

// metrics are the advance widths of one face of Liberation Sans, in
// thousandths of the size, read once from the font the PDF embeds.
type metrics struct {
	once   sync.Once
	ttf    []byte
	widths map[rune]int
	font   *sfnt.Font
	upem   int
}

var faces = [2]*metrics{{ttf: liberationsansregular.TTF}, {ttf: liberationsansbold.TTF}}

// width returns the advance of r in thousandths of the size; a character
// the font lacks counts as 0.56 of the size, a format character as 0.
func (m *metrics) width(r rune, buf *sfnt.Buffer) int {
	m.once.Do(func() {
		m.widths = map[rune]int{}
		f, err := sfnt.Parse(m.ttf)
		if err == nil {
			m.font, m.upem = f, int(f.UnitsPerEm())
		}
	})
	if w, ok := m.widths[r]; ok {
		return w
	}
	w := 556
	switch {
	case unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r):
		w = 0
	case m.font != nil:
		if g, err := m.font.GlyphIndex(buf, r); err == nil && g != 0 {
			// At a size of upem/64 pixels an advance of n units is n/64
			// pixels: n in fixed point.
			if adv, err := m.font.GlyphAdvance(buf, g, fixed.Int26_6(m.upem), font.HintingNone); err == nil {
				w = int(adv) * 1000 / m.upem
			}
		}
	}
	m.widths[r] = w
	return w
}

// measure sets the overview's text for the SVG: widths of Liberation
// Sans, lines broken at spaces.
type measure struct {
	mu  sync.Mutex
	buf sfnt.Buffer
}

// Clean returns s on one line: valid UTF-8, every run of white space and
// control characters (which XML 1.0 cannot hold) one space.
func (*measure) Clean(s string) string { return clean(s) }

func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF || r == 0x2028 || r == 0x2029 {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// Isolate returns s between a first-strong isolate and its pop when it
// holds right-to-left text, so that it keeps its own direction and does
// not take the numbers after it into it: what <bdi> does in HTML.
func (*measure) Isolate(s string) string {
	if hasRTL(s) {
		return "\u2068" + s + "\u2069"
	}
	return s
}

// hasRTL reports whether s holds a right-to-left character.
func hasRTL(s string) bool {
	for _, r := range s {
		if r < 0x0590 {
			continue
		}
		p, _ := bidi.LookupRune(r)
		if c := p.Class(); c == bidi.R || c == bidi.AL {
			return true
		}
	}
	return false
}

// Width returns the width of s at size.
func (m *measure) Width(s string, size float64, bold bool) float64 {
	f := faces[0]
	if bold {
		f = faces[1]
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	u := 0
	for _, r := range s {
		u += f.width(r, &m.buf)
	}
	return float64(u) * size / 1000
}

// Wrap breaks s into lines no wider than w at size: at spaces, and inside
// a word longer than a line.
func (m *measure) Wrap(s string, size, w float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
		case m.Width(line+" "+word, size, false) <= w:
			line += " " + word
			continue
		default:
			lines = append(lines, line)
		}
		// A word longer than a line is cut where it reaches the edge.
		for m.Width(word, size, false) > w && utf8.RuneCountInString(word) > 1 {
			rs := []rune(word)
			n := 1
			for n < len(rs) && m.Width(string(rs[:n+1]), size, false) <= w {
				n++
			}
			lines = append(lines, string(rs[:n]))
			word = string(rs[n:])
		}
		line = word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
