package timelinejs

import (
	"cmp"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/timeline-tool/timeline/timeline"
	"github.com/timeline-tool/timeline/timeline/csvsafe"
)

// The TimelineJS JSON that Write makes, field for field as
// website/templates/docs/json-format.html defines it.
type (
	tlTimeline struct {
		Title  *tlSlide  `json:"title,omitempty"`
		Events []tlSlide `json:"events"`
		Eras   []tlSlide `json:"eras,omitempty"`
		Scale  string    `json:"scale,omitempty"`
	}
	tlSlide struct {
		UniqueID    string   `json:"unique_id,omitempty"`
		StartDate   *tlDate  `json:"start_date,omitempty"`
		EndDate     *tlDate  `json:"end_date,omitempty"`
		DisplayDate string   `json:"display_date,omitempty"`
		Text        tlText   `json:"text"`
		Media       *tlMedia `json:"media,omitempty"`
		Group       string   `json:"group,omitempty"`
	}
	tlText struct {
		Headline string `json:"headline"`
		Text     string `json:"text"`
	}
	// tlDate holds numbers: the docs ask for "A number" for every
	// component, and "BCE years should be negative numbers".
	tlDate struct {
		Year  int `json:"year"`
		Month int `json:"month,omitempty"`
		Day   int `json:"day,omitempty"`
		// The time of day, in the clock's own zone (TimelineJS has none):
		// nil when not given, so that midnight is written as 0.
		Hour        *int `json:"hour,omitempty"`
		Minute      *int `json:"minute,omitempty"`
		Second      *int `json:"second,omitempty"`
		Millisecond *int `json:"millisecond,omitempty"`
	}
)

// Write writes d as a TimelineJS JSON file that TimelineJS loads:
//
//   - a title slide with the title as headline and the subtitle as text;
//   - one slide per event, in the order of Dataset.SortedEvents, with
//     unique_id the event id, start_date and end_date as precise as the
//     date (a decade such as 196X runs from 1960 to 1969), display_date
//     only where TimelineJS would show another date than ours (the
//     event's own display label, or "c. 1985", "1960s", "1985–present";
//     a plain year, month, day or span TimelineJS shows in its own way
//     and language), group the category's label, the title as
//     headline and as text the summary, its status and attribution when
//     not established, and its sources as a list with links; its media
//     as a media object (a quote as a <blockquote>);
//   - one era per era, an open end closed at the last date the dataset
//     mentions.
//
// A time of day is written to hour, minute, second and millisecond as its
// clock reads (TimelineJS's times are local); a zone, for which TimelineJS
// has no field, goes into the display date. A long year is written as the
// year alone; the dataset's Scale, when set, as the timeline's scale (without
// it TimelineJS puts years no JavaScript date holds on its cosmological
// scale itself).
//
// TimelineJS has no open-ended dates: an open end is written as no end
// date, and its display_date says "–present". All text is escaped HTML.
// The status paragraph and the division holding the list of sources
// carry the classes "timeline-status" and "timeline-sources" (and data-
// attributes), by which ReadJSON reads them back. Write expects a dataset
// that validates; an event without a date gives a slide without a
// start_date, which TimelineJS refuses.
func Write(w io.Writer, d *timeline.Dataset) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(build(d))
}

func build(d *timeline.Dataset) *tlTimeline {
	t := &tlTimeline{Events: []tlSlide{}, Scale: d.Scale}
	t.Title = &tlSlide{Text: tlText{Headline: html.EscapeString(d.Title), Text: paragraphs(d.Subtitle, false)}}
	used := map[string]bool{}
	last := lastDay(d)
	for _, e := range d.SortedEvents() {
		start, end := slideDates(e.Date)
		s := tlSlide{
			UniqueID:    e.ID,
			StartDate:   start,
			EndDate:     end,
			DisplayDate: displayDate(e, start, end),
			Text:        tlText{Headline: html.EscapeString(cmp.Or(e.Title, e.ID)), Text: eventText(d, e)}, // TimelineJS needs "headline or text"
			Media:       slideMedia(e.Media),
		}
		if c := d.Category(e.Category); c != nil {
			s.Group = cmp.Or(c.Label, c.ID)
		}
		used[e.ID] = true
		t.Events = append(t.Events, s)
	}
	// TimelineJS gives the title an id too, from its headline; name it so
	// that it cannot take an event's.
	tid := "title"
	for i := 2; used[tid]; i++ {
		tid = "title-" + strconv.Itoa(i)
	}
	t.Title.UniqueID = tid
	for _, era := range d.Eras {
		start, end := slideDates(era.Span)
		if start == nil {
			continue
		}
		if end == nil {
			// TimelineJS requires an era's end; close an open one at the
			// last day the dataset mentions, or at its start.
			end = start
			if last != nil && (last.Year > start.Year || last.Year == start.Year && last.Month >= start.Month) {
				end = last
			}
		}
		t.Eras = append(t.Eras, tlSlide{StartDate: start, EndDate: end, Text: tlText{Headline: html.EscapeString(era.Label), Text: paragraphs(era.Description, true)}})
	}
	return t
}

// displayDate returns the display_date of an event's slide: its own
// display label, or its date's label where TimelineJS, reading start and
// end, would show another date ("c. 1985", "1960s", "1985–present",
// "2009 or 2010"); else "", so that TimelineJS shows the date in its own
// way and language, as it does for dates made in TimelineJS.
func displayDate(e *timeline.Event, start, end *tlDate) string {
	if e.Display != "" {
		return e.Display
	}
	if start == nil || readBack(start, end).String() != e.Date.String() || start.clockHidden() || end.clockHidden() {
		return e.Label()
	}
	return ""
}

// clockHidden reports whether TimelineJS, showing t, would not show its
// time of day as it is: TimelineJS formats a date by its finest part that
// is not zero (TLDate.findBestFormat), so it shows midnight as the day
// alone, and a time with milliseconds without its day.
func (t *tlDate) clockHidden() bool {
	if t == nil || t.Hour == nil {
		return false
	}
	zero := func(v *int) bool { return v == nil || *v == 0 }
	return zero(t.Hour) && zero(t.Minute) && zero(t.Second) && zero(t.Millisecond) || !zero(t.Millisecond)
}

// readBack returns the date a slide's start and end give, as ReadJSON
// reads them.
func readBack(start, end *tlDate) timeline.Date {
	r := newReader("")
	a, _ := r.point(start.in())
	if end == nil {
		return timeline.NewDate(a)
	}
	b, _ := r.point(end.in())
	return timeline.NewInterval(a, timeline.BoundDate, b, timeline.BoundDate)
}

// in returns t as ReadJSON reads it: its fields as given, a zero month or
// day not given.
func (t *tlDate) in() dateIn {
	v := func(n *int) value {
		if n == nil {
			return value{}
		}
		return value{s: strconv.Itoa(*n), set: true}
	}
	given := func(n int) *int {
		if n == 0 {
			return nil
		}
		return &n
	}
	return dateIn{set: true, year: v(&t.Year), month: v(given(t.Month)), day: v(given(t.Day)),
		hour: v(t.Hour), minute: v(t.Minute), second: v(t.Second), ms: v(t.Millisecond)}
}

// slideDates returns the TimelineJS start and end of a date; end is nil
// when the date is one day, month or year, or its end is open. TimelineJS
// has no "some time between": a one-of set [2009..2010] is written as the
// span of its range, and its label says what it means.
func slideDates(d timeline.Date) (start, end *tlDate) {
	if d.IsZero() {
		return nil, nil
	}
	sp, sk := d.Start()
	ep, ek := d.End()
	switch {
	case !d.IsInterval() && !d.IsOneOf():
		start, end = first(sp), last(sp)
	case sk == timeline.BoundDate && ek == timeline.BoundDate:
		start, end = first(sp), last(ep)
	case sk == timeline.BoundDate:
		start = first(sp)
	default:
		start, end = first(ep), last(ep)
	}
	if end != nil && end.same(start) {
		end = nil
	}
	return start, end
}

// first and last return the first and last day of a point as a TimelineJS
// date as precise as the point.
func first(p timeline.Point) *tlDate { return truncate(p, timeline.NewDate(p).Earliest()) }
func last(p timeline.Point) *tlDate  { return truncate(p, timeline.NewDate(p).Latest()) }

func truncate(p timeline.Point, day timeline.Day) *tlDate {
	y, m, dd := day.Date()
	switch p.Precision() {
	case timeline.PrecisionMinute, timeline.PrecisionSecond:
		// The date and clock as written: TimelineJS shows local times, and
		// the zone, which it has no field for, is in the display date.
		return withClock(&tlDate{Year: p.Year, Month: p.Month, Day: p.Day}, p.Clock)
	case timeline.PrecisionDay:
		return &tlDate{Year: y, Month: m, Day: dd}
	case timeline.PrecisionMonth:
		return &tlDate{Year: y, Month: m}
	}
	return &tlDate{Year: y}
}

// same reports whether t and u are the same date and time.
func (t *tlDate) same(u *tlDate) bool {
	eq := func(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }
	return t.Year == u.Year && t.Month == u.Month && t.Day == u.Day &&
		eq(t.Hour, u.Hour) && eq(t.Minute, u.Minute) && eq(t.Second, u.Second) && eq(t.Millisecond, u.Millisecond)
}

// withClock returns t with the time of day c.
func withClock(t *tlDate, c timeline.Clock) *tlDate {
	n := func(v int) *int { return &v }
	t.Hour, t.Minute = n(int(c.Hour)), n(int(c.Minute))
	if c.Seconds {
		t.Second = n(int(c.Second))
		if c.Decimals > 0 {
			t.Millisecond = n(int(c.Milli))
		}
	}
	return t
}

// sheetTime returns the Time cell of t: "14:30", "14:30:15", "14:30:15.500".
func (t *tlDate) sheetTime() string {
	c, _ := newReader("").timeOfDay(t.in())
	if !c.Set {
		return ""
	}
	if c.Decimals > 0 {
		// TimelineJS reads the digits after the point as tenths whatever
		// their number (parseTime: 100 * parseInt): a fraction is written
		// with one digit, and only when that holds it. The display date
		// shows the time as it is.
		if c.Milli%100 == 0 {
			c.Decimals = 1
		} else {
			c.Decimals, c.Milli = 0, 0
		}
	}
	return c.String()
}

// lastDay returns the latest finite date the events and eras of d
// mention, or nil.
func lastDay(d *timeline.Dataset) *tlDate {
	var best timeline.Day
	found := false
	consider := func(date timeline.Date) {
		if date.IsZero() {
			return
		}
		for _, day := range []timeline.Day{date.Earliest(), date.Latest()} {
			if day != timeline.MinDay && day != timeline.MaxDay && (!found || day > best) {
				best, found = day, true
			}
		}
	}
	for _, e := range d.Events {
		consider(e.Date)
	}
	for _, e := range d.Eras {
		consider(e.Span)
	}
	if !found {
		return nil
	}
	y, m, _ := best.Date()
	return &tlDate{Year: y, Month: m}
}

// paragraphs returns s as escaped HTML paragraphs, one per line; rich
// text (timeline.ParseText) with its links, <strong> and <em>. Its links
// are marked timeline-link, so that reading the slide back keeps them
// as links of the text and does not take them for sources.
func paragraphs(s string, rich bool) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		b.WriteString("<p>")
		if rich {
			timeline.WriteTextHTML(&b, timeline.ParseText(line), nil, nil)
		} else {
			b.WriteString(html.EscapeString(line))
		}
		b.WriteString("</p>")
	}
	if rich {
		return strings.ReplaceAll(b.String(), "<a href=", `<a class="timeline-link" href=`)
	}
	return b.String()
}

// eventText returns the HTML text of an event's slide.
func eventText(d *timeline.Dataset, e *timeline.Event) string {
	var b strings.Builder
	b.WriteString(paragraphs(e.Summary, true))
	if st := e.Status.Normal(); st != timeline.StatusEstablished {
		line := strings.ToUpper(string(st[:1])) + string(st[1:])
		if e.Attribution != "" {
			line += " by " + e.Attribution
		}
		fmt.Fprintf(&b, `<p class="timeline-status" data-status="%s"`, html.EscapeString(string(st)))
		if e.Attribution != "" {
			fmt.Fprintf(&b, ` data-attribution="%s"`, html.EscapeString(e.Attribution))
		}
		fmt.Fprintf(&b, "><em>%s.</em></p>", html.EscapeString(line))
	}
	if len(e.Sources) > 0 {
		b.WriteString(`<div class="timeline-sources"><p>Sources:</p><ol>`)
		for _, id := range e.Sources {
			fmt.Fprintf(&b, `<li data-source-id="%s">`, html.EscapeString(id))
			if s := d.Source(id); s != nil {
				b.WriteString(citation(s))
			} else {
				b.WriteString(html.EscapeString(id))
			}
			b.WriteString("</li>")
		}
		b.WriteString("</ol></div>")
	}
	return b.String()
}

// citation returns the HTML citation of a source: author, title (a link
// when the source has a web address), publisher, date, locator and the
// footnote number of the source document.
func citation(s *timeline.Source) string {
	var parts []string
	add := func(v string) {
		if v = strings.TrimSpace(v); v != "" {
			parts = append(parts, html.EscapeString(v))
		}
	}
	add(s.Author)
	title := html.EscapeString(cmp.Or(s.Title, s.ID))
	if timeline.SafeURL(s.URL) {
		title = `<a href="` + html.EscapeString(s.URL) + `">` + title + `</a>`
	}
	parts = append(parts, title)
	add(s.Publisher)
	add(s.Date.Label())
	add(s.Locator)
	c := strings.Join(parts, ", ")
	if s.Footnote > 0 {
		c += " (footnote " + strconv.Itoa(s.Footnote) + ")"
	}
	return c
}

// CSVOptions changes what WriteCSV writes.
type CSVOptions struct {
	// Raw writes cells exactly as the text is, without the quote that
	// keeps a spreadsheet from reading text as a formula.
	Raw bool
}

// WriteCSV writes d as the CSV of a TimelineJS Google Sheet, with the
// template's columns (SheetColumns), the title row first, then one row
// per event as Write makes its slides, then one row per era. The result
// can be imported into the template sheet, or read back with ReadCSV.
// Bytes that are not UTF-8 become U+FFFD, as in Write's JSON. The sheet
// exists to be opened in Google Sheets, which evaluates formulas: a cell
// that starts with =, +, -, @, tab or carriage return gets a single quote
// before it (package csvsafe), which ReadCSV removes again, unless o.Raw.
func WriteCSV(w io.Writer, d *timeline.Dataset, o CSVOptions) error {
	t := build(d)
	cw := csv.NewWriter(w)
	cw.Write(SheetColumns) // a write error sticks: cw.Error returns it after Flush
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	row := func(s *tlSlide, typ string) {
		rec := make([]string, len(SheetColumns))
		if start := s.StartDate; start != nil {
			rec[0], rec[1], rec[2], rec[3] = strconv.Itoa(start.Year), num(start.Month), num(start.Day), start.sheetTime()
		}
		if end := s.EndDate; end != nil {
			rec[4], rec[5], rec[6], rec[7] = strconv.Itoa(end.Year), num(end.Month), num(end.Day), end.sheetTime()
		}
		rec[8], rec[9], rec[10], rec[16], rec[17] = s.DisplayDate, s.Text.Headline, s.Text.Text, typ, s.Group
		if m := s.Media; m != nil {
			rec[11], rec[12], rec[13], rec[14], rec[15] = m.URL, m.Credit, m.Caption, m.Thumbnail, m.Alt
		}
		for i, v := range rec {
			// As encoding/json does for Write.
			rec[i] = strings.ToValidUTF8(v, "\uFFFD")
		}
		if !o.Raw {
			csvsafe.NeutralizeAll(rec)
		}
		cw.Write(rec)
	}
	row(t.Title, "title")
	for i := range t.Events {
		row(&t.Events[i], "")
	}
	for i := range t.Eras {
		row(&t.Eras[i], "era")
	}
	cw.Flush()
	return cw.Error()
}
