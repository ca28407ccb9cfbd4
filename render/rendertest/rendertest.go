// Package rendertest makes datasets for the tests and benchmarks of the
// renderers: synthetic ones of any size and a hostile one whose every
// string tries to break out of its context.
package rendertest

import (
	"bytes"
	"fmt"

	"github.com/timeline-tool/timeline/timeline"
)

// Synthetic returns a valid dataset of n events spread over 1900–2025,
// with 5 eras, 6 categories, every status, every date precision and 40
// sources. The same n gives the same dataset.
func Synthetic(n int) *timeline.Dataset {
	var b bytes.Buffer
	b.WriteString(`{"title":"Synthetic timeline","subtitle":"Generated for tests","document":"doc","eras":[`)
	eras := []string{"1900/1924", "1925/1949", "1950/1974", "1975/1999", "2000/2025"}
	for i, s := range eras {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"era%d","label":"Era %d","span":%q}`, i, i, s)
	}
	b.WriteString(`],"categories":[`)
	for i := 0; i < 6; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"cat%d","label":"Category %d"}`, i, i)
	}
	b.WriteString(`],"sources":[{"id":"doc","kind":"government","author":"A. Author","title":"The source document","publisher":"Publisher","date":"2025-02-25"}`)
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, `,{"id":"s%d","footnote":%d,"kind":"press","author":"Writer %d","title":"Article number %d","publisher":"Outlet","date":"%d-%02d-%02d","url":"https://example.org/a/%d"}`,
			i, i, i, i, 1990+i%30, 1+i%12, 1+i%28, i)
	}
	b.WriteString(`],"events":[`)
	statuses := timeline.Statuses
	r := xorshift(2463534242)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		day := r.n(125 * 365)
		y := 1900 + day/365
		m := 1 + day%365/31
		d := 1 + day%28
		var date string
		switch i % 10 {
		case 0:
			date = fmt.Sprintf("%03dX", y/10)
		case 1:
			date = fmt.Sprintf("%04d", y)
		case 2:
			date = fmt.Sprintf("%04d-%02d", y, m)
		case 3:
			date = fmt.Sprintf("%04d~", y)
		case 4:
			date = fmt.Sprintf("%04d/%04d", y, min(y+1+r.n(8), 2025))
		case 5:
			date = fmt.Sprintf("%04d-%02d-%02d?", y, m, d)
		default:
			date = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		}
		era := min((y-1900)/25, 4)
		st := statuses[i%len(statuses)]
		attr := ""
		if st != timeline.StatusEstablished {
			attr = fmt.Sprintf(`,"status":%q,"attribution":"Party %d"`, st, i%7)
		}
		fmt.Fprintf(&b, `{"id":"ev%d","date":%q,"title":"Event number %d happened","summary":"A summary of event %d, long enough to wrap over a line or two in the table and the briefing, as real summaries do.","era":"era%d","category":"cat%d"%s,"sources":["s%d","s%d"]}`,
			i, date, i, i, era, i%6, attr, 1+i%40, 1+(i*7)%40)
	}
	b.WriteString(`]}`)
	d, _, err := timeline.Load(fmt.Sprintf("synthetic-%d.json", n), b.Bytes())
	if err != nil {
		panic("rendertest: synthetic dataset is invalid: " + err.Error())
	}
	return d
}

// Hostile is a string that breaks out of HTML, script, attribute, JSON,
// URL and go-echarts function contexts if it is not escaped.
const Hostile = `</script><script>alert(1)</script><img src=x onerror=alert(2)>"'&amp;{{.}}__f__function(){alert(3)}__f__`

// HostileDataset returns a dataset whose titles, labels, summaries,
// ids, attributions and citations are all Hostile, and whose source URL
// is a javascript: URL that must never become a link (Validate rejects it;
// renderers given it anyway must not link it).
func HostileDataset() *timeline.Dataset {
	h := Hostile
	d := &timeline.Dataset{
		Title:    "T " + h,
		Subtitle: "S " + h,
		Document: "doc",
		Eras:     []*timeline.Era{{ID: "era" + `"x`, Label: "E " + h, Span: mustDate("1900/2000"), Description: h}},
		Categories: []*timeline.Category{
			{ID: "cat'" + `"<x>`, Label: "C " + h, Description: h},
		},
		Sources: []*timeline.Source{
			{ID: "doc", Title: "D " + h, Author: h, Publisher: h, Locator: h},
			{ID: "js", Title: "J " + h, URL: "javascript:alert(4)"},
		},
		Events: []*timeline.Event{
			{ID: `ev"<b>`, Date: mustDate("1950"), Title: "Ev " + h, Summary: "Sum " + h, Era: "era" + `"x`, Category: "cat'" + `"<x>`,
				Status: timeline.StatusClaimed, Attribution: h, Sources: []string{"doc", "js"}, Tags: []string{h}},
			{ID: "plain", Date: mustDate("1960-05"), Display: h, Title: h, Era: "era" + `"x`, Category: "cat'" + `"<x>`, Sources: []string{"doc"}},
		},
	}
	return d
}

func mustDate(s string) timeline.Date {
	d, err := timeline.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}
