package htmlout

import (
	"regexp"
	"testing"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// TestBrowserDeepTime draws a page of deep time (years back to 13.8
// billion years ago, which no JavaScript date holds) and checks that the
// chart's axis is labelled in years ago, that the zoom slider's labels are
// too, that every event has its mark, and that the page logs no error.
func TestBrowserDeepTime(t *testing.T) {
	v := render.Build(rendertest.DeepTime(), timeline.Filter{}, render.Options{Version: "test"})
	if !v.DeepTime {
		t.Fatal("the view of deep time is not DeepTime")
	}
	tb := open(t, writePage(t, t.TempDir(), "deep.html", v, Options{}))
	labels := eval[[]string](t, tb, `(() => {
  const c = echarts.getInstanceByDom(document.getElementById('chart'));
  return c.getModel().getComponent('xAxis', 0).axis.getViewLabels().map(l => l.formattedLabel);
})()`)
	if len(labels) < 3 {
		t.Fatalf("axis labels %q: want at least 3", labels)
	}
	good := regexp.MustCompile(`^([0-9,]+|[0-9]+(\.[0-9]+)? (billion|million) years ago|[0-9,]+ years ago)$`) // years after 0 as numbers
	billions := 0
	for _, l := range labels {
		if !good.MatchString(l) {
			t.Errorf("axis label %q is not a number of years ago", l)
		}
		if regexp.MustCompile(`billion years ago$`).MatchString(l) {
			billions++
		}
	}
	if billions < 2 {
		t.Errorf("axis labels %q: want ticks in billions of years ago", labels)
	}
	zoom := eval[[]string](t, tb, `(() => {
  const o = echarts.getInstanceByDom(document.getElementById('chart')).getOption();
  const f = o.dataZoom[1].labelFormatter;
  return [f(-13800000000), f(-66000000), f(-300000), f(1969.55)];
})()`)
	want := []string{"13.8 billion years ago", "66 million years ago", "300,000 years ago", "1970"}
	for i := range want {
		if zoom[i] != want[i] {
			t.Errorf("zoom label %d = %q, want %q", i, zoom[i], want[i])
		}
	}
	rows := eval[int](t, tb, `document.querySelectorAll('#events tbody tr').length`)
	if rows != len(v.Events) {
		t.Errorf("%d rows in the table, want %d", rows, len(v.Events))
	}
	screenshot(t, tb, "deep-time")
	tb.checkQuiet(t)
}
