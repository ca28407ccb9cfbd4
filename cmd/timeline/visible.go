package main

import (
	"io"

	"github.com/timeline-tool/timeline/render/textout"
)

// visible is textout.Visible: what a terminal would act on, as escapes.
func visible(s string) string { return textout.Visible(s) }

// visibleWriter writes what it is given through visible: standard error,
// whose messages quote data and file names.
type visibleWriter struct{ w io.Writer }

func (v visibleWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(v.w, visible(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
