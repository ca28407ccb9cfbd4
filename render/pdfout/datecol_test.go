package pdfout

import (
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

func TestDateLines(t *testing.T) {
	d := newDoc(build(loadSmall(t), timeline.Filter{}), "letter", Options{})
	for _, c := range []struct {
		label string
		want  []string
	}{
		{"1997", []string{"1997"}},
		{"c. 1985–present", []string{"c. 1985–present"}},
		// An interval breaks after its dash, never inside a date.
		{"8 Oct 1997–28 Sep 2012", []string{"8 Oct 1997–", "28 Sep 2012"}},
		{"Dec 2024–Feb 2025", []string{"Dec 2024–", "Feb 2025"}},
		{"1 Jan 44 BCE–15 Mar 14", []string{"1 Jan 44 BCE–", "15 Mar 14"}},
		// A dash inside parentheses is part of one date; the label
		// breaks before the parenthesis.
		{"111th Congress (2009–2010)", []string{"111th Congress", "(2009–2010)"}},
		{"while in Albania (2013–)", []string{"while in Albania", "(2013–)"}},
		{"2003 (not seen since)", []string{"2003", "(not seen since)"}},
		// Words break where they must, dates stay whole.
		{"as recently as January 2025", []string{"as recently as", "January 2025"}},
		// An end of an interval wider than the column breaks inside, and
		// the other end stays whole.
		{"15 September 2012–30 November 2019", []string{"15 September", "2012–", "30 November", "2019"}},
		// A word wider than the column breaks anywhere.
		{"Supercalifragilisticexpialidocious", nil},
	} {
		got := d.dateLines(c.label, sansBold, 9, dateW)
		for _, l := range got {
			if w := d.textWidth(l, sansBold, 9); w > dateW {
				t.Errorf("%q: line %q is %.1f pt wide, more than %d", c.label, l, w, dateW)
			}
		}
		if bare := func(s string) string { return strings.ReplaceAll(s, " ", "") }; bare(strings.Join(got, "")) != bare(c.label) {
			t.Errorf("%q: lines %q lose or add text", c.label, got)
		}
		if c.want != nil && strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: lines %q, want %q", c.label, got, c.want)
		}
	}
}

// TestDateColumn renders labels that need two lines and checks, through
// pdftotext, where they break, and in the layout that the column keeps
// clear of the status marks.
func TestDateColumn(t *testing.T) {
	data, _, err := timeline.Load("dates.json", []byte(`{"title":"Dates","sources":[{"id":"s","title":"A source"}],
		"categories":[{"id":"c","label":"Relocation and camps"}],
		"events":[
		{"id":"fto","date":"1997-10-08/2012-09-28","title":"On the list","status":"claimed","attribution":"someone","category":"c","sources":["s"]},
		{"id":"caucus","date":"2024-12/2025-02","title":"Caucus missing","category":"c","sources":["s"]},
		{"id":"congress","date":"2009/2010","display":"111th Congress (2009–2010)","title":"A resolution","sources":["s"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	v := build(data, timeline.Filter{})
	path, _ := write(t, v, Options{})
	layout := run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	var starts []string
	for _, l := range strings.Split(layout, "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			starts = append(starts, strings.Join(f, " "))
		}
	}
	all := strings.Join(starts, "\n")
	for _, want := range []string{"8 Oct 1997–", "28 Sep 2012", "Dec 2024–", "Feb 2025", "111th Congress", "(2009–2010)"} {
		found := false
		for _, l := range starts {
			if l == want || strings.HasPrefix(l, want+" ") {
				found = true
			}
		}
		if !found {
			t.Errorf("no line of the chronology starts with %q:\n%s", want, all)
		}
	}
	for _, bad := range []string{"28 Sep\n", "Feb\n", "Sep 2012\n2012"} {
		if strings.Contains(all+"\n", bad) {
			t.Errorf("a date breaks inside: %q", bad)
		}
	}

	d := newDoc(v, "letter", Options{})
	d.layout()
	for _, b := range d.blocks {
		if b.kind != kindEvent {
			continue
		}
		markLeft := float64(textX-8) - 2.6*1.3 // the widest mark's reach
		for _, r := range b.side {
			if right := r.x + d.textWidth(r.text, r.face, r.size); right > markLeft-4 {
				t.Errorf("event %s: %q ends at %.1f pt, within 4 pt of the status mark at %.1f", b.ev.ID, r.text, right, markLeft)
			}
		}
	}
}
