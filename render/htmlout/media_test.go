package htmlout

import (
	"bytes"
	"encoding/json"
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
		// (The page is all in ASCII: mostlyASCII.)
		if !strings.Contains(page, string(appendHTMLASCII(nil, []byte(want)))) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(page, `<img src="http`) || strings.Contains(page, `class="remote"`) {
		t.Errorf("the page loads a remote picture without --remote-media")
	}
	if !strings.Contains(page, `<li id="src-1">`) || strings.Contains(page, `id="src-2"`) {
		t.Errorf("not one source: a credit is no source")
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

// TestMediaBigPage checks that a big page, whose script draws the rows,
// carries the media of its events in its data, made as the rows of a
// page that is not big.
func TestMediaBigPage(t *testing.T) {
	defer func(n int) { bigRows = n }(bigRows)
	bigRows = 1
	v := mediaView(t, false)
	page := string(write(t, v, Options{Assets: goldenAssets}))
	if strings.Contains(page, `<figure class="media">`) {
		t.Errorf("a big page has media in its HTML")
	}
	var b strings.Builder
	mediaFigure(&b, v.Events[4].Media)
	js, _ := json.Marshal(b.String())
	js = appendJSASCII(nil, js) // the page is all in ASCII (mostlyASCII)
	if !strings.Contains(page, `"4":`+string(js)) || !strings.Contains(page, `"md":{"0":"\u003cfigure class=\"media\"\u003e\u003cimg src=\"data:image/png;base64,`) {
		t.Errorf("a big page's data lacks its media")
	}
}
