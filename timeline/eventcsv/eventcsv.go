// Package eventcsv reads and writes a dataset as one CSV table that a
// spreadsheet can open: one row per event, with the eras, categories,
// sources and the dataset's own fields in rows of their own, so that
// Read(Write(d)) gives d back.
//
// # Format
//
// The first row is a header naming the columns, in any order (case and
// surrounding spaces ignored). Write writes all of Columns:
//
//	record,id,date,display,title,summary,era,category,tags,status,attribution,sources,section,
//	label,color,description,footnote,kind,author,publisher,url,locator,
//	media,media_kind,media_quote,media_caption,media_credit,media_thumbnail,media_alt
//
// The record column says what a row is; the other columns mean what the
// JSON fields of the same name mean (see package timeline):
//
//	record     columns used
//	dataset    title (the title), summary (the subtitle), sources (the
//	           document: the id of the source the dataset derives from),
//	           url (the $schema)
//	era        id, date (the span, an EDTF interval), label, color, description
//	category   id, label, color, description
//	source     id, date, title, footnote, kind, author, publisher, url, locator
//	event      id, date, display, title, summary, era, category, tags,
//	           status, attribution, sources, section, and the event's
//	           media: media (its url), media_kind, media_quote,
//	           media_caption, media_credit, media_thumbnail, media_alt
//
// An empty record is an event, and a file without a record column holds
// events only, so that a sheet of events alone is a valid input (its
// eras, categories and sources must then be defined elsewhere, or the
// dataset does not validate). A column a record does not use must be
// empty. Write writes the dataset row first, then eras, categories,
// sources and events, each in the dataset's order; Read accepts the rows
// in any order and keeps the order of each kind. Columns other than
// Columns are reported in the notes and ignored. The required columns are
// id, date and title.
//
// The tags and sources columns hold lists separated by semicolons
// ("bridge; flood"). White space around an item is ignored, empty items
// are skipped, and a backslash makes the next character part of the item:
// "a\;b" is the one item "a;b", "\\" a backslash, "\ " a space kept at an
// end. Dates are EDTF strings; a footnote is a whole number. Other cells
// are read as written, but for the quote before a formula (below), so
// text round-trips, line breaks and all, with one exception: a CRLF line
// break inside a cell comes back as LF, as encoding/csv reads quoted line
// breaks (text with CRLF is rare, and means the same).
//
// A spreadsheet evaluates a cell that starts with =, +, -, @, tab or
// carriage return as a formula. Write puts a single quote before such a
// cell (package csvsafe; a negative whole number is left alone), which
// spreadsheets show as text, and Read removes exactly that quote, so text
// round-trips all the same. Write with Options.Raw writes cells unchanged.
package eventcsv

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/timeline-tool/timeline/timeline"
	"github.com/timeline-tool/timeline/timeline/csvsafe"
	"github.com/timeline-tool/timeline/timeline/internal/input"
)

// Columns are the columns Write writes, in order.
var Columns = []string{
	"record", "id", "date", "display", "title", "summary", "era", "category", "tags",
	"status", "attribution", "sources", "section",
	"label", "color", "description", "footnote", "kind", "author", "publisher", "url", "locator",
	"media", "media_kind", "media_quote", "media_caption", "media_credit", "media_thumbnail", "media_alt",
}

// Required are the columns a file must have.
var Required = []string{"id", "date", "title"}

// The kinds of record.
const (
	RecordDataset  = "dataset"
	RecordEra      = "era"
	RecordCategory = "category"
	RecordSource   = "source"
	RecordEvent    = "event"
)

var records = []string{RecordDataset, RecordEra, RecordCategory, RecordSource, RecordEvent}

// uses lists the columns each record uses besides record itself.
var uses = map[string][]string{
	RecordDataset:  {"title", "summary", "sources", "url"},
	RecordEra:      {"id", "date", "label", "color", "description"},
	RecordCategory: {"id", "label", "color", "description"},
	RecordSource:   {"id", "date", "title", "footnote", "kind", "author", "publisher", "url", "locator"},
	RecordEvent: {"id", "date", "display", "title", "summary", "era", "category", "tags", "status", "attribution", "sources", "section",
		"media", "media_kind", "media_quote", "media_caption", "media_credit", "media_thumbnail", "media_alt"},
}

// MaxRows is the largest number of rows Read accepts, so that memory stays
// bounded whatever the input.
const MaxRows = 200_000

// IsHeader reports whether a CSV header row is that of this format: it
// names the columns id, date and title.
func IsHeader(header []string) bool {
	for _, r := range Required {
		if !slices.ContainsFunc(header, func(h string) bool { return strings.ToLower(strings.TrimSpace(h)) == r }) {
			return false
		}
	}
	return true
}

// Options changes what Write writes.
type Options struct {
	// Raw writes cells exactly as the text is, without the quote that
	// keeps a spreadsheet from reading text as a formula.
	Raw bool
}

// Write writes d in this package's CSV format, with a header of Columns
// and "\n" line ends, cells that a spreadsheet would take for formulas
// neutralized unless o.Raw. Text that is not valid UTF-8 (which no reader
// produces, but a dataset built in code may hold) is an error naming the
// row and column, since the file could not be read back.
func Write(w io.Writer, d *timeline.Dataset, o Options) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns); err != nil {
		return err
	}
	index := map[string]int{}
	for i, c := range Columns {
		index[c] = i
	}
	var err error // the first error, after which nothing is written
	row := func(record string, cells map[string]string) {
		if err != nil {
			return
		}
		rec := make([]string, len(Columns))
		rec[0] = record
		for k, v := range cells {
			rec[index[k]] = v
		}
		for i, v := range rec {
			if !utf8.ValidString(v) {
				err = fmt.Errorf("eventcsv: %s %q: %s %s is not valid UTF-8", record, cells["id"], Columns[i], quote(v))
				return
			}
		}
		if !o.Raw {
			csvsafe.NeutralizeAll(rec)
		}
		err = cw.Write(rec)
	}
	if d.Title != "" || d.Subtitle != "" || d.Document != "" || d.Schema != "" {
		row(RecordDataset, map[string]string{"title": d.Title, "summary": d.Subtitle, "sources": joinList([]string{d.Document}), "url": d.Schema})
	}
	for _, e := range d.Eras {
		if e != nil {
			row(RecordEra, map[string]string{"id": e.ID, "date": e.Span.String(), "label": e.Label, "color": e.Color, "description": e.Description})
		}
	}
	for _, c := range d.Categories {
		if c != nil {
			row(RecordCategory, map[string]string{"id": c.ID, "label": c.Label, "color": c.Color, "description": c.Description})
		}
	}
	for _, s := range d.Sources {
		if s == nil {
			continue
		}
		fn := ""
		if s.Footnote != 0 {
			fn = strconv.Itoa(s.Footnote)
		}
		row(RecordSource, map[string]string{"id": s.ID, "date": s.Date.String(), "title": s.Title, "footnote": fn, "kind": string(s.Kind),
			"author": s.Author, "publisher": s.Publisher, "url": s.URL, "locator": s.Locator})
	}
	for _, e := range d.Events {
		if e == nil {
			continue
		}
		cells := map[string]string{"id": e.ID, "date": e.Date.String(), "display": e.Display, "title": e.Title, "summary": e.Summary,
			"era": e.Era, "category": e.Category, "tags": joinList(e.Tags), "status": string(e.Status), "attribution": e.Attribution,
			"sources": joinList(e.Sources), "section": e.Section}
		if m := e.Media; m != nil {
			cells["media"], cells["media_kind"], cells["media_quote"], cells["media_caption"] = m.URL, string(m.Kind), m.Quote, m.Caption
			cells["media_credit"], cells["media_thumbnail"], cells["media_alt"] = m.Credit, m.Thumbnail, m.Alt
		}
		row(RecordEvent, cells)
	}
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// joinList writes a list cell: items separated by "; ", with backslashes,
// semicolons and white space at the ends of an item escaped.
func joinList(items []string) string {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteString("; ")
		}
		for j, r := range it {
			if r == '\\' || r == ';' || unicode.IsSpace(r) && (j == 0 || strings.TrimRightFunc(it[j:], unicode.IsSpace) == "") {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// splitList reads a list cell written by joinList or by hand.
func splitList(s string) []string {
	var items []string
	var b strings.Builder
	keep := 0 // length of b up to the last escaped or non-space rune
	flush := func() {
		it := b.String()[:keep]
		if it != "" {
			items = append(items, it)
		}
		b.Reset()
		keep = 0
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\\' && i < len(s):
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
			b.WriteRune(r)
			keep = b.Len()
		case r == ';':
			flush()
		case unicode.IsSpace(r):
			if keep > 0 {
				b.WriteRune(r)
			}
		default:
			b.WriteRune(r)
			keep = b.Len()
		}
	}
	flush()
	return items
}

// reader holds the state of one Read.
type reader struct {
	*input.Table
	rep input.Report
	pos *positions
}

// Read reads a dataset in this package's CSV format; name is used in
// messages. It returns the dataset and notes for the user (columns
// ignored; the notes do not repeat the file name), or an error listing
// every problem found, each with the file, line and column of its cell,
// the column, the value and what would be valid (a
// *timeline.ProblemsError). Like timeline.Decode, it checks syntax and
// dates, not meaning: see timeline.Dataset.Validate, whose problems name
// the line and column of the cell of their field, or of the row of their
// record. Where a quoted cell with line breaks makes a problem's line and
// its spreadsheet row differ, the message starts with the row ("row 7:
// …"). A byte order mark, CRLF line ends and quoted cells with line
// breaks are read; rows whose every cell is empty (spreadsheets write
// them below a table) are skipped, and one note counts them; invalid UTF-8, a file over timeline.MaxInput bytes and
// more than MaxRows rows are errors.
func Read(name string, data []byte) (*timeline.Dataset, []string, error) {
	body, err := input.Check(name, data, "a timeline CSV starts with a header row naming its columns, such as "+strings.Join(Columns, ","))
	if err != nil {
		return nil, nil, err
	}
	r := &reader{rep: input.Report{Name: name}}
	var ok bool
	if r.Table, ok = input.NewTable(body, &r.rep); !ok {
		return nil, nil, r.rep.Err()
	}
	col, notes := r.columns(r.Header)
	if len(r.rep.Problems) > 0 {
		return nil, nil, r.rep.Err()
	}
	r.pos = &positions{body: body, column: col, rows: map[string][]rowAt{}}

	d := &timeline.Dataset{Eras: []*timeline.Era{}, Categories: []*timeline.Category{}, Sources: []*timeline.Source{}, Events: []*timeline.Event{}}
	datasetLine := 0
	r.Each(MaxRows, func(rec []string) { r.row(d, rec, col, &datasetLine) })
	if n := r.BlankNote(); n != "" {
		notes = append(notes, n)
	}
	if err := r.rep.Err(); err != nil {
		return nil, nil, err
	}
	origin := input.NewOrigin(name, data, r.pos.position)
	origin.Rows = r.rep.Rows
	d.SetOrigin(origin)
	return d, notes, nil
}

// columns returns the column of each name of Columns that the header
// row names, and a note for each column it ignores; a repeated column
// and a missing required one are problems.
func (r *reader) columns(header []string) (map[string]int, []string) {
	col := map[string]int{}
	var notes []string
	for i, h := range header {
		k := strings.ToLower(strings.TrimSpace(h))
		line, c := r.FieldPos(i)
		switch {
		case k == "":
			continue
		case !slices.Contains(Columns, k):
			notes = append(notes, fmt.Sprintf("ignored column %q: the columns are %s", strings.TrimSpace(h), strings.Join(Columns, ", ")))
			continue
		}
		if j, dup := col[k]; dup {
			r.rep.Add(line, c, k, "column %d repeats column %d; each column may appear once", i+1, j+1)
			continue
		}
		col[k] = i
	}
	var missing []string
	for _, k := range Required {
		if _, ok := col[k]; !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		hint := ""
		if len(header) == 1 && strings.ContainsAny(header[0], ";\t") {
			hint = "; the header has semicolons or tabs but no commas: save the table as comma-separated values"
		}
		r.rep.Add(1, 1, "", "no %s column: the header row must name the columns %s (all columns: %s)%s", strings.Join(missing, ", "), strings.Join(Required, ", "), strings.Join(Columns, ","), hint)
	}
	return col, notes
}

// cell is one cell of a row, with its position.
type cell struct {
	s         string
	line, col int
	column    string
}

func (r *reader) row(d *timeline.Dataset, rec []string, col map[string]int, datasetLine *int) {
	line, c0 := r.FieldPos(0)
	for i := len(r.Header); i < len(rec); i++ {
		if rec[i] != "" {
			l, c := r.FieldPos(i)
			r.rep.Add(l, c, "", "row has %d cells but the header names %d columns; cell %d (%s) has no column", len(rec), len(r.Header), i+1, quote(rec[i]))
			return
		}
	}
	w := csvRow{r: r, rec: rec, col: col, line: line, c0: c0, record: RecordEvent}
	if !w.checkRecord() {
		return
	}
	text := func(k string) string { return w.get(k).s }
	if w.record != RecordDataset {
		r.pos.rows[w.record] = append(r.pos.rows[w.record], r.rowAt(line))
	}
	switch w.record {
	case RecordDataset:
		if *datasetLine != 0 {
			r.rep.Add(line, c0, "record", "a second dataset row; the first is on line %d", *datasetLine)
			return
		}
		*datasetLine = line
		r.pos.dataset = r.rowAt(line)
		d.Title, d.Subtitle, d.Schema = text("title"), text("summary"), text("url")
		if docs := splitList(text("sources")); len(docs) > 1 {
			c := w.get("sources")
			r.rep.Add(c.line, c.col, "sources", "a dataset row names one document source, not %d", len(docs))
		} else if len(docs) == 1 {
			d.Document = docs[0]
		}
	case RecordEra:
		d.Eras = append(d.Eras, &timeline.Era{ID: text("id"), Label: text("label"), Span: w.date(true), Color: text("color"), Description: text("description")})
	case RecordCategory:
		d.Categories = append(d.Categories, &timeline.Category{ID: text("id"), Label: text("label"), Color: text("color"), Description: text("description")})
	case RecordSource:
		s := &timeline.Source{ID: text("id"), Title: text("title"), Kind: timeline.SourceKind(text("kind")), Author: text("author"),
			Publisher: text("publisher"), URL: text("url"), Locator: text("locator"), Date: w.date(false)}
		if fc := w.get("footnote"); strings.TrimSpace(fc.s) != "" {
			n, err := strconv.Atoi(strings.TrimSpace(fc.s))
			if err != nil || n < 0 || n > 1_000_000 {
				r.rep.Add(fc.line, fc.col, "footnote", "footnote %s is not a footnote number; use a whole number from 1, or leave it empty", quote(fc.s))
			}
			s.Footnote = n
		}
		d.Sources = append(d.Sources, s)
	case RecordEvent:
		d.Events = append(d.Events, &timeline.Event{ID: text("id"), Date: w.date(true), Display: text("display"), Title: text("title"),
			Summary: text("summary"), Era: text("era"), Category: text("category"), Tags: splitList(text("tags")),
			Status: timeline.Status(text("status")), Attribution: text("attribution"), Sources: splitList(text("sources")), Section: text("section"),
			Media: w.media()})
	}
}

// media returns the media of an event row, or nil when its media cells
// are all empty.
func (w *csvRow) media() *timeline.Media {
	m := &timeline.Media{URL: w.get("media").s, Kind: timeline.MediaKind(strings.TrimSpace(w.get("media_kind").s)), Quote: w.get("media_quote").s,
		Caption: w.get("media_caption").s, Credit: w.get("media_credit").s, Thumbnail: w.get("media_thumbnail").s, Alt: w.get("media_alt").s}
	if *m == (timeline.Media{}) {
		return nil
	}
	return m
}

// csvRow is a row being read: its cells by column and its kind of record.
type csvRow struct {
	r        *reader
	rec      []string
	col      map[string]int // column → index
	line, c0 int            // where the row starts
	record   string
}

// get returns the cell of column k; an absent one is empty, at the row.
func (w *csvRow) get(k string) cell {
	i, ok := w.col[k]
	if !ok || i >= len(w.rec) {
		return cell{line: w.line, col: w.c0, column: k}
	}
	l, c := w.r.FieldPos(i)
	return cell{s: w.rec[i], line: l, col: c, column: k}
}

// checkRecord sets the kind of record from the record column, and
// reports an unknown one or a cell in a column the record does not use.
func (w *csvRow) checkRecord() bool {
	if rc := w.get("record"); rc.s != "" {
		w.record = strings.ToLower(strings.TrimSpace(rc.s))
		if !slices.Contains(records, w.record) {
			w.r.rep.Add(rc.line, rc.col, "record", "unknown record %s; use one of %s (empty is an event)", quote(rc.s), strings.Join(records, ", "))
			return false
		}
	}
	for k := range w.col {
		if k == "record" || slices.Contains(uses[w.record], k) {
			continue
		}
		if c := w.get(k); c.s != "" {
			w.r.rep.Add(c.line, c.col, k, "%s rows do not use the %s column (value %s); leave it empty. %s rows use %s", w.record, k, quote(c.s), w.record, strings.Join(uses[w.record], ", "))
		}
	}
	return true
}

// date returns the date of the row's date column, reporting a bad one
// and, when required, a missing one.
func (w *csvRow) date(required bool) timeline.Date {
	c := w.get("date")
	s := strings.TrimSpace(c.s)
	if s == "" {
		if required {
			w.r.rep.Add(c.line, c.col, c.column, "missing date: an %s needs an EDTF date such as 1985, 1985-04-12 or 1973/1976", w.record)
		}
		return timeline.Date{}
	}
	v, err := timeline.ParseDate(s)
	if err != nil {
		w.r.rep.Add(c.line, c.col, c.column, "%v", err)
	}
	return v
}

// rowAt is where a row of a Read is: the offset in the text where
// reading it began, and the line of its first cell; the zero rowAt is
// none.
type rowAt struct{ off, line int32 }

// positions records where the rows of a Read were, so that the problems
// timeline.Dataset.Validate finds name the line and column of their cell:
// the row is read again to place its cells.
type positions struct {
	body    []byte         // the text read, after a byte order mark
	column  map[string]int // the index in a row of each column the header names
	dataset rowAt
	rows    map[string][]rowAt // of each record but the dataset, in the order of the dataset's lists
}

// cell returns the line and column of cell i of row, or 0, 0 for none.
func (p *positions) cell(row rowAt, i int) (line, col int) {
	cr := csv.NewReader(bytes.NewReader(p.body[row.off:]))
	cr.FieldsPerRecord = -1
	rec, err := cr.Read()
	if row.line == 0 || err != nil || i >= len(rec) {
		return 0, 0
	}
	first, _ := cr.FieldPos(0) // the line, counted from row.off, where the row starts
	line, col = cr.FieldPos(i)
	return int(row.line) + line - first, col
}

// rowAt returns where the row being read is, whose first cell is on line.
func (r *reader) rowAt(line int) rowAt { return rowAt{int32(r.Off), int32(line)} }

// listRecord gives the record of the elements of each list of a dataset.
var listRecord = map[string]string{"eras": RecordEra, "categories": RecordCategory, "sources": RecordSource, "events": RecordEvent}

// datasetColumn gives the column of each field of the dataset row.
var datasetColumn = map[string]string{"title": "title", "subtitle": "summary", "document": "sources", "$schema": "url"}

// position returns the line and column of the cell or row of a path of
// the dataset read ("events[3].era", "events[3]", "title"), or 0, 0 for a
// path with none of its own, such as "events[3].sources[1]", which
// timeline.Dataset.Validate then places at its enclosing path. It is the
// function Read gives timeline.Dataset.SetPositions.
func (p *positions) position(path string) (line, col int) {
	row, k := p.dataset, datasetColumn[path] // the row and column of path
	if strings.Contains(path, "[") {
		list, n, field, ok := input.SplitPath(path)
		record := listRecord[list]
		rows := p.rows[record]
		if !ok || n >= len(rows) {
			return 0, 0
		}
		row, k = rows[n], ""
		switch {
		case field == "":
			return p.cell(row, 0)
		case record == RecordEra && field == "span":
			k = "date"
		case record == RecordEra && field == "date":
			// An era's date column is its span.
		case record == RecordEvent && field == "media.url":
			k = "media"
		case record == RecordEvent && strings.HasPrefix(field, "media."):
			k = "media_" + strings.TrimPrefix(field, "media.")
		case slices.Contains(uses[record], field):
			k = field // the columns of the other fields are named alike
		}
	}
	if i, ok := p.column[k]; ok {
		return p.cell(row, i)
	}
	return 0, 0
}

// quote quotes s for a message, shortened to 40 characters.
func quote(s string) string { return input.Quote(s, 40) }
