package timelinejs

import (
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

func TestLost(t *testing.T) {
	d := &timeline.Dataset{Title: "T",
		Eras:       []*timeline.Era{{ID: "a-b", Label: "A b"}},
		Categories: []*timeline.Category{{ID: "c", Label: "C"}},
		Sources:    []*timeline.Source{{ID: "s", Title: "S", URL: "https://example.org/s"}},
		Events:     []*timeline.Event{{ID: "e", Title: "E", Sources: []string{"s"}}},
	}
	if got := Lost(d); got != "" {
		t.Errorf("Lost of a dataset TimelineJS holds = %q", got)
	}
	d.Events[0].Tags = []string{"x"}
	d.Events = append(d.Events, &timeline.Event{ID: "f", Title: "F", Tags: []string{"y"}, Section: "Intro"})
	d.Eras[0].Color = "#fff"
	d.Categories[0].ID = "cat"
	d.Sources[0].Author = "A. Writer"
	d.Language, d.Document = "en", "s"
	got := Lost(d)
	for _, want := range []string{"TimelineJS has no place for tags (2 events); sections (1 event); era ids and colours",
		"category ids", "authors", "the language", "which source is the dataset's document", "the json and csv exports keep everything"} {
		if !strings.Contains(got, want) {
			t.Errorf("Lost = %q; want it to contain %q", got, want)
		}
	}
}
