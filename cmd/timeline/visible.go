package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// visible returns s with every character that could take over or
// rearrange a terminal written as a visible escape: C0 controls but tab
// and line feed, DEL and C1 controls as \x1b or \u009b, the bidirectional
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) as
// \u202e, bytes that are not UTF-8 as \xff. A dataset could otherwise
// retitle or clear the terminal that lists it, or make a line read in
// another order than it is written.
func visible(s string) string {
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

// visibleWriter writes what it is given through visible: standard error,
// whose messages quote data and file names.
type visibleWriter struct{ w io.Writer }

func (v visibleWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(v.w, visible(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
