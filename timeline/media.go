package timeline

import (
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/timeline-tool/timeline/timeline/internal/input"
)

// MediaKind says what an event's media is, so that outputs show it for
// what it is: a picture, a quotation, a link to a video.
type MediaKind string

// The kinds of media.
const (
	MediaImage    MediaKind = "image"
	MediaVideo    MediaKind = "video"
	MediaAudio    MediaKind = "audio"
	MediaQuote    MediaKind = "quote" // a quotation, its words in Media.Quote
	MediaMap      MediaKind = "map"
	MediaDocument MediaKind = "document"
	MediaOther    MediaKind = "other"
)

// MediaKinds lists every kind of media.
var MediaKinds = []MediaKind{MediaImage, MediaVideo, MediaAudio, MediaQuote, MediaMap, MediaDocument, MediaOther}

// Media is a picture, recording, map, document or quotation that goes
// with an event. Its credit credits the media (a photographer, an
// agency), never the event: an event's sources are its Sources.
type Media struct {
	URL       string    `json:"url,omitempty"`       // http(s) address, or a path relative to the dataset's file
	Kind      MediaKind `json:"kind,omitempty"`      // empty: the kind URL suggests (MediaKindOf)
	Quote     string    `json:"quote,omitempty"`     // the quoted words, for kind quote
	Caption   string    `json:"caption,omitempty"`   // what the media shows
	Credit    string    `json:"credit,omitempty"`    // who made it or holds its rights
	Thumbnail string    `json:"thumbnail,omitempty"` // a small image of it, an address as URL
	Alt       string    `json:"alt,omitempty"`       // the text that stands for an image to who cannot see it
}

// KindOf returns m's kind: Kind when given, else the kind its URL
// suggests, a quote when it has words but no URL.
func (m *Media) KindOf() MediaKind {
	switch {
	case m.Kind != "":
		return m.Kind
	case m.URL == "" && m.Quote != "":
		return MediaQuote
	}
	return MediaKindOf(m.URL)
}

// mediaPatterns tell the kind of a media address, in the order
// TimelineJS tries its media types (src/js/media/MediaType.js).
var mediaPatterns = []struct {
	kind MediaKind
	re   *regexp.Regexp
}{
	{MediaVideo, regexp.MustCompile(`(?i)^(https?:)?/*(www\.|m\.)?(youtube|youtu\.be)|^(https?:)?/*(player\.)?vimeo\.com|^(https?:)?/*(www\.)?(dailymotion\.com|dai\.ly)|^(https?:)?/*(www\.)?vine\.co|^(https?:)?/*(www\.)?tiktok\.com/@[^/]+/video/\d+`)},
	{MediaAudio, regexp.MustCompile(`(?i)^(https?:)?/*(player\.)?soundcloud\.com`)},
	{MediaMap, regexp.MustCompile(`(?i)google.+?/maps/`)},
	{MediaImage, regexp.MustCompile(`(?i)^(https?:)?/*(www\.)?flickr\.com/photos|^(https?://)?flic\.kr/|^(https?:)?/*(www\.)?(instagr\.am|instagram\.com)/p/|\.wiki[mp]edia\.org.+#/media/.+\.(jpg|jpeg|png|gif|svg|webp)$|commons\.wikimedia\.org/wiki/File:.+\.(jpg|jpeg|png|gif|svg|webp)$`)},
	{MediaDocument, regexp.MustCompile(`(?i)documentcloud\.org/`)},
	{MediaOther, regexp.MustCompile(`(?i)^(https?:)?/.+\.wikipedia\.org`)},
	{MediaImage, regexp.MustCompile(`(?i)(jpg|jpeg|png|gif|svg|webp)(\?.*)?$|imgur\.com/.+$`)},
	{MediaDocument, regexp.MustCompile(`(?i)^(https?:)?/*[^.]*\.google\.com/[^/]*/d/|^(https?:)?/*drive\.google\.com/open\?id=|\.pdf(\?.*)?(#.*)?$`)},
	{MediaAudio, regexp.MustCompile(`(?i)spotify`)},
	{MediaVideo, regexp.MustCompile(`(?i)(mp4|webm)(\?.*)?$|^https?://(.+)?(wistia\.com|wi\.st)/`)},
	{MediaAudio, regexp.MustCompile(`(?i)(mp3|wav|m4a)(\?.*)?$`)},
}

// MediaKindOf returns the kind of media an address suggests, as
// TimelineJS tells it: a .jpg an image, a YouTube address a video, a
// Google Maps address a map, a .pdf a document; MediaOther when nothing
// tells.
func MediaKindOf(u string) MediaKind {
	for _, p := range mediaPatterns {
		if p.re.MatchString(u) {
			return p.kind
		}
	}
	return MediaOther
}

// SafeMediaURL reports whether u may be the address of media: an http or
// https address (SafeURL), or a relative path to a file beside the
// dataset or below it ("img/bridge.jpg"): no scheme, no leading slash or
// backslash, no ".." step out of the dataset's folder, no control
// characters or quotes. Any other address (javascript:, data:, file:, an
// absolute path) is refused: it never becomes a link or an image.
func SafeMediaURL(u string) bool {
	if len(u) > MaxURL {
		return false
	}
	if SafeURL(u) {
		return true
	}
	_, ok := LocalMediaPath(u)
	return ok
}

// LocalMediaPath returns the slash-separated path, relative to the
// dataset's folder, of a media address that is a relative path; false
// for any other address.
func LocalMediaPath(u string) (string, bool) {
	if u == "" || strings.ContainsAny(u, "\\\"<>`") || strings.HasPrefix(u, "/") {
		return "", false
	}
	for _, r := range u {
		if r < ' ' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			return "", false
		}
	}
	if i := strings.IndexAny(u, ":/?#"); i >= 0 && u[i] == ':' {
		return "", false // a scheme, or a Windows drive
	}
	p, err := url.PathUnescape(strings.SplitN(strings.SplitN(u, "#", 2)[0], "?", 2)[0])
	if err != nil || p == "" || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	if slices.Contains(strings.Split(p, "/"), "..") {
		return "", false
	}
	p = path.Clean(p)
	if p == "." || strings.HasPrefix(p, "/") {
		return "", false
	}
	return p, true
}

// media checks the media of the i-th event: a known kind, an address
// that is http(s) or a relative path (for the media and its thumbnail),
// the words of a quote, something to show.
func (c *checker) media(i int, m *Media) {
	path := func(f string) string { return at("events", i, ".media"+f) }
	if m.Kind != "" && !slices.Contains(MediaKinds, m.Kind) {
		c.add(SeverityError, path(".kind"), "unknown media kind %q; use one of %s", m.Kind, input.List(MediaKinds))
	}
	for _, f := range []struct{ name, v string }{{"url", m.URL}, {"thumbnail", m.Thumbnail}} {
		switch {
		case f.v == "":
		case len(f.v) > MaxURL:
			c.add(SeverityError, path("."+f.name), "%s is %d bytes long, more than the %d an address may have", f.name, len(f.v), MaxURL)
		case !SafeMediaURL(f.v):
			c.add(SeverityError, path("."+f.name), "%s %q is neither an http(s) address nor a relative path to a file beside the dataset; it is not shown", f.name, f.v)
		}
	}
	switch {
	case m.KindOf() == MediaQuote && strings.TrimSpace(m.Quote) == "":
		c.add(SeverityError, path(".quote"), "a quote without its words: give them in quote")
	case m.KindOf() != MediaQuote && m.Quote != "":
		c.add(SeverityError, path(".quote"), "quote is for media of kind quote; this one's kind is %q", m.KindOf())
	case m.KindOf() != MediaQuote && m.URL == "":
		c.add(SeverityError, path(".url"), "media without an address: give its url (an http(s) address or a relative path)")
	}
}
