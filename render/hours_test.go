package render_test

import (
	"math"
	"slices"
	"testing"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// TestAxisHours shows that events with times of day within a few days
// get an axis from the midnight before the first to the midnight after
// the last, whose ticks in the overview (the PDF's and the SVG's) are
// labelled in hours, and whose marks fall by their instants; a longer
// span, or one without times, keeps its axis of years.
func TestAxisHours(t *testing.T) {
	v := render.Build(rendertest.Hours(), timeline.Filter{}, render.Options{Version: "test"})
	if !v.AxisHours || v.AxisStart != timeline.DayOf(1910, 4, 21).YearFraction() || v.AxisEnd != timeline.DayOf(1910, 4, 23).YearFraction() {
		t.Fatalf("axis %v to %v (hours %v); want 21 to 23 Apr 1910 in hours", v.AxisStart, v.AxisEnd, v.AxisHours)
	}
	o := v.Overview(render.OverviewOptions{Width: 600}, mono{})
	var labels []string
	for _, tk := range o.Ticks {
		if tk.Major {
			labels = append(labels, tk.Label)
		}
	}
	want := []string{"21 Apr 1910", "06:00", "12:00", "18:00", "22 Apr 1910", "06:00", "12:00", "18:00", "23 Apr 1910"}
	if !slices.Equal(labels, want) {
		t.Errorf("labelled ticks %q, want %q", labels, want)
	}
	x := map[string]float64{}
	for _, m := range o.Marks {
		x[m.Event.ID] = m.X
	}
	if !(x["bell"] < x["bell2"] && x["bell2"] < x["bell3"] && x["bell3"] < x["tide"] && x["tide"] < x["morning"]) {
		t.Errorf("marks at %v: not in the order of their instants", x)
	}
	// The tide turns at 16:20+01:00, 15:20 in UTC: its mark is at the
	// middle of that minute, of the 48 hours of the axis.
	if got, want := (x["tide"]-o.PlotX)/o.PlotW, (15+20.5/60)/48; math.Abs(got-want) > 1e-3 {
		t.Errorf("the tide turns at %.4f of the plot, want %.4f (15:20 UTC)", got, want)
	}

	long := rendertest.Hours()
	long.Events[len(long.Events)-1].Date, _ = timeline.ParseDate("1910-04-25T07:15")
	if v := render.Build(long, timeline.Filter{}, render.Options{}); v.AxisHours || v.AxisStart != 1910 {
		t.Errorf("events over five days: axis from %v in hours %v; want 1910 in years", v.AxisStart, v.AxisHours)
	}
	days := rendertest.Hours()
	days.Events = days.Events[:1] // the day itself
	if v := render.Build(days, timeline.Filter{}, render.Options{}); v.AxisHours {
		t.Errorf("a day without a time: an axis of hours")
	}
}
