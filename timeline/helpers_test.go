package timeline

// daysIn is DaysIn, as the tests of this package name it.
func daysIn(y, m int) int { return DaysIn(y, m) }

// cmpInt returns -1, 0 or +1 as a is less than, equal to or greater than b.
func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
