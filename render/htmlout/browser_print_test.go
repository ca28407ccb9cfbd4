package htmlout

import (
	"testing"
	"time"

	"github.com/timeline-tool/timeline/data"
	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// TestBrowserPrintChartPainted: printed from a wide window, the chart is
// painted for the paper's width in beforeprint itself, before the browser
// prints: the canvas right after the event is what the next frames leave
// on it. (zrender paints a layout in the next animation frame; the
// resized canvas held the old, wide layout, cut at the paper's width.)
func TestBrowserPrintChartPainted(t *testing.T) {
	mek, err := data.MEK()
	if err != nil {
		t.Fatal(err)
	}
	v := render.Build(mek, timeline.Filter{}, render.Options{Version: "test"})
	tb := open(t, writePage(t, t.TempDir(), "print.html", v, Options{}))
	resize(t, tb, 1400, 900)
	frames(t, tb)
	got := eval[[]string](t, tb, `(() => {
  const box = document.getElementById('chart');
  dispatchEvent(new Event('beforeprint'));
  window.__printed = [...box.querySelectorAll('canvas')].map(c => c.toDataURL());
  return [String(box.getBoundingClientRect().width), String(echarts.getInstanceByDom(box).getWidth())];
})()`)
	if got[0] != "700" || got[1] != "700" {
		t.Fatalf("printed, the chart's box is %s px and the chart %s px wide, want 700", got[0], got[1])
	}
	time.Sleep(500 * time.Millisecond)
	if same := eval[bool](t, tb, `(() => {
  const now = [...document.getElementById('chart').querySelectorAll('canvas')].map(c => c.toDataURL());
  dispatchEvent(new Event('afterprint'));
  return now.length === window.__printed.length && now.every((u, i) => u === window.__printed[i]);
})()`); !same {
		t.Errorf("the chart printed is not the chart drawn for the paper: its canvas changed in the frames after beforeprint")
	}
	tb.checkQuiet(t)
}
