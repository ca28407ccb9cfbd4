package textout_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/render/textout"
	"github.com/timeline-tool/timeline/timeline"
)

func write(t *testing.T, v *render.View, opts textout.Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := textout.Write(&b, v, opts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestWrite checks the table's shape, that the same view gives the same
// bytes, and that no text of the data breaks a line of the table.
func TestWrite(t *testing.T) {
	v := render.Build(rendertest.Synthetic(30), timeline.Filter{}, render.Options{})
	got := write(t, v, textout.Options{})
	if again := write(t, v, textout.Options{}); again != got {
		t.Errorf("two writes differ")
	}
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	// Title, heading, a blank line, the header, the events, a blank
	// line, "Sources" and the sources.
	if want := 3 + 1 + len(v.Events) + 2 + len(v.Sources); len(lines) != want {
		t.Errorf("%d lines, want %d:\n%s", len(lines), want, got)
	}
	if !strings.HasPrefix(lines[3], "DATE") || lines[4+len(v.Events)+1] != "Sources" {
		t.Errorf("table:\n%s", got)
	}
	if strings.Contains(write(t, v, textout.Options{NoSources: true}), "\nSources\n") {
		t.Errorf("NoSources lists the sources")
	}

	h := render.Build(rendertest.HostileDataset(), timeline.Filter{}, render.Options{})
	h.Events[0].Title = "two\nlines\tand a tab"
	out := write(t, h, textout.Options{})
	if n := strings.Count(out, "\n"); n != 3+1+len(h.Events)+2+len(h.Sources) {
		t.Errorf("a title with a line break breaks the table:\n%s", out)
	}
}
