package timelinejs

import (
	"cmp"
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
	if _, err := input.Check(name, data, "a TimelineJS file is a JSON object with an \"events\" list"); err != nil {
		return nil, nil, err
	}
	r := newReader(name)
	w := input.NewWalk(name, data, jsonForm)
	root := readTree(w)
	r.lines = w.Lines
	if w.Run() != nil || len(w.Problems) > 0 {
		for _, p := range w.Problems {
			r.rep.Add(p.Line, p.Col, p.Path, "%s", p.Msg)
		}
		return nil, nil, r.rep.Err()
	}
	top := root.members
	var title *slideIn
	var events, eras []*slideIn
	for _, k := range sortedKeys(top) {
		v := top[k]
		switch k {
		case "title":
			if isNull(v) {
				continue
			}
			title = r.slide(v, "title", kindTitle)
		case "events":
			events = r.slides(v, "events", kindEvent)
		case "eras":
			eras = r.slides(v, "eras", kindEra)
		case "scale":
			// Kept, so that an export writes it back; timeline draws every
			// scale alike.
			switch s := r.str(v, "scale"); strings.ToLower(strings.TrimSpace(s.s)) {
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

// node is a JSON value of the file, as the walk read it.
type node struct {
	kind    byte             // as input.Value's
	off     int              // where it begins in the file
	s       string           // the text of a string, the bytes of a number or literal
	members map[string]*node // an object's
	items   []*node          // an array's
}

// readTree makes w, when it runs, build the tree of the file's values,
// whose root it returns.
func readTree(w *input.Walk) *node {
	root := &node{}
	var stack []*node // the containers of the value read, outermost first
	w.Value = func(v input.Value) {
		n := root
		if stack = stack[:len(w.Stack)]; len(stack) > 0 {
			n = &node{}
			if p := stack[len(stack)-1]; p.kind == '[' {
				p.items = append(p.items, n)
			} else {
				p.members[w.Stack[len(w.Stack)-1].Key] = n
			}
		}
		n.kind, n.off = v.Kind, v.Off
		if s, ok := w.Str(v); ok {
			n.s = s
		} else {
			n.s = string(v.Raw)
		}
		if v.Kind == '{' {
			n.members = map[string]*node{}
		}
		if v.Kind == '{' || v.Kind == '[' {
			stack = append(stack, n)
		}
	}
	return root
}

// sortedKeys returns the keys of m, "title", "events" and "eras" first
// (so that the title's problems are reported first), then the others by
// name. The order does not matter to the result; it makes the order of
// messages stable.
func sortedKeys(m map[string]*node) []string {
	first := []string{"title", "events", "eras"}
	rank := func(k string) int { return cmp.Or(slices.Index(first, k)+1, len(first)+1) }
	return slices.SortedFunc(maps.Keys(m), func(a, b string) int { return cmp.Or(rank(a)-rank(b), strings.Compare(a, b)) })
}

// get returns the member k of n, or nil.
func (n *node) get(k string) *node {
	if n == nil {
		return nil
	}
	return n.members[k]
}

// place returns the line and column of n; the zero place for nil.
func (r *reader) place(n *node) place {
	if n == nil {
		return place{}
	}
	line, col := r.lines.Pos(n.off)
	return place{Line: int32(line), Col: int32(col)}
}

func isNull(n *node) bool { return n == nil || n.kind == 'n' }

// jsonKind names the kind of a JSON value for messages.
func jsonKind(n *node) string {
	switch n.kind {
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
func (r *reader) str(n *node, path string) value {
	v := value{path: path}
	switch {
	case isNull(n):
	case n.kind == '"' || n.kind == '0':
		v.s, v.set = n.s, true
	default:
		r.errorf(v, "%s is not a string", jsonKind(n))
	}
	return v
}

// slides reads a list of slides.
func (r *reader) slides(n *node, path string, kind slideKind) []*slideIn {
	if isNull(n) {
		return nil
	}
	if n.kind != '[' {
		r.errorf(value{path: path}, "%s is not a list of slides", jsonKind(n))
		return nil
	}
	out := make([]*slideIn, 0, len(n.items))
	for i, it := range n.items {
		if s := r.slide(it, path+"["+strconv.Itoa(i)+"]", kind); s != nil {
			out = append(out, s)
		}
		n.items[i] = nil // read: its values need not stay in memory
	}
	return out
}

// slide reads one slide, era or title: the fields of a TimelineJS slide
// object (json-format.html, "Slide objects").
func (r *reader) slide(n *node, path string, kind slideKind) *slideIn {
	s := &slideIn{kind: kind, path: path}
	strs := map[string]*value{"group": &s.group, "display_date": &s.display, "unique_id": &s.uniqueID}
	m := r.members(n, path, "slide", strs, func(k string, v *node, p string) bool {
		switch k {
		case "start_date":
			s.start = r.dateObj(v, p)
			if kind == kindTitle && s.start.set {
				r.dropped("the title slide's date", "the title has no date")
			}
		case "end_date":
			s.end = r.dateObj(v, p)
		case "text":
			r.members(v, p, "text object", map[string]*value{"headline": &s.headline, "text": &s.text}, nil)
		case "media":
			s.media = r.jsonMedia(v, p)
		case "background":
			if !isNull(v) {
				r.dropped(kindNames[kind]+" backgrounds", "timeline draws no slide backgrounds")
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
	if m == nil {
		if isNull(n) {
			r.errorf(value{path: path}, "null is not a slide")
		}
		return nil
	}
	text, media := m["text"], m["media"]
	for k, v := range [nAt]*node{n, m["start_date"], m["display_date"], text.get("headline"), text.get("text"),
		m["group"], m["unique_id"], media.get("credit"), media.get("url")} {
		s.at[k] = r.place(v)
	}
	return s
}

// members reads the object n at path, a what ("slide"), and returns its
// members (nil for null or another kind). It reads them by name (a
// slide's in the order of sortedKeys): a member named in strs as a string
// into the value it points to, another as other (which may be nil) reads
// it. A member neither knows is dropped as an unknown field.
func (r *reader) members(n *node, path, what string, strs map[string]*value,
	other func(k string, v *node, p string) bool) map[string]*node {
	if n == nil {
		return nil
	}
	if n.kind != '{' && n.kind != 'n' {
		r.errorf(value{path: path}, "%s is not a %s (a JSON object)", jsonKind(n), what)
	}
	m := n.members
	keys := slices.Sorted(maps.Keys(m))
	if what == "slide" {
		keys = sortedKeys(m)
	}
	for _, k := range keys {
		p := path + "." + k
		if dst, ok := strs[k]; ok {
			*dst = r.str(m[k], p)
		} else if other == nil || !other(k, m[k], p) {
			r.dropped(fmt.Sprintf("unknown field %q of %ss", k, what), "TimelineJS does not define it")
		}
	}
	return m
}

// jsonMedia reads a media object (json-format.html, "Media objects").
func (r *reader) jsonMedia(n *node, path string) mediaIn {
	var mi mediaIn
	strs := map[string]*value{"url": &mi.url, "credit": &mi.credit, "caption": &mi.caption, "thumbnail": &mi.thumbnail, "alt": &mi.alt}
	r.members(n, path, "media object", strs, func(k string, v *node, p string) bool {
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
func (r *reader) dateObj(n *node, path string) dateIn {
	d := dateIn{year: value{path: path + ".year"}}
	strs := map[string]*value{"year": &d.year, "month": &d.month, "day": &d.day, "hour": &d.hour, "minute": &d.minute,
		"second": &d.second, "millisecond": &d.ms, "display_date": &d.display, "display_text": &d.display}
	d.set = r.members(n, path, "date object", strs, func(k string, _ *node, _ string) bool {
		if k == "format" || k == "format_short" {
			r.dropped("date formats", "timeline labels dates itself; use display_date for a label of your own")
			return true
		}
		return false
	}) != nil
	return d
}
