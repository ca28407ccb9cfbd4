package formats

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// positionTests are inputs, each with one § where its first problem
// must be placed, and a substring of that problem's message. The marker
// is taken out before the input is read; its line and byte column (a
// byte order mark takes none) are what every reader must report, the
// way encoding/csv's tests mark positions. The same mistake read by two
// readers gives the same position.
var positionTests = []struct {
	name   string
	format Format
	in     string
	msg    string
}{
	// A syntax error in an event, by both JSON readers: the column of the
	// byte that breaks the syntax.
	{"literal/json", JSON, "{\n  \"events\": [\n    {\"start_date\": {\"year\": 1985}},\n    {\"id\": \"a\", \"title\": tru§}\n  ]\n}\n", "invalid character '}' in literal true"},
	{"literal/timelinejs", TimelineJS, "{\n  \"events\": [\n    {\"start_date\": {\"year\": 1985}},\n    {\"id\": \"a\", \"title\": tru§}\n  ]\n}\n", "invalid character '}' in literal true"},
	{"comma/json", JSON, `{"events": [{"title": "x"},§]}`, "invalid character ']'"},
	{"comma/timelinejs", TimelineJS, `{"events": [{"text": {"headline": "x"}},§]}`, "invalid character ']'"},
	{"bom/json", JSON, "\ufeff{\"title\" §\"t\"}", "after object key"},
	{"bom/timelinejs", TimelineJS, "\ufeff{\"events\" §[]}", "after object key"},
	{"cut/json", JSON, "{\"title\": \"t\",\n\"subtitle\": \"ab§", "the JSON is cut short"},
	{"cut/timelinejs", TimelineJS, "{\"events\": [{\"text\": \"ab§", "the JSON is cut short"},
	{"duplicate/json", JSON, `{"title": "t", §"title": "u"}`, `duplicate field "title"`},
	{"duplicate/timelinejs", TimelineJS, `{"events": [], §"events": []}`, `duplicate field "events"`},
	{"invalid utf-8/json", JSON, "\ufeff{\"title\": \"§\xff\"}", "invalid UTF-8"},
	{"invalid utf-8/timelinejs", TimelineJS, "\ufeff{\"events\": \"§\xff\"}", "invalid UTF-8"},
	{"invalid utf-8/csv", CSV, "\ufeffid,da§\xfft", "invalid UTF-8"},
	{"invalid utf-8/timelinejs-csv", TimelineJSCSV, "\ufeffYear,Head§\xffline", "invalid UTF-8"},
	{"too deep/json", JSON, `{"title": ` + strings.Repeat(`{"a": `, 31) + `§{}`, "nested more than 32 levels"},
	{"too deep/timelinejs", TimelineJS, `{"events": ` + strings.Repeat(`[`, 31) + `§[`, "nested more than 32 levels"},
	// Problems of a value, by each reader.
	{"wrong type/json", JSON, `{"title": §5}`, "the number 5 is not a string"},
	{"bad date/json", JSON, "{\"title\": \"t\", \"events\": [\n  {\"id\": \"a\", \"date\": §\"1985-13\"}]}", "month 13 out of range"},
	{"bad year/timelinejs", TimelineJS, "{\"events\": [\n  {\"start_date\": {\"year\": §\"x\"}}]}", "is not a whole number"},
	{"bad date/csv", CSV, "id,date,title,sources\na,§1985-13,A,s\n", "month 13 out of range"},
	{"bad year/timelinejs-csv", TimelineJSCSV, "Year,Headline\n§x,A\n", "is not a whole number"},
	{"bare quote/csv", CSV, "\ufeffid,date,title\na,1985,say §\"hi\"\n", "bare \""},
	{"bare quote/timelinejs-csv", TimelineJSCSV, "\ufeffYear,Headline\n1985,say §\"hi\"\n", "bare \""},
	// Problems of meaning, found by Validate and placed by the reader.
	{"unknown era/json", JSON, `{"title": "t", "sources": [{"id": "s", "title": "S"}], "events": [{"id": "a", "date": "1985", "title": "A", "era": §"x", "sources": ["s"]}]}`, `unknown era "x"`},
	{"unknown era/csv", CSV, "record,id,date,title,era,sources\ndataset,,,T,,\nsource,s,,S,,\nevent,a,1985,A,§x,s\n", `unknown era "x"`},
}

// marked returns in without its marker and the line and column of the
// marker.
func marked(t *testing.T, in string) (string, int, int) {
	t.Helper()
	i := strings.Index(in, "§")
	if i < 0 || strings.Count(in, "§") != 1 {
		t.Fatalf("input %q has no single §", in)
	}
	before := in[:i]
	line := 1 + strings.Count(before, "\n")
	col := i - strings.LastIndex(before, "\n")
	if line == 1 && strings.HasPrefix(in, "\ufeff") {
		col -= len("\ufeff")
	}
	return in[:i] + in[i+len("§"):], line, col
}

// TestPositions checks that every reader places its problems at the
// marked line and column.
func TestPositions(t *testing.T) {
	for _, tt := range positionTests {
		t.Run(tt.name, func(t *testing.T) {
			in, line, col := marked(t, tt.in)
			_, ws, _, err := Load("in", []byte(in), tt.format)
			var all bytes.Buffer
			if err != nil {
				all.WriteString(err.Error() + "\n")
			}
			for _, w := range ws {
				all.WriteString(w.String() + "\n")
			}
			want := fmt.Sprintf("in:%d:%d: ", line, col)
			for _, l := range strings.Split(all.String(), "\n") {
				if strings.HasPrefix(l, want) && strings.Contains(l, tt.msg) {
					return
				}
			}
			t.Errorf("no problem %q at %s in:\n%s", tt.msg, want, all.String())
		})
	}
}
