package markwhen

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/timeline-tool/timeline/timeline"
)

// oracleFiles are the testdata files markwhen's parser 1.2.0 reads as
// markwhen's documentation says: all but groups.mw, whose group … endGroup
// blocks 1.2.0 no longer reads (it reads headings), header.mw, whose
// "dateFormat: d/M/y" 1.2.0 no longer honours, and bce.mw, whose ranges
// markwhen ends at the start of their last year where the EDTF -0299/-0199
// ends at its end. The files whose dates are errors here have none to
// compare.
var oracleFiles = []string{"events.mw", "dates.mw", "descriptions.mw", "sections.mw", "syntax.mw", "times.mw", "timezone.mw"}

type oracleFile struct {
	File, Title, Description string
	Events                   []struct {
		From, To, Title, ID string
		Tags                []string
		Path                []struct{ Title, Style string }
	}
	Errors []string
}

// runOracle reads files with markwhen's parser (testdata/oracle.mjs) in
// Node.js; in CI a missing Node.js or parser fails the test.
func runOracle(t *testing.T, files []string) []oracleFile {
	t.Helper()
	if testing.Short() {
		t.Skip("runs Node.js (-short)")
	}
	skipOrFail := func(msg string) {
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		skipOrFail("no node on $PATH: install Node.js 20")
	}
	if _, err := os.Stat("../../node_modules/@markwhen/parser/package.json"); err != nil {
		skipOrFail("no @markwhen/parser in node_modules: run npm ci (make test does)")
	}
	cmd := exec.Command(node, append([]string{"testdata/oracle.mjs"}, files...)...)
	// markwhen reads a time without a zone in the machine's zone, and
	// this reader's dates compare such a time as if in UTC.
	cmd.Env = append(os.Environ(), "TZ=UTC")
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("oracle.mjs: %v\n%s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	var res []oracleFile
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("oracle.mjs output: %v\n%s", err, out)
	}
	return res
}

// TestOracle reads markwhen's documented examples with this reader and
// with markwhen's own parser, and requires the same events: the same
// first and last day, title, tags and id, in the same groups and
// sections, and the same header.
func TestOracle(t *testing.T) {
	var paths []string
	for _, f := range oracleFiles {
		paths = append(paths, filepath.Join("testdata", f))
	}
	for i, want := range runOracle(t, paths) {
		t.Run(oracleFiles[i], func(t *testing.T) {
			if len(want.Errors) > 0 {
				t.Fatalf("markwhen's parser reports %q: not an example it reads", want.Errors)
			}
			data, err := os.ReadFile(paths[i])
			if err != nil {
				t.Fatal(err)
			}
			d, _, err := Read(oracleFiles[i], data)
			if err != nil {
				t.Fatal(err)
			}
			title := want.Title
			if title == "" {
				title = UntitledTitle
			}
			if d.Title != title || d.Subtitle != want.Description {
				t.Errorf("title %q, subtitle %q; markwhen: %q, %q", d.Title, d.Subtitle, want.Title, want.Description)
			}
			if len(d.Events) != len(want.Events) {
				t.Fatalf("%d events; markwhen reads %d", len(d.Events), len(want.Events))
			}
			for j, w := range want.Events {
				e := d.Events[j]
				checkOracleEvent(t, d, e, w.From, w.To, w.Title, w.ID, w.Tags, w.Path)
			}
		})
	}
}

func checkOracleEvent(t *testing.T, d *timeline.Dataset, e *timeline.Event, from, to, title, id string, tags []string, path []struct{ Title, Style string }) {
	t.Helper()
	start, _ := e.Date.Start()
	end, _ := e.Date.End()
	switch {
	case start.Clock.Set:
		// A time is an instant: markwhen's, in any offset (a time
		// without a zone is UTC's on both sides: see runOracle).
		checkInstant(t, e, "starts", start, from)
	case e.Date.Earliest().String() != from[:10]:
		t.Errorf("%s: %s starts %s; markwhen: %s", e.ID, e.Date, e.Date.Earliest(), from)
	}
	switch {
	case e.Date.OpenEnd():
		// markwhen ends "now" when the page is drawn; here, an open end.
	case end.Clock.Set:
		// markwhen's end of a range to a time is that instant, not a day.
		checkInstant(t, e, "ends", end, to)
	case (e.Date.Latest() + 1).String() != to[:10]:
		t.Errorf("%s: %s ends before %s; markwhen: before %s", e.ID, e.Date, (e.Date.Latest() + 1).String(), to)
	}
	checkText(t, d, e, title, id, tags, path)
}

// checkText compares an event's title, id, tags, groups and sections with
// markwhen's.
func checkText(t *testing.T, d *timeline.Dataset, e *timeline.Event, title, id string, tags []string, path []struct{ Title, Style string }) {
	t.Helper()
	if e.Title != strings.Join(strings.Fields(title), " ") {
		t.Errorf("%s: title %q; markwhen: %q", e.ID, e.Title, title)
	}
	if id != "" && e.ID != id {
		t.Errorf("id %q; markwhen: %q", e.ID, id)
	}
	if !slices.Equal(e.Tags, tags) && len(e.Tags)+len(tags) > 0 {
		t.Errorf("%s: tags %q; markwhen: %q", e.ID, e.Tags, tags)
	}
	var groups, sections []string
	for _, p := range path {
		if p.Style == "section" {
			sections = append(sections, p.Title)
		} else {
			groups = append(groups, p.Title)
		}
	}
	category, era := "", ""
	if c := d.Category(e.Category); c != nil {
		category = c.Label
	}
	if r := d.Era(e.Era); r != nil {
		era = r.Label
	}
	if category != strings.Join(groups, " / ") || era != strings.Join(sections, " / ") {
		t.Errorf("%s: category %q, era %q; markwhen's groups %q, sections %q", e.ID, category, era, groups, sections)
	}
}

// checkInstant compares the instant of p, a time with a zone, with
// markwhen's ISO date-time iso.
func checkInstant(t *testing.T, e *timeline.Event, what string, p timeline.Point, iso string) {
	t.Helper()
	want, err := time.Parse(time.RFC3339Nano, iso)
	if err != nil {
		t.Errorf("%s: markwhen's %q: %v", e.ID, iso, err)
		return
	}
	m := timeline.NewDate(p).EarliestMoment()
	y, mo, day := m.Day.Date()
	got := time.Date(y, time.Month(mo), day, 0, 0, 0, 0, time.UTC).Add(time.Duration(m.Milli) * time.Millisecond)
	if !got.Equal(want) {
		t.Errorf("%s: %s %s (%s); markwhen: %s", e.ID, what, p, got.Format(time.RFC3339Nano), iso)
	}
}
