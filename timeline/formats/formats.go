// Package formats reads and writes datasets in every format the timeline
// command knows, and tells them apart: our JSON (package timeline), Knight
// Lab TimelineJS JSON and its Google Sheets CSV (package timelinejs), our
// CSV (package eventcsv), and markwhen text (package markwhen, read only).
package formats

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/timeline-tool/timeline/timeline"
	"github.com/timeline-tool/timeline/timeline/eventcsv"
	"github.com/timeline-tool/timeline/timeline/internal/input"
	"github.com/timeline-tool/timeline/timeline/markwhen"
	"github.com/timeline-tool/timeline/timeline/timelinejs"
)

// Format names a dataset format. The zero Format is none: Detect finds
// one.
type Format string

// The formats.
const (
	JSON          Format = "json"           // our JSON (timeline.Decode, timeline.Encode)
	TimelineJS    Format = "timelinejs"     // TimelineJS JSON
	TimelineJSCSV Format = "timelinejs-csv" // a TimelineJS Google Sheet exported as CSV
	CSV           Format = "csv"            // our CSV (package eventcsv)
	Markwhen      Format = "markwhen"       // markwhen text (package markwhen); read, not written
)

// Formats lists every format read, in the order help texts show them.
var Formats = []Format{JSON, TimelineJS, TimelineJSCSV, CSV, Markwhen}

// Written lists the formats Write writes.
var Written = []Format{JSON, TimelineJS, TimelineJSCSV, CSV}

// String returns the name of f, as flags take it.
func (f Format) String() string { return string(f) }

// Set implements pflag.Value: it sets f to the format named s
// (case-insensitive), or returns an error naming the formats.
func (f *Format) Set(s string) error {
	g, err := Parse(s)
	if err != nil {
		return err
	}
	*f = g
	return nil
}

// Type implements pflag.Value.
func (f *Format) Type() string { return "format" }

// Parse returns the format named s (case-insensitive).
func Parse(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(Formats, f) {
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q; use one of %s", s, input.List(Formats))
}

// Detect tells the format of data, read from the file name, by its
// content, with the extension to break ties:
//
//   - Data that starts with "{" (after a byte order mark and white space)
//     is JSON: TimelineJS JSON when its first event has a "start_date" or
//     its title is an object (a TimelineJS title slide), else ours. JSON
//     too broken to tell is ours unless it mentions "start_date".
//   - Other data is CSV, told by its header row: a Year column and a
//     Headline or Text column make a TimelineJS sheet; id, date and title
//     columns make ours.
//   - Text with the extension .mw, or one of whose first 200 lines is a
//     markwhen event line ("2023-01-05: Launch"), and that is not one of
//     the CSV tables, is markwhen.
//
// The error names the file and says what was expected when the format
// cannot be told.
func Detect(name string, data []byte) (Format, error) {
	if len(data) > timeline.MaxInput {
		return "", fmt.Errorf("%s: file is %d bytes; the largest dataset read is %d bytes", name, len(data), timeline.MaxInput)
	}
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return "", fmt.Errorf("%s: the file is UTF-16 text; save it as UTF-8 (in Excel: CSV UTF-8)", name)
	}
	body := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(body) == 0 {
		return "", fmt.Errorf("%s: empty file: a dataset is a JSON object or a CSV table", name)
	}
	ext := strings.ToLower(filepath.Ext(name))
	switch body[0] {
	case '{':
		f, foreign := detectJSON(body)
		if foreign != "" {
			return "", notRead(name, foreign)
		}
		return f, nil
	case '[':
		if looksVisItems(newDecoder(body)) {
			return "", notRead(name, "a vis-timeline items list (objects with start and content)")
		}
		return "", fmt.Errorf("%s: a JSON list is no dataset: our format and TimelineJS's are JSON objects ({\"events\": [...]})", name)
	case '<':
		if bytes.Contains(body, []byte("<data")) && bytes.Contains(body, []byte("<event")) {
			return "", notRead(name, "SIMILE Timeline XML (<data><event start=…>)")
		}
	}
	if ext == ".json" {
		return "", fmt.Errorf("%s: not JSON: a .json dataset starts with {", name)
	}
	if ext == ".mw" {
		return Markwhen, nil
	}
	r := csv.NewReader(bytes.NewReader(body)) // the header row: no further than the first lines
	r.FieldsPerRecord, r.LazyQuotes = -1, true
	header, err := r.Read()
	if err != nil {
		if markwhen.Looks(body) {
			return Markwhen, nil
		}
		return "", fmt.Errorf("%s: not JSON (no {) and no CSV header row: %v", name, err)
	}
	switch {
	case timelinejs.IsSheetHeader(header):
		return TimelineJSCSV, nil
	case eventcsv.IsHeader(header):
		return CSV, nil
	case markwhen.Looks(body):
		return Markwhen, nil
	case len(header) == 1 && strings.ContainsAny(header[0], ";\t"):
		return "", fmt.Errorf("%s: the first row %s has no commas but semicolons or tabs: save the table as comma-separated values", name, short(header))
	}
	return "", fmt.Errorf("%s: cannot tell the format: not JSON (no {), and the first row %s is not the header of a TimelineJS sheet (Year or Start Date, Headline, …) or of a timeline CSV (id, date, title, …)",
		name, short(header))
}

// NotReadError is the error of Detect for a file in a format timeline
// does not read (vis-timeline items, SIMILE Timeline, a
// JSON with an events list of another kind): one line that says what the
// file looks like and which formats are read.
type NotReadError struct {
	Name string // the file
	What string // what it looks like
}

func (e *NotReadError) Error() string {
	return fmt.Sprintf("%s: this looks like %s, which timeline does not read; it reads this tool's JSON or CSV, TimelineJS JSON, a TimelineJS sheet saved as CSV, or markwhen text (see timeline help formats)", e.Name, e.What)
}

func notRead(name, what string) error { return &NotReadError{name, what} }

func short(header []string) string {
	s := strings.Join(header, ",")
	if len(s) > 60 {
		s = s[:60] + "…"
	}
	return fmt.Sprintf("%q", s)
}

// detectJSON tells our JSON from TimelineJS's by the first event's keys,
// else the kind of the title, reading tokens only as far as it needs. It
// names, instead, a format timeline does not read when the JSON looks
// like one: SIMILE Timeline, vis-timeline, or an events list that is
// neither ours nor TimelineJS's.
func detectJSON(body []byte) (Format, string) {
	dec := newDecoder(body)
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return guessBroken(body), ""
	}
	for dec.PeekKind() == '"' {
		name, err := dec.ReadToken()
		if err != nil {
			break
		}
		switch name.String() {
		case "title":
			switch dec.PeekKind() {
			case '{':
				return TimelineJS, ""
			case '[':
				return guessBroken(body), ""
			}
		case "dateTimeFormat", "wikiURL", "wikiSection":
			return "", "SIMILE Timeline JSON (dateTimeFormat, events with start and title)"
		case "items":
			if looksVisItems(dec) {
				return "", "vis-timeline items (objects with start and content)"
			}
			return guessBroken(body), ""
		case "events":
			f, foreign, ok := firstEventFormat(dec)
			if ok || foreign != "" {
				return f, foreign
			}
			return guessBroken(body), ""
		}
		if dec.SkipValue() != nil {
			break
		}
	}
	return guessBroken(body), ""
}

func newDecoder(body []byte) *jsontext.Decoder {
	return jsontext.NewDecoder(bytes.NewBuffer(body), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
}

// looksVisItems reports whether the value dec is at is a list whose first
// element is a vis-timeline item: an object with "start" and "content".
func looksVisItems(dec *jsontext.Decoder) bool {
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '[' {
		return false
	}
	keys, _ := objectKeys(dec)
	return keys["start"] && keys["content"]
}

// objectKeys reads the object dec is at and returns its keys; complete
// is false when it is no object or the JSON breaks off inside it.
func objectKeys(dec *jsontext.Decoder) (keys map[string]bool, complete bool) {
	keys = map[string]bool{}
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '{' {
		return keys, false
	}
	for dec.PeekKind() == '"' {
		name, err := dec.ReadToken()
		if err != nil {
			return keys, false
		}
		keys[name.String()] = true
		if dec.SkipValue() != nil {
			return keys, false
		}
	}
	tok, err := dec.ReadToken()
	return keys, err == nil && tok.Kind() == '}'
}

// The keys that tell an event of TimelineJS's and of ours.
var (
	// "media" is both formats' key: TimelineJS's only when none of ours
	// is there.
	timelineJSKeys = []string{"start_date", "end_date", "unique_id", "text", "group", "display_date", "background", "autolink"}
	ourKeys        = []string{"date", "sources", "summary", "era", "category", "status", "display", "attribution", "section"}
	weakOurKeys    = []string{"id", "title", "tags"} // ours, but other formats have them too
)

// firstEventFormat reads the events list up to the end of its first
// element and tells the format by its keys; or names the format it looks
// like that timeline does not read.
func firstEventFormat(dec *jsontext.Decoder) (f Format, foreign string, ok bool) {
	if tok, err := dec.ReadToken(); err != nil || tok.Kind() != '[' {
		return "", "", false
	}
	if dec.PeekKind() != '{' {
		return "", "", false
	}
	keys, complete := objectKeys(dec)
	has := func(ks []string) bool { return slices.ContainsFunc(ks, func(k string) bool { return keys[k] }) }
	switch {
	case has(timelineJSKeys):
		return TimelineJS, "", true
	case has(ourKeys):
		return JSON, "", true
	case keys["media"]:
		return TimelineJS, "", true
	case !complete:
		return "", "", false
	case keys["start"] && keys["content"]:
		return "", "vis-timeline items (events with start and content)", false
	case keys["start"]:
		return "", "SIMILE Timeline JSON (events with start, title and description)", false
	case has(weakOurKeys):
		return JSON, "", true
	case len(keys) > 0:
		return "", "a JSON with an events list that is neither this tool's dataset (events with id, date, title, sources) nor TimelineJS's (events with start_date)", false
	}
	return "", "", false
}

// guessBroken guesses the format of JSON too broken or too empty to tell.
func guessBroken(body []byte) Format {
	if bytes.Contains(body, []byte(`"start_date"`)) || bytes.Contains(body, []byte(`"headline"`)) {
		return TimelineJS
	}
	return JSON
}

// Read reads a dataset in format f; name is used in messages. It returns
// the dataset, notes for the user (what a conversion dropped or made up,
// without the file name, which the caller adds; none for our JSON) and an
// error naming every problem with its file, line and column. Like
// timeline.Decode it does not validate the dataset's meaning: see Load.
// Every format refuses a file larger than timeline.MaxInput bytes. The
// zero Format reads the format Detect finds.
func Read(name string, data []byte, f Format) (*timeline.Dataset, []string, error) {
	switch f {
	case JSON:
		d, err := timeline.Decode(name, data)
		return d, nil, err
	case TimelineJS:
		return timelinejs.ReadJSON(name, data)
	case TimelineJSCSV:
		return timelinejs.ReadCSV(name, data)
	case CSV:
		return eventcsv.Read(name, data)
	case Markwhen:
		return markwhen.Read(name, data)
	case "":
		g, err := Detect(name, data)
		if err != nil {
			return nil, nil, err
		}
		return Read(name, data, g)
	}
	return nil, nil, fmt.Errorf("unknown format %q; use one of %s", f, input.List(Formats))
}

// Load reads a dataset in format f (the zero Format: the one Detect
// finds) and validates it. It returns the dataset, its warnings in file
// order and the reader's notes (see Read), or the warnings, the notes and
// an error listing every error found, each with its file, line and
// column: for our JSON, bad dates and unknown fields are reported together
// with the problems of meaning (see timeline.Load).
func Load(name string, data []byte, f Format) (d *timeline.Dataset, warnings timeline.Problems, notes []string, err error) {
	if f == "" {
		if f, err = Detect(name, data); err != nil {
			return nil, nil, nil, err
		}
	}
	if f == JSON {
		d, warnings, err = timeline.Load(name, data)
		return d, warnings, nil, err
	}
	if d, notes, err = Read(name, data, f); err != nil {
		return nil, nil, notes, err
	}
	d, warnings, err = timeline.Checked(d, nil)
	return d, warnings, notes, err
}

// ReadFile reads the dataset file path, or standard input (stdin) when
// path is "-", refusing what is over timeline.MaxInput bytes before
// reading it all: a regular file by its size, anything else by reading
// no more than one byte over the limit. It returns the name to use in
// messages ("standard input" for "-") and the bytes.
func ReadFile(path string, stdin io.Reader) (name string, data []byte, err error) {
	return input.ReadFile(path, stdin)
}

// Write writes d in format f with the options o: our JSON
// (timeline.Encode), TimelineJS JSON (timelinejs.Write), a TimelineJS sheet
// as CSV (timelinejs.WriteCSV) or our CSV (eventcsv.Write); markwhen is
// read only (see Written). JSON and CSV round-trip: reading what Write
// wrote gives d again.
//
// The CSV formats put a single quote before a cell that a spreadsheet
// would take for a formula, and their readers remove it (see package
// csvsafe); Options.CSVRaw writes cells unchanged.
func Write(w io.Writer, d *timeline.Dataset, f Format, o Options) error {
	switch f {
	case JSON:
		return timeline.Encode(w, d)
	case TimelineJS:
		return timelinejs.Write(w, d)
	case TimelineJSCSV:
		return timelinejs.WriteCSV(w, d, timelinejs.CSVOptions{Raw: o.CSVRaw})
	case CSV:
		return eventcsv.Write(w, d, eventcsv.Options{Raw: o.CSVRaw})
	case Markwhen:
		return fmt.Errorf("markwhen is read, not written; write one of %s", input.List(Written))
	}
	return fmt.Errorf("unknown format %q; use one of %s", f, input.List(Written))
}

// Options changes what Write writes.
type Options struct {
	// CSVRaw writes CSV cells exactly as the text is, formulas and all.
	CSVRaw bool
}
