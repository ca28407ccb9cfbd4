package data

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

// The tests in this file hold the corrections of a fact-check of the
// dataset against the report (issue 14); each fails on the data as it was.

func event(t *testing.T, d *timeline.Dataset, id string) *timeline.Event {
	t.Helper()
	for _, e := range d.Events {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("no event %q", id)
	return nil
}

// The copy of the report in the repository is the one the team shares,
// when that is present beside the checkout.
func TestReportCopyMatchesShared(t *testing.T) {
	shared, err := os.ReadFile(filepath.Join("..", "..", "shared", "source", "crs-mek-report-2025-02-25.txt"))
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("no shared copy beside the checkout to compare with")
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal([]byte(report(t)), shared) {
		t.Errorf("%s differs from the shared copy of the report", reportPath)
	}
}

// Events the report dates by its own words rather than by a footnote's
// date carry the report's date, as precise as its words and no more; the
// cited article keeps its own date as a source. Each passage must be in the
// report.
func TestDatedByTheReportsWords(t *testing.T) {
	d := load(t)
	text := report(t)
	for _, tt := range []struct{ id, date, passage string }{
		{"state-department-foreign-policy-2022", "2022", "In a 2022 statement to Foreign Policy, a State Department spokesperson"},
		{"rajavi-whereabouts-interview", "2020", "In a 2020 interview, an MEK spokesperson reportedly said"},
		// Founded in 1981, the NCRI "disintegrated in the 1980s": some
		// time from 1981 to 1989, not before its founding.
		{"ncri-disintegration", "[1981..1989]", "NCRI “disintegrated in the 1980s”"},
		{"uk-eu-legal-campaign", "[2005..2009]", "In the late 2000s, the MEK mounted a legal and advocacy campaign"},
		// House resolutions dated only by their Congress: some time in its two years.
		{"house-ashraf-resolution-111th", "[2009..2010]", "H.Res. 704, 111th Congress"},
		{"house-ashraf-resolutions-112th", "[2011..2012]", "H.Res. 231 and H.Res. 332, 112th Congress"},
		{"house-delisting-resolution", "[2011..2012]", "H.Res. 60, 112th Congress"},
		{"hres-100-118th", "[2023..2024]", "In the 118th Congress, H.Res. 100"},
		{"hres-1148-118th", "[2023..2024]", "H.Res. 1148, which would have expressed"},
		{"caucus-not-on-cmo-list-118", "2024-12", "As of December 2024, the caucus did not appear"},
		{"caucus-not-on-cmo-lists", "2025-02", "As of February 2025, the caucus does not appear"},
	} {
		if !strings.Contains(text, tt.passage) {
			t.Errorf("%s: passage %q is not in the report", tt.id, tt.passage)
		}
		if got := event(t, d, tt.id).Date.String(); got != tt.date {
			t.Errorf("%s: date %s; the report (%q) dates it %s", tt.id, got, tt.passage, tt.date)
		}
	}
}

// An event the report dates only by a Congress happened at some time in
// that Congress: a one-of set, drawn faint, not an interval that would
// mean it lasted two years.
func TestCongressDatesAreOneOfSets(t *testing.T) {
	d := load(t)
	n := 0
	for _, e := range d.Events {
		if strings.Contains(e.Display, "th Congress") {
			n++
			if !e.Date.IsOneOf() {
				t.Errorf("%s: dated by a Congress (%q) but its date %s is not a one-of set [A..B]", e.ID, e.Display, e.Date)
			}
		}
	}
	if n == 0 {
		t.Error("no event is dated by a Congress")
	}
}

// The NCRI cannot break up before it is founded: its disintegration sorts
// after the 1981 flight to France, in the same era.
func TestNCRIDisintegrationFollowsItsFounding(t *testing.T) {
	d := load(t)
	founded, broke := event(t, d, "flight-to-france"), event(t, d, "ncri-disintegration")
	if broke.Date.Compare(founded.Date) <= 0 || broke.Date.Earliest() < founded.Date.Earliest() {
		t.Errorf("ncri-disintegration (%s) sorts before flight-to-france (%s), where the NCRI is founded", broke.Date, founded.Date)
	}
	if broke.Era != founded.Era {
		t.Errorf("ncri-disintegration is in era %q, the NCRI's founding in %q", broke.Era, founded.Era)
	}
}

// The report never dates Camp Ashraf's closure (only the 2012 praise for
// the MEK's cooperation in it, and the 2013 departure from Iraq): the
// interval's end is uncertain.
func TestCampAshrafEndIsUncertain(t *testing.T) {
	e := event(t, load(t), "camp-ashraf")
	end, kind := e.Date.End()
	if !e.Date.IsInterval() || (kind == timeline.BoundDate && end.Qualifier&timeline.QualifierUncertain == 0) {
		t.Errorf("camp-ashraf is %s; the report does not date the closure, so its end must be uncertain or unknown", e.Date)
	}
}

// A denied event states only what the report says is denied: the denial of
// footnote 37 covers holding members against their will and torture; the
// forced sterilization of a cited headline is neither repeated nor denied
// in the report.
func TestDenialsCoverWhatIsDenied(t *testing.T) {
	d := load(t)
	for _, e := range d.Events {
		if e.Status != timeline.StatusDenied {
			continue
		}
		if text := strings.ToLower(e.Title + " " + e.Summary); strings.Contains(text, "steriliz") {
			t.Errorf("%s is denied by the MEK but speaks of sterilization, which the report's denial does not cover", e.ID)
		}
	}
}

// Era descriptions state contested claims as the events do: the killing of
// Americans is the State Department's claim, which the MEK denies.
func TestEraDescriptionsAttributeClaims(t *testing.T) {
	d := load(t)
	killing := regexp.MustCompile(`(?i)kill(ed|ing)? (some )?(Americans|U\.S\.)`)
	for _, era := range d.Eras {
		if killing.MatchString(era.Description) && (!strings.Contains(era.Description, "State Department") || !strings.Contains(era.Description, "denies")) {
			t.Errorf("era %q says %q as plain fact; the report attributes it to the State Department and records the MEK's denial", era.ID, era.Description)
		}
	}
	if e := d.Era("shah"); !strings.Contains(e.Description, "killed U.S. military personnel") {
		t.Errorf("shah era description %q no longer mentions the attributed killings", e.Description)
	}
}

// An event cites the footnote that follows the sentence it draws on: the
// State Department's account of Saddam Hussein's support carries footnote
// 16, not 15; and it sits in the Iraq era, whose years it describes.
func TestSaddamSupportCitesFootnote16(t *testing.T) {
	d := load(t)
	e := event(t, d, "saddam-support-ends")
	for _, id := range e.Sources {
		if s := d.Source(id); s == nil || s.Footnote != 16 {
			t.Errorf("saddam-support-ends cites %s; the sentence it draws on carries footnote 16 only", id)
		}
	}
	if e.Era != "iraq" {
		t.Errorf("saddam-support-ends is in era %q; it describes the years before 2003", e.Era)
	}
}

// The late-2000s campaign in the UK and Europe (footnote 17) is an event of
// its own, labelled as the report dates it, between the 2003 events it
// followed and the 2008 delisting it led to.
func TestLate2000sCampaign(t *testing.T) {
	d := load(t)
	e := event(t, d, "uk-eu-legal-campaign")
	if e.Label() != "late 2000s" || !e.Date.IsOneOf() {
		t.Errorf("uk-eu-legal-campaign is %s labelled %q; want a one-of set labelled %q", e.Date, e.Label(), "late 2000s")
	}
	if len(e.Sources) != 1 || e.Sources[0] != "fn17" {
		t.Errorf("uk-eu-legal-campaign cites %v, want footnote 17 (fn17)", e.Sources)
	}
	for _, id := range []string{"disarmament", "uk-delisting"} {
		o := event(t, d, id)
		if (id == "uk-delisting") != (e.Date.Compare(o.Date) < 0) {
			t.Errorf("uk-eu-legal-campaign (%s) is on the wrong side of %s (%s)", e.Date, id, o.Date)
		}
	}
}

// maxCopied is the longest run of consecutive words of the report that
// the dataset's own prose may share with it outside quotation marks; a
// longer one is copied prose (names of laws and offices run to about ten).
const maxCopied = 11

// words splits text into lower-case words, spelling as the tests compare
// them: punctuation dropped (but for the dots inside U.S. and P.L.), the report's "guerilla" as "guerrilla".
func words(text string) []string {
	text = strings.ReplaceAll(strings.ToLower(text), "guerilla", "guerrilla")
	w := strings.FieldsFunc(text, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '’' || r == '\'' || r == '-' || r == '.')
	})
	out := w[:0]
	for _, x := range w {
		if x = strings.Trim(x, "."); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// Summaries, titles and era descriptions are in the dataset's own words:
// none shares more than maxCopied consecutive words with the report
// outside quotation marks.
func TestNoCopiedProse(t *testing.T) {
	d := load(t)
	rep := " " + strings.Join(words(report(t)), " ") + " "
	quoted := regexp.MustCompile(`“[^”]*”`)
	check := func(what, text string) {
		for _, part := range quoted.Split(text, -1) {
			w := words(part)
			for i := 0; i+maxCopied < len(w); i++ {
				if run := strings.Join(w[i:i+maxCopied+1], " "); strings.Contains(rep, " "+run+" ") {
					t.Errorf("%s copies %d or more consecutive words of the report outside quotation marks: %q", what, maxCopied+1, run)
					break
				}
			}
		}
	}
	for _, e := range d.Events {
		check("event "+e.ID+" title", e.Title)
		check("event "+e.ID+" summary", e.Summary)
	}
	for _, e := range d.Eras {
		check("era "+e.ID+" description", e.Description)
	}
	check("subtitle", d.Subtitle)
}

// A date given to the day comes from a footnote that prints that day: each
// day-precise end of an event's date is the date of a source it cites.
func TestDaysComeFromCitedFootnotes(t *testing.T) {
	d := load(t)
	for _, e := range d.Events {
		for _, end := range []func() (timeline.Point, timeline.Bound){e.Date.Start, e.Date.End} {
			p, kind := end()
			if kind != timeline.BoundDate || p.Precision() != timeline.PrecisionDay {
				continue
			}
			day := timeline.NewDate(p).Earliest()
			found := false
			for _, id := range e.Sources {
				if s := d.Source(id); s != nil && !s.Date.IsZero() && s.Date.Precision() == timeline.PrecisionDay && s.Date.Earliest() == day {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: %s is given to the day, but no source it cites is dated that day", e.ID, p)
			}
		}
	}
}
