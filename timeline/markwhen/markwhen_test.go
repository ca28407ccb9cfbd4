package markwhen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/internal/golden"
	"github.com/timeline-tool/timeline/timeline"
)

// TestGolden reads every testdata/*.mw (each a markwhen example from its
// documentation, cited in the file) and compares the dataset, the notes
// and the problems Validate finds, or the errors, with
// testdata/NAME.golden.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.mw")
	if len(files) < 8 {
		t.Fatalf("%d testdata files; want the documented examples", len(files))
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			golden.Check(t, strings.TrimSuffix(path, ".mw")+".golden", readReport(t, path))
		})
	}
}

// readReport reads path and reports what came of it: the dataset as JSON,
// the notes and the problems, or the errors.
func readReport(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	d, notes, err := Read(filepath.Base(path), data)
	if err != nil {
		fmt.Fprintf(&b, "error:\n%v\n", err)
		return b.Bytes()
	}
	if err := timeline.Encode(&b, d); err != nil {
		t.Fatal(err)
	}
	b.WriteString("notes:\n")
	for _, n := range notes {
		fmt.Fprintf(&b, "  %s\n", n)
	}
	b.WriteString("problems:\n")
	for _, p := range d.Validate() {
		fmt.Fprintf(&b, "  %s\n", p)
	}
	return b.Bytes()
}

// TestGoldenFilesUsed fails for a golden file that no input produces.
func TestGoldenFilesUsed(t *testing.T) {
	goldens, _ := filepath.Glob("testdata/*.golden")
	for _, g := range goldens {
		if strings.HasSuffix(g, ".got.golden") {
			continue
		}
		if _, err := os.Stat(strings.TrimSuffix(g, ".golden") + ".mw"); err != nil {
			t.Errorf("golden file %s has no input", g)
		}
	}
}

// eventDate reads one event line and returns its date as EDTF, or the
// error.
func eventDate(header, line string) (string, error) {
	d, _, err := Read("t.mw", []byte(header+line+"\n"))
	if err != nil {
		return "", err
	}
	if len(d.Events) != 1 {
		return "", fmt.Errorf("%d events", len(d.Events))
	}
	return d.Events[0].Date.String(), nil
}

func TestDates(t *testing.T) {
	for _, tt := range []struct {
		header, line, want string
	}{
		{"", "2023: x", "2023"},
		{"", "2023-01: x", "2023-01"},
		{"", "2023-01-05: x", "2023-01-05"},
		{"", "2023-01/2023-04: x", "2023-01/2023-04"},
		{"", "2004-06 / 2006-08: x", "2004-06/2006-08"},
		{"", "1999 - 2003: x", "1999/2003"},
		{"", "1999-2003: x", "1999/2003"},
		{"", "1999 to 2003: x", "1999/2003"},
		{"", "2020–2021: x", "2020/2021"},
		{"", "2005/now: x", "2005/.."},
		{"", "2020 - now: x", "2020/.."},
		{"", "04/1776: x", "1776-04"},
		{"", "12/25/1901: x", "1901-12-25"},
		{"dateFormat: d/M/y\n", "25/12/1901: x", "1901-12-25"},
		{"dateFormat: d/M/y\n", "04/1776: x", "1776-04"},
		{"", "11/11/2024-12/12/2024: x", "2024-11-11/2024-12-12"},
		{"", "1998-06/01/2000: x", "1998/2000-06-01"},
		{"", "Jan 2020: x", "2020-01"},
		{"", "March 16 2021: x", "2021-03-16"},
		{"", "Oct 8, 2012: x", "2012-10-08"},
		{"", "4 January 1996: x", "1996-01-04"},
		{"", "18 March 2026 - 20 March 2026: x", "2026-03-18/2026-03-20"},
		{"", "45: x", "0045"},
		{"", "300: x", "0300"},
		{"", "300 BC - 200 BC: x", "-0299/-0199"},
		{"", "300 - 200 BCE: x", "-0299/-0199"},
		{"", "50 BC - 50 AD: x", "-0049/0050"},
		{"", "1 BC: x", "0000"},
		{"", "12345: x", "Y12345"},
		{"", "99999 BC: x", "Y-99998"},
		{"", "2022-01-30 8am: x", "2022-01-30T08:00"},
		{"", "12/25/1901 9:15pm: x", "1901-12-25T21:15"},
		{"", "Oct 8, 2012, 12:30am: x", "2012-10-08T00:30"},
		{"", "2022-02-22T16:27:08.369Z: x", "2022-02-22T16:27:08.369Z"},
		{"", "2020-02-22T12:13:14Z-now: x", "2020-02-22T12:13:14Z/.."},
		{"", "1 Jan 1998 to 11/11/2011 8am: x", "1998-01-01/2011-11-11T08:00"},
		{"", "2018/6 months: x", "2018/2018-06"},
		{"", "2025-04/4 months: x", "2025-04/2025-07"},
		{"", "03/2025 - 1 year: x", "2025-03/2026-02"},
		{"", "01/01/2023 - 2 weeks: x", "2023-01-01/2023-01-14"},
		{"", "2020 - 1 year, 6 months: x", "2020/2021-06"},
		{"", "2018 - 100 days: x", "2018/2018-04-10"},
		{"", "12/25/2022 - 5 days: x", "2022-12-25/2022-12-29"},
		{"timezone: America/New_York\n", "2022-01-30 06:30: x", "2022-01-30T06:30-05:00"},
		{"timezone: America/New_York\n", "2022-07-30 6:30pm: x", "2022-07-30T18:30-04:00"},
		{"tz: Europe/Berlin\n", "March 27 2022 2:30am: x", "2022-03-27T03:30+02:00"},
		{"timezone: Europe/Berlin\n", "10/30/2022 2:30am: x", "2022-10-30T02:30+02:00"},
		{"timezone: Asia/Kolkata\n", "2022-07-30T06:30:15.5: x", "2022-07-30T06:30:15.5+05:30"},
		{"timezone: Australia/Sydney\n", "2022-01-01 8am/2022-07-01 8am: x", "2022-01-01T08:00+11:00/2022-07-01T08:00+10:00"},
		{"timezone: America/New_York\n", "2022-07-30T06:30:00Z: x", "2022-07-30T06:30:00Z"},
		{"timezone: America/New_York\n", "2022-07-30: x", "2022-07-30"},
		{"timezone: America/New_York\n", "2022 - 2023: x", "2022/2023"},
		{"timezone: UTC\n", "2022-07-30 06:30: x", "2022-07-30T06:30+00:00"},
		{"timezone: -3\n", "2022-07-30 06:30: x", "2022-07-30T06:30-03:00"},
		{"timezone: 5\n", "2022-07-30 06:30: x", "2022-07-30T06:30+05:00"},
		{"timezone: +0545\n", "2022-07-30 06:30: x", "2022-07-30T06:30+05:45"},
		{"timezone: \"-09:30\"\n", "2022-07-30 06:30: x", "2022-07-30T06:30-09:30"},
		{"timezone: America/New_York\n", "1859-05-09 12:01: x", "1859-05-09T12:01-04:56"},
		{"timezone: America/New_York\n# G\ntimezone: Asia/Tokyo\n", "2022-07-30 06:30: x", "2022-07-30T06:30+09:00"},
		{"", "  2023:x", "2023"},
		{"", "\t2023 :x", "2023"},
	} {
		got, err := eventDate(tt.header, tt.line)
		if err != nil || got != tt.want {
			t.Errorf("%q: %q, %v; want %q", tt.line, got, err, tt.want)
		}
	}
}

// TestErrors shows that what markwhen reads as a date that has none fixed
// here, and bad input, is an error naming the file, line and column.
func TestErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"title: T\n\n2 weeks: x\n", "t.mw:3:1: a relative date"},
		{"2023: a\n  after !a 3 weeks: x\n", "t.mw:2:3: a date relative to another event"},
		{"2023: a\n!a 3 weeks: x\n", "t.mw:2:1: a date relative to another event"},
		{"2023: a\nbefore !a 1 month: x\n", "t.mw:2:1: a date relative to another event"},
		{"2023: a\n1 year: x\n", "t.mw:2:1: a relative date"},
		{"2023: a\n01/01/2023 - 2 hours: x\n", "t.mw:2:1: a relative date"},
		{"2023: a\n2022-01-01 - 5 week days: x\n", "t.mw:2:1: a relative date"},
		{"2023: a\n2 weeks - 3 days: x\n", "t.mw:2:1: a relative date"},
		{"2023: a\nnow: x\n", `t.mw:2:1: "now" as a start`},
		{"2023: a\n10: x\n", "t.mw:2:1: a time alone"},
		{"2023: a\n3:30pm - 4:30pm: x\n", "t.mw:2:1: a time alone"},
		{"2023: a\nJanuary 3 - Apr 6: x\n", "t.mw:2:1: a month and day without a year"},
		{"2023: a\n2023-01-01 every week: x\n", "t.mw:2:1: a recurring event"},
		{"2023: a\n13/2020: x\n", `t.mw:2:1: "13/2020" is no date: month 13; slash dates are read month first`},
		{"dateFormat: d/M/y\n2023: a\n12/13/2020: x\n", `t.mw:3:1: "12/13/2020" is no date: month 13, day 12; slash dates are read day first`},
		{"2023: a\n2023-02-30: x\n", `t.mw:2:1: "2023-02-30" is no date`},
		{"2023: a\n12/31/12345: x\n", `t.mw:2:1: "12/31/12345" is no date (as EDTF, Y12345-12-31): "Y12345-12-31": a long year stands alone`},
		{"2023: a\n2022-01-30T25:00:00Z: x\n", `t.mw:2:1: "2022-01-30T25:00:00Z" is no date`},
		{"dateFormat: y/M/d\n2023: a\n", `t.mw:1:1: dateFormat "y/M/d": markwhen knows only d/M/y`},
		{"title: T\ntimezone: Nowhere/Land\n2023: a\n", `t.mw:2:1: timezone "Nowhere/Land" is no time zone: give an IANA name such as America/New_York`},
		{"timezone: Local\n2023: a\n", `t.mw:1:1: timezone "Local" is no time zone`},
		{"tz:\n2023: a\n", `t.mw:1:1: timezone "" is no time zone`},
		{"timezone: +15\n2023: a\n", `t.mw:1:1: timezone "+15": an offset is at most 14 hours`},
		{"timezone: ../../etc/passwd\n2023: a\n", `t.mw:1:1: timezone "../../etc/passwd" is no time zone`},
		{"2023: a\n\n# G\n  tz: Mars/Olympus\n2023: b\n", `t.mw:4:3: timezone "Mars/Olympus" is no time zone`},
		{"---\ntitle: T\n2023: a\n", "t.mw:1:1: the header opened with --- is not closed"},
		{"", "t.mw: empty file"},
		{"\xff", "t.mw:1:1: invalid UTF-8"},
		{strings.Repeat("group g\n", MaxDepth+1) + "2023: a\n", fmt.Sprintf("t.mw:%d:1: groups and sections nested more than %d deep", MaxDepth+1, MaxDepth)},
	} {
		_, _, err := Read("t.mw", []byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v; want an error containing %q", tt.in, err, tt.want)
		} else if !timeline.IsProblems(err) {
			t.Errorf("%q: error %T is not a problem list", tt.in, err)
		}
	}
}

// TestText shows what is text and what is not: lines that only look like
// dates stay in the description, and a colon in prose is no event.
func TestText(t *testing.T) {
	in := "title: T\n2023: Launch #release !go\nNote: 2 days later: it worked\n2023-01-05 - 2023-02: not a markwhen range\nsee #12 and #ops\n\n\nlast line\n"
	d, _, err := Read("t.mw", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 {
		t.Fatalf("%d events; want 1", len(d.Events))
	}
	e := d.Events[0]
	want := &timeline.Event{ID: "go", Title: "Launch", Tags: []string{"release", "ops"},
		Summary: "2023-01-05 - 2023-02: not a markwhen range\nsee #12 and\n\nlast line"}
	if e.ID != want.ID || e.Title != want.Title || strings.Join(e.Tags, ",") != strings.Join(want.Tags, ",") || e.Summary != want.Summary {
		t.Errorf("event %+v; want %+v", e, want)
	}
}

// TestPositions shows that the problems Validate finds name the line and
// column of the markwhen text: a missing title at the title, an era's
// problem at its section.
func TestPositions(t *testing.T) {
	in := "title: T\n\n# Work\n  2023:   \n  2024-03: Fine\n"
	d, _, pos, err := read("t.mw", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	ps := d.Validate()
	if len(ps) == 0 || ps[0].String() != "t.mw:4:11: events[0].title: missing title" {
		t.Errorf("problems %v; want the missing title at 4:11", ps)
	}
	for path, want := range map[string][2]int{"title": {1, 1}, "events[1]": {5, 3}, "events[1].date": {5, 3}, "events[1].title": {5, 12}, "categories[0]": {3, 1}} {
		if l, c := pos.position(path); l != want[0] || c != want[1] {
			t.Errorf("Pos(%q) = %d:%d; want %d:%d", path, l, c, want[0], want[1])
		}
	}
}

// TestMaxEvents shows that the reader stops at the first event over the
// limit.
func TestMaxEvents(t *testing.T) {
	defer func(n int) { maxEvents = n }(maxEvents)
	maxEvents = 3
	_, _, err := Read("t.mw", []byte("2001: a\n2002: b\n2003: c\n2004: d\n2005: e\n"))
	if err == nil || !strings.Contains(err.Error(), "t.mw:4:1: more than 3 events") {
		t.Errorf("%v; want an error at the fourth event", err)
	}
}

func TestLooks(t *testing.T) {
	for in, want := range map[string]bool{
		"2023-01-05: Launch\n":              true,
		"title: T\n\n1999 - 2003: Degree\n": true,
		"Notes: nothing dated\n":            false,
		"id,date,title\n":                   false,
		"2 weeks: relative\n":               false,
	} {
		if got := Looks([]byte(in)); got != want {
			t.Errorf("Looks(%q) = %v; want %v", in, got, want)
		}
	}
}

// TestMedia shows that an event's first image is its media, and what
// becomes of the others.
func TestMedia(t *testing.T) {
	in := "title: T\n2017-07: In DC ![the mall](img/mall.jpg)\n  More ![](https://example.com/b.png)\n2018: Bad ![x](javascript:alert(1))\n"
	d, notes, err := Read("t.mw", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	e := d.Events[0]
	if e.Title != "In DC" || e.Media == nil || *e.Media != (timeline.Media{URL: "img/mall.jpg", Kind: timeline.MediaImage, Alt: "the mall"}) || e.Summary != "More [image](https://example.com/b.png)" {
		t.Errorf("event %+v, media %+v", e, e.Media)
	}
	if len(notes) != 1 || !strings.Contains(notes[0], "images after an event's first (its media), which become links to the image") {
		t.Errorf("notes %q; want one naming the image made a link", notes)
	}
	ps := d.Validate()
	if len(ps.Errors()) != 1 || !strings.HasPrefix(ps.Errors()[0].String(), "t.mw:4:1: events[1].media") {
		t.Errorf("problems %v; want the unsafe address refused at its event", ps)
	}
}

// TestRichDescription: a description's Markdown links and emphasis are
// the summary's rich text; a link to an address that is not http(s) or a
// path beside the file is refused by Validate at its event.
func TestRichDescription(t *testing.T) {
	in := "title: T\n2017-07: Launch\n  See [the *notice*](https://example.org/n), _this_ and **that**; 5 * 3.\n  Second line.\n2018: Bad\n  [click](javascript:alert(1))\n"
	d, notes, err := Read("t.mw", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 0 {
		t.Errorf("notes %q", notes)
	}
	want := "See [the *notice*](https://example.org/n), _this_ and **that**; 5 * 3.\nSecond line."
	if got := d.Events[0].Summary; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	var html strings.Builder
	timeline.WriteTextHTML(&html, timeline.ParseText(d.Events[0].Summary), nil, nil)
	if got := html.String(); !strings.Contains(got, `<a href="https://example.org/n" rel="noopener noreferrer">the <em>notice</em></a>, <em>this</em> and <strong>that</strong>; 5 * 3.`) {
		t.Errorf("HTML %s", got)
	}
	ps := d.Validate()
	if len(ps.Errors()) != 1 || !strings.HasPrefix(ps.Errors()[0].String(), "t.mw:") || !strings.Contains(ps.Errors()[0].String(), `events[1].summary: link "javascript:alert(1)"`) {
		t.Errorf("problems %v; want the unsafe link refused at its event", ps)
	}
}
