package pdfout

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// TestMediaBriefing prints media of every kind: local pictures (a PNG of
// 16 bits, which gofpdf alone refuses, a JPEG and a GIF) drawn as
// pictures, the rest as text and links, credits as credits.
func TestMediaBriefing(t *testing.T) {
	b, err := os.ReadFile("../../timeline/testdata/media.json")
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := timeline.Load("media.json", b)
	if err != nil {
		t.Fatal(err)
	}
	g := image.NewGray16(image.Rect(0, 0, 40, 30))
	g.Set(3, 3, color.White)
	var p16, jp, gf bytes.Buffer
	png.Encode(&p16, g)
	jpeg.Encode(&jp, image.NewRGBA(image.Rect(0, 0, 20, 10)), nil)
	gif.Encode(&gf, image.NewPaletted(image.Rect(0, 0, 8, 8), []color.Color{color.Black, color.White}), nil)
	fsys := fstest.MapFS{"img/opening.png": {Data: p16.Bytes()}, "b.jpg": {Data: jp.Bytes()}, "c.gif": {Data: gf.Bytes()}}
	d.Events[1].Media = &timeline.Media{URL: "b.jpg"}
	d.Events[2].Media = &timeline.Media{URL: "c.gif", Caption: "A GIF"}
	v := render.Build(d, timeline.Filter{}, render.Options{MediaFS: fsys})
	if len(v.MediaNotes) > 0 {
		t.Fatal(v.MediaNotes)
	}
	path, _ := write(t, v, Options{})
	got := text(t, path)
	for _, want := range []string{
		"The opening · Credit: Town archive",
		"A GIF",
		"“Ask not what your country can do for you” — John F. Kennedy",
		"Map https://www.google.com/maps/@51.5,-0.1,12z",
		"Document (a file beside the dataset): docs/report.pdf The report",
		"Other https://example.org/page",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("briefing lacks %q:\n%s", want, got)
		}
	}
	images := run(t, "pdfimages", "-list", path)
	if n := strings.Count(images, "\n") - 2; n != 3 {
		t.Errorf("%d pictures, want 3:\n%s", n, images)
	}
}
