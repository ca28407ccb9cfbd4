// Package markwhen reads markwhen text (.mw files): timelines written as
// plain text, one event a line ("2023-01-05: Launch #release"), as the
// markwhen editor and its parser (@markwhen/parser) read them.
//
// # What is read, and what it becomes
//
//   - The header, the lines before the first event or section (or a
//     front matter between two "---" lines): "title:" is the dataset's
//     title, "description:" its subtitle, "dateFormat: d/M/y" reads slash
//     dates day first, "timezone:" (or "tz:") is the zone of the times of
//     day written without one. A timeline without a title is "Untitled
//     timeline".
//   - An event: a date range, a colon and its description. The text on
//     the date's line is the title; the lines after it, up to the next
//     event or section, are the summary (each line trimmed, blank lines
//     kept as paragraph breaks, comments left out). Every "#tag" in the
//     title or the summary is a tag, and is taken out of the text, as
//     markwhen shows it. "!id" on the first line, or an "id:" property,
//     is the event's id; other events get one made from their title.
//   - Dates in markwhen's forms (see parseRange): EDTF dates and ranges
//     (2023-01/2023-04), American or, with dateFormat, European slash
//     dates (12/25/1901, 04/1776), months by name (March 16 2021,
//     4 January 1996), ranges with "-" or "to" (1999 - 2003), ISO date-
//     times, years BCE (300 BC - 200 BC, as the astronomical years -0299
//     to -0199), years beyond four digits (EDTF long years, Y12345). A
//     range's end "now" is an open end (2005/..). A time of day makes an
//     EDTF date-time as precise as written (2022-01-30 8am is
//     2022-01-30T08:00, 2031-11-19T01:35:10Z stays so). Without a zone it
//     is in the zone of the innermost group or section with a timezone
//     property, or else the header's, with that zone's offset on its
//     date, summer time included (see point.zoned: 2022-07-30 8am under
//     timezone: America/New_York is 2022-07-30T08:00-04:00); with no
//     timezone, it is local time, as in markwhen. A date without a time
//     stays a date. A range's end given as an amount
//     after its start, in years, months, weeks or days (2018/6 months,
//     03/2025 - 1 year), ends where markwhen ends it: 2018/2018-06,
//     2025-03/2026-02.
//   - A group ("group Name" … "endGroup", or a markdown heading "# Name",
//     "## Name", … whose style is not section) is a category, a lane of
//     the chart: an event's category is its innermost group, labelled with
//     the names of the groups around it ("The 90s / The 2000s").
//   - A section ("section Name" … "endSection", or a heading followed by
//     the property "style: section") is an era, a band behind the events,
//     spanning the events in it from the first's start to the last's end;
//     an event's era is its innermost section.
//
// An event's first image (![alt](address), on its first line or in its
// description) is its media, an image with that alt text. What markwhen
// has and this tool's model does not (header keys such as view and edit;
// tag colours; event and group properties other than id; tags
// on a group; text outside any event) is listed in one note. The
// description is Markdown, and its links and emphasis are the summary's
// rich text (timeline.ParseText); further images become links to them,
// and task lists and references stay in the text as written; the note
// says so. Dates markwhen works out from other dates (a
// start relative to another event or to the last date, "after !id 3
// weeks" or "2 weeks", an amount of hours or week days, a time alone, a
// month without a year, "now" as a start, recurrences) have no fixed date
// and are errors that name their line and column.
package markwhen

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/timeline-tool/timeline/timeline"
	"github.com/timeline-tool/timeline/timeline/internal/input"
)

// MaxEvents is the largest number of events read.
const MaxEvents = input.MaxEvents

// maxEvents is MaxEvents, lowered by tests.
var maxEvents = MaxEvents

// MaxDepth is the deepest nesting of groups and sections read.
const MaxDepth = 32

// UntitledTitle is the title of a timeline whose header has none.
const UntitledTitle = "Untitled timeline"

// Read reads markwhen text; name is used in messages. It returns the
// dataset and notes for the user (what markwhen has that the dataset
// cannot hold; the notes do not repeat the file name), or an error listing
// every problem found, each with the file, line and column (a
// *timeline.ProblemsError). Like timeline.Decode it checks syntax and
// dates, not meaning; the problems timeline.Dataset.Validate finds name
// the line and column of the event, its date or its title. A byte order
// mark and CRLF line ends are read; invalid UTF-8, a file over
// input.MaxBytes bytes and more than MaxEvents events are errors.
func Read(name string, data []byte) (*timeline.Dataset, []string, error) {
	d, notes, _, err := read(name, data)
	return d, notes, err
}

// read is Read, returning also where each value was read.
func read(name string, data []byte) (*timeline.Dataset, []string, *positions, error) {
	body, err := input.Check(name, data, "a markwhen timeline has lines such as \"2023-01-05: Launch\"")
	if err != nil {
		return nil, nil, nil, err
	}
	r := &reader{rep: input.Report{Name: name}, lines: input.NewLines(data), skip: len(data) - len(body), lost: map[string][]string{},
		catIDs: input.NewIDs(), eraIDs: input.NewIDs()}
	r.d = &timeline.Dataset{Eras: []*timeline.Era{}, Categories: []*timeline.Category{}, Sources: []*timeline.Source{}, Events: []*timeline.Event{}}
	r.pos.header = map[string]input.Place{}
	lines := splitLines(string(body))
	i := r.header(lines)
	for i < len(lines) && !r.rep.Full {
		i = r.line(lines, i)
	}
	r.closeEvent()
	if err := r.rep.Err(); err != nil {
		return nil, nil, nil, err
	}
	r.finish()
	d := r.d
	d.SetOrigin(input.NewOrigin(name, data, r.pos.position))
	return d, r.notes(), &r.pos, nil
}

// line is one line of the text: its content without the line end, and
// the byte offset of its first byte in the text read.
type line struct {
	s   string
	off int
}

func splitLines(s string) []line {
	var ls []line
	off := 0
	for off <= len(s) {
		j := strings.IndexByte(s[off:], '\n')
		if j < 0 {
			if off < len(s) {
				ls = append(ls, line{strings.TrimSuffix(s[off:], "\r"), off})
			}
			break
		}
		ls = append(ls, line{strings.TrimSuffix(s[off:off+j], "\r"), off})
		off += j + 1
	}
	return ls
}

// reader holds the state of one Read.
type reader struct {
	rep      input.Report
	lines    *input.Lines // of the whole file, byte order mark and all
	skip     int          // the bytes of the byte order mark
	dayFirst bool
	zone     *time.Location // the header's timezone, or nil
	d        *timeline.Dataset

	stack    []*container // the groups and sections open, outermost first
	ev       *eventIn     // the event being read
	skipping bool         // in the description of an event that is not read
	events   []*eventIn
	eraOf    [][]*timeline.Event // the events of each era

	catIDs, eraIDs *input.IDs

	untitled bool                // the header has no title
	lost     map[string][]string // what is kept nowhere, by kind, with examples
	lostKind []string            // the kinds in the order first met
	pos      positions
}

// container is an open group or section.
type container struct {
	section bool
	level   int // 1 to 6 for a markdown heading, 0 for group/section … end
	title   string
	at      input.Place
	zone    *time.Location // its timezone property, or nil
	id      string         // its category's or era's id, once an event is in it
	era     int            // a section's index in d.Eras, once it has an id
}

// eventIn is an event being read.
type eventIn struct {
	e     *timeline.Event
	id    string // the id given (!id or id:), or ""
	desc  []string
	place eventPlace
	line  int
}

// place returns the line and column of byte offset off of the text read
// (after a byte order mark).
func (r *reader) place(off int) input.Place {
	l, c := r.lines.Pos(off + r.skip)
	return input.Place{Line: int32(l), Col: int32(c)}
}

func (r *reader) errorAt(off int, format string, args ...any) {
	p := r.place(off)
	r.rep.Add(int(p.Line), int(p.Col), "", format, args...)
}

// lose records something markwhen has that is kept nowhere, of a kind
// ("event properties") with an example ("location").
func (r *reader) lose(kind, example string) {
	ex, seen := r.lost[kind]
	if !seen {
		r.lostKind = append(r.lostKind, kind)
	}
	if example != "" && len(ex) < 5 && !slices.Contains(ex, example) {
		ex = append(ex, example)
	}
	r.lost[kind] = ex
}

// notes returns the one note of what was not kept.
func (r *reader) notes() []string {
	var notes []string
	if r.untitled {
		notes = append(notes, "the header has no title (title: …): the timeline is called "+UntitledTitle)
	}
	if len(r.lostKind) == 0 {
		return notes
	}
	parts := make([]string, len(r.lostKind))
	for i, k := range r.lostKind {
		parts[i] = k
		if ex := r.lost[k]; len(ex) > 0 {
			parts[i] += " (" + strings.Join(ex, ", ") + ")"
		}
	}
	return append(notes, "markwhen has what this tool's dataset has no place for: "+strings.Join(parts, "; "))
}

var (
	// headingRE is a markdown heading, markwhen's section syntax.
	headingRE = regexp.MustCompile(`^\s*(#{1,6})\s+(.*)$`)
	// groupRE is the older group and section syntax.
	groupRE    = regexp.MustCompile(`^\s*(group|section)(?:\s+(.*))?$`)
	groupEndRE = regexp.MustCompile(`^\s*(endGroup|endSection)\s*$`)
	// propertyRE is a property line, key: value.
	propertyRE = regexp.MustCompile(`^\s*([\w\-.]+):(?:\s+(.*?))?\s*$`)
	// tagColorRE is a tag's colour in the header: #Travel: blue.
	tagColorRE = regexp.MustCompile(`^\s*#(\w*):\s*(\S+)`)
	imageRE    = regexp.MustCompile(`!\[([^\]]*)\]\(([^)\s]*)\)`)
	taskRE     = regexp.MustCompile(`^\s*- \[(?:x|X| )?\]`)
	refRE      = regexp.MustCompile(`(?:^|\s)@\w`)
)

func isComment(s string) bool { return strings.HasPrefix(strings.TrimLeft(s, " \t"), "//") }

// isGroupEnd, headingMatch and groupMatch read l as the end of a group or
// section, a markdown heading, or a group or section, looking at its first
// character before any pattern.
func isGroupEnd(l string) bool { return startsWith(l, 'e') && groupEndRE.MatchString(l) }

// startsWith reports whether l's first character after spaces is c.
func startsWith(l string, c byte) bool {
	t := strings.TrimLeft(l, " \t")
	return t != "" && t[0] == c
}

// property returns the key and value of a property line, key: value.
func property(l string) []string {
	if !strings.Contains(l, ":") {
		return nil
	}
	return propertyRE.FindStringSubmatch(l)
}

func headingMatch(l string) []string {
	if !startsWith(l, '#') {
		return nil
	}
	return headingRE.FindStringSubmatch(l)
}

func groupMatch(l string) []string {
	if !startsWith(l, 'g') && !startsWith(l, 's') {
		return nil
	}
	return groupRE.FindStringSubmatch(l)
}

// startsEvents reports whether l starts the body: an event, a heading or
// a group or section.
func (r *reader) startsEvents(l string) bool {
	if headingMatch(l) != nil || groupMatch(l) != nil {
		return true
	}
	t := strings.TrimLeft(l, " \t")
	if _, ok := parseRange(t, 0, r.dayFirst); ok {
		return true
	}
	return unread(t) != ""
}

// header reads the header and returns the index of the first line after
// it.
func (r *reader) header(ls []line) int {
	i := 0
	for i < len(ls) && (strings.TrimSpace(ls[i].s) == "" || isComment(ls[i].s)) {
		i++
	}
	if i < len(ls) && strings.HasPrefix(ls[i].s, "---") {
		open := i
		for i++; i < len(ls) && !strings.HasPrefix(ls[i].s, "---"); i++ {
			r.headerLine(ls, i)
		}
		if i == len(ls) {
			r.errorAt(ls[open].off, "the header opened with --- is not closed: end it with a line of ---")
			return i
		}
		return i + 1
	}
	for ; i < len(ls) && !r.startsEvents(ls[i].s); i++ {
		r.headerLine(ls, i)
	}
	return i
}

// headerLine reads one line of the header.
func (r *reader) headerLine(ls []line, i int) {
	l := ls[i]
	t := strings.TrimSpace(l.s)
	switch {
	case t == "" || isComment(l.s):
		return
	case tagColorRE.MatchString(l.s):
		m := tagColorRE.FindStringSubmatch(l.s)
		r.lose("tag colours", "#"+m[1]+": "+m[2])
		return
	}
	m := property(l.s)
	if m == nil || strings.HasPrefix(l.s, " ") || strings.HasPrefix(l.s, "\t") {
		// A continuation of a value of several lines, or text.
		if strings.HasPrefix(t, "- ") || strings.HasPrefix(l.s, " ") || strings.HasPrefix(l.s, "\t") {
			return // part of the key before, noted with it
		}
		r.lose("text before the first event", firstWords(t))
		return
	}
	key, value := m[1], unquote(m[2])
	off := l.off + strings.Index(l.s, key)
	var err error
	switch strings.ToLower(key) {
	case "title":
		r.d.Title = value
		r.pos.header["title"] = r.place(off)
	case "description":
		r.d.Subtitle = value
		r.pos.header["subtitle"] = r.place(off)
	case "timezone", "tz":
		if r.zone, err = parseZone(value); err != nil {
			r.errorAt(off, "%v", err)
		}
	case "dateformat":
		if value == "d/M/y" {
			r.dayFirst = true
		} else if value != "M/d/y" {
			r.errorAt(off, "dateFormat %q: markwhen knows only d/M/y (day first); without it, slash dates are month first (M/d/y)", value)
		}
	default:
		r.lose("header keys", key)
	}
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}

func firstWords(s string) string { return input.Quote(s, 30) }

// line reads the line ls[i] of the body and returns the index of the
// next line to read.
func (r *reader) line(ls []line, i int) int {
	l := ls[i]
	t := strings.TrimLeft(l.s, " \t")
	indent := len(l.s) - len(t)
	switch {
	case strings.TrimSpace(t) == "":
		if r.ev != nil {
			r.ev.desc = append(r.ev.desc, "")
		}
		return i + 1
	case isComment(t):
		return i + 1
	}
	if m := headingMatch(l.s); m != nil {
		r.closeEvent()
		return r.open(ls, i, len(m[1]), m[2], false)
	}
	if m := groupMatch(l.s); m != nil {
		r.closeEvent()
		title, _, _ := strings.Cut(m[2], "//") // a comment ends the line
		return r.open(ls, i, 0, title, m[1] == "section")
	}
	if isGroupEnd(l.s) {
		r.closeEvent()
		r.end()
		return i + 1
	}
	if dr, ok := parseRange(l.s, indent, r.dayFirst); ok {
		r.closeEvent()
		return r.event(ls, i, dr)
	}
	if why := unread(t); why != "" {
		r.closeEvent()
		r.errorAt(l.off+indent, "%s", why)
		r.skipping = true
		return i + 1
	}
	switch {
	case r.ev != nil:
		r.ev.desc = append(r.ev.desc, strings.TrimSpace(t))
	case !r.skipping:
		r.lose("text outside any event", firstWords(strings.TrimSpace(t)))
	}
	return i + 1
}

// open opens a group or section whose heading is line ls[i], of level
// (0 for the keyword syntax), and reads its properties.
func (r *reader) open(ls []line, i, level int, title string, section bool) int {
	r.skipping = false
	if level > 0 {
		for len(r.stack) > 0 && r.stack[len(r.stack)-1].level >= level {
			r.stack = r.stack[:len(r.stack)-1]
		}
	}
	c := &container{section: section, level: level, at: r.place(ls[i].off + len(ls[i].s) - len(strings.TrimLeft(ls[i].s, " \t")))}
	title, tags := takeTags(title)
	for _, t := range tags {
		r.lose("tags on groups and sections", "#"+t)
	}
	c.title = strings.TrimSpace(title)
	if c.title == "" {
		c.title = fmt.Sprintf("Untitled group (line %d)", c.at.Line)
	}
	next, props := r.properties(ls, i+1)
	for _, p := range props {
		if strings.EqualFold(p.key, "style") && level > 0 {
			c.section = strings.EqualFold(p.value, "section")
			continue
		}
		if p.key == "timezone" || p.key == "tz" {
			var err error
			if c.zone, err = parseZone(p.value); err != nil {
				r.errorAt(p.off, "%v", err)
			}
			continue
		}
		r.lose("group and section properties", p.key)
	}
	if len(r.stack) >= MaxDepth {
		r.errorAt(ls[i].off, "groups and sections nested more than %d deep", MaxDepth)
		return next
	}
	r.stack = append(r.stack, c)
	return next
}

// end closes the innermost group or section opened by a keyword.
func (r *reader) end() {
	r.skipping = false
	if len(r.stack) > 0 {
		r.stack = r.stack[:len(r.stack)-1]
	}
}

// prop is a property: its key, its value and the byte offset of its key
// in the text read.
type prop struct {
	key, value string
	off        int
}

// properties reads the property lines from ls[i] on and returns the index
// of the line after them.
func (r *reader) properties(ls []line, i int) (int, []prop) {
	var ps []prop
	for ; i < len(ls); i++ {
		l := ls[i].s
		if isComment(l) {
			continue
		}
		if r.startsEvents(l) || isGroupEnd(l) {
			break
		}
		m := property(l)
		if m == nil {
			if len(ps) > 0 && (strings.HasPrefix(strings.TrimSpace(l), "- ") && !taskRE.MatchString(l)) {
				continue // an item of a list value
			}
			break
		}
		ps = append(ps, prop{m[1], unquote(m[2]), ls[i].off + strings.Index(l, m[1])})
	}
	return i, ps
}

// event reads the event whose date range dr is on line ls[i].
func (r *reader) event(ls []line, i int, dr dateRange) int {
	r.skipping = false
	l := ls[i]
	if len(r.events) >= maxEvents {
		r.errorAt(l.off, "more than %d events; the most read is %d", maxEvents, maxEvents)
		r.rep.Full = true
		return len(ls)
	}
	ev := &eventIn{e: &timeline.Event{}, line: i}
	ev.place.row = r.place(l.off + dr.start)
	ev.place.date = ev.place.row
	text := l.s[dr.end:]
	ev.place.title = r.place(l.off + dr.end + len(text) - len(strings.TrimLeft(text, " \t")))
	ev.e.Date = r.date(l, dr)
	text, ev.id = takeID(text)
	// As markwhen does, an image on the first line is no part of the
	// title: it goes to the description.
	if strings.Contains(text, "![") {
		for _, img := range imageRE.FindAllString(text, -1) {
			ev.desc = append(ev.desc, img)
		}
		text = imageRE.ReplaceAllString(text, "")
	}
	r.notice(text)
	text, tags := takeTags(text)
	ev.e.Tags = tags
	ev.e.Title = strings.Join(strings.Fields(text), " ")
	next, props := r.properties(ls, i+1)
	for _, p := range props {
		if p.key == "id" && ev.id == "" && p.value != "" {
			ev.id = p.value
			continue
		}
		r.lose("event properties", p.key)
	}
	r.placeInContainers(ev)
	r.ev = ev
	r.events = append(r.events, ev)
	return next
}

// placeInContainers puts the event in the category of its innermost group
// and the era of its innermost section.
func (r *reader) placeInContainers(ev *eventIn) {
	var group, section *container
	var gPath, sPath []string
	for _, c := range r.stack {
		if c.section {
			section = c
			sPath = append(sPath, c.title)
		} else {
			group = c
			gPath = append(gPath, c.title)
		}
	}
	if group != nil {
		if group.id == "" {
			group.id = r.catIDs.Unique(input.Slug(group.title), fmt.Sprintf("group-%d", len(r.d.Categories)+1))
			r.d.Categories = append(r.d.Categories, &timeline.Category{ID: group.id, Label: strings.Join(gPath, " / ")})
			r.pos.categories = append(r.pos.categories, group.at)
		}
		ev.e.Category = group.id
	}
	if section != nil {
		if section.id == "" {
			section.era = len(r.d.Eras)
			section.id = r.eraIDs.Unique(input.Slug(section.title), fmt.Sprintf("section-%d", section.era+1))
			r.d.Eras = append(r.d.Eras, &timeline.Era{ID: section.id, Label: strings.Join(sPath, " / ")})
			r.pos.eras = append(r.pos.eras, section.at)
			r.eraOf = append(r.eraOf, nil)
		}
		ev.e.Era = section.id
		r.eraOf[section.era] = append(r.eraOf[section.era], ev.e)
	}
}

// notice records what markwhen makes of text that stays text here.
func (r *reader) notice(s string) {
	switch {
	case !strings.Contains(s, "]("):
	case imageRE.MatchString(s):
		r.lose("images after an event's first (its media), which become links to the image", "")
	}
	if startsWith(s, '-') && taskRE.MatchString(s) {
		r.lose("task lists, kept in the text as written", "")
	}
	if strings.Contains(s, "@") && refRE.MatchString(s) {
		r.lose("references to other timelines (@name), kept in the text as written", "")
	}
}

// closeEvent ends the event being read: its summary is its description.
func (r *reader) closeEvent() {
	ev := r.ev
	if ev == nil {
		return
	}
	r.ev = nil
	var out []string
	for _, d := range ev.desc {
		d = takeImage(ev.e, d)
		r.notice(d)
		d = imagesAsLinks(d)
		d, tags := takeTags(d)
		for _, t := range tags {
			if !slices.Contains(ev.e.Tags, t) {
				ev.e.Tags = append(ev.e.Tags, t)
			}
		}
		d = strings.TrimSpace(d)
		if d == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, d)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	ev.e.Summary = strings.Join(out, "\n")
}

// imagesAsLinks turns the images of markdown text s (![alt](address))
// into links to them, named by their alt text: its Markdown links and
// emphasis are rich text already (timeline.ParseText).
func imagesAsLinks(s string) string {
	if !strings.Contains(s, "![") {
		return s
	}
	return imageRE.ReplaceAllStringFunc(s, func(img string) string {
		m := imageRE.FindStringSubmatch(img)
		if m[1] == "" {
			m[1] = "image"
		}
		return "[" + m[1] + "](" + m[2] + ")"
	})
}

// takeImage makes the first image of an event's text its media, as an
// image with its alt text, and returns the text without it.
func takeImage(e *timeline.Event, s string) string {
	if e.Media != nil || !strings.Contains(s, "![") {
		return s
	}
	m := imageRE.FindStringSubmatchIndex(s)
	if m == nil || m[5] == m[4] {
		return s
	}
	e.Media = &timeline.Media{URL: s[m[4]:m[5]], Kind: timeline.MediaImage, Alt: s[m[2]:m[3]]}
	return s[:m[0]] + s[m[1]:]
}

// date returns the date of the range dr of line l, reporting what is not
// a date.
func (r *reader) date(l line, dr dateRange) timeline.Date {
	at := l.off + dr.start
	what := strings.TrimSpace(l.s[dr.start:dr.dateEnd])
	for _, p := range []point{dr.from, dr.to} {
		if p.month > 12 || p.day > 31 {
			order := "month first (M/D/Y)"
			if r.dayFirst {
				order = "day first (D/M/Y, as dateFormat: d/M/y says)"
			}
			md := fmt.Sprintf("month %d", p.month)
			if p.day > 0 {
				md += fmt.Sprintf(", day %d", p.day)
			}
			r.errorAt(at, "%q is no date: %s; slash dates are read %s", what, md, order)
			return timeline.Date{}
		}
	}
	loc := r.timezone()
	dr.from, dr.to = dr.from.zoned(loc), dr.to.zoned(loc)
	if dr.dur != nil {
		end, ok := dr.dur.after(dr.from)
		if !ok {
			r.errorAt(at, "%q: a duration after a time of day or a long year is not read: give the end itself", what)
			return timeline.Date{}
		}
		dr.to = end
	}
	s := dr.from.edtf()
	if dr.hasTo {
		if dr.to.now {
			s += "/.."
		} else {
			s += "/" + dr.to.edtf()
		}
	}
	d, err := timeline.ParseDate(s)
	if err != nil {
		r.errorAt(at, "%q is no date (as EDTF, %s): %v", what, s, err)
		return timeline.Date{}
	}
	return d
}

// timezone returns the zone of the times of the event being read: the
// innermost group's or section's, or the header's, or nil.
func (r *reader) timezone() *time.Location {
	for i := len(r.stack) - 1; i >= 0; i-- {
		if r.stack[i].zone != nil {
			return r.stack[i].zone
		}
	}
	return r.zone
}

// idRE is an event id on an event's first line: !id.
var idRE = regexp.MustCompile(`(?:^|\W)!(\w+)`)

// takeID takes the first !id out of s.
func takeID(s string) (string, string) {
	if !strings.Contains(s, "!") {
		return s, ""
	}
	m := idRE.FindStringSubmatchIndex(s)
	if m == nil {
		return s, ""
	}
	return s[:m[2]-1] + s[m[3]:], s[m[2]:m[3]]
}

// takeTags takes the tags (#word, not #123) out of s, as markwhen does,
// and returns the text left and the tags in order, each once.
func takeTags(s string) (string, []string) {
	if !strings.Contains(s, "#") {
		return s, nil
	}
	var b strings.Builder
	var tags []string
	i := 0
	for i < len(s) {
		if s[i] != '#' || i > 0 && s[i-1] != ' ' && s[i-1] != '\t' {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isWord(s[j]) {
			j++
		}
		word := s[i+1 : j]
		digits := strings.Trim(word, "0123456789") == ""
		if word == "" || digits && (j == len(s) || s[j] == ' ' || s[j] == '\t') {
			b.WriteByte(s[i])
			i++
			continue
		}
		if !slices.Contains(tags, word) {
			tags = append(tags, word)
		}
		i = j
	}
	return b.String(), tags
}

func isWord(c byte) bool { return c == '_' || c >= '0' && c <= '9' || isLetter(c) }

// finish gives the events their ids and the eras their spans, and the
// dataset its events.
func (r *reader) finish() {
	d := r.d
	ids := input.NewIDs()
	for _, ev := range r.events {
		if ev.id != "" {
			ids.Reserve(ev.id)
		}
	}
	for _, ev := range r.events {
		ev.e.ID = ev.id
		if ev.id == "" {
			ev.e.ID = ids.Unique(input.Slug(ev.e.Title), fmt.Sprintf("line-%d", ev.place.row.Line))
		}
		d.Events = append(d.Events, ev.e)
		r.pos.events = append(r.pos.events, ev.place)
	}
	for k, evs := range r.eraOf {
		d.Eras[k].Span = span(evs)
	}
	if d.Title == "" {
		d.Title = UntitledTitle
		r.untitled = true
	}
}

// span returns the interval from the start of the earliest of evs to the
// end of the latest, or the zero Date when none has a date.
func span(evs []*timeline.Event) timeline.Date {
	var first, last *timeline.Event
	for _, e := range evs {
		if e.Date.IsZero() {
			continue
		}
		if first == nil || e.Date.Earliest() < first.Date.Earliest() {
			first = e
		}
		if last == nil || e.Date.OpenEnd() || !last.Date.OpenEnd() && e.Date.Latest() > last.Date.Latest() {
			last = e
		}
	}
	if first == nil {
		return timeline.Date{}
	}
	a, _ := first.Date.Start()
	b, bk := last.Date.End()
	return timeline.NewInterval(a, timeline.BoundDate, b, bk)
}

// eventPlace is where an event was read.
type eventPlace struct{ row, date, title input.Place }

// positions records where the values of a Read were, so that the
// problems timeline.Dataset.Validate finds name their line and column.
type positions struct {
	header           map[string]input.Place
	events           []eventPlace
	categories, eras []input.Place
}

// position returns the line and column of a path of the dataset read
// ("events[3].date", "events[3]", "title"), or 0, 0 for a path with none
// of its own.
func (p *positions) position(path string) (line, col int) {
	if pl, ok := p.header[path]; ok {
		return int(pl.Line), int(pl.Col)
	}
	list, n, field, ok := input.SplitPath(path)
	if !ok {
		return 0, 0
	}
	var pl input.Place
	switch {
	case list == "events" && n < len(p.events):
		switch field {
		case "":
			pl = p.events[n].row
		case "date":
			pl = p.events[n].date
		case "title":
			pl = p.events[n].title
		}
	case list == "categories" && n < len(p.categories) && field == "":
		pl = p.categories[n]
	case list == "eras" && n < len(p.eras) && (field == "" || field == "span"):
		pl = p.eras[n]
	}
	return int(pl.Line), int(pl.Col)
}

// Looks reports whether text looks like markwhen: one of its first lines
// is an event line ("2023-01-05: Launch"), and no line before it is a
// table's.
func Looks(body []byte) bool {
	ls := splitLines(string(body[:min(len(body), 16384)]))
	if len(ls) > 200 {
		ls = ls[:200]
	}
	for _, l := range ls {
		for _, dayFirst := range []bool{false, true} {
			if _, ok := parseRange(strings.TrimLeft(l.s, " \t"), 0, dayFirst); ok {
				return true
			}
		}
	}
	return false
}
