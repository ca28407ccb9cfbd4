package timelinejs

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
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
			title = r.slide(raw, "title", kindTitle)
		case "events":
			events = r.slides(raw, "events", kindEvent)
		case "eras":
			eras = r.slides(raw, "eras", kindEra)
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
	r.pos.json = w.Pos()
	if len(r.rep.Problems) > 0 {
		input.Locate(r.rep.Problems, r.pos.json)
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

// sortedKeys returns the keys of m, "title", "events" and "eras" first
// (so that the title's problems are reported first), then the others by
// name. The order does not matter to the result; it makes the order of
// messages stable.
func sortedKeys(m map[string]json.RawMessage) []string {
	first := []string{"title", "events", "eras"}
	rank := func(k string) int { return cmp.Or(slices.Index(first, k)+1, len(first)+1) }
	return slices.SortedFunc(maps.Keys(m), func(a, b string) int { return cmp.Or(rank(a)-rank(b), strings.Compare(a, b)) })
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
	s := &slideIn{kind: kind, path: path, json: true}
	strs := map[string]*value{"group": &s.group, "display_date": &s.display, "unique_id": &s.uniqueID}
	r.members(m, sortedKeys(m), path, "slides", strs, func(k string, v json.RawMessage, p string) bool {
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
			r.members(t, slices.Sorted(maps.Keys(t)), p, "text objects", map[string]*value{"headline": &s.headline, "text": &s.text}, nil)
		case "media":
			s.media = r.jsonMedia(v, p)
		case "background":
			if !isNull(v) {
				r.dropped(kindName(kind)+" backgrounds", "timeline draws no slide backgrounds")
			}
		case "autolink":
			r.dropped("autolink", "timeline makes no links from plain text; links in the text become sources")
		case "scale":
			r.dropped("the scale of slides", "TimelineJS reads the scale of the whole timeline only")
		case "type":
			// The sheet's Type column, sometimes left in JSON made from it.
		default:
			return false
		}
		return true
	})
	return s
}

// members reads the members of the object m at path, in the order of
// keys: a member named in strs as a string into the value it points to,
// another as other (which may be nil) reads it. A member neither knows is
// dropped as an unknown field of what ("slides").
func (r *reader) members(m map[string]json.RawMessage, keys []string, path, what string, strs map[string]*value,
	other func(k string, v json.RawMessage, p string) bool) {
	for _, k := range keys {
		p := path + "." + k
		if dst, ok := strs[k]; ok {
			*dst = r.str(m[k], p)
		} else if other == nil || !other(k, m[k], p) {
			r.dropped(fmt.Sprintf("unknown field %q of %s", k, what), "TimelineJS does not define it")
		}
	}
}

// jsonMedia reads a media object (json-format.html, "Media objects").
func (r *reader) jsonMedia(raw json.RawMessage, path string) mediaIn {
	var mi mediaIn
	m := r.object(raw, path, "media object")
	strs := map[string]*value{"url": &mi.url, "credit": &mi.credit, "caption": &mi.caption, "thumbnail": &mi.thumbnail, "alt": &mi.alt}
	r.members(m, slices.Sorted(maps.Keys(m)), path, "media objects", strs, func(k string, v json.RawMessage, p string) bool {
		if k != "title" && k != "link" && k != "link_target" {
			return false
		}
		if c := r.str(v, p); strings.TrimSpace(c.s) != "" {
			mi.other = true
		}
		return true
	})
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
	strs := map[string]*value{"year": &d.year, "month": &d.month, "day": &d.day, "hour": &d.hour, "minute": &d.minute,
		"second": &d.second, "millisecond": &d.ms, "display_date": &d.display, "display_text": &d.display}
	r.members(m, slices.Sorted(maps.Keys(m)), path, "date objects", strs, func(k string, _ json.RawMessage, _ string) bool {
		if k == "format" || k == "format_short" {
			r.dropped("date formats", "timeline labels dates itself; use display_date for a label of your own")
			return true
		}
		return false
	})
	return d
}
