package timeline

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s folded for search: lower-cased rune by rune (as
// unicode.ToLower does, so İ becomes i), decomposed (NFD) with its
// combining marks (Mn) dropped, so that "Téhéran" folds to "teheran" and
// Arabic vowel signs go; final ς becomes σ; typographic apostrophes and
// quotes become ' and " (‘ ’ ‚ ‛ ʼ ′ to ', “ ” „ ‟ ″ « » to "); Arabic
// ي and ك become the Persian ی and ک; the zero-width non-joiner and the
// tatweel go; and every space (unicode.IsSpace) becomes " ". ß stays ß.
//
// The HTML page's search box folds text with a JavaScript function that
// does the same (render/htmlout/page.js, fold); a browser test checks the
// two agree, code point by code point. Change both together.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(unicode.ToLower(r))
	}
	d := norm.NFD.String(b.String())
	b.Reset()
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'ς':
			r = 'σ'
		case '‘', '’', '‚', '‛', 'ʼ', '′':
			r = '\''
		case '“', '”', '„', '‟', '″', '«', '»':
			r = '"'
		case 'ي':
			r = 'ی'
		case 'ك':
			r = 'ک'
		case '\u200c', '\u0640':
			continue
		}
		if unicode.IsSpace(r) {
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// SearchWords returns the words of the search text q, folded (Fold): what
// is between spaces.
func SearchWords(q string) []string {
	return strings.Fields(Fold(q))
}
