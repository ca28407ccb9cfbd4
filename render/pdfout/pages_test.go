package pdfout

import (
	"bytes"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// TestPagesReached checks that the pages of gofpdf are reached, so that
// Write takes each page as it is finished (TestFinishAsGofpdf checks the
// bytes are gofpdf's either way): every page's content is taken,
// compressed, and gofpdf is left empty pages.
func TestPagesReached(t *testing.T) {
	if reachPages(gofpdf.New("P", "pt", "Letter", "")) == nil {
		t.Fatal("gofpdf has no []*bytes.Buffer field pages: Write can no longer take its pages as they are finished")
	}
	d := newDoc(build(rendertest.Realistic(400), timeline.Filter{}), "letter", Options{})
	d.taken = reachPages(d.pdf)
	d.layout()
	d.draw()
	d.taken.take(d.pdf.PageNo())
	if d.pages < 3 || len(d.taken.done) != d.pages+1 {
		t.Fatalf("%d pages taken of %d", len(d.taken.done)-1, d.pages)
	}
	for n := 1; n <= d.pages; n++ {
		if len(d.taken.done[n]) == 0 || (*d.taken.bufs)[n].Len() != 0 {
			t.Errorf("page %d: %d compressed bytes taken, %d left to gofpdf", n, len(d.taken.done[n]), (*d.taken.bufs)[n].Len())
		}
	}
	for i := range d.blocks {
		if len(d.blocks[i].rows) > 0 {
			t.Errorf("block %d: its rows are kept after it is drawn", i)
			break
		}
	}
	var g grab
	if err := d.pdf.Output(&g); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := finish(&out, g.b, "en", d.taken); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(out.Bytes(), []byte("/Filter /FlateDecode /Length 0>>")); n > 0 {
		t.Errorf("%d empty page streams written", n)
	}
	checkXref(t, out.Bytes())
}
