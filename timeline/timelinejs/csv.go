package timelinejs

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/timeline-tool/timeline/timeline"
	"github.com/timeline-tool/timeline/timeline/internal/input"
)

// The columns of the TimelineJS Google Sheets template, in its order
// (website/templates/docs/using-spreadsheets.html; the header row of
// src/js/core/__tests__/women_in_computing.csv). TimelineJS matches
// headers ignoring case and spaces (ConfigFactory.js,
// extractGoogleEntryData_V4: toLowerCase().replace(" ", "")), and so do we.
var SheetColumns = []string{
	"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
	"Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
	"Media Thumbnail", "Alt Text", "Type", "Group", "Background",
}

// OldSheetColumns are the columns of the older TimelineJS sheet template,
// which TimelineJS still reads (ConfigFactory.js, extractGoogleEntryData_V1):
// a Start Date and an End Date cell in place of the Year to End Time
// columns, and Tag in place of Group.
var OldSheetColumns = []string{
	"Start Date", "End Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
	"Media Thumbnail", "Type", "Tag",
}

// columnKey returns the key under which a header matches a column: lower
// case without spaces or underscores.
func columnKey(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(h)) {
		if r != ' ' && r != '_' && r != '\t' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// IsSheetHeader reports whether a CSV header row is that of a TimelineJS
// sheet: it has a Year column (or the older template's Start Date) and a
// Headline or Text column.
func IsSheetHeader(header []string) bool {
	keys := map[string]bool{}
	for _, h := range header {
		keys[columnKey(h)] = true
	}
	return (keys["year"] || keys["startdate"]) && (keys["headline"] || keys["text"])
}

// ReadCSV reads the CSV export of a TimelineJS Google Sheet: a header row
// naming the template's columns (SheetColumns; any order, case and spaces
// ignored, missing optional columns allowed), then one row per slide. A
// row whose Type is "title" is the title slide, "era" an era, anything
// else an event; blank rows are skipped, as TimelineJS skips them, and
// one note counts them. Year,
// Month and Day cells may hold spaces and thousands commas, which
// TimelineJS removes too (clean_integer in ConfigFactory.js). The single
// quote WriteCSV puts before a cell a spreadsheet would take for a
// formula is removed (package csvsafe). Errors name
// the file, line and column of the cell, the column, the value and what
// would be valid; so do the problems timeline.Dataset.Validate finds in
// the dataset, placed at the cell a field was made from, or at its row.
func ReadCSV(name string, data []byte) (*timeline.Dataset, []string, error) {
	body, err := input.Check(name, data, "a TimelineJS sheet has a header row with Year and Headline columns")
	if err != nil {
		return nil, nil, err
	}
	r := newReader(name)
	t, ok := input.NewTable(body, &r.rep)
	if !ok {
		return nil, nil, r.rep.Err()
	}
	col := r.columns(t)
	if len(r.rep.Problems) > 0 {
		return nil, nil, r.rep.Err()
	}
	title, events, eras := r.rows(t, col)
	if n := t.BlankNote(); n != "" {
		r.extra = append(r.extra, n)
	}
	if len(events) == 0 && len(r.rep.Problems) == 0 {
		r.rep.Add(0, 0, "", "no events: the sheet has no rows besides the title and eras")
	}
	d := r.build(title, events, eras)
	if err := r.rep.Err(); err != nil {
		return nil, nil, err
	}
	origin := input.NewOrigin(name, data, r.pos.position)
	origin.Rows = r.rep.Rows
	d.SetOrigin(origin)
	return d, r.notes(), nil
}

// columns reads the header row: it returns the index of each column by
// its key, and records as problems a repeated column and a missing Year,
// or Headline and Text, column, and as notes the columns it ignores.
func (r *reader) columns(t *input.Table) map[string]int {
	header := t.Header
	col := map[string]int{} // column key → index
	unknown := []string{}
	for i, h := range header {
		k := columnKey(h)
		if k == "" {
			continue
		}
		line, c := t.FieldPos(i)
		if j, dup := col[k]; dup {
			r.rep.Add(line, c, strings.TrimSpace(h), "column %d repeats column %d (%q); each column may appear once", i+1, j+1, strings.TrimSpace(header[j]))
			continue
		}
		col[k] = i
		known := func(s string) bool { return columnKey(s) == k }
		if !slices.ContainsFunc(SheetColumns, known) && !slices.ContainsFunc(OldSheetColumns, known) {
			unknown = append(unknown, strings.TrimSpace(h))
		}
	}
	_, hasYear := col["year"]
	_, hasStart := col["startdate"]
	if !hasYear && !hasStart {
		hint := ""
		if len(header) == 1 && strings.ContainsAny(header[0], ";\t") {
			hint = "; the header has semicolons or tabs but no commas: save the sheet as comma-separated values"
		}
		r.rep.Add(1, 1, "", "no Year column: a TimelineJS sheet's header row names the columns %s%s", strings.Join(SheetColumns, ", "), hint)
	}
	_, hasHead := col["headline"]
	_, hasText := col["text"]
	if !hasHead && !hasText {
		r.rep.Add(1, 1, "", "no Headline or Text column: a TimelineJS sheet's header row names the columns %s", strings.Join(SheetColumns, ", "))
	}
	if len(r.rep.Problems) > 0 {
		return col
	}
	for _, u := range unknown {
		r.dropped(fmt.Sprintf("column %q", u), "it is not a column of the TimelineJS template")
	}

	return col
}

// rows reads the rows after the header: the title slide (the first row
// of Type title), the events and the eras.
func (r *reader) rows(t *input.Table, col map[string]int) (title *slideIn, events, eras []*slideIn) {
	t.Each(MaxEvents, func(rec []string) {
		if s := r.row(t, rec, col); s != nil {
			switch s.kind {
			case kindTitle:
				if title == nil {
					title = s
					if s.start.set {
						r.dropped("the title row's date", "the title has no date")
					}
				} else {
					// As TimelineJS does: "Multiple title slides detected."
					s.kind = kindEvent
					r.dropped("the Type of a second title row", "only the first title row is the title; later ones are events, as in TimelineJS")
					events = append(events, s)
				}
			case kindEra:
				eras = append(eras, s)
			default:
				events = append(events, s)
			}
		}
	})
	return title, events, eras
}

// row reads one sheet row.
func (r *reader) row(t *input.Table, rec []string, col map[string]int) *slideIn {
	cr, header := t, t.Header
	line, c := cr.FieldPos(0)
	s := &slideIn{path: "line " + strconv.Itoa(line), line: line, col: c}
	for i := len(header); i < len(rec); i++ {
		if strings.TrimSpace(rec[i]) != "" {
			l, c := cr.FieldPos(i)
			r.rep.Add(l, c, "", "row has %d fields but the header names %d columns; field %d (%s) has no column", len(rec), len(header), i+1, quoteShort(rec[i]))
			return nil
		}
	}
	sr := sheetRow{cr: cr, rec: rec, header: header, col: col, line: line, c: c}
	cell := sr.cell
	yearColumn := "Year"
	if _, ok := col["year"]; ok {
		s.start, s.end = sr.date("year", "month", "day", "time"), sr.date("endyear", "endmonth", "endday", "endtime")
	} else {
		// The older template: one cell per date.
		s.start, s.end = r.oldDate(sr, "startdate"), r.oldDate(sr, "enddate")
		yearColumn = "Start Date"
	}
	s.display = cell("displaydate")
	s.headline = cell("headline")
	s.text = cell("text")
	s.media = mediaIn{url: cell("media"), credit: cell("mediacredit"), caption: cell("mediacaption"), thumbnail: cell("mediathumbnail"), alt: cell("alttext")}
	s.group = cell("group")
	if _, ok := col["group"]; !ok {
		s.group = cell("tag") // the older template's name for it
	}
	switch t := strings.ToLower(strings.TrimSpace(cell("type").s)); t {
	case "title":
		s.kind = kindTitle
	case "era":
		s.kind = kindEra
	case "", "event":
	default:
		r.dropped(fmt.Sprintf("Type %q", t), `the types are "title", "era" and events; the row is read as an event, as TimelineJS reads it`)
	}
	if !s.start.set && s.kind != kindTitle {
		v := s.start.year
		if v.line == 0 {
			v.line, v.col = line, s.col
		}
		r.errorf(v, "missing year: a TimelineJS row needs a %s unless its Type is \"title\"", yearColumn)
		return nil
	}
	if cell("background").set {
		r.dropped("backgrounds", "timeline draws no slide backgrounds")
	}
	for k, v := range [nAt]value{atSlide: {line: line, col: c}, atStart: s.start.year, atDisplay: s.display, atHeadline: s.headline,
		atText: s.text, atGroup: s.group, atCredit: s.media.credit, atMedia: s.media.url} {
		s.at[k] = place{Line: int32(v.line), Col: int32(v.col)} // the zero place for a column the sheet lacks
	}
	return s
}

// sheetRow is a row of a sheet, with what it takes to read its cells.
type sheetRow struct {
	cr          *input.Table
	rec, header []string
	col         map[string]int // column key → index
	line, c     int            // where the row starts
}

// cell returns the cell of the column key, with its place; an absent
// column gives an unset value, a short row an empty one at the row.
func (w sheetRow) cell(key string) value {
	i, ok := w.col[key]
	if !ok {
		return value{path: key}
	}
	v := value{path: strings.TrimSpace(w.header[i])}
	if i < len(w.rec) {
		v.s = w.rec[i]
		v.line, v.col = w.cr.FieldPos(i)
	} else {
		v.line, v.col = w.line, w.c
	}
	v.set = strings.TrimSpace(v.s) != ""
	return v
}

// number returns the cell of a number column without the spaces and
// thousands commas TimelineJS removes too (clean_integer:
// s.replace(/[\s,]+/g, ”)).
func (w sheetRow) number(key string) value {
	v := w.cell(key)
	v.s = strings.Map(func(r rune) rune {
		if r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' {
			return -1
		}
		return r
	}, v.s)
	return v
}

// date returns the date of the year, month, day and time columns given.
func (w sheetRow) date(year, month, day, time string) dateIn {
	d := dateIn{year: w.number(year), month: w.number(month), day: w.number(day), time: w.cell(time)}
	d.set = d.year.set || d.month.set || d.day.set || d.time.set
	return d
}

// The forms of a date in a cell of the older template: a year, "year,
// month, day" (TimelineJS's own), ISO year-month-day, and month/day/year as
// JavaScript's Date reads a US spreadsheet's date.
var (
	oldCommaDate = regexp.MustCompile(`^(-?\d{1,9})(?:\s*,\s*(\d{1,2}))?(?:\s*,\s*(\d{1,2}))?$`)
	oldISODate   = regexp.MustCompile(`^(-?\d{1,9})-(\d{1,2})(?:-(\d{1,2}))?$`)
	oldUSDate    = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)
)

// oldDate reads the date cell key of the older template's layout into the
// parts of a date, each placed at the cell.
func (r *reader) oldDate(w sheetRow, key string) dateIn {
	v := w.cell(key)
	d := dateIn{year: value{path: v.path, line: v.line, col: v.col}}
	if !v.set {
		return d
	}
	d.set = true
	part := func(s string) value { return value{s: s, set: s != "", path: v.path, line: v.line, col: v.col} }
	t := strings.TrimSpace(v.s)
	if m := oldCommaDate.FindStringSubmatch(t); m != nil {
		d.year, d.month, d.day = part(m[1]), part(m[2]), part(m[3])
	} else if m := oldISODate.FindStringSubmatch(t); m != nil {
		d.year, d.month, d.day = part(m[1]), part(m[2]), part(m[3])
	} else if m := oldUSDate.FindStringSubmatch(t); m != nil {
		d.year, d.month, d.day = part(m[3]), part(m[1]), part(m[2])
		if mo, _ := strconv.Atoi(m[1]); mo > 12 {
			day, _ := strconv.Atoi(m[2])
			hint := ""
			if day >= 1 && day <= 12 {
				hint = fmt.Sprintf("; for %d/%d/%s as day/month/year write %s-%02d-%02d", mo, day, m[3], m[3], day, mo)
			}
			r.errorf(v, "%s: this layout reads month/day/year, as TimelineJS does, and %d is no month%s", quoteShort(t), mo, hint)
			d.bad = true
		}
	} else {
		r.errorf(v, "%s is not a date this sheet layout reads: write a year (1948), year,month,day (1948,3,14), 1948-03-14 or month/day/year (3/14/1948)", quoteShort(t))
		d.bad = true
	}
	return d
}
