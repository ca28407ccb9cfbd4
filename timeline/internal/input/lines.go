package input

import (
	"bytes"
	"slices"
)

// Lines turns byte offsets of a file into lines and columns. Its index
// of line starts is built on first use, so that a file read without a
// problem costs nothing.
type Lines struct {
	data   []byte
	starts []int32 // the offset of the first byte of every line
}

// NewLines returns the line index of data.
func NewLines(data []byte) *Lines { return &Lines{data: data} }

// Pos returns the 1-based line and byte column of offset off of the
// file; a byte order mark takes no column. An offset out of the file
// gives 0, 0.
func (l *Lines) Pos(off int) (line, col int) {
	if off < 0 || off > len(l.data) {
		return 0, 0
	}
	if l.starts == nil {
		l.starts = make([]int32, 1, 1+bytes.Count(l.data, []byte{'\n'}))
		for i, c := range l.data {
			if c == '\n' {
				l.starts = append(l.starts, int32(i+1))
			}
		}
	}
	i, _ := slices.BinarySearch(l.starts, int32(off+1)) // starts[i-1] <= off
	line, col = i, off-int(l.starts[i-1])+1
	if line == 1 && bytes.HasPrefix(l.data, bom) && off >= len(bom) {
		col -= len(bom)
	}
	return line, col
}
