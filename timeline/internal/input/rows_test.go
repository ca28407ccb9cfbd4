package input

import (
	"strings"
	"testing"
)

// TestRows shows a CSV's lines turned into spreadsheet rows: a quoted
// cell with line breaks makes one row of several lines, a doubled quote
// does not end it, and only problems off their row are named.
func TestRows(t *testing.T) {
	rs := CSVRows([]byte("a,b\n1,\"x\ny \"\"q\"\"\nz\"\n2,\"\"\n\n3,w\n"))
	for line, want := range map[int]int{0: 0, 1: 1, 2: 2, 3: 2, 4: 2, 5: 3, 6: 4, 7: 5} {
		if got := rs.Row(line); got != want {
			t.Errorf("Row(%d) = %d; want %d", line, got, want)
		}
	}
	ps := Problems{{Line: 2, Msg: "a"}, {Line: 3, Msg: "b"}, {Line: 7, Msg: "c"}, {Msg: "d"}}
	rs.Name(ps)
	rs.Name(ps) // once only
	var got []string
	for _, p := range ps {
		got = append(got, p.Msg)
	}
	if strings.Join(got, "|") != "a|row 2: b|row 5: c|d" {
		t.Errorf("Name gives %q", got)
	}
	ps = Problems{{File: "f", Line: 4, Msg: "e"}}
	if rs.Name(ps); ps.Err() == nil || ps.Err().Error() != "f:4:0: row 2: e" {
		t.Errorf("Name gives %v", ps.Err())
	}
}
