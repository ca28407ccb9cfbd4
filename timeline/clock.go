package timeline

import (
	"cmp"
	"strconv"
	"strings"
)

// Zone says how the time zone of a Clock was written.
type Zone uint8

// The ways a zone is written.
const (
	ZoneNone    Zone = iota // no zone: a local ("floating") time
	ZoneUTC                 // Z
	ZoneHours               // ±hh
	ZoneMinutes             // ±hh:mm
)

// Clock is the time of day of a Point (EDTF level 0 date and time,
// 1997-10-08T14:30:00Z): hours and minutes, optionally seconds with up to
// three decimals, and optionally a zone. The zero Clock is no time: a
// Point without one is a whole day.
type Clock struct {
	// Set reports that the point has a time of day.
	Set                  bool
	Hour, Minute, Second uint8
	// Milli holds the decimals of the second in milliseconds; Decimals is
	// how many were written (0 to 3).
	Milli    uint16
	Decimals uint8
	// Seconds reports that the seconds were written (14:30:00 rather than
	// 14:30).
	Seconds bool
	// Zone says how the zone was written; Offset is its offset from UTC in
	// minutes (east positive), 0 for ZoneNone and ZoneUTC.
	Zone   Zone
	Offset int16
}

// msPerDay is the number of milliseconds in a day.
const msPerDay = 86_400_000

// Moment is an instant at millisecond resolution: a Day and the
// milliseconds since its start, 0 to 86,399,999. Moments of times with a
// zone are in UTC; a time without a zone, and a date without a time, are
// taken as if in UTC (see Date.Compare).
type Moment struct {
	Day   Day
	Milli int32
}

// The moments of the unbounded ends of an open interval.
var (
	minMoment = Moment{MinDay, 0}
	maxMoment = Moment{MaxDay, msPerDay - 1}
)

// Compare returns -1, 0 or +1 as m is before, at or after n.
func (m Moment) Compare(n Moment) int {
	if c := cmp.Compare(m.Day, n.Day); c != 0 {
		return c
	}
	return cmp.Compare(m.Milli, n.Milli)
}

// add returns m moved by ms milliseconds (which may be negative).
func (m Moment) add(ms int64) Moment {
	t := int64(m.Milli) + ms
	days := t / msPerDay
	t %= msPerDay
	if t < 0 {
		t += msPerDay
		days--
	}
	return Moment{m.Day + Day(days), int32(t)}
}

// Next returns the moment a millisecond after m.
func (m Moment) Next() Moment { return m.add(1) }

// YearFraction returns m as a fractional year; see Day.YearFraction.
func (m Moment) YearFraction() float64 {
	y, _, _ := m.Day.Date()
	start := DayOf(y, 1, 1)
	length := float64(DayOf(y+1, 1, 1) - start)
	return float64(y) + (float64(m.Day-start)+float64(m.Milli)/msPerDay)/length
}

// local returns the milliseconds since midnight that c reads.
func (c Clock) local() int64 {
	return ((int64(c.Hour)*60+int64(c.Minute))*60+int64(c.Second))*1000 + int64(c.Milli)
}

// unit returns the length in milliseconds of the last unit c names: a
// minute for 14:30, a second for 14:30:15, a tenth of one for 14:30:15.5.
func (c Clock) unit() int64 {
	switch {
	case !c.Seconds:
		return 60_000
	case c.Decimals == 0:
		return 1000
	case c.Decimals == 1:
		return 100
	case c.Decimals == 2:
		return 10
	}
	return 1
}

// String returns c as written in EDTF, without the leading T: "14:30",
// "14:30:15.5Z", "14:30:00+05:30".
func (c Clock) String() string {
	if !c.Set {
		return ""
	}
	var b strings.Builder
	c.appendTo(&b)
	return b.String()
}

func (c Clock) appendTo(b *strings.Builder) {
	two := func(v uint8) {
		b.WriteByte('0' + v/10)
		b.WriteByte('0' + v%10)
	}
	two(c.Hour)
	b.WriteByte(':')
	two(c.Minute)
	if c.Seconds {
		b.WriteByte(':')
		two(c.Second)
		if c.Decimals > 0 {
			ms := strconv.Itoa(int(c.Milli) + 1000)[1:]
			b.WriteByte('.')
			b.WriteString(ms[:c.Decimals])
		}
	}
	switch c.Zone {
	case ZoneUTC:
		b.WriteByte('Z')
	case ZoneHours, ZoneMinutes:
		off := c.Offset
		if off < 0 {
			b.WriteByte('-')
			off = -off
		} else {
			b.WriteByte('+')
		}
		two(uint8(off / 60))
		if c.Zone == ZoneMinutes {
			b.WriteByte(':')
			two(uint8(off % 60))
		}
	}
}

// readClock reads a time of day after the T of a full date: hh:mm,
// hh:mm:ss or hh:mm:ss.s (one to three decimals), then optionally Z, ±hh
// or ±hh:mm.
func (r *pointReader) readClock(p *Point) *DateError {
	s := r.s
	t0 := r.i // the T
	r.i++
	var c Clock
	var err *DateError
	if c.Hour, err = r.twoDigits("hour", 23); err != nil {
		return err
	}
	if r.i >= len(s) || s[r.i] != ':' {
		if r.i+2 <= len(s) && isDigit(s[r.i]) {
			return r.fail(r.i, "write the time with colons: T%s:%s", s[t0+1:t0+3], s[r.i:min(r.i+2, len(s))])
		}
		return r.fail(r.i, "a time needs hours and minutes, such as T%s:00", s[t0+1:t0+3])
	}
	r.i++
	if c.Minute, err = r.twoDigits("minute", 59); err != nil {
		return err
	}
	if r.i < len(s) && s[r.i] == ':' {
		r.i++
		if c.Second, err = r.twoDigits("second", 59); err != nil {
			return err
		}
		c.Seconds = true
		if err := r.readDecimals(&c); err != nil {
			return err
		}
	}
	if err := r.readZone(&c); err != nil {
		return err
	}
	c.Set = true
	p.Clock = c
	return nil
}

// twoDigits reads a two-digit part of a time, at most hi.
func (r *pointReader) twoDigits(what string, hi int) (uint8, *DateError) {
	s, i := r.s, r.i
	if i+2 > len(s) || !isDigit(s[i]) || !isDigit(s[i+1]) {
		switch {
		case i >= len(s):
			return 0, r.fail(i, "%s needs 2 digits, found none", what)
		case isDigit(s[i]):
			return 0, r.fail(i, "%s needs 2 digits", what)
		}
		return 0, r.fail(i, "unexpected %s in %s", quoteAt(s, i), what)
	}
	v := int(s[i]-'0')*10 + int(s[i+1]-'0')
	if v > hi {
		return 0, r.fail(i, "%s %02d out of range 00–%02d", what, v, hi)
	}
	r.i += 2
	return uint8(v), nil
}

// readDecimals reads the decimals of a second, if a full stop follows it.
func (r *pointReader) readDecimals(c *Clock) *DateError {
	s := r.s
	if r.i >= len(s) || (s[r.i] != '.' && s[r.i] != ',') {
		return nil
	}
	if s[r.i] == ',' {
		return r.fail(r.i, "write the decimals of a second after a full stop, not a comma")
	}
	r.i++
	n := 0
	for r.i < len(s) && isDigit(s[r.i]) {
		if n == 3 {
			return r.fail(r.i, "at most three decimals (milliseconds) of a second")
		}
		c.Milli = c.Milli*10 + uint16(s[r.i]-'0')
		n++
		r.i++
	}
	if n == 0 {
		return r.fail(r.i, "decimals of a second must follow the full stop")
	}
	c.Decimals = uint8(n)
	for k := n; k < 3; k++ {
		c.Milli *= 10
	}
	return nil
}

// readZone reads the zone of a time, if one follows: Z, ±hh or ±hh:mm.
func (r *pointReader) readZone(c *Clock) *DateError {
	s := r.s
	if r.i >= len(s) {
		return nil
	}
	switch s[r.i] {
	case 'Z':
		c.Zone = ZoneUTC
		r.i++
		return nil
	case '+', '-':
	default:
		return nil
	}
	at := r.i
	neg := s[r.i] == '-'
	r.i++
	h, err := r.twoDigits("zone hour", 23)
	if err != nil {
		return err
	}
	c.Zone, c.Offset = ZoneHours, int16(h)*60
	if r.i < len(s) && s[r.i] == ':' {
		r.i++
		m, err := r.twoDigits("zone minute", 59)
		if err != nil {
			return err
		}
		c.Zone, c.Offset = ZoneMinutes, c.Offset+int16(m)
	} else if r.i < len(s) && isDigit(s[r.i]) {
		return r.fail(r.i, "write the zone with a colon: %s:%s", s[at:at+3], s[r.i:min(r.i+2, len(s))])
	}
	if neg {
		if c.Offset == 0 {
			return r.fail(at, "zone -00 is not a zone; write Z or +00:00")
		}
		c.Offset = -c.Offset
	}
	return nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// The scales of a TimelineJS timeline (Dataset.Scale).
const (
	ScaleHuman        = "human"
	ScaleCosmological = "cosmological"
)

// MaxLongYear is the largest magnitude of a year: a date may lie up to a
// trillion years (less one) before or after year 0, which takes in the
// age of the universe with room to spare.
const MaxLongYear = 999_999_999_999

// readLongYear reads an EDTF long year, after the Y: more than four digits
// (Y-13800000000, Y170000002), or digits and an exponent (Y-17E7: -17
// times ten to the seventh). A long year stands alone: no month, day or
// time follows it.
func (r *pointReader) readLongYear(p *Point) *DateError {
	s := r.s
	y0 := r.i
	r.i++ // Y
	neg := r.i < len(s) && s[r.i] == '-'
	if neg {
		r.i++
	}
	start := r.i
	for r.i < len(s) && isDigit(s[r.i]) {
		r.i++
	}
	digits := s[start:r.i]
	switch {
	case digits == "":
		if r.i < len(s) {
			return r.fail(r.i, "unexpected %s in year: Y is followed by the digits of a year", quoteAt(s, r.i))
		}
		return r.fail(r.i, "Y is followed by the digits of a year")
	case digits[0] == '0':
		return r.fail(start, "a long year has no leading zero")
	case len(digits) > 12:
		return r.fail(y0, "year %s is beyond a trillion years; a long year has at most 12 digits", s[y0:r.i])
	}
	if r.i < len(s) && s[r.i] == 'e' {
		return r.fail(r.i, "the exponent is an upper-case E")
	}
	mant, _ := strconv.ParseInt(digits, 10, 64)
	exp := 0
	if r.i < len(s) && s[r.i] == 'E' {
		r.i++
		e0 := r.i
		for r.i < len(s) && isDigit(s[r.i]) {
			r.i++
		}
		switch e := s[e0:r.i]; {
		case e == "":
			return r.fail(e0, "E is followed by the exponent: Y-17E7 is 170 million years before year 0")
		case e[0] == '0':
			return r.fail(e0, "an exponent has no leading zero, and is at least 1")
		case len(e) > 2:
			return r.fail(e0, "exponent %s is too large", e)
		default:
			exp, _ = strconv.Atoi(e)
		}
		for range exp {
			mant *= 10
			if mant > MaxLongYear {
				return r.fail(y0, "year %s is beyond a trillion years (the limit is %d)", s[y0:r.i], MaxLongYear)
			}
		}
	} else if len(digits) <= 4 {
		return r.fail(y0, "a year of four digits or fewer is written without Y: %s", fourDigits(neg, digits))
	}
	if r.i < len(s) {
		switch c := s[r.i]; {
		case c == 'S':
			return r.fail(r.i, "significant digits (S) are not supported; write the year alone, or approximate it with ~")
		case c == '-':
			return r.fail(r.i, "a long year stands alone, without month or day")
		case c == '?' || c == '~' || c == '%':
			return r.fail(r.i, "only one qualifier (?, ~ or %%) may end a date")
		}
		return r.fail(r.i, "unexpected %s after year", quoteAt(s, r.i))
	}
	if mant == 0 {
		return r.fail(start, "year zero is written 0000")
	}
	if neg {
		mant = -mant
	}
	p.Year, p.Exp, p.Digits = int(mant), uint8(exp), 1
	return nil
}

func fourDigits(neg bool, digits string) string {
	d := strings.Repeat("0", max(0, 4-len(digits))) + digits
	if neg {
		return "-" + d
	}
	return d
}

// IsLong reports whether p's year is written in EDTF's long form, with a
// Y: a year of more than four digits, or one with an exponent.
func (p Point) IsLong() bool { return p.Exp > 0 || p.Year > 9999 || p.Year < -9999 }

// appendLongYear writes the year of p in its long form: Y170000002,
// Y-17E7.
func (p Point) appendLongYear(b *strings.Builder) {
	b.WriteByte('Y')
	y := int64(p.Year)
	for range p.Exp {
		y /= 10
	}
	b.WriteString(strconv.FormatInt(y, 10))
	if p.Exp > 0 {
		b.WriteByte('E')
		b.WriteString(strconv.Itoa(int(p.Exp)))
	}
}

// DeepYearLabel labels year y (astronomical: 0 is 1 BCE) in words a
// reader takes in at a glance, the way the labels of a long year read:
// a year 100,000 or more years before year 0 in years ago, with every
// significant digit and no more ("13.8 billion years ago", "251.902
// million years ago", "315,000 years ago"), counted from year 0 (the two
// thousand years since matter little at that scale); other years before
// 1 in BCE ("12,001 BCE",
// "45 BCE"), and years after as numbers ("2025", "170,000,002"), with
// thousands separated from five digits on.
func DeepYearLabel(y int) string {
	switch {
	case y <= -1_000_000:
		return bigNumber(-y) + " years ago"
	case y <= -100_000:
		return groupThousands(-y) + " years ago"
	case y <= 0:
		return groupThousands(1-y) + " BCE"
	}
	return groupThousands(y)
}

// bigNumber writes n (at least a million) in millions or billions, with
// its significant digits: "13.8 billion", "251.902 million".
func bigNumber(n int) string {
	unit, name := 1_000_000, "million"
	if n >= 1_000_000_000 {
		unit, name = 1_000_000_000, "billion"
	}
	whole, frac := n/unit, n%unit
	s := groupThousands(whole)
	if frac != 0 {
		f := strconv.Itoa(frac + unit)[1:]
		s += "." + strings.TrimRight(f, "0")
	}
	return s + " " + name
}

// groupThousands writes n with thousands separated by commas from five
// digits on: 9999, 10,000, 170,000,002.
func groupThousands(n int) string {
	if n < 10_000 {
		return strconv.Itoa(n)
	}
	return GroupDigits(n)
}

// GroupDigits writes n in digits with a comma between each group of
// three, as English prose does: 999, 1,000, 100,000, -1,200.
func GroupDigits(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	if s[0] == '-' {
		b.WriteByte('-')
		s = s[1:]
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
