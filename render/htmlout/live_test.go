package htmlout

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// TestLive checks the hook of timeline serve: a page with Options.Live
// runs that script, and its policy allows exactly that script and
// connections to its own origin; a page without it allows no connection.
func TestLive(t *testing.T) {
	v := render.Build(rendertest.Synthetic(5), timeline.Filter{}, render.Options{Version: "test"})
	csp := func(page string) string {
		m := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(page)
		if m == nil {
			t.Fatal("no Content-Security-Policy")
		}
		return html.UnescapeString(m[1])
	}
	static := string(write(t, v, Options{Assets: goldenAssets}))
	const live = `new EventSource("/_live").onmessage = function () { location.reload(); };`
	served := string(write(t, v, Options{Assets: goldenAssets, Live: live}))

	if p := csp(static); strings.Contains(p, "connect-src") {
		t.Errorf("static page's policy allows connections: %s", p)
	}
	if !strings.Contains(served, "<script>"+live+"</script>") {
		t.Errorf("served page lacks the live script")
	}
	p := csp(served)
	if !strings.HasSuffix(p, "; connect-src 'self'") || !strings.Contains(p, scriptHash(live)) {
		t.Errorf("served page's policy %q lacks connect-src 'self' or the live script's hash", p)
	}
	if strings.Replace(p, " "+scriptHash(live), "", 1) != csp(static)+"; connect-src 'self'" {
		t.Errorf("the served policy differs from the static one by more than the live script:\n%s\n%s", p, csp(static))
	}
	if strings.Count(served, "<script") != strings.Count(static, "<script")+1 {
		t.Errorf("served page has %d scripts, static %d", strings.Count(served, "<script"), strings.Count(static, "<script"))
	}
	var b bytes.Buffer
	if err := Write(&b, v, Options{Assets: goldenAssets, Live: `x="</script><script>alert(1)"`}); err == nil {
		t.Errorf("a live script with </script was written")
	}
}
