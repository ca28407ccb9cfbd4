package timelinejs

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-tool/timeline/timeline"
)

// addFiles adds the files matching pattern to the seed corpus.
func addFiles(f *testing.F, pattern string) {
	files, _ := filepath.Glob(pattern)
	for _, path := range files {
		if strings.Contains(path, ".got.") {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkRead checks what every successful read must give: a dataset that
// validates without errors (ids unique, references resolved, every event
// sourced), and TimelineJS output that meets TimelineJS's rules and reads
// back with as many events. A failed read must give problems naming the
// file.
func checkRead(t *testing.T, name string, d *timeline.Dataset, err error) {
	t.Helper()
	if err != nil {
		if d != nil {
			t.Fatal("both a dataset and an error")
		}
		if !timeline.IsProblems(err) || !strings.HasPrefix(err.Error(), name) {
			t.Fatalf("error %T %q: want problems naming %s", err, err, name)
		}
		return
	}
	if err := d.Validate().Err(); err != nil {
		t.Fatalf("a dataset read without error does not validate:\n%v", err)
	}
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	checkTimelineJS(t, b.Bytes())
	back, _, err := ReadJSON("back.json", b.Bytes())
	if err != nil {
		t.Fatalf("the TimelineJS output does not read back: %v\n%s", err, b.Bytes())
	}
	if len(back.Events) != len(d.Events) {
		t.Fatalf("%d events read back, want %d", len(back.Events), len(d.Events))
	}
	var c bytes.Buffer
	if err := WriteCSV(&c, d, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	back, _, err = ReadCSV("back.csv", c.Bytes())
	if err != nil {
		t.Fatalf("the sheet output does not read back: %v\n%s", err, c.Bytes())
	}
	if len(back.Events) != len(d.Events) {
		t.Fatalf("%d events read back from the sheet, want %d", len(back.Events), len(d.Events))
	}
}

func FuzzReadTimelineJSJSON(f *testing.F) {
	for _, tt := range readJSONErrorTests {
		f.Add([]byte(tt.in))
	}
	for _, tt := range readJSONAcceptTests {
		f.Add([]byte(ev(tt.in)))
	}
	addFiles(f, "testdata/json/*.json")
	addFiles(f, "../../examples/timelinejs.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		d, _, err := ReadJSON("in.json", data)
		checkRead(t, "in.json", d, err)
		checkPositions(t, data, d)
	})
}

func FuzzReadTimelineJSCSV(f *testing.F) {
	for _, tt := range readCSVErrorTests {
		f.Add([]byte(tt.in))
	}
	for _, tt := range readCSVAcceptTests {
		if len(tt.in) < 1<<16 {
			f.Add([]byte(tt.in))
		}
	}
	addFiles(f, "testdata/csv/*.csv")
	addFiles(f, "../../examples/timelinejs-sheet.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		d, _, err := ReadCSV("in.csv", data)
		checkRead(t, "in.csv", d, err)
		checkPositions(t, data, d)
	})
}

// checkPositions checks that the problems Validate finds in a dataset
// read from data, when it has broken references, name a line and column
// in data: those of events and eras always, those of the fields within
// them too.
func checkPositions(t *testing.T, data []byte, d *timeline.Dataset) {
	t.Helper()
	if d == nil {
		return
	}
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
}

// FuzzPlainText checks that any HTML gives clean text: valid UTF-8, no
// control characters but line breaks, no empty or padded lines; and rich
// text that reads as that text and survives Write and a new reading.
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"<p>a</p>", `<a href="https://e.org">x</a>`, "<script>x", "<!--", "a &amp; b", "<ol class=timeline-sources><li>x"} {
		f.Add(s)
	}
	for _, s := range []string{"<b>a <i>b</i></b> c", `<a href="x.pdf"><em>d</em></a>*`, "a<br>\\*b", "<i> x </i>y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h := plainText(s)
		if !utf8.ValidString(h.text) {
			t.Fatalf("invalid UTF-8 in %q", h.text)
		}
		for _, line := range strings.Split(h.text, "\n") {
			if h.text != "" && (line == "" || strings.TrimSpace(line) != line) {
				t.Fatalf("empty or padded line %q in %q", line, h.text)
			}
			for _, r := range line {
				if unicode.IsControl(r) {
					t.Fatalf("control character %U in %q", r, h.text)
				}
			}
		}
		// The rich text reads as the plain text, and what Write makes of
		// it reads back as the same rich text.
		if p := timeline.PlainText(h.rich); p != h.text {
			t.Fatalf("rich text %q reads %q, not %q", h.rich, p, h.text)
		}
		if again := plainText(paragraphs(h.rich, true)).rich; !reflect.DeepEqual(timeline.ParseText(again), timeline.ParseText(h.rich)) {
			t.Fatalf("rich text %q written and read back is %q", h.rich, again)
		}
	})
}
