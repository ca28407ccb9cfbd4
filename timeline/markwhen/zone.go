package markwhen

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	// The zone database is built into the program, so that a zone is
	// known on a machine without one (a container, Windows).
	_ "time/tzdata"
)

// A time zone, as markwhen's "timezone:" (or "tz:") header key and group
// property give it, makes the times of day written without a zone under
// it times in that zone: an IANA name (America/New_York, Europe/Berlin,
// UTC, EST) or a fixed offset from UTC in hours (-3, 5, +05:30, +0530).
// A date without a time stays a date: it has no instant to move.

// offsetRE is a fixed offset in the forms markwhen reads: ±h, ±hh, ±hh:mm,
// ±hhmm, the sign optional.
var offsetRE = regexp.MustCompile(`^([+-]?)(\d{1,2})(?::?(\d{2}))?$`)

// parseZone returns the zone s names, or an error saying what a zone is.
func parseZone(s string) (*time.Location, error) {
	if m := offsetRE.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[2])
		min := 0
		if m[3] != "" {
			min, _ = strconv.Atoi(m[3])
		}
		if h > 14 || min > 59 {
			return nil, fmt.Errorf("timezone %q: an offset is at most 14 hours", s)
		}
		off := h*3600 + min*60
		if m[1] == "-" {
			off = -off
		}
		return time.FixedZone(s, off), nil
	}
	// LoadLocation reads "" as UTC and "Local" as this machine's zone:
	// neither is a zone a file can mean.
	if s != "" && s != "Local" && !strings.HasPrefix(s, "/") {
		if loc, err := time.LoadLocation(s); err == nil {
			return loc, nil
		}
	}
	return nil, fmt.Errorf("timezone %q is no time zone: give an IANA name such as America/New_York or Europe/Berlin, UTC, or an offset in hours such as -3 or +05:30", s)
}

// zoned returns p with the offset from UTC that loc has on p's date at
// p's time of day, or p as it is when it has no time, has a zone
// already, or loc is nil. Where loc's clocks change, a time is read with
// the offset in force before the change, as markwhen reads it: a time
// the clocks pass twice is the first (01:30 on the night New York's
// summer time ends is 01:30-04:00), and a time they skip moves forward
// by the hour skipped (02:30 on the night it begins is 03:30-04:00).
func (p point) zoned(loc *time.Location) point {
	if loc == nil || p.time == "" || strings.HasSuffix(p.time, "Z") || p.month == 0 || p.day == 0 {
		return p
	}
	h, _ := strconv.Atoi(p.time[0:2])
	m, _ := strconv.Atoi(p.time[3:5])
	wall := time.Date(p.year, time.Month(p.month), p.day, h, m, 0, 0, time.UTC)
	offsetAt := func(t time.Time) time.Duration {
		_, off := t.In(loc).Zone()
		return time.Duration(off) * time.Second
	}
	before, after := offsetAt(wall.Add(-24*time.Hour)), offsetAt(wall.Add(24*time.Hour))
	off := before
	if offsetAt(wall.Add(-before)) != before && offsetAt(wall.Add(-after)) == after {
		off = after
	}
	t := wall.Add(-off).In(loc)
	p.year, p.month, p.day = t.Year(), int(t.Month()), t.Day()
	p.time = fmt.Sprintf("%02d:%02d", t.Hour(), t.Minute()) + p.time[5:] + offset(offsetAt(t))
	return p
}

// offset writes an offset from UTC in seconds as EDTF's ±hh:mm, whole
// minutes toward zero (as markwhen does with the seconds of a local mean
// time before standard time).
func offset(d time.Duration) string {
	sec := int(d / time.Second)
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	return fmt.Sprintf("%c%02d:%02d", sign, sec/3600, sec/60%60)
}
