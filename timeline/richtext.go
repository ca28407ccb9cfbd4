package timeline

import (
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rich text. An event's summary and an era's or category's description
// may carry a small inline markup, a subset of Markdown's:
//
//	[link text](https://example.org/page)   a link (http(s), or a path beside the dataset)
//	*emphasis*  _emphasis_                  emphasis (italic)
//	**strong**  __strong__                  strong (bold)
//	\*  \_  \[  \\                          a backslash makes the next punctuation literal
//
// A line break is a new paragraph. Markup that is not complete is text:
// "[sic]" (no address after it), "5 * 3" (a star beside a space) and
// "snake_case" (an underscore inside a word) read as written, so that
// ordinary prose means what it says. A link whose address is neither
// http(s) nor a relative path inside the dataset's folder (SafeMediaURL)
// is refused by Validate and shown as its text alone.

// Span is a run of rich text in one style.
type Span struct {
	Text   string
	Em     bool
	Strong bool
	Link   string // the address the text links to, "" for none; always SafeMediaURL
}

// TextLink is a link of rich text: its address and where its markup
// starts, as a byte offset into the text.
type TextLink struct {
	URL    string
	Offset int
}

// markupChars are the bytes that can start markup.
const markupChars = "\\*_["

// IsPlainText reports whether s has no markup: it reads as written.
func IsPlainText(s string) bool {
	if !strings.ContainsAny(s, markupChars) {
		return true
	}
	spans := ParseText(s)
	return len(spans) == 0 || len(spans) == 1 && spans[0] == Span{Text: s}
}

// ParseText returns the spans of rich text s, in order, adjacent spans of
// one style merged. It never fails: what is not markup is text.
func ParseText(s string) []Span {
	if !strings.ContainsAny(s, markupChars) {
		if s == "" {
			return nil
		}
		return []Span{{Text: s}}
	}
	p := newTextParser(s)
	p.parse(0, len(s), Span{})
	p.flush()
	return p.spans
}

// PlainText returns rich text s without its markup: what search, sorting,
// tooltips and plain-text outputs use.
func PlainText(s string) string {
	if !strings.ContainsAny(s, markupChars) {
		return s
	}
	return spansText(ParseText(s))
}

// spansText returns the text of spans, without their styles.
func spansText(spans []Span) string {
	var b strings.Builder
	for _, sp := range spans {
		b.WriteString(sp.Text)
	}
	return b.String()
}

// TextLinks returns every link of rich text s, safe or not, in order.
func TextLinks(s string) []TextLink {
	if !strings.Contains(s, "](") {
		return nil
	}
	p := newTextParser(s)
	p.parse(0, len(s), Span{})
	return p.links
}

// EscapeText returns plain text s as rich text that reads as s: a
// backslash before each character that could start or end markup, and
// before each backslash that stands before punctuation.
func EscapeText(s string) string {
	if !strings.ContainsAny(s, markupChars+"]") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && (i+1 == len(s) || !isASCIIPunct(s[i+1])):
			// A backslash before anything but punctuation is itself.
		case strings.IndexByte(markupChars+"]", c) >= 0:
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// WriteTextHTML writes spans as escaped HTML: <a href> (with rel
// "noopener noreferrer"), <strong> and <em>; line breaks stay line
// breaks. Text is escaped by escText and link addresses by escURL
// (html.EscapeString when nil).
func WriteTextHTML(b *strings.Builder, spans []Span, escText, escURL func(*strings.Builder, string)) {
	if escText == nil {
		escText = func(b *strings.Builder, s string) { b.WriteString(html.EscapeString(s)) }
	}
	if escURL == nil {
		escURL = escText
	}
	var open Span // the link and styles open at this point
	closeTo := func(keepLink, keepStrong bool) {
		if open.Em {
			b.WriteString("</em>")
			open.Em = false
		}
		if open.Strong && !keepStrong {
			b.WriteString("</strong>")
			open.Strong = false
		}
		if open.Link != "" && !keepLink {
			b.WriteString("</a>")
			open.Link = ""
		}
	}
	for _, sp := range spans {
		sameLink := sp.Link == open.Link
		closeTo(sameLink, sameLink && sp.Strong == open.Strong)
		if sp.Link != "" && open.Link == "" {
			b.WriteString(`<a href="`)
			escURL(b, sp.Link)
			b.WriteString(`" rel="noopener noreferrer">`)
			open.Link = sp.Link
		}
		if sp.Strong && !open.Strong {
			b.WriteString("<strong>")
			open.Strong = true
		}
		if sp.Em {
			b.WriteString("<em>")
			open.Em = true
		}
		escText(b, sp.Text)
	}
	closeTo(false, false)
}

// textParser reads rich text. Emphasis closers are found through
// closers, the positions of every run of * or _ that can close, so that
// reading stays O(n log n) however the markup is broken.
type textParser struct {
	s       string
	closers map[string][]int // "*", "**", "_", "__": the starts of runs that can close
	match   map[int]int      // the "]" that closes the "[" at a position, on the same line
	spans   []Span
	links   []TextLink
	cur     strings.Builder // the text of the last span, while it grows
}

func newTextParser(s string) *textParser {
	p := &textParser{s: s, closers: map[string][]int{}, match: map[int]int{}}
	var open []int // the "[" not yet closed on this line
	for i := 0; i < len(s); {
		switch s[i] {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				i += 2
				continue
			}
		case '[':
			open = append(open, i)
		case ']':
			if n := len(open); n > 0 {
				p.match[open[n-1]] = i
				open = open[:n-1]
			}
		case '\n':
			open = open[:0]
		}
		if s[i] != '*' && s[i] != '_' {
			i++
			continue
		}
		n := runLen(s, i)
		if n <= 2 && p.canClose(i, n) {
			p.closers[s[i:i+n]] = append(p.closers[s[i:i+n]], i)
		}
		i += n
	}
	return p
}

// runLen returns the length of the run of s[i] starting at i.
func runLen(s string, i int) int {
	n := 1
	for i+n < len(s) && s[i+n] == s[i] {
		n++
	}
	return n
}

// runeAt returns the character before (before) or at i; false at the
// ends of s.
func (p *textParser) runeAt(i int, before bool) (rune, bool) {
	switch {
	case before && i > 0:
		r, _ := utf8.DecodeLastRuneInString(p.s[:i])
		return r, true
	case !before && i < len(p.s):
		r, _ := utf8.DecodeRuneInString(p.s[i:])
		return r, true
	}
	return 0, false
}

// wordAt reports whether the character before or at i is a letter or a
// digit, spaceAt whether it is white space or an end of s.
func (p *textParser) wordAt(i int, before bool) bool {
	r, ok := p.runeAt(i, before)
	return ok && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func (p *textParser) spaceAt(i int, before bool) bool {
	r, ok := p.runeAt(i, before)
	return !ok || unicode.IsSpace(r)
}

// canOpen and canClose apply the rule that keeps prose as written: a run
// opens before a non-space and not after a letter or digit, and closes
// after a non-space and not before a letter or digit.
func (p *textParser) canOpen(i, n int) bool {
	return !p.spaceAt(i+n, false) && !p.wordAt(i, true)
}

func (p *textParser) canClose(i, n int) bool {
	return !p.spaceAt(i, true) && !p.wordAt(i+n, false)
}

// parse reads s[lo:hi] in style st.
func (p *textParser) parse(lo, hi int, st Span) {
	start := lo // of the text not yet added
	for i := lo; i < hi; {
		c := p.s[i]
		switch {
		case c == '\\' && i+1 < hi && isASCIIPunct(p.s[i+1]):
			p.add(p.s[start:i], st)
			start, i = i+1, i+2
			continue
		case c == '[' && st.Link == "": // no link inside a link
			if j, k, ok := p.link(i, hi); ok {
				p.add(p.s[start:i], st)
				url := p.s[j+2 : k]
				p.links = append(p.links, TextLink{URL: url, Offset: i})
				inner := st
				if SafeMediaURL(url) {
					inner.Link = url
				}
				p.parse(i+1, j, inner)
				start, i = k+1, k+1
				continue
			}
		case c == '*' || c == '_':
			n := runLen(p.s, i)
			if end, ok := p.emphasis(i, n, hi); ok {
				p.add(p.s[start:i], st)
				inner := st
				inner.Strong = inner.Strong || n == 2
				inner.Em = inner.Em || n == 1
				p.parse(i+n, end, inner)
				start, i = end+n, end+n
				continue
			}
			i += n
			continue
		}
		i++
	}
	p.add(p.s[start:hi], st)
}

// emphasis returns where the emphasis whose opening run of n starts at i
// closes; false when the run opens nothing before hi.
func (p *textParser) emphasis(i, n, hi int) (int, bool) {
	if n > 2 || !p.canOpen(i, n) {
		return 0, false
	}
	cs := p.closers[p.s[i:i+n]]
	k, _ := slices.BinarySearch(cs, i+n+1)
	if k == len(cs) || cs[k]+n > hi {
		return 0, false
	}
	return cs[k], true
}

// link returns, for the link whose "[" is at i, the index of its "]"
// and of the ")" that ends its address; false when no "](address)"
// follows before hi.
func (p *textParser) link(i, hi int) (int, int, bool) {
	j, ok := p.match[i]
	if !ok {
		return 0, 0, false
	}
	if j+1 >= hi || p.s[j+1] != '(' {
		return 0, 0, false
	}
	k := j + 2
	// The address ends at the first ")" outside parentheses of its own
	// (https://en.wikipedia.org/wiki/Twain_(disambiguation)).
	paren := 0
	for ; k < hi && k-j <= MaxURL+2; k++ {
		if c := p.s[k]; c <= ' ' || c == ')' && paren == 0 {
			break
		} else if c == '(' {
			paren++
		} else if c == ')' {
			paren--
		}
	}
	if k >= hi || p.s[k] != ')' || k == j+2 {
		return 0, 0, false
	}
	return j, k, true
}

// add appends text t in style st, merged with the span before when that
// has the same style.
func (p *textParser) add(t string, st Span) {
	if t == "" {
		return
	}
	if n := len(p.spans); n > 0 {
		if last := &p.spans[n-1]; last.Em == st.Em && last.Strong == st.Strong && last.Link == st.Link {
			p.cur.WriteString(t)
			return
		}
	}
	p.flush()
	p.cur.WriteString(t)
	p.spans = append(p.spans, st)
}

// flush sets the text of the last span to what has been added to it.
func (p *textParser) flush() {
	if n := len(p.spans); n > 0 && p.cur.Len() > 0 {
		p.spans[n-1].Text = p.cur.String()
	}
	p.cur.Reset()
}

func isASCIIPunct(c byte) bool {
	return c < 0x80 && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}

// FormatText returns spans as rich text that ParseText reads back to the
// same text in the same styles: what readers of other formats (HTML,
// Markdown) make of their formatted text. Text is escaped only where it
// would otherwise read as markup. Where styles cannot be written (an
// emphasis inside a word, a link across a line break), the text is kept
// and that style is dropped.
func FormatText(spans []Span) string {
	t := spansText(spans)
	if !slices.ContainsFunc(spans, func(sp Span) bool { return sp.Em || sp.Strong || sp.Link != "" }) {
		if IsPlainText(t) {
			return t
		}
		return EscapeText(t)
	}
	for _, escape := range []bool{false, true} {
		if m := formatSpans(spans, escape); sameText(ParseText(m), spans) {
			return m
		}
	}
	return EscapeText(t)
}

// formatSpans writes spans as markup: links outermost, then strong, then
// emphasis; with escape, every markup character of the text escaped.
func formatSpans(spans []Span, escape bool) string {
	var b strings.Builder
	for i := 0; i < len(spans); {
		j := i + 1
		for j < len(spans) && spans[j].Link == spans[i].Link {
			j++
		}
		if spans[i].Link == "" {
			formatStyled(&b, spans[i:j], escape)
		} else {
			var in strings.Builder
			formatStyled(&in, spans[i:j], escape)
			wrapMarkup(&b, "[", in.String(), "]("+linkAddress(spans[i].Link)+")")
		}
		i = j
	}
	return b.String()
}

// formatStyled writes spans of one link: runs of strong text between **,
// emphasis between *.
func formatStyled(b *strings.Builder, spans []Span, escape bool) {
	for i := 0; i < len(spans); {
		j := i + 1
		for j < len(spans) && spans[j].Strong == spans[i].Strong {
			j++
		}
		var in strings.Builder
		for _, sp := range spans[i:j] {
			t := sp.Text
			if escape {
				t = EscapeText(t)
			}
			if sp.Em {
				wrapMarkup(&in, "*", t, "*")
			} else {
				in.WriteString(t)
			}
		}
		if spans[i].Strong {
			wrapMarkup(b, "**", in.String(), "**")
		} else {
			b.WriteString(in.String())
		}
		i = j
	}
}

// wrapMarkup writes in between open and close, with the white space at
// its ends outside them (markup cannot open before or close after a
// space).
func wrapMarkup(b *strings.Builder, open, in, close string) {
	core := strings.TrimSpace(in)
	if core == "" {
		b.WriteString(in)
		return
	}
	k := strings.Index(in, core)
	b.WriteString(in[:k])
	b.WriteString(open)
	b.WriteString(core)
	b.WriteString(close)
	b.WriteString(in[k+len(core):])
}

// linkAddress returns u as the address of a link: spaces, and
// parentheses that do not pair, percent-encoded.
func linkAddress(u string) string {
	depth, paired := 0, true
	for _, c := range u {
		if c == '(' {
			depth++
		} else if c == ')' {
			if depth--; depth < 0 {
				paired = false
			}
		}
	}
	if depth != 0 {
		paired = false
	}
	r := []string{" ", "%20", "\t", "%09", "\n", "%0A", "\r", "%0D"}
	if !paired {
		r = append(r, "(", "%28", ")", "%29")
	}
	return strings.NewReplacer(r...).Replace(u)
}

// sameText reports whether a and b have the same text, each character
// other than white space in the same style.
func sameText(a, b []Span) bool {
	type styled struct {
		r     rune
		style Span
	}
	flat := func(spans []Span) []styled {
		n := 0
		for _, sp := range spans {
			n += len(sp.Text)
		}
		out := make([]styled, 0, n)
		for _, sp := range spans {
			st := Span{Em: sp.Em, Strong: sp.Strong}
			if sp.Link != "" {
				st.Link = linkAddress(sp.Link)
			}
			for _, r := range sp.Text {
				if unicode.IsSpace(r) {
					out = append(out, styled{r, Span{}})
				} else {
					out = append(out, styled{r, st})
				}
			}
		}
		return out
	}
	return slices.Equal(flat(a), flat(b))
}
