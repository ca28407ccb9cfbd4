package htmlout

import (
	"html/template"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/render/rendertest"
)

var escTmpl = template.Must(template.New("").Parse(`<p title="{{.}}">{{.}}</p><a href="{{.}}">x</a><a href="#{{.}}">y</a>`))

// FuzzEscape checks that the rows' escaping is html/template's, in text,
// quoted attributes, URLs and fragments.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", "plain", rendertest.Hostile, "a\x00b", "https://example.org/a?b=1&c=2#x", "javascript:alert(1)",
		"ev-\"<b>", "%41%zz%", "ü ñ 中文 'q' (p) +", "HTTP://X/Y", "mailto:a@b", "data:text/html,x", "/rel:ative", "a b\tc\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want strings.Builder
		if err := escTmpl.Execute(&want, s); err != nil {
			t.Skip(err) // html/template refuses some inputs (invalid UTF-8 is fine)
		}
		var got strings.Builder
		got.WriteString(`<p title="`)
		escText(&got, s)
		got.WriteString(`">`)
		escText(&got, s)
		got.WriteString(`</p><a href="`)
		escURL(&got, s)
		got.WriteString(`">x</a><a href="#`)
		escFragment(&got, s)
		got.WriteString(`">y</a>`)
		if got.String() != want.String() {
			t.Errorf("escaping %q:\n got %s\nwant %s", s, got.String(), want.String())
		}
	})
}
