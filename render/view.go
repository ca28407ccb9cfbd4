// Package render builds the view model that every output shares: events
// in their one order, date labels, lanes, era bands, colours, marks and
// footnote numbers. The writers in render/htmlout and render/pdfout draw a
// View; they never look at the dataset themselves, so the HTML and the PDF
// always agree.
package render

import (
	"cmp"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/timeline-tool/timeline/timeline"
)

// Options are the inputs of Build besides the dataset and the filter.
type Options struct {
	// Version is the tool's version, for the provenance line.
	Version string
	// MediaFS is the dataset's folder, from which local pictures (media
	// whose url is a relative path) are read; nil when the dataset has
	// none (standard input, the embedded one): they are then not shown.
	MediaFS fs.FS
	// RemoteMedia lets the page load the pictures whose url is an http(s)
	// address; without it they are links, and the page loads nothing.
	RemoteMedia bool
}

// View is everything an output shows. Build makes one; writers only read it.
type View struct {
	Title, Subtitle string
	// Language is the BCP 47 tag of the dataset's text, canonical ("fa",
	// "zh-Hant"), or "" when the dataset names none.
	Language string
	// Document is the citation of the source document, or nil.
	Document *SourceView
	// NoteWord names the source document where its footnotes are cited:
	// "document" ("document note 10") for a press, court, scholarly or
	// other document, else "report".
	NoteWord string
	// AsOf is the "as of" date: the document's date, else the newest date
	// in the data. AsOfLabel is its label ("25 Feb 2025").
	AsOf      timeline.Day
	AsOfLabel string // as precise as the date it comes from ("Feb 2025")

	FilterText string // "All events" or "Era: Iraq (1986–2003)"
	Shown      int    // events shown
	Total      int    // events in the dataset before filtering
	CountText  string // "14 of 58 events" or "58 events"
	Heading    string // FilterText — CountText

	// Axis is the span of the time axis, in fractional years: from the
	// start of the decade of the first event (of its year, when the
	// events span less than 20 years) to the end of the year of the last
	// one (or AsOf for open ends).
	AxisStart, AxisEnd float64
	// DeepTime is true when the axis reaches beyond 100,000 years either
	// side of year 0 (EDTF long years: Y-13800000000): its ticks are
	// labelled in years ago (AxisYearLabel), in the page, the PDF and the
	// SVG alike.
	DeepTime bool
	// AxisHours is true when the events have times of day and lie within
	// MaxHourDays days: the axis then runs from the midnight before the
	// first to the midnight after the last (in UTC, as times compare) and
	// is labelled in hours and minutes, in the page, the PDF and the SVG.
	AxisHours bool

	Eras       []*EraView
	Categories []*CategoryView
	Statuses   []*StatusView // every status, in timeline.Statuses order
	Events     []*EventView  // in Dataset.SortedEvents order
	// RemoteHosts are the scheme and host of every remote picture the
	// page loads (Options.RemoteMedia), in order of first use.
	RemoteHosts []string
	// MediaNotes say which local pictures are not shown, and why.
	MediaNotes []string
	mediaBytes int           // of the local pictures read
	Sources    []*SourceView // numbered 1..n by first citation

	Provenance Provenance
}

// Provenance records what made an output, for its footer.
type Provenance struct {
	Tool, Version string
	Dataset       string // the dataset's file name without its folders, or "embedded"
	SHA256        string
	Filter        string
}

// String returns the provenance as one line.
func (p Provenance) String() string {
	sha := cmp.Or(p.SHA256, "none")
	return fmt.Sprintf("%s %s · dataset %s · SHA-256 %s · filter: %s", p.Tool, p.Version, p.Dataset, sha, p.Filter)
}

// EraView is an era band.
type EraView struct {
	ID, Label   string
	SpanLabel   string  // "1986–2003"
	Start, End  float64 // fractional years, clamped to the axis
	Color       string  // #rrggbb, pale: the era's colour lightened to sit behind text
	DarkColor   string  // #rrggbb, deep: the era's band on a dark page (see Dark)
	Description string
	Count       int // events of the era shown
	Anchor      string
}

// CategoryView is a lane.
type CategoryView struct {
	ID, Label   string
	Color       string // #rrggbb, strong: the colour given, darkened where marks on white need it (see Light)
	DarkColor   string // #rrggbb: the same hue, light enough for a dark page (see Dark)
	Description string
	Lane        int // 0 is the first lane
	Count       int
}

// Mark is the shape that shows an event's status, so that status reads
// without colour.
type Mark uint8

// The marks, one per status.
const (
	MarkDisc     Mark = iota // established
	MarkRing                 // reported
	MarkDiamond              // claimed
	MarkTriangle             // alleged
	MarkCross                // denied
	MarkSquare               // disputed
)

var markNames = [...]string{"disc", "ring", "diamond", "triangle", "cross", "square"}

func (m Mark) String() string {
	if int(m) < len(markNames) {
		return markNames[m]
	}
	return "Mark(" + strconv.Itoa(int(m)) + ")"
}

// Glyph returns a character that draws m in text.
func (m Mark) Glyph() string {
	return [...]string{"●", "○", "◆", "▲", "✕", "■"}[m]
}

// StatusView describes a status for keys and tags.
type StatusView struct {
	Status  timeline.Status
	Label   string // "Claimed"
	Meaning string // one sentence for the method note
	Mark    Mark
	Count   int
}

// Shape is how an event is drawn on a time axis.
type Shape uint8

// The shapes. The placement rule: an event whose date is a single month or
// day is a Point at the middle of that month or day; a single year,
// decade or century, and a one-of set ([2009..2010]: some time in 2009 or
// 2010), is a Range, a faint bar across every day the date can mean with
// its mark at the middle; an interval is a Span, a solid bar from
// the first day its start can mean to the last day its end can mean (to
// AsOf for an open end). Events sort by the first day they can mean, then
// coarser before finer, then by id.
const (
	ShapePoint Shape = iota
	ShapeRange
	ShapeSpan
)

func (s Shape) String() string { return [...]string{"point", "range", "span"}[s] }

// EventView is one event as every output shows it.
type EventView struct {
	ID     string
	Anchor string // "ev-<id>", the HTML anchor and PDF link name
	Index  int    // position in View.Events

	Label string // the honest date label ("1960s", "Oct 1997", "c. 1985")
	EDTF  string // the date as written in the data
	// Start and End are the first and last instant the date can mean, in
	// fractional years; Mid is where a mark goes.
	Start, End, Mid float64
	Shape           Shape
	Precision       timeline.Precision
	Approximate     bool // ~ or %
	Uncertain       bool // ? or %
	OpenEnd         bool

	Title, Summary string
	Era            *EraView // nil when the event names none
	Category       *CategoryView
	Status         *StatusView
	Attribution    string
	Tags           []string
	Section        string
	Notes          []int      // numbers of the sources it cites, ascending
	Media          *MediaView // nil when it has none
}

// StatusTag returns "Claimed by the MEK" for a non-established event: the
// status and who reports, claims, alleges, denies or disputes it (the
// attribution, which names that party). It returns "" for an established
// event.
func (e *EventView) StatusTag() string {
	if e.Status.Status == timeline.StatusEstablished {
		return ""
	}
	if e.Attribution == "" {
		return e.Status.Label
	}
	return e.Status.Label + " by " + e.Attribution
}

// SourceView is a numbered source: one work. Sources of the dataset that
// cite the same work (the same citation text but for case, as when a document's
// footnotes 3, 5 and 6 each cite the report of footnote 2) share one
// SourceView and one number, which lists all their footnotes.
type SourceView struct {
	N                        int      // the number every output gives it
	ID                       string   // the id of the first dataset source merged into it
	IDs                      []string // the ids of every dataset source merged into it
	Footnote                 int      // the smallest of Footnotes, 0 if none
	Footnotes                []int    // the source document's footnote numbers, ascending
	Kind                     timeline.SourceKind
	Author, Title, Publisher string
	DateLabel                string
	Locator                  string
	URL                      string // "" unless timeline.SafeURL
	Citation                 string // author, “title,” publisher, date, locator.
	CitedBy                  []*EventView

	noteWord string // View.NoteWord
}

// NotesLabel returns the source document's footnotes that cite the work,
// naming the document as View.NoteWord does: "report note 10", "report
// notes 2, 3, 5", "document note 4", or "" when there are none.
func (s *SourceView) NotesLabel() string {
	word := cmp.Or(s.noteWord, "report")
	switch len(s.Footnotes) {
	case 0:
		return ""
	case 1:
		return word + " note " + strconv.Itoa(s.Footnotes[0])
	}
	ns := make([]string, len(s.Footnotes))
	for i, n := range s.Footnotes {
		ns[i] = strconv.Itoa(n)
	}
	return word + " notes " + strings.Join(ns, ", ")
}

// statuses are the views of the statuses, in timeline.Statuses order,
// without their counts.
var statuses = []StatusView{
	{Status: timeline.StatusEstablished, Label: "Established", Meaning: "stated as fact by the cited source", Mark: MarkDisc},
	{Status: timeline.StatusReported, Label: "Reported", Meaning: "the cited source says it reportedly happened, or relays another’s report", Mark: MarkRing},
	{Status: timeline.StatusClaimed, Label: "Claimed", Meaning: "a party claims or asserts it; the source does not confirm it", Mark: MarkDiamond},
	{Status: timeline.StatusAlleged, Label: "Alleged", Meaning: "an accusation that the source records but does not establish", Mark: MarkTriangle},
	{Status: timeline.StatusDenied, Label: "Denied", Meaning: "asserted by some and denied by the party concerned", Mark: MarkCross},
	{Status: timeline.StatusDisputed, Label: "Disputed", Meaning: "contested between sources", Mark: MarkSquare},
}

// Okabe–Ito colours, distinct for colour-blind readers, for categories
// without a colour of their own.
var categoryPalette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F7F7F", "#000000"}

// Pale colours for eras without a colour of their own.
var eraPalette = []string{"#E8EEF7", "#F7ECE1", "#E6F2EC", "#F3E8F1", "#F7F1DC", "#E4F0F6", "#EDEDED"}

// Build makes the view of the events of d that f keeps. f must have passed
// f.Check(d); d must be valid.
func Build(d *timeline.Dataset, f timeline.Filter, opts Options) *View {
	shown := f.Apply(d)
	v := heading(d, f, len(shown.Events), opts)
	v.AsOf, v.AsOfLabel = asOf(d)
	v.NoteWord = noteWord(d.DocumentSource())
	for _, s := range statuses {
		v.Statuses = append(v.Statuses, &s) // a copy of its own, to count in
	}
	eraOf := v.addEras(shown.Eras)
	catOf := v.addCategories(d.Categories, shown.Categories)
	n := v.addEvents(shown, eraOf, catOf)
	v.addMedia(shown.Events, opts)
	v.addDocument(d.DocumentSource(), n)
	v.setAxis(d)
	return v
}

// heading returns a view with the title, the counts, the heading and the
// provenance.
func heading(d *timeline.Dataset, f timeline.Filter, shown int, opts Options) *View {
	v := &View{
		Title:      d.Title,
		Subtitle:   d.Subtitle,
		Language:   languageTag(d.Language),
		FilterText: f.Describe(d),
		Shown:      shown,
		Total:      len(d.Events),
	}
	if f.IsZero() {
		v.CountText = Plural(v.Total, "event")
	} else {
		v.CountText = Count(v.Shown) + " of " + Plural(v.Total, "event")
	}
	v.Heading = v.FilterText + " — " + v.CountText
	// The dataset by its base name only: a path would put the user's
	// folders into a document they hand out. Its SHA-256 identifies it.
	name := cmp.Or(strings.ToValidUTF8(baseName(d.Name()), "\uFFFD"), "embedded")
	v.Provenance = Provenance{Tool: "timeline", Version: opts.Version, Dataset: name, SHA256: d.SHA256(), Filter: v.FilterText}
	return v
}

// asOf returns the "as of" day and its label: the source document's date,
// unless the data attests a newer date (an event may postdate the document
// it comes from), else the newest date the data attests; zero when there
// is none. A date attests its first day, not its last: "Feb 2025" does not
// say that 28 February was reached, so it does not move the as-of past a
// document of 25 February, and a dataset whose newest event is "May 2010"
// is as of "May 2010". Each end of an interval attests itself; a one-of set
// attests only its first member, since the others may not have come. The
// day returned is the last day of the winning date, where open ends stop.
func asOf(d *timeline.Dataset) (timeline.Day, string) {
	var best timeline.Date
	consider := func(c timeline.Date) {
		if c.IsZero() || c.Earliest() == timeline.MinDay {
			return
		}
		if best.IsZero() || c.Earliest() > best.Earliest() {
			best = c
		}
	}
	if doc := d.DocumentSource(); doc != nil {
		consider(doc.Date)
	}
	for _, e := range d.Events {
		start, sk := e.Date.Start()
		if sk == timeline.BoundDate {
			consider(timeline.NewDate(start))
		}
		if end, ek := e.Date.End(); e.Date.IsInterval() && ek == timeline.BoundDate {
			consider(timeline.NewDate(end))
		}
	}
	if best.IsZero() {
		return 0, ""
	}
	return best.Latest(), best.Label()
}

// noteWord names the source document in "report note 10": a report when
// there is none named or it is a government, research, advocacy or
// legislative document, else a document (an article's notes are not a
// report's).
func noteWord(doc *timeline.Source) string {
	if doc != nil {
		switch doc.Kind {
		case timeline.KindGovernment, timeline.KindResearch, timeline.KindAdvocacy, timeline.KindLegislation:
		default:
			return "document"
		}
	}
	return "report"
}

// addEras adds the era bands of the eras shown, coloured, and returns
// them by id.
func (v *View) addEras(eras []*timeline.Era) map[string]*EraView {
	eraOf := map[string]*EraView{}
	for i, e := range eras {
		ev := &EraView{ID: e.ID, Label: e.Label, SpanLabel: e.Span.Label(), Color: e.Color, Description: e.Description, Anchor: "era-" + e.ID}
		if ev.Color == "" {
			ev.Color = eraPalette[i%len(eraPalette)]
		}
		ev.DarkColor = darkEra(ev.Color)
		ev.Color = pale(ev.Color)
		v.Eras = append(v.Eras, ev)
		eraOf[e.ID] = ev
	}
	return eraOf
}

// addCategories adds the lanes of the categories shown and returns them
// by id. Lanes keep the dataset's category order (all), so that colours
// and lanes do not move when a filter drops a category.
func (v *View) addCategories(all, shown []*timeline.Category) map[string]*CategoryView {
	catOf := map[string]*CategoryView{}
	for i, c := range all {
		if !slices.Contains(shown, c) {
			continue
		}
		cv := &CategoryView{ID: c.ID, Label: c.Label, Color: c.Color, Description: c.Description, Lane: len(v.Categories)}
		if cv.Color == "" {
			cv.Color = categoryPalette[i%len(categoryPalette)]
		}
		cv.Color, cv.DarkColor = lightCategory(cv.Color), darkCategory(cv.Color)
		v.Categories = append(v.Categories, cv)
		catOf[c.ID] = cv
	}
	return catOf
}

// numbering numbers the sources of a view by first citation, one number
// per work.
type numbering struct {
	v      *View
	srcOf  map[string]*timeline.Source // the sources shown, by id
	numOf  map[string]*SourceView      // by dataset source id
	byWork map[string]*SourceView      // by citation text
}

// number returns the numbered view of the source with the given id, or
// nil for a source not shown.
func (n *numbering) number(id string) *SourceView {
	if sv := n.numOf[id]; sv != nil {
		return sv
	}
	s := n.srcOf[id]
	if s == nil {
		return nil
	}
	// Works are the same when their citations differ only in case, as a
	// title cited in title case in one footnote and in sentence case in
	// another.
	citation := Citation(s)
	cite := strings.ToLower(citation)
	sv := n.byWork[cite]
	switch {
	case sv == nil:
		sv = newSourceView(s, citation, len(n.v.Sources)+1, n.v.NoteWord)
		n.byWork[cite] = sv
		n.v.Sources = append(n.v.Sources, sv)
	default: // a work already numbered under another id
		sv.IDs = append(sv.IDs, s.ID)
		if s.Footnote > 0 && !slices.Contains(sv.Footnotes, s.Footnote) {
			sv.Footnotes = append(sv.Footnotes, s.Footnote)
			slices.Sort(sv.Footnotes)
			sv.Footnote = sv.Footnotes[0]
		}
		if sv.URL == "" && timeline.SafeURL(s.URL) {
			sv.URL = s.URL
		}
	}
	n.numOf[id] = sv
	return sv
}

// addEvents adds the events shown, in their one order, each in its lane
// and era, citing sources numbered as they are first cited. It returns
// the numbering.
func (v *View) addEvents(shown *timeline.Dataset, eraOf map[string]*EraView, catOf map[string]*CategoryView) *numbering {
	n := &numbering{v: v, srcOf: map[string]*timeline.Source{}, numOf: map[string]*SourceView{}, byWork: map[string]*SourceView{}}
	for _, s := range shown.Sources {
		n.srcOf[s.ID] = s
	}
	statusOf := map[timeline.Status]*StatusView{}
	for _, s := range v.Statuses {
		statusOf[s.Status] = s
	}
	var uncategorised *CategoryView
	for i, e := range shown.SortedEvents() {
		ev := v.eventView(e, i)
		ev.Era, ev.Status, ev.Category = eraOf[e.Era], statusOf[e.Status.Normal()], catOf[e.Category]
		if ev.Category == nil {
			if uncategorised == nil {
				uncategorised = &CategoryView{ID: "", Label: "Other", Color: "#555555", DarkColor: darkCategory("#555555"), Lane: len(v.Categories)}
				v.Categories = append(v.Categories, uncategorised)
			}
			ev.Category = uncategorised
		}
		ev.Category.Count++
		ev.Status.Count++
		if ev.Era != nil {
			ev.Era.Count++
		}
		for _, id := range e.Sources {
			sv := n.number(id)
			if sv == nil {
				continue
			}
			if !slices.Contains(ev.Notes, sv.N) {
				ev.Notes = append(ev.Notes, sv.N)
			}
			if len(sv.CitedBy) == 0 || sv.CitedBy[len(sv.CitedBy)-1] != ev {
				sv.CitedBy = append(sv.CitedBy, ev)
			}
		}
		slices.Sort(ev.Notes)
		v.Events = append(v.Events, ev)
	}
	return n
}

// eventView returns the view of event e, the i-th shown: its labels,
// qualifiers, extent and shape.
func (v *View) eventView(e *timeline.Event, i int) *EventView {
	ev := &EventView{
		ID: e.ID, Anchor: "ev-" + e.ID, Index: i,
		Label: e.Label(), EDTF: e.Date.String(),
		Precision: e.Date.Precision(), OpenEnd: e.Date.OpenEnd(),
		Title: e.Title, Summary: e.Summary, Attribution: e.Attribution,
		Tags: e.Tags, Section: e.Section,
	}
	q := e.Date.Qualifier()
	ev.Approximate = q&timeline.QualifierApproximate != 0
	ev.Uncertain = q&timeline.QualifierUncertain != 0
	ev.Start, ev.End = v.extent(e.Date)
	ev.Mid = (ev.Start + ev.End) / 2
	switch {
	case e.Date.IsOneOf():
		// One moment at some time within the range: imprecise, as a decade is.
		ev.Shape = ShapeRange
	case e.Date.IsInterval():
		ev.Shape = ShapeSpan
	case ev.Precision <= timeline.PrecisionYear:
		ev.Shape = ShapeRange
	default:
		ev.Shape = ShapePoint
	}
	return ev
}

// extent returns the first and last instant date can mean, in fractional
// years; an open end ends at AsOf.
func (v *View) extent(date timeline.Date) (start, end float64) {
	lo, hi := date.EarliestMoment(), date.LatestMoment()
	if hi.Day == timeline.MaxDay {
		hi = timeline.Moment{Day: max(v.AsOf, lo.Day), Milli: 86_399_999}
	}
	if lo.Day == timeline.MinDay {
		lo = timeline.Moment{Day: hi.Day}
	}
	// The end is the moment after the last: a day ends where the next
	// begins, 14:30 where 14:31 does.
	return lo.YearFraction(), hi.Next().YearFraction()
}

// addDocument sets the citation of the source document: its numbered
// view when an event shown cites it.
func (v *View) addDocument(doc *timeline.Source, n *numbering) {
	if doc == nil {
		return
	}
	if v.Document = n.numOf[doc.ID]; v.Document == nil {
		v.Document = newSourceView(doc, Citation(doc), 0, v.NoteWord)
	}
}

// setAxis places the era bands and sets the span of the time axis: that
// of the events, or of the eras when no event is shown.
func (v *View) setAxis(d *timeline.Dataset) {
	first, last := math.Inf(1), math.Inf(-1)
	for _, e := range v.Events {
		first, last = math.Min(first, e.Start), math.Max(last, e.End)
	}
	for _, e := range v.Eras {
		e.Start, e.End = v.extent(d.Era(e.ID).Span)
		if len(v.Events) == 0 {
			first, last = math.Min(first, e.Start), math.Max(last, e.End)
		}
	}
	if math.IsInf(first, 1) {
		first, last = 2000, 2001
	}
	// A long axis starts on a decade; a short one (a single era, say) on
	// a year, so that the events fill it.
	v.AxisStart = math.Floor(first)
	if last-first >= 20 {
		v.AxisStart = math.Floor(first/10) * 10
	}
	v.AxisEnd = math.Ceil(last)
	if v.AxisEnd <= v.AxisStart {
		v.AxisEnd = v.AxisStart + 1
	}
	v.DeepTime = v.AxisStart < -deepYears || v.AxisEnd > deepYears
	if lo, hi := dayOf(first), dayOf(last-1e-9)+1; hi-lo <= MaxHourDays && v.HasTimes() {
		v.AxisStart, v.AxisEnd, v.AxisHours = lo.YearFraction(), hi.YearFraction(), true
	}
	for _, e := range v.Eras {
		e.Start = clamp(e.Start, v.AxisStart, v.AxisEnd)
		e.End = clamp(e.End, v.AxisStart, v.AxisEnd)
	}
}

// MaxHourDays is the most days an axis of hours (View.AxisHours) spans.
const MaxHourDays = 3

// HasTimes reports whether an event shown has a time of day.
func (v *View) HasTimes() bool {
	return slices.ContainsFunc(v.Events, func(e *EventView) bool { return e.Precision >= timeline.PrecisionMinute })
}

// dayOf returns the day in which the fractional year y falls (see
// timeline.Day.YearFraction).
func dayOf(y float64) timeline.Day {
	yr := math.Floor(y)
	first := timeline.DayOf(int(yr), 1, 1)
	days := float64(timeline.DayOf(int(yr)+1, 1, 1) - first)
	return first + timeline.Day(math.Floor((y-yr)*days+1e-9))
}

// deepYears is how far from year 0 an axis reaches before it is one of
// deep time (View.DeepTime).
const deepYears = 100_000

// newSourceView returns the view of s, numbered n, whose citation is
// citation (Citation(s)).
func newSourceView(s *timeline.Source, citation string, n int, noteWord string) *SourceView {
	sv := &SourceView{
		N: n, ID: s.ID, IDs: []string{s.ID}, Footnote: s.Footnote, Kind: s.Kind, noteWord: noteWord,
		Author: s.Author, Title: s.Title, Publisher: s.Publisher,
		DateLabel: s.Date.Label(), Locator: s.Locator,
	}
	if s.Footnote > 0 {
		sv.Footnotes = []int{s.Footnote}
	}
	if timeline.SafeURL(s.URL) {
		sv.URL = s.URL
	}
	sv.Citation = citation
	return sv
}

// Citation formats s as one plain-text citation: Author, “Title,”
// Publisher, date, locator. Parts that are empty are left out.
func Citation(s *timeline.Source) string {
	title := ""
	if s.Title != "" {
		title = "“" + s.Title + "”"
	}
	parts := []string{s.Author, title, s.Publisher, s.Date.Label(), s.Locator}
	c := strings.Join(slices.DeleteFunc(parts, func(p string) bool { return p == "" }), ", ")
	// Put the comma after a title inside its closing quote, as US style does.
	c = strings.Replace(c, "”, ", ",” ", 1)
	switch {
	case c == "" || strings.HasSuffix(c, ".") || strings.HasSuffix(c, ".”"):
	case strings.HasSuffix(c, "”"):
		c = strings.TrimSuffix(c, "”") + ".”"
	default:
		c += "."
	}
	return c
}

// Plural returns "1 event" for n 1 and noun "event", else "3 events".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return Count(n) + " " + noun + "s"
}

// Count writes a count as English prose does, its digits grouped in
// threes by commas: "100,000", "1,000", "999".
func Count(n int) string { return timeline.GroupDigits(n) }

// JoinWords joins ws as a list in prose with the conjunction conj: "a",
// "a and b", "a, b and c".
func JoinWords(ws []string, conj string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " " + conj + " " + ws[len(ws)-1]
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// pale returns the colour c (#rgb or #rrggbb), mixed with white as much as
// it takes to sit behind dark text and marks: an era's band is a
// background, whatever colour the data gives it. A pale colour is kept.
func pale(given string) string {
	c, ok := ParseColor(given)
	if !ok {
		return given
	}
	// Relative luminance, roughly: mix until it reaches 0.85.
	lum := (0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)) / 255
	const target = 0.85
	if lum >= target {
		return given
	}
	return c.Tint((target - lum) / (1 - lum)).Hex() // the share of white
}

// baseName returns the last element of the path p, with either slash as
// the separator, so that a Windows path typed on any system loses its
// folders too. "-" (standard input) and "" stay as they are.
func baseName(p string) string {
	p = strings.TrimRight(p, `/\`)
	return p[strings.LastIndexAny(p, `/\`)+1:]
}

// languageTag returns the canonical form of the BCP 47 tag s, or "" for
// none or one that does not parse (Validate reports those).
func languageTag(s string) string {
	t, err := language.Parse(s)
	if err != nil {
		return ""
	}
	return t.String()
}
