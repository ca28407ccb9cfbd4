package htmlout

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"

	"github.com/timeline-tool/timeline/internal/golden"
)

// goldenAssets is the bundle URL of the golden pages, so that they do not
// hold the bundle.
const goldenAssets = "echarts.min.js"

func loadSmall(t testing.TB) *timeline.Dataset {
	t.Helper()
	b, err := os.ReadFile("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	d, ps, err := timeline.Load("small.json", b)
	if err != nil || len(ps) > 0 {
		t.Fatalf("testdata/small.json: %v %v", err, ps)
	}
	return d
}

func write(t testing.TB, v *render.View, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, v, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGolden compares pages of testdata/small.json with the golden files
// named after the filter that made them. Run go test -update to rewrite
// them; a mismatch writes the page as *.got.html and shows a diff.
func TestGolden(t *testing.T) {
	d := loadSmall(t)
	for _, tc := range []struct {
		name string
		f    timeline.Filter
	}{
		{"small", timeline.Filter{}},
		{"small-era-late", timeline.Filter{Eras: []string{"late"}}},
		{"small-text-denial", timeline.Filter{Text: "denial"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.f.Check(d); err != nil {
				t.Fatal(err)
			}
			got := write(t, render.Build(d, tc.f, render.Options{Version: "v1.2.3"}), Options{Assets: goldenAssets})
			// The page's own style sheet and script are the same in every
			// page, and page.css and page.js hold them: the golden files
			// leave them out.
			got = bytes.Replace(got, []byte(pageCSS), []byte("/* page.css */"), 1)
			got = bytes.Replace(got, []byte(pageJS), []byte("/* page.js */"), 1)
			golden.Check(t, filepath.Join("testdata", tc.name+".golden.html"), got)
		})
	}
}

// TestDeterministic renders the same data twice, with the bundle when the
// binary has one, and requires the same bytes.
func TestDeterministic(t *testing.T) {
	opts := Options{}
	if getBundle().err != nil {
		opts.Assets = goldenAssets
	}
	for _, d := range []func() *timeline.Dataset{func() *timeline.Dataset { return rendertest.Synthetic(500) }, rendertest.HostileDataset} {
		a := write(t, render.Build(d(), timeline.Filter{}, render.Options{Version: "x"}), opts)
		b := write(t, render.Build(d(), timeline.Filter{}, render.Options{Version: "x"}), opts)
		if !bytes.Equal(a, b) {
			t.Errorf("two renderings of %s differ", d().Title)
		}
	}
}

func TestErrNoBundle(t *testing.T) {
	defer func(g func() bundle) { getBundle = g }(getBundle)
	getBundle = func() bundle { return readBundle(fstest.MapFS{"assets/README.md": {Data: []byte("placeholder")}}) }
	v := render.Build(loadSmall(t), timeline.Filter{}, render.Options{})
	for _, a := range []string{"", "inline"} {
		err := Write(&bytes.Buffer{}, v, Options{Assets: a})
		if !errors.Is(err, ErrNoBundle) {
			t.Errorf("Assets %q without a bundle: error %v, want ErrNoBundle", a, err)
		}
	}
	for _, want := range []string{"make assets", "--assets URL"} {
		if !strings.Contains(ErrNoBundle.Error(), want) {
			t.Errorf("ErrNoBundle %q does not say %q", ErrNoBundle, want)
		}
	}
	if err := Write(&bytes.Buffer{}, v, Options{Assets: "https://example.org/echarts.min.js"}); err != nil {
		t.Errorf("Assets URL without a bundle: %v", err)
	}
	// An empty bundle, or one that would end its script element, is no
	// bundle either.
	if b := readBundle(fstest.MapFS{bundlePath: {}}); !errors.Is(b.err, ErrNoBundle) {
		t.Errorf("empty bundle: %v", b.err)
	}
	if b := readBundle(fstest.MapFS{bundlePath: {Data: []byte(`var s="</SCRIPT>"`)}}); b.err == nil || !strings.Contains(b.err.Error(), "</script") {
		t.Errorf("bundle with </script>: %v", b.err)
	}
}

func TestAssets(t *testing.T) {
	v := render.Build(loadSmall(t), timeline.Filter{}, render.Options{})
	for _, tc := range []struct {
		assets, csp, err string
	}{
		{"https://cdn.example.org/js/echarts.min.js", "script-src 'sha256-", ""},
		{"https://cdn.example.org/js/echarts.min.js", " https://cdn.example.org;", ""},
		{"file:///opt/timeline/echarts.min.js", " file:;", ""},
		{"../assets/echarts.min.js", " 'self' file:;", ""},
		{"javascript:alert(1)", "", "want \"inline\" or"},
		{"data:text/javascript,alert(1)", "", "want \"inline\" or"},
		{"https:///x.js", "", "want \"inline\" or"},
		{"x.js; script-src *", "", "want \"inline\" or"},
		{"//cdn.example.org/x.js", "", "want \"inline\" or"}, // another host, not a relative path
		{`\\cdn.example.org\x.js`, "", "want \"inline\" or"}, // browsers read \\ as //
		{"/\\cdn.example.org/x.js", "", "want \"inline\" or"},
	} {
		var b bytes.Buffer
		err := Write(&b, v, Options{Assets: tc.assets})
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Assets %q: error %v, want %q", tc.assets, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Assets %q: %v", tc.assets, err)
			continue
		}
		page := b.String()
		if !strings.Contains(page, `<script src="`+tc.assets+`"></script>`) {
			t.Errorf("Assets %q: no script element loads it", tc.assets)
		}
		csp := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]*)"`).FindStringSubmatch(page)
		if csp != nil {
			csp[1] = html.UnescapeString(csp[1])
		}
		if csp == nil || !strings.Contains(csp[1], tc.csp) || !strings.HasPrefix(csp[1], "default-src 'none'; ") {
			t.Errorf("Assets %q: CSP %q lacks %q", tc.assets, csp, tc.csp)
		}
	}
}

// TestHostile checks that hostile text is escaped in every context of the
// page: no markup, script, handler or link comes from the data.
func TestHostile(t *testing.T) {
	v := render.Build(rendertest.HostileDataset(), timeline.Filter{}, render.Options{Version: rendertest.Hostile})
	page := string(write(t, v, Options{Assets: goldenAssets}))
	for _, bad := range []string{"<script>alert", "<img", "javascript:", "alert(4)", "{{.}}</"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if n := strings.Count(page, "<script"); n != 3 {
		t.Errorf("page has %d script elements, want 3", n)
	}
	if n := strings.Count(strings.ToLower(page), "</script"); n != 3 {
		t.Errorf("page has %d </script, want 3", n)
	}
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		if !strings.HasPrefix(m[1], "#") && !strings.HasPrefix(m[1], "https://") && !strings.HasPrefix(m[1], "http://") {
			t.Errorf("link to %q", m[1])
		}
	}
	// The data element is valid JSON without markup, and the texts in it
	// come back unchanged.
	m := regexp.MustCompile(`(?s)<script type="application/json" id="tl-data">(.*?)</script>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no data element")
	}
	if strings.ContainsAny(m[1], "<>&") {
		t.Errorf("data element contains <, > or &")
	}
	var data struct {
		Chart struct {
			Legend struct{ Data []string } `json:"legend"`
		} `json:"chart"`
		Labels []string  `json:"labels"`
		Eras   []eraData `json:"eras"`
	}
	if err := json.Unmarshal([]byte(m[1]), &data); err != nil {
		t.Fatal(err)
	}
	if want := "C " + rendertest.Hostile; len(data.Labels) != 1 || data.Labels[0] != want {
		t.Errorf("lane labels %q, want %q", data.Labels, want)
	}
	// ECharts knows the lane by its key only.
	if len(data.Chart.Legend.Data) != 1 || data.Chart.Legend.Data[0] != laneKey(0) {
		t.Errorf("legend %q, want %q", data.Chart.Legend.Data, laneKey(0))
	}
	if want := "E " + rendertest.Hostile; len(data.Eras) != 1 || data.Eras[0].Label != want {
		t.Errorf("eras %+v, want label %q", data.Eras, want)
	}
	// Ids become attribute values, escaped.
	if !strings.Contains(page, `<tr id="ev-ev&#34;&lt;b&gt;">`) {
		t.Errorf("hostile event id not escaped in its row")
	}
}

// TestOffline checks that a page references nothing outside itself but
// the sources' links.
func TestOffline(t *testing.T) {
	if getBundle().err != nil {
		t.Skip("no bundle (make assets)")
	}
	v := render.Build(rendertest.Synthetic(100), timeline.Filter{}, render.Options{})
	page := string(write(t, v, Options{}))
	allowed := map[string]bool{"https://github.com/ecomfe/zrender/blob/master/LICENSE.txt": true} // in a licence comment
	// XML namespace names of ECharts' SVG renderer: identifiers, never fetched.
	for _, ns := range []string{"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink", "http://www.w3.org/2000/xmlns/", "http://www.w3.org/XML/1998/namespace"} {
		allowed[ns] = true
	}
	for _, s := range v.Sources {
		allowed[s.URL] = true
	}
	for _, u := range regexp.MustCompile(`(?i)\b(?:https?|wss?|ftp)://[^\s"'<>)\\]*`).FindAllString(page, -1) {
		if !allowed[u] {
			t.Errorf("page references %s", u)
		}
	}
	// A <link> only to a place in the page itself (rel=expect: the first
	// frame waits for the footer), never to a file or an address.
	for _, l := range regexp.MustCompile(`(?i)<link\b[^>]*>`).FindAllString(page, -1) {
		if !regexp.MustCompile(`^<link rel="expect" href="#[\w-]+" blocking="render">$`).MatchString(l) {
			t.Errorf("page contains %s", l)
		}
	}
	for _, bad := range []string{"go-echarts", "@import", "<iframe", "fetch(", "XMLHttpRequest"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	// url( only to a fragment of the page itself (the SVG renderer's
	// url(#gradient)), never to a file or an address.
	if u := regexp.MustCompile(`url\(\s*(?:"[^#"]|'[^#']|[^#"'\s])`).FindString(page); u != "" {
		t.Errorf("page contains %q", u)
	}
}

func TestLinks(t *testing.T) {
	v := render.Build(loadSmall(t), timeline.Filter{}, render.Options{})
	page := string(write(t, v, Options{Assets: goldenAssets}))
	for _, e := range v.Events {
		if !strings.Contains(page, fmt.Sprintf(`<tr id="%s">`, e.Anchor)) {
			t.Errorf("no row anchor %s", e.Anchor)
		}
		for _, n := range e.Notes {
			if !strings.Contains(page, fmt.Sprintf(`<a href="#src-%d">%d</a>`, n, n)) {
				t.Errorf("no footnote link %d", n)
			}
		}
	}
	// Sources are numbered in list order, so their items need no value
	// attribute (which makes Chromium's style recalculation quadratic).
	for i, s := range v.Sources {
		if s.N != i+1 || !strings.Contains(page, fmt.Sprintf(`<li id="src-%d">`, s.N)) {
			t.Errorf("source %d, at %d in the list: no anchor <li id=\"src-%d\">", s.N, i+1, s.N)
		}
		for _, e := range s.CitedBy {
			if !strings.Contains(page, fmt.Sprintf(`<a href="#%s">`, e.Anchor)) {
				t.Errorf("source %d: no back-link to %s", s.N, e.Anchor)
			}
		}
	}
	if !strings.Contains(page, `<a href="https://example.org/a?b=1&amp;c=2">`) {
		t.Errorf("source URL not linked")
	}
	// Following a source's link tells its site nothing of the page.
	if !strings.Contains(page, `<meta name="referrer" content="no-referrer">`) {
		t.Errorf("no referrer policy")
	}
}

// TestSourceNotes checks that each source lists the source document's
// footnotes that cite its work, merged ones too, as the list command and
// the PDF do.
func TestSourceNotes(t *testing.T) {
	d, ps, err := timeline.Load("notes.json", []byte(`{"title":"Notes","document":"doc",
"categories":[{"id":"c","label":"C"}],
"sources":[
{"id":"doc","kind":"government","author":"CRS","title":"The report","date":"2025"},
{"id":"r2","kind":"government","footnote":2,"author":"State Department","title":"Patterns","date":"1994"},
{"id":"r5","kind":"government","footnote":5,"author":"State Department","title":"Patterns","date":"1994"},
{"id":"r3","kind":"government","footnote":3,"author":"State Department","title":"Patterns","date":"1994"},
{"id":"x","kind":"press","footnote":10,"author":"A. Writer","title":"Article","date":"2001"}],
"events":[
{"id":"a","date":"1990","title":"A","category":"c","sources":["r3","doc"]},
{"id":"b","date":"1991","title":"B","category":"c","sources":["r2","x"]},
{"id":"c","date":"1992","title":"C","category":"c","sources":["r5"]}]}`))
	if err != nil || len(ps) > 0 {
		t.Fatal(err, ps)
	}
	v := render.Build(d, timeline.Filter{}, render.Options{})
	page := string(write(t, v, Options{Assets: goldenAssets}))
	want := map[string]string{"State Department": "report notes 2, 3, 5", "A. Writer": "report note 10", "CRS": ""}
	for _, s := range v.Sources {
		if s.NotesLabel() != want[s.Author] {
			t.Errorf("source %d (%s): NotesLabel %q, want %q", s.N, s.Author, s.NotesLabel(), want[s.Author])
		}
		li := regexp.MustCompile(fmt.Sprintf(`(?s)<li id="src-%d".*?</li>`, s.N)).FindString(page)
		switch n := s.NotesLabel(); {
		case n != "" && !strings.Contains(li, `<span class="fn">`+n+`</span>`):
			t.Errorf("source %d lacks %q: %s", s.N, n, li)
		case n == "" && strings.Contains(li, `class="fn"`):
			t.Errorf("source %d shows notes: %s", s.N, li)
		}
		if s == v.Document && !strings.Contains(li, "the source document") {
			t.Errorf("the source document does not say so: %s", li)
		}
	}
	if !strings.Contains(page, "A report note is the footnote of the source document that cites the same work.") {
		t.Errorf("the source list does not say what a report note is")
	}
	// Back-links are apart.
	if want := `cited by <a href="#ev-a">1990</a>; <a href="#ev-b">1991</a>; <a href="#ev-c">1992</a></span>`; !strings.Contains(page, want) {
		t.Errorf("page lacks %s", want)
	}
}

// TestRightToLeftRanges checks the markup that keeps a number range in
// order beside right-to-left text: an era's label is isolated (bdi) and
// its span is left-to-right, so that "دوران 1960–1980" never reads
// "1980–1960 دوران"; event titles and summaries take their direction
// from their own text.
func TestRightToLeftRanges(t *testing.T) {
	d, _, err := timeline.Load("rtl.json", []byte(`{"title":"t","language":"fa",
		"eras":[{"id":"e","label":"دوران","span":"1960/1980"}],
		"sources":[{"id":"s","title":"منبع"}],
		"events":[{"id":"a","date":"1965/1970","title":"مریم رجوی","summary":"Maryam Rajavi (مریم رجوی) said","era":"e","sources":["s"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	page := string(write(t, render.Build(d, timeline.Filter{}, render.Options{Version: "test"}), Options{Assets: "echarts.min.js"}))
	for _, want := range []string{
		`<bdi>دوران</bdi> <span class="n" dir="ltr">1960–1980</span> <span class="c">1</span></button>`,
		`<bdi>دوران</bdi> <span class="n" dir="ltr">1960–1980</span></li>`,
		`<td dir="ltr">1965–1970<th dir="auto">مریم رجوی<td dir="auto">Maryam Rajavi (مریم رجوی) said<td><bdi>دوران</bdi>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

// TestKeyDescriptions: the page's key lists every era, with its span and
// count, and every category, each with its description under it, rich
// text as HTML (links only to the web, with rel="noopener noreferrer"),
// on a small page and on a big one.
func TestKeyDescriptions(t *testing.T) {
	d := loadJSON(t, "desc.json", `{"title":"Descriptions",
"eras":[{"id":"a","label":"First <era>","span":"1990/1999","description":"The *first* decade, see [the report](https://example.org/r?a=1&b=2) and [a file](docs/x.pdf)."},
{"id":"b","label":"Second","span":"2000/2009"}],
"categories":[{"id":"c","label":"Politics","description":"Votes & laws."}],
"events":[{"id":"e1","date":"1995","title":"One","summary":"S.","era":"a","category":"c"},
{"id":"e2","date":"2005","title":"Two","summary":"S.","era":"b","category":"c"}]}`)
	v := render.Build(d, timeline.Filter{}, render.Options{Version: "test"})
	for _, big := range []bool{false, true} {
		if big {
			defer func(n int) { bigRows = n }(bigRows)
			bigRows = 1
		}
		page := html.UnescapeString(string(write(t, v, Options{Assets: goldenAssets})))
		i, j := strings.Index(page, `<details class="key"`), strings.Index(page, `</details>`)
		if i < 0 || j < i {
			t.Fatalf("big %v: no key", big)
		}
		key := page[i:j]
		for _, want := range []string{
			`<bdi>First <era></bdi> <span class="n" dir="ltr">1990–1999</span> <span class="n">(1)</span><p class="desc" dir="auto">The <em>first</em> decade, see <a href="https://example.org/r?a=1&b=2" rel="noopener noreferrer">the report</a> and a file.</p></li>`,
			`<bdi>Second</bdi> <span class="n" dir="ltr">2000–2009</span> <span class="n">(1)</span></li>`,
			`<bdi>Politics</bdi> <span class="n">(2)</span><p class="desc" dir="auto">Votes & laws.</p></li>`,
		} {
			if !strings.Contains(key, want) {
				t.Errorf("big %v: the key lacks %s\n%s", big, want, key)
			}
		}
	}
}
