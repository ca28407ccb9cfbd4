package timelinejs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"

	"github.com/timeline-tool/timeline/internal/golden"
)

// readGolden renders what a read gives, for golden files: the dataset in
// our JSON, then the notes, or the error.
func readGolden(t *testing.T, d *timeline.Dataset, notes []string, err error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err != nil {
		fmt.Fprintf(&b, "error:\n%v\n", err)
		return b.Bytes()
	}
	if err := timeline.Encode(&b, d); err != nil {
		t.Fatal(err)
	}
	b.WriteString("notes:\n")
	for _, n := range notes {
		b.WriteString(n + "\n")
	}
	b.WriteString("validate:\n")
	for _, p := range d.Validate() {
		b.WriteString(p.String() + "\n")
	}
	return b.Bytes()
}

// TestReadGolden reads every input under testdata/json and testdata/csv
// and compares the result with its golden file, NAME.golden.
func TestReadGolden(t *testing.T) {
	for _, dir := range []string{"json", "csv"} {
		inputs, _ := filepath.Glob(filepath.Join("testdata", dir, "*."+dir))
		if len(inputs) == 0 {
			t.Fatalf("no inputs in testdata/%s", dir)
		}
		for _, in := range inputs {
			if strings.Contains(in, ".got.") {
				continue
			}
			t.Run(in, func(t *testing.T) {
				data, err := os.ReadFile(in)
				if err != nil {
					t.Fatal(err)
				}
				read := ReadJSON
				if dir == "csv" {
					read = ReadCSV
				}
				d, notes, err := read(filepath.Base(in), data)
				golden.Check(t, strings.TrimSuffix(in, "."+dir)+".golden", readGolden(t, d, notes, err))
			})
		}
	}
}

// TestWriteGolden writes the bridge example as TimelineJS JSON and sheet
// CSV and compares them with their golden files; the JSON must meet
// TimelineJS's documented rules.
func TestWriteGolden(t *testing.T) {
	data, err := os.ReadFile("../../examples/bridge.json")
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := timeline.Load("bridge.json", data)
	if err != nil {
		t.Fatal(err)
	}
	var js, sheet bytes.Buffer
	if err := Write(&js, d); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSV(&sheet, d, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	checkTimelineJS(t, js.Bytes())
	golden.Check(t, "testdata/write/bridge.golden.json", js.Bytes())
	golden.Check(t, "testdata/write/bridge.golden.csv", sheet.Bytes())

	// Twice the same bytes.
	var again bytes.Buffer
	Write(&again, d)
	if !bytes.Equal(again.Bytes(), js.Bytes()) {
		t.Error("Write is not deterministic")
	}
}

var integerRE = regexp.MustCompile(`^-?\d+$`)

// checkTimelineJS checks data against the rules of TimelineJS's JSON
// format (website/templates/docs/json-format.html) and what its loader
// requires (src/js/core/TimelineConfig.js):
//
//   - the top level is an object with a non-empty "events" list and only
//     the fields events, title, eras and scale;
//   - every slide has only documented fields; every event has a
//     start_date; a slide's text has a headline or a text;
//   - every date object has a year, a number or a string of digits
//     (TLDate.js: /^-?\d*$/), month 1–12, day 1–31, hour 0–23, minute
//     and second 0–59, millisecond 0–999, and only documented
//     fields; an end date does not come before its start;
//   - every era has a start_date and an end_date;
//   - unique_ids are unique, among events and the title;
//   - the text's HTML links only to http and https addresses.
func checkTimelineJS(t *testing.T, data []byte) {
	t.Helper()
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		t.Fatalf("not a JSON object: %v", err)
	}
	for k := range top {
		if k != "events" && k != "title" && k != "eras" && k != "scale" {
			t.Errorf("undocumented top-level field %q", k)
		}
	}
	var events []map[string]json.RawMessage
	if err := json.Unmarshal(top["events"], &events); err != nil || len(events) == 0 {
		t.Fatalf("events is not a non-empty list of objects: %v", err)
	}
	slideFields := map[string]bool{"start_date": true, "end_date": true, "text": true, "media": true, "group": true, "display_date": true, "background": true, "autolink": true, "unique_id": true}
	dateFields := map[string]bool{"year": true, "month": true, "day": true, "hour": true, "minute": true, "second": true, "millisecond": true, "display_date": true}
	ids := map[string]bool{}
	checkDate := func(where string, raw json.RawMessage) (y, m, d int) {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			t.Errorf("%s: not an object: %s", where, raw)
			return
		}
		for k := range obj {
			if !dateFields[k] {
				t.Errorf("%s: undocumented field %q", where, k)
			}
		}
		num := func(k string, lo, hi int, required bool) int {
			v, ok := obj[k]
			if !ok {
				if required {
					t.Errorf("%s: no %s", where, k)
				}
				return 0
			}
			s := strings.Trim(string(v), `"`)
			if !integerRE.MatchString(s) {
				t.Errorf("%s.%s = %s: not a whole number", where, k, v)
				return 0
			}
			var n int
			fmt.Sscan(s, &n)
			if n < lo || n > hi {
				t.Errorf("%s.%s = %d: out of range %d–%d", where, k, n, lo, hi)
			}
			return n
		}
		num("hour", 0, 23, false)
		num("minute", 0, 59, false)
		num("second", 0, 59, false)
		num("millisecond", 0, 999, false)
		// Years beyond what a JavaScript date holds (-271820 to 275759)
		// put TimelineJS on its cosmological scale
		// (TimelineConfig._ensureValidScale).
		return num("year", -timeline.MaxLongYear, timeline.MaxLongYear, true), num("month", 1, 12, false), num("day", 1, 31, false)
	}
	checkText := func(where string, raw json.RawMessage, required bool) {
		var text struct{ Headline, Text string }
		if err := json.Unmarshal(raw, &text); err != nil {
			t.Errorf("%s.text: %v", where, err)
		}
		if required && strings.TrimSpace(text.Headline) == "" && strings.TrimSpace(text.Text) == "" {
			t.Errorf("%s: neither headline nor text", where)
		}
		for _, h := range []string{text.Headline, text.Text} {
			for _, l := range plainText(h).links {
				if !timeline.SafeURL(l.href) {
					t.Errorf("%s: link to %q", where, l.href)
				}
			}
		}
	}
	before := func(a, b [3]int) bool {
		for i := range a {
			if a[i] != b[i] && a[i] != 0 && b[i] != 0 {
				return b[i] < a[i]
			}
			if a[i] == 0 || b[i] == 0 {
				return false
			}
		}
		return false
	}
	slide := func(where string, s map[string]json.RawMessage, isTitle bool) {
		for k := range s {
			if !slideFields[k] {
				t.Errorf("%s: undocumented field %q", where, k)
			}
		}
		var id string
		if raw, ok := s["unique_id"]; ok {
			json.Unmarshal(raw, &id)
			if id == "" || ids[id] {
				t.Errorf("%s: unique_id %q empty or not unique", where, id)
			}
			ids[id] = true
		}
		checkText(where, s["text"], true)
		if isTitle {
			return
		}
		if _, ok := s["start_date"]; !ok {
			t.Errorf("%s: no start_date", where)
			return
		}
		y, m, d := checkDate(where+".start_date", s["start_date"])
		if raw, ok := s["end_date"]; ok {
			ey, em, ed := checkDate(where+".end_date", raw)
			if before([3]int{y, m, d}, [3]int{ey, em, ed}) {
				t.Errorf("%s: end_date before start_date", where)
			}
		}
		for _, k := range []string{"group", "display_date"} {
			if raw, ok := s[k]; ok {
				var str string
				if err := json.Unmarshal(raw, &str); err != nil {
					t.Errorf("%s.%s: not a string", where, k)
				}
			}
		}
	}
	if raw, ok := top["title"]; ok {
		var title map[string]json.RawMessage
		if err := json.Unmarshal(raw, &title); err != nil {
			t.Errorf("title: %v", err)
		}
		slide("title", title, true)
	}
	for i, e := range events {
		slide(fmt.Sprintf("events[%d]", i), e, false)
	}
	if raw, ok := top["eras"]; ok {
		var eras []map[string]json.RawMessage
		if err := json.Unmarshal(raw, &eras); err != nil {
			t.Fatalf("eras: %v", err)
		}
		for i, e := range eras {
			where := fmt.Sprintf("eras[%d]", i)
			_, hasStart := e["start_date"]
			_, hasEnd := e["end_date"]
			if !hasStart || !hasEnd {
				t.Errorf("%s: an era needs start_date and end_date", where)
				continue
			}
			checkDate(where+".start_date", e["start_date"])
			checkDate(where+".end_date", e["end_date"])
		}
	}
}

// TestWriteRules writes hostile and unusual datasets and checks the
// output against TimelineJS's rules.
func TestWriteRules(t *testing.T) {
	d := &timeline.Dataset{
		Title:    `<script>alert(1)</script> & "quotes"`,
		Subtitle: "line one\nline two",
		Eras: []*timeline.Era{
			{ID: "open", Label: "Open era", Span: mustDate(t, "1990/..")},
			{ID: "start-open", Label: "Until 1980", Span: mustDate(t, "../1980")},
			{ID: "point", Label: "One year", Span: mustDate(t, "1985")},
		},
		Categories: []*timeline.Category{{ID: "c", Label: "<b>Group</b>"}},
		Sources: []*timeline.Source{
			{ID: "s1", Title: "A <report>", URL: "https://example.org/a?b=1&c=2", Author: "Ann", Footnote: 4, Date: mustDate(t, "1999-02")},
			{ID: "s2", Title: "Bad link", URL: "javascript:alert(1)"},
		},
		Events: []*timeline.Event{
			{ID: "title", Date: mustDate(t, "196X"), Title: "A decade", Sources: []string{"s1"}},
			{ID: "b", Date: mustDate(t, "1985~"), Title: "About then", Summary: "x < y & z", Category: "c", Sources: []string{"s1", "s2", "missing"}},
			{ID: "c", Date: mustDate(t, "2001/.."), Title: "Ongoing", Status: timeline.StatusClaimed, Attribution: `Them "quoted"`, Sources: []string{"s2"}},
			{ID: "d", Date: mustDate(t, "../2003"), Title: "Until", Sources: []string{"s1"}},
			{ID: "e", Date: mustDate(t, "-0044-03-15"), Title: "Ides", Sources: []string{"s1"}},
			{ID: "f", Date: mustDate(t, "1985-0X"), Title: "Some month", Sources: []string{"s1"}},
			{ID: "g", Date: mustDate(t, "19XX/2003-04-1X"), Title: "", Sources: nil},
			{ID: "h", Date: mustDate(t, "1999/"), Title: "Unknown end", Sources: []string{"s1"}},
			{ID: "i", Date: mustDate(t, "[2009..2010]"), Title: "Some time in 2009 or 2010", Sources: []string{"s1"}},
			{ID: "j", Date: mustDate(t, "[..1980]"), Title: "Some time up to 1980", Sources: []string{"s1"}},
			{ID: "k", Date: mustDate(t, "[2013-05..]"), Title: "Some time from May 2013", Sources: []string{"s1"}},
		},
	}
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	checkTimelineJS(t, b.Bytes())
	out := b.String()
	for _, bad := range []string{"<script", "javascript:", "<b>"} {
		if strings.Contains(out, bad) {
			t.Errorf("output contains %q unescaped", bad)
		}
	}
	// It reads back, with the same dates where TimelineJS can say them.
	back, _, err := ReadJSON("out.json", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Events) != len(d.Events) {
		t.Fatalf("%d events back, want %d", len(back.Events), len(d.Events))
	}
	got := map[string]*timeline.Event{}
	for _, e := range back.Events {
		got[e.ID] = e
	}
	for _, tt := range []struct{ id, date, display string }{
		{"title", "1960/1969", "1960s"},
		{"b", "1985", "c. 1985"},
		{"c", "2001", "2001–present"},
		{"d", "2003", "until 2003"},
		{"e", "-0044-03-15", ""},
		{"f", "1985", "Jan–Sep 1985"},
		// TimelineJS has no "some time between": the range, with the label.
		{"i", "2009/2010", "2009 or 2010"},
		{"j", "1980", "1980 or earlier"},
		{"k", "2013-05", "May 2013 or later"},
	} {
		e := got[tt.id]
		if e == nil {
			t.Errorf("event %s missing after the round trip", tt.id)
			continue
		}
		if e.Date.String() != tt.date || e.Display != tt.display {
			t.Errorf("event %s: date %s display %q; want %s %q", tt.id, e.Date, e.Display, tt.date, tt.display)
		}
	}
	c := got["c"]
	if c.Status != timeline.StatusClaimed || c.Attribution != `Them "quoted"` {
		t.Errorf("status %q attribution %q after the round trip", c.Status, c.Attribution)
	}
	if b := got["b"]; b.Summary != "x < y & z" || len(b.Sources) != 3 {
		t.Errorf("b: summary %q sources %v", b.Summary, b.Sources)
	}
	if back.Title != d.Title {
		t.Errorf("title %q, want %q", back.Title, d.Title)
	}
}

func mustDate(t *testing.T, s string) timeline.Date {
	t.Helper()
	d, err := timeline.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// ev returns a TimelineJS file of one event with the given start_date.
func ev(date string) string {
	return `{"events":[{"start_date":` + date + `,"text":{"headline":"x"}}]}`
}

// readJSONErrorTests are inputs ReadJSON refuses, with a substring of the
// error; they also seed FuzzReadTimelineJSJSON.
var readJSONErrorTests = []struct {
	name, in string
	err      string // substring of the error
}{
	{"empty", "", "empty file"},
	{"spaces", " \r\n", "empty file"},
	{"list", "[]", "not a list"},
	{"number", "42", "not a single value"},
	{"no events", `{"title":{"text":{"headline":"x"}}}`, `1:1: no "events" list`},
	{"empty events", `{"events":[]}`, "no events"},
	{"events not list", `{"events":{}}`, `events: an object is not a list of slides`},
	{"null slide", `{"events":[null]}`, "events[0]: null is not a slide"},
	{"slide not object", `{"events":[1985]}`, "events[0]: a number is not a slide"},
	{"syntax", `{"events":[{"start_date":{"year":1985}},]}`, "1:41: events[1]: syntax error: invalid character ']'"},
	{"cut short", `{"events":[{"start_date":{"year":1985`, "unexpected end of file"},
	{"trailing", `{"events":[]} {}`, "1:15: unexpected data after the closing }"},
	{"duplicate key", `{"events":[{"start_date":{"year":1985,"year":1986}}]}`, `1:39: events[0].start_date.year: duplicate field "year"`},
	{"deep", `{"events":[` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `]}`, "nested more than 32 levels deep"},
	{"no start", `{"events":[{"text":{"headline":"x"}}]}`, "1:12: events[0].start_date: missing start date"},
	{"no year", ev(`{"month":4}`), "1:26: events[0].start_date.year: missing year"},
	{"empty year", ev(`{"year":""}`), "missing year"},
	{"year 10^12", ev(`{"year":1000000000000}`), `events[0].start_date.year: "1000000000000" is out of range; years run from -999999999999 to 999999999999`},
	{"year -10^12", ev(`{"year":"-1000000000000"}`), `"-1000000000000" is out of range`},
	{"minute without hour", ev(`{"year":1985,"month":4,"day":1,"minute":5}`), "events[0].start_date.minute: a time needs an hour"},
	{"hour 24", ev(`{"year":1985,"month":4,"day":1,"hour":24}`), "hour 24 is out of range; use 0 to 23"},
	{"millisecond 1000", ev(`{"year":1985,"month":4,"day":1,"hour":1,"millisecond":1000}`), "millisecond 1000 is out of range"},
	{"year huge", ev(`{"year":13800000000000}`), `"13800000000000" is out of range`},
	{"year float", ev(`{"year":1985.5}`), `"1985.5" is not a whole number`},
	{"year text", ev(`{"year":"1985 BC"}`), `"1985 BC" is not a whole number`},
	{"year bool", ev(`{"year":true}`), "events[0].start_date.year: true or false is not a string"},
	{"month 13", ev(`{"year":1985,"month":13}`), "month 13 is out of range; a month is 1 to 12"},
	{"month 0", ev(`{"year":1985,"month":"0"}`), "month 0 is out of range"},
	{"day 30 feb", ev(`{"year":1985,"month":2,"day":30}`), "day 30 is out of range; this month has days 1 to 28"},
	{"day no month", ev(`{"year":1985,"day":3}`), "day 3 without a month"},
	{"hour 24", ev(`{"year":1985,"hour":24}`), "hour 24 is out of range; use 0 to 23"},
	{"minute text", ev(`{"year":1985,"minute":"half"}`), `"half" is not a whole number`},
	{"date not object", ev(`"1985"`), "events[0].start_date: a string is not a date object"},
	{"end before start", `{"events":[{"start_date":{"year":1990},"end_date":{"year":1985}}]}`, "end date 1985 comes before start date 1990"},
	{"era no end", `{"events":[{"start_date":{"year":1990}}],"eras":[{"start_date":{"year":1990},"text":{"headline":"E"}}]}`, "eras[0].end_date: missing end date: an era needs a start and an end"},
	{"headline object", `{"events":[{"start_date":{"year":1990},"text":{"headline":{}}}]}`, "events[0].text.headline: an object is not a string"},
	{"many errors", `{"events":[` + strings.Repeat(`{"start_date":{"year":0,"month":99}},`, 60) + `{}]}`, "too many errors; stopped after 50"},
	{"invalid utf8", "{\"events\":[\n{\"text\":{\"headline\":\"caf\xe9\"}}]}", "x.json:2:25: invalid UTF-8 (byte 0xe9)"},
	{"utf-16", "\xfe\xff\x00{", "x.json:1:1: the file is UTF-16 text; save it as UTF-8"},
	{"invalid utf8 bom", "\ufeff{\"\xff\":1}", "x.json:1:3: invalid UTF-8 (byte 0xff)"},
}

func TestReadJSONErrors(t *testing.T) {
	for _, tt := range readJSONErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			d, _, err := ReadJSON("x.json", []byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("ReadJSON = %v, %v; want error containing %q", d != nil, err, tt.err)
			}
			if !timeline.IsProblems(err) {
				t.Errorf("error %T is not a *timeline.ProblemsError", err)
			}
			if !strings.HasPrefix(err.Error(), "x.json") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

// readJSONAcceptTests are start dates ReadJSON accepts, with the EDTF date
// each gives.
var readJSONAcceptTests = []struct {
	name, in string
	date     string
}{
	{"string year", `{"year":"1985"}`, "1985"},
	{"year and month strings", `{"year":" 1985 ","month":"04"}`, "1985-04"},
	{"number with zero fraction", `{"year":1985.0,"month":4.00}`, "1985-04"},
	{"negative", `{"year":-44,"month":3,"day":15}`, "-0044-03-15"},
	{"bce limit", `{"year":"-9999"}`, "-9999"},
	{"ce limit", `{"year":9999,"month":12,"day":31}`, "9999-12-31"},
	{"year zero", `{"year":0}`, "0000"},
	{"empty month", `{"year":1985,"month":"","day":null}`, "1985"},
	{"leap day", `{"year":2000,"month":2,"day":29}`, "2000-02-29"},
	{"time", `{"year":1985,"month":4,"day":1,"hour":23,"minute":"59","second":0,"millisecond":999}`, "1985-04-01T23:59:00.999"},
	{"hour alone", `{"year":1985,"month":4,"day":1,"hour":9}`, "1985-04-01T09:00"},
	{"minutes", `{"year":1985,"month":4,"day":1,"hour":"14","minute":30}`, "1985-04-01T14:30"},
	{"seconds", `{"year":1985,"month":4,"day":1,"hour":0,"minute":0,"second":5}`, "1985-04-01T00:00:05"},
	{"time without a day dropped", `{"year":1985,"month":4,"hour":9}`, "1985-04"},
	{"long year", `{"year":"-13800000000"}`, "Y-13800000000"},
	{"long year as number", `{"year":170000002}`, "Y170000002"},
	{"long year, month dropped", `{"year":-4600000000,"month":3,"day":1,"hour":2}`, "Y-4600000000"},
	{"year 10000", `{"year":10000}`, "Y10000"},
}

func TestReadJSONAccepts(t *testing.T) {
	for _, tt := range readJSONAcceptTests {
		t.Run(tt.name, func(t *testing.T) {
			in := `{"events":[{"start_date":` + tt.in + `,"text":{"headline":"x"}}]}`
			d, _, err := ReadJSON("x.json", []byte(in))
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Events[0].Date.String(); got != tt.date {
				t.Errorf("date %s, want %s", got, tt.date)
			}
			if err := d.Validate().Err(); err != nil {
				t.Errorf("Validate: %v", err)
			}
		})
	}
}

const sheetHeader = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text\n"

// readCSVErrorTests are sheets ReadCSV refuses, with a substring of the
// error; they also seed FuzzReadTimelineJSCSV.
var readCSVErrorTests = []struct {
	name, in string
	err      string
}{
	{"empty", "", "empty file"},
	{"no year column", "Headline,Text\nx,y\n", "1:1: no Year column"},
	{"no headline column", "Year,Month\n1985,4\n", "no Headline or Text column"},
	{"duplicate column", "Year,Headline,Year\n", `1:15: Year: column 3 repeats column 1 ("Year")`},
	{"duplicate column case", "Year,Headline,head line\n", `column 3 repeats column 2`},
	{"only header", sheetHeader, "no events"},
	{"month 13", sheetHeader + "1985,13,,,,,,,,x,\n", "x.csv:2:6: Month: month 13 is out of range; a month is 1 to 12"},
	{"year 10^12", sheetHeader + "1000000000000,,,,,,,,,x,\n", `x.csv:2:1: Year: "1000000000000" is out of range`},
	{"bad time", sheetHeader + "1985,4,2,25:00,,,,,,x,\n", `x.csv:2:10: Time: time "25:00" is not a time of day`},
	{"year text", sheetHeader + "1985 AD,,,,,,,,,x,\n", `"1985AD" is not a whole number`},
	{"no year", sheetHeader + ",4,,,,,,,,x,\n", "x.csv:2:1: Year: missing year"},
	{"no date", sheetHeader + ",,,,,,,,,x,\n", "2:1: Year: missing year: a TimelineJS row needs a Year"},
	{"end day", sheetHeader + "1985,1,1,,1985,2,31,,,x,\n", "2:18: End Day: day 31 is out of range; this month has days 1 to 28"},
	{"end before", sheetHeader + "1985,,,,1984,,,,,x,\n", "2:9: End Year: end date 1984 comes before start date 1985"},
	{"bad time", sheetHeader + "1985,1,1,25:00,,,,,,x,\n", `2:10: Time: time "25:00" is not a time of day`},
	{"bad time pm", sheetHeader + "1985,1,1,13 pm,,,,,,x,\n", `time "13 pm" is not a time of day`},
	{"ragged long", sheetHeader + "1985,,,,,,,,,x,,extra\n", "2:17: row has 12 fields but the header names 11 columns"},
	{"bare quote", sheetHeader + "1985,,,,,,,,,say \"hi\",\n", `2:18: CSV syntax error: bare " in non-quoted-field`},
	{"open quote", sheetHeader + "1985,,,,,,,,,\"never closed,\n", "CSV syntax error: extraneous or missing \" in quoted-field"},
	{"invalid utf8", sheetHeader + "1985,,,,,,,,,caf\xe9,\n", "x.csv:2:17: invalid UTF-8 (byte 0xe9)"},
	{"many errors", sheetHeader + strings.Repeat("1985,13,,,,,,,,x,\n", 60), "too many errors; stopped after 50"},
	{"semicolons", "Year;Month;Headline\n1985;4;x\n", "no Year column: a TimelineJS sheet's header row names the columns Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Alt Text, Type, Group, Background; the header has semicolons or tabs but no commas"},
}

func TestReadCSVErrors(t *testing.T) {
	for _, tt := range readCSVErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			d, _, err := ReadCSV("x.csv", []byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("ReadCSV = %v, %v; want error containing %q", d != nil, err, tt.err)
			}
			if !strings.HasPrefix(err.Error(), "x.csv") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
	// An era row needs an end.
	_, _, err := ReadCSV("x.csv", []byte("Year,End Year,Headline,Type\n1985,,x,\n1980,,E,era\n"))
	if err == nil || !strings.Contains(err.Error(), "x.csv:3:1: line 3.end_date: missing end date: an era needs a start and an end") {
		t.Errorf("era without end: %v", err)
	}
}

// readCSVAcceptTests are sheets ReadCSV accepts, with the dates of their
// events.
var readCSVAcceptTests = []struct {
	name, in string
	dates    []string
}{
	{"crlf bom", "\ufeffYear,Month,Headline\r\n1985,4,x\r\n", []string{"1985-04"}},
	{"thousands comma", "Year,Headline\n\"-1,200\",x\n\" 2 000 \",y\n", []string{"-1200", "2000"}},
	{"blank rows", "Year,Headline\n,\n1985,x\n\n,,\n", []string{"1985"}},
	{"short rows", "Year,Month,Day,Headline,Text\n1985,4\n", []string{"1985-04"}},
	{"lower case headers", "year,month,day,headline,endyear\n1985,4,2,x,1990\n", []string{"1985-04-02/1990"}},
	{"same end", "Year,End Year,Headline\n1985,1985,x\n", []string{"1985"}},
	{"end month without year", "Year,End Month,Headline\n1985,3,x\n", []string{"1985"}},
	{"quoted newline", "Year,Headline,Text\n1985,x,\"a\r\nb\"\n", []string{"1985"}},
	{"times", "Year,Month,Day,Time,Headline\n1985,4,2,2:30 p.m.,x\n1985,4,3,1430,y\n1985,4,4,14:30:15.5,z\n", []string{"1985-04-02T14:30", "1985-04-03T14:30", "1985-04-04T14:30:15.5"}},
	{"times am", "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Headline\n1985,4,2,12:05 am,1985,4,2,12:10 PM,x\n", []string{"1985-04-02T00:05/1985-04-02T12:10"}},
	{"long years", "Year,Month,Day,Time,End Year,Headline\n-13800000000,,,,-4600000000,x\n", []string{"Y-13800000000/Y-4600000000"}},
	{"megabyte line", "Year,Headline,Text\n1985,x," + strings.Repeat("word ", 1<<20) + "\n", []string{"1985"}},
	{"untitled extra column", "Year,Headline,,Notes\n1985,x,,n\n", []string{"1985"}},
	{"unknown type", "Year,Headline,Type\n1985,x,slide\n", []string{"1985"}},
}

func TestReadCSVAccepts(t *testing.T) {
	for _, tt := range readCSVAcceptTests {
		t.Run(tt.name, func(t *testing.T) {
			d, _, err := ReadCSV("x.csv", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range d.Events {
				got = append(got, e.Date.String())
			}
			if strings.Join(got, " ") != strings.Join(tt.dates, " ") {
				t.Errorf("dates %v, want %v", got, tt.dates)
			}
			if err := d.Validate().Err(); err != nil {
				t.Errorf("Validate: %v", err)
			}
		})
	}
}

func TestMaxEvents(t *testing.T) {
	if testing.Short() {
		t.Skip("builds inputs of MaxEvents slides")
	}
	var b strings.Builder
	b.WriteString(`{"events":[`)
	for i := 0; i <= MaxEvents; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"start_date":{"year":1}}`)
	}
	b.WriteString("]}")
	_, _, err := ReadJSON("big.json", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "more than 100000 slides") {
		t.Errorf("ReadJSON: %v", err)
	}
	csv := "Year,Headline\n" + strings.Repeat("1,x\n", MaxEvents+1)
	_, _, err = ReadCSV("big.csv", []byte(csv))
	if err == nil || !strings.Contains(err.Error(), "big.csv:100002:1: more than 100000 rows") {
		t.Errorf("ReadCSV: %v", err)
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct {
		in, want string
		links    []string
	}{
		{"plain", "plain", nil},
		{"  many   spaces\tand\ttabs ", "many spaces and tabs", nil},
		{"<p>One</p><p>Two</p>", "One\nTwo", nil},
		{"a<br>b<br/>c", "a\nb\nc", nil},
		{"AT&amp;T &lt;tag&gt; &quot;q&quot; &#8212; &mdash; &unknown; & alone", `AT&T <tag> "q" — — &unknown; & alone`, nil},
		{`<a href="https://example.org/a?x=1&amp;y=2">the <b>report</b></a>`, "the report", []string{"https://example.org/a?x=1&y=2|the report"}},
		{`<a href='http://e.org'>x</a> <a href=http://f.org/>y</a> <A HREF="mailto:a@b">z</A>`, "x y z", []string{"http://e.org|x", "http://f.org/|y", "mailto:a@b|z"}},
		{`<script>alert("<p>x</p>")</script>after`, "after", nil},
		{`<STYLE>p{}</style>after`, "after", nil},
		{`<iframe src="x">inside</iframe>after`, "after", nil},
		{`<!-- comment <p> -->after<!-- unclosed`, "after", nil},
		{`<!DOCTYPE html>x`, "x", nil},
		{`1 < 2 and 3 > 2`, "1 < 2 and 3 > 2", nil},
		{`a <b`, "a", nil},
		{`<p title="a > b">text</p>`, "text", nil},
		{`<img src="x.png" alt="A bridge">`, "A bridge", nil},
		{"<span>ctrl\x00\x07chars\u200b</span>", "ctrlchars", nil},
		{`<ul><li>one</li><li>two</li></ul>`, "one\ntwo", nil},
		{`<p>x</p><ol class="timeline-sources"><li data-source-id="s1"><a href="https://e.org/1">One</a>, 1990</li><li>Two</li></ol>`, "x", nil},
		{`<p class="timeline-status" data-status="claimed" data-attribution="A &amp; B"><em>Claimed by A &amp; B.</em></p>rest`, "rest", nil},
		{`<script>never closed`, "", nil},
		{`<a href="https://e.org/">open link`, "open link", []string{"https://e.org/|open link"}},
	}
	for _, tt := range tests {
		got := plainText(tt.in)
		if got.text != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.in, got.text, tt.want)
		}
		var links []string
		for _, l := range got.links {
			links = append(links, l.href+"|"+l.text)
		}
		if strings.Join(links, " ") != strings.Join(tt.links, " ") {
			t.Errorf("plainText(%q) links = %q, want %q", tt.in, links, tt.links)
		}
	}
	h := plainText(`<ol class="timeline-sources"><li data-source-id="s1"><a href="https://e.org/1">One</a>, 1990</li><li>Two</li></ol><p class="timeline-status" data-status="claimed" data-attribution="A &amp; B">x</p>`)
	if len(h.sources) != 2 || h.sources[0] != (sourceItem{"s1", "One, 1990", "https://e.org/1"}) || h.sources[1].text != "Two" {
		t.Errorf("sources = %+v", h.sources)
	}
	if !h.hasStatus || h.status != "claimed" || h.attribution != "A & B" {
		t.Errorf("status = %v %q %q", h.hasStatus, h.status, h.attribution)
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Roads & Bridges":        "roads-bridges",
		"  Version 1.0 ":         "version-1-0",
		"Rózsa Péter's":          "rózsa-péters",
		"---":                    "",
		strings.Repeat("a", 100): strings.Repeat("a", 60),
	} {
		if got := slugify(in); got != want {
			t.Errorf("slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

// A timeline without a title headline is untitled, and says so: the
// file's name is no title. A title slide with text only keeps its text as
// the subtitle.
func TestTitleFallback(t *testing.T) {
	for _, name := range []string{"notes.json", ".json", "-", "dir/x y.json", "\x80\x01.json", "/"} {
		for _, in := range []string{ev(`{"year":1985}`), `{"title": {"text": {"headline": " ", "text": "Only a subtitle"}}, "events": [{"start_date": {"year": 1985}, "text": {"headline": "A"}}]}`} {
			d, notes, err := ReadJSON(name, []byte(in))
			if err != nil {
				t.Fatal(err)
			}
			joined := strings.Join(notes, "\n")
			if d.Title != "Untitled timeline" || !strings.Contains(joined, `titled "Untitled timeline"`) {
				t.Errorf("ReadJSON(%q): title %q, notes %q; want title %q and a note", name, d.Title, notes, "Untitled timeline")
			}
			if base := strings.TrimSuffix(name, ".json"); len(base) > 1 && strings.Contains(d.Title+joined, base) {
				t.Errorf("ReadJSON(%q): the file name is in the title or notes: %q, %q", name, d.Title, notes)
			}
			if strings.Contains(in, "Only a subtitle") && d.Subtitle != "Only a subtitle" {
				t.Errorf("ReadJSON(%q): subtitle %q", name, d.Subtitle)
			}
		}
	}
}

// TestReadJSONLimits shows how the JSON reader treats hostile but
// well-formed input: each is read, or refused with a clear error.
func TestReadJSONLimits(t *testing.T) {
	big := strings.Repeat("All work and no play. ", 200000) // 4.4 MB on one line
	tests := []struct {
		name, in string
		err      string // "" when the input reads
	}{
		{"bom and crlf", "\ufeff{\r\n\"events\": [\r\n{\"start_date\": {\"year\": 1985},\r\n\"text\": {\"headline\": \"x\"}}\r\n]\r\n}\r\n", ""},
		{"megabytes on a line", `{"events":[{"start_date":{"year":1985},"text":{"headline":"x","text":"` + big + `"}}]}`, ""},
		{"deep in an unknown field", `{"events":[{"start_date":{"year":1985}}],"x":` + strings.Repeat(`{"a":`, 40) + `1` + strings.Repeat(`}`, 40) + `}`, "x.json:1:" + strconv.Itoa(len(`{"events":[{"start_date":{"year":1985}}],"x":`)+31*len(`{"a":`)+1) + ": x.a.a.a."},
		{"duplicate top-level key", `{"events":[],"events":[]}`, `x.json:1:14: events: duplicate field "events"`},
		{"null title", `{"title":null,"events":[{"start_date":{"year":1}}]}`, ""},
		{"year -9999", ev(`{"year":-9999,"month":1,"day":1}`), ""},
		{"year 10^12", ev(`{"year":"1000000000000"}`), `"1000000000000" is out of range; years run from -999999999999 to 999999999999`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _, err := ReadJSON("x.json", []byte(tt.in))
			if tt.err == "" {
				if err != nil {
					t.Fatal(err)
				}
				if err := d.Validate().Err(); err != nil {
					t.Error(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("ReadJSON: %v; want an error containing %q", err, tt.err)
			}
		})
	}
}
