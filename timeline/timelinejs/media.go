package timelinejs

import (
	"html"
	"strings"

	"github.com/timeline-tool/timeline/timeline"
)

// mediaIn is a slide's media as read from either format: the fields of a
// TimelineJS media object, or the Media, Media Credit, Media Caption,
// Media Thumbnail and Alt Text cells of a sheet row.
type mediaIn struct {
	url, credit, caption, thumbnail, alt value
	other                                bool // title, link or link_target given (JSON only)
}

// given reports whether any field of m holds something.
func (m *mediaIn) given() bool {
	return m.other || strings.TrimSpace(m.url.s+m.credit.s+m.caption.s+m.thumbnail.s+m.alt.s) != ""
}

// media returns the event's media of a slide's, or nil when it has none
// or none that can be kept, noting what is dropped. TimelineJS tells a
// media's kind by its address (src/js/media/MediaType.js), as
// timeline.MediaKindOf does, so the kind is left to be told so; a
// <blockquote> in place of the address is a quote (TimelineJS's
// Blockquote type), its words kept as plain text. Credits, captions and
// alt text are plain text; a credit is the media's, never a source.
func (r *reader) media(m *mediaIn) *timeline.Media {
	if !m.given() {
		return nil
	}
	if m.other {
		r.dropped("media titles and links", "timeline shows a media's caption and credit; the address is its link")
	}
	out := &timeline.Media{
		Caption:   cleanLine(plain(m.caption.s)),
		Credit:    cleanLine(plain(m.credit.s)),
		Thumbnail: strings.TrimSpace(m.thumbnail.s),
		Alt:       cleanLine(plain(m.alt.s)),
	}
	u := strings.TrimSpace(m.url.s)
	switch low := strings.ToLower(u); {
	case strings.HasPrefix(low, "<blockquote"):
		out.Quote = strings.TrimSpace(plainText(u).text) // its words, with their line breaks
		if out.Quote == "" {
			r.dropped("empty quotes", "a <blockquote> without words shows nothing")
			return nil
		}
		if !strings.HasPrefix(u, "<blockquote>") || !strings.HasSuffix(strings.TrimSpace(u), "</blockquote>") {
			// A tweet or another site's embed: its words are kept, the
			// embedding is not.
			r.dropped("embedded posts (such as tweets)", "their words are kept as a quote; the embedding code is not")
		}
	case u == "":
		if out.Caption == "" && out.Credit == "" && out.Thumbnail == "" && out.Alt == "" {
			return nil
		}
		r.dropped("media without an address", "a caption or credit needs the media it describes")
		return nil
	case strings.Contains(u, "<"):
		r.dropped("media given as HTML (iframes and other embeds)", "timeline keeps a media's address, never code to embed")
		return nil
	case !timeline.SafeMediaURL(u):
		r.dropped("media whose address is neither http(s) nor a relative path", "such an address never becomes a link or an image")
		return nil
	default:
		out.URL = u
	}
	if out.Thumbnail != "" && !timeline.SafeMediaURL(out.Thumbnail) {
		r.dropped("thumbnails whose address is neither http(s) nor a relative path", "such an address never becomes an image")
		out.Thumbnail = ""
	}
	return out
}

// tlMedia is a TimelineJS media object, as Write makes it.
type tlMedia struct {
	URL       string `json:"url"`
	Caption   string `json:"caption,omitempty"`
	Credit    string `json:"credit,omitempty"`
	Thumbnail string `json:"thumbnail,omitempty"`
	Alt       string `json:"alt,omitempty"`
}

// slideMedia returns the TimelineJS media of an event's media, or nil:
// the address as it is, a quote as a <blockquote> of its escaped words
// (a paragraph per line), the caption and credit as escaped text.
func slideMedia(m *timeline.Media) *tlMedia {
	if m == nil {
		return nil
	}
	t := &tlMedia{URL: m.URL, Caption: html.EscapeString(m.Caption), Credit: html.EscapeString(m.Credit), Thumbnail: m.Thumbnail, Alt: m.Alt}
	if m.KindOf() == timeline.MediaQuote && m.URL == "" {
		t.URL = "<blockquote>" + paragraphs(m.Quote, false) + "</blockquote>"
	}
	if t.URL == "" {
		return nil
	}
	return t
}
