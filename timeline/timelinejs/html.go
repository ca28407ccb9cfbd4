package timelinejs

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"

	"github.com/timeline-tool/timeline/timeline"
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
	rich        string       // the text as rich text (timeline.ParseText): its links, emphasis and strong kept
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
	out htmlText

	lines []string        // finished lines of text
	line  strings.Builder // the line being built

	inLink   bool
	linkHref string
	linkText strings.Builder

	// The rich text: its finished lines, the spans of the line being
	// built, and the styles and link open at this point. A link marked
	// timeline-link (as Write marks the links of rich text) is text only,
	// not a source.
	richLines  []string
	spans      []timeline.Span
	em, strong int
	richLink   string
	linkIsOwn  bool

	// raw, when set, is the element of rawTextElements being skipped, up
	// to its matching end tag; rawDepth counts its nesting.
	raw      string
	rawDepth int

	// skip, when skipTag is set, hides text inside an element marked
	// timeline-sources or timeline-status, up to its matching end tag.
	skipTag   string
	skipDepth int
	inSources bool
	item      *sourceItem
	itemText  strings.Builder
}

// run reads the fragment with the tokenizer of golang.org/x/net/html,
// which decodes character references and reads broken markup as browsers
// do (a "<" that starts no tag is text).
func (p *htmlParser) run() {
	z := xhtml.NewTokenizer(strings.NewReader(p.s))
	for tt := z.Next(); tt != xhtml.ErrorToken; tt = z.Next() { // io.EOF: a strings.Reader has no other error
		if tt == xhtml.TextToken && p.raw == "" {
			p.text(string(z.Text()))
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken && tt != xhtml.EndTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		switch {
		case p.raw != "": // inside a raw text element, only its own tags count
			if string(name) == p.raw && tt == xhtml.StartTagToken {
				p.rawDepth++
			} else if string(name) == p.raw && tt == xhtml.EndTagToken {
				if p.rawDepth--; p.rawDepth == 0 {
					p.raw = ""
				}
			}
			continue
		case tt == xhtml.EndTagToken:
			p.endTag(string(name))
			continue
		}
		var attrs map[string]string
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			if attrs == nil {
				attrs = map[string]string{}
			}
			if _, dup := attrs[string(k)]; !dup { // the first of duplicate attributes wins, as in HTML
				attrs[string(k)] = string(v)
			}
		}
		p.startTag(string(name), attrs, tt == xhtml.SelfClosingTagToken)
	}
	p.endLink()
	p.endItem()
	p.newline()
	p.out.text = strings.Join(p.lines, "\n")
	p.out.rich = strings.Join(p.richLines, "\n")
}

// text adds decoded text.
func (p *htmlParser) text(t string) {
	if t == "" {
		return
	}
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
	p.spans = append(p.spans, timeline.Span{Text: t, Em: p.em > 0, Strong: p.strong > 0, Link: p.richLink})
}

func (p *htmlParser) newline() {
	if l := cleanLine(p.line.String()); l != "" {
		p.lines = append(p.lines, l)
		p.richLines = append(p.richLines, timeline.FormatText(cleanSpans(p.spans)))
	}
	p.line.Reset()
	p.spans = p.spans[:0]
}

// style counts the elements of emphasis and strong open.
func (p *htmlParser) style(name string, by int) {
	switch name {
	case "em", "i":
		p.em = max(0, p.em+by)
	case "strong", "b":
		p.strong = max(0, p.strong+by)
	}
}

func hasClass(attrs map[string]string, class string) bool {
	return slices.Contains(strings.Fields(attrs["class"]), class)
}

func (p *htmlParser) startTag(name string, attrs map[string]string, selfClosing bool) {
	if rawTextElements[name] && !selfClosing {
		p.raw, p.rawDepth = name, 1 // skipped up to its matching end tag
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
	if !selfClosing {
		p.style(name, 1)
	}
	switch name {
	case "a":
		p.endLink()
		if href, ok := attrs["href"]; ok && !selfClosing {
			p.inLink, p.linkHref = true, strings.TrimSpace(href)
			p.linkIsOwn = hasClass(attrs, "timeline-link")
			if !p.inSources && timeline.SafeMediaURL(p.linkHref) {
				p.richLink = p.linkHref
			}
		}
	case "li":
		if p.inSources {
			p.endItem()
			p.item = &sourceItem{id: attrs["data-source-id"]}
		}
	case "img":
		// An image's alternative text stands for it.
		if alt := attrs["alt"]; alt != "" {
			p.text(alt)
		}
	}
}

func (p *htmlParser) endTag(name string) {
	p.style(name, -1)
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
	if !p.inSources && !p.linkIsOwn {
		p.out.links = append(p.out.links, link{href: p.linkHref, text: cleanLine(p.linkText.String())})
	} else if p.item != nil && p.item.href == "" {
		p.item.href = p.linkHref
	}
	p.inLink, p.linkHref, p.linkIsOwn, p.richLink = false, "", false, ""
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
	if spans := cleanSpans([]timeline.Span{{Text: s}}); len(spans) > 0 {
		return spans[0].Text
	}
	return ""
}

// cleanSpans is cleanLine over the text of spans, each keeping its style,
// spans of one style merged: a space between two spans goes to the later
// one.
func cleanSpans(spans []timeline.Span) []timeline.Span {
	var out []timeline.Span
	var b strings.Builder // the text of the span being built
	var style timeline.Span
	flush := func() {
		if b.Len() > 0 {
			style.Text = b.String()
			out = append(out, style)
			b.Reset()
		}
	}
	space, started := false, false
	for _, sp := range spans {
		s := sp.Text
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
			if sp.Em != style.Em || sp.Strong != style.Strong || sp.Link != style.Link {
				flush()
				style = timeline.Span{Em: sp.Em, Strong: sp.Strong, Link: sp.Link}
			}
			if space && started {
				b.WriteByte(' ')
			}
			space, started = false, true
			b.WriteRune(r)
		}
	}
	flush()
	return out
}
