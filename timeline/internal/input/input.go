// Package input is what every reader of a dataset shares: the limits on
// what is read and how they are enforced as early as possible, the checks
// of size and encoding every format needs, the line index that turns a
// byte offset into a line and column, the problems readers report, the
// origin a dataset keeps of where it came from, and the one JSON reader
// that checks syntax, decodes and records positions in a single pass.
package input

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sync"
	"unicode/utf8"
)

// MaxBytes is the largest dataset, in bytes, that is read.
const MaxBytes = 256 << 20

// MaxEvents is the largest number of events in a dataset of our JSON: a
// timeline of more is not one a reader can use, and the limit bounds
// memory.
const MaxEvents = 1_000_000

// StdinName is the name standard input goes by in messages.
const StdinName = "standard input"

// tooLarge is the message of a file of n bytes, over MaxBytes.
func tooLarge(n int64) string {
	return fmt.Sprintf("file is %d bytes; the largest dataset read is %d bytes (256 MiB)", n, MaxBytes)
}

// ReadFile reads the dataset file path, or standard input (stdin) when
// path is "-", refusing at once what is over MaxBytes: a regular file by
// its size, before reading any of it; standard input, a pipe or a device
// by reading at most one byte more than the limit. It returns the name to
// use in messages ("standard input" for "-") and the bytes.
func ReadFile(path string, stdin io.Reader) (name string, data []byte, err error) {
	name = path
	r := stdin
	if path == "-" {
		name = StdinName
	} else {
		f, err := os.Open(path)
		if err != nil {
			return name, nil, err
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return name, nil, err
		}
		switch {
		case st.IsDir():
			return name, nil, fmt.Errorf("%s is a directory, not a dataset file", path)
		case st.Mode().IsRegular() && st.Size() > MaxBytes:
			return name, nil, fmt.Errorf("%s: %s", path, tooLarge(st.Size()))
		case st.Mode().IsRegular():
			// Read a regular file into a buffer of its size (and room to
			// see it has not grown), not one grown by doubling.
			data = make([]byte, 0, st.Size()+bytes.MinRead)
		}
		r = f
	}
	buf := bytes.NewBuffer(data)
	if _, err = buf.ReadFrom(io.LimitReader(r, MaxBytes+1)); err != nil {
		return name, nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if data = buf.Bytes(); len(data) > MaxBytes {
		return name, nil, fmt.Errorf("%s: more than %d bytes, the largest dataset read (256 MiB)", name, MaxBytes)
	}
	return name, data, nil
}

// bom is the UTF-8 byte order mark, which every reader skips.
var bom = []byte("\xef\xbb\xbf")

// Check checks what every format needs of the bytes of a file: at most
// MaxBytes of them, not UTF-16, valid UTF-8, not empty (what completes
// the message of an empty file: "empty file: " + what). It returns the
// bytes after a UTF-8 byte order mark, or the problem.
func Check(name string, data []byte, what string) ([]byte, error) {
	if len(data) > MaxBytes {
		return nil, Problems{{File: name, Msg: tooLarge(int64(len(data)))}}.Err()
	}
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return nil, Problems{{File: name, Line: 1, Col: 1, Msg: "the file is UTF-16 text; save it as UTF-8 (in Excel: CSV UTF-8)"}}.Err()
	}
	body := bytes.TrimPrefix(data, bom)
	if !utf8.Valid(body) {
		off := 0
		for off < len(body) {
			r, n := utf8.DecodeRune(body[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		line, col := NewLines(data).Pos(off + len(data) - len(body))
		return nil, Problems{{File: name, Line: line, Col: col, Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x): save the file as UTF-8", body[off])}}.Err()
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, Problems{{File: name, Msg: "empty file: " + what}}.Err()
	}
	return body, nil
}

// Origin is where a dataset was read from: the name used in messages,
// the checksum of the bytes read, and where each value came from.
type Origin struct {
	Name string

	// Pos returns the 1-based line and column of the value a path of the
	// dataset ("events[3].era", "events[3]", "title") was read from, or
	// 0, 0 when that path has none of its own. It is nil when positions
	// are unknown.
	Pos func(path string) (line, col int)

	// Rows, for a CSV file, names the spreadsheet row of the problems
	// Locate places where it is not their line; nil for other formats.
	Rows *Rows

	sum *checksum
}

type checksum struct {
	once sync.Once
	data []byte
	hex  string
}

// NewOrigin returns the origin of a dataset read from data under name,
// its values placed by pos (which may be nil). The checksum of data is
// worked out when first asked for: data must not change.
func NewOrigin(name string, data []byte, pos func(path string) (line, col int)) *Origin {
	return &Origin{Name: name, Pos: pos, sum: &checksum{data: data}}
}

// SHA256 returns the hex SHA-256 of the bytes read, or "" for a nil
// Origin.
func (o *Origin) SHA256() string {
	if o == nil || o.sum == nil {
		return ""
	}
	c := o.sum
	c.once.Do(func() {
		s := sha256.Sum256(c.data)
		c.hex, c.data = hex.EncodeToString(s[:]), nil
	})
	return c.hex
}

// WithoutPositions returns a copy of o that places nothing, for a
// dataset whose paths are no longer those of the file.
func (o *Origin) WithoutPositions() *Origin {
	if o == nil {
		return nil
	}
	c := *o
	c.Pos = nil
	return &c
}

// Locate places the problems of a dataset read from o (see Locate), and
// names their rows in a CSV file (see Rows.Name).
func (o *Origin) Locate(ps Problems) {
	if o != nil && o.Pos != nil {
		Locate(ps, o.Pos)
		if o.Rows != nil {
			o.Rows.Name(ps)
		}
	}
}

// Locate fills in the line and column of the problems that have a path
// but no position, each at the position pos gives its path or, failing
// that, the nearest enclosing path that has one ("events[3].sources[1]",
// then "events[3].sources", then "events[3]").
func Locate(ps Problems, pos func(path string) (line, col int)) {
	for i, p := range ps {
		if p.Line != 0 || p.Path == "" {
			continue
		}
		for path := p.Path; path != ""; path = ParentPath(path) {
			if line, col := pos(path); line > 0 {
				ps[i].Line, ps[i].Col = line, max(col, 1)
				break
			}
		}
	}
}

// Place is a line and column of a file; the zero Place is unknown.
type Place struct{ Line, Col int32 }
