package timelinejs

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"unicode"

	"github.com/timeline-tool/timeline/timeline"
)

// sheetFormulas are headlines a spreadsheet would evaluate.
var sheetFormulas = []string{
	`=IMPORTXML("https://example.org/","//a")`, "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "'=quoted",
}

// TestSheetFormulasNeutralized: the sheet CSV, made to be opened in
// Google Sheets, holds no cell that starts a formula; ReadCSV gives the
// text back; years before the common era stay numbers.
func TestSheetFormulasNeutralized(t *testing.T) {
	span, _ := timeline.ParseDate("-0050/0010")
	d := &timeline.Dataset{Title: sheetFormulas[0],
		Eras:       []*timeline.Era{{ID: "e", Label: sheetFormulas[3], Span: span}},
		Categories: []*timeline.Category{{ID: "c", Label: sheetFormulas[2]}},
		Sources:    []*timeline.Source{{ID: "s", Title: "A source"}},
	}
	for i, f := range sheetFormulas {
		date, _ := timeline.ParseDate("-0050")
		d.Events = append(d.Events, &timeline.Event{ID: "e" + string(rune('a'+i)), Date: date, Title: f, Summary: "Text.", Era: "e", Category: "c", Sources: []string{"s"}})
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, d, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	years := 0
	for _, rec := range recs {
		for _, c := range rec {
			if c == "-50" {
				years++
				continue
			}
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("cell %q starts a formula", c)
			}
		}
	}
	if years == 0 {
		t.Errorf("the year -50 is not written as a number:\n%s", b.String())
	}
	back, _, err := ReadCSV("sheet.csv", b.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if back.Title != d.Title {
		t.Errorf("title %q, want %q", back.Title, d.Title)
	}
	for i, e := range back.Events {
		if e.Title != sheetFormulas[i] {
			t.Errorf("event %d: title %q, want %q", i, e.Title, sheetFormulas[i])
		}
	}
	if len(back.Eras) != 1 || back.Eras[0].Label != sheetFormulas[3] {
		t.Errorf("eras %+v, want the label %q", back.Eras, sheetFormulas[3])
	}

	var raw bytes.Buffer
	if err := WriteCSV(&raw, d, CSVOptions{Raw: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(raw.String(), "\n-50,,,,") || !strings.Contains(raw.String(), ",+1+1,") {
		t.Errorf("the raw sheet lacks the formulas as written:\n%s", raw.String())
	}
}

// FuzzWriteSheetCSV writes a dataset whose titles are arbitrary text as
// the sheet CSV, and checks that no cell starts a spreadsheet formula
// (years before the common era aside) and that ReadCSV gives plain
// titles back exactly.
func FuzzWriteSheetCSV(f *testing.F) {
	for _, s := range append(sheetFormulas, "plain", "-5", "'", "\t=1", "''+x") {
		f.Add(s, "1985")
	}
	f.Add("-", "-0044")
	f.Fuzz(func(t *testing.T, title, date string) {
		dt, err := timeline.ParseDate(date)
		if err != nil {
			return
		}
		d := &timeline.Dataset{Title: title, Sources: []*timeline.Source{{ID: "s", Title: "S"}},
			Events: []*timeline.Event{{ID: "e", Date: dt, Title: title, Sources: []string{"s"}}}}
		var b bytes.Buffer
		if err := WriteCSV(&b, d, CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
		if err != nil {
			t.Fatalf("%v\n%q", err, b.String())
		}
		for _, rec := range recs {
			for _, c := range rec {
				negative := len(c) > 1 && c[0] == '-' && strings.Trim(c[1:], "0123456789") == ""
				if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && !negative {
					t.Fatalf("cell %q starts a formula", c)
				}
			}
		}
		// Plain one-line text comes back as it was.
		if strings.TrimSpace(title) != title || strings.ContainsAny(title, "<>&\r\n\t\u00a0") || strings.Contains(title, "  ") {
			return
		}
		for _, r := range title {
			if !unicode.IsPrint(r) || r == 0xfffd {
				return
			}
		}
		back, _, err := ReadCSV("sheet.csv", b.Bytes())
		if err != nil || title == "" {
			return // a title the sheet cannot hold is another test's matter
		}
		if len(back.Events) != 1 || back.Events[0].Title != title {
			t.Fatalf("title %q came back as %+v\n%q", title, back.Events, b.String())
		}
	})
}
