package timeline

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/internal/golden"
)

// baseDataset returns a small valid dataset built in code: two eras, two
// categories, three sources (one the document) and three events.
func baseDataset(t testing.TB) *Dataset {
	t.Helper()
	return &Dataset{
		Title:    "Base",
		Document: "doc",
		Eras: []*Era{
			{ID: "e1", Label: "Early", Span: mustParse(t, "1960/1979"), Color: "#abc"},
			{ID: "e2", Label: "Late", Span: mustParse(t, "1980/..")},
		},
		Categories: []*Category{
			{ID: "c1", Label: "One", Color: "#a0b0c0"},
			{ID: "c2", Label: "Two"},
		},
		Sources: []*Source{
			{ID: "doc", Title: "The document", Kind: KindGovernment, Footnote: 1},
			{ID: "s1", Title: "First", Kind: KindPress, URL: "https://example.org/1"},
			{ID: "s2", Title: "Second", Date: mustParse(t, "1997-10")},
		},
		Events: []*Event{
			{ID: "a", Date: mustParse(t, "196X"), Title: "Alpha", Era: "e1", Category: "c1", Sources: []string{"s1"}, Tags: []string{"x"}},
			{ID: "b", Date: mustParse(t, "1985-04-12"), Title: "Beta", Era: "e2", Category: "c2", Sources: []string{"s2"},
				Status: StatusClaimed, Attribution: "Someone"},
			{ID: "c", Date: mustParse(t, "1990/1995"), Title: "Gamma", Era: "e2", Category: "c1", Sources: []string{"s1", "s2"}},
		},
	}
}

func TestValidateBase(t *testing.T) {
	d := baseDataset(t)
	if ps := d.Validate(); len(ps) != 0 {
		t.Fatalf("base dataset has problems:\n%v", ps.Err())
	}
	for _, tag := range []string{"en", "fa", "fa-IR", "ar", "he", "ru", "zh-Hant", "ja", "und"} {
		d.Language = tag
		if ps := d.Validate(); len(ps) != 0 {
			t.Errorf("language %q: %v", tag, ps.Err())
		}
	}
	if (&Dataset{Title: "t"}).Validate() != nil {
		t.Errorf("an empty dataset with a title has problems")
	}
}

// validateTests change the base dataset and list the problems Validate
// must then report: "path: message" substrings, warnings marked as such.
var validateTests = []struct {
	name   string
	change func(t testing.TB, d *Dataset)
	want   []string
}{
	{"missing title", func(t testing.TB, d *Dataset) { d.Title = "  " }, []string{"title: missing title"}},
	{"bad language", func(t testing.TB, d *Dataset) { d.Language = "persian!" }, []string{`language: "persian!" is not a BCP 47 language tag`}},
	{"missing ids", func(t testing.TB, d *Dataset) {
		d.Eras[0].ID, d.Categories[0].ID, d.Sources[0].ID, d.Events[0].ID = "", "", "", ""
	}, []string{
		"eras[0].id: missing id", "categories[0].id: missing id", "sources[0].id: missing id", "events[0].id: missing id",
		`document: unknown source "doc"`,
		`events[0].era: unknown era "e1"; valid ids: e2`, `events[0].category: unknown category "c1"; valid ids: c2`,
		`events[2].category: unknown category "c1"; valid ids: c2`,
	}},
	{"duplicate ids", func(t testing.TB, d *Dataset) {
		d.Eras[1].ID, d.Categories[1].ID, d.Sources[2].ID, d.Events[2].ID = "e1", "c1", "doc", "a"
	}, []string{
		`eras[1].id: duplicate id "e1" (first used by eras[0])`,
		`categories[1].id: duplicate id "c1" (first used by categories[0])`,
		`sources[2].id: duplicate id "doc" (first used by sources[0])`,
		`events[2].id: duplicate id "a" (first used by events[0])`,
		`events[1].era: unknown era "e2"; valid ids: e1`,
		`events[1].category: unknown category "c2"; valid ids: c1`,
		`events[1].sources[0]: unknown source "s2"`,
		`events[2].era: unknown era "e2"; valid ids: e1`,
		`events[2].sources[1]: unknown source "s2"`,
	}},
	{"duplicate id with white space names the first use", func(t testing.TB, d *Dataset) {
		d.Events[1].ID, d.Events[2].ID = "b b", "b b"
	}, []string{
		`events[1].id: id "b b" contains white space`,
		`events[2].id: duplicate id "b b" (first used by events[1])`,
	}},
	{"dangling references list the valid ids", func(t testing.TB, d *Dataset) {
		d.Events[0].Era, d.Events[0].Category = "e9", "c9"
		d.Events[1].Sources = []string{"s2", "s9"}
		d.Document = "d9"
	}, []string{
		`document: unknown source "d9"; valid ids: doc, s1, s2`,
		`events[0].era: unknown era "e9"; valid ids: e1, e2`,
		`events[0].category: unknown category "c9"; valid ids: c1, c2`,
		`events[1].sources[1]: unknown source "s9"; valid ids: doc, s1, s2`,
		`eras[0]: warning: era "e1" has no events`,
		`sources[0]: warning: source "doc" is cited by no event`,
	}},
	{"references with nothing defined", func(t testing.TB, d *Dataset) {
		d.Eras, d.Categories = nil, nil
	}, []string{
		`events[0].era: unknown era "e1" (none are defined)`,
		`events[0].category: unknown category "c1" (none are defined)`,
		`events[1].era: unknown era "e2" (none are defined)`,
		`events[1].category: unknown category "c2" (none are defined)`,
		`events[2].era: unknown era "e2" (none are defined)`,
		`events[2].category: unknown category "c1" (none are defined)`,
	}},
	{"events with no source", func(t testing.TB, d *Dataset) {
		d.Events[0].Sources, d.Events[2].Sources = nil, []string{}
	}, []string{
		"events[0].sources: warning: no source, where the other events cite theirs",
		"events[2].sources: warning: no source, where the other events cite theirs",
		`sources[1]: warning: source "s1" is cited by no event`,
	}},
	{"bad colours", func(t testing.TB, d *Dataset) {
		d.Eras[0].Color, d.Eras[1].Color, d.Categories[0].Color, d.Categories[1].Color = "red", "#12345", "#ggg", "abc"
	}, []string{
		`eras[0].color: colour "red" is not #rgb or #rrggbb`,
		`eras[1].color: colour "#12345" is not #rgb or #rrggbb`,
		`categories[0].color: colour "#ggg" is not #rgb or #rrggbb`,
		`categories[1].color: colour "abc" is not #rgb or #rrggbb`,
	}},
	{"bad status", func(t testing.TB, d *Dataset) {
		d.Events[0].Status, d.Events[1].Status = "rumoured", "Claimed"
	}, []string{
		`events[0].status: unknown status "rumoured"; use one of established, reported, claimed, alleged, denied, disputed`,
		`events[1].status: unknown status "Claimed"`,
	}},
	{"status without attribution", func(t testing.TB, d *Dataset) {
		d.Events[0].Status, d.Events[1].Attribution, d.Events[2].Status = StatusDenied, " ", StatusReported
		d.Events = append(d.Events,
			&Event{ID: "d", Date: mustParse(t, "1990"), Title: "D", Sources: []string{"s1"}, Status: StatusDisputed},
			&Event{ID: "e", Date: mustParse(t, "1990"), Title: "E", Sources: []string{"s1"}, Status: StatusAlleged})
	}, []string{
		`events[0].attribution: warning: status "denied" without an attribution: say who denies it`,
		`events[1].attribution: warning: status "claimed" without an attribution: say who claims it`,
		`events[2].attribution: warning: status "reported" without an attribution: say who reports it`,
		`events[3].attribution: warning: status "disputed" without an attribution: say who disputes it`,
		`events[4].attribution: warning: status "alleged" without an attribution: say who alleges it`,
	}},
	{"bad source fields", func(t testing.TB, d *Dataset) {
		d.Sources[1].Kind, d.Sources[1].Footnote, d.Sources[1].URL, d.Sources[2].Title = "blog", -1, "javascript:alert(1)", ""
	}, []string{
		`sources[1].kind: unknown kind "blog"; use one of government, court, legislation, press, scholarly, advocacy, research, other`,
		`sources[1].footnote: footnote -1 is negative`,
		`sources[1].url: url "javascript:alert(1)" is not an http or https address`,
		`sources[2].title: missing title`,
	}},
	{"URL over the length limit", func(t testing.TB, d *Dataset) {
		d.Sources[1].URL = "https://example.org/" + strings.Repeat("a", MaxURL-len("https://example.org/"))
		d.Sources[2].URL = d.Sources[1].URL + "b"
	}, []string{
		`sources[2].url: url is 2049 bytes long, more than the 2048 a URL may have; give a shorter address of the same work`,
	}},
	{"missing labels and titles, empty tags", func(t testing.TB, d *Dataset) {
		d.Eras[0].Label, d.Categories[1].Label, d.Events[1].Title = "", "", ""
		d.Events[0].Tags = []string{"x", " "}
	}, []string{
		"eras[0].label: missing label",
		"categories[1].label: missing label",
		"events[0].tags[1]: empty tag",
		"events[1].title: missing title",
	}},
	{"date beginning outside its era is a warning", func(t testing.TB, d *Dataset) {
		d.Events[0].Date = mustParse(t, "1955/1965")
		d.Events[1].Date = mustParse(t, "1979-12-31")
		d.Events[2].Date = mustParse(t, "1975/1985") // begins in e1, but belongs to e2
	}, []string{
		`events[0].date: warning: 1955/1965 (1955–1965) begins outside era "e1" (1960–1979)`,
		`events[1].date: warning: 1979-12-31 (31 Dec 1979) begins outside era "e2" (1980–present)`,
		`events[2].date: warning: 1975/1985 (1975–1985) begins outside era "e2" (1980–present)`,
	}},
	{"an event belongs to the era in which it begins", func(t testing.TB, d *Dataset) {
		d.Events[0].Date = mustParse(t, "1975/1985") // begins in e1 (1960/1979)
		d.Events[1].Date = mustParse(t, "197X")      // may begin in 1979, within e1... but its era is e2
		d.Events[2].Date = mustParse(t, "../1985")   // an open start is placed at its end
		d.Events[1].Era = "e1"
	}, []string{}},
	{"era span a single date", func(t testing.TB, d *Dataset) {
		d.Eras[0].Span = mustParse(t, "19XX")
	}, []string{`eras[0].span: warning: span "19XX" is a single date; an era's span is usually an interval such as 1986/2003`}},
	{"missing dates", func(t testing.TB, d *Dataset) {
		d.Events[1].Date, d.Eras[0].Span, d.Sources[2].Date = Date{}, Date{}, Date{}
	}, []string{"eras[0].span: missing date", "events[1].date: missing date"}},
	{"intervals built backwards", func(t testing.TB, d *Dataset) {
		back := NewInterval(Point{Year: 1999, Digits: 1}, BoundDate, Point{Year: 1990, Digits: 1}, BoundDate)
		d.Events[2].Date, d.Sources[2].Date = back, back
	}, []string{
		"sources[2].date: interval 1999/1990 ends before it starts",
		"events[2].date: interval 1999/1990 ends before it starts",
	}},
	{"one-of sets built backwards", func(t testing.TB, d *Dataset) {
		d.Events[2].Date = NewOneOf(Point{Year: 2010, Digits: 1}, BoundDate, Point{Year: 2009, Digits: 1}, BoundDate)
	}, []string{
		"events[2].date: set [2010..2009] ends before it starts",
	}},
	{"a one-of set belongs to the era in which its range begins", func(t testing.TB, d *Dataset) {
		d.Events[0].Date = mustParse(t, "[1975..1985]") // begins in e1
		d.Events[1].Date = mustParse(t, "[1980..]")     // begins in e2
	}, []string{}},
	{"unused eras, categories and sources", func(t testing.TB, d *Dataset) {
		d.Eras = append(d.Eras, &Era{ID: "e3", Label: "Unused", Span: mustParse(t, "2000/2010")})
		d.Categories = append(d.Categories, &Category{ID: "c3", Label: "Unused"})
		d.Sources = append(d.Sources, &Source{ID: "s3", Title: "Unused"})
	}, []string{
		`eras[2]: warning: era "e3" has no events`,
		`categories[2]: warning: category "c3" has no events`,
		`sources[3]: warning: source "s3" is cited by no event`,
	}},
}

func TestValidate(t *testing.T) {
	for _, tt := range validateTests {
		t.Run(tt.name, func(t *testing.T) {
			d := baseDataset(t)
			tt.change(t, d)
			ps := d.Validate()
			var got []string
			for _, p := range ps {
				got = append(got, p.String())
			}
			if len(got) != len(tt.want) {
				t.Errorf("Validate reported %d problems, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for _, want := range tt.want {
				found := false
				for _, g := range got {
					found = found || strings.Contains(g, want)
				}
				if !found {
					t.Errorf("no problem contains %q; got:\n%s", want, strings.Join(got, "\n"))
				}
			}
			// Err carries the errors and nothing else.
			errs := ps.Errors()
			if err := ps.Err(); (err == nil) != (len(errs) == 0) {
				t.Errorf("Err() = %v with %d errors", err, len(errs))
			} else if err != nil && strings.Count(err.Error(), "\n")+1 != len(errs) {
				t.Errorf("Err() has %d lines for %d errors", strings.Count(err.Error(), "\n")+1, len(errs))
			}
			if len(errs)+len(ps.Warnings()) != len(ps) {
				t.Errorf("Errors and Warnings do not split the problems")
			}
		})
	}
}

func TestValidateDoesNotChange(t *testing.T) {
	for _, tt := range validateTests {
		d := baseDataset(t)
		tt.change(t, d)
		before := deepCopy(d)
		d.Validate()
		if !reflect.DeepEqual(d, before) {
			t.Errorf("%s: Validate changed the dataset", tt.name)
		}
	}
}

// deepCopy returns a copy of d sharing no pointers, slices or maps with it.
func deepCopy(d *Dataset) *Dataset {
	c := *d
	c.Eras = nil
	for _, e := range d.Eras {
		e := *e
		c.Eras = append(c.Eras, &e)
	}
	c.Categories = nil
	for _, x := range d.Categories {
		x := *x
		c.Categories = append(c.Categories, &x)
	}
	c.Sources = nil
	for _, s := range d.Sources {
		s := *s
		c.Sources = append(c.Sources, &s)
	}
	c.Events = nil
	for _, e := range d.Events {
		e := *e
		e.Tags = slices.Clone(e.Tags)
		e.Sources = slices.Clone(e.Sources)
		c.Events = append(c.Events, &e)
	}
	return &c
}

// TestLoadPositions checks that problems of meaning carry the file, line
// and column of the value they are about, or of the nearest enclosing
// value when the field is missing.
func TestLoadPositions(t *testing.T) {
	in := `{"title": "t",
  "eras": [{"id": "e", "label": "E", "span": "1960/1969", "color": "red"}],
  "sources": [{"id": "s", "title": "S", "kind": "blog"}],
  "events": [
    {"id": "a", "date": "1975", "title": "A", "era": "e", "sources": ["s", "x"]},
    {"id": "a", "date": "1965", "title": "B", "era": "e"},
    {"id": "c", "date": "1985-13", "title": "C", "era": "e", "sources": ["s"], "status": "gossip"}
  ]
}`
	d, warnings, err := Load("f.json", []byte(in))
	if err == nil {
		t.Fatalf("Load succeeded with warnings %v", warnings)
	}
	if d != nil {
		t.Errorf("Load returned a dataset with its error")
	}
	for _, w := range warnings {
		if w.Severity != SeverityWarning {
			t.Errorf("Load returned the error %v among its warnings", w)
		}
	}
	want := []string{ // in file order; columns counted by a script
		`f.json:2:68: eras[0].color: colour "red" is not #rgb or #rrggbb`,
		`f.json:3:49: sources[0].kind: unknown kind "blog"`,
		`f.json:5:76: events[0].sources[1]: unknown source "x"`,
		`f.json:6:12: events[1].id: duplicate id "a" (first used by events[0])`,
		`f.json:7:25: events[2].date: "1985-13": month 13 out of range 01–12 (at character 6)`,
		`f.json:7:90: events[2].status: unknown status "gossip"`,
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Errorf("got %d errors, want %d:\n%s", len(lines), len(want), err)
	}
	for i, w := range want {
		if i < len(lines) && !strings.HasPrefix(lines[i], w) {
			t.Errorf("error %d = %q, want it to start with %q", i, lines[i], w)
		}
	}
	if strings.Contains(err.Error(), "missing date") {
		t.Errorf("a bad date is also reported as missing:\n%s", err)
	}
	if w := "f.json:6:5: events[1].sources: warning: no source, where the other events cite theirs"; !slices.Contains(problemStrings(warnings), w) {
		t.Errorf("warnings\n%q\nlack %s", problemStrings(warnings), w)
	}
}

// An event without a source is shown without one: no error, and a warning
// only where other events cite (a source forgotten), not in a dataset that
// cites nothing.
func TestNoSourceWarnsOnlyWhereOthersCite(t *testing.T) {
	for _, tt := range []struct {
		name, events string
		want         []string
	}{
		{"none cite", `{"id": "a", "date": "1975", "title": "A"}, {"id": "b", "date": "1976", "title": "B", "sources": []}`, nil},
		{"one does not", `{"id": "a", "date": "1975", "title": "A", "sources": ["s"]}, {"id": "b", "date": "1976", "title": "B"}`,
			[]string{"f.json:5:62: events[1].sources: warning: no source, where the other events cite theirs"}},
	} {
		in := `{"title": "t",
  "eras": [],
  "sources": [{"id": "s", "title": "S"}],
  "events": [
` + tt.events + `]
}`
		_, warnings, err := Load("f.json", []byte(in))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var got []string
		for _, w := range warnings {
			if strings.Contains(w.Path, "events") {
				got = append(got, w.String())
			}
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: warnings about events\n%s\nwant\n%s", tt.name, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

func TestLoadWarnings(t *testing.T) {
	in := `{"title": "t",
  "eras": [{"id": "e", "label": "E", "span": "1960/1969"}],
  "sources": [{"id": "s", "title": "S"}],
  "events": [{"id": "a", "date": "1975", "title": "A", "era": "e", "sources": ["s"]}]
}`
	d, warnings, err := Load("f.json", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if d == nil || len(d.Events) != 1 {
		t.Fatalf("Load returned %v", d)
	}
	want := `f.json:4:34: events[0].date: warning: 1975 (1975) begins outside era "e" (1960–1969)`
	if len(warnings) != 1 || warnings[0].String() != want {
		t.Errorf("warnings = %q, want [%q]", warnings, want)
	}
}

// TestLoadGolden loads every testdata/*.json and compares, with its golden
// file, the problems Load reports and the dataset Encode writes. Encoding
// what was decoded, then decoding and encoding again, must give the same
// bytes.
func TestLoadGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.json")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			d, warnings, err := Load(filepath.Base(file), data)
			if err != nil {
				out.WriteString("# errors\n" + err.Error() + "\n")
			}
			if len(warnings) > 0 {
				out.WriteString("# warnings\n")
				for _, w := range warnings {
					out.WriteString(w.String() + "\n")
				}
			}
			if d != nil {
				out.WriteString("# encoded\n")
				first := encode(t, d)
				out.WriteString(first)
				again, err := Decode("encoded.json", []byte(first))
				if err != nil {
					t.Fatalf("Decode(Encode(Load(%s))): %v", file, err)
				}
				if second := encode(t, again); second != first {
					t.Errorf("Encode is not idempotent:\n%s", golden.Diff("first", first, "second", second))
				}
			}
			golden.Check(t, strings.TrimSuffix(file, ".json")+".golden", out.Bytes())
		})
	}
}

func TestProblemString(t *testing.T) {
	for _, tt := range []struct {
		p    Problem
		want string
	}{
		{Problem{File: "f.json", Line: 3, Col: 9, Path: "events[4].date", Msg: "bad"}, "f.json:3:9: events[4].date: bad"},
		{Problem{File: "f.json", Path: "title", Msg: "missing title"}, "f.json: title: missing title"},
		{Problem{Path: "title", Severity: SeverityWarning, Msg: "w"}, "title: warning: w"},
		{Problem{File: "-", Line: 1, Col: 1, Msg: "empty"}, "-:1:1: empty"},
		{Problem{Msg: "just this"}, "just this"},
	} {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
	if SeverityError.String() != "error" || SeverityWarning.String() != "warning" {
		t.Errorf("Severity strings: %q, %q", SeverityError, SeverityWarning)
	}
	var ps Problems
	if ps.Err() != nil || IsProblems(nil) {
		t.Errorf("no problems gives an error")
	}
	ps = Problems{{Severity: SeverityWarning, Msg: "w"}}
	if ps.Err() != nil {
		t.Errorf("a warning alone gives an error")
	}
}

func TestValidColorAndSafeURL(t *testing.T) {
	for c, ok := range map[string]bool{
		"#abc": true, "#ABCDEF": true, "#a0b0c0": true, "": false, "abc": false, "#ab": false, "#abcd": false,
		"#abcdefa": false, "#ggg": false, "red": false, " #abc": false, "#abc\n": false,
	} {
		if ValidColor(c) != ok {
			t.Errorf("ValidColor(%q) = %v", c, !ok)
		}
	}
	for u, ok := range map[string]bool{
		"https://example.org/": true, "http://x.y": true, "HTTPS://EXAMPLE.ORG": true,
		"javascript:alert(1)": false, "https://": false, "ftp://x": false, "//x.y": false,
		"https://a b": false, `https://x/"onload="`: false, "https://x/<script>": false, "": false,
	} {
		if SafeURL(u) != ok {
			t.Errorf("SafeURL(%q) = %v", u, !ok)
		}
	}
}

func TestProblemsErrOrder(t *testing.T) {
	ps := Problems{
		{File: "f", Path: "b", Msg: "no position"},
		{File: "f", Line: 3, Col: 2, Msg: "3:2"},
		{File: "f", Line: 1, Col: 9, Msg: "1:9"},
		{File: "f", Path: "w", Severity: SeverityWarning, Msg: "warning"},
		{File: "f", Line: 3, Col: 1, Msg: "3:1"},
		{File: "f", Path: "a", Msg: "no position either"},
	}
	want := "f:1:9: 1:9\nf:3:1: 3:1\nf:3:2: 3:2\nf: b: no position\nf: a: no position either"
	if got := ps.Err().Error(); got != want {
		t.Errorf("Err() =\n%s\nwant\n%s", got, want)
	}
	if ps[0].Msg != "no position" {
		t.Errorf("Err reordered the problems it was called on")
	}
}

// TestLoadReportsUnknownFieldsWithEverythingElse checks that an unknown
// field does not hide the other problems of a dataset.
func TestLoadReportsUnknownFieldsWithEverythingElse(t *testing.T) {
	in := `{"title": "t",
  "sources": [{"id": "s", "title": "S"}],
  "events": [{"id": "a", "date": "1990", "title": "A", "sources": ["s"], "extra": 1},
             {"id": "b", "date": "1991", "title": "B", "sources": ["nope"]}]}`
	_, _, err := Load("f.json", []byte(in))
	if err == nil {
		t.Fatal("Load succeeded")
	}
	for _, want := range []string{`f.json:3:74: events[0].extra: unknown field "extra"`, `f.json:4:68: events[1].sources[0]: unknown source "nope"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}
