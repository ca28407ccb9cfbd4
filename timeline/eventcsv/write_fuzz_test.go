package eventcsv

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/timeline-tool/timeline/timeline"
)

// FuzzWriteEventCSV builds datasets from arbitrary text, as our JSON may
// hold it, and checks that no cell starts a spreadsheet formula and that
// Read(Write(d)) gives d, except that a CRLF
// inside a cell comes back as LF (see the package doc; the seed with
// "a\r\nb" found it), and that text that is not UTF-8 is refused (the
// corpus entry 0ae5862992e4d5ca found Write making unreadable files).
func FuzzWriteEventCSV(f *testing.F) {
	f.Add("Title", "a summary\nwith lines", "tag", "src", "1985")
	f.Add("", "a\r\nb", " lead;", `back\`, "196X/..")
	f.Add("\ufeffx", "\r", "", "", "-0044-03-15")
	f.Add("=1+1", "'=x", "@t", "-s", "1985")
	f.Add("''+x", "\t=1", "-5", "'", "-0044")
	f.Fuzz(func(t *testing.T, title, summary, tag, src, date string) {
		dt, err := timeline.ParseDate(date)
		if err != nil {
			return
		}
		d := &timeline.Dataset{Title: title, Subtitle: summary, Eras: []*timeline.Era{}, Categories: []*timeline.Category{},
			Sources: []*timeline.Source{{ID: src, Title: title, Locator: summary, Date: dt}},
			Events:  []*timeline.Event{{ID: title, Date: dt, Title: summary, Summary: summary, Display: tag, Tags: nonEmpty(tag, summary), Sources: nonEmpty(src), Attribution: title}}}
		var b bytes.Buffer
		if err := Write(&b, d, Options{}); err != nil {
			for _, s := range []string{title, summary, tag, src} {
				if !utf8.ValidString(s) {
					return // refused, as documented
				}
			}
			t.Fatal(err)
		}
		// No cell starts a formula in a spreadsheet (see package csvsafe).
		recs, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, rec := range recs {
			for _, c := range rec {
				negative := len(c) > 1 && c[0] == '-' && strings.Trim(c[1:], "0123456789") == ""
				if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && !negative {
					t.Fatalf("cell %q starts a formula", c)
				}
			}
		}
		back, _, err := Read("x.csv", b.Bytes())
		if err != nil {
			t.Fatalf("%v\n%q", err, b.String())
		}
		if !reflect.DeepEqual(fields(back), fields(d)) {
			var x, y bytes.Buffer
			timeline.Encode(&x, d)
			timeline.Encode(&y, back)
			// JSON writes CR LF as the escapes \r\n.
			if want := strings.ReplaceAll(x.String(), `\r\n`, `\n`); want != y.String() || !strings.Contains(x.String(), `\r\n`) {
				t.Fatalf("Read(Write(d)) != d:\n%s\nwant\n%s\ncsv %q", y.String(), want, b.String())
			}
		}
	})
}

func nonEmpty(items ...string) []string {
	var out []string
	for _, it := range items {
		if it != "" {
			out = append(out, it)
		}
	}
	return out
}
