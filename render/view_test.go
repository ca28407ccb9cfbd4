package render_test

import (
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

func loadSmall(t *testing.T) *timeline.Dataset {
	t.Helper()
	b, err := os.ReadFile("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := timeline.Load("small.json", b)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func ids(v *render.View) []string {
	var out []string
	for _, e := range v.Events {
		out = append(out, e.ID)
	}
	return out
}

func TestBuildOrderAndShapes(t *testing.T) {
	v := render.Build(loadSmall(t), timeline.Filter{}, render.Options{Version: "test"})
	if got, want := ids(v), []string{"founding", "killings", "designation", "camp-years", "albania", "raid"}; !slices.Equal(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
	want := map[string]struct {
		label string
		shape render.Shape
	}{
		"founding":    {"early 1960s", render.ShapeRange},
		"killings":    {"1973–1976", render.ShapeSpan},
		"designation": {"8 Oct 1997", render.ShapePoint},
		"raid":        {"Jun 2023", render.ShapePoint},
		"albania":     {"2013–present", render.ShapeSpan},
	}
	for _, e := range v.Events {
		w, ok := want[e.ID]
		if !ok {
			continue
		}
		if e.Label != w.label || e.Shape != w.shape {
			t.Errorf("%s: label %q shape %v, want %q %v", e.ID, e.Label, e.Shape, w.label, w.shape)
		}
		if e.Start > e.Mid || e.Mid > e.End {
			t.Errorf("%s: start %v mid %v end %v out of order", e.ID, e.Start, e.Mid, e.End)
		}
	}
	// The founding "196X" covers the whole decade.
	if f := v.Events[0]; f.Start != 1960 || f.End != 1970 {
		t.Errorf("196X drawn from %v to %v, want 1960 to 1970", f.Start, f.End)
	}
	// An open end stops at the as-of date, the document's date.
	if v.AsOfLabel != "25 Feb 2025" {
		t.Errorf("AsOfLabel = %q", v.AsOfLabel)
	}
	for _, e := range v.Events {
		if e.ID == "albania" && (!e.OpenEnd || e.End < 2025.1 || e.End > 2025.2) {
			t.Errorf("open end drawn to %v, want 25 Feb 2025 (≈2025.15)", e.End)
		}
	}
	if v.AxisStart != 1960 || v.AxisEnd != 2026 {
		t.Errorf("axis %v–%v, want 1960–2026", v.AxisStart, v.AxisEnd)
	}
	if v.CountText != "6 events" || v.Heading != "All events — 6 events" {
		t.Errorf("count %q heading %q", v.CountText, v.Heading)
	}
}

// TestBuildFootnotes checks that sources are numbered by first citation
// and that numbers and back-links agree.
func TestBuildFootnotes(t *testing.T) {
	v := render.Build(loadSmall(t), timeline.Filter{}, render.Options{})
	var got []string
	for i, s := range v.Sources {
		if s.N != i+1 {
			t.Errorf("source %s numbered %d at position %d", s.ID, s.N, i+1)
		}
		got = append(got, s.ID)
		for _, e := range s.CitedBy {
			if !slices.Contains(e.Notes, s.N) {
				t.Errorf("source %d lists %s, which does not cite it", s.N, e.ID)
			}
		}
	}
	if want := []string{"fn1", "doc", "fn2"}; !slices.Equal(got, want) {
		t.Errorf("source order %v, want %v", got, want)
	}
	if v.Events[1].ID != "killings" || !slices.Equal(v.Events[1].Notes, []int{1, 2}) {
		t.Errorf("killings notes = %v, want [1 2]", v.Events[1].Notes)
	}
	if v.Document == nil || v.Document.ID != "doc" || v.Document.N != 2 {
		t.Errorf("document = %+v", v.Document)
	}
	if c := v.Sources[0].Citation; c != "B. Historian, “A History,” University Press, 1992, p. 92." {
		t.Errorf("citation = %q", c)
	}
	for _, tt := range []struct {
		s    timeline.Source
		want string
	}{
		{timeline.Source{Title: "8 U.S.C. §1189"}, "“8 U.S.C. §1189.”"},
		{timeline.Source{Title: "Report.", Author: "Someone"}, "Someone, “Report.”"},
		{timeline.Source{Title: "T", Publisher: "P"}, "“T,” P."},
		{timeline.Source{}, ""},
	} {
		if got := render.Citation(&tt.s); got != tt.want {
			t.Errorf("Citation(%+v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestBuildFilter(t *testing.T) {
	d := loadSmall(t)
	f := timeline.Filter{Eras: []string{"early"}}
	v := render.Build(d, f, render.Options{})
	if got := ids(v); !slices.Equal(got, []string{"founding", "killings"}) {
		t.Errorf("events %v", got)
	}
	if v.Heading != "Era: Early years (1960–1979) — 2 of 6 events" {
		t.Errorf("heading %q", v.Heading)
	}
	if len(v.Eras) != 1 || v.Eras[0].Count != 2 {
		t.Errorf("eras %+v", v.Eras)
	}
	// Footnote numbers restart for the subset and match its source list.
	if len(v.Sources) != 2 || v.Sources[0].ID != "fn1" {
		t.Errorf("sources %+v", v.Sources)
	}
	// Lanes keep the dataset's order and colours when a filter drops one.
	v2 := render.Build(d, timeline.Filter{Categories: []string{"camp"}}, render.Options{})
	all := render.Build(d, timeline.Filter{}, render.Options{})
	if v2.Categories[0].Color != all.Categories[1].Color {
		t.Errorf("category colour changed under a filter: %s vs %s", v2.Categories[0].Color, all.Categories[1].Color)
	}
	if d.Events[0].ID != "founding" || len(d.Events) != 6 {
		t.Errorf("Build changed its input")
	}
}

func TestBuildStatuses(t *testing.T) {
	v := render.Build(loadSmall(t), timeline.Filter{}, render.Options{})
	marks := map[render.Mark]bool{}
	for _, s := range v.Statuses {
		if marks[s.Mark] {
			t.Errorf("two statuses share mark %v", s.Mark)
		}
		marks[s.Mark] = true
	}
	for _, e := range v.Events {
		switch e.ID {
		case "killings":
			if e.StatusTag() != "Denied by the group" {
				t.Errorf("status tag %q", e.StatusTag())
			}
		case "founding":
			if e.StatusTag() != "" {
				t.Errorf("established event has tag %q", e.StatusTag())
			}
		}
	}
}

func TestBuildHostileURL(t *testing.T) {
	v := render.Build(rendertest.HostileDataset(), timeline.Filter{}, render.Options{})
	for _, s := range v.Sources {
		if s.URL != "" {
			t.Errorf("source %s keeps URL %q", s.ID, s.URL)
		}
	}
}

func TestBuildDeterministic(t *testing.T) {
	d := rendertest.Synthetic(500)
	a := render.Build(d, timeline.Filter{}, render.Options{})
	b := render.Build(d, timeline.Filter{}, render.Options{})
	if !slices.Equal(ids(a), ids(b)) {
		t.Fatal("two builds order events differently")
	}
	for i := range a.Sources {
		if a.Sources[i].ID != b.Sources[i].ID {
			t.Fatal("two builds number sources differently")
		}
	}
}

func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		d := rendertest.Synthetic(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				render.Build(d, timeline.Filter{}, render.Options{})
			}
		})
	}
}

// TestBuildMergesRepeatedWorks checks that dataset sources citing the same
// work (as a document's "Ibid." footnotes do) share one number that lists
// every footnote.
func TestBuildMergesRepeatedWorks(t *testing.T) {
	b := []byte(`{"title":"T","sources":[
	  {"id":"fn2","footnote":2,"author":"Dept","title":"Report","date":"1994-10-28","url":"https://example.org/r"},
	  {"id":"fn3","footnote":3,"author":"Dept","title":"Report","date":"1994-10-28"},
	  {"id":"fn4","footnote":4,"author":"Other","title":"Article"},
	  {"id":"fn5","footnote":5,"author":"Dept","title":"REPORT","date":"1994-10-28"}],
	 "events":[
	  {"id":"a","date":"1970","title":"A","sources":["fn3"]},
	  {"id":"b","date":"1980","title":"B","sources":["fn4","fn5"]},
	  {"id":"c","date":"1990","title":"C","sources":["fn2","fn3"]}]}`)
	d, _, err := timeline.Load("t.json", b)
	if err != nil {
		t.Fatal(err)
	}
	v := render.Build(d, timeline.Filter{}, render.Options{})
	if len(v.Sources) != 2 {
		t.Fatalf("%d sources, want 2 (the report once, the article once)", len(v.Sources))
	}
	rep := v.Sources[0]
	if got := rep.NotesLabel(); got != "report notes 2, 3, 5" {
		t.Errorf("NotesLabel = %q", got)
	}
	if rep.URL != "https://example.org/r" || rep.Footnote != 2 || !slices.Equal(rep.IDs, []string{"fn3", "fn5", "fn2"}) {
		t.Errorf("merged source %+v", rep)
	}
	for _, e := range v.Events {
		if e.ID == "c" && !slices.Equal(e.Notes, []int{1}) {
			t.Errorf("event c cites %v, want [1] once", e.Notes)
		}
		if e.ID == "b" && !slices.Equal(e.Notes, []int{1, 2}) {
			t.Errorf("event b cites %v, want [1 2]", e.Notes)
		}
	}
	if n := len(rep.CitedBy); n != 3 {
		t.Errorf("the report is cited by %d events, want 3", n)
	}
	if got := v.Sources[1].NotesLabel(); got != "report note 4" {
		t.Errorf("NotesLabel = %q", got)
	}
}

func TestPale(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"#e8eef7", "#e8eef7"}, // already pale: kept
		{"#E8EEF7", "#E8EEF7"},
		{"#000000", "#d9d9d9"},
		{"#fff", "#fff"},
		{"#8b6f47", "#e0d8cd"}, // luminance 0.85
	} {
		if got := render.Pale(tt.in); got != tt.want {
			t.Errorf("pale(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestProvenanceNamesNoFolders checks that the provenance line names the
// dataset by its base name and SHA-256, never the path it was read from.
func TestProvenanceNamesNoFolders(t *testing.T) {
	b, err := os.ReadFile("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, want string }{
		{"/home/analyst/secret-project/small.json", "small.json"},
		{"../drafts/small.json", "small.json"},
		{`C:\Users\analyst\Desktop\small.json`, "small.json"},
		{"small.json", "small.json"},
		{"-", "-"},
	} {
		d, _, err := timeline.Load(c.path, b)
		if err != nil {
			t.Fatal(err)
		}
		p := render.Build(d, timeline.Filter{}, render.Options{Version: "test"}).Provenance
		if p.Dataset != c.want {
			t.Errorf("%s: provenance names %q, want %q", c.path, p.Dataset, c.want)
		}
		line := p.String()
		if strings.Contains(line, "analyst") || strings.Contains(line, "drafts") {
			t.Errorf("%s: provenance %q names a folder", c.path, line)
		}
		if len(p.SHA256) != 64 || !strings.Contains(line, "SHA-256 "+p.SHA256) {
			t.Errorf("%s: provenance %q lacks the SHA-256", c.path, line)
		}
	}
}

// A one-of set ("some time in 2009 or 2010") is one moment at an unknown
// time: drawn as an imprecise range across the whole of its range, as a
// decade is, never as a solid span; an interval of the same years is a span.
func TestOneOfIsARange(t *testing.T) {
	d := loadSmall(t)
	for _, tt := range []struct{ id, date string }{{"set", "[2009..2010]"}, {"set-days", "[2012-06-01..2012-06-20]"}, {"interval", "2009/2010"}} {
		date, err := timeline.ParseDate(tt.date)
		if err != nil {
			t.Fatal(err)
		}
		d.Events = append(d.Events, &timeline.Event{ID: tt.id, Date: date, Title: tt.id, Summary: "s", Era: "late", Sources: []string{"doc"}})
	}
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	want := map[string]struct {
		label      string
		shape      render.Shape
		start, end float64
	}{
		"set":      {"2009 or 2010", render.ShapeRange, 2009, 2011},
		"set-days": {"1 Jun 2012–20 Jun 2012, date unknown", render.ShapeRange, 0, 0},
		"interval": {"2009–2010", render.ShapeSpan, 2009, 2011},
	}
	for _, e := range v.Events {
		w, ok := want[e.ID]
		if !ok {
			continue
		}
		if e.Label != w.label || e.Shape != w.shape {
			t.Errorf("%s: label %q shape %v, want %q %v", e.ID, e.Label, e.Shape, w.label, w.shape)
		}
		if w.end != 0 && (e.Start != w.start || e.End != w.end) {
			t.Errorf("%s: drawn from %v to %v, want %v to %v", e.ID, e.Start, e.End, w.start, w.end)
		}
	}
}

// TestNoteWord checks that the view names the source document's notes
// for every writer: "report note" for a government document, "document
// note" for an article.
func TestNoteWord(t *testing.T) {
	for kind, want := range map[string]string{"government": "report note 4", "press": "document note 4"} {
		b := []byte(`{"title":"T","document":"doc","sources":[
		  {"id":"doc","kind":"` + kind + `","title":"The document"},
		  {"id":"fn4","footnote":4,"title":"Article"}],
		 "events":[{"id":"a","date":"1970","title":"A","sources":["fn4","doc"]}]}`)
		d, _, err := timeline.Load("t.json", b)
		if err != nil {
			t.Fatal(err)
		}
		v := render.Build(d, timeline.Filter{}, render.Options{})
		if got := v.Sources[0].NotesLabel(); got != want {
			t.Errorf("document of kind %s: NotesLabel = %q, want %q", kind, got, want)
		}
	}
}

// TestAsOf checks that the "as of" date is the source document's date
// unless the data attests a newer one, and that a date attests its first
// day: a month that runs past the document's day does not move it.
func TestAsOf(t *testing.T) {
	for _, tt := range []struct {
		dates      []string
		noDocument bool
		want       string
	}{
		{dates: nil, want: "25 Feb 2025"},
		{dates: []string{"2024-12/2025-02"}, want: "25 Feb 2025"},
		{dates: []string{"2025-02"}, want: "25 Feb 2025"},
		{dates: []string{"[2024..2026]"}, want: "25 Feb 2025"},
		{dates: []string{"2025-06"}, want: "Jun 2025"},
		{dates: []string{"2025-01/2025-08", "2025-03-02"}, want: "Aug 2025"},
		{dates: []string{"2025-03-02", "2025-01/.."}, want: "2 Mar 2025"},
		{dates: []string{"2030-05", "2029"}, noDocument: true, want: "May 2030"},
	} {
		d := loadSmall(t)
		if tt.noDocument {
			d.Document = ""
		}
		for i, s := range tt.dates {
			date, err := timeline.ParseDate(s)
			if err != nil {
				t.Fatal(err)
			}
			id := "e" + strconv.Itoa(i)
			d.Events = append(d.Events, &timeline.Event{ID: id, Date: date, Title: id, Summary: "s", Era: "late", Sources: []string{"doc"}})
		}
		v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
		if v.AsOfLabel != tt.want {
			t.Errorf("%q (no document %v): as of %q, want %q", tt.dates, tt.noDocument, v.AsOfLabel, tt.want)
		}
	}
}

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{
		{0, "0"}, {7, "7"}, {999, "999"}, {1000, "1,000"}, {12345, "12,345"},
		{100000, "100,000"}, {1234567, "1,234,567"}, {-1200, "-1,200"}, {-999, "-999"},
	} {
		if got := render.Count(tc.n); got != tc.want {
			t.Errorf("Count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	if got := render.Plural(10000, "event"); got != "10,000 events" {
		t.Errorf("Plural(10000) = %q", got)
	}
}

// FuzzCount checks that Count only adds commas, each before a group of
// exactly three digits.
func FuzzCount(f *testing.F) {
	for _, n := range []int{0, 1000, -1000, 999999, math.MinInt64, math.MaxInt64} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int) {
		s := render.Count(n)
		if strings.ReplaceAll(s, ",", "") != strconv.Itoa(n) {
			t.Fatalf("Count(%d) = %q: not the digits of %d", n, s, n)
		}
		groups := strings.Split(strings.TrimPrefix(s, "-"), ",")
		for i, g := range groups {
			if len(g) == 0 || len(g) > 3 || i > 0 && len(g) != 3 {
				t.Fatalf("Count(%d) = %q: group %q", n, s, g)
			}
		}
	})
}
