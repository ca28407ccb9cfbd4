package timeline

import (
	"bytes"
	"crypto/sha256"
	"encoding"
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

// MaxEvents is the largest number of events Decode reads: a timeline of
// more is not one a reader can use, and the limit bounds memory.
const MaxEvents = 1_000_000

// maxDepth bounds the nesting of JSON values; the format needs 4.
const maxDepth = 32

// origin records where a dataset came from, so that problems found later
// can name the file, line and column.
type origin struct {
	name   string
	sha256 string
	data   []byte // the JSON Decode read; nil for other formats

	// pos gives the line and column of the value at a JSON path, for a
	// dataset read from another format (see Dataset.SetPositions); nil
	// when unknown.
	pos func(path string) (line, col int)
}

// bom is the UTF-8 byte order mark, which Decode skips.
var bom = []byte("\xef\xbb\xbf")

// position returns the 1-based line and byte column of offset off.
func (o origin) position(off int) (line, col int) {
	return o.lineCol(lineStarts(o.data), off)
}

// lineCol returns the 1-based line and byte column of offset off, given
// the line starts of o.data. A byte order mark takes no column.
func (o origin) lineCol(lines []int, off int) (line, col int) {
	if off < 0 || off > len(o.data) {
		return 0, 0
	}
	i, _ := slices.BinarySearch(lines, off+1) // lines[i-1] <= off
	line, col = i, off-lines[i-1]+1
	if line == 1 && bytes.HasPrefix(o.data, bom) && off >= len(bom) {
		col -= len(bom)
	}
	return line, col
}

// problem returns a Problem at byte offset off, or with no position when
// off is negative.
func (o origin) problem(off int, path string, sev Severity, format string, args ...any) Problem {
	p := Problem{File: o.name, Path: path, Severity: sev, Msg: fmt.Sprintf(format, args...)}
	if off >= 0 && o.data != nil {
		p.Line, p.Col = o.position(off)
	}
	return p
}

// locate fills in the line and column of problems that have a path but no
// position, by walking the JSON once, or for a dataset read from another
// format by asking o.pos. A path with no value of its own (a missing
// field) is placed at its nearest enclosing value.
func (o origin) locate(ps Problems) {
	if o.data == nil {
		if o.pos != nil {
			o.locatePos(ps)
		}
		return
	}
	want := map[string]int{}
	for _, p := range ps {
		if p.Line == 0 && p.Path != "" {
			for path := p.Path; path != ""; path = parentPath(path) {
				want[path] = -1
			}
		}
	}
	if len(want) == 0 {
		return
	}
	o.findPaths(want)
	lines := lineStarts(o.data)
	for i, p := range ps {
		if p.Line != 0 || p.Path == "" {
			continue
		}
		for path := p.Path; path != ""; path = parentPath(path) {
			if off := want[path]; off >= 0 {
				ps[i].Line, ps[i].Col = o.lineCol(lines, off)
				break
			}
		}
	}
}

// findPaths sets want[path] to the offset of each path's value in o.data
// (which Decode has found valid). A path inside an element of a top-level
// list ("events[12].date") is looked for in that element alone, found by
// a byte scan, so that placing a few problems in a large file does not
// walk the whole file token by token again; other paths take one walk.
func (o origin) findPaths(want map[string]int) {
	spans, lists := elementSpans(o.data)
	type elem struct {
		key   string
		index int
	}
	byElem := map[elem]map[string]string{} // element -> relative path -> path
	rest := false
	for path := range want {
		if off, ok := lists[path]; ok {
			want[path] = off // a top-level list itself
			continue
		}
		key, tail, ok := strings.Cut(path, "[")
		end := strings.IndexByte(tail, ']')
		if !ok || end < 0 {
			rest = true
			continue
		}
		i, err := strconv.Atoi(tail[:end])
		if err != nil || i < 0 || i >= len(spans[key]) {
			rest = true
			continue
		}
		e := elem{key, i}
		if byElem[e] == nil {
			byElem[e] = map[string]string{}
		}
		byElem[e][strings.TrimPrefix(tail[end+1:], ".")] = path
	}
	for e, rel := range byElem {
		span := spans[e.key][e.index]
		walkJSON(o.data[span[0]:span[1]], func(off int, path string) {
			if full, ok := rel[path]; ok && want[full] < 0 {
				want[full] = span[0] + off
			}
		}, nil)
	}
	if rest {
		walkJSON(o.data, func(off int, path string) {
			if v, ok := want[path]; ok && v < 0 {
				want[path] = off
			}
		}, nil)
	}
}

// elementSpans returns the byte spans of the elements of every list that
// is the value of a key of data's top-level object ("events": [{…}, …]),
// and the offset of each such list. data must be valid JSON.
func elementSpans(data []byte) (spans map[string][][2]int, lists map[string]int) {
	spans, lists = map[string][][2]int{}, map[string]int{}
	depth, key, keyStart, keyEnd := 0, "", -1, -1
	inList, start := false, -1
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch c {
		case '"':
			j := i + 1
			for j < len(data) && data[j] != '"' {
				if data[j] == '\\' {
					j++
				}
				j++
			}
			if depth == 1 {
				keyStart, keyEnd = i, j+1
			}
			if depth == 2 && inList && start < 0 {
				start = i
			}
			i = j
		case ':':
			if depth == 1 && keyStart >= 0 && keyEnd <= len(data) {
				json.Unmarshal(data[keyStart:keyEnd], &key)
			}
		case '{', '[':
			if depth == 1 && c == '[' {
				inList, start = true, -1
				spans[key], lists[key] = nil, i
			} else if depth == 2 && inList && start < 0 {
				start = i
			}
			depth++
		case '}', ']':
			depth--
			switch {
			case depth == 2 && inList && start >= 0:
				spans[key] = append(spans[key], [2]int{start, i + 1})
				start = -1
			case depth == 1 && inList:
				if start >= 0 { // a last element that is not an object
					spans[key] = append(spans[key], [2]int{start, i})
				}
				inList, start = false, -1
			}
		case ',':
			if depth == 2 && inList && start >= 0 {
				spans[key] = append(spans[key], [2]int{start, i})
				start = -1
			}
		case ' ', '\t', '\r', '\n':
		default:
			if depth == 2 && inList && start < 0 {
				start = i
			}
		}
	}
	return spans, lists
}

// locatePos is locate for a dataset read from another format: each
// problem is placed where o.pos places its path or, failing that, the
// nearest enclosing path ("events[3].sources[1]", then
// "events[3].sources", then "events[3]").
func (o origin) locatePos(ps Problems) {
	for i, p := range ps {
		if p.Line != 0 || p.Path == "" {
			continue
		}
		for path := p.Path; path != ""; path = parentPath(path) {
			if line, col := o.pos(path); line > 0 {
				ps[i].Line, ps[i].Col = line, max(col, 1)
				break
			}
		}
	}
}

// pathAt returns the path of the innermost value of data that starts at
// or before offset off.
func pathAt(data []byte, off int) string {
	var at string
	walkJSON(data, func(start int, path string) {
		if start <= off {
			at = path
		}
	}, nil)
	return at
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
	if len(data) > MaxInput {
		return nil, Problems{{File: name, Msg: fmt.Sprintf("file is %d bytes; the largest dataset read is %d bytes", len(data), MaxInput)}}
	}
	sum := sha256.Sum256(data)
	o := origin{name: name, sha256: hex.EncodeToString(sum[:]), data: data}
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
	lines := lineStarts(data)
	err := walkJSON(data, nil, func(off int, path, msg string) {
		p := Problem{File: name, Path: path, Msg: msg}
		p.Line, p.Col = o.lineCol(lines, off)
		ps = append(ps, p)
	})
	if err != nil {
		return nil, ps // a syntax error: the walk stopped there
	}
	// Duplicate and unknown fields and values of the wrong type are all
	// reported by the walk. The first two do not stop the decode, so that
	// Load can go on to report the problems of meaning too; a value of the
	// wrong type does.
	var raw rawDataset
	if err := json.Unmarshal(body, &raw); len(ps) > 0 && err != nil {
		return nil, ps
	} else if err != nil {
		// The walk checks every type the format has, so this is a
		// number out of range or a check the walk lacks.
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			off := skip + int(te.Offset) - 1
			ps = append(ps, o.problem(off, pathAt(data, off), SeverityError, "%s is not a %s", describeJSON(te.Value), goTypeName(te.Type)))
		} else {
			ps = append(ps, o.problem(-1, "", SeverityError, "%v", err))
		}
		return nil, ps
	}
	d := raw.dataset(o, &ps)
	o.locate(ps)
	return d, ps
}

// Load decodes and validates a dataset. It returns the dataset and its
// warnings in file order, or the warnings and an error listing every
// error found: unknown fields, bad dates and problems of meaning are
// reported together.
func Load(name string, data []byte) (*Dataset, Problems, error) {
	d, ps := decode(name, data)
	if d == nil {
		return nil, nil, ps.Err()
	}
	// A bad date is a zero Date in d: Validate would report it again as
	// missing.
	reported := map[string]bool{}
	for _, p := range ps {
		reported[p.Path] = true
	}
	for _, p := range d.Validate() {
		if !reported[p.Path] || p.Severity == SeverityWarning {
			ps = append(ps, p)
		}
	}
	ws := ps.Warnings()
	slices.SortStableFunc(ws, comparePositions) // file order, as Err lists errors
	if err := ps.Err(); err != nil {
		return nil, ws, err
	}
	return d, ws, nil
}

// Encode writes d in the JSON format Decode reads, indented, ending in a
// newline; an absent list is written as []. Decode(Encode(d)) gives a
// dataset equal to d.
func Encode(w io.Writer, d *Dataset) error {
	out := *d
	out.Eras = nonNil(out.Eras)
	out.Categories = nonNil(out.Categories)
	out.Sources = nonNil(out.Sources)
	out.Events = nonNil(out.Events)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(&out)
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
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

// jsonKind names the kind of JSON value a field of the format holds.
type jsonKind string

const (
	kindString jsonKind = "string"
	kindWhole  jsonKind = "whole number"
	kindList   jsonKind = "list (JSON array)"
	kindObject jsonKind = "JSON object"
)

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// fieldKinds returns the JSON names of the fields of struct type t and
// the kind of value each holds.
func fieldKinds(t reflect.Type) map[string]jsonKind {
	kinds := map[string]jsonKind{}
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		switch ft := f.Type; {
		case reflect.PointerTo(ft).Implements(textUnmarshaler), ft.Kind() == reflect.String:
			kinds[name] = kindString
		case ft.Kind() == reflect.Int:
			kinds[name] = kindWhole
		case ft.Kind() == reflect.Slice:
			kinds[name] = kindList
		default:
			kinds[name] = kindObject
		}
	}
	return kinds
}

// fieldKind gives, for the top level ("") and for each list of objects,
// the kind of every field.
var fieldKind = map[string]map[string]jsonKind{
	"":           fieldKinds(reflect.TypeFor[Dataset]()),
	"eras":       fieldKinds(reflect.TypeFor[Era]()),
	"categories": fieldKinds(reflect.TypeFor[Category]()),
	"sources":    fieldKinds(reflect.TypeFor[Source]()),
	"events":     fieldKinds(reflect.TypeFor[Event]()),
}

// tokenKind returns the kind of a JSON token that starts a value and how
// to name it in a message.
func tokenKind(tok json.Token) (jsonKind, string) {
	switch tok := tok.(type) {
	case json.Delim:
		if tok == '[' {
			return kindList, "a JSON array"
		}
		return kindObject, "a JSON object"
	case string:
		return kindString, "a JSON string"
	case json.Number:
		return kindWhole, "the number " + string(tok)
	case bool:
		return "bool", strconv.FormatBool(tok)
	}
	return "null", "null"
}

// frame is one open JSON container during walkJSON.
type frame struct {
	array     bool
	key       string // the key being read, in an object
	index     int    // the element being read, in an array
	expectKey bool
	seen      map[string]bool
}

// walkJSON checks data token by token, skipping a byte order mark. It
// reports through report (which may be nil) each syntax error, duplicate
// or unknown field, value of the wrong type and excess nesting, and calls
// visit (which may be nil) with the byte offset and path of every value.
// It returns an error, after reporting it, when the syntax is broken and
// the walk cannot go on.
func walkJSON(data []byte, visit func(off int, path string), report func(off int, path, msg string)) error {
	if report == nil {
		report = func(int, string, string) {}
	}
	start := 0
	if bytes.HasPrefix(data, bom) {
		start = len(bom)
	}
	dec := json.NewDecoder(bytes.NewReader(data[start:]))
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
	// here returns the path of where the walk is: the value being read, or
	// the object whose next key is awaited.
	here := func() string {
		n := len(stack)
		if n > 0 && !stack[n-1].array && stack[n-1].expectKey {
			return pathOf(n - 1)
		}
		return pathOf(n)
	}
	// expect returns the kind of value the format has at depth n, or ""
	// when it does not say.
	expect := func(n int) jsonKind {
		switch {
		case n == 1:
			return fieldKind[""][stack[0].key]
		case n == 2 && stack[1].array && fieldKind[stack[0].key] != nil && stack[0].key != "":
			return kindObject
		case n == 3 && stack[1].array && !stack[2].array:
			return fieldKind[stack[0].key][stack[2].key]
		case n == 4 && stack[1].array && !stack[2].array && stack[3].array &&
			fieldKind[stack[0].key][stack[2].key] == kindList:
			return kindString // events[i].tags[j], events[i].sources[j]
		}
		return ""
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
		off := start + int(dec.InputOffset())
		for off < len(data) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
			off++
		}
		tok, err := dec.Token()
		if err == io.EOF {
			if !done {
				report(len(data), here(), "unexpected end of file")
				return errors.New("eof")
			}
			return nil
		}
		if err != nil {
			msg := strings.TrimPrefix(err.Error(), "json: ")
			var se *json.SyntaxError
			switch {
			case errors.Is(err, io.ErrUnexpectedEOF):
				off, msg = len(data), "unexpected end of file: the JSON is cut short"
			case errors.As(json.Unmarshal(data[start:], new(json.RawMessage)), &se):
				// The offsets of the Decoder's syntax errors are not always
				// those of the bad byte (within a value they count from the
				// value's start); those of Unmarshal's first scan are.
				off, msg = start+int(se.Offset)-1, strings.TrimPrefix(se.Error(), "json: ")
			}
			report(off, here(), "syntax error: "+msg)
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
		if n == 2 && stack[1].array && stack[1].index >= MaxEvents && stack[0].key == "events" {
			report(off, pathOf(n), fmt.Sprintf("more than %d events; the largest dataset read has %d", MaxEvents, MaxEvents))
			return errors.New("too many events")
		}
		if visit != nil {
			visit(off, pathOf(n))
		}
		if want := expect(n); n > 0 && want != "" && tok != nil {
			got, desc := tokenKind(tok)
			if num, ok := tok.(json.Number); ok && want == kindWhole {
				if _, err := strconv.ParseInt(string(num), 10, 0); err != nil {
					report(off, pathOf(n), desc+" is not a whole number")
				}
			} else if got != want {
				report(off, pathOf(n), desc+" is not a "+string(want))
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
