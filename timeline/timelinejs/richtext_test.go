package timelinejs

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

// TestPlainTextRich: TimelineJS's HTML becomes rich text, its links
// (web addresses and paths beside the file), bold and italic kept, white
// space collapsed as a browser would, the rest as text.
func TestPlainTextRich(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<p>Plain, 5 * 3 and [sic].</p>", "Plain, 5 * 3 and [sic]."},
		{"a <b>bold</b> and <strong>strong</strong>, <i>it</i> and <em>em</em>", "a **bold** and **strong**, *it* and *em*"},
		{`<p>See <a href="https://e.org/a?x=1&amp;y=2">the <em>report</em></a>.</p><p>Next</p>`, "See [the *report*](https://e.org/a?x=1&y=2).\nNext"},
		{`one<br>two<br/>three`, "one\ntwo\nthree"},
		{`<a href="javascript:alert(1)">click</a> <a href="mailto:x@e.org">mail</a> <a href="docs/r.pdf">doc</a>`, "click mail [doc](docs/r.pdf)"},
		{`<b> spaced </b>out`, "**spaced** out"},
		{`in<i>side</i>word`, "insideword"},
		{`a *star* and \ back`, `a \*star\* and \ back`},
		{`<script>alert(1)</script><b onclick="x">safe</b>`, "**safe**"},
		{`<a href="https://e.org/w_(x)">paren</a>`, "[paren](https://e.org/w_(x))"},
	} {
		if got := plainText(tc.in).rich; got != tc.want {
			t.Errorf("plainText(%q).rich = %q, want %q", tc.in, got, tc.want)
		}
		if got, want := timeline.PlainText(plainText(tc.in).rich), plainText(tc.in).text; got != want {
			t.Errorf("%q: rich text reads %q, plain text %q", tc.in, got, want)
		}
	}
}

// TestRichTextRoundTrip: the links and formatting of every slide of the
// test timelines survive TimelineJS → ours → TimelineJS (JSON and sheet):
// each slide's text written back reads as the same rich text, and the
// links the export writes are real <a href> with rel, <strong> and <em>.
func TestRichTextRoundTrip(t *testing.T) {
	for _, f := range []string{"testdata/roundtrip/every-feature.json", "testdata/json/features.json"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, _, err := ReadJSON(f, data)
		if err != nil {
			t.Fatal(err)
		}
		var orig struct {
			Events []struct {
				UniqueID string                `json:"unique_id"`
				Text     struct{ Text string } `json:"text"`
			} `json:"events"`
		}
		if err := json.Unmarshal(data, &orig); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{}
		for _, s := range orig.Events {
			want[s.UniqueID] = plainText(s.Text.Text).rich
		}
		var out bytes.Buffer
		if err := Write(&out, d); err != nil {
			t.Fatal(err)
		}
		written := build(d)
		for _, s := range written.Events {
			if w, ok := want[s.UniqueID]; ok && w != "" {
				if got := plainText(s.Text.Text).rich; got != w {
					t.Errorf("%s %s: written back as %q, was %q", f, s.UniqueID, got, w)
				}
			}
		}
		if strings.HasSuffix(f, "every-feature.json") {
			for _, frag := range []string{"<strong>412</strong>", "<em>collected in a week</em>",
				`<a class="timeline-link" href="https://example.org/petition" rel="noopener noreferrer">the <em>petition</em></a>`,
				`<a class="timeline-link" href="https://en.wikipedia.org/wiki/Petition_(law)" rel="noopener noreferrer">petition (law)</a>`,
				`a *literal* star and [brackets]`, `<strong>for ten years</strong>`,
				`<i>rope</i>`} {
				if !strings.Contains(out.String(), jsonString(frag)) && !strings.Contains(out.String(), jsonString(strings.ReplaceAll(strings.ReplaceAll(frag, "<i>", "<em>"), "</i>", "</em>"))) {
					t.Errorf("%s: the export lacks %s", f, frag)
				}
			}
		}
	}
}

// jsonString returns s as encoding/json writes it inside a string.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}
