package timeline

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A DateError describes an EDTF string that ParseDate could not parse.
type DateError struct {
	Input  string // the string given to ParseDate
	Offset int    // byte offset in Input where the problem is
	Msg    string // what is wrong, in lower case
}

func (e *DateError) Error() string {
	return fmt.Sprintf("%s: %s (at character %d)", strconv.Quote(e.Input), e.Msg, e.Offset+1)
}

// maxDateLen bounds the input ParseDate looks at; no valid date is longer
// (the longest is an interval of two times with milliseconds and zones).
const maxDateLen = 64

// ParseDate parses an EDTF date of level 0 or the level-1 features
// timelines need:
//
//	1985, 1985-04, 1985-04-12      year, month, day
//	-0044                          a negative (astronomical) year
//	196X, 19XX, 1985-XX, 1985-0X   unspecified trailing digits
//	1985?, 1985~, 1985%            uncertain, approximate, both
//	1973/1976, 1985/.., ../2003    intervals, with open ends
//	1985/, /2003                   intervals with an unknown end
//	[2009..2010], [..1980], [2013..] one-of sets (EDTF level 2): one
//	                               moment, some time in the range
//	1997-10-08T14:30               a time of day: hours and minutes,
//	1997-10-08T14:30:15.5          seconds with up to three decimals,
//	1997-10-08T14:30:00Z           in UTC, or with an offset
//	1997-10-08T14:30+05:30         (±hh:mm or ±hh), or without a zone
//	Y-13800000000, Y170000002      long years (EDTF level 1): more than
//	Y-17E7                         four digits, or with an exponent
//
// A time needs a full date without unspecified digits or a qualifier.
// A long year stands alone (no month or day) and may be qualified; its
// magnitude is at most MaxLongYear. Significant digits (Y171010000S3)
// are refused with an error that says so.
//
// Of EDTF level 2's sets, only the one-of range is read: [A..B], [..B] or
// [A..], meaning a single date at some time from A to B, without limit at
// an end written "..". A list of members ([1667,1668,1670..1672]) and an
// all-of set ({1667,1668}) are refused with an error saying so: a timeline
// draws one span per event, and a list with gaps cannot be drawn or
// labelled as one.
//
// Other years have four digits. Unspecified digits (X) must come last: once a
// digit is X, every later digit is too. A qualifier applies to the whole
// date it ends. An interval's end must not come before its start. The
// returned error is a *DateError. A date written the way spreadsheets
// write them ("3/14/1948", "Mar 1948", "1948-3-14") gets an error that
// shows its EDTF form.
func ParseDate(s string) (Date, error) {
	d, err := parseDate(s)
	if err != nil {
		if hint, keep := spreadsheetHint(s); keep {
			if de, ok := err.(*DateError); ok {
				return Date{}, &DateError{de.Input, de.Offset, de.Msg + "; " + hint}
			}
		} else if hint != "" {
			return Date{}, &DateError{s, 0, hint}
		}
	}
	return d, err
}

func parseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, &DateError{s, 0, "empty date"}
	}
	if len(s) > maxDateLen {
		cut := maxDateLen
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		return Date{}, &DateError{s[:cut] + "…", maxDateLen, "too long for a date"}
	}
	if i := strings.IndexAny(s, " \t\r\n"); i >= 0 {
		return Date{}, &DateError{s, i, "white space in date"}
	}
	switch s[0] {
	case '[':
		d, err := parseOneOf(s)
		if err != nil {
			err.Input = s
			return Date{}, err
		}
		return d, nil
	case '{':
		return Date{}, &DateError{s, 0, "all-of sets {…} are not supported; a one-of range such as [2009..2010] is"}
	}
	slash := strings.IndexByte(s, '/')
	if slash < 0 {
		if s == ".." {
			return Date{}, &DateError{s, 0, `".." is only allowed as an end of an interval`}
		}
		p, err := parsePoint(s, 0)
		if err != nil {
			err.Input = s
			return Date{}, err
		}
		return NewDate(p), nil
	}
	if j := strings.IndexByte(s[slash+1:], '/'); j >= 0 {
		return Date{}, &DateError{s, slash + 1 + j, "more than one / in interval"}
	}
	pa, ka, err := parseEnd(s[:slash], 0, BoundUnknown)
	var pb Point
	kb := BoundUnknown
	if err == nil {
		pb, kb, err = parseEnd(s[slash+1:], slash+1, BoundUnknown)
	}
	switch {
	case err != nil:
		err.Input = s
		return Date{}, err
	case ka != BoundDate && kb != BoundDate:
		return Date{}, &DateError{s, 0, "an interval needs at least one dated end"}
	case ka == BoundDate && kb == BoundDate && endsBefore(pa, pb):
		return Date{}, &DateError{s, slash + 1, "interval ends before it starts"}
	}
	return NewInterval(pa, ka, pb, kb), nil
}

// parseEnd parses an end of an interval or a set, at offset off: "" is
// the bound empty, ".." an open end.
func parseEnd(t string, off int, empty Bound) (Point, Bound, *DateError) {
	switch t {
	case "":
		return Point{}, empty, nil
	case "..":
		return Point{}, BoundOpen, nil
	}
	p, err := parsePoint(t, off)
	return p, BoundDate, err
}

// endsBefore reports whether every moment b can mean comes before the
// first a can mean: an interval a/b that ends before it starts.
func endsBefore(a, b Point) bool {
	aFirst, _ := a.moments()
	_, bLast := b.moments()
	return bLast.Compare(aFirst) < 0
}

// parseOneOf parses a one-of set written as a range: [A..B], [..B], [A..].
func parseOneOf(s string) (Date, *DateError) {
	fail := func(i int, msg string) (Date, *DateError) { return Date{}, &DateError{Offset: i, Msg: msg} }
	if i := strings.IndexAny(s[1:], "[]{}/,"); i >= 0 && !(s[1+i] == ']' && 1+i == len(s)-1) {
		switch c := s[1+i]; c {
		case ',':
			return fail(1+i, "lists of dates in a set are not supported; write one range such as [2009..2010]")
		case '/':
			return fail(1+i, "an interval cannot be a member of a set")
		case ']':
			return fail(2+i, "unexpected "+quoteAt(s, 2+i)+" after set")
		default:
			return fail(1+i, "unexpected "+quoteAt(s, 1+i)+" in set")
		}
	}
	if !strings.HasSuffix(s, "]") {
		return fail(len(s), "set has no closing ]")
	}
	inner := s[1 : len(s)-1]
	dots := strings.Index(inner, "..")
	if dots < 0 {
		return fail(1, "a set needs a range with ..: [2009..2010], [..1980] or [2013..]")
	}
	if j := strings.Index(inner[dots+2:], ".."); j >= 0 {
		return fail(1+dots+2+j, "more than one .. in set")
	}
	a, b := inner[:dots], inner[dots+2:]
	if a == "" && b == "" {
		return fail(1, "a set needs at least one dated end")
	}
	pa, ka, err := parseEnd(a, 1, BoundOpen)
	if err != nil {
		return Date{}, err
	}
	pb, kb, err := parseEnd(b, 1+dots+2, BoundOpen)
	if err != nil {
		return Date{}, err
	}
	if ka == BoundDate && kb == BoundDate && endsBefore(pa, pb) {
		return fail(1+dots+2, "set ends before it starts")
	}
	return NewOneOf(pa, ka, pb, kb), nil
}

// parsePoint parses one date of an EDTF string; off is its offset in the
// whole string, for errors.
func parsePoint(s string, off int) (Point, *DateError) {
	var p Point
	neg := strings.HasPrefix(s, "-")
	if n := len(s) - 1; n >= 0 {
		switch s[n] {
		case '?':
			p.Qualifier = QualifierUncertain
		case '~':
			p.Qualifier = QualifierApproximate
		case '%':
			p.Qualifier = QualifierBoth
		}
		if p.Qualifier != QualifierNone {
			s = s[:n]
		}
	}
	r := &pointReader{s: s, off: off}
	if strings.HasPrefix(s, "Y") {
		if err := r.readLongYear(&p); err != nil {
			return Point{}, err
		}
		return p, nil
	}
	if neg {
		r.i = 1
	}
	if err := r.year(&p, neg); err != nil {
		return Point{}, err
	}
	if r.i < len(s) {
		if err := r.month(&p); err != nil {
			return Point{}, err
		}
	}
	if r.i < len(s) {
		if err := r.day(&p); err != nil {
			return Point{}, err
		}
	}
	if r.i < len(s) && (s[r.i] == 'T' || s[r.i] == 't') {
		switch {
		case s[r.i] == 't':
			return Point{}, r.fail(r.i, "the time follows an upper-case T")
		case p.Unspecified != 0:
			return Point{}, r.fail(r.i, "a time of day needs a date without unspecified digits (X)")
		case p.Qualifier != QualifierNone:
			return Point{}, r.fail(len(s), "a time of day cannot be qualified with ?, ~ or %%")
		}
		if err := r.readClock(&p); err != nil {
			return Point{}, err
		}
	}
	if r.i < len(s) {
		if c := s[r.i]; c == '?' || c == '~' || c == '%' {
			return Point{}, r.fail(r.i, "only one qualifier (?, ~ or %%) may end a date")
		}
		return Point{}, r.fail(r.i, "unexpected %s after date", quoteAt(s, r.i))
	}
	return p, nil
}

// pointReader reads the parts of a point, s, from byte i; off is the
// offset of s in the text parsed, for errors.
type pointReader struct {
	s      string
	off, i int
	seenX  bool // an unspecified digit was read: only Xs may follow
}

func (r *pointReader) fail(i int, format string, args ...any) *DateError {
	return &DateError{Offset: r.off + i, Msg: fmt.Sprintf(format, args...)}
}

// digits reads n digits or Xs, returning their value with Xs as zero
// and the mask of Xs (bit 0 the first digit).
func (r *pointReader) digits(n int, what string) (int, uint8, *DateError) {
	s, i := r.s, r.i
	v, mask := 0, uint8(0)
	for k := 0; k < n; k++ {
		if i+k >= len(s) {
			return 0, 0, r.fail(len(s), "%s needs %d digits, found %d", what, n, k)
		}
		switch c := s[i+k]; {
		case c >= '0' && c <= '9':
			if r.seenX {
				return 0, 0, r.fail(i+k, "digit after an unspecified digit X; X may only end a date")
			}
			v = v*10 + int(c-'0')
		case c == 'X':
			r.seenX = true
			v *= 10
			mask |= 1 << k
		case c == 'x':
			return 0, 0, r.fail(i+k, "unspecified digit must be an upper-case X")
		default:
			return 0, 0, r.fail(i+k, "unexpected %s in %s", quoteAt(s, i+k), what)
		}
	}
	r.i += n
	return v, mask, nil
}

// year reads the year, of four digits or Xs, negative when neg.
func (r *pointReader) year(p *Point, neg bool) *DateError {
	s := r.s
	y, ymask, err := r.digits(4, "year")
	if err != nil {
		return err
	}
	i := r.i
	if i < len(s) && strings.IndexByte("?~%", s[i]) >= 0 {
		return r.fail(i, "only one qualifier (?, ~ or %%) may end a date")
	}
	if i < len(s) && s[i] >= '0' && s[i] <= '9' {
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		return r.fail(0, "year %s has more than four digits; write a long year with Y: Y%s", s[:j], s[:j])
	}
	if ymask&0b0011 != 0 {
		return r.fail(i-4, "unspecified millennium or larger (%s) is not supported; use 19XX or 196X", s[:i])
	}
	if neg {
		switch {
		case y == 0 && ymask == 0:
			return r.fail(0, "year -0000 does not exist; write 0000")
		case y == 0:
			// -000X would be years -9 to 0, but its digits are those of
			// 000X (0 to 9): the sign would be lost.
			return r.fail(0, "negative year -%s has no non-zero digit; write an interval such as -0009/0000", s[1:i])
		}
		y = -y
	}
	p.Year, p.Unspecified, p.Digits = y, ymask, 1
	return nil
}

// part reads "-" after the part named after, and the two digits or Xs
// of what: where they start, their value and mask (see digits).
func (r *pointReader) part(after, what string) (int, int, uint8, *DateError) {
	if r.s[r.i] != '-' {
		return 0, 0, 0, r.fail(r.i, "expected - after %s, found %s", after, quoteAt(r.s, r.i))
	}
	r.i++
	v, mask, err := r.digits(2, what)
	return r.i - 2, v, mask, err
}

// month reads "-" and the month.
func (r *pointReader) month(p *Point) *DateError {
	start, m, mmask, err := r.part("year", "month")
	if err != nil {
		return err
	}
	switch {
	case mmask == 0 && m >= 21 && m <= 24:
		return r.fail(start, "seasons (month %02d) are not supported", m)
	case mmask == 0 && (m < 1 || m > 12):
		return r.fail(start, "month %02d out of range 01–12", m)
	case mmask == 0b10 && m > 10:
		return r.fail(start, "month %dX out of range: use 0X or 1X", m/10)
	}
	p.Month, p.Unspecified, p.Digits = m, p.Unspecified|mmask<<4, 2
	return nil
}

// day reads "-" and the day, within the days its month can have.
func (r *pointReader) day(p *Point) *DateError {
	start, d, dmask, err := r.part("month", "day")
	if err != nil {
		return err
	}
	ymask, mmask := p.Unspecified&0b1111, p.Unspecified>>4&0b11
	limit := 31
	if mmask == 0 && ymask == 0 {
		limit = DaysIn(p.Year, p.Month)
	} else if mmask == 0 {
		limit = DaysIn(2000, p.Month) // a leap year: the most days month m can have
	}
	switch {
	case dmask == 0 && (d < 1 || d > limit):
		return r.fail(start, "day %02d out of range 01–%02d", d, limit)
	case dmask == 0b10 && d > limit/10*10:
		return r.fail(start, "day %dX out of range", d/10)
	}
	p.Day, p.Unspecified, p.Digits = d, p.Unspecified|dmask<<6, 3
	return nil
}

// quoteAt returns the character starting at byte i of s, quoted; a byte
// that does not start valid UTF-8 is shown in hex.
func quoteAt(s string, i int) string {
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && n <= 1 {
		return fmt.Sprintf("byte 0x%02x", s[i])
	}
	return strconv.QuoteRune(r)
}
