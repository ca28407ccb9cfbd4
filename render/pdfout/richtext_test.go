package pdfout

import (
	"bytes"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

// TestRichText: an event's summary shows its emphasis in italic, its
// strong text in bold and its web links as links with their text; an
// era's description its emphasis in roman; a link to a file beside the
// dataset is text; plain text is laid out as before.
func TestRichText(t *testing.T) {
	d := newDoc(build(loadSmall(t), timeline.Filter{}), "letter", Options{})
	d.layout()
	faces := map[string]face{}
	urls := map[string]string{}
	var plainRows int
	for _, b := range d.blocks {
		for _, r := range b.rows {
			if len(r.runs) == 0 && r.text != "" {
				plainRows++
			}
			for _, u := range r.runs {
				faces[u.text] = u.face
				urls[u.text] = u.url
			}
		}
	}
	for text, want := range map[string]face{"charter": serifItalic, "the parish record": serif, "first": serif, "years, under its founders.": serifItalic} {
		if f, ok := faces[text]; !ok || f != want {
			t.Errorf("run %q: face %v (found %v), want %v", text, f, ok, want)
		}
	}
	bold := false
	for text, f := range faces {
		bold = bold || f == serifBold && strings.Contains(text, "“one family, one")
		if strings.Contains(text, "*") || strings.Contains(text, "](") {
			t.Errorf("markup drawn: %q", text)
		}
	}
	if !bold {
		t.Errorf("no bold run for the strong text; runs %v", faces)
	}
	if urls["the parish record"] != "https://example.org/parish/1962" {
		t.Errorf("link of the parish record: %q", urls["the parish record"])
	}
	for text, u := range urls {
		if strings.Contains(text, "local copy") && u != "" {
			t.Errorf("a link to a file beside the dataset became a link: %q → %q", text, u)
		}
	}
	if plainRows == 0 {
		t.Error("no row of plain text")
	}
	_, pdf := write(t, build(loadSmall(t), timeline.Filter{}), Options{})
	if !bytes.Contains(pdf, []byte("/URI (https://example.org/parish/1962)")) || bytes.Contains(pdf, []byte("charter.pdf")) {
		t.Error("the PDF lacks the link annotation of the parish record, or links the local copy")
	}
}
