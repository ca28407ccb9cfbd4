package timeline

import (
	"slices"
	"strconv"
	"testing"

	"github.com/timeline-tool/timeline/timeline/internal/input"
)

// rowPositions places the paths of baseDataset as a reader of a table
// would: each event on a line of its own (events[i] on line 10+i), its
// era in column 20 and its category in column 30; nothing else has a
// position.
func rowPositions(path string) (line, col int) {
	for i := range 3 {
		row := "events[" + strconv.Itoa(i) + "]"
		switch path {
		case row:
			return 10 + i, 1
		case row + ".era":
			return 10 + i, 20
		case row + ".category":
			return 10 + i, 30
		}
	}
	return 0, 0
}

func problemStrings(ps Problems) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

func TestOriginPositions(t *testing.T) {
	d := baseDataset(t)
	d.SetOrigin(input.NewOrigin("t.csv", []byte("anything"), rowPositions))
	d.Events[0].Era = "e9"
	d.Events[1].Category = "c9"
	d.Events[2].Sources = []string{"s1", "s9"}
	d.Events[2].ID = "a"
	d.Title = ""
	// The title has no position; an event's id and sources[1] have none
	// of their own, so they are placed at the event's row.
	want := []string{
		"t.csv: title: missing title",
		`t.csv:12:1: events[2].id: duplicate id "a" (first used by events[0])`,
		`t.csv:10:20: events[0].era: unknown era "e9"; valid ids: e1, e2`,
		`t.csv:11:30: events[1].category: unknown category "c9"; valid ids: c1, c2`,
		`t.csv:12:1: events[2].sources[1]: unknown source "s9"; valid ids: doc, s1, s2`,
		`t.csv: eras[0]: warning: era "e1" has no events`,
		`t.csv: categories[1]: warning: category "c2" has no events`,
	}
	got := problemStrings(d.Validate())
	if !slices.Equal(got, want) {
		t.Errorf("Validate with positions:\n%q\nwant\n%q", got, want)
	}
	if again := problemStrings(d.Validate()); !slices.Equal(again, got) {
		t.Errorf("a second Validate differs:\n%q", again)
	}

	// A zero Filter keeps every index, and so the positions.
	if got := problemStrings(Filter{}.Apply(d).Validate()); !slices.Equal(got, want) {
		t.Errorf("Validate after a zero filter:\n%q\nwant\n%q", got, want)
	}
	// Any other filter renumbers the events: no positions.
	out := Filter{Categories: []string{"c9"}}.Apply(d)
	for _, p := range out.Validate() {
		if p.Line != 0 {
			t.Errorf("filtered dataset has a position: %s", p)
		}
	}
	if d.origin.Pos == nil {
		t.Errorf("Apply dropped the positions of its input")
	}

	// An origin without positions places nothing.
	d.SetOrigin(input.NewOrigin("again.csv", nil, nil))
	for _, p := range d.Validate() {
		if p.Line != 0 {
			t.Errorf("after SetOrigin: %s", p)
		}
	}
}

// TestDecodePositions checks that Decode's origin places the problems
// Validate finds.
func TestDecodePositions(t *testing.T) {
	d, err := Decode("d.json", []byte(`{"title": "T",
"sources": [{"id": "s", "title": "S"}],
"events": [{"id": "a", "date": "1985", "title": "A", "era": "x", "sources": ["s"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`d.json:3:61: events[0].era: unknown era "x" (none are defined)`}
	if got := problemStrings(d.Validate()); !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}
