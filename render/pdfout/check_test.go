package pdfout

import (
	"fmt"
	"os"
	"testing"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// TestCheckDataset checks that CheckDataset, which looks at the dataset's
// text before it builds a view, finds what Check finds in the view of the
// whole dataset: the same characters, events and texts in the same order,
// with and without a --font, for a character no font has in each text the
// briefing draws (and for none).
func TestCheckDataset(t *testing.T) {
	const odd = "中🎉"
	type mutation struct {
		name string
		set  func(d *timeline.Dataset)
	}
	muts := []mutation{
		{"none", func(*timeline.Dataset) {}},
		{"title", func(d *timeline.Dataset) { d.Title += odd }},
		{"subtitle", func(d *timeline.Dataset) { d.Subtitle += odd }},
		{"era label", func(d *timeline.Dataset) { d.Eras[0].Label += odd }},
		{"era description", func(d *timeline.Dataset) { d.Eras[len(d.Eras)-1].Description = odd }},
		{"category label", func(d *timeline.Dataset) { d.Categories[0].Label += odd }},
		{"source author", func(d *timeline.Dataset) { d.Sources[0].Author = odd }},
		{"source title", func(d *timeline.Dataset) { d.Sources[len(d.Sources)-1].Title += odd }},
		{"source publisher", func(d *timeline.Dataset) { d.Sources[0].Publisher = odd }},
		{"source locator", func(d *timeline.Dataset) { d.Sources[0].Locator = odd }},
		{"event display", func(d *timeline.Dataset) { d.Events[1].Display = odd }},
		{"event title", func(d *timeline.Dataset) { d.Events[0].Title += odd }},
		{"event summary", func(d *timeline.Dataset) { d.Events[len(d.Events)-1].Summary += odd }},
		{"event attribution", func(d *timeline.Dataset) { d.Events[2].Attribution = odd }},
		{"several", func(d *timeline.Dataset) {
			d.Events[3].Title += odd
			d.Events[0].Summary += "🎉 ✓ 文"
			d.Title += "文"
		}},
	}
	bases := map[string]func() *timeline.Dataset{
		"small":     func() *timeline.Dataset { return loadSmall(t) },
		"realistic": func() *timeline.Dataset { return rendertest.Realistic(300) },
		"hostile":   rendertest.HostileDataset,
	}
	opts := render.Options{Version: "v1.2.3"}
	fontSets := map[string][]*Font{"no font": nil}
	if !testing.Short() {
		fontSets["CJK font"] = []*Font{cjkFont(t)}
	}
	for bn, base := range bases {
		for _, m := range muts {
			for fn, fonts := range fontSets {
				d := base()
				if len(d.Events) < 4 && m.name == "several" || len(d.Events) < 3 && m.name == "event attribution" {
					continue
				}
				m.set(d)
				want := fmt.Sprint(Check(render.Build(d, timeline.Filter{}, opts), fonts))
				if got := fmt.Sprint(CheckDataset(d, opts, fonts)); got != want {
					t.Errorf("%s, %s in %s: CheckDataset = %s, Check of the view = %s", bn, fn, m.name, got, want)
				}
				if m.name != "none" && fn == "no font" && want == "[]" {
					t.Errorf("%s, %s: Check found nothing: the test puts no text where the briefing draws it", bn, m.name)
				}
			}
		}
	}
}

// TestCheckDatasetName checks that a character no font has in the file's
// name, which the briefing's footer shows, is found too.
func TestCheckDatasetName(t *testing.T) {
	data, err := os.ReadFile("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := timeline.Load("时间线🎉.json", data)
	if err != nil {
		t.Fatal(err)
	}
	opts := render.Options{Version: "v1.2.3"}
	want := fmt.Sprint(Check(render.Build(d, timeline.Filter{}, opts), nil))
	if want == "[]" {
		t.Fatal("Check finds no character of the file name")
	}
	if got := fmt.Sprint(CheckDataset(d, opts, nil)); got != want {
		t.Errorf("CheckDataset = %s, want %s", got, want)
	}
}
