package pdfout

import (
	"encoding/binary"
	"maps"
	"slices"
)

// Characters beyond U+FFFF. gofpdf v1.16.2 reads only a font's format 4
// character map, which ends at U+FFFF, and writes text as 16-bit codes,
// so an emoji such as U+1F389 cannot reach it. A --font that has such
// characters (Symbola has the emoji) is given to gofpdf with a rebuilt
// character map in which each of them also answers to a code point of
// the Private Use Area (U+E000–U+F8FF) that the font leaves unused; the
// text draws that code point, wrapped in an ActualText span that tells
// text extraction, search and screen readers the real character.

// astralFirst and astralLast bound the characters remapped: the symbol
// and emoji blocks (U+1F000–U+1FAFF), which a symbol font holds; a CJK
// font's tens of thousands of rare ideographs would not fit the Private
// Use Area.
const (
	astralFirst = 0x1F000
	astralLast  = 0x1FAFF
)

// remapAstral returns ttf with a character map that also maps the
// characters of the emoji and symbol blocks that ttf has (read from its
// format 12 map) to unused Private Use Area code points, and that map;
// or ttf and nil when it has none of them. tables holds ttf's table
// directory.
func remapAstral(ttf []byte, tables map[string][2]int) ([]byte, map[rune]rune) {
	fmt4, fmt12 := sfnt(ttf).unicodeMaps(tables["cmap"][0])
	if fmt4 < 0 || fmt12 < 0 {
		return ttf, nil
	}
	// The BMP map as gofpdf reads it, and the astral characters.
	glyphs := map[rune]int{}
	eachFormat4(ttf, fmt4, func(r rune, g int) { glyphs[r] = g })
	astral := astralGlyphs(sfnt(ttf), fmt12)
	if len(astral) == 0 {
		return ttf, nil
	}
	remap := map[rune]rune{}
	pua := rune(0xE000)
	for _, r := range slices.Sorted(maps.Keys(astral)) {
		for pua <= 0xF8FF && glyphs[pua] != 0 {
			pua++
		}
		if pua > 0xF8FF {
			break
		}
		remap[r] = pua
		glyphs[pua] = astral[r]
		pua++
	}
	sub := format4(glyphs)
	if sub == nil {
		return ttf, nil
	}
	return withCmap(ttf, sub), remap
}

// astralGlyphs returns the glyph of each character between astralFirst
// and astralLast that the format 12 character map at offset fmt12 of f
// maps to a glyph gofpdf can address (1 to 0xFFFF).
func astralGlyphs(f sfnt, fmt12 int) map[rune]int {
	glyphs := map[rune]int{}
	groups := f.u32(fmt12 + 12)
	for g := 0; g < groups && fmt12+16+12*g+12 <= len(f); g++ {
		grp := fmt12 + 16 + 12*g
		first, last, glyph := f.u32(grp), f.u32(grp+4), f.u32(grp+8)
		for r := max(first, astralFirst); r <= min(last, astralLast); r++ {
			if gid := glyph + (r - first); gid != 0 && gid < 0x10000 {
				glyphs[rune(r)] = gid
			}
		}
	}
	return glyphs
}

// withCmap returns a copy of ttf whose cmap table is one Windows Unicode
// subtable, sub, appended to the font with the table directory pointing
// at it.
func withCmap(ttf, sub []byte) []byte {
	table := make([]byte, 12, 12+len(sub))
	binary.BigEndian.PutUint16(table[2:], 1)  // one subtable
	binary.BigEndian.PutUint16(table[4:], 3)  // Windows
	binary.BigEndian.PutUint16(table[6:], 1)  // Unicode BMP
	binary.BigEndian.PutUint32(table[8:], 12) // its offset
	table = append(table, sub...)
	out := slices.Clone(ttf)
	for len(out)%4 != 0 {
		out = append(out, 0)
	}
	at := len(out)
	out = append(out, table...)
	n := int(binary.BigEndian.Uint16(out[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if string(out[rec:rec+4]) == "cmap" {
			binary.BigEndian.PutUint32(out[rec+4:], checksum(table))
			binary.BigEndian.PutUint32(out[rec+8:], uint32(at))
			binary.BigEndian.PutUint32(out[rec+12:], uint32(len(table)))
		}
	}
	return out
}

// format4 returns a cmap subtable of format 4 for glyphs, or nil when it
// would be too long: one segment per run of consecutive characters whose
// glyphs are consecutive too.
func format4(glyphs map[rune]int) []byte {
	rs := make([]rune, 0, len(glyphs))
	for r := range glyphs {
		if r < 0xFFFF {
			rs = append(rs, r)
		}
	}
	slices.Sort(rs)
	type seg struct{ start, end, delta int }
	var segs []seg
	for _, r := range rs {
		d := (glyphs[r] - int(r)) & 0xFFFF
		if n := len(segs); n > 0 && segs[n-1].end == int(r)-1 && segs[n-1].delta == d {
			segs[n-1].end = int(r)
			continue
		}
		segs = append(segs, seg{int(r), int(r), d})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	length := 16 + 8*n
	if length > 0xFFFF {
		return nil
	}
	b := make([]byte, length)
	put := func(o, v int) { binary.BigEndian.PutUint16(b[o:], uint16(v)) }
	put(0, 4)
	put(2, length)
	put(6, 2*n)
	sr := 2
	for sr*2 <= 2*n {
		sr *= 2
	}
	entry := 0
	for 1<<(entry+1) <= n {
		entry++
	}
	put(8, sr)
	put(10, entry)
	put(12, 2*n-sr)
	for i, s := range segs {
		put(14+2*i, s.end)
		put(16+2*n+2*i, s.start)
		put(16+4*n+2*i, s.delta)
		put(16+6*n+2*i, 0)
	}
	return b
}

// checksum is the TrueType table checksum of t.
func checksum(t []byte) uint32 {
	var sum uint32
	for i := 0; i < len(t); i += 4 {
		var w [4]byte
		copy(w[:], t[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
