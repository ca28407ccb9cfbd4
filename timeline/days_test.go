package timeline

// daysIn is DaysIn, as the tests of this package name it.
func daysIn(y, m int) int { return DaysIn(y, m) }
