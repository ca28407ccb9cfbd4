package htmlout

import (
	"io"
	"unicode/utf8"

	"github.com/timeline-tool/timeline/render"
)

// A page written all in ASCII loads faster in Chromium than the same page
// in UTF-8 with a few typographic quotes and dashes in it: the decoder
// turns a network read that is all ASCII into a string of one byte a
// letter, and one non-ASCII letter anywhere in the read makes the whole
// read two bytes a letter, for the decoder, the HTML parser and V8's
// compiler and JSON.parse alike. At 1,000 events of English text (2,800
// curly quotes and dashes in 1.3 MB) the page's script started about
// 90 ms sooner all in ASCII (a bare ECharts page of the same bundle:
// 25 ms sooner).
//
// So a page whose text is mostly ASCII is written all in ASCII: its
// other letters as numeric character references in HTML and as \u
// escapes in scripts and JSON. A page mostly in another script (Persian,
// Arabic, Chinese) is written in UTF-8: escaped, its text would take
// three times the bytes.

// asciiShare is how much of a page's text may be non-ASCII, in bytes,
// for the page to be written all in ASCII: one byte in asciiShare.
const asciiShare = 16

// mostlyASCII reports whether v's text is mostly ASCII (asciiShare): the
// text of its events and sources, which is most of a page's bytes.
func mostlyASCII(v *render.View) bool {
	var all, other int
	count := func(s string) {
		all += len(s)
		for i := 0; i < len(s); i++ {
			if s[i] >= utf8.RuneSelf {
				other++
			}
		}
	}
	count(v.Title)
	count(v.Subtitle)
	for _, e := range v.Events {
		count(e.Title)
		count(e.Summary)
		count(e.Label)
		count(e.Attribution)
	}
	for _, s := range v.Sources {
		count(s.Citation)
	}
	return other*asciiShare <= all
}

// appendHTMLASCII appends s to dst with every non-ASCII character as a
// numeric character reference: for HTML text and attribute values, not
// for the text of script and style elements. The C1 controls, U+0080 to
// U+009F, stay as they are: HTML reads their references as the letters
// of Windows-1252 (&#x9b; is ›).
func appendHTMLASCII(dst, s []byte) []byte {
	return appendEscaped(dst, s, func(dst []byte, r rune, raw []byte) []byte {
		if r >= 0x80 && r <= 0x9F {
			return append(dst, raw...)
		}
		return append(appendHex(append(dst, "&#x"...), uint32(r), 1), ';')
	})
}

// appendJSASCII appends s, JavaScript or JSON, to dst with every
// non-ASCII character as a \u escape (two, a surrogate pair, above
// U+FFFF), which both read as the character itself in strings, regular
// expressions and comments. An invalid byte becomes U+FFFD.
func appendJSASCII(dst, s []byte) []byte {
	return appendEscaped(dst, s, func(dst []byte, r rune, _ []byte) []byte {
		if r > 0xFFFF {
			r -= 0x10000
			dst = appendU(dst, 0xD800+uint32(r>>10))
			r = 0xDC00 + r&0x3FF
		}
		return appendU(dst, uint32(r))
	})
}

// appendEscaped appends s to dst with each non-ASCII character as esc
// writes it, given the character (U+FFFD for an invalid byte) and its
// bytes in s.
func appendEscaped(dst, s []byte, esc func(dst []byte, r rune, raw []byte) []byte) []byte {
	for len(s) > 0 {
		i := nonASCII(s)
		dst, s = append(dst, s[:i]...), s[i:]
		if len(s) == 0 {
			break
		}
		r, n := utf8.DecodeRune(s)
		dst, s = esc(dst, r, s[:n]), s[n:]
	}
	return dst
}

// nonASCII returns the index of the first non-ASCII byte of s, or len(s).
func nonASCII(s []byte) int {
	for i, c := range s {
		if c >= utf8.RuneSelf {
			return i
		}
	}
	return len(s)
}

func appendU(dst []byte, u uint32) []byte {
	return appendHex(append(dst, `\u`...), u, 4)
}

// appendHex appends u in lower-case hexadecimal, in at least digits
// digits.
func appendHex(dst []byte, u uint32, digits int) []byte {
	var b [8]byte
	i := len(b)
	for u > 0 || len(b)-i < digits {
		i--
		b[i] = "0123456789abcdef"[u&0xF]
		u >>= 4
	}
	return append(dst, b[i:]...)
}

// jsASCII is a writer of JSON that writes it to w with its non-ASCII
// characters escaped (appendJSASCII). Each write must hold whole
// characters, as json.Encoder's do: it writes each value in one.
type jsASCII struct {
	w   io.Writer
	buf []byte
}

func (a *jsASCII) Write(p []byte) (int, error) {
	a.buf = appendJSASCII(a.buf[:0], p)
	if _, err := a.w.Write(a.buf); err != nil {
		return 0, err
	}
	return len(p), nil
}
