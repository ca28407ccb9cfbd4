package timeline

import (
	"strings"
	"testing"
	"time"
)

// expand returns every value of the digit pattern p (digits and X, an X
// standing for any digit), in increasing order.
func expand(p string) []int {
	vals := []int{0}
	for _, c := range p {
		var next []int
		for _, v := range vals {
			if c == 'X' {
				for d := range 10 {
					next = append(next, v*10+d)
				}
			} else {
				next = append(next, v*10+int(c-'0'))
			}
		}
		vals = next
	}
	return vals
}

// oracleSpan returns the first and last day a point pattern can mean, by
// trying every date it matches, checked by the time package; ok is false
// when it matches none.
func oracleSpan(neg bool, year, month, day string) (first, last Day, ok bool) {
	first, last = MaxDay, MinDay
	months, days := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, []int{}
	if month != "" {
		months = expand(month)
	}
	if day != "" {
		days = expand(day)
	} else {
		for d := 1; d <= 31; d++ {
			days = append(days, d)
		}
	}
	type ymd struct{ y, m, d int }
	var lo, hi ymd
	less := func(a, b ymd) bool { return a.y < b.y || a.y == b.y && (a.m < b.m || a.m == b.m && a.d < b.d) }
	for _, y := range expand(year) {
		if neg {
			y = -y
		}
		for _, m := range months {
			if m < 1 || m > 12 {
				continue
			}
			dim := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() // days in month m
			for _, d := range days {
				if d < 1 || d > dim {
					continue // no such date
				}
				c := ymd{y, m, d}
				if !ok || less(c, lo) {
					lo = c
				}
				if !ok || less(hi, c) {
					hi = c
				}
				ok = true
			}
		}
	}
	if ok {
		at := func(c ymd) Day { return Day(time.Date(c.y, time.Month(c.m), c.d, 0, 0, 0, 0, time.UTC).Unix() / 86400) }
		first, last = at(lo), at(hi)
	}
	return first, last, ok
}

// TestParseDateOracle parses tens of thousands of generated points and
// checks each against oracleSpan: ParseDate must accept a well-formed
// pattern exactly when some date matches it, with the oracle's earliest
// and latest day.
func TestParseDateOracle(t *testing.T) {
	years := []string{"0000", "0001", "0010", "0044", "0100", "0190", "0400", "1600", "1900", "1960", "1985", "2000", "9999"}
	months := []string{"", "00", "01", "02", "04", "09", "10", "11", "12", "13", "21", "0X", "1X", "2X", "XX", "X1", "3X"}
	days := []string{"", "00", "01", "09", "10", "19", "20", "28", "29", "30", "31", "32", "0X", "1X", "2X", "3X", "4X", "XX", "X5"}
	n := 0
	for _, base := range years {
		for xs := 0; xs <= 4; xs++ {
			year := base[:4-xs] + strings.Repeat("X", xs)
			for _, neg := range []bool{false, true} {
				for _, month := range months {
					for _, day := range days {
						if month == "" && day != "" {
							continue
						}
						s := year
						if neg {
							s = "-" + s
						}
						if month != "" {
							s += "-" + month
						}
						if day != "" {
							s += "-" + day
						}
						n++
						checkOracle(t, s, neg, year, month, day)
					}
				}
			}
		}
	}
	if n < 30000 {
		t.Fatalf("only %d patterns", n)
	}
}

func checkOracle(t *testing.T, s string, neg bool, year, month, day string) {
	t.Helper()
	d, err := ParseDate(s)
	digits := year + month + day
	xAt := strings.IndexByte(digits, 'X')
	wellFormed := (xAt < 0 || strings.Trim(digits[xAt:], "X") == "") && // X only at the end
		!strings.HasPrefix(year, "XX") && !strings.HasPrefix(year[1:], "XX") && // no unspecified millennium
		!(neg && strings.Trim(year, "0X") == "") // a negative year needs a non-zero digit
	if !wellFormed {
		if err == nil {
			t.Errorf("ParseDate(%q) accepted a pattern it should reject", s)
		}
		return
	}
	first, last, ok := oracleSpan(neg, year, month, day)
	switch {
	case err != nil && ok:
		t.Errorf("ParseDate(%q): %v; but it matches %v to %v", s, err, first, last)
	case err == nil && !ok:
		t.Errorf("ParseDate(%q) = %v to %v; but no date matches it", s, d.Earliest(), d.Latest())
	case err == nil && (d.Earliest() != first || d.Latest() != last):
		t.Errorf("ParseDate(%q) spans %v to %v, want %v to %v", s, d.Earliest(), d.Latest(), first, last)
	case err == nil && d.String() != s:
		t.Errorf("ParseDate(%q).String() = %q", s, d.String())
	}
}
