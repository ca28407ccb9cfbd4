package htmlout

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// mediaFigure writes an event's media under its summary: a local picture
// embedded (a data: URL), a remote one as a picture only when the page
// may load it (render.Options.RemoteMedia) and otherwise as a link, a
// quote as a quotation, anything else as a link named by its kind, each
// with its caption and credit. A credit is the media's, never a source.
func mediaFigure(b *strings.Builder, m *render.MediaView) {
	if m == nil {
		return
	}
	b.WriteString(`<figure class="media">`)
	switch {
	case m.Kind == timeline.MediaQuote:
		b.WriteString(`<blockquote dir="auto">`)
		for i, line := range strings.Split(m.Quote, "\n") {
			if i > 0 {
				b.WriteString("<br>")
			}
			escText(b, line)
		}
		b.WriteString(`</blockquote>`)
	case m.Image != nil:
		b.WriteString(`<img src="`)
		b.WriteString(m.Image.DataURL()) // base64: nothing to escape
		imgRest(b, m, m.Image.Width, m.Image.Height)
	case m.Remote:
		b.WriteString(`<img src="`)
		escURL(b, m.URL)
		imgRest(b, m, 0, 0)
	case m.URL != "":
		b.WriteString(`<a href="`)
		escURL(b, m.URL)
		b.WriteString(`">`)
		escText(b, m.KindLabel())
		b.WriteString(`: `)
		escText(b, linkText(m))
		b.WriteString(`</a>`)
	default: // a local file the page cannot show or reach
		escText(b, m.KindLabel())
		b.WriteString(` (a file beside the dataset): <bdi>`)
		escText(b, m.Path)
		b.WriteString(`</bdi>`)
	}
	if m.Caption != "" && !captionIsLink(m) || m.Credit != "" {
		b.WriteString(`<figcaption dir="auto">`)
		if m.Caption != "" && !captionIsLink(m) {
			escText(b, m.Caption)
			if m.Credit != "" {
				b.WriteString(" · ")
			}
		}
		if m.Credit != "" {
			b.WriteString(`<span class="credit">`)
			if m.Kind == timeline.MediaQuote {
				b.WriteString("— ")
			} else {
				b.WriteString("Credit: ")
			}
			b.WriteString("<bdi>")
			escText(b, m.Credit)
			b.WriteString("</bdi></span>")
		}
		b.WriteString(`</figcaption>`)
	}
	b.WriteString(`</figure>`)
}

// imgRest writes the rest of an <img> after its src: its alt text (the
// caption, or its kind, when it has none), its size and lazy loading.
func imgRest(b *strings.Builder, m *render.MediaView, w, h int) {
	b.WriteString(`" alt="`)
	alt := cmp.Or(m.Alt, m.Caption)
	if alt == "" {
		alt = "Picture"
	}
	escText(b, alt)
	b.WriteString(`"`)
	if w > 0 && h > 0 {
		b.WriteString(` width="` + strconv.Itoa(w) + `" height="` + strconv.Itoa(h) + `"`)
	}
	b.WriteString(` loading="lazy">`)
}

// captionIsLink reports whether m is shown as a link, whose text is its
// caption.
func captionIsLink(m *render.MediaView) bool {
	return m.URL != "" && m.Image == nil && !m.Remote && m.Kind != timeline.MediaQuote
}

// linkText is what a media link says: its caption, else its address.
func linkText(m *render.MediaView) string {
	if m.Caption != "" {
		return m.Caption
	}
	return m.URL
}

// remoteNote says which sites the page loads pictures from.
func remoteNote(hosts []string) string {
	if len(hosts) == 0 {
		return ""
	}
	return "This page loads pictures from " + strings.Join(hosts, ", ") + " (--remote-media): opening it tells those sites so."
}
