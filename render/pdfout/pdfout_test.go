package pdfout

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"

	"github.com/timeline-tool/timeline/internal/golden"
)

// tool returns the path of a poppler tool. A missing tool fails the test
// in CI (CI is set) and skips it elsewhere; go test -short skips it.
func tool(t *testing.T, name string) string {
	t.Helper()
	if testing.Short() {
		t.Skipf("needs %s (-short)", name)
	}
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing (install poppler-utils): %v", name, err)
		}
		t.Skipf("%s is missing (install poppler-utils)", name)
	}
	return p
}

// run runs a poppler tool and returns its standard output.
func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(tool(t, name), args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	if s := strings.TrimSpace(stderr.String()); s != "" {
		t.Errorf("%s %s complained: %s", name, strings.Join(args, " "), s)
	}
	return string(out)
}

func loadSmall(t testing.TB) *timeline.Dataset {
	t.Helper()
	data, err := os.ReadFile("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := timeline.Load("small.json", data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func build(d *timeline.Dataset, f timeline.Filter) *render.View {
	return render.Build(d, f, render.Options{Version: "v1.2.3"})
}

// write renders v into a temporary file and returns its path and bytes.
func write(t *testing.T, v *render.View, opts Options) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, v, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	path := filepath.Join(t.TempDir(), "briefing.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, b.Bytes()
}

// text returns the text of the PDF at path as pdftotext extracts it, with
// every run of white space made one space.
func text(t *testing.T, path string) string {
	t.Helper()
	return squash(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
}

var space = regexp.MustCompile(`\s+`)

func squash(s string) string { return space.ReplaceAllString(s, " ") }

// pages returns the text of each page.
func pages(t *testing.T, path string) []string {
	t.Helper()
	ps := strings.Split(run(t, "pdftotext", "-enc", "UTF-8", path, "-"), "\f")
	if len(ps) > 0 && strings.TrimSpace(ps[len(ps)-1]) == "" {
		ps = ps[:len(ps)-1]
	}
	for i := range ps {
		ps[i] = squash(ps[i])
	}
	return ps
}

func info(t *testing.T, path string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, line := range strings.Split(run(t, "pdfinfo", "-enc", "UTF-8", path), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			m[k] = strings.TrimSpace(v)
		}
	}
	return m
}

func TestEveryEventAndNoOther(t *testing.T) {
	small := loadSmall(t)
	synth := rendertest.Synthetic(300)
	cases := []struct {
		name string
		d    *timeline.Dataset
		f    timeline.Filter
	}{
		{"small", small, timeline.Filter{}},
		{"small era founding", small, timeline.Filter{Eras: []string{"founding"}}},
		{"small era decline", small, timeline.Filter{Eras: []string{"decline"}}},
		{"small status", small, timeline.Filter{Statuses: []timeline.Status{timeline.StatusDenied, timeline.StatusAlleged}}},
		{"small text", small, timeline.Filter{Text: "smokehouse"}},
		{"synthetic", synth, timeline.Filter{}},
		{"synthetic era2", synth, timeline.Filter{Eras: []string{"era2"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := build(c.d, c.f)
			path, _ := write(t, v, Options{})
			got := text(t, path)
			shown := map[string]bool{}
			for _, e := range v.Events {
				shown[e.ID] = true
				// Synthetic titles are prefixes of one another ("Event
				// number 1 happened" is not one of "… 12 happened").
				if !strings.Contains(got, squash(e.Title)) {
					t.Errorf("event %s (%q) is missing", e.ID, e.Title)
				}
				if strings.Count(got, squash(e.Title)) != 1 {
					t.Errorf("event %s (%q) appears %d times", e.ID, e.Title, strings.Count(got, squash(e.Title)))
				}
				if e.Summary != "" && !strings.Contains(got, squash(timeline.PlainText(e.Summary))) && !strings.HasPrefix(e.ID, "ev") {
					t.Errorf("summary of event %s is missing", e.ID)
				}
			}
			for _, e := range c.d.Events {
				if !shown[e.ID] && strings.Contains(got, squash(e.Title)+" ") {
					t.Errorf("event %s (%q) is not in the view but in the PDF", e.ID, e.Title)
				}
			}
			if !strings.Contains(got, v.Heading) {
				t.Errorf("the heading %q is missing", v.Heading)
			}
		})
	}
}

func TestEraFilter(t *testing.T) {
	d := loadSmall(t)
	for _, era := range d.Eras {
		t.Run(era.ID, func(t *testing.T) {
			v := build(d, timeline.Filter{Eras: []string{era.ID}})
			path, _ := write(t, v, Options{Paper: "a4"})
			got := text(t, path)
			n := 0
			for _, e := range d.Events {
				in := strings.Contains(got, e.Title)
				if want := e.Era == era.ID; in != want {
					t.Errorf("event %s of era %q: in the PDF %v, want %v", e.ID, e.Era, in, want)
				}
				if e.Era == era.ID {
					n++
				}
			}
			want := fmt.Sprintf("Era: %s (%s) — %d of %d events", era.Label, era.Span.Label(), n, len(d.Events))
			if !strings.Contains(got, want) {
				t.Errorf("the filter line %q is missing", want)
			}
			outline := run(t, "pdftohtml", "-s", "-i", "-stdout", path)
			for _, other := range d.Eras {
				if in := strings.Contains(outline, ">"+other.Label+" ("); in != (other == era) {
					t.Errorf("bookmark of era %s: present %v", other.ID, in)
				}
			}
		})
	}
}

func TestFootnotes(t *testing.T) {
	v := build(loadSmall(t), timeline.Filter{})
	path, pdf := write(t, v, Options{})
	layout := run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	_, list, ok := strings.Cut(layout, "\nSources\n")
	if !ok {
		t.Fatal("no source list")
	}
	list, _, _ = strings.Cut(list, "Method and provenance")
	markers := 0
	for _, e := range v.Events {
		if len(e.Notes) == 0 {
			t.Errorf("event %s has no footnote", e.ID)
		}
		for _, n := range e.Notes {
			markers++
			if n < 1 || n > len(v.Sources) {
				t.Errorf("event %s cites source %d of %d", e.ID, n, len(v.Sources))
				continue
			}
			s := v.Sources[n-1]
			head := squash(s.Citation)[:20]
			re := regexp.MustCompile(`(?m)^\s*` + strconv.Itoa(n) + `\s+` + regexp.QuoteMeta(head))
			if !re.MatchString(list) {
				t.Errorf("event %s: footnote %d has no entry starting %q in the source list", e.ID, n, head)
			}
		}
	}
	// Each marker is a link to the page of its source's entry: find the
	// page of each entry, then read the links as pdftohtml sees them,
	// page by page, leaving out the contents' page numbers (a link beside
	// a link of text on the same row) and the links of URLs.
	entryPage := map[int]string{}
	inList := false
	for i, pg := range strings.Split(layout, "\f") {
		if !inList {
			if _, pg, inList = strings.Cut(pg, "\nSources\n"); !inList {
				continue
			}
		}
		pg, _, end := strings.Cut(pg, "Method and provenance")
		for _, s := range v.Sources {
			re := regexp.MustCompile(`(?m)^\s*` + strconv.Itoa(s.N) + `\s+` + regexp.QuoteMeta(squash(s.Citation)[:20]))
			if re.MatchString(pg) {
				entryPage[s.N] = strconv.Itoa(i + 1)
			}
		}
		if end {
			break
		}
	}
	xml := run(t, "pdftohtml", "-xml", "-i", "-stdout", path)
	link := regexp.MustCompile(`<text top="(\d+)"[^>]*><a href="[^"#]*#(\d+)">([^<]*)</a>`)
	linked := 0
	for _, pg := range strings.Split(xml, `<page number="`)[1:] {
		num, _, _ := strings.Cut(pg, `"`)
		links := link.FindAllStringSubmatch(pg, -1)
		textRow := map[string]bool{}
		for _, m := range links {
			if strings.ContainsFunc(m[3], unicode.IsLetter) {
				textRow[m[1]] = true
			}
		}
		for _, m := range links {
			if textRow[m[1]] {
				continue // the contents
			}
			// pdftohtml joins the markers of one run into one text with
			// the first one's link.
			for k, f := range strings.FieldsFunc(m[3], func(r rune) bool { return r < '0' || r > '9' }) {
				n, _ := strconv.Atoi(f)
				if want := entryPage[n]; k == 0 && m[2] != want {
					t.Errorf("marker %s on page %s links to page %s, not to its source's entry on page %s", f, num, m[2], want)
				}
				linked++
			}
		}
	}
	if linked != markers {
		t.Errorf("%d linked footnote markers, want %d", linked, markers)
	}
	for _, s := range v.Sources {
		if s.URL != "" && !bytes.Contains(pdf, []byte("/URI ("+encodeURL(s.URL)+")")) {
			t.Errorf("source %d: no link to %s", s.N, encodeURL(s.URL))
		}
	}
	got := squash(list)
	// The two sources citing the Gazette's article are one entry that
	// lists both of the report's notes.
	for _, want := range []string{"report note 4 ·", "report notes 11, 14 ·", "the source document", "cited by 6 events",
		"The report notes of an entry are the footnotes of the source document that cite the same work."} {
		if !strings.Contains(got, want) {
			t.Errorf("source list lacks %q", want)
		}
	}
	if strings.Contains(got, "report note 11 ·") || strings.Contains(got, "report note 14 ·") {
		t.Error("a source citing the same work as another has an entry of its own")
	}
	seen := map[string]bool{}
	for _, s := range v.Sources {
		if seen[s.Citation] {
			t.Errorf("source %d repeats the citation %q", s.N, s.Citation)
		}
		seen[s.Citation] = true
		if strings.Count(got, squash(s.Citation)) != 1 {
			t.Errorf("source %d: its citation appears %d times in the list", s.N, strings.Count(got, squash(s.Citation)))
		}
	}
	method := squash(layout[strings.Index(layout, "Method and provenance"):])
	if want := "Sources of the data that cite the same work share one number"; !strings.Contains(method, want) {
		t.Errorf("the note on method lacks %q", want)
	}
}

func TestNotesLabel(t *testing.T) {
	d := loadSmall(t)
	for _, c := range []struct {
		kind timeline.SourceKind
		want string
	}{
		{timeline.KindGovernment, "report notes 11, 14"},
		{timeline.KindPress, "document notes 11, 14"},
	} {
		d.Sources[0].Kind = c.kind // the source document
		v := build(d, timeline.Filter{})
		var got []string
		for _, s := range v.Sources {
			if l := s.NotesLabel(); l != "" {
				got = append(got, l)
			}
		}
		if !slices.Contains(got, c.want) {
			t.Errorf("document of kind %s: labels %q, want one %q", c.kind, got, c.want)
		}
	}
}

func TestMetadataAndPages(t *testing.T) {
	v := build(loadSmall(t), timeline.Filter{Eras: []string{"expansion"}})
	path, _ := write(t, v, Options{})
	m := info(t, path)
	want := map[string]string{
		"Title":        "The Lakeside Cooperative: a chronology",
		"Author":       "", // the source document's author did not write the briefing
		"Subject":      "From founding to dissolution, as the records tell it. Era: Expansion abroad (1980–1999) — 4 of 12 events.",
		"Keywords":     "timeline, briefing, chronology, Expansion abroad, Governance, Courts and law, Trade",
		"Creator":      "timeline v1.2.3",
		"Producer":     "timeline v1.2.3 with gofpdf 1.16.2",
		"CreationDate": "Tue Mar 15 00:00:00 2022 UTC",
		"ModDate":      "Tue Mar 15 00:00:00 2022 UTC",
		"Page size":    "612 x 792 pts (letter)",
	}
	for k, w := range want {
		if m[k] != w {
			t.Errorf("pdfinfo %s = %q, want %q", k, m[k], w)
		}
	}
	n, err := strconv.Atoi(m["Pages"])
	if err != nil || n < 2 {
		t.Fatalf("pdfinfo Pages = %q", m["Pages"])
	}
	ps := pages(t, path)
	if len(ps) != n {
		t.Fatalf("pdftotext found %d pages, pdfinfo %d", len(ps), n)
	}
	for i, p := range ps {
		if footer := fmt.Sprintf("Page %d of %d", i+1, n); !strings.Contains(p, footer) {
			t.Errorf("page %d lacks %q", i+1, footer)
		}
		if !strings.HasPrefix(strings.TrimSpace(p), "The Lakeside Cooperative: a chronology") {
			t.Errorf("page %d lacks the running header", i+1)
		}
	}

	if want := "The file is dated as of 15 Mar 2022, the as-of date on the first page, not the day it was made"; !strings.Contains(ps[n-1], want) {
		t.Errorf("the note on method lacks %q", want)
	}

	a4, _ := write(t, v, Options{Paper: "A4"})
	if got := info(t, a4)["Page size"]; !strings.Contains(got, "(A4)") {
		t.Errorf("a4 page size is %q", got)
	}
}

// TestPreparedByAndDraft checks the options that say who made the
// briefing, when, and that it is a draft: the first page and the
// metadata name the preparer (never the source document's author), the
// file is dated on the date of preparation, and every page's header and
// the title metadata say DRAFT.
func TestPreparedByAndDraft(t *testing.T) {
	v := build(loadSmall(t), timeline.Filter{})
	date, err := timeline.ParseDate("2026-12-04")
	if err != nil {
		t.Fatal(err)
	}
	path, _ := write(t, v, Options{PreparedBy: "Jane Doe", Organization: "Example Institute", Date: date, Draft: true})
	m := info(t, path)
	for k, w := range map[string]string{
		"Title":        "DRAFT — The Lakeside Cooperative: a chronology",
		"Author":       "Jane Doe, Example Institute",
		"CreationDate": "Fri Dec  4 00:00:00 2026 UTC",
		"ModDate":      "Fri Dec  4 00:00:00 2026 UTC",
	} {
		if m[k] != w {
			t.Errorf("pdfinfo %s = %q, want %q", k, m[k], w)
		}
	}
	ps := pages(t, path)
	for i, p := range ps {
		if !strings.HasPrefix(strings.TrimSpace(p), "DRAFT The Lakeside Cooperative") {
			t.Errorf("page %d header lacks DRAFT: %.80q", i+1, strings.TrimSpace(p))
		}
	}
	first := squash(ps[0])
	for _, want := range []string{"DRAFT — not for distribution", "Prepared by Jane Doe, Example Institute · 4 Dec 2026", "Source document"} {
		if !strings.Contains(first, want) {
			t.Errorf("first page lacks %q", want)
		}
	}

	// Only an organization, no date: the as-of date stays the file's.
	path, _ = write(t, v, Options{Organization: "Example Institute"})
	m = info(t, path)
	if m["Author"] != "Example Institute" || m["CreationDate"] != "Tue Mar 15 00:00:00 2022 UTC" || strings.HasPrefix(m["Title"], "DRAFT") {
		t.Errorf("organization only: Author %q, CreationDate %q, Title %q", m["Author"], m["CreationDate"], m["Title"])
	}
	if got := text(t, path); !strings.Contains(got, "Prepared by Example Institute") || strings.Contains(got, "DRAFT") {
		t.Errorf("organization only: the text lacks the preparer or says DRAFT")
	}
}

// TestLang checks that the dataset's language becomes the catalog's
// /Lang, and that the file stays well formed: every cross-reference
// entry points at its object, and startxref at the table.
func TestLang(t *testing.T) {
	for _, c := range []struct{ lang, want string }{{"fa", "/Lang (fa)"}, {"zh-hant", "/Lang (zh-Hant)"}, {"", ""}} {
		d := loadSmall(t)
		d.Language = c.lang
		_, b := write(t, build(d, timeline.Filter{}), Options{})
		if got := bytes.Contains(b, []byte("/Lang")); got != (c.want != "") || c.want != "" && !bytes.Contains(b, []byte("/Type /Catalog\n"+c.want+"\n")) {
			t.Errorf("language %q: the catalog lacks %q", c.lang, c.want)
		}
		checkXref(t, b)
	}
}

// checkXref checks the cross-reference table of the PDF b.
func checkXref(t *testing.T, b []byte) {
	t.Helper()
	i := bytes.LastIndex(b, []byte("startxref\n"))
	var off int
	if _, err := fmt.Sscanf(string(b[i+len("startxref\n"):]), "%d", &off); err != nil || !bytes.HasPrefix(b[off:], []byte("xref\n")) {
		t.Fatalf("startxref %d does not point at the table", off)
	}
	lines := strings.Split(string(b[off:]), "\n")
	var first, n int
	fmt.Sscanf(lines[1], "%d %d", &first, &n)
	for k := 1; k < n; k++ {
		var o int
		fmt.Sscanf(lines[2+k], "%d", &o)
		if want := fmt.Sprintf("%d 0 obj", k); !bytes.HasPrefix(b[o:], []byte(want)) {
			t.Fatalf("xref entry %d points at %.12q, not %q", k, b[o:], want)
		}
	}
}

func TestRunningHeader(t *testing.T) {
	// A long filter takes the room the short title leaves it.
	d, _, err := timeline.Load("header.json", []byte(`{"title":"Short","sources":[{"id":"s","title":"A source"}],
		"eras":[{"id":"e","label":"Camp Ashraf and the delisting campaign","span":"2003/2013"}],
		"events":[{"id":"a","date":"2005","title":"Something happens","era":"e","sources":["s"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	path, _ := write(t, build(d, timeline.Filter{Eras: []string{"e"}}), Options{Paper: "a4"})
	for i, p := range pages(t, path) {
		if want := "Short Era: Camp Ashraf and the delisting campaign (2003–2013) "; !strings.HasPrefix(p, want) {
			t.Errorf("page %d starts %q, want %q", i+1, p[:min(len(p), 80)], want)
		}
	}
}

func TestFontsEmbedded(t *testing.T) {
	path, _ := write(t, build(loadSmall(t), timeline.Filter{}), Options{})
	out := run(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 2+int(numFaces) {
		t.Fatalf("pdffonts lists %d fonts, want %d:\n%s", len(lines)-2, numFaces, out)
	}
	// name type encoding emb sub uni object ID
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) < 7 {
			t.Fatalf("pdffonts line %q", l)
		}
		name, emb, uni := f[0], f[len(f)-5], f[len(f)-3]
		if !strings.Contains(strings.ToLower(name), "liberation") {
			t.Errorf("font %s is not a Liberation font", name)
		}
		if emb != "yes" {
			t.Errorf("font %s is not embedded:\n%s", name, out)
		}
		if uni != "yes" {
			t.Errorf("font %s has no ToUnicode map, so its text does not extract:\n%s", name, out)
		}
	}
}

func TestQuotesAndAccents(t *testing.T) {
	path, _ := write(t, build(loadSmall(t), timeline.Filter{}), Options{})
	got := text(t, path)
	for _, want := range []string{
		"the “one family, one vote” rule", "Zoë Brontë", "Université de Genève", "Quai Élisabeth",
		"Jürgen Weiß", "“Cooperative ‘faces ruin,’ members told,”", "cooperative’s own label", "1983–1991",
		"“Oversight” hearings", "Ana Núñez", "2018–present", "c. 1974", "1988?", "1960s", "Page 1 of",
		"https://example.org/ünï/ledgers(1998).pdf?a=1&b=é",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
	if strings.Contains(got, "[U+") {
		t.Errorf("a character was substituted: %s", got[strings.Index(got, "[U+")-40:][:80])
	}
}

func TestBookmarks(t *testing.T) {
	v := build(loadSmall(t), timeline.Filter{})
	path, _ := write(t, v, Options{})
	out := run(t, "pdftohtml", "-s", "-i", "-stdout", path)
	_, outline, ok := strings.Cut(out, "Document Outline")
	if !ok {
		t.Fatalf("no outline:\n%s", out)
	}
	re := regexp.MustCompile(`<a href="[^"]*#(\d+)">([^<]*)</a>`)
	var got []string
	for _, m := range re.FindAllStringSubmatch(outline, -1) {
		got = append(got, m[2]+" p"+m[1])
	}
	want := []string{"Overview p1", "Founding (1962–1979) p1", "Expansion abroad (1980–1999) p2",
		"Decline and dissolution (2000–2021) p2", "Other events p2", "Sources p2", "Method p3"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDeterministic(t *testing.T) {
	small, synth := loadSmall(t), rendertest.Synthetic(500)
	for _, c := range []struct {
		name string
		v    *render.View
		opts Options
	}{
		{"small", build(small, timeline.Filter{}), Options{}},
		{"small a4 era", build(small, timeline.Filter{Eras: []string{"decline"}}), Options{Paper: "a4"}},
		{"synthetic", build(synth, timeline.Filter{}), Options{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var a, b, other bytes.Buffer
			if err := Write(&a, c.v, c.opts); err != nil {
				t.Fatal(err)
			}
			// Another document in between must not change the next one:
			// gofpdf writes into font bytes, so each document has a copy.
			if err := Write(&other, build(small, timeline.Filter{Text: "court"}), Options{}); err != nil {
				t.Fatal(err)
			}
			if err := Write(&b, c.v, c.opts); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("two runs differ: %d and %d bytes", a.Len(), b.Len())
			}
		})
	}
}

func TestConcurrentWrites(t *testing.T) {
	v := build(loadSmall(t), timeline.Filter{})
	var want bytes.Buffer
	if err := Write(&want, v, Options{}); err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			var b bytes.Buffer
			err := Write(&b, v, Options{})
			if err == nil && !bytes.Equal(b.Bytes(), want.Bytes()) {
				err = errors.New("a concurrent run gave other bytes")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestHostileTextIsText(t *testing.T) {
	v := build(rendertest.HostileDataset(), timeline.Filter{})
	if ps := Check(v, nil); len(ps) > 0 {
		t.Fatalf("Check: %v", ps)
	}
	path, pdf := write(t, v, Options{})
	got := text(t, path)
	if n := strings.Count(got, squash(rendertest.Hostile)); n < 5 {
		t.Errorf("the hostile string appears %d times as text, want it everywhere it is data:\n%s", n, got)
	}
	if bytes.Contains(pdf, []byte("javascript")) {
		t.Error("the javascript: URL became a link")
	}
	// A word longer than a line breaks anywhere, so compare without spaces.
	bare := strings.ReplaceAll(got, " ", "")
	for _, want := range []string{"T " + rendertest.Hostile, "Ev " + rendertest.Hostile, "Claimed by " + rendertest.Hostile} {
		if !strings.Contains(bare, strings.ReplaceAll(want, " ", "")) {
			t.Errorf("the text lacks %q", want)
		}
	}
}

// unsupported returns a dataset with characters the embedded fonts
// lack, and a control character, which is no font's business.
func unsupported(t *testing.T) *timeline.Dataset {
	d := loadSmall(t)
	d.Events[0].Title = "Founded 🎉 by eleven families\a"
	d.Events[1].Summary = "Named مجاهدين in one source and 𝔉𝔯𝔞𝔨𝔱𝔲𝔯 🎉 in another 🎉, 中文."
	d.Title = "Lakeside ✓ 中"
	return d
}

// TestUnsupportedCharacters checks that a character no font has is
// drawn as the placeholder and listed once, naming where it is; that
// --strict-glyphs makes it an error that writes nothing; and that a font
// that has it draws it.
func TestUnsupportedCharacters(t *testing.T) {
	v := build(unsupported(t), timeline.Filter{})
	ms := Check(v, nil)
	var got []string
	for _, m := range ms {
		got = append(got, m.String())
	}
	want := []string{
		`U+4E2D "中" in event "first-boat" and the dataset title`,
		`U+1D509 "𝔉" in event "first-boat"`,
		`U+1D52F "𝔯" in event "first-boat"`,
		`U+1D51E "𝔞" in event "first-boat"`,
		`U+1D528 "𝔨" in event "first-boat"`,
		`U+1D531 "𝔱" in event "first-boat"`,
		`U+1D532 "𝔲" in event "first-boat"`,
		`U+1F389 "🎉" in events "first-boat", "founded"`,
		`U+6587 "文" in event "first-boat"`,
	}
	slices.Sort(got)
	slices.Sort(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	var b bytes.Buffer
	err := Write(&b, v, Options{StrictGlyphs: true})
	var ue *UnsupportedError
	if !errors.As(err, &ue) || len(ue.Missing) != len(want) {
		t.Fatalf("Write: %v, want an *UnsupportedError with %d characters", err, len(want))
	}
	if b.Len() != 0 {
		t.Errorf("Write wrote %d bytes before failing", b.Len())
	}
	for _, s := range []string{`pdf: no font has 9 characters: `, `U+1F389 "🎉" in events "first-boat", "founded"`, "and 1 more", "--font FILE"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q lacks %q", err, s)
		}
	}
	if strings.Contains(err.Error(), "emoji") || strings.Contains(err.Error(), "U+0007") {
		t.Errorf("error %q blames emoji or the control character", err)
	}

	path, _ := write(t, v, Options{})
	got0 := text(t, path)
	for _, s := range []string{"Founded \uFFFD by eleven families", "Named", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD \uFFFD in another \uFFFD, \uFFFD\uFFFD.", "Lakeside ✓ \uFFFD"} {
		if !strings.Contains(got0, s) {
			t.Errorf("the text lacks %q", s)
		}
	}

	cjk := cjkFont(t)
	if got := Check(v, []*Font{cjk}); len(got) != len(want)-2 {
		t.Errorf("with %s, Check finds %d characters, want %d", cjk.Name(), len(got), len(want)-2)
	}
	path, _ = write(t, v, Options{Fonts: []*Font{cjk}})
	if text := text(t, path); !strings.Contains(text, "Lakeside ✓ 中") || !strings.Contains(text, "中文.") {
		t.Errorf("with %s the text lacks its CJK characters", cjk.Name())
	}
}

func TestPaperOption(t *testing.T) {
	v := build(loadSmall(t), timeline.Filter{})
	for _, p := range []string{"", "letter", "Letter", "a4", "A4"} {
		if err := Write(new(bytes.Buffer), v, Options{Paper: p}); err != nil {
			t.Errorf("paper %q: %v", p, err)
		}
	}
	err := Write(new(bytes.Buffer), v, Options{Paper: "legal"})
	if err == nil || !strings.Contains(err.Error(), `unknown paper "legal"; valid papers: letter, a4`) {
		t.Errorf("paper legal: %v", err)
	}
}

// longDataset has events whose summaries differ in length, each ending in
// a unique phrase, and one event longer than a page.
func longDataset(t *testing.T) *timeline.Dataset {
	var b strings.Builder
	b.WriteString(`{"title":"Long","eras":[{"id":"a","label":"First era","span":"1900/1949"},{"id":"b","label":"Second era","span":"1950/1999"}],` +
		`"categories":[{"id":"c","label":"Things"}],"sources":[{"id":"s","title":"A source"}],"events":[`)
	for i := range 160 {
		if i > 0 {
			b.WriteByte(',')
		}
		words := strings.Repeat("word ", (i*37)%90)
		era := "a"
		if i >= 70 {
			era = "b"
		}
		fmt.Fprintf(&b, `{"id":"e%03d","date":"%d","title":"Title of event %03d","summary":"Begins %03d %s ends %03d.","era":%q,"category":"c","sources":["s"]}`,
			i, 1900+i*99/160, i, i, words, i, era)
	}
	fmt.Fprintf(&b, `,{"id":"huge","date":"1999","title":"The huge event","summary":"Huge begins. %s Huge ends.","era":"b","category":"c","sources":["s"]}]}`,
		strings.Repeat("Many words make a long summary that runs over more than one page. ", 150))
	d, _, err := timeline.Load("long.json", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestEventsNeverSplit(t *testing.T) {
	d := longDataset(t)
	v := build(d, timeline.Filter{})
	path, _ := write(t, v, Options{})
	ps := pages(t, path)
	pageOf := func(s string) []int {
		var in []int
		for i, p := range ps {
			if strings.Contains(p, s) {
				in = append(in, i)
			}
		}
		return in
	}
	for _, e := range v.Events {
		if e.ID == "huge" {
			continue
		}
		n := e.ID[1:]
		title, end := pageOf("Title of event "+n), pageOf("ends "+n+".")
		if len(title) != 1 || len(end) != 1 || title[0] != end[0] {
			t.Errorf("event %s: title on pages %v, end of summary on pages %v", e.ID, title, end)
		}
	}
	// The event longer than a page is split, and all of it is there.
	if b, e := pageOf("Huge begins."), pageOf("Huge ends."); len(b) != 1 || len(e) != 1 || e[0] <= b[0] {
		t.Errorf("huge event: begins on %v, ends on %v", b, e)
	}
	// An era heading never ends a page: the first event of its era follows
	// it on the same page.
	for _, h := range []struct{ era, first string }{{"First era", "Title of event 000"}, {"Second era", "Title of event 070"}} {
		p := pageOf(h.era + " 19")
		if len(p) != 1 {
			t.Errorf("heading %q on pages %v", h.era, p)
			continue
		}
		if !strings.Contains(ps[p[0]], h.first) {
			t.Errorf("heading %q on page %d without its first event", h.era, p[0]+1)
		}
	}
}

func TestPlacement(t *testing.T) {
	// White-box: across paper sizes and data, every block that fits on a
	// page is placed whole and inside the text area, and a block that
	// keeps with the next is followed on the same page.
	for _, c := range []struct {
		name  string
		v     *render.View
		paper string
	}{
		{"long letter", build(longDataset(t), timeline.Filter{}), "letter"},
		{"long a4", build(longDataset(t), timeline.Filter{}), "a4"},
		{"synthetic", build(rendertest.Synthetic(700), timeline.Filter{}), "a4"},
		{"crowded", build(crowdedDataset(t), timeline.Filter{}), "letter"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := newDoc(c.v, c.paper, Options{})
			d.layout()
			for i, p := range d.places {
				b := &d.blocks[p.b]
				h := 0.0
				for _, r := range b.rows[p.from:p.to] {
					h += r.h
				}
				if p.y < d.top-0.01 || p.y+h > d.bot+0.01 {
					t.Errorf("block %d rows %d–%d at %.1f–%.1f, outside the text area %.1f–%.1f", p.b, p.from, p.to, p.y, p.y+h, d.top, d.bot)
				}
				if b.atomic && b.height() <= d.bot-d.top && (p.from != 0 || p.to != len(b.rows)) {
					t.Errorf("block %d (kind %d) is split: rows %d–%d of %d", p.b, b.kind, p.from, p.to, len(b.rows))
				}
				if b.keepNext && p.to == len(b.rows) && i+1 < len(d.places) && d.places[i+1].page != p.page {
					t.Errorf("block %d (%q) ends page %d", p.b, b.bookmark, p.page)
				}
			}
			// The blocks a break keeps together share a page when they
			// fit on one: the note on method never leaves a short tail.
			pageOf := map[int]int{}
			for _, p := range d.places {
				if _, ok := pageOf[p.b]; !ok {
					pageOf[p.b] = p.page
				}
			}
			kept := 0
			for i, b := range d.blocks {
				if b.kind != kindBreak || b.keep == 0 {
					continue
				}
				kept++
				h := 0.0
				for _, n := range d.blocks[i+1 : i+1+b.keep] {
					h += n.height()
				}
				if h-d.blocks[i+1].pad > d.bot-d.top {
					continue
				}
				for j := i + 1; j <= i+b.keep; j++ {
					if pageOf[j] != pageOf[i+1] {
						t.Errorf("block %d is on page %d, the first block kept with it on page %d", j, pageOf[j], pageOf[i+1])
					}
				}
			}
			if kept != 1 {
				t.Errorf("%d breaks keep blocks together, want 1 (the note on method)", kept)
			}
		})
	}
}

// crowdedDataset has 150 categories and 20 eras that all overlap.
func crowdedDataset(t *testing.T) *timeline.Dataset {
	var b strings.Builder
	b.WriteString(`{"title":"Crowded","sources":[{"id":"s","title":"A source"}],"eras":[`)
	for i := range 20 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"era%d","label":"An era with a long name, number %d","span":"%d/%d"}`, i, i, 1900+i, 1960+i)
	}
	b.WriteString(`],"categories":[`)
	for i := range 150 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"c%d","label":"Category with a long name %d"}`, i, i)
	}
	b.WriteString(`],"events":[`)
	for i := range 300 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"e%d","date":"%d","title":"Event %d","category":"c%d","era":"era%d","sources":["s"]}`, i, 1920+i%40, i, i%150, i%20)
	}
	b.WriteString(`]}`)
	d, _, err := timeline.Load("crowded.json", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCrowdedStrip(t *testing.T) {
	v := build(crowdedDataset(t), timeline.Filter{})
	d := newDoc(v, "letter", Options{})
	d.layout()
	if h := d.strip.Height; h > (d.bot-d.top)*0.6+render.OverviewEraRowH*4 { // at most 4 rows of era labels
		t.Errorf("the strip is %.0f pt high on a text area of %.0f pt", h, d.bot-d.top)
	}
	path, _ := write(t, v, Options{})
	if got := text(t, path); !strings.Contains(got, "Event 299") {
		t.Error("an event is missing")
	}
}

func TestEmptyView(t *testing.T) {
	v := build(loadSmall(t), timeline.Filter{Text: "no such words"})
	path, _ := write(t, v, Options{})
	got := text(t, path)
	for _, want := range []string{"Text: “no such words” — 0 of 12 events", "No events match the filter.", "Page 1 of"} {
		if !strings.Contains(got, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
}

func TestEmptyEra(t *testing.T) {
	d, _, err := timeline.Load("quiet.json", []byte(`{"title":"Quiet","sources":[{"id":"s","title":"A source"}],
		"eras":[{"id":"busy","label":"Busy years","span":"1990/1999"},{"id":"quiet","label":"Quiet years","span":"2000/2009"}],
		"events":[{"id":"a","date":"1995","title":"Something happens","era":"busy","sources":["s"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		f         timeline.Filter
		want, not string
	}{
		{"unfiltered", timeline.Filter{}, "Quiet years 2000–2009 · 0 events No events in this era.", "match the filter"},
		{"era filter", timeline.Filter{Eras: []string{"quiet"}}, "Quiet years 2000–2009 · 0 events No events of this era match the filter.", "No events in this era."},
	} {
		t.Run(c.name, func(t *testing.T) {
			path, _ := write(t, build(d, c.f), Options{})
			got := text(t, path)
			if !strings.Contains(got, c.want) {
				t.Errorf("the text lacks %q:\n%s", c.want, got)
			}
			if strings.Contains(got, c.not) {
				t.Errorf("the text says %q", c.not)
			}
		})
	}
}

func TestMetadataWithoutDocument(t *testing.T) {
	d, _, err := timeline.Load("plain.json", []byte(`{"title":"Plain","sources":[{"id":"s","author":"Someone","title":"A source"}],
		"events":[{"id":"a","date":"1995-06","title":"Something happens","sources":["s"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	path, _ := write(t, build(d, timeline.Filter{}), Options{})
	m := info(t, path)
	// The tool is the creator, never the author; without a source
	// The data attests "Jun 1995", so the briefing is as of Jun 1995; its
	// file date is the last day that month can mean.
	// document the briefing names no author.
	for k, w := range map[string]string{"Author": "", "Subject": "All events — 1 event", "Creator": "timeline v1.2.3", "CreationDate": "Fri Jun 30 00:00:00 1995 UTC"} {
		if m[k] != w {
			t.Errorf("pdfinfo %s = %q, want %q", k, m[k], w)
		}
	}
	if got, want := text(t, path), "The file is dated as of Jun 1995"; !strings.Contains(got, want) {
		t.Errorf("the note on method lacks %q", want)
	}
}

// TestSourcesFollowShortChronology checks that the source list starts
// on the chronology's last page when that page is mostly empty, and on a
// page of its own otherwise.
func TestSourcesFollowShortChronology(t *testing.T) {
	for _, c := range []struct {
		name string
		v    *render.View
		same bool
	}{
		{"the small dataset", build(loadSmall(t), timeline.Filter{}), true},
		{"long", build(longDataset(t), timeline.Filter{}), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := newDoc(c.v, "letter", Options{})
			d.layout()
			lastEvent, sources := -1, -1
			var sourcesY, lastEnd float64
			for _, p := range d.places {
				b := &d.blocks[p.b]
				if b.kind == kindEvent {
					lastEvent = p.page
					lastEnd = p.y
					for _, r := range b.rows[p.from:p.to] {
						lastEnd += r.h
					}
				}
				if b.bookmark == "Sources" {
					sources, sourcesY = p.page, p.y
				}
			}
			if (sources == lastEvent) != c.same {
				t.Errorf("sources on page %d, the last event on page %d", sources, lastEvent)
			}
			if c.same && sourcesY < lastEnd+20 {
				t.Errorf("the sources start %.0f pt under the last event", sourcesY-lastEnd)
			}
			if !c.same && sourcesY != d.top {
				t.Errorf("the sources start at %.0f, not at the top of the page", sourcesY)
			}
		})
	}
}

// TestFirstPageFills checks that a short briefing starts its events on
// the first page, after the overview and the contents.
func TestFirstPageFills(t *testing.T) {
	for _, era := range []string{"founding", "expansion", "decline"} {
		d := newDoc(build(loadSmall(t), timeline.Filter{Eras: []string{era}}), "letter", Options{})
		d.layout()
		for _, p := range d.places {
			if b := &d.blocks[p.b]; b.kind == kindEvent {
				if p.page != 1 {
					t.Errorf("era %s: the first event is on page %d", era, p.page)
				}
				break
			}
		}
	}
}

func TestRendersInPoppler(t *testing.T) {
	// 1,000 events are linked from the strip; poppler refuses a page with
	// more than 10,000 annotations, and says so on standard error.
	v := build(rendertest.Synthetic(stripLinkCap), timeline.Filter{})
	path, _ := write(t, v, Options{})
	run(t, "pdftoppm", "-r", "20", "-png", "-f", "1", "-l", "2", path, filepath.Join(t.TempDir(), "page"))
}

func TestGolden(t *testing.T) {
	d := loadSmall(t)
	for _, c := range []struct {
		name string
		f    timeline.Filter
		opts Options
	}{
		{"small", timeline.Filter{}, Options{}},
		{"small.era-decline.a4", timeline.Filter{Eras: []string{"decline"}}, Options{Paper: "a4"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path, _ := write(t, build(d, c.f), c.opts)
			got := run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
			// Compare meaning: the lines and their words, not how many
			// spaces pdftotext put between columns.
			golden.CheckFunc(t, filepath.Join("testdata", c.name+".txt"), []byte(got), normalize)
		})
	}
}

// normalize returns the non-blank lines of s with their runs of spaces
// made one.
func normalize(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestBCE(t *testing.T) {
	d, _, err := timeline.Load("ancient.json", []byte(`{"title":"Rome","sources":[{"id":"s","title":"Suetonius"}],
		"events":[{"id":"caesar","date":"-0043-03-15","title":"Caesar is killed","sources":["s"]},
		{"id":"augustus","date":"-0026/0014","title":"Augustus rules","sources":["s"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	path, _ := write(t, build(d, timeline.Filter{}), Options{})
	got := text(t, path)
	for _, want := range []string{"15 Mar 44 BCE", "27 BCE–14", "50 BCE", "Caesar is killed"} {
		if !strings.Contains(got, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
}

func TestEncodeURL(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://example.org/a/b?c=d&e=f#g", "https://example.org/a/b?c=d&e=f#g"},
		{"https://example.org/ünï(1).pdf", "https://example.org/%C3%BCn%C3%AF%281%29.pdf"},
		{"https://example.org/a%20b", "https://example.org/a%20b"},
		{"https://example.org/100%", "https://example.org/100%25"},
		{"https://example.org/%zz", "https://example.org/%25zz"},
		{`https://example.org/a\b"c`, "https://example.org/a%5Cb%22c"},
	} {
		if got := encodeURL(c.in); got != c.want {
			t.Errorf("encodeURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestClean(t *testing.T) {
	for _, c := range []struct {
		in      string
		oneLine bool
		want    string
	}{
		{"plain text", true, "plain text"},
		{"two  spaces\tand tab", false, "two spaces and tab"},
		{"line\r\nbreak\nkept", false, "line\nbreak\nkept"},
		{"line\r\nbreak\nkept", true, "line break kept"},
		{"curly “quotes” – é", true, "curly “quotes” – é"},
		{"emoji 🎉 here", true, "emoji 🎉 here"},
		{"bell \a", true, "bell "},
		{"مریم\u200cرجوی", true, "مریم\u200cرجوی"},
	} {
		if got := clean(c.in, c.oneLine); got != c.want {
			t.Errorf("clean(%q, %v) = %q, want %q", c.in, c.oneLine, got, c.want)
		}
	}
}

func TestCoverage(t *testing.T) {
	cov := builtin[serif].cov()
	for _, r := range "AZaz09 .,;:!?\"'()[]{}–—‘’“”…·•éèêëàâäçñöüßÅØæœłŁšžčćđğışĀāĪīŪūḤḥṢṣẓ€£¥§©®°±×÷" {
		if !cov.has(r) {
			t.Errorf("%q %U is not drawable", r, r)
		}
	}
	for _, r := range []rune{0x1F389, 0x0627, 0x4E2D, 0x2713, 0x10000, 0x7} {
		if cov.has(r) {
			t.Errorf("%q %U is drawable", r, r)
		}
	}
	// The fallback has Arabic, Persian and Hebrew, their joined forms and
	// the placeholder, in both weights.
	for _, f := range []int{dejaVu, dejaVuBold} {
		cov := builtin[f].cov()
		for _, r := range "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكة۰۱۲אבגדהוזחטיךכלםמןנסעףפץצקרשת\uFEFB\uFEF5\uFB58\uFB7C\uFBFE\uFFFD" {
			if !cov.has(r) {
				t.Errorf("%s lacks %q %U", builtin[f].name, r, r)
			}
		}
	}
}

// TestLongURLLinear: a URL wrapped over many lines costs the PDF space in
// proportion to its length, not to its length times its lines. A 100 KB
// URL once made a 171 MB file, each line's link carrying the whole URL.
func TestLongURLLinear(t *testing.T) {
	d := loadSmall(t)
	long := "https://example.org/" + strings.Repeat("abcdefghij", 10_000)
	d.DocumentSource().URL = long // on the cover and in the source list
	v := build(d, timeline.Filter{})
	var b bytes.Buffer
	if err := Write(&b, v, Options{}); err != nil {
		t.Fatal(err)
	}
	if b.Len() > 1<<20 {
		t.Errorf("a 100 KB URL gives a %d-byte PDF, want under 1 MB", b.Len())
	}
	// Every line of the URL is still a link to the whole URL.
	path := filepath.Join(t.TempDir(), "long.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// Two links on the cover, two in the source list: the full lines
	// and the last one.
	if n := bytes.Count(b.Bytes(), []byte("/URI ("+long+")")); n == 0 || n > 4 {
		t.Errorf("the long URL is the target of %d links, want 1 to 4", n)
	}
	if got := text(t, path); !strings.Contains(got, "more bytes)") {
		t.Error("the cut URL does not say it is cut")
	}

	// A URL of the longest valid length is shown whole, its lines
	// sharing two links.
	d = loadSmall(t)
	valid := "https://example.org/" + strings.Repeat("x", timeline.MaxURL-len("https://example.org/"))
	d.DocumentSource().URL = valid
	path, pdf := write(t, build(d, timeline.Filter{}), Options{})
	if n := bytes.Count(pdf, []byte("/URI ("+valid+")")); n != 4 {
		t.Errorf("a URL of %d bytes is the target of %d links, want 4", len(valid), n)
	}
	if got := strings.Join(strings.Fields(text(t, path)), ""); !strings.Contains(got, valid) {
		t.Error("a URL of the longest valid length is not shown whole")
	}
}

// TestNotesAtFoot checks --notes page: every page whose events cite
// sources lists those sources, each once, at its foot, under the text;
// the numbered source list stays at the end.
func TestNotesAtFoot(t *testing.T) {
	for _, c := range []struct {
		name string
		v    *render.View
	}{
		{"small", build(loadSmall(t), timeline.Filter{})},
		{"long", build(longDataset(t), timeline.Filter{})},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := newDoc(c.v, "letter", Options{Notes: "page"})
			d.layout()
			cited := map[int]map[int]bool{} // page -> sources its events cite
			for _, p := range d.places {
				b := &d.blocks[p.b]
				if b.ev != nil && p.from == 0 {
					if cited[p.page] == nil {
						cited[p.page] = map[int]bool{}
					}
					for _, n := range b.ev.Notes {
						cited[p.page][n] = true
					}
				}
				end := p.y
				for _, r := range b.rows[p.from:p.to] {
					end += r.h
				}
				if limit := d.bot - d.footHeight(d.pageNotes[p.page]); end > limit+0.01 {
					t.Errorf("page %d: block %d ends at %.1f, under the footnotes at %.1f", p.page, p.b, end, limit)
				}
			}
			for page := 1; page <= d.pages; page++ {
				var want []int
				for n := range cited[page] {
					want = append(want, n)
				}
				got := slices.Clone(d.pageNotes[page])
				slices.Sort(want)
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Errorf("page %d: notes %v, want %v", page, got, want)
				}
			}
			path, _ := write(t, c.v, Options{Notes: "page"})
			ps := pages(t, path)
			for page, ns := range d.pageNotes {
				for _, n := range ns {
					head := squash(c.v.Sources[n-1].Citation)
					head = head[:min(len(head), 20)]
					if !strings.Contains(ps[page-1], head) {
						t.Errorf("page %d lacks the note %d %q", page, n, head)
					}
				}
			}
			if all := strings.Join(ps, " "); !strings.Contains(all, "Sources Numbered in order of first citation") {
				t.Error("the source list is gone")
			}
		})
	}
	if err := Write(new(bytes.Buffer), build(loadSmall(t), timeline.Filter{}), Options{Notes: "margin"}); err == nil || !strings.Contains(err.Error(), `unknown place for notes "margin"; valid places: end, page`) {
		t.Errorf("Notes margin: %v", err)
	}
}
