package pdfout

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// writeGofpdfCompressed writes the briefing the way Write did before
// finish: gofpdf compressing each page with a zlib writer of its own,
// its output copied once more (as the /Lang step did). It is the
// reference of TestFinishAsGofpdf and the baseline of BenchmarkWrite.
// It ignores the view's language.
func writeGofpdfCompressed(w io.Writer, v *render.View, opts Options) error {
	paper, err := opts.paper()
	if err != nil {
		return err
	}
	d := newDoc(v, paper, opts)
	d.layout()
	d.draw()
	d.blocks, d.places, d.strip = nil, nil, nil
	d.pdf.SetCompression(true)
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return err
	}
	_, err = w.Write(bytes.Clone(buf.Bytes()))
	return err
}

// TestFinishAsGofpdf checks that Write, which compresses the pages
// itself, writes the very bytes gofpdf writes when it compresses them,
// for briefings of one to many pages, with and without a font of the
// user's, notes at the foot and the A4 paper.
func TestFinishAsGofpdf(t *testing.T) {
	cases := []struct {
		name string
		v    *render.View
		opts Options
	}{
		{"small", build(loadSmall(t), timeline.Filter{}), Options{}},
		{"small a4 notes", build(loadSmall(t), timeline.Filter{}), Options{Paper: "a4", Notes: "page"}},
		{"empty", build(loadSmall(t), timeline.Filter{Text: "no event says this"}), Options{}},
		{"hostile", build(rendertest.HostileDataset(), timeline.Filter{}), Options{}},
		{"realistic 400", build(rendertest.Realistic(400), timeline.Filter{}), Options{}},
	}
	if !testing.Short() {
		cases = append(cases, struct {
			name string
			v    *render.View
			opts Options
		}{"unsupported with a CJK font", build(unsupported(t), timeline.Filter{}), Options{Fonts: []*Font{cjkFont(t)}}})
	}
	for _, c := range cases {
		var want, got bytes.Buffer
		if err := writeGofpdfCompressed(&want, c.v, c.opts); err != nil {
			t.Fatal(err)
		}
		if err := Write(&got, c.v, c.opts); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			i := 0
			for i < min(got.Len(), want.Len()) && got.Bytes()[i] == want.Bytes()[i] {
				i++
			}
			t.Errorf("%s: Write's %d bytes differ from gofpdf's %d at byte %d: %.40q, want %.40q",
				c.name, got.Len(), want.Len(), i, got.Bytes()[i:], want.Bytes()[i:])
		}
		if n := bytes.Count(got.Bytes(), []byte("/Filter /FlateDecode /Length")); n < bytes.Count(got.Bytes(), []byte("<</Type /Page\n")) {
			t.Errorf("%s: %d compressed streams for more pages", c.name, n)
		}
		checkXref(t, got.Bytes())
	}
}

// TestFinishRefuses checks that a file finish cannot read writes nothing
// and says why.
func TestFinishRefuses(t *testing.T) {
	var g grab
	var buf bytes.Buffer
	d := newDoc(build(loadSmall(t), timeline.Filter{}), "letter", Options{})
	d.layout()
	d.draw()
	if err := d.pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	g.Write(buf.Bytes())
	good := g.b
	for name, bad := range map[string][]byte{
		"no table":       bytes.ReplaceAll(good, []byte("\nxref\n"), []byte("\nxrefs\n")),
		"offset moved":   bytes.Replace(good, []byte("%PDF-1."), []byte("%PDF-1.1"), 1),
		"stream length":  bytes.Replace(good, []byte("<</Length "), []byte("<</Length 1"), 1),
		"truncated":      good[:len(good)/2],
		"bad language":   nil,
		"startxref":      bytes.Replace(good, []byte("startxref\n"), []byte("startxref\n1"), 1),
		"no page object": bytes.ReplaceAll(good, []byte("/Contents "), []byte("/Kontents ")),
	} {
		lang := ""
		if bad == nil {
			bad, lang = good, "en) /Evil (x"
		}
		var out bytes.Buffer
		err := finish(&out, bad, lang, nil)
		if err == nil || out.Len() != 0 || !strings.HasPrefix(err.Error(), "pdf: ") {
			t.Errorf("%s: finish wrote %d bytes, error %v", name, out.Len(), err)
		}
	}
	var out bytes.Buffer
	if err := finish(&out, good, "en", nil); err != nil || !bytes.Contains(out.Bytes(), []byte("/Type /Catalog\n/Lang (en)\n")) {
		t.Errorf("the file itself: %v", fmt.Sprint(err))
	}
	checkXref(t, out.Bytes())
}
