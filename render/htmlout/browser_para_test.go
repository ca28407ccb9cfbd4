package htmlout

import (
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// TestBrowserParagraphs: a summary's line break (rich text's new
// paragraph) is a line break on the page, as in the PDF, in the table of
// a small page and of a big one, and in an era's description in the key.
func TestBrowserParagraphs(t *testing.T) {
	d := loadJSON(t, "para.json", `{"title":"Paragraphs",
"eras":[{"id":"a","label":"Era","span":"1990/1999","description":"First of the era.\nSecond of the era."}],
"events":[{"id":"e1","date":"1995","title":"One","summary":"First paragraph, *emphasis*.\nSecond paragraph.","era":"a"},
{"id":"e2","date":"1996","title":"Two","summary":"Plain.","era":"a"}]}`)
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	for _, big := range []bool{false, true} {
		if big {
			defer func(n int) { bigRows = n }(bigRows)
			bigRows = 1
		}
		tb := open(t, writePage(t, t.TempDir(), "para.html", v, Options{}))
		got := eval[[]string](t, tb, `(() => {
  document.getElementById('key').open = true;
  return [document.getElementById('ev-e1').cells[2].innerText, document.querySelector('.key .desc').innerText];
})()`)
		for i, want := range []string{"First paragraph, emphasis.\nSecond paragraph.", "First of the era.\nSecond of the era."} {
			if strings.TrimSpace(got[i]) != want {
				t.Errorf("big %v: shown as %q, want %q", big, got[i], want)
			}
		}
		tb.checkQuiet(t)
	}
}
