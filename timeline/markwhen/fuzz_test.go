package markwhen

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

// FuzzRead reads any text: it must never panic; an error is a problem
// list that names the file, each problem with a line and column; a
// dataset read has a date for every event, a place for each event in
// the file, comes out the same on a second read, and its JSON reads back
// as the same dataset.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.mw")
	for _, path := range files {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"2023: x", "1999 - 2003: x #a #1", "# G\nstyle: section\n2020/now: x", "group g\nsection s\n2001: a\nendGroup\n300 BC: b",
		"---\ntitle: T\n---\n12/25/1901 8am: x", "2 weeks: x", "Jan 3: x", "\ufeff2023-01-05: x\r\n  more\r\n", "10: x",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, _, pos, err := read("f.mw", data)
		if err != nil {
			if !timeline.IsProblems(err) {
				t.Fatalf("error %T is not a problem list: %v", err, err)
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "f.mw:") {
					t.Fatalf("error line %q does not name the file", line)
				}
			}
			return
		}
		for i, e := range d.Events {
			if e.Date.IsZero() {
				t.Fatalf("event %d has no date", i)
			}
			if l, c := pos.position("events[" + strconv.Itoa(i) + "]"); l <= 0 || c <= 0 {
				t.Fatalf("event %d has no place (%d:%d)", i, l, c)
			}
		}
		var a, b bytes.Buffer
		if err := timeline.Encode(&a, d); err != nil {
			t.Fatal(err)
		}
		d2, _, err := Read("f.mw", data)
		if err != nil {
			t.Fatal(err)
		}
		if err := timeline.Encode(&b, d2); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatal("two reads of the same text differ")
		}
		back, err := timeline.Decode("f.json", a.Bytes())
		if err != nil {
			t.Fatalf("the JSON of what was read does not read back: %v\n%s", err, a.Bytes())
		}
		b.Reset()
		if err := timeline.Encode(&b, back); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("JSON round trip differs: %v\n%s\n%s", err, a.Bytes(), b.Bytes())
		}
	})
}
