package timelinejs

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TimelineJS text fields hold HTML ("Any text. HTML markup is OK",
// website/templates/docs/json-format.html); TimelineJS itself runs
// headline, text, media caption and credit through DOMPurify and strips the
// markup of display_date and group (src/js/core/TimelineConfig.js,
// SANITIZE_FIELDS and STRIP_MARKUP_FIELDS). We never keep HTML: every field
// becomes plain text here, and the outputs escape it again.

// A link is an <a href> found in HTML, with the text it wraps.
type link struct {
	href, text string
}

// sourceItem is one <li> inside an element marked
// class="timeline-sources", the list of sources Write puts in an event's
// text.
type sourceItem struct {
	id, text, href string
}

// htmlText is what plainText finds in an HTML fragment.
type htmlText struct {
	text        string       // the text, tags removed, entities decoded
	links       []link       // every <a href>, in order
	sources     []sourceItem // the items of a timeline-sources list
	status      string       // data-status of a timeline-status element
	attribution string       // data-attribution of that element
	hasStatus   bool
}

// rawTextElements have content that is not text to show: it is skipped up
// to the matching end tag.
var rawTextElements = map[string]bool{
	"script": true, "style": true, "iframe": true, "noscript": true,
	"template": true, "textarea": true, "title": true, "xmp": true,
	"object": true, "svg": true, "math": true,
}

// blockElements start a new line of text.
var blockElements = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true,
	"blockquote": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "tr": true, "table": true, "section": true,
	"article": true, "header": true, "footer": true, "hr": true, "pre": true,
	"dd": true, "dt": true, "dl": true, "figure": true, "figcaption": true,
}

// plainText turns an HTML fragment into plain text: tags are removed,
// character references decoded, the content of script, style, iframe and
// similar elements dropped, block elements (p, br, li, …) become line
// breaks, runs of white space collapse to one space, and control
// characters are removed. It never fails: broken markup is read as well as
// it can be, and a "<" that does not start a tag is text. It also collects
// the <a href> links, and the items and status marks that Write puts in
// the text (class "timeline-sources" and "timeline-status").
func plainText(s string) htmlText {
	p := htmlParser{s: s}
	p.run()
	return p.out
}

// plain returns the plain text of the HTML fragment s.
func plain(s string) string {
	if !strings.ContainsAny(s, "<&\r\n\t") && cleanLine(s) == s {
		return s
	}
	return plainText(s).text
}

type htmlParser struct {
	s   string
	i   int
	out htmlText

	lines []string        // finished lines of text
	line  strings.Builder // the line being built

	inLink   bool
	linkHref string
	linkText strings.Builder

	// skip, when skipTag is set, hides text inside an element marked
	// timeline-sources or timeline-status, up to its matching end tag.
	skipTag   string
	skipDepth int
	inSources bool
	item      *sourceItem
	itemText  strings.Builder
}

func (p *htmlParser) run() {
	for p.i < len(p.s) {
		j := strings.IndexByte(p.s[p.i:], '<')
		if j < 0 {
			p.text(p.s[p.i:])
			break
		}
		p.text(p.s[p.i : p.i+j])
		p.i += j
		p.tag()
	}
	p.endLink()
	p.endItem()
	p.newline()
	p.out.text = strings.Join(p.lines, "\n")
}

// text adds raw (undecoded) text.
func (p *htmlParser) text(raw string) {
	if raw == "" {
		return
	}
	t := html.UnescapeString(raw)
	if p.inLink {
		p.linkText.WriteString(t)
	}
	if p.item != nil {
		p.itemText.WriteString(t)
	}
	if p.skipTag != "" {
		return
	}
	p.line.WriteString(t)
}

func (p *htmlParser) newline() {
	if l := cleanLine(p.line.String()); l != "" {
		p.lines = append(p.lines, l)
	}
	p.line.Reset()
}

// tag reads the markup at p.s[p.i], which is '<'.
func (p *htmlParser) tag() {
	s := p.s
	rest := s[p.i:]
	switch {
	case strings.HasPrefix(rest, "<!--"):
		if k := strings.Index(rest[4:], "-->"); k >= 0 {
			p.i += 4 + k + 3
		} else {
			p.i = len(s)
		}
		return
	case len(rest) >= 2 && (rest[1] == '!' || rest[1] == '?'):
		if k := strings.IndexByte(rest, '>'); k >= 0 {
			p.i += k + 1
		} else {
			p.i = len(s)
		}
		return
	case len(rest) >= 3 && rest[1] == '/' && isASCIILetter(rest[2]):
		name, _ := tagName(rest[2:])
		k := strings.IndexByte(rest, '>')
		if k < 0 {
			p.i = len(s)
		} else {
			p.i += k + 1
		}
		p.endTag(name)
		return
	case len(rest) >= 2 && isASCIILetter(rest[1]):
		name, n := tagName(rest[1:])
		p.i += 1 + n
		attrs, selfClosing := p.attributes()
		p.startTag(name, attrs, selfClosing)
		return
	}
	// A "<" that starts no tag is text.
	p.text("<")
	p.i++
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// tagName reads a tag name and returns it in lower case, with its length.
func tagName(s string) (string, int) {
	n := 0
	for n < len(s) && s[n] != '>' && s[n] != '/' && !isSpace(s[n]) {
		n++
	}
	return strings.ToLower(s[:n]), n
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// attributes reads the attributes of a start tag up to and including its
// '>', returning them with decoded values and whether the tag ends in "/>".
func (p *htmlParser) attributes() (map[string]string, bool) {
	s := p.s
	var attrs map[string]string
	for {
		for p.i < len(s) && (isSpace(s[p.i]) || s[p.i] == '/' && p.i+1 < len(s) && s[p.i+1] != '>') {
			p.i++
		}
		if p.i >= len(s) {
			return attrs, false
		}
		if s[p.i] == '>' {
			p.i++
			return attrs, false
		}
		if strings.HasPrefix(s[p.i:], "/>") {
			p.i += 2
			return attrs, true
		}
		start := p.i
		for p.i < len(s) && !isSpace(s[p.i]) && s[p.i] != '>' && s[p.i] != '=' && !(s[p.i] == '/' && p.i > start) {
			p.i++
		}
		name := strings.ToLower(s[start:p.i])
		for p.i < len(s) && isSpace(s[p.i]) {
			p.i++
		}
		val := ""
		if p.i < len(s) && s[p.i] == '=' {
			p.i++
			for p.i < len(s) && isSpace(s[p.i]) {
				p.i++
			}
			if p.i < len(s) && (s[p.i] == '"' || s[p.i] == '\'') {
				q := s[p.i]
				p.i++
				k := strings.IndexByte(s[p.i:], q)
				if k < 0 {
					val = s[p.i:]
					p.i = len(s)
				} else {
					val = s[p.i : p.i+k]
					p.i += k + 1
				}
			} else {
				vs := p.i
				for p.i < len(s) && !isSpace(s[p.i]) && s[p.i] != '>' {
					p.i++
				}
				val = s[vs:p.i]
			}
		}
		if name == "" {
			continue
		}
		if attrs == nil {
			attrs = map[string]string{}
		}
		if _, dup := attrs[name]; !dup { // the first of duplicate attributes wins, as in HTML
			attrs[name] = html.UnescapeString(val)
		}
	}
}

func hasClass(attrs map[string]string, class string) bool {
	for _, c := range strings.Fields(attrs["class"]) {
		if c == class {
			return true
		}
	}
	return false
}

func (p *htmlParser) startTag(name string, attrs map[string]string, selfClosing bool) {
	if rawTextElements[name] && !selfClosing {
		// Skip to the matching end tag, ignoring case.
		if k := indexEndTag(p.s[p.i:], name); k >= 0 {
			p.i += k
		} else {
			p.i = len(p.s)
		}
		return
	}
	if p.skipTag == name {
		p.skipDepth++
	}
	if p.skipTag == "" && !selfClosing {
		switch {
		case hasClass(attrs, "timeline-sources"):
			p.newline()
			p.skipTag, p.skipDepth, p.inSources = name, 1, true
		case hasClass(attrs, "timeline-status"):
			p.newline()
			p.skipTag, p.skipDepth = name, 1
			p.out.hasStatus = true
			p.out.status = attrs["data-status"]
			p.out.attribution = attrs["data-attribution"]
		}
	}
	if blockElements[name] {
		p.newline()
	}
	switch name {
	case "a":
		p.endLink()
		if href, ok := attrs["href"]; ok && !selfClosing {
			p.inLink, p.linkHref = true, strings.TrimSpace(href)
		}
	case "li":
		if p.inSources {
			p.endItem()
			p.item = &sourceItem{id: attrs["data-source-id"]}
		}
	case "img":
		// An image's alternative text stands for it.
		if alt := attrs["alt"]; alt != "" {
			p.text(html.EscapeString(alt))
		}
	}
}

func (p *htmlParser) endTag(name string) {
	if name == "a" {
		p.endLink()
	}
	if name == "li" {
		p.endItem()
	}
	if p.skipTag == name {
		p.skipDepth--
		if p.skipDepth == 0 {
			p.endItem()
			p.skipTag, p.inSources = "", false
		}
	}
	if blockElements[name] {
		p.newline()
	}
}

func (p *htmlParser) endLink() {
	if !p.inLink {
		return
	}
	if !p.inSources {
		p.out.links = append(p.out.links, link{href: p.linkHref, text: cleanLine(p.linkText.String())})
	} else if p.item != nil && p.item.href == "" {
		p.item.href = p.linkHref
	}
	p.inLink, p.linkHref = false, ""
	p.linkText.Reset()
}

func (p *htmlParser) endItem() {
	if p.item == nil {
		return
	}
	p.item.text = cleanLine(p.itemText.String())
	if p.item.text != "" || p.item.href != "" {
		p.out.sources = append(p.out.sources, *p.item)
	}
	p.item = nil
	p.itemText.Reset()
}

// cleanLine collapses runs of white space to one space, removes control
// and invalid characters, and trims the ends.
func cleanLine(s string) string {
	var b strings.Builder
	space := false
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r) || r == '\u200b' || r == '\ufeff':
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

// indexEndTag returns the offset in s of the end tag "</name", its name
// matched ignoring ASCII case, or -1. It takes time linear in s: lowering
// the rest of the text at each raw-text element made many of them
// quadratic (found by a fuzz stall: 100,000 "<style></style>" took 90 s).
func indexEndTag(s, name string) int {
	for i := 0; ; i += 2 {
		j := strings.Index(s[i:], "</")
		if j < 0 {
			return -1
		}
		i += j
		if rest := s[i+2:]; len(rest) >= len(name) && equalFoldASCII(rest[:len(name)], name) {
			return i
		}
	}
}

// equalFoldASCII reports whether a and b are equal ignoring ASCII case.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
