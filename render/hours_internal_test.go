package render

import (
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

func TestHourTickSteps(t *testing.T) {
	for _, tt := range []struct {
		minutes      int
		w            float64
		major, minor int
	}{
		{1440, 400, 180, 30},      // a day across 400 points: 17 points an hour
		{1440, 1000, 60, 10},      // 42 points an hour
		{3 * 1440, 400, 720, 120}, // three days
		{60, 400, 10, 5},          // an hour
		{1440, 20, 1440, 360},     // too narrow for more than the days
		{2 * 1440, 1200, 120, 20}, // two days across a wide strip
	} {
		if major, minor := hourTickSteps(tt.minutes, tt.w); major != tt.major || minor != tt.minor {
			t.Errorf("hourTickSteps(%d, %v) = %d, %d; want %d, %d", tt.minutes, tt.w, major, minor, tt.major, tt.minor)
		}
	}
}

func TestHourTickLabel(t *testing.T) {
	day := timeline.DayOf(1910, 4, 21)
	for _, tt := range []struct {
		at   timeline.Moment
		want string
	}{
		{timeline.Moment{Day: day}, "21 Apr 1910"},
		{timeline.Moment{Day: day, Milli: 6 * 3600_000}, "06:00"},
		{timeline.Moment{Day: day, Milli: (23*60 + 45) * 60_000}, "23:45"},
		{timeline.Moment{Day: timeline.DayOf(0, 1, 1)}, "1 Jan 1 BCE"},
	} {
		if got := hourTickLabel(tt.at); got != tt.want {
			t.Errorf("hourTickLabel(%v) = %q, want %q", tt.at, got, tt.want)
		}
	}
}
