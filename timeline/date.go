package timeline

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
)

// Precision is the granularity of a date: the smallest unit it names.
// The zero Precision is PrecisionNone, the precision of an open or unknown
// interval end.
type Precision uint8

// The precisions, coarsest first.
const (
	PrecisionNone Precision = iota
	PrecisionCentury
	PrecisionDecade
	PrecisionYear
	PrecisionMonth
	PrecisionDay
	PrecisionMinute // a time of day to the minute: 1997-10-08T14:30
	PrecisionSecond // to the second or a fraction of one: 14:30:15.5
)

var precisionNames = [...]string{"none", "century", "decade", "year", "month", "day", "minute", "second"}

// String returns the lower-case name of p ("decade", "day").
func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}

// Qualifier records the EDTF qualifier of a date: uncertain (?),
// approximate (~) or both (%). The zero Qualifier is none.
type Qualifier uint8

// The qualifiers.
const (
	QualifierNone        Qualifier = 0
	QualifierUncertain   Qualifier = 1 << 0
	QualifierApproximate Qualifier = 1 << 1
	QualifierBoth                  = QualifierUncertain | QualifierApproximate
)

// String returns the EDTF suffix of q: "", "?", "~" or "%".
func (q Qualifier) String() string {
	switch q {
	case QualifierUncertain:
		return "?"
	case QualifierApproximate:
		return "~"
	case QualifierBoth:
		return "%"
	}
	return ""
}

// Bound says what an end of an interval is: a date, open ("..", the
// interval goes on or reaches back without limit) or unknown ("", the end
// exists but is not known).
type Bound uint8

// The kinds of interval end.
const (
	BoundDate Bound = iota
	BoundOpen
	BoundUnknown
)

// Point is one calendar date of an EDTF string: a year, optionally a month
// and a day, any of whose digits may be unspecified (X), optionally a time
// of day after a full date, and a qualifier. A year beyond four digits is
// a long year (Y-13800000000, Y-17E7), which has no month or day.
// The zero Point is the year 0000 with year precision.
type Point struct {
	// Year is the year with unspecified digits as zero (196X has Year 1960).
	// Its magnitude is at most MaxLongYear.
	Year int
	// Month and Day are 0 when absent, and hold zeroes for unspecified digits.
	Month, Day int
	// Exp is the exponent of a long year written with one (Y-17E7 has Year
	// -170000000 and Exp 7), else 0.
	Exp uint8
	// Unspecified has a bit set for each unspecified digit, counted from the
	// first digit of the year (bit 0) through the last of the day (bit 7).
	// Unspecified digits always end the date: 196X, 1985-XX, 1985-04-1X.
	Unspecified uint8
	// Digits is the number of date components written: 1 (year), 2 (year
	// and month) or 3 (full date).
	Digits    uint8
	Qualifier Qualifier
	// Clock is the time of day, set only on a full date without
	// unspecified digits and without a qualifier.
	Clock Clock
}

// Precision returns the finest unit of p whose digits are all specified.
// A year with one unspecified digit (196X) is a decade, with two (19XX) a
// century. A month or day with unspecified digits lowers the precision to
// that of the component above it.
func (p Point) Precision() Precision {
	switch {
	case p.Unspecified&0b1100 == 0b1100:
		return PrecisionCentury
	case p.Unspecified&0b1000 != 0:
		return PrecisionDecade
	case p.Digits < 2 || p.Unspecified&0x30 != 0:
		return PrecisionYear
	case p.Digits < 3 || p.Unspecified&0xc0 != 0:
		return PrecisionMonth
	case p.Clock.Set && p.Clock.Seconds:
		return PrecisionSecond
	case p.Clock.Set:
		return PrecisionMinute
	}
	return PrecisionDay
}

// moments returns the first and last moment p can mean: for a date, the
// start of its first day and the end of its last; for a time, the instant
// in UTC (a time without a zone taken as UTC) and the end of the last
// unit written (14:30 lasts to 14:30:59.999).
func (p Point) moments() (first, last Moment) {
	a, b := p.span()
	if !p.Clock.Set {
		return Moment{a, 0}, Moment{b, msPerDay - 1}
	}
	first = Moment{a, 0}.add(p.Clock.local() - int64(p.Clock.Offset)*60_000)
	return first, first.add(p.Clock.unit() - 1)
}

// span returns the first and last day p can mean.
func (p Point) span() (first, last Day) {
	y0, y1 := p.Year, p.Year
	switch p.Unspecified & 0x0f {
	case 0b1000:
		y1 = p.Year + 9
	case 0b1100:
		y1 = p.Year + 99
	}
	if p.Year < 0 {
		// A negative year with unspecified digits counts away from zero:
		// -019X is -199 to -190.
		switch p.Unspecified & 0x0f {
		case 0b1000:
			y0, y1 = p.Year-9, p.Year
		case 0b1100:
			y0, y1 = p.Year-99, p.Year
		}
	}
	m0, m1 := 1, 12
	if p.Digits >= 2 {
		switch p.Unspecified >> 4 & 0b11 {
		case 0:
			m0, m1 = p.Month, p.Month
		case 0b10: // 0X or 1X
			if p.Month == 0 {
				m0, m1 = 1, 9
			} else {
				m0, m1 = 10, 12
			}
		case 0b11:
			m0, m1 = 1, 12
		}
	}
	d0, d1 := 1, DaysIn(y1, m1)
	if p.Digits >= 3 && m0 == m1 {
		switch p.Unspecified >> 6 & 0b11 {
		case 0:
			d0, d1 = p.Day, p.Day
		case 0b10:
			d0 = max(p.Day, 1)
			d1 = min(p.Day+9, DaysIn(y1, m1))
		}
	}
	return DayOf(y0, m0, d0), DayOf(y1, m1, d1)
}

// String returns p in EDTF.
func (p Point) String() string {
	var b strings.Builder
	p.appendTo(&b)
	return b.String()
}

func (p Point) appendTo(b *strings.Builder) {
	if p.IsLong() {
		p.appendLongYear(b)
		b.WriteString(p.Qualifier.String())
		return
	}
	y := p.Year
	if y < 0 {
		b.WriteByte('-')
		y = -y
	}
	digits := fmt.Sprintf("%04d", y)
	for i := 0; i < 4; i++ {
		if p.Unspecified&(1<<i) != 0 {
			b.WriteByte('X')
		} else {
			b.WriteByte(digits[i])
		}
	}
	if p.Digits >= 2 {
		b.WriteByte('-')
		writeUnspec(b, p.Month, p.Unspecified>>4&0b11)
	}
	if p.Digits >= 3 {
		b.WriteByte('-')
		writeUnspec(b, p.Day, p.Unspecified>>6&0b11)
	}
	if p.Clock.Set {
		b.WriteByte('T')
		p.Clock.appendTo(b)
	}
	b.WriteString(p.Qualifier.String())
}

// writeUnspec writes a two-digit component, with X for each unspecified
// digit (mask bit 0 is the tens digit, bit 1 the units).
func writeUnspec(b *strings.Builder, v int, mask uint8) {
	s := fmt.Sprintf("%02d", v)
	for i := 0; i < 2; i++ {
		if mask&(1<<i) != 0 {
			b.WriteByte('X')
		} else {
			b.WriteByte(s[i])
		}
	}
}

// Date is an EDTF date (levels 0 and 1, and the level-2 one-of range): a
// single Point; an interval of two ends, each a Point, open or unknown
// ("1973/1976": lasting from 1973 to 1976); or a one-of set written as a
// range ("[2009..2010]": at some one time in 2009 or 2010, not known
// which), whose ends are Points or open. The zero Date is empty: IsZero
// reports true, it sorts before every other date and formats as "".
type Date struct {
	start, end         Point
	interval           bool
	oneOf              bool
	startKind, endKind Bound
	set                bool
}

// NewDate returns the single date p.
func NewDate(p Point) Date { return Date{start: p, end: p, set: true} }

// NewInterval returns the interval from a to b with the given bound kinds;
// the Point of an open or unknown end is ignored.
func NewInterval(a Point, ak Bound, b Point, bk Bound) Date {
	if ak != BoundDate {
		a = Point{}
	}
	if bk != BoundDate {
		b = Point{}
	}
	return Date{start: a, end: b, interval: true, startKind: ak, endKind: bk, set: true}
}

// NewOneOf returns the one-of set [a..b]: a single moment at some time from
// a to b. An end of kind BoundOpen is written ".." alone ([..1980], some
// time up to 1980); BoundUnknown is treated as open, since a set has no
// unknown end. The Point of an open end is ignored.
func NewOneOf(a Point, ak Bound, b Point, bk Bound) Date {
	if ak != BoundDate {
		a, ak = Point{}, BoundOpen
	}
	if bk != BoundDate {
		b, bk = Point{}, BoundOpen
	}
	return Date{start: a, end: b, oneOf: true, startKind: ak, endKind: bk, set: true}
}

// IsZero reports whether d is the empty Date.
func (d Date) IsZero() bool { return !d.set }

// IsInterval reports whether d is written as an interval A/B.
func (d Date) IsInterval() bool { return d.interval }

// IsOneOf reports whether d is a one-of set [A..B]: one moment at some
// time between A and B, which the source does not say.
func (d Date) IsOneOf() bool { return d.oneOf }

// Start returns the first point of d and its kind. For a single date it is
// the date itself; for a one-of set, its earliest member.
func (d Date) Start() (Point, Bound) { return d.start, d.startKind }

// End returns the last point of d and its kind. For a single date it is the
// date itself; for a one-of set, its latest member.
func (d Date) End() (Point, Bound) { return d.end, d.endKind }

// Precision returns the precision of d's start, or of its end when the
// start is open or unknown.
func (d Date) Precision() Precision {
	if !d.set {
		return PrecisionNone
	}
	if d.startKind == BoundDate {
		return d.start.Precision()
	}
	if d.endKind == BoundDate {
		return d.end.Precision()
	}
	return PrecisionNone
}

// Qualifier returns the qualifiers of d's ends combined.
func (d Date) Qualifier() Qualifier {
	q := Qualifier(0)
	if d.startKind == BoundDate {
		q |= d.start.Qualifier
	}
	if (d.interval || d.oneOf) && d.endKind == BoundDate {
		q |= d.end.Qualifier
	}
	return q
}

// Earliest returns the first day d can mean. An open or unknown start gives
// the earliest day of the end point; a zero Date gives MinDay. The day of
// a time with a zone is its day in UTC.
func (d Date) Earliest() Day { return d.EarliestMoment().Day }

// Latest returns the last day d can mean. An open end ("..") gives MaxDay:
// the interval goes on. An unknown end gives the last day of the start
// point, since nothing later is known. A zero Date gives MinDay.
func (d Date) Latest() Day { return d.LatestMoment().Day }

// EarliestMoment returns the first moment d can mean, as Earliest its day.
func (d Date) EarliestMoment() Moment {
	switch {
	case !d.set:
		return minMoment
	case d.startKind == BoundDate:
		first, _ := d.start.moments()
		return first
	case d.endKind == BoundDate && d.startKind != BoundOpen:
		first, _ := d.end.moments()
		return first
	}
	return minMoment
}

// LatestMoment returns the last moment d can mean, as Latest its day.
func (d Date) LatestMoment() Moment {
	switch {
	case !d.set:
		return minMoment
	case d.endKind == BoundDate:
		_, last := d.end.moments()
		return last
	case d.endKind == BoundOpen:
		return maxMoment
	case d.startKind == BoundDate:
		_, last := d.start.moments()
		return last
	}
	return maxMoment
}

// OpenEnd reports whether d is an interval whose end is open ("1985/..").
func (d Date) OpenEnd() bool { return d.interval && d.endKind == BoundOpen }

// String returns d in EDTF; ParseDate(d.String()) returns d.
func (d Date) String() string {
	if !d.set {
		return ""
	}
	var b strings.Builder
	writeEnd := func(p Point, k Bound) {
		switch k {
		case BoundDate:
			p.appendTo(&b)
		case BoundOpen:
			b.WriteString("..")
		}
	}
	if d.oneOf {
		b.WriteByte('[')
		if d.startKind == BoundDate {
			d.start.appendTo(&b)
		}
		b.WriteString("..")
		if d.endKind == BoundDate {
			d.end.appendTo(&b)
		}
		b.WriteByte(']')
		return b.String()
	}
	writeEnd(d.start, d.startKind)
	if d.interval {
		b.WriteByte('/')
		writeEnd(d.end, d.endKind)
	}
	return b.String()
}

// MarshalText implements encoding.TextMarshaler, writing d in EDTF.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseDate. An
// empty text gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Compare orders dates by their first moment, then by precision (coarser
// first: "1960s" before "Jan 1960" before "1 Jan 1960" before "1 Jan 1960
// 00:00"), then by their last moment, then by their EDTF text, so that it
// is a total order on distinct dates. It returns -1, 0 or +1. A zero Date
// sorts before every other date.
//
// Times of day compare as instants: a time with a zone (Z, +05:30) at its
// instant in UTC, so 1997-10-08T01:00+05:00 comes before
// 1997-10-07T22:00Z; a time without a zone, and a date without a time,
// as if in UTC. So a local time sorts by its clock among zoned times on
// the same day in UTC, and a day begins at midnight UTC.
func (d Date) Compare(e Date) int {
	if d.set != e.set {
		if !d.set {
			return -1
		}
		return 1
	}
	if c := d.EarliestMoment().Compare(e.EarliestMoment()); c != 0 {
		return c
	}
	if c := cmp.Compare(d.Precision(), e.Precision()); c != 0 {
		return c
	}
	if c := d.LatestMoment().Compare(e.LatestMoment()); c != 0 {
		return c
	}
	return strings.Compare(d.String(), e.String())
}

// Overlaps reports whether d and e share at least one moment (one day,
// when neither has a time of day).
func (d Date) Overlaps(e Date) bool {
	return d.EarliestMoment().Compare(e.LatestMoment()) <= 0 && e.EarliestMoment().Compare(d.LatestMoment()) <= 0
}

// BeginsIn reports whether d begins within span: whether the first day d
// can mean (its last, when its start is open) lies within span. It is the
// rule of era membership everywhere (validation, imports, exports): an
// event belongs to the era in which it begins, so the FTO listing of
// 1997–2012 belongs to the era that takes in 1997, and an imprecise "198X"
// to an era that takes in 1980.
func (d Date) BeginsIn(span Date) bool {
	if d.IsZero() || span.IsZero() {
		return false
	}
	first := d.EarliestMoment()
	if first.Day == MinDay {
		first = d.LatestMoment()
	}
	return span.EarliestMoment().Compare(first) <= 0 && first.Compare(span.LatestMoment()) <= 0
}

// Within reports whether every moment of d lies within e.
func (d Date) Within(e Date) bool {
	return e.EarliestMoment().Compare(d.EarliestMoment()) <= 0 && d.LatestMoment().Compare(e.LatestMoment()) <= 0
}

var monthAbbr = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// Label returns a display label as precise as d and no more: "1960s",
// "1900s" (a century), "1985", "Oct 1997", "28 Sep 2012", "c. 1985" for an
// approximate date, "1985?" for an uncertain one, "c. 1985?" for both,
// "Jan–Sep 1985" for 1985-0X,
// "1973–1976" for an interval, "1985–present" for an open end, "1985–?"
// for an unknown end and "until 2003" for an open start. A one-of set, one
// moment at an unknown time within a range, says so: "2009 or 2010" when
// the range holds just two neighbouring dates of one precision,
// "1981–1989, date unknown" otherwise, "1980 or earlier" and "2013 or
// later" for open ends. Years before 1
// are labelled BCE, counting astronomically: -0044 is "45 BCE", -019X is
// "200–191 BCE" and 000X is "1 BCE–9 CE". A time of day is shown as
// written, its zone too: "8 Oct 1997 14:30:00Z", "8 Oct 1997
// 14:30+05:30", and an interval within one day names the day once: "8 Oct
// 1997 14:30–16:00". A long year is labelled by DeepYearLabel: "13.8
// billion years ago", "c. 170 million years ago", "12,001 BCE",
// "170,000,002". The zero Date has the label "".
func (d Date) Label() string {
	if !d.set {
		return ""
	}
	if d.oneOf {
		return d.oneOfLabel()
	}
	if !d.interval {
		return d.start.Label()
	}
	switch {
	case d.startKind == BoundOpen && d.endKind == BoundDate:
		return "until " + d.end.Label()
	case d.startKind == BoundUnknown && d.endKind == BoundDate:
		return "?–" + d.end.Label()
	case d.startKind != BoundDate:
		return "date unknown"
	case d.endKind == BoundOpen:
		return d.start.Label() + "–present"
	case d.endKind == BoundUnknown:
		return d.start.Label() + "–?"
	}
	a, b := d.start.Label(), d.end.Label()
	if a == b {
		return a // 1985/1985 is just 1985
	}
	if r, ok := sharedUnit(d.start, d.end, a, b); ok {
		return r
	}
	if s, e := d.start, d.end; s.Clock.Set && e.Clock.Set && s.Year == e.Year && s.Month == e.Month && s.Day == e.Day {
		// 8 Oct 1997 14:30–16:00: the day once.
		return a + "–" + e.Clock.String()
	}
	return a + "–" + b
}

// sharedUnit returns the label of the range from p to q, labelled a and
// b, with the unit they share said once: "541–251.9 million years ago".
func sharedUnit(p, q Point, a, b string) (string, bool) {
	if !p.IsLong() || !q.IsLong() || p.Qualifier != QualifierNone || q.Qualifier != QualifierNone {
		return "", false
	}
	unit := func(s string) string {
		for _, u := range []string{" billion years ago", " million years ago", " years ago"} {
			if strings.HasSuffix(s, u) {
				return u
			}
		}
		return ""
	}
	if u := unit(a); u != "" && u == unit(b) {
		return strings.TrimSuffix(a, u) + "–" + b, true
	}
	return "", false
}

// oneOfLabel is the Label of a one-of set.
func (d Date) oneOfLabel() string {
	switch {
	case d.startKind != BoundDate:
		return d.end.Label() + " or earlier"
	case d.endKind != BoundDate:
		return d.start.Label() + " or later"
	}
	a, b := d.start.Label(), d.end.Label()
	if a == b {
		return a // [1985..1985] is just 1985
	}
	_, aLast := d.start.span()
	bFirst, _ := d.end.span()
	if d.start.Precision() == d.end.Precision() && bFirst == aLast+1 {
		return a + " or " + b
	}
	if r, ok := sharedUnit(d.start, d.end, a, b); ok {
		return r + ", date unknown"
	}
	return a + "–" + b + ", date unknown"
}

// Label returns the display label of a single point; see Date.Label.
func (p Point) Label() string {
	var s string
	if p.IsLong() {
		return p.Qualifier.around(DeepYearLabel(p.Year))
	}
	year := func(y int) string {
		if y <= 0 { // astronomical year 0 is 1 BCE
			return strconv.Itoa(1-y) + " BCE"
		}
		return strconv.Itoa(y)
	}
	first, last := p.span()
	fy, fm, fd := first.Date()
	ly, lm, ld := last.Date()
	switch p.Precision() {
	case PrecisionCentury, PrecisionDecade:
		switch {
		case fy >= 1:
			s = year(p.Year) + "s"
		case ly <= 0:
			// -019X is 200 to 191 BCE: not a decade of the BCE count.
			s = strconv.Itoa(1-fy) + "–" + year(ly)
		default:
			s = year(fy) + "–" + year(ly) + " CE"
		}
	case PrecisionDay, PrecisionMinute, PrecisionSecond:
		s = strconv.Itoa(p.Day) + " " + monthAbbr[p.Month-1] + " " + year(p.Year)
		if p.Clock.Set {
			s += " " + p.Clock.String()
		}
	case PrecisionMonth:
		switch {
		case fd == 1 && ld == DaysIn(ly, lm):
			s = monthAbbr[p.Month-1] + " " + year(p.Year)
		case fd == ld: // 1985-04-3X can only be the 30th
			s = strconv.Itoa(fd) + " " + monthAbbr[p.Month-1] + " " + year(p.Year)
		default:
			s = strconv.Itoa(fd) + "–" + strconv.Itoa(ld) + " " + monthAbbr[p.Month-1] + " " + year(p.Year)
		}
	case PrecisionYear:
		if fm == 1 && lm == 12 {
			s = year(p.Year)
		} else {
			s = monthAbbr[fm-1] + "–" + monthAbbr[lm-1] + " " + year(p.Year)
		}
	default:
		s = year(fy) + "–" + year(ly)
	}
	return p.Qualifier.around(s)
}

// around returns label s with q shown: "c. 1985", "1985?", "c. 1985?".
func (q Qualifier) around(s string) string {
	switch q {
	case QualifierApproximate:
		s = "c. " + s
	case QualifierUncertain:
		s += "?"
	case QualifierBoth:
		s = "c. " + s + "?"
	}
	return s
}
