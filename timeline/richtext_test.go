package timeline

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseText(t *testing.T) {
	em := func(s string) Span { return Span{Text: s, Em: true} }
	strong := func(s string) Span { return Span{Text: s, Strong: true} }
	text := func(s string) Span { return Span{Text: s} }
	for _, tc := range []struct {
		in   string
		want []Span
	}{
		{"", nil},
		{"Plain words.", []Span{text("Plain words.")}},
		{"a *word* here", []Span{text("a "), em("word"), text(" here")}},
		{"a _word_ here", []Span{text("a "), em("word"), text(" here")}},
		{"**Strong** start", []Span{strong("Strong"), text(" start")}},
		{"__strong__", []Span{strong("strong")}},
		{"*a **b** c*", []Span{em("a "), {Text: "b", Em: true, Strong: true}, em(" c")}},
		{"see [the notice](https://example.org/n).", []Span{text("see "), {Text: "the notice", Link: "https://example.org/n"}, text(".")}},
		{"[a *b*](img/x.pdf)", []Span{{Text: "a ", Link: "img/x.pdf"}, {Text: "b", Em: true, Link: "img/x.pdf"}}},
		{"[Twain](https://en.wikipedia.org/wiki/Twain_(disambiguation)) wrote", []Span{{Text: "Twain", Link: "https://en.wikipedia.org/wiki/Twain_(disambiguation)"}, text(" wrote")}},
		// Prose reads as written.
		{"5 * 3 * 2 = 30", []Span{text("5 * 3 * 2 = 30")}},
		{"snake_case_name and a_b", []Span{text("snake_case_name and a_b")}},
		{"2*3*4", []Span{text("2*3*4")}},
		{"the [sic] text", []Span{text("the [sic] text")}},
		{"[1] and [2]", []Span{text("[1] and [2]")}},
		{"a [link](with space) b", []Span{text("a [link](with space) b")}},
		{"*unclosed and ** too", []Span{text("*unclosed and ** too")}},
		{"***three***", []Span{text("***three***")}},
		{"* a list item", []Span{text("* a list item")}},
		{"C:\\path and \\d", []Span{text("C:\\path and \\d")}},
		// Escapes.
		{`\*not em\*`, []Span{text("*not em*")}},
		{`a \[b\](c) \\ d`, []Span{text(`a [b](c) \ d`)}},
		// A link that is not safe is its text alone.
		{"[click](javascript:alert(1))", []Span{text("click")}},
		{"[x](data:text/html,hi) y", []Span{text("x y")}},
		{"[x](../up.html)", []Span{text("x")}},
		// No link across a line break; paragraphs stay.
		{"[a\nb](https://e.org)", []Span{text("[a\nb](https://e.org)")}},
		{"one *line*\ntwo", []Span{text("one "), em("line"), text("\ntwo")}},
	} {
		got := ParseText(tc.in)
		if !spansEqual(got, tc.want) {
			t.Errorf("ParseText(%q) = %#v, want %#v", tc.in, got, tc.want)
		}
	}
}

func spansEqual(a, b []Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestTextLinksAndHTML(t *testing.T) {
	s := "See [the *notice*](https://example.org/n?a=1&b=2) and [bad](javascript:x) <b>."
	links := TextLinks(s)
	if len(links) != 2 || links[0] != (TextLink{"https://example.org/n?a=1&b=2", 4}) || links[1] != (TextLink{"javascript:x", 54}) {
		t.Errorf("TextLinks = %#v", links)
	}
	want := `See <a href="https://example.org/n?a=1&amp;b=2" rel="noopener noreferrer">the <em>notice</em></a> and bad &lt;b&gt;.`
	if got := textHTML(s); got != want {
		t.Errorf("textHTML =\n%s\nwant\n%s", got, want)
	}
	if got := textHTML("**a *b* c** d"); got != "<strong>a <em>b</em> c</strong> d" {
		t.Errorf("nested: %s", got)
	}
	if got := PlainText(s); got != "See the notice and bad <b>." {
		t.Errorf("PlainText = %q", got)
	}
}

func TestFormatText(t *testing.T) {
	l := "https://example.org/a"
	for _, tc := range []struct {
		in   []Span
		want string
	}{
		{[]Span{{Text: "5 * 3 and [sic]"}}, "5 * 3 and [sic]"},
		{[]Span{{Text: "an "}, {Text: "emphasis ", Em: true}, {Text: "here"}}, "an *emphasis* here"},
		{[]Span{{Text: "see "}, {Text: "this", Link: l, Strong: true}}, "see [**this**](https://example.org/a)"},
		{[]Span{{Text: "*stars*", Em: true}}, `*\*stars\**`},
		{[]Span{{Text: "x", Link: "https://e.org/a_(b"}}, "[x](https://e.org/a_%28b)"},
		// Emphasis inside a word cannot be written: the text stays.
		{[]Span{{Text: "foo"}, {Text: "bar", Em: true}, {Text: "baz"}}, "foobarbaz"},
	} {
		got := FormatText(tc.in)
		if got != tc.want {
			t.Errorf("FormatText(%#v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzRichText: any text parses without panic, its spans carry only safe
// links and make its plain text; escaped text reads as itself; and what
// FormatText writes of the spans reads back to the same text.
func FuzzRichText(f *testing.F) {
	for _, s := range []string{"a *b* c", "[x](https://e.org/(y))", `\*`, "**a *b* c**", "[[x]](y)", "_a_b_", "x ](", "*[a*](b)*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 || !utf8.ValidString(s) {
			return
		}
		spans := ParseText(s)
		var b strings.Builder
		for _, sp := range spans {
			if sp.Text == "" {
				t.Fatalf("empty span in %q", s)
			}
			if sp.Link != "" && !SafeMediaURL(sp.Link) {
				t.Fatalf("unsafe link %q in %q", sp.Link, s)
			}
			b.WriteString(sp.Text)
		}
		if b.String() != PlainText(s) {
			t.Fatalf("spans %q, PlainText %q", b.String(), PlainText(s))
		}
		if p := PlainText(EscapeText(s)); p != s {
			t.Fatalf("PlainText(EscapeText(%q)) = %q", s, p)
		}
		if back := FormatText(spans); PlainText(back) != PlainText(s) {
			t.Fatalf("FormatText of %q = %q reads %q", s, back, PlainText(back))
		}
		if h := textHTML(s); strings.Contains(h, "<script") || strings.Count(h, "<a ") != strings.Count(h, "</a>") {
			t.Fatalf("textHTML(%q) = %q", s, h)
		}
	})
}

// textHTML is rich text s as WriteTextHTML writes it, escaped by
// html.EscapeString.
func textHTML(s string) string {
	var b strings.Builder
	WriteTextHTML(&b, ParseText(s), nil, nil)
	return b.String()
}
