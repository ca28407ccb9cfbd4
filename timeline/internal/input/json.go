package input

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unsafe"

	"github.com/go-json-experiment/json/jsontext"
)

// MaxDepth bounds the nesting of JSON values; the formats need 4.
const MaxDepth = 32

// JSONForm says what the JSON of a format is, for the messages of a walk.
type JSONForm struct {
	Object   string // what the file is, completed by ", not a list": "a dataset is a JSON object"
	End      string // what ends it: "the dataset's closing }"
	List     string // the top-level list MaxItems bounds; "" bounds every one
	MaxItems int    // the most elements of that list; 0 for no bound
	TooMany  string // the message of one element more, with %d for MaxItems twice
}

// Frame is one open JSON container of a walk.
type Frame struct {
	Array bool
	Key   string // the member being read, in an object
	Index int    // the element being read, in an array

	expectKey bool
	names     []string // the members seen, for duplicates
}

// Value is one JSON value met in a walk. Raw is valid only during the
// call it is given to.
type Value struct {
	Off  int    // the offset in the file of its first byte
	Kind byte   // '{', '[', '"', '0' (a number), 't', 'f' or 'n'
	Raw  []byte // the bytes of a string, number or literal; nil for '{' and '['
}

// Walk is one pass over a JSON file: it checks the syntax (RFC 8259),
// reports duplicate members, nesting deeper than MaxDepth, a top level that
// is not an object, data after it and more elements than the form allows,
// and calls Key and Value for every member name and value, so that a
// reader decodes in the same pass. Every problem names its line, column and
// JSON path. Memory use is bounded by the depth, not the size of the file.
type Walk struct {
	Name     string
	Data     []byte // the file, byte order mark included
	Lines    *Lines
	Form     JSONForm
	Stack    []Frame // the containers the walk is in, outermost first
	Problems Problems

	// Key, if not nil, is called with the offset of each member name,
	// which is the innermost frame's Key.
	Key func(off int)
	// Value, if not nil, is called with each value, before the walk
	// goes into it.
	Value func(v Value)

	names map[string]string // member names, interned
	tops  map[string]int    // the offset of each top-level member's value
	elems map[string]*Blocks[int32]
	one   bool // read one value of any kind, with no checks of form
}

// NewWalk returns a walk of the JSON file data, read under name.
func NewWalk(name string, data []byte, form JSONForm) *Walk {
	return &Walk{Name: name, Data: data, Lines: NewLines(data), Form: form,
		names: map[string]string{}, tops: map[string]int{}, elems: map[string]*Blocks[int32]{}}
}

// Errorf records a problem at offset off (none when off < 0) and path.
func (w *Walk) Errorf(off int, path, format string, args ...any) {
	p := Problem{File: w.Name, Path: path, Msg: fmt.Sprintf(format, args...)}
	if off >= 0 {
		p.Line, p.Col = w.Lines.Pos(off)
	}
	w.Problems = append(w.Problems, p)
}

// Path returns the path of the value the innermost frame is at:
// "events[3].date".
func (w *Walk) Path() string { return framePath(w.Stack) }

func framePath(stack []Frame) string {
	var b strings.Builder
	for i := range stack {
		f := &stack[i]
		if f.Array {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(f.Index))
			b.WriteByte(']')
		} else {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(f.Key)
		}
	}
	return b.String()
}

// here returns the path of where the walk is: the value being read, or
// the object whose next member is awaited.
func (w *Walk) here() string {
	if n := len(w.Stack); n > 0 && !w.Stack[n-1].Array && w.Stack[n-1].expectKey {
		return framePath(w.Stack[:n-1])
	}
	return w.Path()
}

// errStop ends a walk after a problem that leaves it unable to go on.
var errStop = errors.New("stop")

// Run walks the file. It returns an error, after recording the problem,
// when the walk could not read to the end.
func (w *Walk) Run() error {
	start := 0
	if !w.one && bytes.HasPrefix(w.Data, bom) {
		start = len(bom)
	}
	dec := jsontext.NewDecoder(bytes.NewBuffer(w.Data[start:]),
		jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	done := false
	for {
		kind := dec.PeekKind()
		var raw []byte
		var err error
		switch kind {
		case '{', '[', '}', ']', 0:
			_, err = dec.ReadToken()
		default:
			raw, err = dec.ReadValue()
		}
		end := start + int(dec.InputOffset())
		if err != nil {
			if err == io.EOF && done {
				return nil
			}
			w.syntaxError(start, end, err)
			return errStop
		}
		off := end - max(len(raw), 1)
		if err := w.token(off, kind, raw, &done); err != nil || (w.one && done) {
			return err
		}
	}
}

// token takes in one token at offset off.
func (w *Walk) token(off int, kind jsontext.Kind, raw []byte, done *bool) error {
	n := len(w.Stack)
	if *done {
		w.Errorf(off, "", "unexpected data after %s", w.Form.End)
		return errStop
	}
	if n > 0 && !w.Stack[n-1].Array && w.Stack[n-1].expectKey {
		if kind == '}' {
			w.pop()
			*done = len(w.Stack) == 0
			return nil
		}
		w.key(off, raw)
		return nil
	}
	if kind == ']' {
		w.pop()
		*done = len(w.Stack) == 0
		return nil
	}
	if n == 0 && !w.one && kind != '{' {
		what := "a single value"
		if kind == '[' {
			what = "a list"
		}
		w.Errorf(off, "", "%s, not %s", w.Form.Object, what)
		return errStop
	}
	if n == 2 && w.Stack[1].Array && w.Form.MaxItems > 0 && w.Stack[1].Index >= w.Form.MaxItems &&
		(w.Form.List == "" || w.Form.List == w.Stack[0].Key) {
		w.Errorf(off, w.Path(), w.Form.TooMany, w.Form.MaxItems, w.Form.MaxItems)
		return errStop
	}
	switch {
	case w.one:
	case n == 1:
		w.tops[w.Stack[0].Key] = off
	case n == 2 && w.Stack[1].Array:
		e := w.elems[w.Stack[0].Key]
		if e == nil {
			e = &Blocks[int32]{}
			w.elems[w.Stack[0].Key] = e
		}
		*e.Next() = int32(off)
	}
	if w.Value != nil {
		w.Value(Value{Off: off, Kind: byte(kind), Raw: raw})
	}
	switch kind {
	case '{', '[':
		if n >= MaxDepth {
			w.Errorf(off, w.Path(), "nested more than %d levels deep", MaxDepth)
			return errStop
		}
		w.push(kind == '[')
	default:
		w.next()
		*done = n == 0
	}
	return nil
}

// key takes in the name of a member at offset off.
func (w *Walk) key(off int, raw []byte) {
	top := &w.Stack[len(w.Stack)-1]
	name, ok := w.names[string(raw)]
	if !ok {
		s, _ := jsontext.AppendUnquote(nil, raw)
		name = string(s)
		if len(w.names) < 1000 {
			w.names[string(raw)] = name
		}
	}
	top.Key, top.expectKey = name, false
	for _, seen := range top.names {
		if seen == name {
			w.Errorf(off, w.Path(), "duplicate field %q", name)
			break
		}
	}
	top.names = append(top.names, name)
	if w.Key != nil {
		w.Key(off)
	}
}

func (w *Walk) push(array bool) {
	n := len(w.Stack)
	if n < cap(w.Stack) {
		w.Stack = w.Stack[:n+1]
		f := &w.Stack[n]
		*f = Frame{Array: array, expectKey: !array, names: f.names[:0]}
		return
	}
	w.Stack = append(w.Stack, Frame{Array: array, expectKey: !array})
}

func (w *Walk) pop() {
	w.Stack = w.Stack[:len(w.Stack)-1]
	w.next()
}

// next moves the innermost frame past the value just read.
func (w *Walk) next() {
	if n := len(w.Stack); n > 0 {
		if f := &w.Stack[n-1]; f.Array {
			f.Index++
		} else {
			f.expectKey = true
		}
	}
}

// syntaxError records the error err of the decoder, which read up to
// offset end of the file. The message and offset are those of
// encoding/json, the ones users of Go tools know; the path is where the
// walk is.
func (w *Walk) syntaxError(start, end int, err error) {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		if len(bytes.TrimSpace(w.Data[min(end, len(w.Data)):])) == 0 {
			w.Errorf(len(w.Data), w.here(), "unexpected end of file")
		} else {
			w.Errorf(len(w.Data), w.here(), "syntax error: unexpected end of file: the JSON is cut short")
		}
		return
	}
	off, msg := end, strings.TrimPrefix(err.Error(), "jsontext: ")
	var se *jsontext.SyntacticError
	if errors.As(err, &se) {
		off = start + int(se.ByteOffset)
	}
	var je *json.SyntaxError
	if errors.As(json.Unmarshal(w.Data[start:], new(json.RawMessage)), &je) {
		off, msg = start+int(je.Offset)-1, strings.TrimPrefix(je.Error(), "json: ")
		if strings.HasPrefix(msg, "unexpected end of JSON input") {
			off, msg = len(w.Data), "unexpected end of file: the JSON is cut short"
		}
	}
	w.Errorf(off, w.here(), "syntax error: %s", msg)
}

// Str returns the text of a string value of the walk; the zero string for
// null. ok is false for a value of another kind. A string without escapes
// shares the bytes of the file, which a dataset keeps anyway (its
// positions are read there), so that the text of a large file is not held
// twice: the file must not change (as NewOrigin asks).
func (w *Walk) Str(v Value) (s string, ok bool) {
	switch v.Kind {
	case 'n':
		return "", true
	case '"':
		if bytes.IndexByte(v.Raw, '\\') < 0 {
			if len(v.Raw) == 2 {
				return "", true
			}
			text := w.Data[v.Off+1 : v.Off+len(v.Raw)-1]
			return unsafe.String(&text[0], len(text)), true
		}
		b, _ := jsontext.AppendUnquote(nil, v.Raw)
		return string(b), true
	}
	return "", false
}

// Describe names a value for a message: "a JSON string", "the number 3",
// "true", "null".
func Describe(v Value) string {
	switch v.Kind {
	case '{':
		return "a JSON object"
	case '[':
		return "a JSON array"
	case '"':
		return "a JSON string"
	case '0':
		return "the number " + string(v.Raw)
	}
	return string(v.Raw)
}

// Pos returns, for a file the walk read to its end, the function that
// places a path of its values: the line and column of the value at a
// path ("events[3].date", "title.text") or 0, 0 when there is none. A
// path inside an element of a top-level list, or inside a top-level
// value, is looked for in that element or value alone, so that placing a
// problem does not read the whole file again.
func (w *Walk) Pos() func(path string) (line, col int) {
	data, lines, tops, elems := w.Data, w.Lines, w.tops, w.elems
	return func(path string) (line, col int) {
		if off, ok := tops[path]; ok {
			return lines.Pos(off)
		}
		var start int
		list, i, field, ok := SplitPath(path)
		top, inTop, _ := strings.Cut(path, ".")
		switch off, isTop := tops[top]; {
		case ok && elems[list] != nil && i < elems[list].Len():
			start = int(*elems[list].At(i))
		case !ok && isTop:
			start, field = off, inTop
		default:
			return 0, 0
		}
		if field == "" {
			return lines.Pos(start)
		}
		sub := &Walk{Data: data[start:], Lines: lines, one: true, names: map[string]string{}}
		found := -1
		sub.Value = func(v Value) {
			if found < 0 && sub.subPath() == field {
				found = start + v.Off
			}
		}
		sub.Run()
		return lines.Pos(found)
	}
}

// subPath is Path for a walk of one element, from within it: "date",
// "sources[1]".
func (w *Walk) subPath() string {
	if len(w.Stack) == 0 {
		return ""
	}
	return strings.TrimPrefix(framePath(w.Stack), ".")
}
