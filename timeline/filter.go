package timeline

import (
	"fmt"
	"slices"
	"strings"
)

// Filter selects events. An event is kept when it matches every field that
// is set: its era is one of Eras, its category one of Categories, it has
// one of Tags, its status is one of Statuses, its date overlaps the span
// from From to To, and every word of Text is found in its searchable text.
// The zero Filter keeps everything.
//
// Text is split into words at spaces; each word must occur, folded (Fold:
// ignoring case and accents, typographic and straight quotes alike), in
// one of the event's title, summary, attribution, tags or the titles of
// the sources it cites. "mek terrorist" keeps an event whose title has
// "MEK" and whose summary has "terrorist"; "hussein's" finds
// "Hussein’s". The HTML page's search box keeps the same events.
type Filter struct {
	Eras       []string
	Categories []string
	Tags       []string
	Statuses   []Status
	From, To   Date
	Text       string
}

// IsZero reports whether f keeps every event.
func (f Filter) IsZero() bool {
	return len(f.Eras) == 0 && len(f.Categories) == 0 && len(f.Tags) == 0 && len(f.Statuses) == 0 &&
		f.From.IsZero() && f.To.IsZero() && f.Text == ""
}

// UnknownIDError is the error of a filter naming an era or category that the
// dataset does not define.
type UnknownIDError struct {
	Kind  string   // "era", "category" or "tag"
	ID    string   // the unknown id
	Valid []string // the ids the dataset defines
}

func (e *UnknownIDError) Error() string {
	if len(e.Valid) == 0 {
		return fmt.Sprintf("unknown %s %q; the dataset has no %s", e.Kind, e.ID, plural(e.Kind))
	}
	return fmt.Sprintf("unknown %s %q; valid %s: %s", e.Kind, e.ID, plural(e.Kind), strings.Join(e.Valid, ", "))
}

// plural returns the plural of the English noun kind.
func plural(kind string) string {
	switch {
	case strings.HasSuffix(kind, "y"):
		return strings.TrimSuffix(kind, "y") + "ies"
	case strings.HasSuffix(kind, "s"):
		return kind + "es"
	}
	return kind + "s"
}

// Check returns an *UnknownIDError when f names an era or category that d
// does not define or a tag that no event of d has, and an error when From
// comes after To.
func (f Filter) Check(d *Dataset) error {
	for _, id := range f.Eras {
		if d.Era(id) == nil {
			return &UnknownIDError{"era", id, idsOf(d.Eras, func(e *Era) string { return e.ID })}
		}
	}
	for _, id := range f.Categories {
		if d.Category(id) == nil {
			return &UnknownIDError{"category", id, idsOf(d.Categories, func(c *Category) string { return c.ID })}
		}
	}
	if len(f.Tags) > 0 {
		used := map[string]bool{}
		for _, e := range d.Events {
			for _, t := range e.Tags {
				used[t] = true
			}
		}
		for _, t := range f.Tags {
			if !used[t] {
				tags := make([]string, 0, len(used))
				for t := range used {
					tags = append(tags, t)
				}
				slices.Sort(tags)
				return &UnknownIDError{"tag", t, tags}
			}
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.LatestMoment().Compare(f.From.EarliestMoment()) < 0 {
		return fmt.Errorf("the span from %s to %s is empty: --to comes before --from", f.From, f.To)
	}
	return nil
}

func idsOf[T any](xs []T, id func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = id(x)
	}
	return out
}

// Matcher returns a function that reports whether f keeps an event of d
// (d gives the titles of the sources events cite).
func (f Filter) Matcher(d *Dataset) func(*Event) bool {
	words := SearchWords(f.Text)
	var titles map[string]string
	if len(words) > 0 {
		titles = make(map[string]string, len(d.Sources))
		for _, s := range d.Sources {
			if _, dup := titles[s.ID]; !dup {
				titles[s.ID] = s.Title
			}
		}
	}
	return func(e *Event) bool {
		if !f.matchFields(e) {
			return false
		}
		if len(words) == 0 {
			return true
		}
		hay := SearchText(e, func(id string) string { return titles[id] })
		for _, w := range words {
			if !strings.Contains(hay, w) {
				return false
			}
		}
		return true
	}
}

// SearchText returns the text a search looks in for e, folded (Fold): its
// title, summary, attribution, tags and the titles of the sources it
// cites (sourceTitle gives the title of a source id), one to a line, so
// that no word found spans two of them.
func SearchText(e *Event, sourceTitle func(id string) string) string {
	parts := make([]string, 0, 3+len(e.Tags)+len(e.Sources))
	parts = append(parts, e.Title, PlainText(e.Summary), e.Attribution)
	parts = append(parts, e.Tags...)
	for _, id := range e.Sources {
		parts = append(parts, sourceTitle(id))
	}
	for i, p := range parts {
		parts[i] = Fold(p)
	}
	return strings.Join(parts, "\n")
}

// matchFields reports whether e matches every field of f but Text.
func (f Filter) matchFields(e *Event) bool {
	if len(f.Eras) > 0 && !slices.Contains(f.Eras, e.Era) {
		return false
	}
	if len(f.Categories) > 0 && !slices.Contains(f.Categories, e.Category) {
		return false
	}
	if len(f.Statuses) > 0 && !slices.ContainsFunc(f.Statuses, func(s Status) bool { return s.Normal() == e.Status.Normal() }) {
		return false
	}
	if len(f.Tags) > 0 && !slices.ContainsFunc(e.Tags, func(t string) bool { return slices.Contains(f.Tags, t) }) {
		return false
	}
	if !f.From.IsZero() && e.Date.LatestMoment().Compare(f.From.EarliestMoment()) < 0 {
		return false
	}
	if !f.To.IsZero() && e.Date.EarliestMoment().Compare(f.To.LatestMoment()) > 0 {
		return false
	}
	return true
}

// Apply returns a new dataset holding the events of d that f keeps, in
// d's order, and only the eras, categories and sources they use (the
// document source is always kept, and so are the eras f names, so that
// outputs can say which era is shown). A zero Filter returns a copy of d
// with everything. Apply does not change d; the events, eras, categories
// and sources are shared with d, not copied, but the lists are new. The
// result keeps d's Name and SHA256; its problems have no line and column
// (Apply drops the positions its reader recorded),
// since its paths (events[3]) are not those of the file.
func (f Filter) Apply(d *Dataset) *Dataset {
	out := *d
	if f.IsZero() {
		out.Eras = slices.Clone(d.Eras)
		out.Categories = slices.Clone(d.Categories)
		out.Sources = slices.Clone(d.Sources)
		out.Events = slices.Clone(d.Events)
		return &out
	}
	out.origin = d.origin.WithoutPositions()
	out.Events = []*Event{}
	eras, cats, srcs := map[string]bool{}, map[string]bool{}, map[string]bool{d.Document: true}
	match := f.Matcher(d)
	for _, e := range d.Events {
		if !match(e) {
			continue
		}
		out.Events = append(out.Events, e)
		eras[e.Era] = true
		cats[e.Category] = true
		for _, s := range e.Sources {
			srcs[s] = true
		}
	}
	// Eras named by the filter stay even when empty, so that outputs can
	// say which era is shown.
	for _, id := range f.Eras {
		eras[id] = true
	}
	out.Eras = keep(d.Eras, func(e *Era) bool { return eras[e.ID] })
	out.Categories = keep(d.Categories, func(c *Category) bool { return cats[c.ID] })
	out.Sources = keep(d.Sources, func(s *Source) bool { return srcs[s.ID] })
	return &out
}

func keep[T any](xs []T, ok func(T) bool) []T {
	out := make([]T, 0, len(xs))
	for _, x := range xs {
		if ok(x) {
			out = append(out, x)
		}
	}
	return out
}

// Describe returns f in words, with the labels d gives its ids:
// `Era: Iraq (1986–2003); Text: “rajavi”`, and plurals for several:
// `Categories: Law, War`. The zero Filter is described as "All events".
func (f Filter) Describe(d *Dataset) string {
	if f.IsZero() {
		return "All events"
	}
	var parts []string
	label := func(kind string, ids []string, lookup func(string) string) {
		if len(ids) == 0 {
			return
		}
		ls := make([]string, len(ids))
		for i, id := range ids {
			ls[i] = lookup(id)
		}
		name := kind
		if len(ids) > 1 {
			name = plural(kind)
		}
		parts = append(parts, name+": "+strings.Join(ls, ", "))
	}
	label("Era", f.Eras, func(id string) string {
		if e := d.Era(id); e != nil {
			if s := e.Span.Label(); s != "" {
				return e.Label + " (" + s + ")"
			}
			return e.Label
		}
		return id
	})
	label("Category", f.Categories, func(id string) string {
		if c := d.Category(id); c != nil {
			return c.Label
		}
		return id
	})
	label("Tag", f.Tags, func(id string) string { return id })
	label("Status", idsOf(f.Statuses, func(s Status) string { return string(s) }), func(id string) string { return id })
	switch {
	case !f.From.IsZero() && !f.To.IsZero():
		parts = append(parts, "Dates: "+f.From.Label()+" to "+f.To.Label())
	case !f.From.IsZero():
		parts = append(parts, "Dates: from "+f.From.Label())
	case !f.To.IsZero():
		parts = append(parts, "Dates: until "+f.To.Label())
	}
	if f.Text != "" {
		parts = append(parts, "Text: “"+f.Text+"”")
	}
	return strings.Join(parts, "; ")
}
