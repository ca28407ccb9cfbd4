package timeline_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/timeline-tool/timeline/data"
	"github.com/timeline-tool/timeline/timeline"
)

// TestTextOfDatasetsIsPlain: the embedded dataset and every example in
// our format read exactly as before rich text: none of their text holds
// markup, so every output shows it as written.
func TestTextOfDatasetsIsPlain(t *testing.T) {
	mek, err := data.MEK()
	if err != nil {
		t.Fatal(err)
	}
	sets := map[string]*timeline.Dataset{"mek.json": mek}
	files, _ := filepath.Glob("../examples/*.json")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if d, err := timeline.Decode(f, b); err == nil && len(d.Events) > 0 {
			sets[f] = d
		}
	}
	if len(sets) < 2 {
		t.Fatalf("read %d datasets; want the embedded one and an example", len(sets))
	}
	for name, d := range sets {
		var texts []string
		for _, e := range d.Events {
			texts = append(texts, e.Summary)
		}
		for _, e := range d.Eras {
			texts = append(texts, e.Description)
		}
		for _, c := range d.Categories {
			texts = append(texts, c.Description)
		}
		for _, s := range texts {
			if !timeline.IsPlainText(s) || timeline.PlainText(s) != s || len(timeline.TextLinks(s)) > 0 {
				t.Errorf("%s: %q is read as markup: %#v", name, s, timeline.ParseText(s))
			}
		}
	}
}
