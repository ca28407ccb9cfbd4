package eventcsv

import (
	"bytes"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

// TestTimesAndLongYearsRoundTrip writes events with times of day (with
// and without a zone) and long years to our CSV and reads them back: the
// dates come back as written.
func TestTimesAndLongYearsRoundTrip(t *testing.T) {
	dates := []string{"1997-10-08T14:30", "1997-10-08T14:30:00Z", "1997-10-08T14:30:15.5+05:30",
		"1997-10-08T14:30/1997-10-08T16:00", "Y-13800000000", "Y-17E7~", "Y-541000000/Y-251900000", "[Y-4600000000..Y-4500000000]"}
	d := &timeline.Dataset{Title: "T", Sources: []*timeline.Source{{ID: "s", Title: "S"}}}
	for i, s := range dates {
		date, err := timeline.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		d.Events = append(d.Events, &timeline.Event{ID: string(rune('a' + i)), Title: s, Date: date, Sources: []string{"s"}})
	}
	var b bytes.Buffer
	if err := Write(&b, d, Options{}); err != nil {
		t.Fatal(err)
	}
	back, _, err := Read("back.csv", b.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, b.Bytes())
	}
	if len(back.Events) != len(dates) {
		t.Fatalf("%d events back, want %d", len(back.Events), len(dates))
	}
	for i, e := range back.Events {
		if e.Date.String() != dates[i] {
			t.Errorf("event %d: date %q back, want %q", i, e.Date, dates[i])
		}
	}
}
