package timelinejs

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/timeline-tool/timeline/timeline"
	"github.com/timeline-tool/timeline/timeline/internal/input"
)

// ReadJSON reads a TimelineJS JSON file; name is used in messages. It
// returns the dataset, the notes a user should see (what was dropped, what
// was made up; they do not repeat the file name), or an error listing every problem found, each with its
// file:line:column and JSON path (a *timeline.ProblemsError). The dataset
// is not validated: see timeline.Dataset.Validate, whose problems name
// the line and column of the slide or value a field was made from (an
// event's title its headline, its category its group, its era its
// start_date, a source the text or media credit citing it).
func ReadJSON(name string, data []byte) (*timeline.Dataset, []string, error) {
	body, err := input.Check(name, data, "a TimelineJS file is a JSON object with an \"events\" list")
	if err != nil {
		return nil, nil, err
	}
	r := newReader(name)
	w := input.NewWalk(name, data, jsonForm)
	places := &jsonPlaces{lines: w.Lines}
	w.Value = func(v input.Value) { places.visit(v.Off, w.Stack) }
	if w.Run() != nil || len(w.Problems) > 0 {
		for _, p := range w.Problems {
			r.rep.Add(p.Line, p.Col, p.Path, "%s", p.Msg)
		}
		return nil, nil, r.rep.Err()
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
			// Kept, so that an export writes it back; timeline draws every
			// scale alike.
			switch s := r.str(raw, "scale"); strings.ToLower(strings.TrimSpace(s.s)) {
			case "":
			case timeline.ScaleHuman, timeline.ScaleCosmological:
				r.scale = strings.ToLower(strings.TrimSpace(s.s))
			default:
				r.dropped(`scale "`+s.s+`"`, `TimelineJS knows the scales "human" and "cosmological"`)
			}
		default:
			r.dropped(fmt.Sprintf("unknown field %q", k), "TimelineJS does not define it")
		}
	}
	if _, ok := top["events"]; !ok {
		r.rep.Add(1, 1, "", "no \"events\" list: a TimelineJS file is a JSON object with an \"events\" list of slides")
	} else if len(events) == 0 && len(r.rep.Problems) == 0 {
		r.rep.Add(0, 0, "events", "no events: the \"events\" list is empty")
	}
	d := r.build(title, events, eras)
	if len(r.rep.Problems) > 0 {
		input.Locate(r.rep.Problems, w.Pos())
		return nil, nil, r.rep.Err()
	}
	d.SetOrigin(input.NewOrigin(name, data, r.pos.position))
	return d, r.notes(), nil
}

// jsonForm is what a TimelineJS JSON file is, for the messages of the walk.
var jsonForm = input.JSONForm{
	Object:   "a TimelineJS file is a JSON object with an \"events\" list",
	End:      "the closing } of the timeline",
	MaxItems: MaxEvents,
	TooMany:  "more than %d slides; the most read is %d",
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
			s.media = r.jsonMedia(v, p)
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
			r.dropped("the scale of slides", "TimelineJS reads the scale of the whole timeline only")
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

// jsonMedia reads a media object (json-format.html, "Media objects").
func (r *reader) jsonMedia(raw json.RawMessage, path string) mediaIn {
	var mi mediaIn
	m := r.object(raw, path, "media object")
	for _, k := range sortedKeysOf(m) {
		v := m[k]
		p := path + "." + k
		switch k {
		case "url":
			mi.url = r.str(v, p)
		case "credit":
			mi.credit = r.str(v, p)
		case "caption":
			mi.caption = r.str(v, p)
		case "thumbnail":
			mi.thumbnail = r.str(v, p)
		case "alt":
			mi.alt = r.str(v, p)
		case "title", "link", "link_target":
			if c := r.str(v, p); strings.TrimSpace(c.s) != "" {
				mi.other = true
			}
		default:
			r.dropped(fmt.Sprintf("unknown field %q of media objects", k), "TimelineJS does not define it")
		}
	}
	return mi
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
