package timeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline/internal/input"

	"github.com/timeline-tool/timeline/internal/golden"
)

// decodeErrorTests are inputs Decode rejects and the problems it must
// report, each a substring of one line of the error, in order. Columns
// count bytes from 1; they were counted by hand.
var decodeErrorTests = []struct {
	name string
	in   string
	want []string
}{
	{
		name: "trailing comma",
		in: `{"title": "t",
  "events": [
    {"id": "a",}
  ]
}`,
		want: []string{`f.json:3:16: events[0]: syntax error: invalid character '}' looking for beginning of object key string`},
	},
	{
		name: "missing comma",
		in: `{"title": "t"
  "subtitle": "s"}`,
		want: []string{`f.json:2:3: syntax error: invalid character '"' after object key:value pair`},
	},
	{
		name: "bad literal",
		in:   `{"title": "t", "events": [{"id": tru}]}`,
		want: []string{`f.json:1:37: events[0].id: syntax error: invalid character '}' in literal true (expecting 'e')`},
	},
	{
		name: "bad escape",
		in:   "{\"title\": \"t\",\n \"subtitle\": \"a\\qb\"}",
		want: []string{`f.json:2:17: subtitle: syntax error: invalid character 'q' in string escape code`},
	},
	{
		name: "control character in string",
		in:   "{\"title\": \"a\tb\"}",
		want: []string{`f.json:1:13: title: syntax error: invalid character '\t' in string literal`},
	},
	{
		name: "bad value in nested list",
		in:   `  {"events": [{"tags": ["a", "b", x]}]}`,
		want: []string{`f.json:1:35: events[0].tags[2]: syntax error: invalid character 'x' looking for beginning of value`},
	},
	{
		name: "cut short",
		in:   `{"title": "t", "events": [`,
		want: []string{`f.json:1:27: events[0]: unexpected end of file`},
	},
	{
		name: "cut short in string",
		in:   "{\"title\": \"t\",\n\"subtitle\": \"ab",
		want: []string{`f.json:2:16: subtitle: syntax error: unexpected end of file: the JSON is cut short`},
	},
	{
		name: "unclosed object",
		in:   "{\"title\": \"t\"\n",
		want: []string{`f.json:2:1: unexpected end of file`},
	},
	{
		name: "trailing data",
		in:   "{\"title\": \"t\"}\n{}",
		want: []string{`f.json:2:1: unexpected data after the dataset's closing }`},
	},
	{
		name: "trailing garbage",
		in:   `{"title": "t"} x`,
		want: []string{`f.json:1:16: syntax error: invalid character 'x' after top-level value`},
	},
	{
		name: "wrong types, all reported",
		in: `{"title": 5,
  "eras": {},
  "sources": [{"id": "s", "footnote": "1", "title": "S"}],
  "events": [
    {"id": "a", "date": "1985", "title": ["A"], "tags": ["x", 7], "status": true, "sources": "s"},
    "b"
  ]
}`,
		want: []string{
			`f.json:1:11: title: the number 5 is not a string`,
			`f.json:2:11: eras: a JSON object is not a list (JSON array)`,
			`f.json:3:39: sources[0].footnote: a JSON string is not a whole number`,
			`f.json:5:42: events[0].title: a JSON array is not a string`,
			`f.json:5:63: events[0].tags[1]: the number 7 is not a string`,
			`f.json:5:77: events[0].status: true is not a string`,
			`f.json:5:94: events[0].sources: a JSON string is not a list (JSON array)`,
			`f.json:6:5: events[1]: a JSON string is not a JSON object`,
		},
	},
	{
		name: "numbers that are not whole",
		in:   `{"sources": [{"footnote": 1.5}, {"footnote": 1e2}, {"footnote": 99999999999999999999}, {"footnote": -3}]}`,
		want: []string{
			`f.json:1:27: sources[0].footnote: the number 1.5 is not a whole number`,
			`f.json:1:46: sources[1].footnote: the number 1e2 is not a whole number`,
			`f.json:1:65: sources[2].footnote: the number 99999999999999999999 is not a whole number`,
		},
	},
	{
		name: "duplicate fields",
		in: `{"title": "t",
  "events": [{"id": "a", "id": "b"}],
  "title": "u"}`,
		want: []string{
			// Duplicate fields do not stop the decode: the rest is
			// checked too.
			`f.json:2:14: events[0].date: missing date`,
			`f.json:2:26: events[0].id: duplicate field "id"`,
			`f.json:3:3: title: duplicate field "title"`,
		},
	},
	{
		name: "unknown fields",
		in: `{"title": "t", "colour": "#fff",
  "eras": [{"id": "e", "label": "E", "span": "1985", "colour": "red"}],
  "Title": "u"}`,
		want: []string{
			`f.json:1:16: colour: unknown field "colour"; known fields are $schema, title, subtitle, language, document, scale, eras, categories, sources, events`,
			`f.json:2:54: eras[0].colour: unknown field "colour"; known fields are id, label, span, color, description`,
			`f.json:3:3: Title: unknown field "Title"`,
		},
	},
	{
		name: "bad dates, all reported in file order",
		in: `{"title": "t",
  "events": [
    {"id": "a", "date": "1985-13", "title": "A", "sources": ["s"]},
    {"id": "b", "title": "B", "sources": ["s"]},
    {"id": "c", "date": "19X5", "title": "C", "sources": ["s"]},
    {"id": "d", "date": "", "title": "D", "sources": ["s"]}
  ],
  "eras": [{"id": "e", "label": "E", "span": "2012/1997"}, {"id": "f", "label": "F"}],
  "sources": [{"id": "s", "title": "S", "date": "1985-02-29"}]
}`,
		want: []string{
			`f.json:3:25: events[0].date: "1985-13": month 13 out of range 01–12 (at character 6)`,
			`f.json:4:5: events[1].date: missing date`,
			`f.json:5:25: events[2].date: "19X5": digit after an unspecified digit X; X may only end a date (at character 4)`,
			`f.json:6:25: events[3].date: missing date`,
			`f.json:8:46: eras[0].span: "2012/1997": interval ends before it starts (at character 6)`,
			`f.json:8:60: eras[1].span: missing date`,
			`f.json:9:49: sources[0].date: "1985-02-29": day 29 out of range 01–28 (at character 9)`,
		},
	},
	{
		name: "null entries",
		in:   `{"title": "t", "events": [null], "categories": [null], "eras": [null], "sources": [null]}`,
		want: []string{
			`f.json:1:27: events[0]: null is not an object`,
			`f.json:1:49: categories[0]: null is not an object`,
			`f.json:1:65: eras[0]: null is not an object`,
			`f.json:1:84: sources[0]: null is not an object`,
		},
	},
	{
		name: "byte order mark does not count as a column",
		in:   "\xef\xbb\xbf{\"title\": \"t\", \"bogus\": 1}",
		want: []string{`f.json:1:16: bogus: unknown field "bogus"`},
	},
	{
		name: "byte order mark then syntax error",
		in:   "\xef\xbb\xbf{\"title\" \"t\"}",
		want: []string{`f.json:1:10: title: syntax error: invalid character '"' after object key`},
	},
	{
		name: "CRLF line ends",
		in:   "{\"title\": \"t\",\r\n  \"events\": [\r\n    {\"id\": \"a\", \"date\": \"1985-13\"}\r\n  ]\r\n}\r\n",
		want: []string{`f.json:3:25: events[0].date: "1985-13": month 13 out of range`},
	},
	{
		name: "CRLF line ends, syntax error",
		in:   "{\"title\": \"t\",\r\n\r\n  \"events\": ]\r\n}\r\n",
		want: []string{`f.json:3:13: events: syntax error: invalid character ']' looking for beginning of value`},
	},
	{
		name: "invalid UTF-8",
		in:   "{\"title\": \"t\",\n  \"subtitle\": \"caf\xe9\"}",
		want: []string{`f.json:2:19: invalid UTF-8 (byte 0xe9)`},
	},
	{
		name: "invalid UTF-8 after a byte order mark",
		in:   "\xef\xbb\xbf{\"title\": \"\xff\"}",
		want: []string{`f.json:1:12: invalid UTF-8 (byte 0xff)`},
	},
	{
		name: "deep nesting",
		in:   `{"events": ` + strings.Repeat("[", 40) + strings.Repeat("]", 40) + `}`,
		want: []string{
			`f.json:1:13: events[0]: a JSON array is not a JSON object`,
			`f.json:1:43: events` + strings.Repeat("[0]", 31) + `: nested more than 32 levels deep`,
		},
	},
	{
		name: "very deep nesting",
		in:   `{"title": ` + strings.Repeat(`{"a": `, 100000),
		want: []string{
			`f.json:1:11: title: a JSON object is not a string`,
			`f.json:1:197: title` + strings.Repeat(".a", 31) + `: nested more than 32 levels deep`,
		},
	},
	{name: "empty file", in: "", want: []string{`f.json: empty file: a dataset is a JSON object`}},
	{name: "white space only", in: " \r\n\t\n", want: []string{`f.json: empty file`}},
	{name: "byte order mark only", in: "\xef\xbb\xbf", want: []string{`f.json: empty file`}},
	{name: "top-level array", in: `[{"title": "t"}]`, want: []string{`f.json:1:1: a dataset is a JSON object, not a list`}},
	{name: "top-level array after space", in: "\n  []", want: []string{`f.json:2:3: a dataset is a JSON object, not a list`}},
	{name: "top-level string", in: `"title"`, want: []string{`f.json:1:1: a dataset is a JSON object, not a single value`}},
	{name: "top-level null", in: `null`, want: []string{`f.json:1:1: a dataset is a JSON object, not a single value`}},
}

func TestDecodeErrors(t *testing.T) {
	for _, tt := range decodeErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode("f.json", []byte(tt.in))
			if err == nil {
				t.Fatalf("Decode succeeded, want errors:\n%s", strings.Join(tt.want, "\n"))
			}
			if d != nil {
				t.Errorf("Decode returned a dataset with its error")
			}
			var pe *ProblemsError
			if !errors.As(err, &pe) {
				t.Fatalf("Decode error is %T, want *ProblemsError", err)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(tt.want) {
				t.Errorf("Decode reported %d problems, want %d:\n%s", len(lines), len(tt.want), err)
			}
			for i, want := range tt.want {
				if i < len(lines) && !strings.Contains(lines[i], want) {
					t.Errorf("problem %d = %q\nwant it to contain %q", i, lines[i], want)
				}
			}
		})
	}
}

func TestDecodeByteOrderMark(t *testing.T) {
	plain := []byte(`{"title": "t", "events": [{"id": "a", "date": "1985", "title": "A", "sources": ["s"]}], "sources": [{"id": "s", "title": "S"}]}`)
	withBOM := append([]byte("\xef\xbb\xbf"), plain...)
	a, err := Decode("plain.json", plain)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Decode("bom.json", withBOM)
	if err != nil {
		t.Fatalf("Decode with a byte order mark: %v", err)
	}
	if got, want := encode(t, b), encode(t, a); got != want {
		t.Errorf("with a byte order mark:\n%s\nwithout:\n%s", got, want)
	}
	if b.SHA256() == a.SHA256() {
		t.Errorf("SHA256 ignores the byte order mark; it should be that of the bytes read")
	}
}

func TestDecodeOrigin(t *testing.T) {
	data := []byte(`{"title": "t"}`)
	d, err := Decode("mine.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if d.Name() != "mine.json" {
		t.Errorf("Name() = %q", d.Name())
	}
	sum := sha256.Sum256(data)
	if want := hex.EncodeToString(sum[:]); d.SHA256() != want {
		t.Errorf("SHA256() = %q, want %q", d.SHA256(), want)
	}
	var built Dataset
	built.SetOrigin(input.NewOrigin("x", data, nil))
	if d.SHA256() != built.SHA256() || built.Name() != "x" {
		t.Errorf("SetOrigin gives %q, %q; Decode gives %q", built.Name(), built.SHA256(), d.SHA256())
	}
	if (&Dataset{}).SHA256() != "" || (&Dataset{}).Name() != "" {
		t.Errorf("a dataset built in code has a name or checksum")
	}
}

func TestDecodeTooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates MaxInput bytes")
	}
	data := make([]byte, MaxInput+1)
	_, err := Decode("big.json", data)
	if err == nil || !strings.Contains(err.Error(), "big.json: file is 268435457 bytes; the largest dataset read is 268435456 bytes") {
		t.Errorf("Decode of %d bytes: %v", len(data), err)
	}
}

// encode returns the JSON of d.
func encode(t testing.TB, d *Dataset) string {
	t.Helper()
	var b bytes.Buffer
	if err := Encode(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	d, err := Decode("full.json", []byte(fullDataset))
	if err != nil {
		t.Fatal(err)
	}
	first := encode(t, d)
	d2, err := Decode("again.json", []byte(first))
	if err != nil {
		t.Fatalf("Decode(Encode(d)): %v\n%s", err, first)
	}
	if second := encode(t, d2); second != first {
		t.Errorf("Encode(Decode(Encode(d))) differs from Encode(d):\n%s", golden.Diff("first", first, "second", second))
	}
	// Every field survives: the fields of the input come back, in order,
	// except the defaults Encode leaves out (status "established").
	want := strings.Replace(fullDataset, `"status": "established", `, "", 1)
	if first != want {
		t.Errorf("Encode(Decode(x)) lost or changed something:\n%s", golden.Diff("want", want, "got", first))
	}
}

// fullDataset uses every field of the format, written as Encode writes it.
const fullDataset = `{
  "$schema": "https://example.org/timeline.schema.json",
  "title": "Full",
  "subtitle": "Every field <b> & \"quoted\"",
  "document": "doc",
  "eras": [
    {
      "id": "e1",
      "label": "First era",
      "span": "1960/1979",
      "color": "#a0b0c0",
      "description": "The first one"
    },
    {
      "id": "e2",
      "label": "Second era",
      "span": "1980/.."
    }
  ],
  "categories": [
    {
      "id": "c1",
      "label": "One",
      "color": "#abc",
      "description": "A lane"
    }
  ],
  "sources": [
    {
      "id": "doc",
      "footnote": 1,
      "kind": "government",
      "author": "A. Author",
      "title": "The document",
      "publisher": "Press",
      "date": "1997-10-08",
      "url": "https://example.org/doc?a=1&b=2",
      "locator": "62 Federal Register 52650"
    },
    {
      "id": "s2",
      "title": "Another"
    }
  ],
  "events": [
    {
      "id": "a",
      "date": "196X~",
      "display": "early 1960s",
      "title": "Café ☕",
      "summary": "Line one\nline two",
      "era": "e1",
      "category": "c1",
      "tags": [
        "x",
        "y"
      ],
      "status": "alleged",
      "attribution": "Someone",
      "sources": [
        "doc",
        "s2"
      ],
      "section": "§ 2"
    },
    {
      "id": "b",
      "date": "1985-04-12/..",
      "title": "Open",
      "era": "e2",
      "sources": [
        "s2"
      ]
    }
  ]
}
`

func TestEncodeOmitsDefaults(t *testing.T) {
	in := `{"title": "t", "sources": [{"id": "s", "title": "S", "date": ""}], "events": [{"id": "a", "date": "1985", "title": "A", "status": "established", "sources": ["s"]}]}`
	d, err := Decode("f.json", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	out := encode(t, d)
	for _, unwanted := range []string{`"status"`, `"date": ""`, `"footnote"`, `"display"`} {
		if strings.Contains(out, unwanted) {
			t.Errorf("Encode wrote %s:\n%s", unwanted, out)
		}
	}
	if d.Events[0].Status.Normal() != StatusEstablished {
		t.Errorf("status = %q", d.Events[0].Status)
	}
}

// TestLocateManyMissing checks that placing many problems does not walk
// the file once per problem.
func TestLocateManyMissing(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"title": "t", "events": [`)
	const n = 20000
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(`{"id": "e", "title": "T", "sources": []}`)
	}
	b.WriteString("]}")
	_, err := Decode("many.json", []byte(b.String()))
	if err == nil {
		t.Fatal("no error for events without dates")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != n {
		t.Fatalf("%d problems, want %d", len(lines), n)
	}
	if want := "many.json:20000:1: events[19999].date: missing date"; lines[n-1] != want {
		t.Errorf("last problem = %q, want %q", lines[n-1], want)
	}
}

func TestEncodeEmptyLists(t *testing.T) {
	got := encode(t, &Dataset{Title: "t"})
	want := "{\n  \"title\": \"t\",\n  \"eras\": [],\n  \"categories\": [],\n  \"sources\": [],\n  \"events\": []\n}\n"
	if got != want {
		t.Errorf("Encode of a dataset with no lists:\n%s\nwant:\n%s", got, want)
	}
	d, err := Decode("f.json", []byte(`{"title": "t"}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := encode(t, d); got != want {
		t.Errorf("Encode(Decode(%q)):\n%s\nwant:\n%s", `{"title": "t"}`, got, want)
	}
}

func TestDecodeTooManyEvents(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"title":"x","events":[`)
	for i := 0; i <= MaxEvents; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("{}")
	}
	b.WriteString("]}")
	_, err := Decode("many.json", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "many.json:1:") || !strings.Contains(err.Error(), "more than 1000000 events") {
		t.Fatalf("Decode of %d events: %v", MaxEvents+1, err)
	}
}

// TestDecodeEveryField checks that Decode reads every field of the
// format: each string field of a dataset, era, category, source and
// event is set by reflection to a value of its own, and the dataset must
// come back equal through Encode and Decode. A field added to a type and
// not to the decoder fails here.
func TestDecodeEveryField(t *testing.T) {
	n := 0
	fill := func(v any) {
		rv := reflect.ValueOf(v).Elem()
		for i := range rv.NumField() {
			f := rv.Field(i)
			if !rv.Type().Field(i).IsExported() {
				continue
			}
			n++
			switch f.Kind() {
			case reflect.String:
				f.SetString("v" + strconv.Itoa(n))
			case reflect.Int:
				f.SetInt(int64(n))
			}
		}
	}
	d := &Dataset{}
	fill(d)
	era, cat, src, ev := &Era{}, &Category{}, &Source{}, &Event{}
	for _, v := range []any{era, cat, src, ev} {
		fill(v)
	}
	src.Kind, ev.Status = KindPress, StatusClaimed
	era.Span, src.Date, ev.Date = mustParse(t, "1985/1990"), mustParse(t, "2001-02"), mustParse(t, "196X")
	ev.Tags, ev.Sources = []string{"t1", "t2"}, []string{"s1"}
	d.Eras, d.Categories, d.Sources, d.Events = []*Era{era}, []*Category{cat}, []*Source{src}, []*Event{ev}
	var buf bytes.Buffer
	if err := Encode(&buf, d); err != nil {
		t.Fatal(err)
	}
	back, err := Decode("all.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	back.origin = nil
	if !reflect.DeepEqual(back, d) {
		t.Errorf("Decode(Encode(d)) differs from d:\n%s", buf.String())
	}
}
