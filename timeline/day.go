package timeline

import "fmt"

// Day is a day of the proleptic Gregorian calendar, counted from
// 1970-01-01 (day 0). Negative years are astronomical: year 0 is 1 BCE.
type Day int64

// MinDay and MaxDay stand for the unbounded ends of an open interval.
// They lie far beyond the days of the longest year a date may have
// (MaxLongYear), and their difference still fits in a Day.
const (
	MinDay Day = -1 << 61
	MaxDay Day = 1 << 61
)

// DayOf returns the Day of year y, month m (1–12) and day d (1–31). It does
// not check that the date exists.
func DayOf(y, m, d int) Day {
	// Howard Hinnant's days_from_civil.
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Day(era*146097 + doe - 719468)
}

// Date returns the year, month and day of d.
func (d Day) Date() (y, m, day int) {
	z := int(d) + 719468
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, day
}

// String returns d as YYYY-MM-DD, "-inf" for MinDay and "+inf" for MaxDay.
func (d Day) String() string {
	switch d {
	case MinDay:
		return "-inf"
	case MaxDay:
		return "+inf"
	}
	y, m, day := d.Date()
	if y < 0 {
		return fmt.Sprintf("-%04d-%02d-%02d", -y, m, day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, day)
}

// YearFraction returns d as a fractional year (1997.77 for 8 Oct 1997),
// the unit of the charts' time axes.
func (d Day) YearFraction() float64 {
	y, _, _ := d.Date()
	start := DayOf(y, 1, 1)
	length := DayOf(y+1, 1, 1) - start
	return float64(y) + float64(d-start)/float64(length)
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// DaysIn returns the number of days of month m (1–12) of year y.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
