package timelinejs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/timeline-tool/timeline/timeline"
)

// maxDepth bounds the nesting of JSON values; TimelineJS needs 4
// (events[i].start_date.year).
const maxDepth = 32

// ReadJSON reads a TimelineJS JSON file; name is used in messages. It
// returns the dataset, the notes a user should see (what was dropped, what
// was made up; they do not repeat the file name), or an error listing every problem found, each with its
// file:line:column and JSON path (a *timeline.ProblemsError). The dataset
// is not validated: see timeline.Dataset.Validate, whose problems name
// the line and column of the slide or value a field was made from (an
// event's title its headline, its category its group, its era its
// start_date, a source the text or media credit citing it).
func ReadJSON(name string, data []byte) (*timeline.Dataset, []string, error) {
	body, err := checkInput(name, data, "a TimelineJS file is a JSON object with an \"events\" list")
	if err != nil {
		return nil, nil, err
	}
	skip := len(data) - len(body)
	r := newReader(name)
	at := func(off int) (int, int) { return position(data, off+skip) }
	places := &jsonPlaces{data: data, skip: skip}
	if err := walkJSON(body, places.visit, func(off int, path, msg string) {
		line, col := at(off)
		r.problemAt(path, line, col, "%s", msg)
	}); err != nil || len(r.problems) > 0 {
		return nil, nil, r.err()
	}

	var top map[string]json.RawMessage
	if err := json.Unmarshal(body, &top); err != nil {
		return nil, nil, timeline.Problems{{File: name, Msg: err.Error()}}.Err()
	}
	var title *slideIn
	var events, eras []*slideIn
	for _, k := range sortedKeys(top) {
		raw := top[k]
		switch k {
		case "title":
			if isNull(raw) {
				continue
			}
			if title = r.slide(raw, "title", kindTitle); title != nil {
				title.at = places.resolve(&places.title)
			}
		case "events":
			events = r.slides(raw, "events", kindEvent)
			places.set(events, places.events)
		case "eras":
			eras = r.slides(raw, "eras", kindEra)
			places.set(eras, places.eras)
		case "scale":
			if s := r.str(raw, "scale"); s.s != "" && s.s != "human" {
				r.dropped(`scale "`+s.s+`"`, "timeline reads years -9999 to 9999 on one scale")
			}
		default:
			r.dropped(fmt.Sprintf("unknown field %q", k), "TimelineJS does not define it")
		}
	}
	if _, ok := top["events"]; !ok {
		r.problemAt("", 1, 1, "no \"events\" list: a TimelineJS file is a JSON object with an \"events\" list of slides")
	} else if len(events) == 0 && len(r.problems) == 0 {
		r.problemAt("events", 0, 0, "no events: the \"events\" list is empty")
	}
	d := r.build(title, events, eras)
	if len(r.problems) > 0 {
		locate(body, r.problems, at)
		return nil, nil, r.err()
	}
	d.SetOrigin(name, data)
	d.SetPositions(r.pos.position)
	return d, r.notes(), nil
}

func sortedKeys(m map[string]json.RawMessage) []string {
	// The order of the keys does not matter to the result; sorting makes
	// the order of messages stable. "title" comes first so that its
	// problems are reported first.
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		rank := func(s string) int {
			switch s {
			case "title":
				return 0
			case "events":
				return 1
			case "eras":
				return 2
			}
			return 3
		}
		if c := rank(a) - rank(b); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return keys
}

func isNull(raw json.RawMessage) bool { return len(raw) == 0 || string(raw) == "null" }

// jsonKind names the kind of a JSON value for messages.
func jsonKind(raw json.RawMessage) string {
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "a string"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "a number"
}

// str reads a JSON string or number (TimelineJS coerces numbers) at path.
func (r *reader) str(raw json.RawMessage, path string) value {
	v := value{path: path}
	if isNull(raw) {
		return v
	}
	switch raw[0] {
	case '"':
		if err := json.Unmarshal(raw, &v.s); err != nil {
			r.errorf(v, "%v", err)
		}
		v.set = true
	case '{', '[', 't', 'f':
		r.errorf(v, "%s is not a string", jsonKind(raw))
	default:
		v.s, v.set = string(raw), true
	}
	return v
}

// object reads a JSON object at path; null or absent gives nil.
func (r *reader) object(raw json.RawMessage, path, what string) map[string]json.RawMessage {
	if isNull(raw) {
		return nil
	}
	if raw[0] != '{' {
		r.errorf(value{path: path}, "%s is not a %s (a JSON object)", jsonKind(raw), what)
		return nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		r.errorf(value{path: path}, "%v", err)
	}
	return m
}

// slides reads a list of slides.
func (r *reader) slides(raw json.RawMessage, path string, kind slideKind) []*slideIn {
	if isNull(raw) {
		return nil
	}
	if raw[0] != '[' {
		r.errorf(value{path: path}, "%s is not a list of slides", jsonKind(raw))
		return nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		r.errorf(value{path: path}, "%v", err)
		return nil
	}
	out := make([]*slideIn, 0, len(items))
	for i, it := range items {
		if s := r.slide(it, path+"["+strconv.Itoa(i)+"]", kind); s != nil {
			s.index = i
			out = append(out, s)
		}
	}
	return out
}

// slide reads one slide, era or title: the fields of a TimelineJS slide
// object (json-format.html, "Slide objects").
func (r *reader) slide(raw json.RawMessage, path string, kind slideKind) *slideIn {
	m := r.object(raw, path, "slide")
	if m == nil {
		if isNull(raw) {
			r.errorf(value{path: path}, "null is not a slide")
		}
		return nil
	}
	s := &slideIn{kind: kind, path: path}
	where := kindName(kind) + " "
	for _, k := range sortedKeys(m) {
		v := m[k]
		p := path + "." + k
		switch k {
		case "start_date":
			s.start = r.dateObj(v, p)
			if kind == kindTitle && s.start.set {
				r.dropped("the title slide's date", "the title has no date")
			}
		case "end_date":
			s.end = r.dateObj(v, p)
		case "text":
			t := r.object(v, p, "text object")
			for _, tk := range sortedKeysOf(t) {
				switch tk {
				case "headline":
					s.headline = r.str(t[tk], p+".headline")
				case "text":
					s.text = r.str(t[tk], p+".text")
				default:
					r.dropped(fmt.Sprintf("unknown field %q of text objects", tk), "TimelineJS does not define it")
				}
			}
		case "media":
			r.media(s, v, p)
		case "group":
			s.group = r.str(v, p)
		case "display_date":
			s.display = r.str(v, p)
		case "unique_id":
			s.uniqueID = r.str(v, p)
		case "background":
			if !isNull(v) {
				r.dropped(where+"backgrounds", "timeline draws no slide backgrounds")
			}
		case "autolink":
			r.dropped("autolink", "timeline makes no links from plain text; links in the text become sources")
		case "scale":
			r.dropped("the scale of slides", "timeline reads years -9999 to 9999 on one scale")
		case "type":
			// The sheet's Type column, sometimes left in JSON made from it.
		default:
			r.dropped(fmt.Sprintf("unknown field %q of slides", k), "TimelineJS does not define it")
		}
	}
	return s
}

func sortedKeysOf(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// media reads a media object (json-format.html, "Media objects").
func (r *reader) media(s *slideIn, raw json.RawMessage, path string) {
	m := r.object(raw, path, "media object")
	for _, k := range sortedKeysOf(m) {
		v := m[k]
		p := path + "." + k
		switch k {
		case "url":
			s.mediaURL = r.str(v, p)
		case "credit":
			s.mediaCredit = r.str(v, p)
		case "caption":
			if c := r.str(v, p); plain(c.s) != "" {
				r.dropped("media captions", "media are not shown")
			}
		case "thumbnail":
			if c := r.str(v, p); c.s != "" {
				r.dropped("media thumbnails", "timeline draws no marker images")
			}
		case "alt":
			if c := r.str(v, p); c.s != "" {
				r.dropped("media alt text", "media are not shown")
			}
		case "title", "link", "link_target":
			if c := r.str(v, p); c.s != "" {
				r.dropped("media "+k+"s", "media are not shown")
			}
		default:
			r.dropped(fmt.Sprintf("unknown field %q of media objects", k), "TimelineJS does not define it")
		}
	}
}

// dateObj reads a date object (json-format.html, "Date objects"): year,
// month, day, hour, minute, second, millisecond as numbers or strings of
// digits, and display_date.
func (r *reader) dateObj(raw json.RawMessage, path string) dateIn {
	d := dateIn{path: path}
	d.year.path = path + ".year"
	m := r.object(raw, path, "date object")
	if m == nil {
		return d
	}
	d.set = true
	for _, k := range sortedKeysOf(m) {
		v := m[k]
		p := path + "." + k
		switch k {
		case "year":
			d.year = r.str(v, p)
		case "month":
			d.month = r.str(v, p)
		case "day":
			d.day = r.str(v, p)
		case "hour":
			d.hour = r.str(v, p)
		case "minute":
			d.minute = r.str(v, p)
		case "second":
			d.second = r.str(v, p)
		case "millisecond":
			d.ms = r.str(v, p)
		case "display_date", "display_text":
			d.display = r.str(v, p)
		case "format", "format_short":
			r.dropped("date formats", "timeline labels dates itself; use display_date for a label of your own")
		default:
			r.dropped(fmt.Sprintf("unknown field %q of date objects", k), "TimelineJS does not define it")
		}
	}
	return d
}

// locate fills in the line and column of problems that have a JSON path
// but no position, walking the JSON once. A path with no value of its own
// (a missing field) is placed at its nearest enclosing value.
func locate(body []byte, ps timeline.Problems, at func(off int) (int, int)) {
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
	walkJSON(body, func(off int, stack []frame) {
		if len(stack) > 5 {
			return
		}
		p := framePath(stack)
		if _, ok := want[p]; ok {
			want[p] = off
		}
	}, nil)
	for i, p := range ps {
		if p.Line != 0 || p.Path == "" {
			continue
		}
		for path := p.Path; path != ""; path = parentPath(path) {
			if off := want[path]; off >= 0 {
				ps[i].Line, ps[i].Col = at(off)
				break
			}
		}
	}
}

// parentPath returns the path of the value enclosing path's value:
// "events[3]" for "events[3].start_date", "events" for "events[3]".
func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// frame is one open JSON container during walkJSON.
type frame struct {
	array     bool
	key       string
	index     int
	expectKey bool
	seen      map[string]bool
}

// framePath returns the path of the value the innermost frame of stack
// is at: "events[3].start_date" for the frames of the top-level object
// (at key "events"), the list (at index 3) and the slide (at key
// "start_date").
func framePath(stack []frame) string {
	var b strings.Builder
	for i := range stack {
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

// walkJSON checks the syntax of data token by token, reporting through
// report (which may be nil) broken syntax, duplicate keys, nesting deeper
// than maxDepth, a top level that is not an object, and more than
// MaxEvents slides in a list. It calls visit (which may be nil) with the
// offset of every value and the frames of the containers it is in, which
// visit must not keep. It returns an error when the walk cannot go on.
// Memory use is bounded by the nesting depth, not the size of data.
func walkJSON(data []byte, visit func(off int, stack []frame), report func(off int, path, msg string)) error {
	if report == nil {
		report = func(int, string, string) {}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var stack []frame
	pathOf := func(n int) string { return framePath(stack[:n]) }
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
		for off < len(data) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
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
			report(off, "", "unexpected data after the closing } of the timeline")
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
				report(off, pathOf(n), fmt.Sprintf("duplicate field %q: a field may appear once in an object", key))
			}
			top.seen[key] = true
			continue
		}
		if tok == json.Delim(']') {
			stack = stack[:n-1]
			afterValue()
			done = len(stack) == 0
			continue
		}
		if n > 0 && stack[n-1].array && stack[n-1].index >= MaxEvents && n == 2 {
			report(off, pathOf(n), fmt.Sprintf("more than %d slides; the most read is %d", MaxEvents, MaxEvents))
			return errors.New("too many")
		}
		if visit != nil {
			visit(off, stack)
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			if n == 0 && tok == json.Delim('[') {
				report(off, "", "a TimelineJS file is a JSON object with an \"events\" list, not a list")
				return errors.New("not an object")
			}
			if n >= maxDepth {
				report(off, pathOf(n), fmt.Sprintf("nested more than %d levels deep", maxDepth))
				return errors.New("too deep")
			}
			if tok == json.Delim('{') {
				stack = append(stack, frame{expectKey: true, seen: map[string]bool{}})
			} else {
				stack = append(stack, frame{array: true})
			}
		default:
			if n == 0 {
				report(off, "", "a TimelineJS file is a JSON object with an \"events\" list, not a single value")
				return errors.New("not an object")
			}
			afterValue()
		}
	}
}
