package timelinejs

import (
	"bytes"
	"strings"
	"testing"
)

// Slides of the same date keep their order in the file through a read and
// a write: three 1978 slides tell their story in the order written, not in
// the order of their titles or ids.
func TestSameDateKeepsFileOrder(t *testing.T) {
	in := `{"title": {"text": {"headline": "Houston"}}, "events": [
		{"start_date": {"year": 1978}, "text": {"headline": "Zoning vote", "text": "<a href='https://example.org/z'>z</a>"}},
		{"start_date": {"year": 1977}, "text": {"headline": "Before", "text": "<a href='https://example.org/b'>b</a>"}},
		{"start_date": {"year": 1978}, "text": {"headline": "Annexation", "text": "<a href='https://example.org/a'>a</a>"}},
		{"start_date": {"year": 1978}, "text": {"headline": "Mayor elected", "text": "<a href='https://example.org/m'>m</a>"}}]}`
	d, _, err := ReadJSON("houston.json", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, e := range d.SortedEvents() {
		titles = append(titles, e.Title)
	}
	if got, want := strings.Join(titles, "; "), "Before; Zoning vote; Annexation; Mayor elected"; got != want {
		t.Errorf("sorted events %q, want %q", got, want)
	}
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	z, a, m := strings.Index(out, "Zoning vote"), strings.Index(out, "Annexation"), strings.Index(out, "Mayor elected")
	if z < 0 || !(z < a && a < m) {
		t.Errorf("the export does not keep the 1978 slides in file order:\n%s", out)
	}
}

// An imported event belongs to the era it begins in, as in our datasets,
// not only to an era that holds all of it; where two eras share a
// boundary year, to the one that begins there.
func TestEraBeginsIn(t *testing.T) {
	in := `{"title": {"text": {"headline": "Eras"}}, "events": [
		{"unique_id": "listing", "start_date": {"year": 1997, "month": 10, "day": 8}, "end_date": {"year": 2012, "month": 9, "day": 28}, "text": {"headline": "Listed"}},
		{"unique_id": "boundary", "start_date": {"year": 2003}, "text": {"headline": "Turn"}},
		{"unique_id": "before", "start_date": {"year": 1970}, "text": {"headline": "Before every era"}}],
		"eras": [
		{"start_date": {"year": 1986}, "end_date": {"year": 2003}, "text": {"headline": "Iraq"}},
		{"start_date": {"year": 2003}, "end_date": {"year": 2013}, "text": {"headline": "Ashraf"}}]}`
	d, notes, err := ReadJSON("eras.json", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"listing": "iraq", "boundary": "ashraf", "before": ""}
	for _, e := range d.Events {
		if e.Era != want[e.ID] {
			t.Errorf("event %s is in era %q, want %q", e.ID, e.Era, want[e.ID])
		}
	}
	if !strings.Contains(strings.Join(notes, "\n"), "1 event begins in more than one era") {
		t.Errorf("notes %q do not count the event that begins in two eras", notes)
	}
}
