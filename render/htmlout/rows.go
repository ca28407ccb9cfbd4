package htmlout

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// The event table's rows and the source list are most of a large page:
// they are written here, with the escaping html/template gives text and
// quoted attributes, rather than by the template, whose reflective calls
// per value would dominate the time of a 10,000-event page. Their
// element structure is fixed; every dataset string goes through
// escText or escURL.

// escText writes s escaped for HTML text or a quoted attribute value,
// as html/template does.
func escText(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// escURL writes the URL u for a quoted href as html/template does: a URL
// of another scheme than http, https or mailto becomes "#ZgotmplZ", the
// rest is normalized (percent-encoding what a URL may not hold) and
// escaped.
func escURL(b *strings.Builder, u string) {
	if i := strings.IndexByte(u, ':'); i >= 0 && !strings.Contains(u[:i], "/") {
		switch strings.ToLower(u[:i]) {
		case "http", "https", "mailto":
		default:
			b.WriteString("#ZgotmplZ")
			return
		}
	}
	var n strings.Builder
	processURL(&n, u, true)
	escText(b, n.String())
}

// richText writes rich text s (an event's summary) as escaped HTML,
// with its links (rel="noopener noreferrer"), <strong> and <em>; plain
// text as escText writes it.
func richText(b *strings.Builder, s string) {
	timeline.WriteTextHTML(b, render.TextSpans(s), escText, escURL)
}

// escFragment writes s for a quoted href after a "#" as html/template
// does: every byte but the unreserved ones percent-encoded.
func escFragment(b *strings.Builder, s string) {
	var n strings.Builder
	processURL(&n, s, false)
	escText(b, n.String())
}

// processURL is html/template's: it percent-encodes every byte but the
// unreserved characters of RFC 3986 and, when norm is true, the reserved
// ones (except ' ( and )) and valid escapes.
func processURL(b *strings.Builder, s string, norm bool) {
	const hex = "0123456789abcdef"
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("-._~", c) >= 0:
			continue
		case norm && strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			continue
		case norm && c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			continue
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
		written = i + 1
	}
	b.WriteString(s[written:])
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// tableRows returns the row groups of the event table: chunkRows rows to
// a <tbody>.
func tableRows(events []*render.EventView) template.HTML {
	var b strings.Builder
	if len(events) == 0 {
		return `
<tbody><tr><td colspan="7">No events.</tbody>`
	}
	b.Grow(len(events) * 400)
	for i, e := range events {
		if i%chunkRows == 0 {
			if i > 0 {
				b.WriteString("\n</tbody>")
			}
			b.WriteString("\n<tbody>")
		}
		b.WriteString(`
<tr id="`)
		escText(&b, e.Anchor)
		b.WriteString(`"><td dir="ltr">`)
		escText(&b, e.Label)
		b.WriteString(`<th dir="auto">`)
		escText(&b, e.Title)
		b.WriteString(`<td dir="auto">`)
		richText(&b, e.Summary)
		mediaFigure(&b, e.Media)
		b.WriteString(`<td><bdi>`)
		if e.Era != nil {
			escText(&b, e.Era.Label)
		}
		b.WriteString(`</bdi><td>`)
		escText(&b, e.Category.Label)
		b.WriteString(`<td>`)
		statusCell(&b, e)
		b.WriteString(`<td>`)
		for _, n := range e.Notes {
			s := strconv.Itoa(n)
			b.WriteString(`<a href="#src-`)
			b.WriteString(s)
			b.WriteString(`">`)
			b.WriteString(s)
			b.WriteString(`</a> `)
		}
	}
	b.WriteString("\n</tbody>")
	return template.HTML(b.String())
}

// statusCell writes the text of an event's status cell (statusText),
// with the attribution in a <bdi>: isolated, as it may be written right
// to left, and found there by the page's search.
func statusCell(b *strings.Builder, e *render.EventView) {
	if e.Attribution == "" || e.StatusTag() == "" {
		escText(b, statusText(e))
		return
	}
	escText(b, e.Status.Mark.Glyph()+" "+e.Status.Label+" by ")
	b.WriteString("<bdi>")
	escText(b, e.Attribution)
	b.WriteString("</bdi>")
}

// sourceItems returns the items of the numbered source list.
func sourceItems(rows []sourceRow) template.HTML {
	var b strings.Builder
	b.Grow(len(rows) * 300)
	for _, r := range rows {
		n := strconv.Itoa(r.N)
		b.WriteString("\n<li id=\"src-")
		b.WriteString(n)
		b.WriteByte('"')
		if r.Value {
			b.WriteString(` value="`)
			b.WriteString(n)
			b.WriteByte('"')
		}
		b.WriteString(`><cite>`)
		cite(&b, r.SourceView)
		b.WriteString("</cite>\n<span class=\"back\">")
		if r.IsDocument {
			b.WriteString("the source document · ")
		}
		if l := r.NotesLabel(); l != "" {
			b.WriteString(`<span class="fn">`)
			escText(&b, l)
			b.WriteString("</span> · ")
		}
		b.WriteString("cited by ")
		for i, e := range r.Shown {
			if i > 0 {
				b.WriteString("; ")
			}
			b.WriteString(`<a href="#`)
			escFragment(&b, e.Anchor)
			b.WriteString(`">`)
			escText(&b, e.Label)
			b.WriteString("</a>")
		}
		if r.More > 0 {
			b.WriteString("; and ")
			b.WriteString(strconv.Itoa(r.More))
			b.WriteString(` more <button type="button" class="only" data-src="`)
			b.WriteString(n)
			b.WriteString(`" hidden>Show all `)
			b.WriteString(strconv.Itoa(len(r.CitedBy)))
			b.WriteString("</button>")
		}
		b.WriteString("</span></li>")
	}
	return template.HTML(b.String())
}

// cite writes a source's citation, linked to its URL when it has one (the
// page's referrer policy sends no referrer, so links need no rel).
func cite(b *strings.Builder, s *render.SourceView) {
	if s.URL != "" {
		b.WriteString(`<a href="`)
		escURL(b, s.URL)
		b.WriteString(`">`)
	}
	if i := titleAt(s); i >= 0 {
		escText(b, s.Citation[:i])
		b.WriteString("<bdi>")
		escText(b, s.Title)
		b.WriteString("</bdi>")
		escText(b, s.Citation[i+len(s.Title):])
	} else {
		escText(b, s.Citation)
	}
	if s.URL != "" {
		b.WriteString("</a>")
	}
}

// titleAt returns the index of s's title in its citation, after its
// opening quote, or -1 when s has no title or the citation does not hold
// it as given (the page data then carries it: pageData.SrcTitles).
func titleAt(s *render.SourceView) int {
	if s.Title == "" {
		return -1
	}
	i := strings.Index(s.Citation, "“"+s.Title)
	if i < 0 {
		return -1
	}
	return i + len("“")
}
