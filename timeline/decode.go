package timeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxInput is the largest dataset, in bytes, that Decode reads.
const MaxInput = 256 << 20

// maxDepth bounds the nesting of JSON values; the format needs 4.
const maxDepth = 32

// origin records where a dataset came from, so that problems found later
// can name the file, line and column.
type origin struct {
	name   string
	sha256 string
	data   []byte
}

// position returns the 1-based line and byte column of offset off.
func (o origin) position(off int) (line, col int) {
	if off < 0 || off > len(o.data) {
		return 0, 0
	}
	line = 1 + bytes.Count(o.data[:off], []byte{'\n'})
	col = off - bytes.LastIndexByte(o.data[:off], '\n')
	return line, col
}

// problem returns a Problem at byte offset off.
func (o origin) problem(off int, path string, sev Severity, format string, args ...any) Problem {
	p := Problem{File: o.name, Path: path, Severity: sev, Msg: fmt.Sprintf(format, args...)}
	if off >= 0 && o.data != nil {
		p.Line, p.Col = o.position(off)
	}
	return p
}

// locate fills in the line and column of problems that have a path but no
// position, by walking the JSON once.
func (o origin) locate(ps Problems) {
	if o.data == nil {
		return
	}
	lines := lineStarts(o.data)
	pos := func(off int) (int, int) {
		i, _ := slices.BinarySearch(lines, off+1) // lines[i-1] <= off
		return i, off - lines[i-1] + 1
	}
	want := map[string]int{}
	for _, p := range ps {
		if p.Line == 0 && p.Path != "" {
			want[p.Path] = -1
		}
	}
	if len(want) == 0 {
		return
	}
	walkJSON(o.data, want, nil)
	for i, p := range ps {
		if p.Line != 0 || p.Path == "" {
			continue
		}
		// A path with no value of its own (a missing field) is placed at
		// its nearest enclosing value.
		for path := p.Path; path != ""; path = parentPath(path) {
			if off, ok := want[path]; ok && off >= 0 {
				ps[i].Line, ps[i].Col = pos(off)
				break
			}
			if _, ok := want[parentPath(path)]; !ok {
				want[parentPath(path)] = -1
				walkJSON(o.data, want, nil)
			}
		}
	}
}

// lineStarts returns the offset of the first byte of every line of data.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// parentPath returns the path of the value enclosing path's value:
// "events[3]" for "events[3].date", "events" for "events[3]".
func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// Decode reads a dataset in the JSON format of this package from data;
// name is used in messages ("mek.json", "-" for standard input). It
// reports syntax errors, duplicate and unknown fields, values of the wrong
// type and unparsable dates, each with its file:line:column and JSON path,
// as a *ProblemsError. Decode does not check meaning: see Validate and
// Load. A UTF-8 byte order mark is skipped.
func Decode(name string, data []byte) (*Dataset, error) {
	d, ps := decode(name, data)
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return d, nil
}

// decode is Decode, returning the problems found. The dataset is nil when
// the JSON cannot be read; it is not nil, with zero Dates in place of the
// bad ones, when only dates are bad, so that Load can go on to report
// every other problem too.
func decode(name string, data []byte) (*Dataset, Problems) {
	sum := sha256.Sum256(data)
	o := origin{name: name, sha256: hex.EncodeToString(sum[:]), data: data}
	if len(data) > MaxInput {
		return nil, Problems{{File: name, Msg: fmt.Sprintf("file is %d bytes; the largest dataset read is %d bytes", len(data), MaxInput)}}
	}
	body := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	skip := len(data) - len(body)
	if !utf8.Valid(body) {
		off := skip
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return nil, Problems{o.problem(off, "", SeverityError, "invalid UTF-8 (byte 0x%02x)", data[off])}
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, Problems{o.problem(-1, "", SeverityError, "empty file: a dataset is a JSON object")}
	}
	var ps Problems
	if err := walkJSON(data, nil, func(off int, path, msg string) {
		ps = append(ps, o.problem(off, path, SeverityError, "%s", msg))
	}); err != nil {
		return nil, ps
	}
	var raw rawDataset
	if err := json.Unmarshal(body, &raw); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			path := te.Field
			ps = append(ps, o.problem(skip+int(te.Offset)-1, path, SeverityError, "%s is not a %s", describeJSON(te.Value), goTypeName(te.Type)))
		} else if len(ps) == 0 {
			ps = append(ps, o.problem(-1, "", SeverityError, "%v", err))
		}
	}
	if len(ps) > 0 {
		o.locate(ps)
		return nil, ps
	}
	d := raw.dataset(o, &ps)
	o.locate(ps)
	return d, ps
}

// Load decodes and validates a dataset. It returns the dataset and its
// warnings, or an error listing every problem found: bad dates and
// problems of meaning are reported together.
func Load(name string, data []byte) (*Dataset, Problems, error) {
	d, ps := decode(name, data)
	if d == nil {
		return nil, nil, ps.Err()
	}
	ps = append(ps, d.Validate()...)
	if err := ps.Err(); err != nil {
		return nil, nil, err
	}
	return d, ps.Warnings(), nil
}

// Encode writes d in the JSON format Decode reads, indented, ending in a
// newline. Decode(Encode(d)) gives a dataset equal to d.
func Encode(w io.Writer, d *Dataset) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

func describeJSON(v string) string {
	switch v {
	case "string", "number", "bool", "array", "object":
		return "a JSON " + v
	}
	return v
}

func goTypeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint8:
		return "whole number"
	case reflect.Slice:
		return "list (JSON array)"
	case reflect.Struct, reflect.Pointer:
		return "JSON object"
	}
	return t.String()
}

// The raw forms read dates as strings, so that every bad date is reported
// with its path rather than the first one ending the decode.
type rawDataset struct {
	Dataset
	Eras    []*rawEra    `json:"eras"`
	Sources []*rawSource `json:"sources"`
	Events  []*rawEvent  `json:"events"`
}

type rawEra struct {
	Era
	Span *string `json:"span"`
}

type rawSource struct {
	Source
	Date string `json:"date"`
}

type rawEvent struct {
	Event
	Date *string `json:"date"`
}

func (r *rawDataset) dataset(o origin, ps *Problems) *Dataset {
	d := r.Dataset
	d.origin = o
	date := func(path string, s *string, required bool) Date {
		if s == nil || *s == "" {
			if required {
				*ps = append(*ps, o.problem(-1, path, SeverityError, "missing date"))
			}
			return Date{}
		}
		v, err := ParseDate(*s)
		if err != nil {
			var de *DateError
			errors.As(err, &de)
			*ps = append(*ps, o.problem(-1, path, SeverityError, "%s", de.Error()))
		}
		return v
	}
	null := func(path string) { *ps = append(*ps, o.problem(-1, path, SeverityError, "null is not an object")) }
	d.Eras = make([]*Era, 0, len(r.Eras))
	for i, e := range r.Eras {
		path := "eras[" + strconv.Itoa(i) + "]"
		if e == nil {
			null(path)
			continue
		}
		e.Era.Span = date(path+".span", e.Span, true)
		d.Eras = append(d.Eras, &e.Era)
	}
	d.Sources = make([]*Source, 0, len(r.Sources))
	for i, s := range r.Sources {
		path := "sources[" + strconv.Itoa(i) + "]"
		if s == nil {
			null(path)
			continue
		}
		s.Source.Date = date(path+".date", &s.Date, false)
		d.Sources = append(d.Sources, &s.Source)
	}
	d.Events = make([]*Event, 0, len(r.Events))
	for i, e := range r.Events {
		path := "events[" + strconv.Itoa(i) + "]"
		if e == nil {
			null(path)
			continue
		}
		e.Event.Date = date(path+".date", e.Date, true)
		d.Events = append(d.Events, &e.Event)
	}
	for i, c := range d.Categories {
		if c == nil {
			null("categories[" + strconv.Itoa(i) + "]")
		}
	}
	return &d
}

// fieldNames returns the JSON names of the fields of struct type t.
func fieldNames(t reflect.Type) []string {
	var names []string
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name != "" && name != "-" && f.IsExported() {
			names = append(names, name)
		}
	}
	return names
}

var knownFields = map[string][]string{
	"":           fieldNames(reflect.TypeFor[Dataset]()),
	"eras":       fieldNames(reflect.TypeFor[Era]()),
	"categories": fieldNames(reflect.TypeFor[Category]()),
	"sources":    fieldNames(reflect.TypeFor[Source]()),
	"events":     fieldNames(reflect.TypeFor[Event]()),
}

// frame is one open JSON container during walkJSON.
type frame struct {
	array     bool
	key       string // the key being read, in an object
	index     int    // the element being read, in an array
	expectKey bool
	seen      map[string]bool
}

// walkJSON checks the syntax of data token by token. It reports each
// duplicate or unknown field and excess nesting through report (which may
// be nil), and records in want the byte offset of every value whose path
// is a key of want. It returns an error, after reporting it, when the
// syntax is broken and the walk cannot go on.
func walkJSON(data []byte, want map[string]int, report func(off int, path, msg string)) error {
	if report == nil {
		report = func(int, string, string) {}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var stack []frame
	pathOf := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			f := &stack[i]
			if f.array {
				b.WriteByte('[')
				b.WriteString(strconv.Itoa(f.index))
				b.WriteByte(']')
			} else {
				if b.Len() > 0 {
					b.WriteByte('.')
				}
				b.WriteString(f.key)
			}
		}
		return b.String()
	}
	afterValue := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].array {
				stack[n-1].index++
			} else {
				stack[n-1].expectKey = true
			}
		}
	}
	done := false
	for {
		off := int(dec.InputOffset())
		for off < len(data) && strings.IndexByte(" \t\r\n,:\xef\xbb\xbf", data[off]) >= 0 {
			off++
		}
		tok, err := dec.Token()
		if err == io.EOF {
			if !done {
				report(off, "", "unexpected end of file")
				return errors.New("eof")
			}
			return nil
		}
		if err != nil {
			var se *json.SyntaxError
			if errors.As(err, &se) {
				off = int(se.Offset) - 1
			}
			msg := strings.TrimPrefix(err.Error(), "json: ")
			if errors.Is(err, io.ErrUnexpectedEOF) {
				msg = "unexpected end of file: the JSON is cut short"
			}
			report(off, pathOf(len(stack)), "syntax error: "+msg)
			return err
		}
		if done {
			report(off, "", "unexpected data after the dataset's closing }")
			return errors.New("trailing data")
		}
		n := len(stack)
		if n > 0 && !stack[n-1].array && stack[n-1].expectKey {
			if tok == json.Delim('}') {
				stack = stack[:n-1]
				afterValue()
				done = len(stack) == 0
				continue
			}
			key := tok.(string)
			top := &stack[n-1]
			top.key, top.expectKey = key, false
			if top.seen[key] {
				report(off, pathOf(n), "duplicate field "+strconv.Quote(key))
			}
			top.seen[key] = true
			var ctx string
			switch n {
			case 1:
				ctx = ""
			case 3:
				ctx = stack[0].key
			default:
				continue
			}
			if known, ok := knownFields[ctx]; ok && (n == 1 || stack[1].array) {
				if !containsString(known, key) {
					report(off, pathOf(n), fmt.Sprintf("unknown field %q; known fields are %s", key, strings.Join(known, ", ")))
				}
			}
			continue
		}
		if tok == json.Delim(']') {
			stack = stack[:n-1]
			afterValue()
			done = len(stack) == 0
			continue
		}
		if want != nil {
			if _, ok := want[pathOf(n)]; ok {
				want[pathOf(n)] = off
			}
		}
		switch tok {
		case json.Delim('{'):
			if n >= maxDepth {
				report(off, pathOf(n), fmt.Sprintf("nested more than %d levels deep", maxDepth))
				return errors.New("too deep")
			}
			stack = append(stack, frame{expectKey: true, seen: map[string]bool{}})
		case json.Delim('['):
			if n == 0 {
				report(off, "", "a dataset is a JSON object, not a list")
				return errors.New("not an object")
			}
			if n >= maxDepth {
				report(off, pathOf(n), fmt.Sprintf("nested more than %d levels deep", maxDepth))
				return errors.New("too deep")
			}
			stack = append(stack, frame{array: true})
		default:
			if n == 0 {
				report(off, "", "a dataset is a JSON object, not a single value")
				return errors.New("not an object")
			}
			afterValue()
		}
	}
}

func containsString(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
