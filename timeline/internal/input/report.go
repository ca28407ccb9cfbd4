package input

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/timeline-tool/timeline/timeline/csvsafe"
)

// MaxProblems bounds the errors one read reports.
const MaxProblems = 50

// Report collects the problems of one read of the file Name, up to
// MaxProblems of them.
type Report struct {
	Name     string
	Problems Problems
	// Full reports that a problem came after MaxProblems (or that the
	// read stopped early), so that Err says the list is cut short.
	Full bool
	// Rows, for a CSV file, names the spreadsheet rows of the problems
	// (see Rows.Name).
	Rows *Rows
}

// Add records a problem at line and col (0 when unknown) and path.
func (r *Report) Add(line, col int, path, format string, args ...any) {
	if len(r.Problems) >= MaxProblems {
		r.Full = true
		return
	}
	r.Problems = append(r.Problems, Problem{File: r.Name, Line: line, Col: col, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// Err returns the error of the problems (see Problems.Err), or nil.
func (r *Report) Err() error {
	if r.Full {
		r.Problems = append(r.Problems, Problem{File: r.Name, Msg: fmt.Sprintf("too many errors; stopped after %d", MaxProblems)})
	}
	if r.Rows != nil {
		r.Rows.Name(r.Problems)
	}
	return r.Problems.Err()
}

// List joins xs with ", ", for a message that names what is valid.
func List[T ~string](xs []T) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}

// Quote quotes s for a message, shortened to n characters.
func Quote(s string, n int) string {
	if utf8.RuneCountInString(s) > n {
		s = string([]rune(s)[:n]) + "…"
	}
	return strconv.Quote(s)
}

// Table reads a CSV file as the CSV formats read it: a header row, then
// rows of any length; blank rows (spreadsheets write them below a table)
// are skipped and counted, and the quote package csvsafe puts before a
// cell a spreadsheet would take for a formula is removed.
type Table struct {
	*csv.Reader
	Header []string
	Blank  int // the blank rows skipped
	// Off is the offset in the text where reading the row Each gives
	// began (before any empty lines that precede it).
	Off int
	rep *Report
}

// NewTable reads the header row of the CSV text body (as Check returns
// it), reporting to rep, whose rows it names from now on. ok is false
// after a syntax error.
func NewTable(body []byte, rep *Report) (t *Table, ok bool) {
	t = &Table{Reader: csv.NewReader(bytes.NewReader(body)), rep: rep}
	t.FieldsPerRecord = -1
	rep.Rows = CSVRows(body)
	header, err := t.Read()
	if err != nil {
		t.syntaxError(err)
		return t, false
	}
	t.Header = header
	return t, true
}

// Each calls row with each row after the header that is not blank, up to
// the end of the file, a syntax error, the row after max rows (both
// reported) or a full report.
func (t *Table) Each(max int, row func(rec []string)) {
	for n := 1; !t.rep.Full; n++ {
		t.Off = int(t.InputOffset())
		rec, err := t.Read()
		switch {
		case err == io.EOF:
			return
		case err != nil:
			t.syntaxError(err)
			return
		case n > max:
			line, _ := t.FieldPos(0)
			t.rep.Add(line, 1, "", "more than %d rows; the most read is %d", max, max)
			return
		case strings.TrimSpace(strings.Join(csvsafe.RestoreAll(rec), "")) == "":
			t.Blank++
		default:
			row(rec)
		}
	}
}

// BlankNote returns the note that counts the blank rows skipped, or "".
func (t *Table) BlankNote() string {
	switch {
	case t.Blank == 1:
		return "skipped 1 blank row (every cell empty)"
	case t.Blank > 1:
		return fmt.Sprintf("skipped %d blank rows (every cell empty)", t.Blank)
	}
	return ""
}

// syntaxError reports an error of encoding/csv at its line and column,
// with a hint for the common mistakes. Columns are those of the text
// after a byte order mark, which takes no column.
func (t *Table) syntaxError(err error) {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		t.rep.Add(0, 0, "", "%s", err.Error())
		return
	}
	msg := pe.Err.Error()
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		msg += `: a cell with a " in it must be quoted, and the " doubled ("say ""hi""")`
	case errors.Is(pe.Err, csv.ErrQuote):
		msg += `: a quoted cell must end with a " followed by a comma or the end of the line`
	}
	t.rep.Add(pe.Line, pe.Column, "", "CSV syntax error: %s", msg)
}
