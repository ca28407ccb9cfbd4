package timeline

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// The date forms spreadsheets write, which EDTF does not read.
var (
	numericDate = regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$`) // 3/14/1948, 14.3.1948, 3/14/48
	yearFirst   = regexp.MustCompile(`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$`)       // 1948/3/14
	unpadded    = regexp.MustCompile(`^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$`)        // 1948-3-14
	dateWords   = regexp.MustCompile(`[\s,./-]+`)
)

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// spreadsheetHint returns, for a date written the way a spreadsheet or a
// person writes it ("3/14/1948", "Mar 1948", "14 March 1948",
// "1948-3-14"), a message that shows the EDTF form to use; "" for
// anything else. ParseDate calls it only on a string it could not parse.
// An unpadded date (1948-3-14) is EDTF with a digit missing: its hint
// only adds the form to use, and keep says to keep the parser's message.
func spreadsheetHint(s string) (hint string, keep bool) {
	if m := unpadded.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		if h := padded(m[1], m[2], m[3]); h != "" {
			return strings.TrimPrefix(h, "a spreadsheet-style date; "), true
		}
		return "", false
	}
	return spreadsheetForm(s), false
}

func spreadsheetForm(s string) string {
	t := strings.TrimSpace(s)
	if len(t) > 40 {
		return ""
	}
	if m := numericDate.FindStringSubmatch(t); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if len(m[3]) == 2 {
			return "a spreadsheet date with a two-digit year; EDTF writes the year in full, year-month-day: 1948-03-14 for 14 March 1948"
		}
		y, _ := strconv.Atoi(m[3])
		mdy, dmy := validDay(y, a, b), validDay(y, b, a)
		switch {
		case mdy && dmy && a != b:
			return fmt.Sprintf("a spreadsheet date whose day and month cannot be told apart; EDTF writes year-month-day: %s for %s, or %s for %s",
				edtfDay(y, a, b), dayWords(y, a, b), edtfDay(y, b, a), dayWords(y, b, a))
		case mdy:
			return spreadsheetMsg(edtfDay(y, a, b), dayWords(y, a, b))
		case dmy:
			return spreadsheetMsg(edtfDay(y, b, a), dayWords(y, b, a))
		}
		return ""
	}
	if m := yearFirst.FindStringSubmatch(t); m != nil {
		return padded(m[1], m[2], m[3])
	}
	return wordsHint(t)
}

// padded returns the hint for a year, month and optional day written
// unpadded or with slashes.
func padded(ys, ms, ds string) string {
	y, _ := strconv.Atoi(ys)
	m, _ := strconv.Atoi(ms)
	if ds == "" {
		if m < 1 || m > 12 {
			return ""
		}
		return spreadsheetMsg(fmt.Sprintf("%04d-%02d", y, m), monthNames[m-1]+" "+ys)
	}
	d, _ := strconv.Atoi(ds)
	if !validDay(y, m, d) {
		return ""
	}
	return spreadsheetMsg(edtfDay(y, m, d), dayWords(y, m, d))
}

// wordsHint reads a date with a month's name: "Mar 1948", "March 14,
// 1948", "14 Mar 1948", "14-Mar-1948".
func wordsHint(t string) string {
	month, day, year := 0, 0, -1
	for _, w := range dateWords.Split(t, -1) {
		if w == "" {
			continue
		}
		if m := monthOf(w); m > 0 && month == 0 {
			month = m
			continue
		}
		n, err := strconv.Atoi(w)
		switch {
		case err != nil:
			return ""
		case len(w) == 4 && year < 0:
			year = n
		case len(w) <= 2 && day == 0 && n >= 1:
			day = n
		default:
			return ""
		}
	}
	if month == 0 || year < 0 {
		if month > 0 && day > 0 && year < 0 {
			return "a date with a month's name and a two-digit or missing year; EDTF writes year-month-day with the year in full: 1948-03-14 for 14 March 1948"
		}
		return ""
	}
	if day == 0 {
		return spreadsheetMsg(fmt.Sprintf("%04d-%02d", year, month), monthNames[month-1]+" "+strconv.Itoa(year))
	}
	if !validDay(year, month, day) {
		return ""
	}
	return spreadsheetMsg(edtfDay(year, month, day), dayWords(year, month, day))
}

// monthOf returns the month named w (English, full or abbreviated to
// three letters or more, "Sept" too), or 0.
func monthOf(w string) int {
	w = strings.ToLower(w)
	if len(w) < 3 {
		return 0
	}
	for i, name := range monthNames {
		if strings.HasPrefix(strings.ToLower(name), w) {
			return i + 1
		}
	}
	return 0
}

func spreadsheetMsg(edtf, words string) string {
	return fmt.Sprintf("a spreadsheet-style date; EDTF writes year-month-day: %s for %s", edtf, words)
}

func validDay(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= DaysIn(y, m)
}

func edtfDay(y, m, d int) string { return fmt.Sprintf("%04d-%02d-%02d", y, m, d) }

func dayWords(y, m, d int) string {
	return strconv.Itoa(d) + " " + monthNames[m-1] + " " + strconv.Itoa(y)
}
