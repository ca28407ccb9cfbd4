package pdfout

import (
	"bytes"
	"image"
	"image/draw"
	_ "image/gif" // a local picture may be a GIF
	"image/png"
	"strconv"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// The largest a picture is drawn, in points.
const (
	maxPictureW = 220
	maxPictureH = 150
)

// mediaRows returns the rows that show an event's media under its
// summary, at x in a width w: a local picture drawn (render read and
// checked it), a quote in italics, anything else its kind, caption and
// address as a link; then the caption and credit. A credit is the
// media's, never a source.
func (d *doc) mediaRows(m *render.MediaView, x, w float64) []row {
	if m == nil {
		return nil
	}
	var rows []row
	caption := m.Caption
	switch {
	case m.Image != nil:
		pw, ph := float64(m.Image.Width), float64(m.Image.Height)
		scale := min(1, maxPictureW/pw, maxPictureH/ph, w/pw)
		rows = append(rows, row{h: 3}, row{h: ph * scale, x: x, img: m.Image, imgW: pw * scale})
	case m.Kind == timeline.MediaQuote:
		rows = append(rows, d.para(clean("“"+strings.ReplaceAll(m.Quote, "\n", " ")+"”", false), serifItalic, 9.5, 12, x+8, w-8, ink)...)
	case m.URL != "":
		label := m.KindLabel()
		if caption != "" {
			label += ": " + caption
			caption = ""
		}
		rows = append(rows, d.para(clean(label, false), sans, 7.5, 10, x, w, grey)...)
		rows = append(rows, d.urlRows(m.URL, x, w)...)
	default:
		rows = append(rows, d.para(clean(m.KindLabel()+" (a file beside the dataset): "+m.Path, false), sans, 7.5, 10, x, w, grey)...)
	}
	var line []string
	if caption != "" {
		line = append(line, caption)
	}
	if m.Credit != "" {
		if m.Kind == timeline.MediaQuote {
			line = append(line, "— "+m.Credit)
		} else {
			line = append(line, "Credit: "+m.Credit)
		}
	}
	if len(line) > 0 {
		rows = append(rows, d.para(clean(strings.Join(line, " · "), false), sans, 7.5, 10, x, w, grey)...)
	}
	return rows
}

// picture draws the picture of r with its top left at (x, y), registering
// it once by its place in the view.
func (d *doc) picture(r *row, x, y float64) {
	name := "media-" + strconv.Itoa(d.imageIndex(r.img))
	opt := gofpdf.ImageOptions{ImageType: "png"}
	if d.pdf.GetImageInfo(name) == nil {
		data := r.img.Data
		if r.img.Type == "image/jpeg" {
			opt.ImageType = "jpg" // embedded as it is
		} else if data = plainPNG(r.img.Data); data == nil {
			return
		}
		d.pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(data))
	}
	d.pdf.ImageOptions(name, x+r.x, y, r.imgW, r.h, false, opt, 0, "")
}

// plainPNG returns a PNG or GIF picture as an 8-bit, non-interlaced PNG,
// the kind gofpdf reads (it refuses interlaced and 16-bit PNGs), or nil
// when it cannot be decoded.
func plainPNG(data []byte) []byte {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	b := src.Bounds()
	dst := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), src, b.Min, draw.Src)
	var out bytes.Buffer
	if png.Encode(&out, dst) != nil {
		return nil
	}
	return out.Bytes()
}

// imageIndex returns a number for im, the same for the same picture.
func (d *doc) imageIndex(im *render.Image) int {
	if d.images == nil {
		d.images = map[*render.Image]int{}
	}
	n, ok := d.images[im]
	if !ok {
		n = len(d.images) + 1
		d.images[im] = n
	}
	return n
}
