// Package timeline is the date-event model of the timeline tool: EDTF dates
// (Date, ParseDate), the dataset of eras, categories, sources and events
// (Dataset, Decode, Load), its checks (Validate) and its filters (Filter).
// It renders nothing and knows no flags.
package timeline

import (
	"cmp"
	"slices"
	"strings"

	"github.com/timeline-tool/timeline/timeline/internal/input"
)

// Status says how firmly the dataset's source states an event. The zero
// Status means StatusEstablished.
type Status string

// The statuses an event can carry.
const (
	StatusEstablished Status = "established" // stated as fact by the source
	StatusReported    Status = "reported"    // reportedly happened; a report says so
	StatusClaimed     Status = "claimed"     // a party claims or asserts it
	StatusAlleged     Status = "alleged"     // an accusation, not established
	StatusDenied      Status = "denied"      // asserted by some, denied by the party concerned
	StatusDisputed    Status = "disputed"    // contested between sources
)

// Statuses lists every status in the order outputs show them.
var Statuses = []Status{StatusEstablished, StatusReported, StatusClaimed, StatusAlleged, StatusDenied, StatusDisputed}

// Normal returns s, with the zero Status as StatusEstablished.
func (s Status) Normal() Status {
	if s == "" {
		return StatusEstablished
	}
	return s
}

// IsZero reports whether s is the default status, so that JSON output
// omits it.
func (s Status) IsZero() bool { return s.Normal() == StatusEstablished }

// Valid reports whether s is one of Statuses or zero.
func (s Status) Valid() bool { return slices.Contains(Statuses, s.Normal()) }

// ParseStatus returns the status named s (case-insensitive).
func ParseStatus(s string) (Status, bool) {
	st := Status(strings.ToLower(strings.TrimSpace(s)))
	if st == "" || !st.Valid() {
		return "", false
	}
	return st, true
}

// SourceKind classifies a source.
type SourceKind string

// The kinds of source.
const (
	KindGovernment  SourceKind = "government"
	KindCourt       SourceKind = "court"
	KindLegislation SourceKind = "legislation"
	KindPress       SourceKind = "press"
	KindScholarly   SourceKind = "scholarly"
	KindAdvocacy    SourceKind = "advocacy"
	KindResearch    SourceKind = "research"
	KindOther       SourceKind = "other"
)

// SourceKinds lists every kind of source.
var SourceKinds = []SourceKind{KindGovernment, KindCourt, KindLegislation, KindPress, KindScholarly, KindAdvocacy, KindResearch, KindOther}

// Dataset is a timeline: eras, categories, sources and the events that
// cite them. Decode and Load make one from JSON; the zero Dataset is empty
// and valid except that it has no title.
type Dataset struct {
	Schema   string `json:"$schema,omitempty"`
	Title    string `json:"title"`
	Subtitle string `json:"subtitle,omitempty"`
	Language string `json:"language,omitempty"` // BCP 47 tag of the dataset's text ("en", "fa", "zh-Hant")
	Document string `json:"document,omitempty"` // id of the source the dataset derives from
	// Scale is TimelineJS's scale of the timeline, "cosmological" for one
	// whose years reach beyond what a JavaScript date holds, kept so that
	// a TimelineJS file read and written again keeps it; "" (the default,
	// TimelineJS's "human") otherwise. timeline draws every scale alike.
	Scale      string      `json:"scale,omitempty"`
	Eras       []*Era      `json:"eras"`
	Categories []*Category `json:"categories"`
	Sources    []*Source   `json:"sources"`
	Events     []*Event    `json:"events"`

	origin *input.Origin // where the dataset was read from, for messages
}

// Era is a named period drawn as a band behind the events.
type Era struct {
	ID          string `json:"id"`
	Label       string `json:"label"`
	Span        Date   `json:"span"`
	Color       string `json:"color,omitempty"` // #rrggbb or #rgb
	Description string `json:"description,omitempty"`
}

// Category groups events into one lane of the chart.
type Category struct {
	ID          string `json:"id"`
	Label       string `json:"label"`
	Color       string `json:"color,omitempty"`
	Description string `json:"description,omitempty"`
}

// Source is one work an event rests on, as structured citation data.
type Source struct {
	ID        string     `json:"id"`
	Footnote  int        `json:"footnote,omitempty"` // the source document's footnote number, 0 if none
	Kind      SourceKind `json:"kind,omitempty"`
	Author    string     `json:"author,omitempty"`
	Title     string     `json:"title"`
	Publisher string     `json:"publisher,omitempty"`
	Date      Date       `json:"date,omitzero"`
	URL       string     `json:"url,omitempty"`
	Locator   string     `json:"locator,omitempty"` // page, section or citation
}

// Event is one dated thing that happened, or a span of time.
type Event struct {
	ID          string   `json:"id"`
	Date        Date     `json:"date"`
	Display     string   `json:"display,omitempty"` // a label overriding Date.Label
	Title       string   `json:"title"`
	Summary     string   `json:"summary,omitempty"`
	Era         string   `json:"era,omitempty"`
	Category    string   `json:"category,omitempty"`
	Tags        []string `json:"tags,omitempty"`
	Status      Status   `json:"status,omitzero"`
	Attribution string   `json:"attribution,omitempty"` // who reports, claims or denies it
	Sources     []string `json:"sources,omitempty"`     // none for an event that cites no source
	Section     string   `json:"section,omitempty"`     // where in the dataset's document it is told
	Media       *Media   `json:"media,omitempty"`       // a picture, recording, map, document or quote that goes with it
}

// Label returns the event's display label: Display when set, else the
// label of its date.
func (e *Event) Label() string {
	if e.Display != "" {
		return e.Display
	}
	return e.Date.Label()
}

// SortedEvents returns d's events in the order of their dates (see
// Date.Compare), leaving d unchanged. Events with the same date keep
// their order in d, which is the order a story tells them in; this is the
// order of every output.
func (d *Dataset) SortedEvents() []*Event {
	// Work out each event's sort key once, not once per comparison.
	type keyed struct {
		e           *Event
		first, last Moment
		prec        Precision
	}
	ks := make([]keyed, len(d.Events))
	for i, e := range d.Events {
		ks[i] = keyed{e, e.Date.EarliestMoment(), e.Date.LatestMoment(), e.Date.Precision()}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		if a.e.Date.IsZero() != b.e.Date.IsZero() {
			if a.e.Date.IsZero() {
				return -1
			}
			return 1
		}
		if c := a.first.Compare(b.first); c != 0 {
			return c
		}
		if c := cmp.Compare(a.prec, b.prec); c != 0 {
			return c
		}
		if c := a.last.Compare(b.last); c != 0 {
			return c
		}
		return a.e.Date.Compare(b.e.Date)
	})
	evs := make([]*Event, len(ks))
	for i, k := range ks {
		evs[i] = k.e
	}
	return evs
}

// Era returns the era with the given id, or nil.
func (d *Dataset) Era(id string) *Era { return find(d.Eras, func(e *Era) string { return e.ID }, id) }

// Category returns the category with the given id, or nil.
func (d *Dataset) Category(id string) *Category {
	return find(d.Categories, func(c *Category) string { return c.ID }, id)
}

// Source returns the source with the given id, or nil.
func (d *Dataset) Source(id string) *Source {
	return find(d.Sources, func(s *Source) string { return s.ID }, id)
}

// DocumentSource returns the source named by Document, or nil.
func (d *Dataset) DocumentSource() *Source {
	if d.Document == "" {
		return nil
	}
	return d.Source(d.Document)
}

// Name returns the name the dataset was read under ("mek.json",
// "standard input"), or "" for a dataset built in code.
func (d *Dataset) Name() string {
	if d.origin == nil {
		return ""
	}
	return d.origin.Name
}

// SHA256 returns the hex SHA-256 of the bytes the dataset was read from,
// or "" for a dataset built in code. A filtered dataset keeps its
// original's.
func (d *Dataset) SHA256() string { return d.origin.SHA256() }

// SetOrigin records where d was read from: its name and bytes, for the
// provenance of outputs (Name, SHA256), and where each of its values came
// from, so that the problems Validate finds name their file, line and
// column. Readers of other formats call it with the origin they make with
// package internal/input as they read; Decode does it itself.
func (d *Dataset) SetOrigin(o *input.Origin) { d.origin = o }

func find[T any](xs []T, id func(T) string, want string) T {
	for _, x := range xs {
		if id(x) == want {
			return x
		}
	}
	var zero T
	return zero
}
