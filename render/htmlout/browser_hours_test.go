package htmlout

import (
	"math"
	"regexp"
	"strconv"
	"testing"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// axisLabelsJS returns the chart's axis labels as drawn.
const axisLabelsJS = `(() => {
  const c = echarts.getInstanceByDom(document.getElementById('chart'));
  return c.getModel().getComponent('xAxis', 0).axis.getViewLabels().map(l => l.formattedLabel);
})()`

// TestBrowserHours draws a page of one day, hour by hour: the axis runs
// from midnight to midnight and is labelled in hours (at midnight, the
// day); zoomed in to an hour, the labels are round minutes, the marks of
// events ten minutes apart stand apart by their instants, and the zoom
// slider names its ends with day and time.
func TestBrowserHours(t *testing.T) {
	v := render.Build(rendertest.Hours(), timeline.Filter{}, render.Options{Version: "test"})
	if !v.AxisHours {
		t.Fatal("the view of one day is not AxisHours")
	}
	tb := open(t, writePage(t, t.TempDir(), "hours.html", v, Options{}))
	hour := regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)
	day := regexp.MustCompile(`^[0-9]{1,2} [A-Z][a-z]{2} [0-9]{4}$`)
	checkHourLabels := func(what string, labels []string) {
		t.Helper()
		hours := 0
		for _, l := range labels {
			switch {
			case hour.MatchString(l):
				hours++
			case !day.MatchString(l):
				t.Errorf("%s: axis label %q is neither a time nor a day", what, l)
			}
		}
		if hours < 3 {
			t.Errorf("%s: axis labels %q: want at least 3 times of day", what, labels)
		}
	}
	labels := eval[[]string](t, tb, axisLabelsJS)
	checkHourLabels("whole axis", labels)
	if labels[0] != "21 Apr 1910" {
		t.Errorf("the axis starts at %q, want the midnight before the first event, 21 Apr 1910", labels[0])
	}

	// Zoom in to 09:15–10:15 of the day.
	from := timeline.Moment{Day: timeline.DayOf(1910, 4, 21), Milli: (9*60 + 15) * 60_000}
	to := timeline.Moment{Day: from.Day, Milli: (10*60 + 15) * 60_000}
	eval[bool](t, tb, `(() => { echarts.getInstanceByDom(document.getElementById('chart')).dispatchAction({type: 'dataZoom', dataZoomIndex: 0, startValue: `+
		ftoa(from.YearFraction())+`, endValue: `+ftoa(to.YearFraction())+`}); return true; })()`)
	labels = eval[[]string](t, tb, axisLabelsJS)
	checkHourLabels("09:15 to 10:15", labels)
	for _, l := range labels {
		if m := hour.FindString(l); m != "" && (m < "09:15" || m > "10:15" || (m[4]-'0')%5 != 0) {
			t.Errorf("09:15 to 10:15: label %q is outside the view, or not a round minute", l)
		}
	}
	x1, _ := markPoint(t, tb, "ev-bell")
	x2, _ := markPoint(t, tb, "ev-bell2")
	x3, _ := markPoint(t, tb, "ev-bell3")
	// Ten minutes of an hour across the chart's width are over 100 pixels;
	// a mark is at the middle of its minute, or of its second: the three
	// are ten minutes apart.
	if x2-x1 < 100 || x3-x2 < 100 || math.Abs((x3-x2)-(x2-x1)) > 4 {
		t.Errorf("marks of 09:30, 09:40 and 09:50:30 at x = %.0f, %.0f, %.0f: not placed by their instants", x1, x2, x3)
	}
	zoom := eval[[]string](t, tb, `(() => {
  const o = echarts.getInstanceByDom(document.getElementById('chart')).getOption();
  return [o.dataZoom[1].labelFormatter(`+ftoa(from.YearFraction())+`), o.dataZoom[1].labelFormatter(`+ftoa(to.YearFraction())+`)];
})()`)
	if len(zoom) != 2 || zoom[0] != "21 Apr 1910 09:15" || zoom[1] != "21 Apr 1910 10:15" {
		t.Errorf("zoom slider labels %q, want 21 Apr 1910 09:15 and 10:15", zoom)
	}
	screenshot(t, tb, "hours")
	tb.checkQuiet(t)
}

// ftoa writes f as a JavaScript number, exactly.
func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', 17, 64) }
