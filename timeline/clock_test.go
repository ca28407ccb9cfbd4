package timeline

import (
	"slices"
	"testing"
)

// TestFilterTimes checks that --from and --to compare moments: a time of
// 14:30 lasts to 14:30:59.999, a zoned time is at its instant in UTC, and
// a long year filters as any year.
func TestFilterTimes(t *testing.T) {
	d := &Dataset{Title: "t"}
	for id, date := range map[string]string{
		"early":  "1997-10-08T14:29:59",
		"at":     "1997-10-08T14:30:20",
		"zoned":  "1997-10-08T20:00+05:30", // 14:30 UTC
		"late":   "1997-10-08T16:00Z",
		"day":    "1997-10-08",
		"bang":   "Y-13800000000",
		"sun":    "Y-4567000000",
		"dinos":  "Y-230000000/Y-66000000",
		"before": "1997-10-07T23:59",
	} {
		d.Events = append(d.Events, &Event{ID: id, Title: id, Date: mustParse(t, date)})
	}
	for _, tt := range []struct {
		from, to string
		want     []string
	}{
		{"1997-10-08T14:30", "", []string{"at", "day", "late", "zoned"}},
		{"1997-10-08T14:30", "1997-10-08T14:30", []string{"at", "day", "zoned"}},
		{"", "1997-10-08T14:29", []string{"bang", "before", "day", "dinos", "early", "sun"}},
		{"1997-10-08T09:00Z", "1997-10-08T09:00+00:00", []string{"day"}},
		{"1997-10-08T20:00+05:30", "1997-10-08T20:00+05:30", []string{"at", "day", "zoned"}},
		{"Y-5000000000", "Y-100000000", []string{"dinos", "sun"}},
		{"Y-66000000", "Y-66000000", []string{"dinos"}},
	} {
		f := Filter{}
		if tt.from != "" {
			f.From = mustParse(t, tt.from)
		}
		if tt.to != "" {
			f.To = mustParse(t, tt.to)
		}
		keep := f.Matcher(d)
		var got []string
		for _, e := range d.Events {
			if keep(e) {
				got = append(got, e.ID)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("--from %q --to %q keeps %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

// TestSortedEventsTimes checks the order of events with times of day and
// long years: instants, a zoned time in UTC, a day before its times, file
// order for the same date.
func TestSortedEventsTimes(t *testing.T) {
	d := &Dataset{Title: "t"}
	for _, ed := range [][2]string{
		{"noon", "1997-10-08T12:00"},
		{"zoned", "1997-10-08T01:00+05:00"}, // 20:00 UTC on the 7th
		{"day", "1997-10-08"},
		{"utc", "1997-10-07T22:00Z"},
		{"noon2", "1997-10-08T12:00"}, // same date as noon: after it, as in the file
		{"bang", "Y-13800000000"},
		{"milli", "1997-10-08T12:00:00.001"},
	} {
		d.Events = append(d.Events, &Event{ID: ed[0], Title: ed[0], Date: mustParse(t, ed[1])})
	}
	var got []string
	for _, e := range d.SortedEvents() {
		got = append(got, e.ID)
	}
	want := []string{"bang", "zoned", "utc", "day", "noon", "noon2", "milli"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted %q, want %q", got, want)
	}
}
