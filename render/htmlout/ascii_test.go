package htmlout

import (
	"bytes"
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/timeline-tool/timeline/data"
	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

func TestASCIIEscapes(t *testing.T) {
	for _, tc := range []struct{ in, html, js string }{
		{"", "", ""},
		{"plain <b> & \"x\"", "plain <b> & \"x\"", "plain <b> & \"x\""},
		{"“Quoted,” 1979–1981 …", "&#x201c;Quoted,&#x201d; 1979&#x2013;1981 &#x2026;", `\u201cQuoted,\u201d 1979\u20131981 \u2026`},
		{"é", "&#xe9;", `\u00e9`},
		{"گاه", "&#x6af;&#x627;&#x647;", `\u06af\u0627\u0647`},
		{"a😀b", "a&#x1f600;b", `a\ud83d\ude00b`},
		{"bad \xff byte", "bad &#xfffd; byte", `bad \ufffd byte`},
		{"c1 \u009b", "c1 \u009b", `c1 \u009b`},
	} {
		if got := string(appendHTMLASCII(nil, []byte(tc.in))); got != tc.html {
			t.Errorf("appendHTMLASCII(%q) = %q, want %q", tc.in, got, tc.html)
		}
		if got := string(appendJSASCII(nil, []byte(tc.in))); got != tc.js {
			t.Errorf("appendJSASCII(%q) = %q, want %q", tc.in, got, tc.js)
		}
	}
}

// FuzzASCII: the escapes of any text are ASCII and read back as the text,
// in HTML (after html.EscapeString, as the template escapes it) and in
// JSON.
func FuzzASCII(f *testing.F) {
	for _, s := range []string{"", "a", "“x” – y", "گاهشمار", "😀", "\xff", "&amp; <", `"\u2028"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		h := appendHTMLASCII(nil, []byte(html.EscapeString(s)))
		if i := nonASCII(h); i < len(h) && !c1.Match(h[i:]) {
			t.Fatalf("HTML %q not ASCII at %d", h, i)
		}
		if got := html.UnescapeString(string(h)); got != s {
			t.Fatalf("HTML %q reads back as %q, want %q", h, got, s)
		}
		var b bytes.Buffer
		if err := json.NewEncoder(&jsASCII{w: &b}).Encode(s); err != nil {
			t.Fatal(err)
		}
		if i := nonASCII(b.Bytes()); i < b.Len() {
			t.Fatalf("JSON %q not ASCII at %d", b.Bytes(), i)
		}
		var got string
		if err := json.Unmarshal(b.Bytes(), &got); err != nil || got != s {
			t.Fatalf("JSON %q reads back as %q (%v), want %q", b.Bytes(), got, err, s)
		}
	})
}

// c1 matches a C1 control at the start of a text, which HTML text keeps.
var c1 = regexp.MustCompile(`^[\x{80}-\x{9f}]`)

// TestPageASCII: a page whose text is mostly ASCII (English, with its
// typographic quotes and dashes) is written all in ASCII, its scripts and
// style sheet included, and its text reads back the same; a page mostly
// in another script is written in UTF-8.
func TestPageASCII(t *testing.T) {
	mek, err := data.MEK()
	if err != nil {
		t.Fatal(err)
	}
	if i := nonASCII([]byte(pageJS)); i < len(pageJS) {
		t.Errorf("the page script is not ASCII at %d: %.40q", i, pageJS[i:])
	}
	if css := themeCSS + pageCSS; nonASCII([]byte(css)) < len(css) {
		t.Errorf("the style sheet is not ASCII")
	}
	for _, tc := range []struct {
		name  string
		d     *timeline.Dataset
		ascii bool
	}{
		{"embedded", mek, true},
		{"realistic-1000", rendertest.Realistic(1000), true},
		{"persian", loadJSON(t, "fa.json", faJSON), false},
	} {
		v := render.Build(tc.d, timeline.Filter{}, render.Options{Version: "test"})
		page := write(t, v, Options{Assets: goldenAssets})
		if got := nonASCII(page) == len(page); got != tc.ascii {
			t.Errorf("%s: page all in ASCII %v, want %v", tc.name, got, tc.ascii)
		}
		// The text the script reads is the view's, escaped or not.
		if isBig(v) {
			pd := pageText(t, string(page))
			for i, e := range v.Events {
				if pd.Text[textFields*i+2] != e.Title || pd.Text[textFields*i+3] != timeline.PlainText(e.Summary) {
					t.Fatalf("%s: event %s's text reads back as %q, %q", tc.name, e.ID, pd.Text[textFields*i+2], pd.Text[textFields*i+3])
				}
			}
		}
		if !strings.Contains(html.UnescapeString(string(page)), "<h1 dir=\"auto\">"+v.Title+"</h1>") {
			t.Errorf("%s: the page's heading does not read %q", tc.name, v.Title)
		}
	}
}
