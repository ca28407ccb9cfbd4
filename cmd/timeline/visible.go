package main

import (
	"io"
	"unicode/utf8"

	"github.com/timeline-tool/timeline/render/textout"
)

// visible is textout.Visible: what a terminal would act on, as escapes.
func visible(s string) string { return textout.Visible(s) }

// hidden reports whether the rune r, n bytes long in its string, is one
// visible shows as an escape.
func hidden(r rune, n int) bool {
	return r == utf8.RuneError && n == 1 || textout.Visible(string(r)) != string(r)
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
