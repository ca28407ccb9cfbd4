package timelinejs

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

// The TimelineJS export writes display_date only where TimelineJS, reading
// start_date and end_date, would show another date than ours; a plain
// date is left to TimelineJS, which shows it in its own way and language.
// Reading the export back gives every event its label again.
func TestDisplayDateOnlyWhereItDiffers(t *testing.T) {
	d := &timeline.Dataset{Title: "T"}
	want := map[string]string{ // event id → display_date written
		"year": "", "day": "", "span": "", "months": "",
		"approx": "c. 1985", "decade": "1960s", "open": "1985–present", "oneof": "2009 or 2010", "own": "early 1960s",
	}
	for id, date := range map[string]string{"year": "1985", "day": "1985-04-12", "span": "1973/1976", "months": "1985-04/1986-02",
		"approx": "1985~", "decade": "196X", "open": "1985/..", "oneof": "[2009..2010]", "own": "196X"} {
		e := &timeline.Event{ID: id, Date: mustDate(t, date), Title: id}
		if id == "own" {
			e.Display = "early 1960s"
		}
		d.Events = append(d.Events, e)
	}
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Events []struct {
			UniqueID    string  `json:"unique_id"`
			DisplayDate *string `json:"display_date"`
		} `json:"events"`
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	for _, s := range out.Events {
		got := ""
		if s.DisplayDate != nil {
			got = *s.DisplayDate
		}
		if got != want[s.UniqueID] || (s.DisplayDate != nil) != (want[s.UniqueID] != "") {
			t.Errorf("%s: display_date %v, want %q", s.UniqueID, s.DisplayDate, want[s.UniqueID])
		}
	}
	back, _, err := ReadJSON("out.json", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range back.Events {
		orig := d.Events[0]
		for _, o := range d.Events {
			if o.ID == e.ID {
				orig = o
			}
		}
		if e.Label() != orig.Label() {
			t.Errorf("%s: label %q after a round trip, want %q", e.ID, e.Label(), orig.Label())
		}
		if want[e.ID] == "" && e.Date.String() != orig.Date.String() {
			t.Errorf("%s: date %s after a round trip, want %s", e.ID, e.Date, orig.Date)
		}
	}
}
