package render

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	_ "image/gif" // the formats a local picture may have
	_ "image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/timeline-tool/timeline/timeline"
)

// Limits on the local pictures a view embeds, so that a dataset cannot
// make a page or a briefing of gigabytes.
const (
	MaxImageBytes  = 8 << 20  // one picture's file
	MaxMediaBytes  = 64 << 20 // every picture of a view together
	MaxImagePixels = 16_000_000
)

// MediaView is an event's media as the outputs show it.
type MediaView struct {
	Kind timeline.MediaKind
	// URL is the http(s) address to link to, "" for a quote or a local
	// file (which a page written elsewhere could not reach).
	URL string
	// Path is the media's path relative to the dataset, for a local file.
	Path                        string
	Quote, Caption, Credit, Alt string
	Image                       *Image // a local picture, read and checked; nil otherwise
	Remote                      bool   // URL is a picture the page loads (Options.RemoteMedia)
	Host                        string // the scheme and host of a remote picture ("https://example.org")
}

// Image is a local picture: its bytes, their type by content and its size
// in pixels.
type Image struct {
	Type          string // "image/png", "image/jpeg" or "image/gif"
	Data          []byte
	Width, Height int
}

// DataURL returns the picture as a data: URL, for a page.
func (im *Image) DataURL() string {
	return "data:" + im.Type + ";base64," + base64.StdEncoding.EncodeToString(im.Data)
}

// KindLabel returns the kind of media for a reader: "Image", "Video".
func (m *MediaView) KindLabel() string {
	k := string(m.Kind)
	return strings.ToUpper(k[:1]) + k[1:]
}

// addMedia gives each event view the view of its event's media.
func (v *View) addMedia(events []*timeline.Event, opts Options) {
	byID := make(map[string]*timeline.Event, len(events))
	for _, e := range events {
		if e.Media != nil {
			byID[e.ID] = e
		}
	}
	if len(byID) == 0 {
		return
	}
	for _, ev := range v.Events {
		if e := byID[ev.ID]; e != nil {
			ev.Media = v.media(e, opts)
		}
	}
}

// media returns the view of an event's media, reading a local picture
// from opts.MediaFS; problems are added to v.MediaNotes.
func (v *View) media(e *timeline.Event, opts Options) *MediaView {
	m := e.Media
	if m == nil || !timeline.SafeMediaURL(m.URL) && m.KindOf() != timeline.MediaQuote {
		return nil
	}
	mv := &MediaView{Kind: m.KindOf(), Quote: m.Quote, Caption: m.Caption, Credit: m.Credit, Alt: m.Alt}
	if mv.Kind == timeline.MediaQuote {
		if strings.TrimSpace(m.Quote) == "" {
			return nil
		}
		return mv
	}
	if timeline.SafeURL(m.URL) {
		mv.URL = m.URL
		if mv.Kind == timeline.MediaImage && opts.RemoteMedia {
			if u, err := url.Parse(m.URL); err == nil && u.Host != "" {
				mv.Remote, mv.Host = true, strings.ToLower(u.Scheme)+"://"+strings.ToLower(u.Host)
				if !slices.Contains(v.RemoteHosts, mv.Host) {
					v.RemoteHosts = append(v.RemoteHosts, mv.Host)
				}
			}
		}
		return mv
	}
	p, _ := timeline.LocalMediaPath(m.URL)
	mv.Path = p
	if mv.Kind == timeline.MediaImage {
		im, err := v.readImage(opts.MediaFS, p)
		if err != nil {
			v.MediaNotes = append(v.MediaNotes, fmt.Sprintf("event %q: picture %s not shown: %v", e.ID, p, err))
		} else {
			mv.Image = im
		}
	}
	return mv
}

// readImage reads and checks the local picture at p: a PNG, JPEG or GIF
// by its content, within the limits.
func (v *View) readImage(fsys fs.FS, p string) (*Image, error) {
	if fsys == nil {
		return nil, fmt.Errorf("the dataset has no folder (it was read from standard input or is embedded)")
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, fmt.Errorf("cannot open it beside the dataset: %v", unwrapPath(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && !st.Mode().IsRegular() {
		return nil, fmt.Errorf("it is not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxImageBytes+1))
	switch {
	case err != nil:
		return nil, err
	case len(data) > MaxImageBytes:
		return nil, fmt.Errorf("it is larger than %d MiB", MaxImageBytes>>20)
	case v.mediaBytes+len(data) > MaxMediaBytes:
		return nil, fmt.Errorf("the pictures of this view would be larger than %d MiB together", MaxMediaBytes>>20)
	}
	typ := http.DetectContentType(data)
	switch typ {
	case "image/png", "image/jpeg", "image/gif":
	default:
		return nil, fmt.Errorf("it is not a PNG, JPEG or GIF picture (its content is %s)", typ)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || "image/"+format != typ {
		return nil, fmt.Errorf("it is not a readable %s picture", strings.TrimPrefix(typ, "image/"))
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > MaxImagePixels {
		return nil, fmt.Errorf("its size, %d×%d pixels, is more than the %d million pixels a picture may have", cfg.Width, cfg.Height, MaxImagePixels/1_000_000)
	}
	v.mediaBytes += len(data)
	return &Image{Type: typ, Data: data, Width: cfg.Width, Height: cfg.Height}, nil
}

// unwrapPath returns the error of a path error without its path, which
// the message gives already.
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
