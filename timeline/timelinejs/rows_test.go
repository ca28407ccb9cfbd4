package timelinejs

import (
	"strings"
	"testing"
)

// TestSheetErrorRows shows that an error in a sheet after a cell with a
// line break names the spreadsheet row as well as the line.
func TestSheetErrorRows(t *testing.T) {
	in := "Year,Month,Headline,Text\n" + // row 1
		"1985,,A,\"two\nlines\"\n" + // row 2, lines 2 and 3
		"1986,13,B,\n" // row 3, line 4
	_, _, err := ReadCSV("s.csv", []byte(in))
	if err == nil || !strings.HasPrefix(err.Error(), "s.csv:4:6: Month: row 3: ") {
		t.Errorf("error %v; want one at line 4 naming row 3", err)
	}
}
