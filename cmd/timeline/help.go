package main

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"
)

// flagUsages returns the flags of fs as help lists them, one per line with
// the usage wrapped to width columns: like pflag's FlagUsagesWrapped, but
// a boolean flag reads --flag, not --flag[=true|false].
func flagUsages(fs *pflag.FlagSet, width int) string {
	type row struct{ left, usage string }
	var rows []row
	maxLen := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		varname, usage := pflag.UnquoteUsage(f)
		if f.Value.Type() != "bool" && varname != "" {
			left += " " + varname
		}
		if def := f.DefValue; f.Value.Type() != "bool" && def != "" && def != "[]" {
			usage += fmt.Sprintf(" (default %q)", def)
		}
		rows = append(rows, row{left, usage})
		maxLen = max(maxLen, len(left))
	})
	var b strings.Builder
	indent := maxLen + 3
	for _, r := range rows {
		b.WriteString(r.left)
		b.WriteString(strings.Repeat(" ", indent-len(r.left)))
		b.WriteString(wrap(r.usage, indent, width))
		b.WriteByte('\n')
	}
	return b.String()
}

// wrap wraps s to lines of at most width columns, indenting every line
// after the first by indent spaces (the first is assumed to start there).
func wrap(s string, indent, width int) string {
	words := strings.Fields(s)
	var b strings.Builder
	col := indent
	for i, w := range words {
		n := len([]rune(w))
		if i > 0 {
			if col+1+n > width {
				b.WriteString("\n" + strings.Repeat(" ", indent))
				col = indent
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(w)
		col += n
	}
	return b.String()
}

// helpTopics are the texts "timeline help TOPIC" prints besides the
// commands' help.
var helpTopics = []struct{ name, short, text string }{
	{"formats", "the input formats, how they are told apart, and dates", formatsHelp},
}

const formatsHelp = `
Input formats

Every command that reads data takes --data FILE (- for standard input) in
one of five formats; without --data it reads the embedded dataset.

  json            this tool's JSON: one object with title, eras, categories,
                  sources and events; its JSON Schema is
                  timeline/dataset.schema.json in the source
  timelinejs      Knight Lab TimelineJS JSON ({"title": …, "events": [{"start_date": …}]})
  timelinejs-csv  a TimelineJS Google Sheet saved as CSV (Year, Month, Day,
                  Headline, Text, … columns; or the older template's
                  Start Date, End Date, Headline, Text, …, Tag)
  csv             this tool's CSV: one row per record, with id, date and
                  title columns (what "timeline export --format csv" writes)
  markwhen        markwhen text (.mw), read only: one event a line
                  ("2023-01-05: Launch #release", "1999 - 2003: Degree")

Detection

Without --format-in, the format is told by the content, the extension
breaking ties: data that starts with { (after a byte order mark and white
space) is JSON, TimelineJS JSON when its first event has a "start_date" or
its title is an object, else this tool's. Other data is CSV, told by its
header row: a Year (or Start Date) column and a Headline or Text column
make a TimelineJS sheet; id, date and title columns make this tool's CSV.
Text that is neither, with the extension .mw or a markwhen event line
("2023-01-05: Launch") among its first 200 lines, is markwhen.
In both CSV formats, rows whose every cell is empty (spreadsheets write
them below a table) are skipped, and one note counts them; a problem after
a cell with a line break names its spreadsheet row ("row 6: …") besides
the line and column. A file in a
format timeline does not read (vis-timeline items, SIMILE
Timeline JSON or XML, a JSON whose events are neither this tool's nor
TimelineJS's) is refused with one line saying what it looks like. Files must be
UTF-8 (a UTF-16 file is refused with a hint); a table separated by
semicolons or tabs is refused too. --format-in json|timelinejs|
timelinejs-csv|csv|markwhen says which when detection cannot.

markwhen

The header (the lines before the first event, or a front matter between
--- lines) gives the title (title:) and subtitle (description:);
dateFormat: d/M/y reads slash dates day first. An event's first line is
its title, the lines after it its summary, and its #tags its tags; !id
or an id: property is its id. A group ("group Name" … "endGroup", or a
heading "# Name") is a category; a section ("section Name" …
"endSection", or a heading with the property "style: section") is an era
spanning its events. Dates are read in markwhen's forms: 2023-01-05,
2023-01/2023-04, 1999 - 2003, 12/25/1901 (month first, unless
dateFormat: d/M/y), 04/1776, March 16 2021, 4 January 1996, 300 BC -
200 BC (-0299/-0199), 2022-01-30 8am (2022-01-30T08:00, local time as in
markwhen; with the header's timezone: America/New_York, or a group's own
timezone property, 2022-01-30T08:00-05:00, the zone's offset on that
date), 2031-11-19T01:35:10Z, and an end "now" is an open end
(2005/..), and an end given as an amount after the start reads as in
markwhen (2018/6 months is 2018/2018-06). Dates markwhen works out from
others (after !id 3 weeks, a start such as 2 weeks, hours or week days, a
time alone, a month without a year, now as a start, every …) are errors
naming their line and column. What the dataset has no place
for (header keys such as view, tag colours, properties) is listed in
one note. An event's first image, ![alt](address), is its media; links
and further images stay in the text as written.

Dates

Dates are EDTF (Extended Date/Time Format, ISO 8601-2) of level 0, the
level-1 features timelines need and level 2's one-of ranges, and an event's date is only as precise as
its source is:

  1985, 1985-04, 1985-04-12      a year, a month, a day
  -0044                          a negative (astronomical) year
  196X, 19XX, 1985-XX            unspecified trailing digits: a decade,
                                 a century, some month of 1985
  1985?, 1985~, 1985%            uncertain, approximate, both
  1973/1976, 1985/.., ../2003    intervals, with open ends
  1985/, /2003                   intervals with an unknown end
  [2009..2010], [..1980], [2013..]
                                 one moment at some time in the range, not
                                 known when (EDTF level 2): "2009 or 2010"
  1997-10-08T14:30, 1997-10-08T14:30:00Z, 1997-10-08T14:30:15.5+05:30
                                 a time of day, shown as written; a zoned
                                 time sorts at its instant in UTC, a time
                                 without a zone (and a plain date) as if UTC
  Y-13800000000, Y-17E7          a long year (more than four digits, or an
                                 exponent): "13.8 billion years ago"

A date typed the spreadsheet way (3/14/1948, Mar 1948, 14 March 1948) is
refused with the EDTF form to use (1948-03-14, 1948-03).

Other years have four digits. --from and --to take the same dates and keep the
events whose span overlaps them: --from 196X keeps an event of 1965, and
an event of "196X" is kept by --from 1965.

Checking

"timeline validate --data FILE" reports every problem at once, each with
its file:line:col and field; the other commands refuse a dataset with
errors and print its warnings.

Examples:
  timeline validate --data examples/bridge.json
  timeline list --from 196X --to 1979
  timeline export --format timelinejs-csv --era iraq
`
