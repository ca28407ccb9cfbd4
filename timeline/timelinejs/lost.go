package timelinejs

import (
	"fmt"
	"slices"
	"strings"

	"github.com/timeline-tool/timeline/timeline"
)

// Lost returns one note listing what of d a TimelineJS file (JSON or
// sheet) cannot hold, so that reading the file back does not restore it;
// "" when nothing is lost but what dates lose (see Write). Events, dates,
// titles, summaries, groups, statuses, attributions, event ids and the
// sources' ids, titles and links survive.
func Lost(d *timeline.Dataset) string {
	var lost []string
	count := func(what string, n int) {
		if n > 0 {
			lost = append(lost, fmt.Sprintf("%s (%d %s)", what, n, plural(n, "event")))
		}
	}
	tags, sections, kinds, zones := 0, 0, 0, 0
	for _, e := range d.Events {
		if len(e.Tags) > 0 {
			tags++
		}
		if e.Section != "" {
			sections++
		}
		if m := e.Media; m != nil && m.Kind != "" && m.Kind != timeline.MediaQuote && m.Kind != timeline.MediaKindOf(m.URL) {
			kinds++ // TimelineJS tells a media's kind by its address
		}
		a, _ := e.Date.Start()
		b, _ := e.Date.End()
		if a.Clock.Zone != timeline.ZoneNone || b.Clock.Zone != timeline.ZoneNone {
			zones++ // TimelineJS's times are local: the zone is only in the display date
		}
	}
	count("tags", tags)
	count("sections", sections)
	count("media kinds other than the address tells", kinds)
	count("time zones (kept in the display date only)", zones)
	if slices.ContainsFunc(d.Eras, func(e *timeline.Era) bool { return e.ID != slugify(e.Label) || e.Color != "" }) {
		lost = append(lost, "era ids and colours (eras come back with ids made from their labels)")
	}
	if slices.ContainsFunc(d.Categories, func(c *timeline.Category) bool {
		return c.ID != slugify(c.Label) || c.Color != "" || c.Description != ""
	}) {
		lost = append(lost, "category ids, colours and descriptions (groups come back with ids made from their labels)")
	}
	if slices.ContainsFunc(d.Sources, func(s *timeline.Source) bool {
		return s.Author != "" || s.Publisher != "" || !s.Date.IsZero() || s.Locator != "" || s.Kind != "" || s.Footnote != 0
	}) {
		lost = append(lost, "the sources' authors, publishers, dates, locators, kinds and footnote numbers as fields (they are written into the citation's text)")
	}
	if d.Language != "" {
		lost = append(lost, "the language")
	}
	if d.Document != "" {
		lost = append(lost, "which source is the dataset's document")
	}
	if len(lost) == 0 {
		return ""
	}
	return "TimelineJS has no place for " + strings.Join(lost, "; ") + ": reading the file back does not restore them (the json and csv exports keep everything)"
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
