package timelinejs

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/timeline-tool/timeline/timeline"
)

var bom = []byte("\xef\xbb\xbf")

// checkInput checks what every format needs of its bytes: at most
// timeline.MaxInput of them, valid UTF-8, not empty. It returns data
// without a leading byte order mark.
func checkInput(name string, data []byte, what string) ([]byte, error) {
	if len(data) > timeline.MaxInput {
		return nil, timeline.Problems{{File: name, Msg: fmt.Sprintf("file is %d bytes; the largest dataset read is %d bytes", len(data), timeline.MaxInput)}}.Err()
	}
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return nil, timeline.Problems{{File: name, Line: 1, Col: 1, Msg: "the file is UTF-16 text; save it as UTF-8 (in Excel: CSV UTF-8)"}}.Err()
	}
	body := bytes.TrimPrefix(data, bom)
	if off := invalidUTF8(body); off >= 0 {
		line, col := position(data, off+len(data)-len(body))
		return nil, timeline.Problems{{File: name, Line: line, Col: col, Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x): save the file as UTF-8", body[off])}}.Err()
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, timeline.Problems{{File: name, Msg: "empty file: " + what}}.Err()
	}
	return body, nil
}

// invalidUTF8 returns the offset of the first byte of b that is not valid
// UTF-8, or -1.
func invalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for off := 0; off < len(b); {
		r, n := utf8.DecodeRune(b[off:])
		if r == utf8.RuneError && n <= 1 {
			return off
		}
		off += n
	}
	return -1
}

// position returns the 1-based line and byte column of offset off in b.
func position(b []byte, off int) (line, col int) {
	off = min(max(off, 0), len(b))
	line = 1 + bytes.Count(b[:off], []byte{'\n'})
	col = off - bytes.LastIndexByte(b[:off], '\n')
	return line, col
}
