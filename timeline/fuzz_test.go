package timeline

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseDate(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.in)
	}
	for _, tt := range parseErrorTests {
		f.Add(tt.in)
	}
	for _, s := range sortedDates {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ParseDate(in)
		if err != nil {
			var de *DateError
			if !errors.As(err, &de) {
				t.Fatalf("ParseDate(%q) error is %T, want *DateError", in, err)
			}
			if de.Offset < 0 || de.Offset > len(in) {
				t.Errorf("ParseDate(%q) error offset %d is outside the input", in, de.Offset)
			}
			if de.Msg == "" {
				t.Errorf("ParseDate(%q) error has no message", in)
			}
			if !d.IsZero() {
				t.Errorf("ParseDate(%q) returned %q with its error", in, d)
			}
			if utf8.ValidString(in) && !utf8.ValidString(de.Input) {
				t.Errorf("ParseDate(%q) error input %q is not valid UTF-8", in, de.Input)
			}
			return
		}
		if len(in) > maxDateLen {
			t.Errorf("ParseDate accepted %d bytes, more than maxDateLen", len(in))
		}
		s := d.String()
		if s != in {
			// Every date has one spelling; a second would mean that String
			// loses or invents something.
			t.Errorf("ParseDate(%q).String() = %q", in, s)
		}
		again, err := ParseDate(s)
		if err != nil {
			t.Fatalf("ParseDate(%q) = %q, which does not parse: %v", in, s, err)
		}
		if again.Compare(d) != 0 || again.String() != s || again != d {
			t.Errorf("ParseDate(%q) = %#v; ParseDate of its String %q = %#v", in, d, s, again)
		}
		if d.IsZero() {
			t.Errorf("ParseDate(%q) succeeded with the zero Date", in)
		}
		if d.IsOneOf() && d.IsInterval() || d.IsOneOf() != strings.HasPrefix(s, "[") {
			t.Errorf("ParseDate(%q): IsOneOf %v, IsInterval %v for %q", in, d.IsOneOf(), d.IsInterval(), s)
		}
		if d.Earliest() > d.Latest() {
			t.Errorf("ParseDate(%q): Earliest %v after Latest %v", in, d.Earliest(), d.Latest())
		}
		first, last := d.EarliestMoment(), d.LatestMoment()
		if first.Compare(last) > 0 || first.Milli < 0 || first.Milli >= msPerDay || last.Milli < 0 || last.Milli >= msPerDay {
			t.Errorf("ParseDate(%q): moments %v to %v", in, first, last)
		}
		for _, p := range []Point{d.start, d.end} {
			if p.Year > MaxLongYear || p.Year < -MaxLongYear {
				t.Errorf("ParseDate(%q): year %d beyond MaxLongYear", in, p.Year)
			}
			if p.Clock.Set && (p.Digits != 3 || p.Unspecified != 0 || p.Qualifier != QualifierNone || p.IsLong()) {
				t.Errorf("ParseDate(%q): a time on %#v", in, p)
			}
		}
		if d.Label() == "" || !utf8.ValidString(d.Label()) {
			t.Errorf("ParseDate(%q).Label() = %q", in, d.Label())
		}
		if d.Precision() == PrecisionNone {
			t.Errorf("ParseDate(%q) has no precision", in)
		}
		if !d.Within(d) || !d.Overlaps(d) || d.Compare(d) != 0 {
			t.Errorf("ParseDate(%q) is not within, overlapping and equal to itself", in)
		}
		for _, day := range []Day{d.Earliest(), d.Latest()} {
			if day == MinDay || day == MaxDay {
				continue
			}
			if y, m, dd := day.Date(); DayOf(y, m, dd) != day || m < 1 || m > 12 || dd < 1 || dd > daysIn(y, m) {
				t.Errorf("ParseDate(%q): day %d is %d-%d-%d", in, day, y, m, dd)
			}
		}
	})
}

// decodeSeeds are small datasets, valid and not, for FuzzDecode.
var decodeSeeds = []string{
	`{"title":"t","eras":[],"categories":[],"sources":[],"events":[]}`,
	`{"title":"t"}`,
	`{}`,
	`[]`,
	`null`,
	``,
	"\xef\xbb\xbf{\"title\":\"bom\"}",
	`{"title":"t","document":"s","sources":[{"id":"s","title":"Doc","kind":"government","footnote":3,"date":"1997-10-08","url":"https://example.org/x","locator":"p. 4"}]}`,
	`{"title":"t","eras":[{"id":"e","label":"E","span":"1985/..","color":"#abc"}],"categories":[{"id":"c","label":"C","color":"#a0b0c0"}],` +
		`"sources":[{"id":"s","title":"S"}],"events":[{"id":"a","date":"1985-04-12~","title":"A","summary":"x <b> & y","era":"e","category":"c","tags":["t1","t2"],"status":"alleged","attribution":"X","sources":["s"],"display":"spring 1985"}]}`,
	`{"title":"t","events":[{"id":"a","date":"1985-13","title":"A","sources":[]}]}`,
	`{"title":"t","events":[{"id":"a","title":"A","sources":["s"]}]}`,
	`{"title":"t","events":[{"id":"a","date":"1985","title":5}]}`,
	`{"title":"t","title":"u"}`,
	`{"title":"t","bogus":1}`,
	`{"title":"t","events":[null]}`,
	`{"title":"t","events":[{"id":"a","date":"1985","title":"A","status":"established","sources":["s"]}],"sources":[{"id":"s","title":"S","date":""}]}`,
	`{"title":"t","events":[{"id":"a","date":"1985","title":"A","sources":null,"tags":null}]}`,
	`{"title":"\u00e9\ud83d\ude00\u0000","subtitle":"\\\"\/"}`,
	`{"title":"t","sources":[{"id":"s","footnote":1e2}]}`,
	`{"title":"t",}`,
	`{"a":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}`,
	"{\"title\":\"t\",\r\n\"events\":[{\"id\":\"a\",\r\n\"date\":\"1985-13\"}]}",
	`{"title":"t","scale":"cosmological","events":[{"id":"a","date":"Y-13800000000","title":"A"},{"id":"b","date":"1997-10-08T14:30:00+05:30/1997-10-08T16:00Z","title":"B"},{"id":"c","date":"Y-17E7~","title":"C"}]}`,
	`{"title":"t","scale":"galactic","events":[{"id":"a","date":"1997-10-08T14:30:00.1234","title":"A"}]}`,
	`{"title":"t","events":[{"id":"a","date":"1985","title":"A","media":{"url":"img/a.png","kind":"image","caption":"c","credit":"AP","thumbnail":"t.jpg","alt":"x"}}]}`,
	`{"title":"t","events":[{"id":"a","date":"1985","title":"A","media":{"kind":"quote","quote":"q","url":null}}]}`,
	`{"title":"t","events":[{"id":"a","date":"1985","title":"A","media":null}]}`,
	`{"title":"t","events":[{"id":"a","date":"1985","title":"A","media":{"url":{"x":1},"tags":[1]}}]}`,
	`{"title":"t","events":[{"id":"a","date":"1985","title":"A","media":["x"]}]}`,
}

func FuzzDecode(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Decode("fuzz.json", data)
		if err != nil {
			if !IsProblems(err) {
				t.Fatalf("Decode error is %T, want a *ProblemsError: %v", err, err)
			}
			if d != nil {
				t.Errorf("Decode returned a dataset with its error")
			}
			return
		}
		// Meaning checks and filters must not panic on anything Decode
		// accepts.
		d.Validate()
		Filter{Text: "a", From: mustParse(t, "1985")}.Apply(d)
		d.SortedEvents()

		var first bytes.Buffer
		if err := Encode(&first, d); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		d2, err := Decode("again.json", first.Bytes())
		if err != nil {
			t.Fatalf("Decode(Encode(d)) failed: %v\ninput:\n%s\nencoded:\n%s", err, data, first.Bytes())
		}
		var second bytes.Buffer
		if err := Encode(&second, d2); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Errorf("Encode(Decode(Encode(d))) differs from Encode(d)\ninput:\n%s\nfirst:\n%s\nsecond:\n%s", data, first.Bytes(), second.Bytes())
		}
	})
}
