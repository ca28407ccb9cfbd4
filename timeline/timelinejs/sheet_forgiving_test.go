package timelinejs

import (
	"strings"
	"testing"
)

// The older sheet template (Start Date, End Date, Tag) reads, as
// TimelineJS still reads it: a year, TimelineJS's "year,month,day", ISO
// and month/day/year cells.
func TestReadCSVOldLayout(t *testing.T) {
	in := "Start Date,End Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Tag\r\n" +
		",,My old sheet,An intro,,,,,title,\r\n" +
		"1948,1952,Years,,,,,,,Politics\r\n" +
		"\"1948,3,14\",,Comma date,,,,,,,Politics\r\n" +
		"3/14/1950,,US date,,,,,,,\r\n" +
		"1951-06-02,1951-07,ISO date,,,,,,,\r\n" +
		"1960,1970,An era,,,,,,era,\r\n"
	d, notes, err := ReadCSV("old.csv", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "My old sheet" || d.Subtitle != "An intro" {
		t.Errorf("title %q, subtitle %q", d.Title, d.Subtitle)
	}
	var got []string
	for _, e := range d.Events {
		got = append(got, e.Date.String()+" "+e.Title+" "+e.Category)
	}
	want := "1948/1952 Years politics; 1948-03-14 Comma date politics; 1950-03-14 US date ; 1951-06-02/1951-07 ISO date "
	if strings.Join(got, "; ") != want {
		t.Errorf("events\n%s\nwant\n%s", strings.Join(got, "; "), want)
	}
	if len(d.Eras) != 1 || d.Eras[0].Span.String() != "1960/1970" {
		t.Errorf("eras %v", d.Eras)
	}
	for _, n := range notes {
		if strings.Contains(n, "column") {
			t.Errorf("a column of the older template is reported as unknown: %s", n)
		}
	}
}

func TestReadCSVOldLayoutErrors(t *testing.T) {
	for in, want := range map[string]string{
		"Start Date,Headline\n14/3/1950,A\n":             `old.csv:2:1: Start Date: "14/3/1950": this layout reads month/day/year, as TimelineJS does, and 14 is no month; for 14/3/1950 as day/month/year write 1950-03-14`,
		"Start Date,Headline\nMarch,A\n":                 `old.csv:2:1: Start Date: "March" is not a date this sheet layout reads: write a year (1948), year,month,day (1948,3,14), 1948-03-14 or month/day/year (3/14/1948)`,
		"Start Date,Headline\n,A\n":                      `old.csv:2:1: Start Date: missing year: a TimelineJS row needs a Start Date unless its Type is "title"`,
		"Start Date,End Date,Headline\n1950,1950-13,A\n": `old.csv:2:6: End Date: month 13 is out of range; a month is 1 to 12`,
	} {
		_, _, err := ReadCSV("old.csv", []byte(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error\n%v\nwant\n%s", in, err, want)
		}
	}
}

// Rows of empty cells, as spreadsheets write below a table, are skipped
// and counted in one note; the rows after them keep their line numbers.
func TestReadCSVBlankRows(t *testing.T) {
	in := "Year,Headline\n1985,A\n,\n , \n1986,B\n,\n1987-x,C\n"
	_, _, err := ReadCSV("s.csv", []byte(in))
	if err == nil || !strings.Contains(err.Error(), "s.csv:7:1: Year:") {
		t.Errorf("error %v, want one at s.csv:7:1", err)
	}
	d, notes, err := ReadCSV("s.csv", []byte(strings.Replace(in, "1987-x", "1987", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 3 {
		t.Errorf("%d events, want 3", len(d.Events))
	}
	if n := strings.Join(notes, "\n"); strings.Count(n, "blank") != 1 || !strings.Contains(n, "skipped 3 blank rows (every cell empty)") {
		t.Errorf("notes %q, want one counting 3 blank rows", notes)
	}
}
