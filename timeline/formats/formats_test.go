package formats

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

// TestExamples loads every dataset in examples/ and validates it: no
// errors (warnings are allowed and logged).
func TestExamples(t *testing.T) {
	files, err := filepath.Glob("../../examples/*")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Format{
		"bridge.json":          JSON,
		"timelinejs.json":      TimelineJS,
		"timelinejs-sheet.csv": TimelineJSCSV,
		"events.csv":           CSV,
		"radio.mw":             Markwhen,
	}
	seen := 0
	for _, path := range files {
		base := filepath.Base(path)
		if strings.HasSuffix(base, ".md") || strings.HasPrefix(base, ".") {
			continue
		}
		if fi, err := os.Stat(path); err != nil || fi.IsDir() {
			continue
		}
		t.Run(base, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := Detect(base, data)
			if err != nil {
				t.Fatal(err)
			}
			if w, ok := want[base]; ok {
				seen++
				if f != w {
					t.Errorf("Detect = %s, want %s", f, w)
				}
			}
			d, notes, err := Read(base, data, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range notes {
				t.Log("note:", n)
			}
			ps := d.Validate()
			if err := ps.Err(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			for _, w := range ps.Warnings() {
				t.Log(w)
			}
			if d.Name() != base || d.SHA256() == "" {
				t.Errorf("origin = %q %q, want the file name and its hash", d.Name(), d.SHA256())
			}
			if len(d.Events) < 8 {
				t.Errorf("%d events; an example should show at least 8", len(d.Events))
			}
		})
	}
	if seen != len(want) {
		t.Errorf("found %d of the %d examples", seen, len(want))
	}
}

// TestProblemsHavePositions checks that in a dataset read from every
// example, whatever its format, the problems Validate finds name a line and
// column, and that those of a filtered dataset, whose indices are not the
// file's, do not.
func TestProblemsHavePositions(t *testing.T) {
	for base, f := range map[string]Format{"bridge.json": JSON, "timelinejs.json": TimelineJS, "timelinejs-sheet.csv": TimelineJSCSV, "events.csv": CSV} {
		data, err := os.ReadFile(filepath.Join("../../examples", base))
		if err != nil {
			t.Fatal(err)
		}
		d, _, err := Read(base, data, f)
		if err != nil {
			t.Fatal(err)
		}
		last := len(d.Events) - 1
		d.Events[last].Era, d.Events[last].Category = "no-such-era", "no-such-category"
		d.Events[last].Sources = append(d.Events[last].Sources, "no-such-source")
		d.Events[last].ID = d.Events[0].ID
		errs := d.Validate().Errors()
		if len(errs) != 4 {
			t.Errorf("%s: %d errors, want 4:\n%v", base, len(errs), errs.Err())
		}
		for _, p := range errs {
			if p.File != base || p.Line == 0 || p.Col == 0 || !strings.HasPrefix(p.Path, "events[") {
				t.Errorf("%s: problem without a position: %s", base, p)
			}
		}
		filtered := timeline.Filter{Text: d.Events[last].Title}.Apply(d)
		ps := filtered.Validate()
		if len(ps.Errors()) == 0 {
			t.Errorf("%s: the filtered dataset lost the broken event", base)
		}
		for _, p := range ps {
			if p.Line != 0 {
				t.Errorf("%s: problem of a filtered dataset has a position: %s", base, p)
			}
		}
	}
}

// detectTests are inputs with the format Detect finds or a substring of
// its error; they also seed FuzzDetect.
var detectTests = []struct {
	name, data string
	want       Format
	err        string
}{
	{"a.json", `{"title":"T","events":[{"id":"a","date":"1985","sources":["s"]}]}`, JSON, ""},
	{"a.json", `{"events":[{"start_date":{"year":1985}}]}`, TimelineJS, ""},
	{"a.txt", "\ufeff  {\"title\":{\"text\":{\"headline\":\"x\"}},\"events\":[]}", TimelineJS, ""},
	{"a.json", `{"title":"T","events":[]}`, JSON, ""},
	{"a.json", `{"events":[{"unique_id":"x",`, TimelineJS, ""},
	{"a.json", `{"events":[{"start_date":`, TimelineJS, ""},
	{"a.json", `{"title": "T", broken`, JSON, ""},
	{"a.json", `{"scale":"human","eras":[],"events":[{"media":{}}]}`, TimelineJS, ""},
	{"a.json", `{"title":"t","events":[{"media":{"url":"a.png"},"id":"a","date":"1985","title":"A"}]}`, JSON, ""},
	{"-", `{}`, JSON, ""},
	{"s.csv", "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text\n1985,,,,,,,,,x,\n", TimelineJSCSV, ""},
	{"s.csv", "\ufeffyear,headline\r\n1985,x\r\n", TimelineJSCSV, ""},
	{"s.txt", "\"Year\",\"Text\"\n", TimelineJSCSV, ""},
	{"e.csv", "record,id,date,title\nevent,a,1985,A\n", CSV, ""},
	{"e.csv", "ID, Date, Title\n", CSV, ""},
	{"a.json", "", "", "empty file"},
	{"a.json", " \n\t", "", "empty file"},
	{"a.json", "[1,2]", "", "a JSON list is no dataset"},
	{"a.json", "year,headline\n", "", "not JSON: a .json dataset starts with {"},
	{"x.csv", "name,when\nx,1985\n", "", `the first row "name,when" is not the header`},
	{"x.csv", "\"unterminated\n", "", "x.csv: cannot tell the format"},
	{"x.bin", "\x00\x01\x02", "", "cannot tell the format"},
	{"x.csv", "\xff\xfeY\x00e\x00", "", "x.csv: the file is UTF-16 text; save it as UTF-8"},
	{"x.csv", "id;date;title\na;1985;A\n", "", "has no commas but semicolons or tabs: save the table as comma-separated values"},
	{"x.csv", "Year\tHeadline\n", "", "semicolons or tabs"},
	// markwhen, by its extension or its event lines: one line is enough.
	{"p.mw", "title: Plan\n---\n2023-01-05: Launch #release\n", Markwhen, ""},
	{"p.mw", "anything", Markwhen, ""},
	{"plan.txt", "---\ntitle: Plan\n---\nsection Q1\n2023-01-05: Launch\n2023-02/2023-03: Build\nendSection\n", Markwhen, ""},
	{"plan.txt", "2023-01-05: Launch\n1/2023 - 3/2023: Phase one\n", Markwhen, ""},
	{"-", "2023-01-05: Launch\n", Markwhen, ""},
	{"-", "# Work\n\n1999 - 2003: Degree #school\n", Markwhen, ""},
	{"notes.txt", "Notes: nothing dated here\n", "", "cannot tell the format"},
	// Formats timeline does not read: one line that names what the file
	// looks like and what is read.
	{"v.json", `[{"id": 1, "content": "item 1", "start": "2014-04-20"}, {"id": 2, "content": "item 2", "start": "2014-04-14"}]`, "", "v.json: this looks like a vis-timeline items list"},
	{"v.json", `{"groups": [], "items": [{"id": 1, "content": "item 1", "start": "2014-04-20"}]}`, "", "this looks like vis-timeline items"},
	{"s.json", `{"dateTimeFormat": "iso8601", "events": [{"start": "1900", "title": "T", "description": "D"}]}`, "", "this looks like SIMILE Timeline JSON"},
	{"s.json", `{"events": [{"start": "May 28 2006 09:00:00 GMT", "title": "T", "durationEvent": false}]}`, "", "this looks like SIMILE Timeline JSON"},
	{"s.xml", `<data><event start="May 28 2006 09:00:00 GMT" title="T">x</event></data>`, "", "this looks like SIMILE Timeline XML"},
	{"o.json", `{"name": "x", "events": [{"when": "2020", "what": "W"}]}`, "", "o.json: this looks like a JSON with an events list that is neither this tool's dataset"},
	{"a.json", `{"title":"T","events":[{"id":"a","title":"A"}]}`, JSON, ""}, // ours, incomplete: field errors follow
	{"a.json", `{"events":[{"id":"a","start":"1985","title":"A","sources":[]}]}`, JSON, ""},
	{"a.json", `{"title":"T","events":[{"media":{"url":"a.png"},"id":"a","date":"1985","title":"A"}]}`, JSON, ""}, // media is ours too
	{"a.json", `{"events":[{"media":{"url":"a.png"},"start_date":{"year":1985}}]}`, TimelineJS, ""},
}

func TestDetect(t *testing.T) {
	for _, tt := range detectTests {
		t.Run(tt.name+" "+tt.data, func(t *testing.T) {
			f, err := Detect(tt.name, []byte(tt.data))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Detect = %v, %v; want error containing %q", f, err, tt.err)
				}
				return
			}
			if err != nil || f != tt.want {
				t.Fatalf("Detect = %v, %v; want %v", f, err, tt.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	for _, f := range Formats {
		g, err := Parse(strings.ToUpper(string(f)))
		if err != nil || g != f {
			t.Errorf("Parse(%q) = %v, %v", f, g, err)
		}
	}
	var f Format
	if err := f.Set("xml"); err == nil || !strings.Contains(err.Error(), "json, timelinejs, timelinejs-csv, csv") {
		t.Errorf("Set(xml) = %v; want an error naming the formats", err)
	}
	if err := f.Set("csv"); err != nil || f != CSV || f.String() != "csv" || f.Type() != "format" {
		t.Errorf("Set(csv) = %v, %v", err, f)
	}
}

// TestTooLarge shows that every format refuses a file above MaxInput
// bytes before reading it.
func TestTooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates MaxInput bytes")
	}
	data := make([]byte, timeline.MaxInput+1)
	data[0] = '{'
	if _, err := Detect("big.json", data); err == nil || !strings.Contains(err.Error(), "largest dataset") {
		t.Errorf("Detect: %v", err)
	}
	for _, f := range Formats {
		_, _, err := Read("big", data, f)
		if err == nil || !strings.Contains(err.Error(), "largest dataset read is") {
			t.Errorf("Read %s: %v; want a size error", f, err)
		}
	}
}

// TestRoundTrip writes each example in our JSON and CSV and reads it
// back: the same dataset.
func TestRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*.*")
	for _, path := range files {
		if strings.HasSuffix(path, ".md") {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d, _, err := Read(path, data, "")
		if err != nil {
			t.Fatal(err)
		}
		want := encode(t, d, JSON)
		for _, f := range []Format{JSON, CSV} {
			out := encode(t, d, f)
			back, _, err := Read("out", out, f)
			if err != nil {
				t.Fatalf("%s → %s: %v", path, f, err)
			}
			if got := encode(t, back, JSON); !bytes.Equal(got, want) {
				t.Errorf("%s → %s → json differs:\n%s\nwant\n%s", path, f, got, want)
			}
		}
		// TimelineJS output reads back with the same events and dates.
		for _, f := range []Format{TimelineJS, TimelineJSCSV} {
			out := encode(t, d, f)
			back, _, err := Read("out", out, f)
			if err != nil {
				t.Fatalf("%s → %s: %v\n%s", path, f, err, out)
			}
			if len(back.Events) != len(d.Events) {
				t.Errorf("%s → %s: %d events, want %d", path, f, len(back.Events), len(d.Events))
			}
			if err := back.Validate().Err(); err != nil {
				t.Errorf("%s → %s does not validate: %v", path, f, err)
			}
		}
	}
}

func encode(t *testing.T, d *timeline.Dataset, f Format) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d, f, Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadUnknown(t *testing.T) {
	if _, _, err := Read("x", []byte("{}"), "xml"); err == nil || !strings.Contains(err.Error(), "unknown format") {
		t.Errorf("Read xml: %v", err)
	}
	if err := Write(&bytes.Buffer{}, &timeline.Dataset{}, "xml", Options{}); err == nil {
		t.Error("Write xml: no error")
	}
}

// FuzzDetect checks that Detect and Read never panic, that a failed read
// is a problem naming the file, and that whatever reads is written by
// every format as something Detect tells as that format and Read reads.
func FuzzDetect(f *testing.F) {
	for _, tt := range detectTests {
		f.Add(tt.name, []byte(tt.data))
	}
	files, _ := filepath.Glob("../../examples/*.*")
	for _, path := range files {
		if data, err := os.ReadFile(path); err == nil && !strings.HasSuffix(path, ".md") {
			f.Add(filepath.Base(path), data)
		}
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if name == "" {
			name = "-"
		}
		g, err := Detect(name, data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), name+":") {
				t.Fatalf("error %q does not name the file %q", err, name)
			}
			return
		}
		d, _, err := Read(name, data, g)
		if err != nil {
			if !timeline.IsProblems(err) {
				t.Fatalf("Read %s: error %T is not a problem list: %v", g, err, err)
			}
			return
		}
		for _, f := range Written {
			var b bytes.Buffer
			if err := Write(&b, d, f, Options{}); err != nil {
				t.Fatalf("Write %s: %v", f, err)
			}
			if got, err := Detect("out", b.Bytes()); err != nil || got != f {
				t.Fatalf("Detect(Write(d, %s)) = %s, %v\n%s", f, got, err, b.Bytes())
			}
			if _, _, err := Read("out", b.Bytes(), f); err != nil && (f == JSON || f == CSV) {
				t.Fatalf("Read(Write(d, %s)): %v\n%s", f, err, b.Bytes())
			}
		}
	})
}
