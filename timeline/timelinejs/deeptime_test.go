package timelinejs

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

// readTestFile reads a TimelineJS file of testdata, JSON or sheet.
func readTestFile(t *testing.T, path string) *timeline.Dataset {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	read := ReadJSON
	if strings.HasSuffix(path, ".csv") {
		read = ReadCSV
	}
	d, _, err := read(filepath.Base(path), data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func dateStrings(d *timeline.Dataset) []string {
	var s []string
	for _, e := range d.SortedEvents() {
		s = append(s, e.Date.String())
	}
	return s
}

// TestTimesAndDeepTimeRoundTrip reads the test timelines with times of day
// and deep time, writes them as our JSON and reads that back, then writes
// TimelineJS JSON and a sheet from it and reads those back: every date,
// the order of the events and the scale survive.
func TestTimesAndDeepTimeRoundTrip(t *testing.T) {
	for _, path := range []string{"testdata/json/deep-time.json", "testdata/json/deep-mixed.json", "testdata/json/times.json", "testdata/csv/times.csv"} {
		t.Run(path, func(t *testing.T) {
			orig := readTestFile(t, path)
			want := dateStrings(orig)

			var ours bytes.Buffer
			if err := timeline.Encode(&ours, orig); err != nil {
				t.Fatal(err)
			}
			mid, err := timeline.Decode("ours.json", ours.Bytes())
			if err != nil {
				t.Fatalf("our JSON does not read back: %v\n%s", err, ours.Bytes())
			}
			if got := dateStrings(mid); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("our JSON: dates %q, want %q", got, want)
			}
			if mid.Scale != orig.Scale {
				t.Errorf("our JSON: scale %q, want %q", mid.Scale, orig.Scale)
			}

			var js bytes.Buffer
			if err := Write(&js, mid); err != nil {
				t.Fatal(err)
			}
			checkTimelineJS(t, js.Bytes())
			back, _, err := ReadJSON("back.json", js.Bytes())
			if err != nil {
				t.Fatalf("TimelineJS JSON does not read back: %v", err)
			}
			if got := dateStrings(back); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("TimelineJS JSON: dates %q, want %q", got, want)
			}
			if back.Scale != orig.Scale {
				t.Errorf("TimelineJS JSON: scale %q, want %q", back.Scale, orig.Scale)
			}

			var sheet bytes.Buffer
			if err := WriteCSV(&sheet, mid, CSVOptions{}); err != nil {
				t.Fatal(err)
			}
			fromSheet, _, err := ReadCSV("back.csv", sheet.Bytes())
			if err != nil {
				t.Fatalf("sheet does not read back: %v\n%s", err, sheet.Bytes())
			}
			// The sheet's Time holds tenths of a second at the finest, as
			// TimelineJS reads it (sheetTime).
			wantSheet := make([]string, len(want))
			for i, w := range want {
				wantSheet[i] = subTenths.ReplaceAllString(w, "$1")
			}
			if got := dateStrings(fromSheet); strings.Join(got, " ") != strings.Join(wantSheet, " ") {
				t.Errorf("sheet: dates %q, want %q", got, wantSheet)
			}
		})
	}
}

// TestScaleWritten checks that the scale is written only when the dataset
// has one: TimelineJS picks the cosmological scale itself for years no
// JavaScript date holds.
func TestScaleWritten(t *testing.T) {
	for _, tt := range []struct{ path, scale string }{
		{"testdata/json/deep-mixed.json", `"scale": "cosmological"`},
		{"testdata/json/deep-time.json", ""},
	} {
		var b bytes.Buffer
		if err := Write(&b, readTestFile(t, tt.path)); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(b.String(), `"scale"`); got != (tt.scale != "") || !strings.Contains(b.String(), tt.scale) {
			t.Errorf("%s: scale written %v, want %q", tt.path, got, tt.scale)
		}
	}
}

// TestTimesWritten checks the time fields Write and WriteCSV make: the
// clock as written, in the JSON's hour, minute, second and millisecond and
// the sheet's Time columns; a zone, which TimelineJS has no field for, in
// the display date, and listed in Lost.
// subTenths matches a fraction of a second finer than tenths.
var subTenths = regexp.MustCompile(`(:\d\d)\.(?:\d0?0?[1-9]|\d[1-9]\d?)\b`)

func TestTimesWritten(t *testing.T) {
	d := &timeline.Dataset{Title: "T"}
	for id, date := range map[string]string{
		"minute": "1997-10-08T14:30", "second": "1997-10-08T14:30:05", "milli": "1997-10-08T14:30:05.125",
		"zoned": "1997-10-08T14:30+05:30", "span": "1997-10-08T09:00/1997-10-08T17:00",
	} {
		d.Events = append(d.Events, &timeline.Event{ID: id, Title: id, Date: mustDate(t, date)})
	}
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Events []struct {
			UniqueID    string          `json:"unique_id"`
			Start       json.RawMessage `json:"start_date"`
			End         json.RawMessage `json:"end_date"`
			DisplayDate string          `json:"display_date"`
		} `json:"events"`
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	compact := func(raw json.RawMessage) string {
		var c bytes.Buffer
		if len(raw) > 0 {
			json.Compact(&c, raw)
		}
		return c.String()
	}
	want := map[string][3]string{
		"minute": {`{"year":1997,"month":10,"day":8,"hour":14,"minute":30}`, "", ""},
		"second": {`{"year":1997,"month":10,"day":8,"hour":14,"minute":30,"second":5}`, "", ""},
		// TimelineJS shows a time with milliseconds without its day: the
		// label is written (clockHidden; TestTimelineJS3).
		"milli": {`{"year":1997,"month":10,"day":8,"hour":14,"minute":30,"second":5,"millisecond":125}`, "", "8 Oct 1997 14:30:05.125"},
		"zoned": {`{"year":1997,"month":10,"day":8,"hour":14,"minute":30}`, "", "8 Oct 1997 14:30+05:30"},
		"span":  {`{"year":1997,"month":10,"day":8,"hour":9,"minute":0}`, `{"year":1997,"month":10,"day":8,"hour":17,"minute":0}`, ""},
	}
	for _, s := range out.Events {
		w := want[s.UniqueID]
		if got := compact(s.Start); got != w[0] {
			t.Errorf("%s: start_date %s, want %s", s.UniqueID, got, w[0])
		}
		if got := compact(s.End); got != w[1] {
			t.Errorf("%s: end_date %s, want %s", s.UniqueID, got, w[1])
		}
		if s.DisplayDate != w[2] {
			t.Errorf("%s: display_date %q, want %q", s.UniqueID, s.DisplayDate, w[2])
		}
	}
	var sheet bytes.Buffer
	if err := WriteCSV(&sheet, d, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, cell := range []string{"1997,10,8,14:30,", "1997,10,8,14:30:05,", "1997,10,8,09:00,1997,10,8,17:00,"} {
		if !strings.Contains(sheet.String(), cell) {
			t.Errorf("sheet has no %q:\n%s", cell, sheet.String())
		}
	}
	if lost := Lost(d); !strings.Contains(lost, "time zones (kept in the display date only) (1 event)") {
		t.Errorf("Lost = %q, want the zone of 1 event", lost)
	}
}
