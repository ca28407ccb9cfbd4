package pdfout

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/jung-kurt/gofpdf"
)

// face is one of the styles the briefing is set in.
type face uint8

const (
	serif       face = iota // body text
	serifBold               // event titles
	serifItalic             // status tags, subtitles, era descriptions
	sans                    // labels, header, footer, strip
	sansBold                // headings, dates
	numFaces
)

// A font is one TrueType font the briefing may draw with, by the family
// and style gofpdf knows it by: the embedded ones, then those of
// Options.Fonts. fonts[f] for f < numFaces is the Liberation font of face
// f; then come the fallbacks.
type font struct {
	family, style string
	*Font
}

// The embedded fonts: Liberation (SIL Open Font License) for Latin,
// Greek and Cyrillic in every face, and DejaVu Sans (the Bitstream Vera
// licence, which allows embedding) as the fallback for Arabic, Persian,
// Hebrew and symbols. DejaVu Sans Oblique lacks Arabic and Hebrew, so
// italic falls back on the upright DejaVu Sans.
const (
	dejaVu     = int(numFaces)
	dejaVuBold = int(numFaces) + 1
	numBuiltin = int(numFaces) + 2
)

var builtin = [numBuiltin]font{
	serif:       {"LiberationSerif", "", &Font{name: "Liberation Serif", ttf: liberationserifregular.TTF}},
	serifBold:   {"LiberationSerif", "B", &Font{name: "Liberation Serif", ttf: liberationserifbold.TTF}},
	serifItalic: {"LiberationSerif", "I", &Font{name: "Liberation Serif", ttf: liberationserifitalic.TTF}},
	sans:        {"LiberationSans", "", &Font{name: "Liberation Sans", ttf: liberationsansregular.TTF}},
	sansBold:    {"LiberationSans", "B", &Font{name: "Liberation Sans", ttf: liberationsansbold.TTF}},
	dejaVu:      {"DejaVuSans", "", &Font{name: "DejaVu Sans", ttf: dejavusans.TTF}},
	dejaVuBold:  {"DejaVuSans", "B", &Font{name: "DejaVu Sans", ttf: dejavusansbold.TTF}},
}

func init() {
	for _, f := range builtin {
		ttf := f.ttf
		f.cov = sync.OnceValue(func() *coverage { return cmap4Coverage(ttf) }) // read when first needed
	}
}

// fallback returns the embedded font that face f falls back on.
func fallback(f face) int {
	if f == serifBold || f == sansBold {
		return dejaVuBold
	}
	return dejaVu
}

// Font is a TrueType font given by the user (timeline pdf --font), tried
// after the embedded fonts for the characters they lack. ParseFont and
// LoadFont make one.
type Font struct {
	name   string // its file's, or the embedded font's; for the note on method and for messages
	ttf    []byte
	cov    func() *coverage
	astral map[rune]rune // characters beyond U+FFFF, by the code point that draws them; see astral.go
}

// has reports whether f draws r.
func (f *Font) has(r rune) bool {
	if r > 0xFFFF {
		_, ok := f.astral[r]
		return ok
	}
	return f.cov().has(r)
}

// Name returns the font's file name, without its folder.
func (f *Font) Name() string { return f.name }

// FontError is the error of LoadFont and ParseFont: the file is missing,
// is not a font, or is a font the PDF library cannot embed.
type FontError struct {
	File   string
	Reason string
}

func (e *FontError) Error() string {
	return fmt.Sprintf("font %s: %s", e.File, e.Reason)
}

// fontHint says what a --font can be.
const fontHint = "give a TrueType font file (.ttf), such as /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf " +
	"from the Debian package fonts-droid-fallback"

// LoadFont reads the TrueType font at path.
func LoadFont(path string) (*Font, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		reason := err.Error()
		var pe *os.PathError
		if errors.As(err, &pe) {
			reason = pe.Err.Error()
		}
		return nil, &FontError{File: path, Reason: reason}
	}
	return ParseFont(path, b)
}

// ParseFont checks that b, read from the file name, is a TrueType font
// that gofpdf can embed: a single font (not a collection), with
// TrueType outlines (not CFF), a Unicode character map of format 4, and
// a licence that allows embedding and subsetting. It returns a
// *FontError naming the file and what would work otherwise.
func ParseFont(name string, b []byte) (*Font, error) {
	fail := func(format string, args ...any) (*Font, error) {
		return nil, &FontError{File: name, Reason: fmt.Sprintf(format, args...)}
	}
	if len(b) < 12 {
		return fail("not a font (%d bytes); %s", len(b), fontHint)
	}
	switch tag := string(b[:4]); tag {
	case "\x00\x01\x00\x00", "true":
	case "ttcf":
		return fail("a font collection (.ttc), which the PDF library cannot embed; %s", fontHint)
	case "OTTO":
		return fail("an OpenType font with CFF (PostScript) outlines, which the PDF library cannot embed; %s", fontHint)
	case "wOFF", "wOF2":
		return fail("a web font (WOFF), which the PDF library cannot embed; %s", fontHint)
	default:
		return fail("not a TrueType font; %s", fontHint)
	}
	tables := map[string][2]int{}
	n := int(binary.BigEndian.Uint16(b[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(b) {
			return fail("a damaged TrueType font (its table directory is cut short); %s", fontHint)
		}
		off, length := int(binary.BigEndian.Uint32(b[rec+8:])), int(binary.BigEndian.Uint32(b[rec+12:]))
		if off < 0 || length < 0 || off+length > len(b) || off+length < off {
			return fail("a damaged TrueType font (table %q lies outside the file); %s", b[rec:rec+4], fontHint)
		}
		tables[string(b[rec:rec+4])] = [2]int{off, length}
	}
	var missing []string
	for _, t := range []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "OS/2"} {
		if _, ok := tables[t]; !ok {
			missing = append(missing, t)
		}
	}
	if len(missing) > 0 {
		if _, cff := tables["CFF "]; cff {
			return fail("an OpenType font with CFF (PostScript) outlines, which the PDF library cannot embed; %s", fontHint)
		}
		return fail("a TrueType font without the tables %s that the PDF library needs; %s", strings.Join(missing, ", "), fontHint)
	}
	u16 := func(off int) int { return int(binary.BigEndian.Uint16(b[off:])) }
	if t := tables["name"]; t[1] < 6 || u16(t[0]) != 0 {
		return fail("a TrueType font whose name table the PDF library cannot read; %s", fontHint)
	}
	if t := tables["hhea"]; t[1] < 36 || u16(t[0]+34) == 0 {
		return fail("a TrueType font without horizontal metrics; %s", fontHint)
	}
	if t := tables["head"]; t[1] < 54 || u16(t[0]+50) > 1 {
		return fail("a damaged TrueType font (unknown loca format); %s", fontHint)
	}
	if t := tables["OS/2"]; t[1] >= 10 {
		if fs := u16(t[0] + 8); fs == 0x0002 || fs&0x0300 != 0 {
			return fail("a font whose licence (OS/2 fsType %#04x) forbids embedding it or a subset of it in a document", fs)
		}
	}
	if fmt4, _ := sfnt(b).unicodeMaps(tables["cmap"][0]); fmt4 < 0 {
		return fail("a TrueType font without a Unicode character map of format 4, which the PDF library needs; %s", fontHint)
	}
	b, astral := remapAstral(b, tables)
	cov := cmap4Coverage(b)
	// The checks above keep gofpdf from printing or panicking on the
	// fonts seen; a trial load catches what they miss.
	if err := tryLoad(b); err != nil {
		return fail("a TrueType font the PDF library cannot read (%v); %s", err, fontHint)
	}
	return &Font{name: filepath.Base(name), ttf: b, cov: func() *coverage { return cov }, astral: astral}, nil
}

// tryLoad loads b into a gofpdf document and draws a character with it.
func tryLoad(b []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	pdf := gofpdf.New("P", "pt", "A4", "")
	pdf.AddUTF8FontFromBytes("Trial", "", b)
	if err := pdf.Error(); err != nil {
		return err
	}
	pdf.AddPage()
	pdf.SetFont("Trial", "", 10)
	pdf.GetStringWidth("a")
	return pdf.Error()
}

// coverage is a set of the runes of the Basic Multilingual Plane.
type coverage [0x10000 / 64]uint64

func (c *coverage) has(r rune) bool {
	return r >= 0 && r < 0x10000 && c[r>>6]&(1<<(uint(r)&63)) != 0
}

func (c *coverage) add(r rune) {
	if r >= 0 && r < 0x10000 {
		c[r>>6] |= 1 << (uint(r) & 63)
	}
}

// cmap4Coverage returns the runes that the TrueType font ttf maps to a
// glyph other than .notdef, read from its Unicode cmap subtable of format
// 4, the only one gofpdf v1.16.2 reads: nothing above U+FFFF is in it,
// whatever the font holds. A font it cannot read covers nothing.
func cmap4Coverage(ttf []byte) *coverage {
	var c coverage
	f := sfnt(ttf)
	cmap := -1
	for i, n := 0, f.u16(4); i < n; i++ {
		rec := 12 + 16*i
		if rec+16 <= len(ttf) && string(ttf[rec:rec+4]) == "cmap" {
			cmap = f.u32(rec + 8)
		}
	}
	if cmap < 0 {
		return &c
	}
	if fmt4, _ := f.unicodeMaps(cmap); fmt4 >= 0 {
		eachFormat4(ttf, fmt4, func(r rune, _ int) { c.add(r) })
	}
	return &c
}

// sfnt is a TrueType font's bytes, read with bounds: an offset past the
// end reads as zero.
type sfnt []byte

func (f sfnt) u16(o int) int {
	if o < 0 || o+2 > len(f) {
		return 0
	}
	return int(binary.BigEndian.Uint16(f[o:]))
}

func (f sfnt) u32(o int) int {
	if o < 0 || o+4 > len(f) {
		return 0
	}
	return int(binary.BigEndian.Uint32(f[o:]))
}

// unicodeMaps returns the offsets of the first Unicode character maps of
// format 4 and of format 12 in the cmap table at offset cmap, -1 for a
// format the font does not have.
func (f sfnt) unicodeMaps(cmap int) (fmt4, fmt12 int) {
	fmt4, fmt12 = -1, -1
	for i, n := 0, f.u16(cmap+2); i < n; i++ {
		rec := cmap + 4 + 8*i
		platform, encoding, sub := f.u16(rec), f.u16(rec+2), cmap+f.u32(rec+4)
		switch format := f.u16(sub); {
		case format == 4 && (platform == 3 && encoding == 1 || platform == 0) && fmt4 < 0:
			fmt4 = sub
		case format == 12 && (platform == 3 && encoding == 10 || platform == 0) && fmt12 < 0:
			fmt12 = sub
		}
	}
	return fmt4, fmt12
}

// eachFormat4 calls f with every character the format 4 character map at
// offset sub of ttf maps to a glyph, and that glyph (never 0), as gofpdf
// reads the map: characters below U+FFFF only. Offsets past the end of
// ttf read as zero.
func eachFormat4(ttf []byte, sub int, f func(r rune, glyph int)) {
	u16 := sfnt(ttf).u16
	segs := u16(sub+6) / 2
	ends := sub + 14
	starts := ends + 2*segs + 2
	deltas := starts + 2*segs
	ranges := deltas + 2*segs
	for s := 0; s < segs; s++ {
		first, last := u16(starts+2*s), u16(ends+2*s)
		delta, ro := u16(deltas+2*s), u16(ranges+2*s)
		for r := first; r <= last && r < 0xFFFF; r++ {
			g := 0
			if ro == 0 {
				g = (r + delta) & 0xFFFF
			} else if g = u16(ranges + 2*s + ro + 2*(r-first)); g != 0 {
				g = (g + delta) & 0xFFFF
			}
			if g != 0 {
				f(rune(r), g)
			}
		}
	}
}
