package input

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Rows turns the lines of a CSV file into its rows as a spreadsheet
// numbers them: row 1 is the first line, and a quoted cell with line
// breaks makes one row of several lines, after which a problem's line and
// its row differ. The index is built on first use, so that a file read
// without a problem costs nothing.
type Rows struct {
	once  sync.Once
	data  []byte
	inner []int32 // the lines, in order, that continue a quoted cell
}

// CSVRows returns the rows of the CSV text data (after a byte order
// mark, as Check returns it). data must not change.
func CSVRows(data []byte) *Rows { return &Rows{data: data} }

func (rs *Rows) index() {
	quoted := false
	line := int32(1)
	for _, c := range rs.data {
		switch c {
		case '"':
			quoted = !quoted // a doubled quote turns it back
		case '\n':
			line++
			if quoted {
				rs.inner = append(rs.inner, line)
			}
		}
	}
	rs.data = nil
}

// Row returns the row that line is part of; 0 for line 0.
func (rs *Rows) Row(line int) int {
	if line <= 0 {
		return 0
	}
	rs.once.Do(rs.index)
	n, found := slices.BinarySearch(rs.inner, int32(line))
	if found {
		n++
	}
	return line - n
}

// Name puts the row before the message of each problem whose line is
// not its row ("row 7: …"), so that a problem after a cell with line
// breaks is found in a spreadsheet too. It changes ps in place.
func (rs *Rows) Name(ps Problems) {
	for i, p := range ps {
		if row := rs.Row(p.Line); row != p.Line && !strings.HasPrefix(p.Msg, "row ") {
			ps[i].Msg = fmt.Sprintf("row %d: %s", row, p.Msg)
		}
	}
}
