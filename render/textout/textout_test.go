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

// TestWideCharactersAlign checks that the columns after a title in
// Chinese stay in line: a wide character takes two terminal columns.
func TestWideCharactersAlign(t *testing.T) {
	v := render.Build(rendertest.Synthetic(3), timeline.Filter{}, render.Options{})
	v.Events[0].Title = "合作社成立"
	v.Events[1].Title = "Cafe\u0301 opens" // a combining accent takes no column
	lines := strings.Split(write(t, v, textout.Options{}), "\n")
	var col []int
	for _, l := range lines[3 : 4+len(v.Events)] {
		i := strings.LastIndex(l, "  ")
		col = append(col, textout.Width(l[:i+2]))
	}
	for i, c := range col {
		if c != col[0] {
			t.Errorf("SOURCES starts at column %d on line %d, %d on the header:\n%s", c, i, col[0], strings.Join(lines, "\n"))
		}
	}
	if got := write(t, v, textout.Options{NoSources: true}); strings.Contains(got, "SOURCES") {
		t.Errorf("NoSources keeps the SOURCES column:\n%s", got)
	}
}

func TestWidth(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "合作": 4, "ｆｕｌｌ": 8, "e\u0301": 1, "a\u200fb": 2, "مریم": 4} {
		if got := textout.Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}
