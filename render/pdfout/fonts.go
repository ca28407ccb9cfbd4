package pdfout

import (
	"encoding/binary"
	"sync"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
)

// face is one of the embedded fonts.
type face uint8

const (
	serif       face = iota // body text
	serifBold               // event titles
	serifItalic             // status tags, subtitles, era descriptions
	sans                    // labels, header, footer, strip
	sansBold                // headings, dates
	numFaces
)

var faces = [numFaces]struct {
	family, style string
	ttf           []byte
}{
	serif:       {"LiberationSerif", "", liberationserifregular.TTF},
	serifBold:   {"LiberationSerif", "B", liberationserifbold.TTF},
	serifItalic: {"LiberationSerif", "I", liberationserifitalic.TTF},
	sans:        {"LiberationSans", "", liberationsansregular.TTF},
	sansBold:    {"LiberationSans", "B", liberationsansbold.TTF},
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

// drawable holds the runes that every embedded font has a glyph for. gofpdf
// v1.16.2 handles only the Basic Multilingual Plane, so nothing above
// U+FFFF is in it, whatever the fonts hold.
var drawable = sync.OnceValue(func() *coverage {
	var all coverage
	for i := range all {
		all[i] = ^uint64(0)
	}
	for _, f := range faces {
		c := cmapCoverage(f.ttf)
		for i := range all {
			all[i] &= c[i]
		}
	}
	return &all
})

// cmapCoverage returns the BMP runes that the TrueType font ttf maps to a
// glyph other than .notdef, read from its Windows Unicode cmap subtable
// (format 4 or 12). A font it cannot read covers nothing.
func cmapCoverage(ttf []byte) *coverage {
	var c coverage
	u16 := func(off int) int {
		if off < 0 || off+2 > len(ttf) {
			return 0
		}
		return int(binary.BigEndian.Uint16(ttf[off:]))
	}
	u32 := func(off int) int {
		if off < 0 || off+4 > len(ttf) {
			return 0
		}
		return int(binary.BigEndian.Uint32(ttf[off:]))
	}
	cmap := -1
	for i, n := 0, u16(4); i < n; i++ {
		rec := 12 + 16*i
		if rec+16 <= len(ttf) && string(ttf[rec:rec+4]) == "cmap" {
			cmap = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return &c
	}
	var fmt4, fmt12 = -1, -1
	for i, n := 0, u16(cmap+2); i < n; i++ {
		rec := cmap + 4 + 8*i
		platform, encoding, off := u16(rec), u16(rec+2), cmap+u32(rec+4)
		switch format := u16(off); {
		case format == 12 && (platform == 3 && encoding == 10 || platform == 0):
			fmt12 = off
		case format == 4 && (platform == 3 && encoding == 1 || platform == 0):
			fmt4 = off
		}
	}
	switch {
	case fmt12 >= 0:
		for g, n := 0, u32(fmt12+12); g < n; g++ {
			grp := fmt12 + 16 + 12*g
			first, last, glyph := u32(grp), u32(grp+4), u32(grp+8)
			for r := first; r <= last && r < 0x10000; r++ {
				if glyph+(r-first) != 0 {
					c.add(rune(r))
				}
			}
		}
	case fmt4 >= 0:
		segs := u16(fmt4+6) / 2
		ends := fmt4 + 14
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
					c.add(rune(r))
				}
			}
		}
	}
	return &c
}
