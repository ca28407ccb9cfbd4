package eventcsv

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"

	"github.com/timeline-tool/timeline/internal/golden"
)

// fields returns the exported content of d, without where it was read
// from, for comparing datasets.
func fields(d *timeline.Dataset) timeline.Dataset {
	return timeline.Dataset{Schema: d.Schema, Title: d.Title, Subtitle: d.Subtitle, Document: d.Document,
		Eras: d.Eras, Categories: d.Categories, Sources: d.Sources, Events: d.Events}
}

func write(t testing.TB, d *timeline.Dataset) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d, Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestExamples writes every JSON example as CSV, reads it back and
// compares: the same dataset, field for field.
func TestRoundTripExamples(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*.json")
	files = append(files, "../../examples/events.csv")
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var d *timeline.Dataset
		if strings.HasSuffix(path, ".csv") {
			d, _, err = Read(path, data)
		} else {
			d, err = timeline.Decode(path, data)
		}
		if err != nil {
			if strings.Contains(err.Error(), "unknown field") {
				continue // a TimelineJS example
			}
			t.Fatal(err)
		}
		out := write(t, d)
		back, notes, err := Read("out.csv", out)
		if err != nil || len(notes) > 0 {
			t.Fatalf("%s: %v %v", path, err, notes)
		}
		if !reflect.DeepEqual(fields(back), fields(d)) {
			var a, b bytes.Buffer
			timeline.Encode(&a, d)
			timeline.Encode(&b, back)
			t.Errorf("%s: round trip differs:\n%s\nwant\n%s", path, b.String(), a.String())
		}
		if !bytes.Equal(write(t, back), out) {
			t.Errorf("%s: writing twice gives different bytes", path)
		}
	}
}

func TestWriteGolden(t *testing.T) {
	data, err := os.ReadFile("../../examples/bridge.json")
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := timeline.Load("bridge.json", data)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/bridge.golden.csv", write(t, d))
}

// TestReadGolden reads each testdata/*.csv input (not a golden file) and
// compares the dataset, notes and problems with NAME.golden.
func TestReadGolden(t *testing.T) {
	inputs, _ := filepath.Glob("testdata/*.csv")
	n := 0
	for _, in := range inputs {
		if strings.Contains(in, ".golden") || strings.Contains(in, ".got.") {
			continue
		}
		n++
		t.Run(in, func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			d, notes, err := Read(filepath.Base(in), data)
			var b bytes.Buffer
			if err != nil {
				b.WriteString("error:\n" + err.Error() + "\n")
			} else {
				timeline.Encode(&b, d)
				b.WriteString("notes:\n")
				for _, n := range notes {
					b.WriteString(n + "\n")
				}
			}
			golden.Check(t, strings.TrimSuffix(in, ".csv")+".golden", b.Bytes())
		})
	}
	if n == 0 {
		t.Fatal("no inputs in testdata")
	}
	// Every golden file is read by a test.
	goldens, _ := filepath.Glob("testdata/*.golden")
	for _, g := range goldens {
		if _, err := os.Stat(strings.TrimSuffix(g, ".golden") + ".csv"); err != nil {
			t.Errorf("golden file %s has no input", g)
		}
	}
}

const header = "record,id,date,display,title,summary,era,category,tags,status,attribution,sources,section,label,color,description,footnote,kind,author,publisher,url,locator\n"

// readErrorTests are inputs Read refuses, with a substring of the error;
// they also seed FuzzReadEventCSV.
var readErrorTests = []struct {
	name, in, err string
}{
	{"empty", "", "empty file: a timeline CSV starts with a header row"},
	{"no required", "record,label\n", "1:1: no id, date, title column: the header row must name the columns id, date, title"},
	{"missing date column", "id,title\n", "no date column"},
	{"duplicate column", "id,date,title,ID\n", "x.csv:1:15: id: column 4 repeats column 1"},
	{"bad date", "id,date,title\na,1985-13,A\n", `x.csv:2:3: date: "1985-13": month 13 out of range 01–12`},
	{"missing date", "id,date,title\na,,A\n", "x.csv:2:3: date: missing date: an event needs an EDTF date"},
	{"era span", "record,id,date,title,label\nera,e,,,E\n", "x.csv:2:7: date: missing date: an era needs"},
	{"unknown record", header + "period,p\n", `x.csv:2:1: record: unknown record "period"; use one of dataset, era, category, source, event`},
	{"unused column", header + "category,c,1985,,,,,,,,,,,Label\n", "x.csv:2:12: date: category rows do not use the date column (value \"1985\")"},
	{"footnote", "record,id,date,title,footnote\nsource,s,,S,twelve\n", `x.csv:2:13: footnote: footnote "twelve" is not a footnote number`},
	{"negative footnote", "record,id,date,title,footnote\nsource,s,,S,-3\n", `footnote "-3" is not a footnote number`},
	{"two dataset rows", "record,id,date,title\ndataset,,,A\ndataset,,,B\n", "x.csv:3:1: record: a second dataset row; the first is on line 2"},
	{"two documents", "record,id,date,title,sources\ndataset,,,A,a;b\n", "a dataset row names one document source, not 2"},
	{"ragged", "id,date,title\na,1985,A,extra\n", "x.csv:2:10: row has 4 cells but the header names 3 columns; cell 4 (\"extra\") has no column"},
	{"bare quote", "id,date,title\na,1985,say \"hi\"\n", `x.csv:2:12: CSV syntax error: bare " in non-quoted-field`},
	{"unterminated quote", "id,date,title\na,1985,\"open\n", `CSV syntax error: extraneous or missing " in quoted-field`},
	{"invalid utf8", "id,date,title\na,1985,caf\xe9\n", "x.csv:2:11: invalid UTF-8 (byte 0xe9)"},
	{"invalid utf8 bom", "\ufeffid,da\xfft", "x.csv:1:6: invalid UTF-8 (byte 0xff)"},
	{"huge year", "id,date,title\na,99999,A\n", `"99999": year 99999 has more than four digits`},
	{"many errors", "id,date,title\n" + strings.Repeat("a,1985-13,A\n", 60), "too many errors; stopped after 50"},
	{"utf-16", "\xff\xfei\x00d\x00", "x.csv:1:1: the file is UTF-16 text; save it as UTF-8"},
	{"semicolons", "id;date;title\n", "the header has semicolons or tabs but no commas"},
}

func TestReadErrors(t *testing.T) {
	for _, tt := range readErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			d, _, err := Read("x.csv", []byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Fatalf("Read = %v, %v; want error containing %q", d != nil, err, tt.err)
			}
			if !timeline.IsProblems(err) || !strings.HasPrefix(err.Error(), "x.csv") {
				t.Errorf("error %T %q: want problems naming the file", err, err)
			}
		})
	}
}

// readAcceptTests are inputs Read accepts; check tests the result.
var readAcceptTests = []struct {
	name, in string
	check    func(d *timeline.Dataset) string
}{
	{"events only, crlf, bom", "\ufeffid,date,title,sources\r\na,1985,A,s1; s2\r\n", func(d *timeline.Dataset) string {
		return d.Events[0].ID + " " + d.Events[0].Date.String() + " " + strings.Join(d.Events[0].Sources, "|")
	}},
	{"header case and spaces", " ID , Date ,TITLE\na,-0044,A\n", func(d *timeline.Dataset) string { return d.Events[0].Date.String() }},
	{"any order, short rows", "title,label,date,id,record\n,Cat,,c,category\nA,,1985,a\n", func(d *timeline.Dataset) string {
		return d.Categories[0].ID + " " + d.Events[0].ID
	}},
	{"quoted newlines", "id,date,title,summary\na,1985,A,\"line one\r\nline two\"\n", func(d *timeline.Dataset) string { return d.Events[0].Summary }},
	{"lists with escapes", "id,date,title,tags\na,1985,A, one ;two\\;three;; \\ four\\\\ ;\n", func(d *timeline.Dataset) string { return strings.Join(d.Events[0].Tags, "|") }},
	{"unknown column", "id,date,title,notes\na,1985,A,n\n", func(d *timeline.Dataset) string { return d.Events[0].Title }},
	{"blank lines", "id,date,title\n\na,1985,A\n\n", func(d *timeline.Dataset) string { return d.Events[0].ID }},
	{"megabyte cell", "id,date,title,summary\na,1985,A," + strings.Repeat("x", 1<<22) + "\n", func(d *timeline.Dataset) string { return strings.Repeat("x", len(d.Events[0].Summary)/(1<<20)) }},
	{"year -9999", "id,date,title\na,-9999,A\n", func(d *timeline.Dataset) string { return d.Events[0].Date.Label() }},
	{"dataset row", "record,id,date,title,summary,sources,url\ndataset,,,T,S,doc,https://example.org/schema.json\n", func(d *timeline.Dataset) string {
		return d.Title + "|" + d.Subtitle + "|" + d.Document + "|" + d.Schema
	}},
}

var readAcceptWant = map[string]string{
	"events only, crlf, bom": "a 1985 s1|s2",
	"header case and spaces": "-0044",
	"any order, short rows":  "c a",
	"quoted newlines":        "line one\nline two",
	"lists with escapes":     `one|two;three| four\`,
	"unknown column":         "A",
	"blank lines":            "a",
	"megabyte cell":          "xxxx",
	"year -9999":             "10000 BCE",
	"dataset row":            "T|S|doc|https://example.org/schema.json",
}

func TestReadAccepts(t *testing.T) {
	for _, tt := range readAcceptTests {
		t.Run(tt.name, func(t *testing.T) {
			d, _, err := Read("x.csv", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := tt.check(d); got != readAcceptWant[tt.name] {
				t.Errorf("got %q, want %q", got, readAcceptWant[tt.name])
			}
		})
	}
}

func TestLists(t *testing.T) {
	for _, items := range [][]string{
		nil,
		{"a"},
		{"a", "b c"},
		{"semi;colon", `back\slash`, " lead", "trail ", "\ttab\t", "a  b", "\\", ";", " "},
		{"ünïcödé", "line\nbreak"},
	} {
		got := splitList(joinList(items))
		if !reflect.DeepEqual(got, items) && !(len(got) == 0 && len(items) == 0) {
			t.Errorf("splitList(joinList(%q)) = %q (cell %q)", items, got, joinList(items))
		}
	}
}

func TestMaxRows(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an input of MaxRows rows")
	}
	in := "id,date,title\n" + strings.Repeat("a,1985,A\n", MaxRows+1)
	_, _, err := Read("big.csv", []byte(in))
	if err == nil || !strings.Contains(err.Error(), "big.csv:200002:1: more than 200000 rows") {
		t.Errorf("Read: %v", err)
	}
}

func TestTooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates MaxInput bytes")
	}
	_, _, err := Read("big.csv", make([]byte, timeline.MaxInput+1))
	if err == nil || !strings.Contains(err.Error(), "big.csv: file is 268435457 bytes; the largest dataset read is 268435456 bytes") {
		t.Errorf("Read: %v", err)
	}
}

func FuzzReadEventCSV(f *testing.F) {
	f.Add([]byte("id,date,title,sources\r\na,1985,A,\r\n,,,\r\nb,3/14/1948,B,\r\n , ,,\r\n"))
	f.Add([]byte("id,date,title,sources\na,1997-10-08T14:30:00Z,A,\nb,Y-13800000000,B,\nc,Y-17E7/1997-10-08T14:30+05:30,C,\nd,1997-10-08T25:00,D,\n"))
	for _, tt := range readErrorTests {
		f.Add([]byte(tt.in))
	}
	for _, tt := range readAcceptTests {
		if len(tt.in) < 1<<16 {
			f.Add([]byte(tt.in))
		}
	}
	files, _ := filepath.Glob("testdata/*.csv")
	files = append(files, "../../examples/events.csv")
	for _, path := range files {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, _, err := Read("in.csv", data)
		if err != nil {
			if !timeline.IsProblems(err) || !strings.HasPrefix(err.Error(), "in.csv") {
				t.Fatalf("error %T %q: want problems naming the file", err, err)
			}
			return
		}
		out := write(t, d)
		back, _, err := Read("out.csv", out)
		if err != nil {
			t.Fatalf("Write's output does not read: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(fields(back), fields(d)) {
			var a, b bytes.Buffer
			timeline.Encode(&a, d)
			timeline.Encode(&b, back)
			t.Fatalf("Read(Write(d)) != d:\n%s\nwant\n%s\ncsv:\n%q", b.String(), a.String(), out)
		}
		if again := write(t, back); !bytes.Equal(again, out) {
			t.Fatalf("Write is not stable:\n%q\n%q", out, again)
		}
		// With broken references, every problem of an event or era names
		// a line and column of the input.
		for _, e := range d.Events {
			e.Era, e.Category = "no such era", "no such category"
			e.Sources = append(e.Sources, "no such source")
		}
		lines := bytes.Split(data, []byte("\n"))
		for _, p := range d.Validate() {
			if p.Line == 0 {
				if strings.HasPrefix(p.Path, "events[") || strings.HasPrefix(p.Path, "eras[") {
					t.Fatalf("no position: %s", p)
				}
				continue
			}
			if p.Line > len(lines) || p.Col < 1 || p.Col > len(lines[p.Line-1])+1 {
				t.Fatalf("position outside the input: %s", p)
			}
		}
	})
}

func TestWriteInvalidUTF8(t *testing.T) {
	d := &timeline.Dataset{Events: []*timeline.Event{{ID: "a", Title: "caf\xe9"}}}
	err := Write(&bytes.Buffer{}, d, Options{})
	if err == nil || err.Error() != `eventcsv: event "a": title "caf\xe9" is not valid UTF-8` {
		t.Errorf("Write: %v", err)
	}
}

// TestValidatePositions checks that the problems Validate finds in a
// dataset read from CSV name the line and column of their cell: that of
// the column the field is read from, or of the row when the problem is
// the whole record's, and the spreadsheet row where it is not the line
// (after the cell with a line break, line 11 is row 10). The positions
// are counted by hand.
func TestValidatePositions(t *testing.T) {
	const in = "record,id,date,title,era,category,sources,label\n" + // line 1
		"dataset,,,Test,,,,\n" + // 2
		"era,e1,1980/1990,,,,,Era one\n" + // 3
		"era,e2,1980,,,,,Era two\n" + // 4: span in column 8
		"category,c1,,,,,,Cat one\n" + // 5
		"source,s1,,Source one,,,,\n" + // 6
		"source,s2,,,,,,\n" + // 7: title in column 12
		"event,a,1985,First,e1,c1,s1,\n" + // 8
		"event,a,1986,\"Second,\n" + // 9: id in column 7
		"two lines\",nope,c1,s1,\n" + // 10: era in column 12
		"event,b,1987,Third,e1,gone,\"s1; lost\",\n" // 11: category in column 23, sources in 28
	for _, crlf := range []bool{false, true} {
		data := in
		if crlf {
			data = strings.ReplaceAll(in, "\n", "\r\n")
		}
		d, _, err := Read("t.csv", []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range d.Validate() {
			got = append(got, p.String())
		}
		want := []string{
			`t.csv:9:7: events[1].id: duplicate id "a" (first used by events[0])`,
			`t.csv:4:8: eras[1].span: warning: span "1980" is a single date; an era's span is usually an interval such as 1986/2003`,
			`t.csv:7:12: sources[1].title: missing title`,
			`t.csv:10:12: events[1].era: row 9: unknown era "nope"; valid ids: e1, e2`,
			`t.csv:11:23: events[2].category: row 10: unknown category "gone"; valid ids: c1`,
			`t.csv:11:28: events[2].sources[1]: row 10: unknown source "lost"; valid ids: s1, s2`,
			`t.csv:4:1: eras[1]: warning: era "e2" has no events`,
			`t.csv:7:1: sources[1]: warning: source "s2" is cited by no event`,
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("crlf %v: Validate gives\n%s\nwant\n%s", crlf, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestValidatePositionsDatasetRow checks the fields of the dataset row
// and a file without one.
func TestValidatePositionsDatasetRow(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"record,id,date,title,sources\ndataset,,,,nope\n", "t.csv:2:12: document: unknown source \"nope\" (none are defined)"},
		{"record,id,date,title,sources\ndataset,,,,nope\n", "t.csv:2:11: title: missing title"},
		{"id,date,title,sources\na,1985,A,s\n", "t.csv: title: missing title"},
		{"id,date,title,sources\na,1985,A,s\n", `t.csv:2:10: events[0].sources[0]: unknown source "s" (none are defined)`},
		{"\xef\xbb\xbfid,date,title,sources\na,1985,,s\n", `t.csv:2:8: events[0].title: missing title`},
	} {
		d, _, err := Read("t.csv", []byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if err := d.Validate().Err(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: Validate gives\n%v\nwant %s", tt.in, err, tt.want)
		}
	}
}

// TestOneOfRoundTrip: "some time between" dates ([2009..2010], open at
// either end) are written as EDTF and read back unchanged.
func TestOneOfRoundTrip(t *testing.T) {
	d := &timeline.Dataset{Title: "T", Sources: []*timeline.Source{{ID: "s", Title: "S"}}}
	for i, s := range []string{"[2009..2010]", "[..1980]", "[2013..]", "[1981-04..1989-1X]"} {
		date, err := timeline.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		d.Events = append(d.Events, &timeline.Event{ID: "e" + strconv.Itoa(i), Date: date, Title: s, Sources: []string{"s"}})
	}
	back, notes, err := Read("out.csv", write(t, d))
	if err != nil || len(notes) > 0 {
		t.Fatalf("Read: %v %v", err, notes)
	}
	for i, e := range back.Events {
		if e.Date != d.Events[i].Date || e.Date.String() != e.Title {
			t.Errorf("event %s: date %q after the round trip, want %q", e.ID, e.Date, e.Title)
		}
	}
}

// Rows of empty cells, as spreadsheets write below (or inside) a table,
// are skipped and counted in one note, not read as events with no date;
// the rows after them keep their line numbers.
func TestBlankRows(t *testing.T) {
	in := "id,date,title,sources\r\na,1985,A,\r\n,,,\r\n, ,\t,\r\nb,1986,B,\r\n,,,\r\n,,,\r\n"
	d, notes, err := Read("t.csv", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 2 || d.Events[1].ID != "b" {
		t.Errorf("events %v, want a and b", d.Events)
	}
	if len(notes) != 1 || notes[0] != "skipped 4 blank rows (every cell empty)" {
		t.Errorf("notes %q, want one counting 4 blank rows", notes)
	}
	_, _, err = Read("t.csv", []byte(strings.Replace(in, "b,1986", "b,3/14/1948", 1)))
	if err == nil || !strings.Contains(err.Error(), `t.csv:5:3: date: "3/14/1948": a spreadsheet-style date; EDTF writes year-month-day: 1948-03-14 for 14 March 1948`) {
		t.Errorf("error %v, want one at t.csv:5:3 with the EDTF form", err)
	}
}

// TestMediaRoundTrip reads the media of every kind in our JSON, writes
// them as CSV and reads them back unchanged; a bad media url is placed at
// its cell.
func TestMediaRoundTrip(t *testing.T) {
	data, err := os.ReadFile("../testdata/media.json")
	if err != nil {
		t.Fatal(err)
	}
	d, err := timeline.Decode("media.json", data)
	if err != nil {
		t.Fatal(err)
	}
	out := write(t, d)
	back, notes, err := Read("out.csv", out)
	if err != nil || len(notes) > 0 {
		t.Fatalf("%v %v", err, notes)
	}
	var a, b bytes.Buffer
	timeline.Encode(&a, d)
	timeline.Encode(&b, back)
	if a.String() != b.String() {
		t.Errorf("round trip differs:\n%s\nwant\n%s", b.String(), a.String())
	}
	n := 0
	for _, e := range back.Events {
		if e.Media != nil {
			n++
		}
	}
	if n != 8 {
		t.Errorf("%d events with media after the round trip, want 8", n)
	}

	const bad = "record,id,date,title,media,media_kind,media_quote\n" +
		"dataset,,,Bad media,,,\n" +
		",a,1985,A,javascript:alert(1),,\n" +
		",b,1986,B,,quote,\n" +
		",c,1987,C,x.png,painting,\n"
	d, _, err = Read("bad.csv", []byte(bad))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Validate() {
		got = append(got, p.String())
	}
	want := []string{
		`bad.csv:3:11: events[0].media.url: url "javascript:alert(1)" is neither an http(s) address nor a relative path to a file beside the dataset; it is not shown`,
		`bad.csv:4:18: events[1].media.quote: a quote without its words: give them in quote`,
		`bad.csv:5:17: events[2].media.kind: unknown media kind "painting"; use one of image, video, audio, quote, map, document, other`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Validate gives\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
