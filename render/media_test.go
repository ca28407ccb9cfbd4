package render

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/timeline-tool/timeline/timeline"
)

// pngBytes returns a w×h PNG.
func pngBytes(t testing.TB, w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func mediaDataset(media ...*timeline.Media) *timeline.Dataset {
	d := &timeline.Dataset{Title: "M"}
	for i, m := range media {
		d.Events = append(d.Events, &timeline.Event{ID: string(rune('a' + i)), Date: timeline.NewDate(timeline.Point{Year: 2000 + i, Digits: 1}), Title: "E", Media: m})
	}
	return d
}

// TestMediaView checks what Build makes of media: local pictures read
// from the dataset's folder and checked by content, remote pictures
// loaded only with RemoteMedia, unsafe addresses never shown.
func TestMediaView(t *testing.T) {
	fsys := fstest.MapFS{
		"img/a.png":    {Data: pngBytes(t, 30, 20)},
		"img/fake.png": {Data: []byte("<svg onload=alert(1)>")},
		"img/big.png":  {Data: append(pngBytes(t, 1, 1), make([]byte, MaxImageBytes)...)},
		"img/huge.png": {Data: pngBytes(t, 5000, 4000)},
		"img/dir.png":  {Mode: os.ModeDir},
	}
	d := mediaDataset(
		&timeline.Media{URL: "img/a.png", Caption: "A"},
		&timeline.Media{URL: "img/fake.png"},
		&timeline.Media{URL: "img/big.png"},
		&timeline.Media{URL: "img/huge.png"},
		&timeline.Media{URL: "img/none.png"},
		&timeline.Media{URL: "https://example.org/x.jpg", Credit: "AP"},
		&timeline.Media{URL: "https://cdn.example.net:8443/y.png"},
		&timeline.Media{URL: "https://example.org/v.mp4"},
		&timeline.Media{URL: "javascript:alert(1)"},
		&timeline.Media{URL: "../secret.png"},
		&timeline.Media{Kind: timeline.MediaQuote, Quote: "Words", Credit: "Someone"},
		&timeline.Media{URL: "img/dir.png"},
	)
	v := Build(d, timeline.Filter{}, Options{MediaFS: fsys})
	m := func(i int) *MediaView { return v.Events[i].Media }
	if im := m(0).Image; im == nil || im.Type != "image/png" || im.Width != 30 || im.Height != 20 || !strings.HasPrefix(im.DataURL(), "data:image/png;base64,iVBOR") {
		t.Errorf("local picture: %+v", m(0))
	}
	for i := 1; i <= 4; i++ {
		if m(i).Image != nil {
			t.Errorf("event %d: picture %s read", i, m(i).Path)
		}
	}
	if m(11).Image != nil {
		t.Errorf("a folder read as a picture")
	}
	want := []string{"not a PNG, JPEG or GIF", "larger than 8 MiB", "16 million pixels", "cannot open it beside the dataset", "not a regular file"}
	notes := strings.Join(v.MediaNotes, "\n")
	for _, w := range want {
		if !strings.Contains(notes, w) {
			t.Errorf("notes lack %q:\n%s", w, notes)
		}
	}
	if m(5).Remote || m(5).URL != "https://example.org/x.jpg" || len(v.RemoteHosts) != 0 {
		t.Errorf("remote picture without RemoteMedia: %+v, hosts %v", m(5), v.RemoteHosts)
	}
	if m(8) != nil || m(9) != nil {
		t.Errorf("unsafe addresses shown: %+v %+v", m(8), m(9))
	}
	if q := m(10); q == nil || q.Kind != timeline.MediaQuote || q.Quote != "Words" {
		t.Errorf("quote: %+v", q)
	}

	v = Build(d, timeline.Filter{}, Options{MediaFS: fsys, RemoteMedia: true})
	if got := strings.Join(v.RemoteHosts, " "); got != "https://example.org https://cdn.example.net:8443" {
		t.Errorf("remote hosts %q", got)
	}
	if !v.Events[5].Media.Remote || v.Events[7].Media.Remote {
		t.Errorf("RemoteMedia: a picture not loaded, or a video loaded as a picture")
	}

	v = Build(mediaDataset(&timeline.Media{URL: "img/a.png"}), timeline.Filter{}, Options{})
	if v.Events[0].Media.Image != nil || !strings.Contains(strings.Join(v.MediaNotes, ""), "no folder") {
		t.Errorf("a dataset without a folder: %+v %v", v.Events[0].Media, v.MediaNotes)
	}
}

// TestMediaRootSymlink checks that a symbolic link in the dataset's
// folder cannot bring in a file from outside it.
func TestMediaRootSymlink(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.png")
	if err := os.WriteFile(outside, pngBytes(t, 2, 2), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "link.png")); err != nil {
		t.Skip("no symbolic links here")
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	v := Build(mediaDataset(&timeline.Media{URL: "link.png"}), timeline.Filter{}, Options{MediaFS: root.FS()})
	if v.Events[0].Media.Image != nil {
		t.Errorf("a picture outside the dataset's folder was read through a link")
	}
}
