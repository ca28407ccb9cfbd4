// Package textout writes a view as plain text: the aligned table of
// events the list command prints, and the numbered sources.
package textout

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/timeline-tool/timeline/render"
)

// Options are the choices of Write.
type Options struct {
	// NoSources leaves out the list of sources after the table and the
	// SOURCES column that numbers them.
	NoSources bool
}

// Write writes v as text: the title and heading, one line per event (its
// date label, era, category, status, title and the numbers of the sources
// it cites), then the numbered sources with the document's notes that
// cite them.
func Write(w io.Writer, v *render.View, opts Options) error {
	fmt.Fprintf(w, "%s\n%s\n\n", Field(v.Title), Field(v.Heading))
	var tw table
	// Without the source list, the SOURCES column would number sources
	// the reader cannot look up: it goes too.
	notes := !opts.NoSources
	header := "DATE\tERA\tCATEGORY\tSTATUS\tTITLE"
	if notes {
		header += "\tSOURCES"
	}
	tw.row(strings.Split(header, "\t")...)
	for _, ev := range v.Events {
		era := ""
		if ev.Era != nil {
			era = ev.Era.ID
		}
		cells := []string{Field(ev.Label), Field(era), Field(ev.Category.ID), string(ev.Status.Status), Field(ev.Title)}
		if notes {
			cells = append(cells, noteList(ev.Notes))
		}
		tw.row(cells...)
	}
	if err := tw.write(w); err != nil {
		return err
	}
	if opts.NoSources || len(v.Sources) == 0 {
		return nil
	}
	fmt.Fprintf(w, "\nSources\n")
	for _, s := range v.Sources {
		line := fmt.Sprintf("%3d. %s", s.N, s.Citation)
		if s.URL != "" {
			line += " " + s.URL
		}
		if n := s.NotesLabel(); n != "" {
			line += " [" + n + "]"
		}
		if _, err := fmt.Fprintln(w, Field(line)); err != nil {
			return err
		}
	}
	return nil
}

func noteList(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ",")
}

// Field returns s with the characters that would break a line of a table
// (tab, line feed, carriage return) replaced by spaces, and those that
// would take over a terminal shown as escapes (see Visible).
func Field(s string) string {
	return Visible(strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s))
}

// Visible returns s with every character that could take over or
// rearrange a terminal written as a visible escape: C0 controls but tab
// and line feed, DEL and C1 controls as \x1b or \u009b, the bidirectional
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) as
// \u202e, bytes that are not UTF-8 as \xff. A dataset could otherwise
// retitle or clear the terminal that lists it, or make a line read in
// another order than it is written.
func Visible(s string) string {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if hidden(r, n) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case hidden(r, n) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case hidden(r, n):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// hidden reports whether the rune r, n bytes long in its string, must be
// shown as an escape.
func hidden(r rune, n int) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
		return true
	}
	return r == utf8.RuneError && n == 1
}

// table aligns columns of cells by the width they take on a terminal: a
// Chinese or Japanese character takes two columns, a combining mark or a
// format character none (text/tabwriter counts characters, which puts the
// columns after a wide title out of line).
type table struct {
	rows   [][]string
	widths []int
}

func (t *table) row(cells ...string) {
	for i, c := range cells {
		if i == len(t.widths) {
			t.widths = append(t.widths, 0)
		}
		if i < len(cells)-1 { // the last cell of a row is not padded
			t.widths[i] = max(t.widths[i], Width(c))
		}
	}
	t.rows = append(t.rows, cells)
}

func (t *table) write(w io.Writer) error {
	var b strings.Builder
	for _, r := range t.rows {
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", t.widths[i]-Width(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Width returns the number of terminal columns s takes: two for a wide or
// fullwidth character (East Asian Width W or F), none for a combining mark
// or a format character, one for any other.
func Width(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		case width.LookupRune(r).Kind() == width.EastAsianWide || width.LookupRune(r).Kind() == width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
