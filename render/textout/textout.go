// Package textout writes a view as plain text: the aligned table of
// events the list command prints, and the numbered sources.
package textout

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/timeline-tool/timeline/render"
)

// Options are the choices of Write.
type Options struct {
	// NoSources leaves out the list of sources after the table.
	NoSources bool
}

// Write writes v as text: the title and heading, one line per event (its
// date label, era, category, status, title and the numbers of the sources
// it cites), then the numbered sources with the document's notes that
// cite them.
func Write(w io.Writer, v *render.View, opts Options) error {
	fmt.Fprintf(w, "%s\n%s\n\n", Field(v.Title), Field(v.Heading))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tERA\tCATEGORY\tSTATUS\tTITLE\tSOURCES")
	for _, ev := range v.Events {
		era := ""
		if ev.Era != nil {
			era = ev.Era.ID
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", Field(ev.Label), Field(era), Field(ev.Category.ID),
			ev.Status.Status, Field(ev.Title), noteList(ev.Notes))
	}
	if err := tw.Flush(); err != nil {
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
