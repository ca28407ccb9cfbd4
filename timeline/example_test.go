package timeline_test

import (
	"fmt"
	"os"

	"github.com/timeline-tool/timeline/timeline"
)

func ExampleParseDate() {
	for _, s := range []string{"196X", "1985", "1997-10", "2012-09-28", "1985~", "1985?", "1973/1976", "1985/..", "-0044-03-15"} {
		d, err := timeline.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-12s %-14s %-7s %s to %s\n", s, d.Label(), d.Precision(), d.Earliest(), d.Latest())
	}
	// Output:
	// 196X         1960s          decade  1960-01-01 to 1969-12-31
	// 1985         1985           year    1985-01-01 to 1985-12-31
	// 1997-10      Oct 1997       month   1997-10-01 to 1997-10-31
	// 2012-09-28   28 Sep 2012    day     2012-09-28 to 2012-09-28
	// 1985~        c. 1985        year    1985-01-01 to 1985-12-31
	// 1985?        1985?          year    1985-01-01 to 1985-12-31
	// 1973/1976    1973–1976      year    1973-01-01 to 1976-12-31
	// 1985/..      1985–present   year    1985-01-01 to +inf
	// -0044-03-15  15 Mar 45 BCE  day     -0044-03-15 to -0044-03-15
}

func ExampleParseDate_errors() {
	for _, s := range []string{"1985-13", "1985-02-29", "19X5", "2012/1997", "1985??"} {
		_, err := timeline.ParseDate(s)
		fmt.Println(err)
	}
	// Output:
	// "1985-13": month 13 out of range 01–12 (at character 6)
	// "1985-02-29": day 29 out of range 01–28 (at character 9)
	// "19X5": digit after an unspecified digit X; X may only end a date (at character 4)
	// "2012/1997": interval ends before it starts (at character 6)
	// "1985??": only one qualifier (?, ~ or %) may end a date (at character 5)
}

func ExampleDate_Compare() {
	var dates []timeline.Date
	for _, s := range []string{"1985-04-12", "1985", "196X", "1985-04", "../1950"} {
		d, _ := timeline.ParseDate(s)
		dates = append(dates, d)
	}
	// Earliest day first; on the same day, the coarser date first.
	for i := range dates {
		for j := i + 1; j < len(dates); j++ {
			if dates[j].Compare(dates[i]) < 0 {
				dates[i], dates[j] = dates[j], dates[i]
			}
		}
	}
	fmt.Println(dates)
	// Output:
	// [../1950 196X 1985 1985-04 1985-04-12]
}

const exampleJSON = `{
  "title": "Example",
  "document": "report",
  "eras": [
    {"id": "early", "label": "Early years", "span": "1960/1979"},
    {"id": "late", "label": "Later", "span": "1980/.."}
  ],
  "categories": [{"id": "law", "label": "Law"}, {"id": "war", "label": "War"}],
  "sources": [
    {"id": "report", "title": "The report", "kind": "government"},
    {"id": "fr", "footnote": 12, "title": "Designation", "kind": "legislation", "locator": "62 Federal Register 52650"},
    {"id": "news", "title": "A story", "kind": "press"}
  ],
  "events": [
    {"id": "founded", "date": "196X", "display": "mid-1960s", "title": "Founded", "era": "early", "category": "war", "sources": ["report"]},
    {"id": "listed", "date": "1997-10-08", "title": "Listed", "era": "late", "category": "law", "sources": ["fr"]},
    {"id": "claim", "date": "1985~", "title": "A claim", "era": "late", "category": "war", "status": "claimed", "sources": ["news"]}
  ]
}`

func ExampleLoad() {
	d, warnings, err := timeline.Load("example.json", []byte(exampleJSON))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range warnings {
		fmt.Println(w)
	}
	for _, e := range d.SortedEvents() {
		fmt.Printf("%-11s %s\n", e.Label(), e.Title)
	}

	_, _, err = timeline.Load("broken.json", []byte(`{"title": "t",
  "events": [{"id": "a", "date": "1985-13", "title": "A", "sources": ["nope"]}]}`))
	fmt.Println(err)
	// Output:
	// example.json:17:5: events[2].attribution: warning: status "claimed" without an attribution: say who claims it
	// mid-1960s   Founded
	// c. 1985     A claim
	// 8 Oct 1997  Listed
	// broken.json:2:34: events[0].date: "1985-13": month 13 out of range 01–12 (at character 6)
	// broken.json:2:71: events[0].sources[0]: unknown source "nope" (none are defined)
}

func ExampleFilter_Apply() {
	d, _, err := timeline.Load("example.json", []byte(exampleJSON))
	if err != nil {
		fmt.Println(err)
		return
	}
	from, _ := timeline.ParseDate("1980")
	f := timeline.Filter{Eras: []string{"late"}, Categories: []string{"law"}, From: from}
	if err := f.Check(d); err != nil {
		fmt.Println(err)
		return
	}
	out := f.Apply(d)
	fmt.Printf("%s — %d of %d events\n", f.Describe(d), len(out.Events), len(d.Events))
	for _, s := range out.Sources {
		fmt.Println("source:", s.ID)
	}
	fmt.Println(timeline.Filter{Eras: []string{"middle"}}.Check(d))
	// Output:
	// Era: Later (1980–present); Category: Law; Dates: from 1980 — 1 of 3 events
	// source: report
	// source: fr
	// unknown era "middle"; valid eras: early, late
}

func ExampleEncode() {
	d, _, _ := timeline.Load("example.json", []byte(`{"title": "Tiny", "sources": [{"id": "s", "title": "S"}],
	  "events": [{"id": "a", "date": "1985", "title": "A", "status": "established", "sources": ["s"]}]}`))
	timeline.Encode(os.Stdout, d)
	// Output:
	// {
	//   "title": "Tiny",
	//   "eras": [],
	//   "categories": [],
	//   "sources": [
	//     {
	//       "id": "s",
	//       "title": "S"
	//     }
	//   ],
	//   "events": [
	//     {
	//       "id": "a",
	//       "date": "1985",
	//       "title": "A",
	//       "sources": [
	//         "s"
	//       ]
	//     }
	//   ]
	// }
}
