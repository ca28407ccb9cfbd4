//go:build scratch

package htmlout

import (
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/data"
	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

func TestScratchHover(t *testing.T) {
	d, err := data.MEK()
	if err != nil {
		t.Fatal(err)
	}
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "x"})
	file := writePage(t, t.TempDir(), "mek.html", v, Options{})
	tb := open(t, file)
	x, y := markPoint(t, tb, v.Events[40].Anchor)
	do(t, tb, chromedp.MouseEvent(chromedp.MouseMoved, x, y))
	time.Sleep(500 * time.Millisecond)
	a, _ := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	os.WriteFile("/tmp/hover-mek.png", a, 0o644)
	t.Log(eval[string](t, tb, `getComputedStyle(document.querySelector('#chart > div')).cursor + ' ' + (document.querySelector('.tl-tip')||{}).innerText`))
	// markAt speed at 100k
	v = render.Build(rendertest.Realistic(100000), timeline.Filter{}, render.Options{Version: "bench"})
	file = writePage(t, t.TempDir(), "big.html", v, Options{})
	tb.load(t, file)
	t.Log(eval[string](t, tb, `(() => { const c = echarts.getInstanceByDom(document.getElementById('chart')); const zr = c.getZr(); const t0 = performance.now(); for (let k = 0; k < 50; k++) zr.handler.dispatch('mousemove', {zrX: 300 + k, zrY: 60, offsetX: 300 + k, offsetY: 60, preventDefault() {}, stopPropagation() {}}); return ((performance.now() - t0) / 50).toFixed(2) + ' ms a move'; })()`))
}
