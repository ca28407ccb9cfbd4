package eventcsv

import (
	"strings"
	"testing"
)

// TestErrorRows shows that an error after a cell with a line break names
// the spreadsheet row as well as the line, and one before it does not.
func TestErrorRows(t *testing.T) {
	in := "id,date,title,summary\n" + // row 1
		"a,1999-13,A,\n" + // row 2: bad month, line 2
		"b,1985,B,\"two\nlines\"\n" + // row 3, lines 3 and 4
		"c,1985-13,C,\n" // row 4, line 5
	_, _, err := Read("t.csv", []byte(in))
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "t.csv:2:3: date: \"1999-13\"") || !strings.HasPrefix(lines[1], "t.csv:5:3: date: row 4: \"1985-13\"") {
		t.Errorf("errors\n%v\nwant line 2 without a row and line 5 as row 4", err)
	}
}
