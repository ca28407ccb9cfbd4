// Package timelinejs reads and writes the formats of Knight Lab's
// TimelineJS (https://timeline.knightlab.com): its JSON
// (website/templates/docs/json-format.html in NUKnightLab/TimelineJS3) and
// the CSV export of its Google Sheets template (the columns Year, Month,
// Day, Time, End Year, End Month, End Day, End Time, Display Date,
// Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Alt
// Text, Type, Group, Background).
//
// Reading maps what carries over and reports the rest as notes:
//
//   - The title slide gives the dataset's title (its headline) and
//     subtitle (its text). Without a headline the title is "Untitled
//     timeline", and a note says so: the file's name is no title.
//   - A slide's start_date and end_date give an EDTF date as precise as
//     the fields given: a year alone is "1985", a year and month
//     "1985-04", a full date "1985-04-12"; with an end date it is the
//     interval "1985/1990". An end date equal to the start is dropped, as
//     TimelineJS drops it. Years are astronomical in both (TimelineJS
//     builds JavaScript dates, whose year 0 is 1 BCE; EDTF's year 0000 is
//     too), so -44 becomes "-0044". A year beyond four digits is an
//     EDTF long year ("-13800000000" becomes "Y-13800000000"), as on
//     TimelineJS's cosmological scale, which shows years only: a month,
//     day or time given with one is dropped with a note. Years beyond
//     ±999,999,999,999, months outside 1–12 and days the month does not
//     have are errors.
//   - hour, minute, second and millisecond (the sheet's Time and End
//     Time: "14:30", "2:30 pm", "1430", "14:30:15.5") give a time of day
//     without a zone, as TimelineJS shows it: an hour alone is 14:00, 500
//     milliseconds are .5 of a second. A time needs a full date (else it
//     is dropped with a note) and an hour (else an error).
//   - the timeline's scale ("human" or "cosmological") is kept as the
//     dataset's Scale, so that writing TimelineJS again writes it.
//   - headline becomes the event's title, text its summary, both as plain
//     text: tags are removed and character references decoded.
//   - display_date becomes the event's display label, unless it says
//     what the date's own label says.
//   - group becomes a category whose id is the group slugified and whose
//     label is the group; unique_id (slugified, as TimelineJS does) or
//     else the headline slugified becomes the event id.
//   - eras become eras, their span the interval from start to end. Each
//     event is placed in the era it begins in (timeline.Date.BeginsIn),
//     the rule of our own datasets; where it begins in several (eras that
//     share a boundary year), in the last that begins no later than it,
//     and the notes say how many.
//   - Sources: each <a href> link in a slide's headline or text becomes a
//     source (http and https links only). A slide without one cites no
//     source: none is made up (not from the file's name), and Validate
//     warns about it when other slides cite. A media credit credits the
//     media, never a source.
//   - media becomes the event's media: its address, caption, credit,
//     thumbnail and alt text; a <blockquote> in place of the address a
//     quote. Its kind is told from the address, as TimelineJS tells it.
//     An address that is neither http(s) nor a relative path, and HTML
//     embeds, are dropped with a note.
//   - Backgrounds, autolink, a media's title and link,
//     and every unknown field are dropped, each reported once in the
//     notes.
//
// Write makes the TimelineJS JSON of a dataset; see Write.
package timelinejs

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/timeline-tool/timeline/timeline"
	"github.com/timeline-tool/timeline/timeline/internal/input"
)

// MaxEvents is the largest number of slides (events, eras and the title)
// that ReadJSON and ReadCSV accept, so that memory stays bounded whatever
// the input. TimelineJS itself advises some twenty.
const MaxEvents = 100_000

// Years a date may have: as far as EDTF's long years reach (Y-13800000000),
// as TimelineJS's cosmological scale does; a year beyond four digits has
// no month, day or time (TimelineJS's cosmological scale shows years only).
const (
	minYear = -timeline.MaxLongYear
	maxYear = timeline.MaxLongYear
)

// A value is one field of the input: its text, whether it was given, and
// where it is, for messages.
type value struct {
	s    string
	set  bool   // given and not null (JSON) or not empty (CSV)
	path string // JSON path ("events[3].start_date.year") or CSV column name
	line int    // CSV line and column; 0 for JSON, located later
	col  int
}

// dateIn is a TimelineJS date object, or the date columns of a sheet row.
type dateIn struct {
	set                      bool // the object or any of its columns was given
	year, month, day         value
	hour, minute, second, ms value // JSON
	time                     value // CSV "Time"
	display                  value
	bad                      bool // a cell that is no date, already reported
}

type slideKind uint8

const (
	kindEvent slideKind = iota
	kindTitle
	kindEra
)

// slideIn is a slide, era or title as read from either format.
type slideIn struct {
	kind           slideKind
	path           string // "events[3]", or "line 12" for a sheet row
	line, col      int
	start, end     dateIn
	display        value
	headline, text value
	group          value
	uniqueID       value
	media          mediaIn
	at             [nAt]place // where its values are, for the dataset's positions
}

// reader collects the problems and notes of one read.
type reader struct {
	rep   input.Report
	drops map[string]*drop
	order []string // drop keys in the order first met
	extra []string // notes that are not drops
	pos   *positions
	lines *input.Lines // a JSON file's, which places its values
	scale string       // the timeline's scale, as given
}

type drop struct {
	what, why string
	n         int
}

func newReader(name string) *reader {
	return &reader{rep: input.Report{Name: name}, drops: map[string]*drop{}}
}

// errorf records an error at v.
func (r *reader) errorf(v value, format string, args ...any) {
	r.rep.Add(v.line, v.col, v.path, format, args...)
}

// dropped records that a field was left out; the notes report each kind
// once, with a count.
func (r *reader) dropped(what, why string) {
	d := r.drops[what]
	if d == nil {
		d = &drop{what: what, why: why}
		r.drops[what] = d
		r.order = append(r.order, what)
	}
	d.n++
}

func (r *reader) notef(format string, args ...any) {
	r.extra = append(r.extra, fmt.Sprintf(format, args...))
}

// notes returns the notes of the read, drops first. They do not name the
// file: the caller knows it.
func (r *reader) notes() []string {
	var out []string
	for _, k := range r.order {
		d := r.drops[k]
		times := "once"
		if d.n > 1 {
			times = strconv.Itoa(d.n) + " times"
		}
		out = append(out, fmt.Sprintf("dropped %s (%s): %s", d.what, times, d.why))
	}
	return append(out, r.extra...)
}

// integer parses a TimelineJS date component. TimelineJS accepts numbers
// and strings of an optional minus sign and digits (src/js/date/TLDate.js,
// _getDateData: /^-?\d*$/ after trimming); an empty string counts as
// absent. JSON numbers with a zero fraction (1985.0) are accepted, as
// JavaScript reads them as integers.
func integer(v value) (n int, ok bool, msg string) {
	s := strings.TrimSpace(v.s)
	if !v.set || s == "" {
		return 0, false, ""
	}
	t := strings.TrimPrefix(s, "-")
	if i := strings.IndexByte(t, '.'); i > 0 && strings.Trim(t[i+1:], "0") == "" {
		t = t[:i]
	}
	if t == "" || strings.Trim(t, "0123456789") != "" {
		return 0, false, fmt.Sprintf("%s is not a whole number", quoteShort(s))
	}
	t = strings.TrimLeft(t, "0")
	if len(t) > 12 {
		return 0, false, fmt.Sprintf("%s is out of range", quoteShort(s))
	}
	n, _ = strconv.Atoi("0" + t)
	if strings.HasPrefix(s, "-") {
		n = -n
	}
	return n, true, ""
}

// quoteShort quotes s, shortened to 40 characters.
func quoteShort(s string) string { return input.Quote(s, 40) }

// point converts a date object to an EDTF point. what names the date in
// messages ("start date", "end date").
func (r *reader) point(d dateIn) (timeline.Point, bool) {
	if d.bad {
		return timeline.Point{}, false
	}
	ok := true
	num := func(v value, lo, hi int, what, valid string) (int, bool) {
		n, set, msg := integer(v)
		if msg != "" {
			r.errorf(v, "%s; %s", msg, valid)
			ok = false
			return 0, false
		}
		if set && (n < lo || n > hi) {
			r.errorf(v, "%s %d is out of range; %s", what, n, valid)
			ok = false
			return 0, false
		}
		return n, set
	}
	y, ySet := num(d.year, minYear, maxYear, "year", "years run from -999999999999 to 999999999999 (negative years are BCE)")
	m, mSet := num(d.month, 1, 12, "month", "a month is 1 to 12")
	dayMax := 31
	if mSet && ySet {
		dayMax = timeline.DaysIn(y, m)
	}
	day, dSet := num(d.day, 1, dayMax, "day", fmt.Sprintf("this month has days 1 to %d", dayMax))
	if !ok {
		return timeline.Point{}, false
	}
	if !ySet {
		r.errorf(d.year, "missing year: a date needs a year (TimelineJS requires it)")
		return timeline.Point{}, false
	}
	if dSet && !mSet {
		r.errorf(d.day, "day %d without a month: give the month too, or leave the day out", day)
		return timeline.Point{}, false
	}
	p := timeline.Point{Year: y, Digits: 1}
	if y < -9999 || y > 9999 {
		// A long year: TimelineJS's cosmological scale shows the year only.
		if mSet || d.hour.set || strings.TrimSpace(d.time.s) != "" {
			r.dropped("months, days and times of years beyond four digits", "a long year stands alone, as TimelineJS's cosmological scale shows it")
		}
		return p, true
	}
	if mSet {
		p.Month, p.Digits = m, 2
	}
	if dSet {
		p.Day, p.Digits = day, 3
	}
	c, ok := r.timeOfDay(d)
	if !ok {
		return timeline.Point{}, false
	}
	if c.Set && !dSet {
		r.dropped("times of day of dates without a day", "a time needs a full date")
		c = timeline.Clock{}
	}
	p.Clock = c
	return p, true
}

// timeOfDay reads the time fields of d: hour, minute, second and
// millisecond (JSON) or the Time cell (a sheet), as a time without a zone,
// as TimelineJS reads it. An hour alone is a time to the minute (14:00).
func (r *reader) timeOfDay(d dateIn) (timeline.Clock, bool) {
	var c timeline.Clock
	var got [4]bool
	ok := true
	for i, f := range []struct {
		v    value
		hi   int
		what string
		to   func(n int)
	}{
		{d.hour, 23, "hour", func(n int) { c.Hour = uint8(n) }},
		{d.minute, 59, "minute", func(n int) { c.Minute = uint8(n) }},
		{d.second, 59, "second", func(n int) { c.Second, c.Seconds = uint8(n), true }},
		{d.ms, 999, "millisecond", func(n int) { c.Milli, c.Decimals, c.Seconds = uint16(n), msDecimals(n), true }},
	} {
		n, set, msg := integer(f.v)
		switch {
		case msg != "":
			r.errorf(f.v, "%s; an %s is 0 to %d", msg, f.what, f.hi)
			ok = false
		case set && (n < 0 || n > f.hi):
			r.errorf(f.v, "%s %d is out of range; use 0 to %d", f.what, n, f.hi)
			ok = false
		case set:
			f.to(n)
			got[i] = true
		}
	}
	if !ok {
		return timeline.Clock{}, false
	}
	if i := slices.Index(got[:], true); i > 0 {
		r.errorf([]value{d.hour, d.minute, d.second, d.ms}[i], "a time needs an hour: give the hour too")
		return timeline.Clock{}, false
	}
	c.Set = got[0]
	if strings.TrimSpace(d.time.s) != "" {
		t, msg := parseTime(d.time.s)
		if msg != "" {
			r.errorf(d.time, "%s", msg)
			return timeline.Clock{}, false
		}
		c = t
	}
	return c, true
}

// msDecimals returns the decimals of a second that ms milliseconds
// need: 500 is .5, 250 .25, 125 .125, 0 none.
func msDecimals(ms int) uint8 {
	n := uint8(3)
	for ; n > 0 && ms%10 == 0; n-- {
		ms /= 10
	}
	return n
}

// parseTime reads a sheet's Time column as TimelineJS's parseTime
// (src/js/date/DateUtil.js) reads it: "14:30", "2:30 pm", "1430",
// "14:30:15.5", as a time without a zone; the message says what is wrong.
func parseTime(s string) (timeline.Clock, string) {
	t := strings.TrimSpace(s)
	low := strings.ToLower(t)
	pm, am := false, false
	for _, suf := range []string{"p.m.", "pm", "p.m", "a.m.", "am", "a.m"} {
		if strings.HasSuffix(low, suf) {
			pm, am = suf[0] == 'p', suf[0] == 'a'
			t = strings.TrimSpace(t[:len(t)-len(suf)])
			break
		}
	}
	var parts []string
	if len(t) >= 3 && len(t) <= 4 && strings.Trim(t, "0123456789") == "" {
		parts = []string{t[:len(t)-2], t[len(t)-2:]}
	} else {
		parts = strings.Split(t, ":")
		if len(parts) == 1 {
			parts = strings.Split(t, ".")
		}
	}
	bad := fmt.Sprintf("time %s is not a time of day such as 14:30, 2:30 pm or 14:30:15", quoteShort(s))
	if len(parts) > 3 {
		return timeline.Clock{}, bad
	}
	c := timeline.Clock{Set: true}
	limits := []int{23, 59, 59}
	for i, part := range parts {
		frac := ""
		if i == 2 {
			part, frac, _ = strings.Cut(part, ".")
		}
		n, err := strconv.Atoi(part)
		if err != nil || n < 0 || n > limits[i] || (i == 0 && (am || pm) && (n < 1 || n > 12)) || len(frac) > 3 || strings.Trim(frac, "0123456789") != "" {
			return timeline.Clock{}, bad
		}
		switch i {
		case 0:
			c.Hour = uint8(n)
		case 1:
			c.Minute = uint8(n)
		case 2:
			c.Second, c.Seconds = uint8(n), true
			if frac != "" {
				ms, _ := strconv.Atoi((frac + "00")[:3])
				c.Milli, c.Decimals = uint16(ms), uint8(len(frac))
			}
		}
	}
	switch {
	case pm && c.Hour < 12:
		c.Hour += 12
	case am && c.Hour == 12:
		c.Hour = 0
	}
	return c, ""
}

// date converts a slide's start and end to an EDTF date. For an era the
// end is required, as TimelineJS requires it (TimelineConfig.validate:
// "All eras must have start and end dates").
func (r *reader) date(s *slideIn) (timeline.Date, bool) {
	if !s.start.set {
		r.rep.Add(s.line, s.col, s.path+".start_date", "missing start date: every %s needs one (TimelineJS requires start_date.year)", kindNames[s.kind])
		return timeline.Date{}, false
	}
	a, ok := r.point(s.start)
	endSet := s.end.set && (s.end.year.set && strings.TrimSpace(s.end.year.s) != "")
	if s.end.set && !endSet {
		// TimelineJS drops an end date without a year
		// (ConfigFactory.js: "Invalid end date for spreadsheet row. Must
		// have a year if any other date fields are specified.").
		if s.end.month.set || s.end.day.set || s.end.time.set || s.end.hour.set {
			r.dropped("end dates without a year", "TimelineJS ignores them too")
		}
	}
	if s.kind == kindEra && !endSet {
		r.rep.Add(s.line, s.col, s.path+".end_date", "missing end date: an era needs a start and an end (TimelineJS requires both)")
		return timeline.Date{}, false
	}
	if !endSet {
		if !ok {
			return timeline.Date{}, false
		}
		return timeline.NewDate(a), true
	}
	b, okb := r.point(s.end)
	if !ok || !okb {
		return timeline.Date{}, false
	}
	if a == b {
		// TimelineJS drops an end date equal to the start
		// (TimelineConfig._processDates).
		return timeline.NewDate(a), true
	}
	d := timeline.NewInterval(a, timeline.BoundDate, b, timeline.BoundDate)
	if d.LatestMoment().Compare(d.EarliestMoment()) < 0 {
		r.errorf(s.end.year, "end date %s comes before start date %s", b, a)
		return timeline.Date{}, false
	}
	return d, true
}

// kindNames name the kinds of slide in messages.
var kindNames = [...]string{kindEvent: "event", kindTitle: "title slide", kindEra: "era"}

// slugify makes an id from s as TimelineJS's slugify does in spirit (see
// input.Slug, which every reader shares).
func slugify(s string) string { return input.Slug(s) }

// slug40 is the slug of s cut to 40 characters, for an id made from a
// title.
func slug40(s string) string {
	id := slugify(s)
	if utf8.RuneCountInString(id) > 40 {
		id = strings.TrimRight(string([]rune(id)[:40]), "-")
	}
	return id
}

// firstWords returns the first line of s cut to about n characters, for a
// title made from a text.
func firstWords(s string, n int) string {
	s, _, _ = strings.Cut(s, "\n")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	cut := string(rs[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}

// build makes the dataset of the slides read.
func (r *reader) build(title *slideIn, events, eras []*slideIn) *timeline.Dataset {
	d := &timeline.Dataset{Eras: []*timeline.Era{}, Categories: []*timeline.Category{}, Sources: []*timeline.Source{}, Events: []*timeline.Event{}}
	r.pos = &positions{}
	r.setTitle(d, title)
	r.addEras(d, eras)
	r.addEvents(d, events)
	r.placeInEras(d)
	d.Scale = r.scale
	return d
}

// placeInEras places each event in the era it begins in. Where it begins
// in more than one, it goes to the one that began last (the later of two
// eras sharing a boundary year: a 1986 event in eras 1981–1986 and
// 1986–2003 opens the second), the first of those in file order on a tie.
func (r *reader) placeInEras(d *timeline.Dataset) {
	several := 0
	for _, e := range d.Events {
		var in *timeline.Era
		n := 0
		for _, era := range d.Eras {
			if !e.Date.BeginsIn(era.Span) {
				continue
			}
			n++
			if in == nil || era.Span.Earliest() > in.Span.Earliest() {
				in = era
			}
		}
		if in != nil {
			e.Era = in.ID
		}
		if n > 1 {
			several++
		}
	}
	if several > 0 {
		what := "1 event begins"
		if several > 1 {
			what = strconv.Itoa(several) + " events begin"
		}
		r.notef("%s in more than one era (eras that overlap): placed in the era that began last", what)
	}
}

// setTitle gives d the title slide's headline and text as its title and
// subtitle, or a title made from the file's name.
func (r *reader) setTitle(d *timeline.Dataset, title *slideIn) {
	if title != nil {
		d.Title = strings.ReplaceAll(plain(title.headline.s), "\n", " ")
		d.Subtitle = strings.ReplaceAll(plain(title.text.s), "\n", " ")
		r.pos.title, r.pos.subtitle = title.at[atHeadline], title.at[atText]
		if title.media.given() {
			r.dropped("the title slide's media", "the title carries no media")
		}
	}
	if d.Title == "" {
		// The file's name is no title: say that there is none.
		d.Title = untitled
		r.notef("no title slide with a headline: the timeline is titled %q; give it a title slide (a row of Type \"title\" in a sheet)", untitled)
	}
}

// untitled is the title of a timeline that has none.
const untitled = "Untitled timeline"

// addEras adds an era for each era slide with a valid date, labelled by
// its headline, described by its text.
func (r *reader) addEras(d *timeline.Dataset, eras []*slideIn) {
	eraIDs := input.NewIDs()
	for i, s := range eras {
		span, ok := r.date(s)
		label := cmp.Or(strings.ReplaceAll(plain(s.headline.s), "\n", " "), "Era "+strconv.Itoa(i+1))
		if !ok {
			continue
		}
		d.Eras = append(d.Eras, &timeline.Era{ID: eraIDs.Unique(slugify(label), "era-"+strconv.Itoa(i+1)), Label: label, Span: span,
			Description: plainText(s.text.s).rich})
		r.pos.eras = append(r.pos.eras, eraPlaced(s))
	}
}

// addEvents adds an event for each slide with a valid date, its category
// made from its group and its sources from its links and media credit;
// a slide citing neither cites the input file.
func (r *reader) addEvents(d *timeline.Dataset, events []*slideIn) {
	src := &sources{r: r, byKey: map[string]*timeline.Source{}, ids: input.NewIDs()}
	eventIDs, catIDs := input.NewIDs(), input.NewIDs()
	catByKey := map[string]*timeline.Category{}
	for i, s := range events {
		date, ok := r.date(s)
		head, body := plainText(s.headline.s), plainText(s.text.s)
		e := r.event(s, i, date, head, body, eventIDs)
		if g := strings.ReplaceAll(plain(s.group.s), "\n", " "); g != "" {
			key := slugify(g)
			c := catByKey[key]
			if c == nil {
				c = &timeline.Category{ID: catIDs.Unique(key, "group-"+strconv.Itoa(len(catByKey)+1)), Label: g}
				catByKey[key] = c
				d.Categories = append(d.Categories, c)
				r.pos.categories = append(r.pos.categories, s.at[atGroup])
			}
			e.Category = c.ID
		}
		var cited []uint8
		e.Sources, cited = src.ofSlide(s, head, body)
		e.Media = r.media(&s.media)
		if ok {
			d.Events = append(d.Events, e)
			r.pos.events = append(r.pos.events, eventPlaced(s, head, body, cited))
		}
	}
	d.Sources = src.list
	r.pos.sources = src.from
}

// event returns the event of slide s, the i-th: its date, title (the
// headline, else the first words of the text), summary, id (the
// unique_id, else the title, slugified), display label and status.
func (r *reader) event(s *slideIn, i int, date timeline.Date, head, body htmlText, eventIDs *input.IDs) *timeline.Event {
	e := &timeline.Event{Date: date, Title: cmp.Or(strings.ReplaceAll(head.text, "\n", " "), firstWords(body.text, 80)), Summary: body.rich}
	if e.Title == "" {
		e.Title = "Untitled event"
		r.dropped("empty headlines", "events with neither headline nor text are titled \"Untitled event\"")
	}
	e.ID = eventIDs.Unique(cmp.Or(slugify(plain(s.uniqueID.s)), slug40(e.Title)), "event-"+strconv.Itoa(i+1))
	e.Display = r.display(s, date)
	if body.hasStatus {
		if st, ok := timeline.ParseStatus(body.status); ok {
			e.Status = st
			e.Attribution = strings.TrimSpace(body.attribution)
		}
	}
	return e
}

// display returns the display label of a slide: its display_date, else
// those of its dates, unless the label says no more than the date's own.
func (r *reader) display(s *slideIn, date timeline.Date) string {
	one := func(v value) string { return strings.ReplaceAll(plain(v.s), "\n", " ") }
	label, a, b := one(s.display), one(s.start.display), one(s.end.display)
	if label == "" && (a != "" || b != "") {
		// A start's or end's own label stands for that end of the date.
		start, _ := date.Start()
		end, _ := date.End()
		if a == "" {
			a = start.Label()
		}
		if b == "" && date.IsInterval() {
			b = end.Label()
		}
		label = a
		if b != "" {
			label += "–" + b
		}
	}
	if label == date.Label() {
		return ""
	}
	return label
}

// sources builds the dataset's sources from the links and credits of the
// slides, one source per address (or per title, for a credit without an
// address).
type sources struct {
	r      *reader
	list   []*timeline.Source
	from   []place // where each of list was first cited
	byKey  map[string]*timeline.Source
	ids    *input.IDs
	unsafe int
}

// add returns the id of the source with the given title and address,
// making it when new, cited at from; want is a preferred id.
func (s *sources) add(title, url, want string, from place) string {
	if !timeline.SafeURL(url) {
		url = ""
	}
	if title = cmp.Or(cleanLine(title), url); title == "" {
		return ""
	}
	key := "url " + url
	if url == "" {
		key = "title " + title
	}
	if src := s.byKey[key]; src != nil {
		return src.ID
	}
	id := slugify(want)
	if id == "" || s.ids.Taken(id) {
		id = slug40(title)
	}
	src := &timeline.Source{ID: s.ids.Unique(id, "source-"+strconv.Itoa(len(s.list)+1)), Title: title, URL: url}
	s.byKey[key] = src
	s.list = append(s.list, src)
	s.from = append(s.from, from)
	return src.ID
}

// ofSlide returns the ids of the sources a slide cites: the items of a
// timeline-sources list (as Write makes them), the links of its headline
// and text, and its media credit; and for each, the value citing it
// (atText, atHeadline or atCredit).
func (s *sources) ofSlide(sl *slideIn, head, body htmlText) ([]string, []uint8) {
	var out []string
	var from []uint8
	cite := func(id string, slot uint8) {
		if id != "" && !slices.Contains(out, id) {
			out = append(out, id)
			from = append(from, slot)
		}
	}
	for _, it := range body.sources {
		cite(s.add(it.text, it.href, it.id, sl.at[atText]), atText)
	}
	for _, l := range head.links {
		if s.safe(l) {
			cite(s.add(l.text, l.href, "", sl.at[atHeadline]), atHeadline)
		}
	}
	for _, l := range body.links {
		if s.safe(l) {
			cite(s.add(l.text, l.href, "", sl.at[atText]), atText)
		}
	}
	return out, from
}

// safe reports whether l links to a web address, which makes a source,
// noting links that do not.
func (s *sources) safe(l link) bool {
	if timeline.SafeURL(l.href) {
		return true
	}
	if l.href != "" && !strings.HasPrefix(l.href, "#") {
		s.r.dropped("links that are not http or https", "only web addresses become sources; the link text stays")
	}
	return false
}
