//go:build scratch

package htmlout

import (
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

func TestScratchShot(t *testing.T) {
	loadTimeout = 5 * time.Minute
	v := render.Build(rendertest.Realistic(100000), timeline.Filter{}, render.Options{Version: "bench"})
	file := writePage(t, t.TempDir(), "ours.html", v, Options{})
	tb := newTab(t)
	tb.chartDrawn(t, file)
	eval[bool](t, tb, `(() => { document.querySelector('button[data-era="2"]').click(); return true; })()`)
	time.Sleep(8 * time.Second)
	a, _ := chromedp.Run(tb.ctx, chromedp.Screenshot(chromedp.CSS("#chart")))
	do(t, tb, chromedp.Click(chromedp.CSS(`button.clear`)))
	time.Sleep(3 * time.Second)
	b, _ := chromedp.Run(tb.ctx, chromedp.Screenshot(chromedp.CSS("#chart")))
	os.WriteFile("/tmp/shot-era.png", a, 0o644)
	os.WriteFile("/tmp/shot-clear.png", b, 0o644)
}
