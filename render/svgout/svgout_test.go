package svgout_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/timeline-tool/timeline/internal/golden"
	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/render/svgout"
	"github.com/timeline-tool/timeline/timeline"
)

func loadSmall(t testing.TB) *timeline.Dataset {
	t.Helper()
	b, err := os.ReadFile("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := timeline.Load("small.json", b)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func write(t testing.TB, v *render.View) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := svgout.Write(&b, v, svgout.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// texts parses an SVG document and returns the text of its <text>
// elements and of its <title> elements.
func texts(t *testing.T, b []byte) (shown, titles []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var stack []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 && (tok.Name.Local != "svg" || tok.Name.Space != "http://www.w3.org/2000/svg") {
				t.Fatalf("the root is %v", tok.Name)
			}
			if tok.Name.Local == "script" || tok.Name.Local == "foreignObject" {
				t.Errorf("the SVG holds a <%s>", tok.Name.Local)
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					t.Errorf("the SVG holds an attribute %s", a.Name.Local)
				}
			}
			stack = append(stack, tok.Name.Local)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			switch stack[len(stack)-1] {
			case "text":
				shown = append(shown, string(tok))
			case "title":
				titles = append(titles, string(tok))
			}
		}
	}
	return shown, titles
}

func TestGolden(t *testing.T) {
	v := render.Build(loadSmall(t), timeline.Filter{}, render.Options{Version: "test"})
	golden.Check(t, "testdata/small.svg", write(t, v))
}

func TestDeterministic(t *testing.T) {
	d := rendertest.Realistic(3000)
	a := write(t, render.Build(d, timeline.Filter{}, render.Options{Version: "test"}))
	b := write(t, render.Build(d, timeline.Filter{}, render.Options{Version: "test"}))
	if !bytes.Equal(a, b) {
		t.Error("the same view gave different bytes")
	}
	texts(t, a)
}

// TestVisibleLabels: the SVG parses and holds every label the layout
// shows, the title, the filter and the provenance.
func TestVisibleLabels(t *testing.T) {
	for _, f := range []timeline.Filter{{}, {Eras: []string{"late"}}} {
		v := render.Build(loadSmall(t), f, render.Options{Version: "test"})
		b := write(t, v)
		shown, titles := texts(t, b)
		all := strings.Join(shown, "\n")
		want := []string{v.Title, v.FilterText, v.CountText, "timeline test", "SHA-256", "Status", "Dates", "interval", "still open"}
		for _, c := range v.Categories {
			want = append(want, c.Label)
		}
		for _, s := range v.Statuses {
			want = append(want, s.Label)
		}
		for _, e := range v.Eras {
			want = append(want, e.Label)
		}
		for _, w := range want {
			if !strings.Contains(all, w) {
				t.Errorf("%v: the SVG shows no %q", f, w)
			}
		}
		// Every event has a mark titled with its date and title.
		for _, e := range v.Events {
			found := false
			for _, ti := range titles {
				found = found || ti == e.Label+" — "+e.Title
			}
			if !found {
				t.Errorf("%v: no mark titled for %s", f, e.ID)
			}
		}
		if !bytes.Contains(b, []byte(`viewBox="0 0 `)) {
			t.Error("no viewBox")
		}
	}
}

// TestHostile: text of the data is escaped; colours of the data never
// reach the file as written.
func TestHostile(t *testing.T) {
	d := rendertest.HostileDataset()
	d.Title += " ]]> <![CDATA[ x ]]> \x00\x1b"
	d.Categories[0].Color = `red" onload="alert(5)`
	d.Eras[0].Color = `#fff"/><script>alert(6)</script>`
	b := write(t, render.Build(d, timeline.Filter{}, render.Options{Version: "test"}))
	shown, _ := texts(t, b)
	for _, bad := range []string{"<script", "<img", "]]>", "onload", "\x00"} {
		if bytes.Contains(bytes.ToLower(b), []byte(bad)) {
			t.Errorf("the SVG holds %q as it is", bad)
		}
	}
	if all := strings.Join(shown, ""); !strings.Contains(all, "</script><script>alert(1)</script>") || !strings.Contains(all, "]]>") {
		t.Errorf("the hostile text is not shown as text: %q", all)
	}
}

// TestRTL: a right-to-left label is isolated, so that the count after it
// stays on its right.
func TestRTL(t *testing.T) {
	d := loadSmall(t)
	d.Categories[0].Label = "قانون و دادگاه"
	b := write(t, render.Build(d, timeline.Filter{}, render.Options{Version: "test"}))
	if !bytes.Contains(b, []byte("\u2068قانون و دادگاه\u2069 (2)")) {
		t.Error("the right-to-left lane label is not isolated")
	}
	if !bytes.Contains(b, []byte(`direction="ltr"`)) {
		t.Error("the SVG does not set its direction")
	}
}

// FuzzWrite: whatever the text of the data, the SVG parses and shows
// the title and the lane's label.
func FuzzWrite(f *testing.F) {
	f.Add("A title", "Law & courts", "Event")
	f.Add(rendertest.Hostile, "]]><![CDATA[", "\x00\x1b\uFFFE")
	f.Add("قانون", "\u202e\u2068x", "<title>")
	f.Fuzz(func(t *testing.T, title, label, event string) {
		d := loadSmall(t)
		d.Title, d.Categories[0].Label, d.Events[0].Title = title, label, event
		b := write(t, render.Build(d, timeline.Filter{}, render.Options{Version: "test"}))
		shown, _ := texts(t, b)
		all := strings.Join(shown, " ")
		m := strings.Join(strings.Fields(strings.ToValidUTF8(title, "\uFFFD")), " ")
		if w := []rune(m); len(w) > 0 && !strings.Contains(all, string(w[0])) && unicode.IsPrint(w[0]) {
			t.Errorf("the title's first character %q is not shown", w[0])
		}
	})
}

// BenchmarkWrite writes the SVG of realistic datasets; its baseline,
// measured in the same run, is render.Build of the same data, the view
// every output starts from.
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		d := rendertest.Realistic(n)
		b.Run("build/events="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				render.Build(d, timeline.Filter{}, render.Options{Version: "bench"})
			}
		})
		b.Run("svg/events="+strconv.Itoa(n), func(b *testing.B) {
			v := render.Build(d, timeline.Filter{}, render.Options{Version: "bench"})
			var out bytes.Buffer
			if err := svgout.Write(&out, v, svgout.Options{}); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := svgout.Write(io.Discard, v, svgout.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(out.Len())/1e3, "kB-svg")
		})
	}
}

// TestGoldenDeepTime checks the overview of deep time: ticks labelled in
// years ago, long years' labels in the marks' tooltips.
func TestGoldenDeepTime(t *testing.T) {
	v := render.Build(rendertest.DeepTime(), timeline.Filter{}, render.Options{Version: "test"})
	b := write(t, v)
	shown, titles := texts(t, b)
	for _, want := range []string{"10 billion years ago", "5 billion years ago"} {
		if !slices.Contains(shown, want) {
			t.Errorf("no tick %q in %q", want, shown)
		}
	}
	if !slices.ContainsFunc(titles, func(s string) bool { return strings.Contains(s, "13.8 billion years ago") }) {
		t.Errorf("no tooltip says 13.8 billion years ago: %q", titles)
	}
	golden.Check(t, "testdata/deep-time.svg", b)
}
