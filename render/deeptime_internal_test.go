package render

import "testing"

func TestAxisYearLabel(t *testing.T) {
	for _, tt := range []struct {
		y    int
		want string
	}{
		{-13_000_000_000, "13 billion years ago"},
		{-12_500_000_000, "12.5 billion years ago"},
		{-250_000_000, "250 million years ago"},
		{-1_000_000, "1 million years ago"},
		{-300_000, "300,000 years ago"},
		{-5_000, "5000 years ago"},
		{0, "0"},
		{2000, "2000"},
		{170_000_000, "170,000,000"},
	} {
		if got := AxisYearLabel(tt.y); got != tt.want {
			t.Errorf("AxisYearLabel(%d) = %q, want %q", tt.y, got, tt.want)
		}
	}
}

// TestDeepTickSteps checks that the labelled ticks of deep time are as far
// apart as their labels need, at round steps.
func TestDeepTickSteps(t *testing.T) {
	width := func(yr int) float64 { return 4 * float64(len(AxisYearLabel(yr))) }
	for _, tt := range []struct {
		start, end   int
		w            float64
		major, minor int
	}{
		{-13_800_000_000, 1970, 500, 5_000_000_000, 1_000_000_000},
		{-13_800_000_000, 1970, 2000, 1_000_000_000, 200_000_000},
		{-300_000, 2000, 500, 50_000, 10_000},
	} {
		major, minor := deepTickSteps(tt.start, tt.end, tt.w, width)
		if major != tt.major || minor != tt.minor {
			t.Errorf("deepTickSteps(%d, %d, %g) = %d, %d; want %d, %d", tt.start, tt.end, tt.w, major, minor, tt.major, tt.minor)
		}
		perYear := tt.w / float64(tt.end-tt.start)
		for yr := ceilTo(tt.start, major); yr <= tt.end; yr += major {
			if width(yr)+8 > float64(major)*perYear {
				t.Errorf("label %q is wider than the %g points between ticks", AxisYearLabel(yr), float64(major)*perYear)
			}
		}
	}
}
