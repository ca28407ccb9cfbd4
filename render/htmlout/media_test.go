package htmlout

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// mediaView builds the view of timeline/testdata/media.json, its local
// picture given.
func mediaView(t *testing.T, remote bool) *render.View {
	t.Helper()
	b, err := os.ReadFile("../../timeline/testdata/media.json")
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := timeline.Load("media.json", b)
	if err != nil {
		t.Fatal(err)
	}
	var pic bytes.Buffer
	png.Encode(&pic, image.NewGray(image.Rect(0, 0, 4, 3)))
	fsys := fstest.MapFS{"img/opening.png": {Data: pic.Bytes()}}
	return render.Build(d, timeline.Filter{}, render.Options{MediaFS: fsys, RemoteMedia: remote})
}

var cspRE = regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`)

// TestMediaPage checks how the page shows media: a local picture
// embedded, a remote one a link unless --remote-media lets the page load
// it (and the policy lets in its site alone), a quote a quotation,
// credits as credits and not sources.
func TestMediaPage(t *testing.T) {
	page := string(write(t, mediaView(t, false), Options{Assets: goldenAssets}))
	csp := cspRE.FindStringSubmatch(page)
	if csp == nil || !strings.Contains(csp[1], "img-src data:;") {
		t.Fatalf("policy %v: want img-src data: alone", csp)
	}
	for _, want := range []string{
		`<img src="data:image/png;base64,iVBOR`,
		`alt="A crowd on a bridge" width="4" height="3"`,
		`The opening · <span class="credit">Credit: <bdi>Town archive</bdi></span>`,
		`<a href="https://example.org/bridge.jpg">Image: https://example.org/bridge.jpg</a><figcaption dir="auto"><span class="credit">Credit: <bdi>AP</bdi>`,
		`<blockquote dir="auto">Ask not what your country can do for you</blockquote><figcaption dir="auto"><span class="credit">— <bdi>John F. Kennedy</bdi>`,
		`<a href="https://www.youtube.com/watch?v=abc">Video: `,
		`Document (a file beside the dataset): <bdi>docs/report.pdf</bdi><figcaption dir="auto">The report</figcaption>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(page, `<img src="http`) || strings.Contains(page, `class="remote"`) {
		t.Errorf("the page loads a remote picture without --remote-media")
	}
	if n := strings.Count(page, `<li id="src-`); n != 1 {
		t.Errorf("%d sources; a credit is no source", n)
	}

	page = string(write(t, mediaView(t, true), Options{Assets: goldenAssets}))
	csp = cspRE.FindStringSubmatch(page)
	if csp == nil || !strings.Contains(csp[1], "img-src data: https://example.org;") {
		t.Errorf("policy %v: want img-src data: https://example.org", csp)
	}
	for _, want := range []string{
		`<img src="https://example.org/bridge.jpg" alt="Picture" loading="lazy">`,
		`<p class="remote">This page loads pictures from https://example.org (--remote-media)`,
		`<a href="https://www.youtube.com/watch?v=abc">Video: `,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("--remote-media page lacks %s", want)
		}
	}
}
