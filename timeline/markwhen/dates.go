package markwhen

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A date range of a markwhen event line is read in one of markwhen's three
// forms, tried in its order (EDTF first):
//
//	EDTF     2023, 2023-01, 2023-01-05, the last optionally with a time
//	         (2023-01-05 8am, 2023-01-05T14:30:00Z); a range a/b, b may be
//	         "now" (2005/now); white space around the slash is allowed
//	casual   a year of 1 to 5 digits (1665), a slash date M/YYYY or
//	         M/D/YYYY (D/M/YYYY with dateFormat: d/M/y), optionally with a
//	         time (12/25/1901 8am); a month by name with a year and
//	         optionally a day and a time (Jan 2020, March 16 2021,
//	         4 January 1996, Oct 8, 2012); an ISO 8601 date-time
//	         (2031-11-19T01:35:10Z); a range a - b or a to b, b may be
//	         "now"
//	BCE      300 BC, 300 BC - 200 BC, 50 BC - 50 AD (BCE, BC, AD, CE)
//
// and then a colon. What markwhen reads that has no fixed date (relative
// dates such as "after !id 3 weeks" or "2 weeks", a time alone, a month
// without a year, "now" as a start, recurrences) is an error naming its
// line and column.

// point is one end of a range as written: a year, a month and a day (0
// when absent) and a time of day.
type point struct {
	year, month, day int
	time             string // "" or "hh:mm" or "hh:mm:ss[.fff]", with "Z" when given in UTC
	now              bool   // the keyword now (as the end of a range only)
}

// edtf returns p as an EDTF date string.
func (p point) edtf() string {
	var b strings.Builder
	switch {
	case p.year < -9999 || p.year > 9999:
		fmt.Fprintf(&b, "Y%d", p.year) // an EDTF long year
	case p.year < 0:
		fmt.Fprintf(&b, "-%04d", -p.year)
	default:
		fmt.Fprintf(&b, "%04d", p.year)
	}
	if p.month > 0 {
		fmt.Fprintf(&b, "-%02d", p.month)
		if p.day > 0 {
			fmt.Fprintf(&b, "-%02d", p.day)
			if p.time != "" {
				b.WriteString("T" + p.time)
			}
		}
	}
	return b.String()
}

// dateRange is the date part of an event line.
type dateRange struct {
	from, to point
	dur      *duration // the end as an amount after the start (2018/6 months), or nil
	hasTo    bool
	end      int // the byte offset in the line just after the colon
	dateEnd  int // the byte offset in the line just after the date part
	start    int // the byte offset of the date part (after indentation)
}

// scanner reads a line from a byte offset.
type scanner struct {
	s string
	i int
}

func (c *scanner) spaces() int {
	n := 0
	for c.i < len(c.s) && (c.s[c.i] == ' ' || c.s[c.i] == '\t') {
		c.i++
		n++
	}
	return n
}

// digits reads from min to max ASCII digits and returns their value.
func (c *scanner) digits(min, max int) (int, bool) {
	j := c.i
	for j < len(c.s) && j-c.i < max && c.s[j] >= '0' && c.s[j] <= '9' {
		j++
	}
	if j-c.i < min || j < len(c.s) && c.s[j] >= '0' && c.s[j] <= '9' {
		return 0, false
	}
	n, err := strconv.Atoi(c.s[c.i:j])
	if err != nil {
		return 0, false
	}
	c.i = j
	return n, true
}

func (c *scanner) lit(s string) bool {
	if strings.HasPrefix(c.s[c.i:], s) {
		c.i += len(s)
		return true
	}
	return false
}

// word reads one of words, ignoring case, not followed by a letter.
func (c *scanner) word(words ...string) (string, bool) {
	rest := c.s[c.i:]
	if rest == "" || !isLetter(rest[0]) {
		return "", false
	}
	for _, w := range words {
		if len(rest) >= len(w) && strings.EqualFold(rest[:len(w)], w) && (len(rest) == len(w) || !isLetter(rest[len(w)])) {
			c.i += len(w)
			return w, true
		}
	}
	return "", false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// colon reads optional spaces and the colon that ends a date part.
func (c *scanner) colon() bool {
	c.spaces()
	return c.lit(":")
}

// parseRange reads the date part of line starting at offset i, in the
// first of markwhen's forms that reads it followed by a colon.
func parseRange(line string, i int, dayFirst bool) (dateRange, bool) {
	for _, f := range []func(*scanner, bool) (dateRange, bool){edtfRange, casualRange, bceRange} {
		c := &scanner{s: line, i: i}
		if r, ok := f(c, dayFirst); ok {
			r.start = i
			r.end = c.i
			return r, true
		}
	}
	return dateRange{}, false
}

// edtfRange reads YYYY[-MM[-DD[ time]]][ / (that | now)] and the colon.
func edtfRange(c *scanner, _ bool) (dateRange, bool) {
	return rangeOf(c, edtfPoint, func(c *scanner) bool {
		c.spaces()
		return c.lit("/")
	})
}

// rangeOf reads a date by read, then, when sep reads a separator, an
// end: now, an amount after the start (2018/6 months) or a date; then the
// colon.
func rangeOf(c *scanner, read func(*scanner) (point, bool), sep func(*scanner) bool) (dateRange, bool) {
	var r dateRange
	var ok bool
	if r.from, ok = read(c); !ok {
		return r, false
	}
	save := c.i
	if sep(c) {
		c.spaces()
		if _, isNow := c.word("now"); isNow {
			r.to = point{now: true}
		} else if r.dur, ok = amounts(c); !ok {
			if r.to, ok = read(c); !ok {
				return r, false
			}
		}
		r.hasTo = true
	} else {
		c.i = save
	}
	r.dateEnd = c.i
	return r, c.colon()
}

// edtfPoint reads YYYY[-MM[-DD[(T|space)time]]].
func edtfPoint(c *scanner) (point, bool) {
	var p point
	var ok bool
	if p.year, ok = c.digits(4, 4); !ok {
		return p, false
	}
	for _, f := range []*int{&p.month, &p.day} {
		save := c.i
		if !c.lit("-") {
			return p, true
		}
		if *f, ok = c.digits(2, 2); !ok {
			c.i = save
			return p, true
		}
	}
	isoTime(c, &p) // 2023-01-05T14:30:00Z
	if p.time == "" {
		save := c.i
		if c.spaces() > 0 && !clockTime(c, &p) {
			c.i = save
		}
	}
	return p, true
}

// isoTime reads an ISO 8601 time THH:MM:SS[.fff]Z, as markwhen's ISO dates
// have it.
var isoTimeRE = regexp.MustCompile(`^T(\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?)`)

func isoTime(c *scanner, p *point) {
	m := isoTimeRE.FindStringSubmatch(c.s[c.i:])
	if m == nil {
		return
	}
	p.time = m[1]
	c.i += len(m[0])
}

// clockRE is a time as markwhen writes one: 8am, 12:30pm, 14:30, 9.
var clockRE = regexp.MustCompile(`^(?i)(?:(1[0-2]|[1-9])(?::(\d{2}))?([ap]m)|([01]?[0-9]|2[0-3])(?::(\d{2}))?)`)

// clockTime reads a time of day such as 8am, 12:30pm or 14:30.
func clockTime(c *scanner, p *point) bool {
	m := clockRE.FindStringSubmatch(c.s[c.i:])
	if m == nil {
		return false
	}
	var h, min int
	if m[1] != "" {
		h, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			min, _ = strconv.Atoi(m[2])
		}
		h %= 12
		if strings.EqualFold(m[3], "pm") {
			h += 12
		}
	} else {
		h, _ = strconv.Atoi(m[4])
		if m[5] != "" {
			min, _ = strconv.Atoi(m[5])
		}
	}
	if min > 59 {
		return false
	}
	p.time = fmt.Sprintf("%02d:%02d", h, min)
	c.i += len(m[0])
	return true
}

// casualRange reads a date, optionally followed by " - " or " to " and a
// date or now, and the colon.
func casualRange(c *scanner, dayFirst bool) (dateRange, bool) {
	read := func(c *scanner) (point, bool) { return casualPoint(c, dayFirst) }
	return rangeOf(c, read, func(c *scanner) bool {
		sp := c.spaces()
		sep := c.lit("-")
		if !sep && sp > 0 {
			if _, sep = c.word("to"); sep && c.spaces() == 0 {
				sep = false
			}
		}
		return sep
	})
}

// casualPoint reads an ISO date-time, a slash date or a date with a month
// name.
func casualPoint(c *scanner, dayFirst bool) (point, bool) {
	start := c.i
	if p, ok := isoDateTime(c); ok {
		return p, true
	}
	c.i = start
	if p, ok := namedMonthDate(c); ok {
		return p, true
	}
	c.i = start
	return slashDate(c, dayFirst)
}

var isoDateTimeRE = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})T`)

func isoDateTime(c *scanner) (point, bool) {
	m := isoDateTimeRE.FindStringSubmatch(c.s[c.i:])
	if m == nil {
		return point{}, false
	}
	var p point
	p.year, _ = strconv.Atoi(m[1])
	p.month, _ = strconv.Atoi(m[2])
	p.day, _ = strconv.Atoi(m[3])
	c.i += len(m[0]) - 1
	isoTime(c, &p)
	return p, p.time != ""
}

// slashDate reads Y, M/Y or M/D/Y (D/M/Y when dayFirst), the year of 1
// to 5 digits, and a time after a full date.
func slashDate(c *scanner, dayFirst bool) (point, bool) {
	start := c.i
	var n [3]int
	k := 0
	for ; k < 3; k++ {
		if k > 0 && !c.lit("/") {
			break
		}
		v, ok := c.digits(1, 5)
		if !ok {
			if k == 0 {
				return point{}, false
			}
			c.i-- // the slash
			break
		}
		n[k] = v
	}
	var p point
	switch k {
	case 1:
		if n[0] <= 29 && c.i-start <= 2 {
			// markwhen reads 1 to 29 alone as a time of day (10: is ten
			// o'clock), not a year.
			c.i = start
			return point{}, false
		}
		p.year = n[0]
	case 2:
		p.month, p.year = n[0], n[1]
	case 3:
		p.month, p.day, p.year = n[0], n[1], n[2]
		if dayFirst {
			p.month, p.day = p.day, p.month
		}
		save := c.i
		for c.i < len(c.s) && (c.s[c.i] == ' ' || c.s[c.i] == ',' || c.s[c.i] == '\t') {
			c.i++
		}
		if c.i == save || !clockTime(c, &p) {
			c.i = save
		}
	}
	return p, true
}

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// month reads a month's name or its first three letters.
func (c *scanner) month() (int, bool) {
	for _, n := range []int{len("september"), 3} { // whole names first
		for i, name := range monthNames {
			if _, ok := c.word(name[:min(n, len(name))]); ok {
				return i + 1, true
			}
		}
	}
	return 0, false
}

// namedMonthDate reads "4 January 1996", "March 16 2021", "Oct 8, 2012"
// or "Jan 2020", each with an optional time after a day. A month without
// a year is no date here (markwhen takes the current year).
func namedMonthDate(c *scanner) (point, bool) {
	var p point
	var ok bool
	if d, dok := c.digits(1, 2); dok {
		if c.spaces() == 0 {
			return p, false
		}
		if p.month, ok = c.month(); !ok {
			return p, false
		}
		p.day = d
	} else {
		if p.month, ok = c.month(); !ok {
			return p, false
		}
		save := c.i
		if c.spaces() == 0 {
			return p, false
		}
		y, yok := c.digits(1, 4)
		if !yok {
			c.i = save
			return p, false
		}
		// "Jan 2020" is a month; "March 16 2021" has a day first.
		after := c.i
		c.lit(",")
		if c.spaces() > 0 {
			if y2, ok := c.digits(4, 4); ok {
				p.day, p.year = y, y2
				timeAfter(c, &p)
				return p, true
			}
		}
		c.i = after
		if y <= 31 {
			return p, false // a day without a year
		}
		p.year = y
		return p, true
	}
	// Day first: a year must follow.
	c.lit(",")
	if c.spaces() == 0 {
		return p, false
	}
	if p.year, ok = c.digits(4, 4); !ok {
		return p, false
	}
	timeAfter(c, &p)
	return p, true
}

// timeAfter reads an optional ", " or " " and a time of day.
func timeAfter(c *scanner, p *point) {
	save := c.i
	c.lit(",")
	if c.spaces() == 0 || !clockTime(c, p) {
		c.i = save
	}
}

// bceRE is markwhen's BCE form: years with BCE, BC, AD or CE, the
// notation of the end applying to the start when the start has none.
var bceRE = regexp.MustCompile(`^(?i)(\d{1,5})\s?(BCE|BC|AD|CE)?(?:\s?[–-]\s?(\d{1,5})\s?(BCE|BC|AD|CE)?)?`)

func bceRange(c *scanner, _ bool) (dateRange, bool) {
	m := bceRE.FindStringSubmatchIndex(c.s[c.i:])
	if m == nil {
		return dateRange{}, false
	}
	sub := func(k int) string {
		if m[2*k] < 0 {
			return ""
		}
		return c.s[c.i+m[2*k] : c.i+m[2*k+1]]
	}
	year := func(digits, notation string) int {
		y, _ := strconv.Atoi(digits)
		if n := strings.ToUpper(notation); n == "BC" || n == "BCE" {
			return 1 - y // astronomical: 1 BC is year 0
		}
		return y
	}
	if sub(2) == "" && sub(4) == "" && !strings.Contains(c.s[c.i+m[0]:c.i+m[1]], "–") {
		return dateRange{}, false // plain years are the casual form's
	}
	fromNotation := cmp.Or(sub(2), sub(4))
	r := dateRange{from: point{year: year(sub(1), fromNotation)}}
	if sub(3) != "" {
		r.to, r.hasTo = point{year: year(sub(3), sub(4))}, true
	}
	c.i += m[1]
	r.dateEnd = c.i
	return r, c.colon()
}

// clockInText is a time of day with a colon, taken out before a line is
// cut at its first colon.
var clockInText = regexp.MustCompile(`\b\d{1,2}:\d{2}(?::\d{2})?`)

// The words of a markwhen date that this reader has no fixed date for.
var (
	unitWords = []string{"milliseconds", "millisecond", "ms", "seconds", "second", "secs", "sec", "s", "minutes", "minute", "mins", "min",
		"hours", "hour", "h", "days", "day", "d", "weekdays", "weekday", "week", "work", "business", "weeks", "w", "months", "month", "years", "year", "y"}
	unitGlued   = regexp.MustCompile(`^\d+(?:ms|s|h|d|w|y)$`)
	meridiem    = regexp.MustCompile(`^\d{1,2}(?:am|pm)$`)
	idWord      = regexp.MustCompile(`^!\w+(?:\.(?:start|end))?$`)
	numberWord  = regexp.MustCompile(`^\d+$`)
	anchorWords = []string{"after", "before", "by", "plus", "+"}
)

// unread returns why the date part at the start of s, which this reader
// does not read as a date, is one markwhen reads (a relative date, a due
// date, now as a start, a recurrence, a time alone, a month and day
// without a year), or "" when s is no markwhen date at all, so that a
// line of text stays text.
func unread(s string) string {
	i := strings.IndexByte(s, ':')
	if i < 0 {
		return ""
	}
	head := s[:i]
	if i > 0 && isDigit(s[i-1]) && i+2 < len(s) && isDigit(s[i+1]) && isDigit(s[i+2]) {
		// A time of day (3:30pm): its colon does not end the date.
		head, _, _ = strings.Cut(clockInText.ReplaceAllString(s, " @t "), ":")
	}
	fields := strings.Fields(strings.NewReplacer("-", " ", "/", " ", ",", " ", "–", " ").Replace(strings.ToLower(head)))
	if len(fields) == 0 {
		return ""
	}
	var every, anchor, unit, month, clock, year, small, now bool
	for i, f := range fields {
		switch {
		case f == "every" || f == "other" || f == "for" || f == "x" || f == "times":
			every = true
		case idWord.MatchString(f) || slices.Contains(anchorWords, f):
			anchor = true
		case slices.Contains(unitWords, f) || unitGlued.MatchString(f):
			unit = true
		case f == "now":
			now = now || i == 0
		case f == "to" || f == "until" || f == "til":
		case f == "@t" || f == "am" || f == "pm" || meridiem.MatchString(f):
			clock = true
		case numberWord.MatchString(f):
			if len(f) >= 3 {
				year = true
			} else {
				small = true
			}
		case monthNumber(f) > 0:
			month = true
		default:
			return "" // a word of text
		}
	}
	switch {
	case every:
		return "a recurring event (every …) is not read: give each date as an event of its own"
	case anchor:
		return "a date relative to another event (after, before, by, !id) is not read: give the date itself, such as 2023-01-15"
	case unit:
		return "a relative date (an amount such as \"2 weeks\") is not read: give the dates themselves, such as 2023-01-01/2023-01-14"
	case now:
		return "\"now\" as a start is not read: it changes with every reading; give the date"
	case month && !year:
		return "a month and day without a year are not read (markwhen takes the current year): add the year, such as January 3 2022"
	case (clock || small) && !year && !month:
		return "a time alone is not read (markwhen gives it the last date seen or today): give the date, such as 2023-01-05"
	}
	return ""
}

// monthNumber returns the month a name or its first three letters names,
// or 0.
func monthNumber(s string) int {
	for i, name := range monthNames {
		if s == name || s == name[:3] {
			return i + 1
		}
	}
	return 0
}

// duration is an amount of time of whole years, months and days, as an
// end of a range: "2018/6 months", "01/01/2023 - 2 weeks" (markwhen's
// relative end, the one relative date with a fixed date: its start).
type duration struct{ years, months, days int }

// amountRE is one amount: a number and a unit of days or more.
var amountRE = regexp.MustCompile(`^(?i)(\d{1,6})\s*(years|year|y|months|month|weeks|week|w|days|day|d)\b\s*,?\s*`)

// amounts reads one or more amounts ("1 year 6 months") ending before the
// colon. Hours and finer, and week days, are not read (their end has a
// time, or skips weekends).
func amounts(c *scanner) (*duration, bool) {
	start := c.i
	var d duration
	n := 0
	for {
		m := amountRE.FindStringSubmatch(c.s[c.i:])
		if m == nil {
			break
		}
		v, _ := strconv.Atoi(m[1])
		switch strings.ToLower(m[2]) {
		case "years", "year", "y":
			d.years += v
		case "months", "month":
			d.months += v
		case "weeks", "week", "w":
			d.days += 7 * v
		default:
			d.days += v
		}
		c.i += len(m[0])
		n++
	}
	if n == 0 || !strings.HasPrefix(c.s[c.i:], ":") {
		c.i = start
		return nil, false
	}
	return &d, true
}

// after returns the end of a range that lasts d from p's first day, as
// markwhen makes it: the day before p + d, written as the month or year
// it ends when p + d is the first of a month or a year.
func (d duration) after(p point) (point, bool) {
	if p.time != "" || p.year < -9999 || p.year > 9999 {
		return point{}, false
	}
	t := time.Date(p.year, time.Month(max(p.month, 1))+time.Month(d.months+12*d.years), max(p.day, 1)+d.days, 0, 0, 0, 0, time.UTC)
	switch {
	case t.Month() == 1 && t.Day() == 1:
		return point{year: t.Year() - 1}, true
	case t.Day() == 1:
		t = t.AddDate(0, -1, 0)
		return point{year: t.Year(), month: int(t.Month())}, true
	}
	t = t.AddDate(0, 0, -1)
	return point{year: t.Year(), month: int(t.Month()), day: t.Day()}, true
}
