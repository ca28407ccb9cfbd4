package pdfout

import (
	"math"
	"slices"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"
)

// Text in any script. gofpdf draws the characters it is given, left to
// right, one font at a time, and shapes nothing; so before a line is
// drawn:
//
//   - Arabic and Persian letters become their joined presentation forms
//     (initial, medial, final, isolated, and the lam-alef ligatures), in
//     logical order (shape);
//   - every character gets the first font of its face's chain that has
//     the whole run of text in its script, else the first that has the
//     character, else the placeholder (assign);
//   - the line is put in visual order by the Unicode bidirectional
//     algorithm, mirroring brackets in right-to-left runs (visual);
//   - the runs of one font are drawn one after the other (doc.text).
//
// Lines break at spaces and between CJK characters (wrapCells). The
// levels come from golang.org/x/text/unicode/bidi, which resolves the
// weak and neutral types of UAX #9 and reports each character's
// direction; see levels for how the embedding levels follow from it.

// placeholder is drawn for a character no font has.
const placeholder = '\uFFFD'

// cell is one character to draw and the font to draw it with: an index
// into doc.fonts, or noFont for a character that draws nothing (a
// direction mark, a joiner), kept for the bidirectional algorithm.
type cell struct {
	r    rune
	font int
	// actual is the character beyond U+FFFF that r, a Private Use Area
	// code point of the font, stands for (see astral.go), or 0.
	actual rune
}

// logical returns the character c stands for.
func (c cell) logical() rune {
	if c.actual != 0 {
		return c.actual
	}
	return c.r
}

const noFont = -2

// isolate returns s, data shown within a line of the briefing's own
// (English) text, such that the line reads left to right and s does not
// take the numbers after it into its direction: between left-to-right
// marks when it holds right-to-left text, else as it is. It is what
// <bdi> does for the HTML page.
func isolate(s string) string {
	for _, r := range s {
		if rtl(r) {
			return "\u200E" + s + "\u200E"
		}
	}
	return s
}

// joining is how an Arabic letter joins its neighbours.
type joining uint8

const (
	joinNone  joining = iota
	joinRight         // joins the letter before it only (alef, dal, reh, waw…)
	joinDual          // joins on both sides (beh, seen, lam…)
	joinCause         // tatweel and zero width joiner: join both sides, have no forms
	joinTrans         // marks: transparent to joining
)

// forms holds an Arabic letter's presentation forms: isolated, final,
// initial, medial; 0 where the letter has none.
type forms [4]rune

const (
	isolated = iota
	final
	initial
	medial
)

// arabic maps each Arabic letter to its presentation forms, and each
// lam-alef pair to its ligature's isolated and final forms. The tables
// are read from Unicode's compatibility decompositions of the
// presentation form blocks (U+FB50–U+FDFF, U+FE70–U+FEFF), whose letters
// come in runs of four (isolated, final, initial, medial) for letters
// that join on both sides and of two (isolated, final) for those that
// join on the right.
var arabic = sync.OnceValue(func() (t struct {
	letters map[rune]forms
	lamAlef map[rune][2]rune // by the alef
}) {
	t.letters = map[rune]forms{}
	t.lamAlef = map[rune][2]rune{}
	scan := func(lo, hi rune) {
		for r := lo; r <= hi; {
			d := []rune(norm.NFKC.String(string(r)))
			end := r + 1
			for end <= hi && slices.Equal([]rune(norm.NFKC.String(string(end))), d) {
				end++
			}
			n := int(end - r)
			switch {
			case len(d) == 1 && (n == 4 || n == 2) && unicode.Is(unicode.Arabic, d[0]):
				if _, seen := t.letters[d[0]]; !seen {
					var f forms
					for i := 0; i < n; i++ {
						f[i] = r + rune(i)
					}
					t.letters[d[0]] = f
				}
			case len(d) == 2 && d[0] == 0x0644 && n == 2:
				if _, seen := t.lamAlef[d[1]]; !seen {
					t.lamAlef[d[1]] = [2]rune{r, r + 1}
				}
			}
			r = end
		}
	}
	scan(0xFE70, 0xFEFF) // Forms-B first: the basic letters
	scan(0xFB50, 0xFDFF) // Forms-A: Persian, Urdu and others
	return t
})

// joiningOf returns how r joins.
func joiningOf(r rune) joining {
	switch {
	case r == 0x0640 || r == 0x200D:
		return joinCause
	case unicode.In(r, unicode.Mn, unicode.Me) || r == 0x200B:
		return joinTrans
	}
	f, ok := arabic().letters[r]
	switch {
	case !ok:
		return joinNone
	case f[initial] != 0:
		return joinDual
	default:
		return joinRight
	}
}

// hasArabic reports whether s holds a character of the Arabic blocks.
func hasArabic(rs []rune) bool {
	return slices.ContainsFunc(rs, func(r rune) bool { return r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F })
}

// shape returns rs with each Arabic letter in its joined form, where
// has says a font has that form; other characters are unchanged. rs is in
// logical order. Letters join across transparent marks; lam followed by
// alef becomes one ligature.
func shape(rs []rune, has func(rune) bool) []rune {
	if !hasArabic(rs) {
		return rs
	}
	t := arabic()
	j := make([]joining, len(rs))
	for i, r := range rs {
		j[i] = joiningOf(r)
	}
	// neighbour returns the index of the next non-transparent character
	// from i in direction step, or -1.
	neighbour := func(i, step int) int {
		for k := i + step; k >= 0 && k < len(rs); k += step {
			if j[k] != joinTrans {
				return k
			}
		}
		return -1
	}
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if j[i] != joinDual && j[i] != joinRight {
			out = append(out, r)
			continue
		}
		p, n := neighbour(i, -1), neighbour(i, +1)
		joinsBefore := p >= 0 && (j[p] == joinDual || j[p] == joinCause)
		joinsAfter := n >= 0 && j[i] == joinDual && (j[n] == joinDual || j[n] == joinRight || j[n] == joinCause)
		if r == 0x0644 && n >= 0 {
			if lig, ok := t.lamAlef[rs[n]]; ok {
				form := lig[isolated]
				if joinsBefore {
					form = lig[final]
				}
				if has(form) {
					out = append(out, form)
					out = append(out, rs[i+1:n]...) // the marks between them
					i = n
					continue
				}
			}
		}
		k := isolated
		switch {
		case joinsBefore && joinsAfter:
			k = medial
		case joinsBefore:
			k = final
		case joinsAfter:
			k = initial
		}
		f := t.letters[r]
		switch {
		case f[k] != 0 && has(f[k]):
			out = append(out, f[k])
		case k == medial && f[final] != 0 && has(f[final]):
			out = append(out, f[final])
		default:
			out = append(out, r)
		}
	}
	return out
}

// rtl reports whether r is a strong right-to-left character or a
// right-to-left mark or embedding.
func rtl(r rune) bool {
	switch {
	case r < 0x0590:
		return false
	case r <= 0x08FF, r >= 0xFB1D && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF, r >= 0x10800 && r <= 0x10FFF, r >= 0x1E800 && r <= 0x1EFFF:
		return true
	case r == 0x200F || r == 0x202B || r == 0x202E || r == 0x2067:
		return true
	}
	return false
}

// levels returns the bidirectional embedding level of each of rs, one
// line of text, whose paragraph direction is that of its first strong
// character. golang.org/x/text/unicode/bidi resolves the weak and
// neutral types (rules W1–W7, N0–N2) and reports runs of one direction;
// the levels follow from them by rules I1–I2 since the text holds no
// explicit embeddings: in a right-to-left paragraph (level 1) the
// left-to-right runs are at level 2; in a left-to-right one (level 0)
// the right-to-left runs are at level 1 and numbers after right-to-left
// text at level 2. A range of numbers ("1960–1980") in right-to-left
// text is kept in its logical order, as the HTML page does with dir=ltr.
func levels(rs []rune) []int8 {
	lv := make([]int8, len(rs))
	base := baseLevel(rs)
	var p bidi.Paragraph
	if _, err := p.SetString(string(rs), bidi.DefaultDirection(direction(base))); err != nil {
		return lv
	}
	o, err := p.Order()
	if err != nil {
		return lv
	}
	for i := 0; i < o.NumRuns(); i++ {
		run := o.Run(i)
		start, end := run.Pos()
		odd := run.Direction() == bidi.RightToLeft
		for k := start; k <= end && k < len(rs); k++ {
			switch {
			case odd:
				lv[k] = 1
			case base == 1:
				lv[k] = 2
			default:
				lv[k] = 0
			}
		}
	}
	if base == 0 {
		// Numbers after right-to-left text stay numbers (W2, W7) and go
		// to level 2 (I1).
		strong := bidi.L
		for k, r := range rs {
			p, _ := bidi.LookupRune(r)
			switch c := p.Class(); c {
			case bidi.L, bidi.R, bidi.AL:
				strong = c
			case bidi.EN, bidi.AN:
				if lv[k] == 0 && strong != bidi.L {
					lv[k] = 2
				}
			}
		}
	}
	keepRanges(rs, lv)
	return lv
}

// baseLevel returns the paragraph level of rs (rules P2, P3): 1 when its
// first strong character is right to left, else 0.
func baseLevel(rs []rune) int8 {
	for _, r := range rs {
		p, _ := bidi.LookupRune(r)
		if c := p.Class(); c == bidi.L {
			return 0
		} else if c == bidi.R || c == bidi.AL {
			return 1
		}
	}
	return 0
}

func direction(level int8) bidi.Direction {
	if level == 1 {
		return bidi.RightToLeft
	}
	return bidi.LeftToRight
}

// keepRanges puts each range of numbers that stands in right-to-left
// text ("1960–1980", "1960 - 1980", "12/3") at one even level, so that
// it reads left to right as a whole.
func keepRanges(rs []rune, lv []int8) {
	digit := func(r rune) bool {
		p, _ := bidi.LookupRune(r)
		return p.Class() == bidi.EN || p.Class() == bidi.AN
	}
	joiner := func(r rune) bool {
		return r == '-' || r == '–' || r == '—' || r == '/' || r == ' ' || r == '\u2009' || r == '\u202F'
	}
	for i := 0; i < len(rs); {
		if !digit(rs[i]) {
			i++
			continue
		}
		// A maximal run of digits and what joins them, ending in a digit;
		// a range when a dash or slash joins two numbers.
		end, joined := i, false
		for k := i; k < len(rs) && (digit(rs[k]) || joiner(rs[k]) || rs[k] == '.' || rs[k] == ','); k++ {
			if digit(rs[k]) {
				end = k + 1
			}
		}
		for k := i; k < end; k++ {
			joined = joined || rs[k] == '-' || rs[k] == '–' || rs[k] == '—' || rs[k] == '/'
		}
		if joined {
			odd := false
			for k := i; k < end; k++ {
				odd = odd || lv[k]%2 == 1
			}
			if odd || lv[i] == 2 {
				top := int8(0)
				for k := i; k < end; k++ {
					top = max(top, lv[k])
				}
				top += top % 2 // the next even level
				for k := i; k < end; k++ {
					lv[k] = top
				}
			}
		}
		i = max(end, i+1)
	}
}

// mirror maps the brackets that a right-to-left run draws mirrored.
var mirror = map[rune]rune{'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<',
	'«': '»', '»': '«', '‹': '›', '›': '‹'}

// visual returns cs, one line in logical order, in visual order (rule L2
// of UAX #9), with brackets at odd levels mirrored (L4). Lines with no
// right-to-left character come back as they are.
func visual(cs []cell) []cell {
	if !slices.ContainsFunc(cs, func(c cell) bool { return rtl(c.r) }) {
		return cs
	}
	rs := make([]rune, len(cs))
	for i, c := range cs {
		rs[i] = c.r
	}
	lv := levels(rs)
	out := slices.Clone(cs)
	top, lowOdd := int8(0), int8(math.MaxInt8)
	for _, l := range lv {
		top = max(top, l)
		if l%2 == 1 {
			lowOdd = min(lowOdd, l)
		}
	}
	for i := range out {
		if lv[i]%2 == 1 {
			if m, ok := mirror[out[i].r]; ok {
				out[i].r = m
			}
		}
	}
	// A combining mark stays after its base in a reversed run, as gofpdf
	// draws it over the character before it.
	marks := func(from, to int) {
		for i := from; i < to; {
			if !unicode.Is(unicode.Mn, out[i].r) {
				i++
				continue
			}
			j := i
			for j < to && unicode.Is(unicode.Mn, out[j].r) {
				j++
			}
			if j < to {
				base := out[j]
				copy(out[i+1:j+1], out[i:j])
				out[i] = base
			}
			i = j + 1
		}
	}
	for l := top; l >= lowOdd && l > 0; l-- {
		for i := 0; i < len(out); {
			if lv[i] < l {
				i++
				continue
			}
			j := i
			for j < len(out) && lv[j] >= l {
				j++
			}
			slices.Reverse(out[i:j])
			slices.Reverse(lv[i:j])
			if l == lowOdd {
				marks(i, j)
			}
			i = j
		}
	}
	return out
}

// script returns a key for the script of r that groups the scripts one
// font usually covers together (Han, Hiragana, Katakana and Hangul), or
// 0 for characters of any script: spaces, punctuation, digits, marks.
func script(r rune) int {
	switch {
	case r < 0x80:
		if unicode.IsLetter(r) {
			return 1
		}
		return 0
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo):
		return 2
	case unicode.Is(unicode.So, r):
		return symbols // symbols and emoji: a run of their own, in a font that has them
	case unicode.Is(unicode.Common, r) || unicode.Is(unicode.Inherited, r):
		return 0
	}
	for i, t := range scripts {
		if unicode.Is(t, r) {
			return 3 + i
		}
	}
	return 3 + len(scripts)
}

// symbols is the script key of symbols and emoji.
const symbols = -1

var scripts = []*unicode.RangeTable{unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Arabic, unicode.Hebrew,
	unicode.Armenian, unicode.Georgian, unicode.Thai, unicode.Devanagari, unicode.Bengali, unicode.Tamil, unicode.Ethiopic}

// cjk reports whether a line may break before or after r: CJK ideographs,
// kana, and the fullwidth forms.
func cjk(r rune) bool {
	return r >= 0x2E80 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF)
}

// noBreakBefore and noBreakAfter are the CJK punctuation a line does not
// start or end with (kinsoku shori).
func noBreakBefore(r rune) bool {
	switch r {
	case '、', '。', '，', '．', '：', '；', '？', '！', '）', '」', '』', '】', '〉', '》', '〕', '｝', '］', 'ー', '々', '・',
		'ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ', 'っ', 'ゃ', 'ゅ', 'ょ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ッ', 'ャ', 'ュ', 'ョ',
		')', ']', '}', ',', '.', ':', ';', '!', '?', '…':
		return true
	}
	return false
}

func noBreakAfter(r rune) bool {
	switch r {
	case '（', '「', '『', '【', '〈', '《', '〔', '｛', '［', '(', '[', '{':
		return true
	}
	return false
}

// breakBefore reports whether a line may break between cs[i-1] and cs[i]
// without a space.
func breakBefore(cs []cell, i int) bool {
	a, b := cs[i-1].r, cs[i].r
	return (cjk(a) || cjk(b)) && !noBreakBefore(b) && !noBreakAfter(a) && a != ' ' && b != ' '
}

// invisible reports whether r draws nothing: controls and format
// characters (joiners, direction marks, soft hyphens).
func invisible(r rune) bool {
	return r != '\n' && (unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r))
}
