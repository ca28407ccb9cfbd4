package data

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

// reportPath is the text of the CRS report the dataset is drawn from, kept
// in the repository (it is a work of the U.S. government) so that the
// tests that compare the dataset with it run on every checkout.
const reportPath = "source/crs-mek-report-2025-02-25.txt"

// Footnotes of the report run from 1 to lastFootnote.
const lastFootnote = 39

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func load(t *testing.T) *timeline.Dataset {
	t.Helper()
	d, err := MEK()
	if err != nil {
		t.Fatalf("MEK: %v", err)
	}
	return d
}

// report returns the text of the CRS report.
func report(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(reportPath)
	if err != nil {
		t.Fatalf("reading the report: %v", err)
	}
	return string(b)
}

func TestLoadsWithoutProblems(t *testing.T) {
	d, ps, err := timeline.Load("mek.json", mekJSON)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	for _, p := range ps {
		t.Errorf("%s", p)
	}
	if d.Name() != "mek.json" {
		t.Errorf("Name() = %q, want %q", d.Name(), "mek.json")
	}
	if d.DocumentSource() == nil {
		t.Errorf("document %q is not a source", d.Document)
	}
	if _, err := MEK(); err != nil {
		t.Errorf("MEK: %v", err)
	}
}

func TestRawIsACopy(t *testing.T) {
	a := Raw()
	if !bytes.Equal(a, mekJSON) {
		t.Fatal("Raw differs from the embedded bytes")
	}
	a[0] ^= 0xff
	if bytes.Equal(a, Raw()) {
		t.Error("changing Raw's result changed the embedded bytes")
	}
}

// uncitedFootnotes reads the footnotes BACKGROUND.md declares uncited, from
// its lines of the form "- Footnote N: reason".
func uncitedFootnotes(t *testing.T) map[int]bool {
	t.Helper()
	b, err := os.ReadFile("BACKGROUND.md")
	if err != nil {
		t.Fatalf("reading BACKGROUND.md: %v", err)
	}
	re := regexp.MustCompile(`(?m)^- Footnote (\d+):\s*\S`)
	m := map[int]bool{}
	for _, sub := range re.FindAllStringSubmatch(string(b), -1) {
		n, _ := strconv.Atoi(sub[1])
		m[n] = true
	}
	return m
}

func TestEveryFootnoteIsASourceAndCited(t *testing.T) {
	d := load(t)
	uncited := uncitedFootnotes(t)
	sources := map[int][]string{}
	for _, s := range d.Sources {
		if s.Footnote < 0 || s.Footnote > lastFootnote {
			t.Errorf("source %q: footnote %d is not a footnote of the report", s.ID, s.Footnote)
		}
		if s.Footnote > 0 {
			sources[s.Footnote] = append(sources[s.Footnote], s.ID)
		}
	}
	cited := map[int]bool{}
	for _, e := range d.Events {
		for _, id := range e.Sources {
			if s := d.Source(id); s != nil && s.Footnote > 0 {
				cited[s.Footnote] = true
			}
		}
	}
	for n := 1; n <= lastFootnote; n++ {
		switch {
		case len(sources[n]) == 0:
			t.Errorf("footnote %d is not a source", n)
		case uncited[n] && cited[n]:
			t.Errorf("footnote %d is listed as uncited in BACKGROUND.md but events cite it", n)
		case !uncited[n] && !cited[n]:
			t.Errorf("footnote %d (%s) is cited by no event and not listed in BACKGROUND.md", n, strings.Join(sources[n], ", "))
		}
	}
	if doc := d.DocumentSource(); doc == nil || doc.Footnote != 0 {
		t.Errorf("the document source should exist and have no footnote number")
	}
}

func TestEveryEraHasEvents(t *testing.T) {
	d := load(t)
	for _, era := range d.Eras {
		if !slices.ContainsFunc(d.Events, func(e *timeline.Event) bool { return e.Era == era.ID }) {
			t.Errorf("era %q has no events", era.ID)
		}
	}
}

func TestIDsAreSlugs(t *testing.T) {
	d := load(t)
	check := func(kind, id string) {
		if !slugRE.MatchString(id) {
			t.Errorf("%s id %q is not a lower-case slug", kind, id)
		}
	}
	for _, e := range d.Eras {
		check("era", e.ID)
	}
	for _, c := range d.Categories {
		check("category", c.ID)
	}
	for _, s := range d.Sources {
		check("source", s.ID)
	}
	for _, e := range d.Events {
		check("event", e.ID)
		for _, tag := range e.Tags {
			check("tag of "+e.ID, tag)
		}
	}
}

func TestURLsAreInTheReport(t *testing.T) {
	d := load(t)
	text := report(t)
	for _, s := range d.Sources {
		if s.URL != "" && !strings.Contains(text, s.URL) {
			t.Errorf("source %q: url %q is not printed in the report", s.ID, s.URL)
		}
	}
}

// Text the dataset puts in curly quotation marks is quoted from the report.
func TestQuotationsAreInTheReport(t *testing.T) {
	d := load(t)
	text := report(t)
	quoteRE := regexp.MustCompile(`“([^”]*)”`)
	for _, e := range d.Events {
		for _, field := range []string{e.Title, e.Summary} {
			for _, m := range quoteRE.FindAllStringSubmatch(field, -1) {
				q := strings.TrimRight(m[1], ",.;:")
				if !strings.Contains(text, q) {
					t.Errorf("event %q quotes %q, which is not in the report", e.ID, q)
				}
			}
		}
	}
}

func TestStatusesHaveAttributions(t *testing.T) {
	d := load(t)
	for _, e := range d.Events {
		if e.Status.Normal() != timeline.StatusEstablished && strings.TrimSpace(e.Attribution) == "" {
			t.Errorf("event %q has status %q but no attribution", e.ID, e.Status)
		}
		if e.Status.Normal() == timeline.StatusEstablished && e.Attribution != "" {
			t.Errorf("event %q is established but has an attribution", e.ID)
		}
	}
}

// Every event names an era, and begins within it (an event belongs to the
// era in which it begins; it may run past the era's end).
func TestEventsBeginInTheirEras(t *testing.T) {
	d := load(t)
	for _, e := range d.Events {
		era := d.Era(e.Era)
		if era == nil {
			t.Errorf("event %q: no era or unknown era %q", e.ID, e.Era)
			continue
		}
		if first := e.Date.Earliest(); first < era.Span.Earliest() || first > era.Span.Latest() {
			t.Errorf("event %q (%s) begins outside era %q (%s)", e.ID, e.Date, era.ID, era.Span)
		}
	}
}

// The eras cover the years from the first to the last without a gap, in
// order: each begins no later than the year after the one before it ends,
// and after the one before it begins. Neighbours may share their boundary
// year (the Iraq era is 1986–2003, the Camp Ashraf era 2003–2013), as the
// report's own history does.
func TestErasCoverWithoutGaps(t *testing.T) {
	d := load(t)
	for i := 1; i < len(d.Eras); i++ {
		prev, cur := d.Eras[i-1].Span, d.Eras[i].Span
		if cur.Earliest() > prev.Latest()+1 {
			t.Errorf("gap between era %q (%s) and era %q (%s)", d.Eras[i-1].ID, prev, d.Eras[i].ID, cur)
		}
		if cur.Earliest() <= prev.Earliest() || cur.Latest() <= prev.Latest() {
			t.Errorf("era %q (%s) does not follow era %q (%s)", d.Eras[i].ID, cur, d.Eras[i-1].ID, prev)
		}
	}
}

func TestEventsAreInChronologicalOrder(t *testing.T) {
	d := load(t)
	want := d.SortedEvents()
	for i, e := range d.Events {
		if e != want[i] {
			t.Fatalf("events[%d] is %q; in date order it would be %q", i, e.ID, want[i].ID)
		}
	}
}

func TestEventsAreComplete(t *testing.T) {
	d := load(t)
	for _, e := range d.Events {
		if e.Summary == "" || e.Category == "" || e.Section == "" {
			t.Errorf("event %q lacks a summary, category or section", e.ID)
		}
		if n := len([]rune(e.Title)); n > 70 {
			t.Errorf("event %q: title of %d characters, more than 70", e.ID, n)
		}
	}
}

// An attribution names the party that reports, claims, alleges, denies or
// disputes the event, so that the outputs' "Denied by …" reads true: the
// attribution of a denied event names the denier, never the accuser.
func TestAttributionsNameTheParty(t *testing.T) {
	d := load(t)
	for _, e := range d.Events {
		a := strings.ToLower(e.Attribution)
		for _, verb := range []string{"denied", "denies", "claimed", "claims", "alleged", "alleges", "reported by", "according to"} {
			if strings.Contains(a, verb) && !strings.Contains(a, "as reported by") {
				t.Errorf("event %q: attribution %q should name the party, not say what it did (outputs print %q)", e.ID, e.Attribution, "Denied by …")
			}
		}
		if e.Status == timeline.StatusDenied && !strings.Contains(e.Attribution, "MEK") {
			t.Errorf("event %q is denied, but its attribution %q does not name the MEK, the only denier in the report", e.ID, e.Attribution)
		}
	}
}
