package timelinejs

import (
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

// The same timeline as TimelineJS JSON and as a sheet: a title, two eras
// (the second with no events), an event citing a link, one with media and a
// media credit (which credits the media: it is no source), and one with a
// status but no attribution.
const (
	positionsJSON = `{
  "title": {"text": {"headline": "T", "text": "Sub"}},
  "eras": [
    {"start_date": {"year": 1980}, "end_date": {"year": 1990}, "text": {"headline": "Eighties"}},
    {"start_date": {"year": 2000}, "end_date": {"year": 2001}, "text": {"headline": "Empty"}}
  ],
  "events": [
    {"start_date": {"year": 1985}, "text": {"headline": "A", "text": "See <a href=\"https://example.org/a\">the report</a>."}, "group": "G"},
    {"start_date": {"year": 1986}, "text": {"headline": "B"}, "group": "G",
      "media": {"url": "https://example.org/m", "credit": "Photo agency"}},
    {"unique_id": "c", "start_date": {"year": 1987}, "text": {"headline": "C", "text": "<span class=\"timeline-status\" data-status=\"claimed\"></span>Said so."}}
  ]
}
`
	positionsCSV = `Year,End Year,Headline,Text,Media,Media Credit,Type,Group
,,T,Sub,,,title,
1980,1990,Eighties,,,,era,
2000,2001,Empty,,,,era,
1985,,A,"See <a href=""https://example.org/a"">the report</a>.",,,,G
1986,,B,,https://example.org/m,Photo agency,,G
1987,,C,"<span class=""timeline-status"" data-status=""claimed""></span>
Said so.",,,,
`
)

// TestValidatePositions checks that the problems Validate finds in a
// dataset read from TimelineJS JSON or a sheet name the line and column
// of what the field was made from: an event's category its group, its era
// its start date, a source the text citing it, its id the unique_id or
// the headline, a missing source the slide. A read never makes dangling references or
// duplicate ids, so the test makes them; the positions were counted by
// hand.
func TestValidatePositions(t *testing.T) {
	for _, tt := range []struct {
		name string
		read func(string, []byte) (*timeline.Dataset, []string, error)
		in   string
		// The positions of: the second era, the third event's text, its id
		// (unique_id or headline), the first event's group, the second
		// event's start date, the first event's text (its link) and the
		// second and third slides.
		era, text, id, group, date, link, slide1, slide2 string
	}{
		{"t.json", ReadJSON, positionsJSON, "5:5", "11:88", "11:19", "8:137", "9:20", "8:70", "9:5", "11:5"},
		{"t.csv", ReadCSV, positionsCSV, "4:1", "7:9", "7:7", "5:68", "6:1", "5:9", "6:1", "7:1"},
		{"t.json", ReadJSON, "\xef\xbb\xbf" + positionsJSON, "5:5", "11:88", "11:19", "8:137", "9:20", "8:70", "9:5", "11:5"},
		{"t.json", ReadJSON, strings.ReplaceAll(positionsJSON, "\n", "\r\n"), "5:5", "11:88", "11:19", "8:137", "9:20", "8:70", "9:5", "11:5"},
		{"t.csv", ReadCSV, strings.ReplaceAll(positionsCSV, "\n", "\r\n"), "4:1", "7:9", "7:7", "5:68", "6:1", "5:9", "6:1", "7:1"},
	} {
		d, _, err := tt.read(tt.name, []byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		n := tt.name + ":"
		check := func(what string, want []string) {
			t.Helper()
			var got []string
			for _, p := range d.Validate() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s, %s: Validate gives\n%s\nwant\n%s", tt.name, what, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
		check("as read", []string{
			n + tt.slide1 + `: events[1].sources: warning: no source, where the other events cite theirs`,
			n + tt.text + `: events[2].attribution: warning: status "claimed" without an attribution: say who claims it`,
			n + tt.slide2 + `: events[2].sources: warning: no source, where the other events cite theirs`,
			n + tt.era + `: eras[1]: warning: era "empty" has no events`,
		})

		d.Events[0].Category = "gone"
		d.Events[1].Era = "nope"
		d.Events[0].Sources[0] = "lost"
		d.Events[2].ID = d.Events[0].ID
		check("changed", []string{
			n + tt.id + `: events[2].id: duplicate id "a" (first used by events[0])`,
			n + tt.group + `: events[0].category: unknown category "gone"; valid ids: g`,
			n + tt.link + `: events[0].sources[0]: unknown source "lost"; valid ids: the-report`,
			n + tt.date + `: events[1].era: unknown era "nope"; valid ids: eighties, empty`,
			n + tt.slide1 + `: events[1].sources: warning: no source, where the other events cite theirs`,
			n + tt.text + `: events[2].attribution: warning: status "claimed" without an attribution: say who claims it`,
			n + tt.slide2 + `: events[2].sources: warning: no source, where the other events cite theirs`,
			n + tt.era + `: eras[1]: warning: era "empty" has no events`,
			n + tt.link + `: sources[0]: warning: source "the-report" is cited by no event`,
		})
	}
}
