package pdfout

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"unsafe"

	"github.com/jung-kurt/gofpdf"
)

// Writing the file gofpdf made.
//
// gofpdf compresses each page's content stream with a zlib writer of its
// own, made anew for every page (about 1 MB of allocation a page, nearly
// half the time of a 10,000-event briefing), and it cannot write the
// catalog's /Lang. So the document is made without compression, and
// finish writes gofpdf's file again, object by object: each page's
// content compressed with one zlib writer reset between pages, at
// gofpdf's own level (the bytes are those gofpdf would write), /Lang put
// in the catalog, and a cross-reference table for the new offsets.

// grab is the io.Writer that gofpdf's Output writes to: it keeps the
// slice gofpdf hands it (Output writes its whole buffer in one call),
// so that a file of a hundred megabytes is not copied. The document is
// dropped right after, so nothing writes to that slice again.
type grab struct{ b []byte }

func (g *grab) Write(p []byte) (int, error) {
	if g.b == nil {
		g.b = p
	} else {
		g.b = append(g.b, p...)
	}
	return len(p), nil
}

// gofpdf's pages. gofpdf v1.16.2 keeps every page's content stream in a
// buffer of its own until Output, which then copies them all into one
// more buffer for the file: at 100,000 events some 145 MB of pages held
// twice, in buffers grown by doubling (copying and clearing memory at
// each step, a fifth of the CPU of a 10,000-event briefing, and up to
// half of each buffer unused). gofpdf has no way to hand a finished page
// out, so reachPages reaches them by reflection: as soon as a page is
// finished (the next one begun) its content is compressed, as finish
// would, and kept; its buffer goes on to the next page, and gofpdf writes
// an empty stream in its place, which finish fills. TestPagesReached
// fails should a version of gofpdf no longer have the field; without it
// the briefing is the same, made as before.
type pageStore struct {
	bufs *[]*bytes.Buffer // gofpdf's pages' contents, from index 1
	done [][]byte         // each page's compressed content, from index 1
	deflater
}

// deflater compresses page contents as gofpdf does, with one zlib writer
// reset between pages.
type deflater struct {
	z  bytes.Buffer
	zw *zlib.Writer
}

// deflate returns data compressed at gofpdf's level, in a buffer that the
// next call reuses.
func (d *deflater) deflate(data []byte) []byte {
	if d.zw == nil {
		d.zw, _ = zlib.NewWriterLevel(nil, zlib.BestSpeed) // gofpdf's level
	}
	d.z.Reset()
	d.zw.Reset(&d.z)
	d.zw.Write(data)
	d.zw.Close()
	return d.z.Bytes()
}

// reachPages returns the pages of pdf, or nil when pdf has no such field.
func reachPages(pdf *gofpdf.Fpdf) *pageStore {
	f := reflect.ValueOf(pdf).Elem().FieldByName("pages")
	if !f.IsValid() || f.Type() != reflect.TypeFor[[]*bytes.Buffer]() {
		return nil
	}
	return &pageStore{bufs: (*[]*bytes.Buffer)(unsafe.Pointer(f.UnsafeAddr())), done: [][]byte{nil}}
}

// reachRunes returns where gofpdf keeps the characters its current font
// has drawn, for the font's subset, or nil when pdf has no such field.
func reachRunes(pdf *gofpdf.Fpdf) *map[int]int {
	f := reflect.ValueOf(pdf).Elem().FieldByName("currentFont")
	if f.Kind() == reflect.Struct {
		f = f.FieldByName("usedRunes")
	}
	if !f.IsValid() || f.Type() != reflect.TypeFor[map[int]int]() {
		return nil
	}
	return (*map[int]int)(unsafe.Pointer(f.UnsafeAddr()))
}

// put draws s with its baseline's left end at (x, y) in the current font:
// the very bytes of gofpdf's Text (s in UTF-16 as gofpdf encodes it,
// escaped; the position to two decimals), and its characters marked used
// for the font's subset, without Text's formatting and allocations, a
// fifth of the time of a briefing (TestFinishAsGofpdf compares the file
// with one drawn by Text). Without reachRunes it is gofpdf's Text.
func (d *doc) put(x, y float64, s string) {
	if d.runes == nil {
		d.pdf.Text(x, y, s)
		return
	}
	b := strconv.AppendFloat(append(d.op[:0], "BT "...), x, 'f', 2, 64)
	b = strconv.AppendFloat(append(b, ' '), d.pageH-y, 'f', 2, 64)
	b = append(b, " Td ("...)
	used := *d.runes
	for _, r := range s { // none beyond U+FFFF, which cells maps into the Private Use Area
		used[int(r)] = int(r)
		for _, c := range [2]byte{byte(r >> 8), byte(r)} {
			switch c {
			case '\\', '(', ')':
				b = append(b, '\\')
			case '\r':
				b, c = append(b, '\\'), 'r'
			}
			b = append(b, c)
		}
	}
	d.op = append(b, ") Tj ET"...)
	d.pdf.RawWriteStr(unsafe.String(unsafe.SliceData(d.op), len(d.op))) // copied into the page
}

// take compresses and keeps the content of page n, which is finished,
// and leaves gofpdf an empty page in its place. Its buffer goes on to
// page n+1, when begun, with what that page holds so far. Pages are
// taken in order, each once.
func (p *pageStore) take(n int) {
	if p == nil || n != len(p.done) || n >= len(*p.bufs) {
		return
	}
	bufs := *p.bufs
	page := bufs[n]
	p.done = append(p.done, bytes.Clone(p.deflate(page.Bytes())))
	bufs[n] = new(bytes.Buffer)
	if n+1 < len(bufs) {
		next := bufs[n+1]
		page.Reset()
		page.Write(next.Bytes())
		bufs[n+1] = page
	}
}

// pdfObject is one object of the file: its number, where it is in the
// file, and what finish does with it.
type pdfObject struct {
	n          int
	start, end int  // the bytes from "n 0 obj" to after "endobj\n"
	content    bool // a page's content stream, to compress
	catalog    bool // gets /Lang
}

// finish writes the PDF file b, as gofpdf wrote it without compression,
// to w: page contents compressed (unless p, when not nil, took them while
// they were drawn), /Lang (lang) in the catalog unless lang is "",
// offsets made right. It reads the whole file before it writes, so that
// a file it cannot read writes nothing.
func finish(w io.Writer, b []byte, lang string, p *pageStore) error {
	for _, c := range lang { // a canonical BCP 47 tag: letters, digits and hyphens
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return fmt.Errorf("pdf: language %q is not a BCP 47 tag", lang)
		}
	}
	objs, trailer, err := readObjects(b)
	if err != nil {
		return fmt.Errorf("pdf: reading gofpdf's file: %w", err)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	offsets := make([]int, len(objs)+1) // by object number
	pos := 0
	put := func(p []byte) {
		n, _ := bw.Write(p) // bw keeps the first error
		pos += n
	}
	put(b[:objs[0].start]) // the header
	var (
		z      deflater
		header []byte
	)
	page := 0
	for _, o := range objs {
		offsets[o.n] = pos
		obj := b[o.start:o.end]
		switch {
		case o.content:
			page++
			data, _ := streamData(obj)
			var zdata []byte
			if p != nil && page < len(p.done) && len(data) == 0 {
				zdata, p.done[page] = p.done[page], nil // taken while drawing
			} else {
				zdata = z.deflate(data)
			}
			header = strconv.AppendInt(header[:0], int64(o.n), 10)
			header = append(header, " 0 obj\n<</Filter /FlateDecode /Length "...)
			header = strconv.AppendInt(header, int64(len(zdata)), 10)
			header = append(header, ">>\nstream\n"...)
			put(header)
			put(zdata)
			put([]byte("\nendstream\nendobj\n"))
		case o.catalog && lang != "":
			at := bytes.Index(obj, []byte("/Type /Catalog\n")) + len("/Type /Catalog\n")
			put(obj[:at])
			put([]byte("/Lang (" + lang + ")\n"))
			put(obj[at:])
		default:
			put(obj)
		}
	}
	// The cross-reference table: gofpdf's, with the new offsets.
	table := make([]byte, 0, 32+20*len(offsets))
	table = fmt.Appendf(table, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		table = fmt.Appendf(table, "%010d 00000 n \n", off)
	}
	table = append(table, trailer...)
	table = fmt.Appendf(table, "startxref\n%d\n%%%%EOF\n", pos)
	put(table)
	return bw.Flush()
}

// readObjects reads gofpdf's file b through its cross-reference table:
// its objects in file order and the trailer
// (from "trailer" to before "startxref").
func readObjects(b []byte) (objs []pdfObject, trailer []byte, err error) {
	xref := bytes.LastIndex(b, []byte("\nxref\n")) + 1
	sx := bytes.LastIndex(b, []byte("startxref\n"))
	if xref <= 0 || sx < xref {
		return nil, nil, fmt.Errorf("no cross-reference table")
	}
	if at, _ := strconv.Atoi(string(bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(b[sx+len("startxref\n"):]), []byte("%%EOF"))))); at != xref {
		return nil, nil, fmt.Errorf("startxref is %d, the table is at %d", at, xref)
	}
	rest := b[xref+len("xref\n"):]
	line, rest, _ := bytes.Cut(rest, []byte("\n"))
	count, err := strconv.Atoi(string(bytes.TrimPrefix(line, []byte("0 "))))
	if err != nil || !bytes.HasPrefix(line, []byte("0 ")) || count < 2 || len(rest) < 20*count {
		return nil, nil, fmt.Errorf("bad cross-reference table %q", line)
	}
	trailer = rest[20*count : bytes.LastIndex(rest, []byte("startxref\n"))]
	if !bytes.HasPrefix(trailer, []byte("trailer\n")) {
		return nil, nil, fmt.Errorf("no trailer after the cross-reference table")
	}
	for n := 1; n < count; n++ {
		e := rest[20*n : 20*n+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" || off <= 0 || off >= xref {
			return nil, nil, fmt.Errorf("bad cross-reference entry %q", e)
		}
		objs = append(objs, pdfObject{n: n, start: off})
	}
	slices.SortFunc(objs, func(a, b pdfObject) int { return a.start - b.start })
	contents := map[int]bool{}
	for i := range objs {
		o := &objs[i]
		o.end = xref
		if i+1 < len(objs) {
			o.end = objs[i+1].start
		}
		obj := b[o.start:o.end]
		head := strconv.Itoa(o.n) + " 0 obj\n"
		if !bytes.HasPrefix(obj, []byte(head)) || !bytes.HasSuffix(obj, []byte("endobj\n")) {
			return nil, nil, fmt.Errorf("object %d is not where the table says", o.n)
		}
		body := obj[len(head):]
		switch {
		case bytes.HasPrefix(body, []byte("<</Type /Page\n")):
			_, after, ok := bytes.Cut(body, []byte("/Contents "))
			num, _, _ := bytes.Cut(after, []byte(" "))
			c, err := strconv.Atoi(string(num))
			if !ok || err != nil {
				return nil, nil, fmt.Errorf("page object %d has no contents", o.n)
			}
			contents[c] = true
		case bytes.HasPrefix(body, []byte("<<\n/Type /Catalog\n")):
			o.catalog = true
		}
	}
	if len(objs) == 0 || !objs[len(objs)-1].catalog {
		return nil, nil, fmt.Errorf("the catalog is not the last object")
	}
	for i := range objs {
		o := &objs[i]
		if !contents[o.n] {
			continue
		}
		if _, ok := streamData(b[o.start:o.end]); !ok {
			return nil, nil, fmt.Errorf("page content %d is not a plain stream", o.n)
		}
		o.content = true
		delete(contents, o.n)
	}
	if len(contents) > 0 {
		return nil, nil, fmt.Errorf("%d page contents are missing", len(contents))
	}
	return objs, trailer, nil
}

// streamData returns the data of obj, an object "n 0 obj\n<</Length
// L>>\nstream\n...\nendstream\nendobj\n" as gofpdf writes an uncompressed
// stream, and whether obj is one.
func streamData(obj []byte) ([]byte, bool) {
	_, body, _ := bytes.Cut(obj, []byte(" 0 obj\n<</Length "))
	num, data, ok := bytes.Cut(body, []byte(">>\nstream\n"))
	l, err := strconv.Atoi(string(num))
	if !ok || err != nil || l < 0 || len(data) != l+len("\nendstream\nendobj\n") || string(data[l:]) != "\nendstream\nendobj\n" {
		return nil, false
	}
	return data[:l], true
}
