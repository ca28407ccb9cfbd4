package timeline

import (
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/timeline-tool/timeline/timeline/internal/input"
)

// MaxInput is the largest dataset, in bytes, that any reader reads.
const MaxInput = input.MaxBytes

// MaxEvents is the largest number of events Decode reads: a timeline of
// more is not one a reader can use, and the limit bounds memory. Decode
// stops at the first event over it.
const MaxEvents = input.MaxEvents

// form is what our JSON is, for the messages of the walk.
var form = input.JSONForm{
	Object:   "a dataset is a JSON object",
	End:      "the dataset's closing }",
	List:     "events",
	MaxItems: MaxEvents,
	TooMany:  "more than %d events; the largest dataset read has %d",
}

// Decode reads a dataset in the JSON format of this package from data;
// name is used in messages ("mek.json", "standard input"). It reports
// syntax errors, duplicate and unknown fields, values of the wrong type
// and unparsable dates, each with its file:line:column and JSON path, as a
// *ProblemsError. Decode does not check meaning: see Validate and Load. A
// UTF-8 byte order mark is skipped. The dataset keeps data, to place the
// problems Validate finds: data must not change.
func Decode(name string, data []byte) (*Dataset, error) {
	d, ps := decode(name, data)
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return d, nil
}

// decode is Decode, returning the problems found. It reads data in one
// pass, checking its syntax and decoding it at once. The dataset is nil
// when the JSON cannot be read or a value has the wrong type; it is not
// nil, with zero Dates in place of the bad ones, when only dates or
// fields are bad, so that Load can go on to report every other problem
// too.
func decode(name string, data []byte) (*Dataset, Problems) {
	if _, err := input.Check(name, data, "a dataset is a JSON object"); err != nil {
		var pe *ProblemsError
		errors.As(err, &pe)
		return nil, pe.Problems
	}
	b := &builder{w: input.NewWalk(name, data, form), d: &Dataset{}}
	b.w.Key, b.w.Value = b.key, b.value
	if b.w.Run() != nil {
		return nil, b.w.Problems
	}
	b.finish()
	if b.typeErr {
		return nil, b.w.Problems
	}
	b.d.Sources, b.d.Events = b.srcs.Ptrs(), b.evs.Ptrs()
	b.d.origin = input.NewOrigin(name, data, b.w.Pos())
	ps := append(b.w.Problems, b.missing...)
	b.d.origin.Locate(ps)
	return b.d, ps
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
	return Checked(d, ps)
}

// Checked validates d, read with the problems ps (none when nil), and
// returns it with its warnings in file order, or the warnings and an error
// listing every error. A problem Validate finds again at a path ps already
// names (a bad date is a missing one to Validate) is reported once.
func Checked(d *Dataset, ps Problems) (*Dataset, Problems, error) {
	reported := make(map[string]bool, len(ps))
	for _, p := range ps {
		reported[p.Path] = true
	}
	for _, p := range d.Validate() {
		if !reported[p.Path] || p.Severity == SeverityWarning {
			ps = append(ps, p)
		}
	}
	ws := ps.Warnings()
	slices.SortStableFunc(ws, input.ComparePositions) // file order, as Err lists errors
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

// field is a field of the format: its JSON name, its index in its Go
// struct and the kind of value it holds.
type field struct {
	name  string
	index int
	kind  reflect.Kind // String, Int, Slice (of strings, or the top level's lists) or Struct (a Date)
}

// fieldsOf returns the fields of the format in struct type t.
func fieldsOf(t reflect.Type) []field {
	var fs []field
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name != "" && name != "-" && f.IsExported() {
			fs = append(fs, field{name, f.Index[0], f.Type.Kind()})
		}
	}
	return fs
}

// fields gives the fields of the top level ("") and of the elements of
// each list.
var fields = map[string][]field{
	"":           fieldsOf(reflect.TypeFor[Dataset]()),
	"eras":       fieldsOf(reflect.TypeFor[Era]()),
	"categories": fieldsOf(reflect.TypeFor[Category]()),
	"sources":    fieldsOf(reflect.TypeFor[Source]()),
	"events":     fieldsOf(reflect.TypeFor[Event]()),
	"media":      fieldsOf(reflect.TypeFor[Media]()),
}

// lookup returns the field of fs named name.
func lookup(fs []field, name string) (field, bool) {
	for _, f := range fs {
		if f.name == name {
			return f, true
		}
	}
	return field{}, false
}

// names returns the JSON names of fs.
func names(fs []field) string {
	s := make([]string, len(fs))
	for i, f := range fs {
		s[i] = f.name
	}
	return strings.Join(s, ", ")
}

// The kinds of value the format's fields hold, as messages name them.
const (
	kindString = "string"
	kindWhole  = "whole number"
	kindList   = "list (JSON array)"
	kindObject = "JSON object"
)

// builder decodes our JSON as the walk reads it.
type builder struct {
	w       *input.Walk
	d       *Dataset
	typeErr bool     // a value of the wrong type: no dataset
	missing Problems // dates missing, placed once the walk is done

	// The element being read (a struct: an Era, a Category, a Source or
	// an Event), the fields of its kind, and whether its date was read.
	elem    reflect.Value
	fields  []field
	ev      *Event // when elem is an Event
	era     bool   // when elem is an Era
	dated   bool
	srcs    input.Blocks[Source]
	evs     input.Blocks[Event]
	strList []string // storage for lists of strings, in blocks
	from    int      // where in strList the list being read starts
}

// key reports an unknown field of the top level or of an element.
func (b *builder) key(off int) {
	st := b.w.Stack
	var known []field
	switch {
	case len(st) == 1:
		known = fields[""]
	case len(st) == 3 && st[1].Array && !st[2].Array:
		known = fields[st[0].Key]
	case len(st) == 4 && st[0].Key == "events" && st[1].Array && st[2].Key == "media" && !st[3].Array:
		known = fields["media"]
	}
	if _, ok := lookup(known, st[len(st)-1].Key); known != nil && !ok {
		b.w.Errorf(off, b.w.Path(), "unknown field %q; known fields are %s", st[len(st)-1].Key, names(known))
	}
}

// value takes in one value of the walk.
func (b *builder) value(v input.Value) {
	st := b.w.Stack
	switch n := len(st); {
	case n == 1:
		b.set(reflect.ValueOf(b.d).Elem(), fields[""], st[0].Key, v)
	case n == 2 && st[1].Array:
		b.element(st[0].Key, v)
	case n == 3 && st[1].Array && !st[2].Array && b.elem.IsValid():
		b.set(b.elem, b.fields, st[2].Key, v)
	case n == 4 && st[1].Array && !st[2].Array && st[3].Array && b.ev != nil:
		switch st[2].Key {
		case "tags":
			b.item(&b.ev.Tags, st[3].Index, v)
		case "sources":
			b.item(&b.ev.Sources, st[3].Index, v)
		}
	case n == 4 && st[1].Array && st[2].Key == "media" && !st[3].Array && b.ev != nil && b.ev.Media != nil:
		b.set(reflect.ValueOf(b.ev.Media).Elem(), fields["media"], st[3].Key, v)
	}
}

// item takes in element i of a list of strings. The lists share blocks
// of storage, as the events do.
func (b *builder) item(list *[]string, i int, v input.Value) {
	s, _ := b.str(v)
	if i == 0 {
		b.from = len(b.strList)
	}
	if len(b.strList) == cap(b.strList) { // a new block, taking the list along
		block := make([]string, len(b.strList)-b.from, max(1024, 2*(len(b.strList)-b.from)))
		copy(block, b.strList[b.from:])
		b.strList, b.from = block, 0
	}
	b.strList = append(b.strList, s)
	*list = b.strList[b.from:len(b.strList):len(b.strList)]
}

// wrong reports a value that is not of the kind the format wants.
func (b *builder) wrong(v input.Value, want string) {
	b.w.Errorf(v.Off, b.w.Path(), "%s is not a %s", input.Describe(v), want)
	b.typeErr = true
}

// str returns the text of a string value (or "" for null); false, after
// reporting it, for a value of another kind.
func (b *builder) str(v input.Value) (string, bool) {
	s, ok := b.w.Str(v)
	if !ok {
		b.wrong(v, kindString)
	}
	return s, ok
}

// date parses a date value; an absent one is reported by finish.
func (b *builder) date(v input.Value) Date {
	s, ok := b.str(v)
	if !ok || s == "" {
		return Date{}
	}
	b.dated = true
	d, err := ParseDate(s)
	if err != nil {
		var de *DateError
		errors.As(err, &de)
		b.w.Errorf(v.Off, b.w.Path(), "%s", de.Error())
	}
	return d
}

// element starts an element of a top-level list.
func (b *builder) element(list string, v input.Value) {
	b.finish()
	if _, ok := fields[list]; !ok || list == "" {
		return
	}
	if v.Kind != '{' {
		if v.Kind == 'n' {
			b.w.Errorf(v.Off, b.w.Path(), "null is not an object")
		} else {
			b.wrong(v, kindObject)
		}
		return
	}
	d := b.d
	switch list {
	case "eras":
		e := &Era{}
		d.Eras = append(d.Eras, e)
		b.elem, b.era = reflect.ValueOf(e).Elem(), true
	case "categories":
		c := &Category{}
		d.Categories = append(d.Categories, c)
		b.elem = reflect.ValueOf(c).Elem()
	case "sources":
		b.elem = reflect.ValueOf(b.srcs.Next()).Elem()
	case "events":
		b.ev = b.evs.Next()
		b.elem = reflect.ValueOf(b.ev).Elem()
	}
	b.fields = fields[list]
}

// finish ends the element being read: an era or event without a date
// is a problem, placed later.
func (b *builder) finish() {
	path := ""
	switch {
	case b.era && !b.dated:
		path = "eras[" + strconv.Itoa(len(b.d.Eras)-1) + "].span"
	case b.ev != nil && !b.dated:
		path = "events[" + strconv.Itoa(b.evs.Len()-1) + "].date"
	}
	if path != "" {
		b.missing = append(b.missing, Problem{File: b.w.Name, Path: path, Msg: "missing date"})
	}
	b.elem, b.fields, b.ev, b.era, b.dated = reflect.Value{}, nil, nil, false, false
}

// set takes in the field key of the struct elem, whose fields are fs:
// it checks the kind of v and sets the field. An unknown field is
// reported by key; lists are read element by element (see value).
func (b *builder) set(elem reflect.Value, fs []field, key string, v input.Value) {
	f, ok := lookup(fs, key)
	if !ok {
		return
	}
	switch fv := elem.Field(f.index); f.kind {
	case reflect.String:
		if s, ok := b.str(v); ok {
			fv.SetString(s)
		}
	case reflect.Slice: // a list (or null), read element by element
		if v.Kind != '[' && v.Kind != 'n' {
			b.wrong(v, kindList)
		}
	case reflect.Struct: // a Date
		*fv.Addr().Interface().(*Date) = b.date(v)
	case reflect.Pointer: // an event's media
		switch v.Kind {
		case 'n':
		case '{':
			fv.Set(reflect.New(fv.Type().Elem()))
		default:
			b.wrong(v, kindObject)
		}
	case reflect.Int:
		switch n, err := strconv.ParseInt(string(v.Raw), 10, 0); {
		case v.Kind == 'n':
		case v.Kind != '0':
			b.wrong(v, kindWhole)
		case err != nil:
			b.w.Errorf(v.Off, b.w.Path(), "%s is not a whole number", input.Describe(v))
			b.typeErr = true
		default:
			fv.SetInt(n)
		}
	}
}
