package pdfout

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/timeline-tool/timeline/internal/golden"
	"github.com/timeline-tool/timeline/timeline"
)

func TestShape(t *testing.T) {
	all := func(rune) bool { return true }
	for _, c := range []struct{ in, want string }{
		// seen: initial; lam: medial; alef: final; meem: isolated.
		{"سلم", "\uFEB3\uFEE0\uFEE2"},
		{"سام", "\uFEB3\uFE8E\uFEE1"},
		// lam and alef make one ligature, final after seen.
		{"سلام", "\uFEB3\uFEFC\uFEE1"},
		// lam-alef ligature, isolated and final.
		{"لا", "\uFEFB"},
		{"سلا", "\uFEB3\uFEFC"},
		{"إله", "\uFE87\uFEDF\uFEEA"},
		// Persian: keheh, peh, farsi yeh, gaf from Presentation Forms-A.
		{"کتاب", "\uFB90\uFE98\uFE8E\uFE8F"},
		{"پی", "\uFB58\uFBFD"},
		{"گل", "\uFB94\uFEDE"},
		// A zero width non-joiner stops joining; it stays for the caller
		// to drop.
		{"می\u200cخواهم", "\uFEE3\uFBFD\u200c\uFEA7\uFEEE\uFE8D\uFEEB\uFEE2"},
		// Marks are transparent: beh joins noon across a fatha.
		{"بَن", "\uFE91\u064E\uFEE6"},
		// Right-joining letters do not join what follows.
		{"دار", "\uFEA9\uFE8D\uFEAD"},
		// Latin and Hebrew are unchanged.
		{"abc שלום", "abc שלום"},
	} {
		if got := string(shape([]rune(c.in), all)); got != c.want {
			t.Errorf("shape(%q) = %+q, want %+q", c.in, got, c.want)
		}
	}
	// A form no font has is not used.
	if got := string(shape([]rune("سلم"), func(r rune) bool { return r != 0xFEB3 })); got != "س\uFEE0\uFEE2" {
		t.Errorf("shape without the initial seen = %+q", got)
	}
	// Shaping twice changes nothing: lines are shaped when wrapped and
	// again when drawn.
	once := shape([]rune("سلام لا إله مریم"), all)
	if twice := shape(once, all); !slices.Equal(once, twice) {
		t.Errorf("shape is not idempotent: %+q, %+q", string(once), string(twice))
	}
}

func TestVisual(t *testing.T) {
	vis := func(s string) string {
		cs := make([]cell, 0, len(s))
		for _, r := range s {
			cs = append(cs, cell{r: r})
		}
		var b strings.Builder
		for _, c := range visual(cs) {
			b.WriteRune(c.r)
		}
		return b.String()
	}
	for _, c := range []struct{ in, want string }{
		{"plain text (1960–1980)", "plain text (1960–1980)"},
		// A right-to-left name in a left-to-right line: its words read
		// right to left, its brackets stay around it.
		{"Maryam Rajavi (مریم رجوی) said", "Maryam Rajavi (یوجر میرم) said"},
		// A right-to-left line: numbers keep their order.
		{"שלום 1967", "1967 םולש"},
		{"שלום עולם 1970–1975", "1970–1975 םלוע םולש"},
		{"دوران 1960–1980", "1960–1980 نارود"},
		// Numbers after right-to-left text in a left-to-right line.
		{"The name שלום 12 here", "The name 12 םולש here"},
		// Hebrew and Arabic digits ranges in right-to-left text.
		{"בין 1971–1974 בנמל", "למנב 1971–1974 ןיב"},
		{"سال ۱۳۴۹ بود", "دوب ۱۳۴۹ لاس"},
		// Brackets in right-to-left text are mirrored.
		{"שלום (עולם)", "(םלוע) םולש"},
	} {
		if got := vis(c.in); got != c.want {
			t.Errorf("visual(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestWrapCJK(t *testing.T) {
	d := newDoc(build(loadSmall(t), timeline.Filter{}), "letter", Options{Fonts: []*Font{cjkFont(t)}})
	text := "十一户渔民家庭共同创办了合作社，并购买了第一艘渔船。合作社的章程规定，每个家庭都有一票表决权。日本語のテキストです。"
	for _, w := range []float64{60, 100, 200} {
		lines := d.wrap(text, serif, 10, w)
		if len(lines) < 2 {
			t.Fatalf("width %v: %d lines", w, len(lines))
		}
		if got := strings.Join(lines, ""); got != text {
			t.Errorf("width %v: lines %q lose or add characters", w, lines)
		}
		for i, l := range lines {
			if lw := d.textWidth(l, serif, 10); lw > w {
				t.Errorf("width %v: line %q is %.1f wide", w, l, lw)
			}
			if r := []rune(l)[0]; i > 0 && noBreakBefore(r) {
				t.Errorf("width %v: line %d starts with %q", w, i, r)
			}
		}
	}
	// Latin text in the same paragraph still breaks at spaces only.
	lines := d.wrap("Founded 合作社 by eleven families of the lake", serif, 10, 90)
	for _, l := range lines {
		for _, w := range strings.Fields(l) {
			if !strings.Contains("Founded 合作社 by eleven families of the lake", w) {
				t.Errorf("a word was broken: %q in %q", w, lines)
			}
		}
	}
}

// scriptFonts are the fonts the script tests give with --font.
func scriptFonts(t *testing.T) []*Font {
	return []*Font{cjkFont(t), systemFont(t, symbolaPath), systemFont(t, nanumPath)}
}

// logical returns s as its words compare: compatibility forms (Arabic
// presentation forms, fullwidth forms) folded, format characters
// (joiners, direction marks) and combining marks left out, since
// pdftotext puts the marks and the punctuation of a right-to-left line
// where it sees them.
func logical(s string) string {
	s = norm.NFKC.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.In(r, unicode.Cf, unicode.Mn) {
			return -1
		}
		return r
	}, s)
}

// words returns the words of s, without the punctuation around them.
func words(s string) []string {
	var ws []string
	for _, w := range strings.Fields(s) {
		if w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) }); w != "" {
			ws = append(ws, w)
		}
	}
	return ws
}

// TestScripts writes a briefing of each dataset of testdata/scripts and
// reads it back with poppler: every word of every title and summary
// comes back (right-to-left words in their logical order), the fonts
// that hold its script are embedded, nothing is a placeholder (the
// emoji beyond U+FFFF print in Symbola and read back through their
// ActualText), the same input gives the same bytes, and page 1
// is rendered to testdata/out/NAME.png to look at.
func TestScripts(t *testing.T) {
	fonts := scriptFonts(t)
	want := map[string][]string{ // fonts pdffonts must list, besides Liberation
		"fa": {"DejaVuSans"}, "ar": {"DejaVuSans"}, "he": nil, "ru": nil, // Liberation has Hebrew
		"zh": {"DroidSansFallbackFull"}, "ja": {"DroidSansFallbackFull"}, "ko": {"NanumGothic"},
		"emoji": {"Symbolahint"}, "mixed": {"DejaVuSans"},
	}
	out := filepath.Join("testdata", "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, fontNames := range want {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "scripts", name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			d, _, err := timeline.Load(name+".json", b)
			if err != nil {
				t.Fatal(err)
			}
			v := build(d, timeline.Filter{})
			missing := Check(v, fonts)
			if len(missing) > 0 {
				t.Errorf("missing %v", missing)
			}
			path, pdf := write(t, v, Options{Fonts: fonts})
			var again bytes.Buffer
			if err := Write(&again, v, Options{Fonts: fonts}); err != nil || !bytes.Equal(again.Bytes(), pdf) {
				t.Errorf("a second run gives other bytes (%v)", err)
			}
			got := logical(text(t, path))
			bare := strings.ReplaceAll(got, " ", "")
			for _, e := range v.Events {
				for _, s := range []string{e.Title, e.Summary} {
					for _, w := range words(logical(s)) {
						if !strings.Contains(got, w) && !strings.Contains(bare, w) {
							t.Errorf("event %s: %q does not come back in:\n%s", e.ID, w, got)
						}
					}
				}
			}
			if n := strings.Count(got, "\uFFFD"); n > 0 {
				t.Errorf("%d placeholders", n)
			}
			if !strings.Contains(got, "/Lang") && !bytes.Contains(pdf, []byte("/Lang ("+v.Language+")")) {
				t.Errorf("no /Lang (%s)", v.Language)
			}
			fl := run(t, "pdffonts", path)
			for _, f := range append([]string{"liberationserif", "liberationsans"}, fontNames...) {
				if !strings.Contains(strings.ToLower(fl), "utf8"+strings.ToLower(f)) {
					t.Errorf("pdffonts lacks %s:\n%s", f, fl)
				}
			}
			for _, l := range strings.Split(fl, "\n")[2:] {
				if f := strings.Fields(l); len(f) > 4 && f[len(f)-5] != "yes" {
					t.Errorf("a font is not embedded: %s", l)
				}
			}
			run(t, "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", path, filepath.Join(out, name))
		})
	}
}

// TestMixedLineOrder reads the word boxes of the mixed-direction title
// back from the PDF and compares their visual order, left to right, with
// the golden testdata/scripts/mixed.visual: "Maryam Rajavi (مریم رجوی)
// said so" shows رجوی left of مریم, each drawn right to left.
func TestMixedLineOrder(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "scripts", "mixed.json"))
	if err != nil {
		t.Fatal(err)
	}
	d, _, err := timeline.Load("mixed.json", b)
	if err != nil {
		t.Fatal(err)
	}
	path, _ := write(t, build(d, timeline.Filter{}), Options{})
	bbox := run(t, "pdftotext", "-bbox", "-f", "1", "-l", "1", path, "-")
	word := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)"[^>]*>([^<]*)</word>`)
	type box struct {
		x, y float64
		s    string
	}
	var line []box
	var y float64 = -1
	for _, m := range word.FindAllStringSubmatch(bbox, -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		yy, _ := strconv.ParseFloat(m[2], 64)
		if m[3] == "Maryam" && y < 0 && x > 100 {
			y = yy
		}
		if y >= 0 && yy > y-2 && yy < y+2 {
			line = append(line, box{x, yy, logical(m[3])})
		}
	}
	slices.SortFunc(line, func(a, b box) int {
		if a.x < b.x {
			return -1
		}
		return 1
	})
	var words []string
	for _, b := range line {
		words = append(words, b.s)
	}
	got := strings.Join(words, " ") + "\n"
	golden.Check(t, filepath.Join("testdata", "scripts", "mixed.visual"), []byte(got))
	// Whatever the golden says: the name's second word is drawn left of
	// its first, each letter by letter from the right.
	first, second := strings.Index(got, "میرم"), strings.Index(got, "یوجر")
	if first < 0 || second < 0 || second > first {
		t.Errorf("the Persian name is not in right-to-left order: %q", got)
	}
}

// FuzzText checks that any text can be measured, wrapped and drawn: no
// panic, visual order is a reordering of the same characters, wrapping
// loses nothing but spaces, and every character reaches gofpdf in a font
// that has it or as the placeholder.
func FuzzText(f *testing.F) {
	for _, s := range []string{"plain", "Maryam Rajavi (مریم رجوی) said", "שלום 1970–1975 (עולם)", "لا إله إلا الله ً",
		"中文：组织成立于一九六五年。", "🎉\u200e\u202e\x07 mixed ä", "1960–1980 دوران", "ـــ\u200dب\u200c"} {
		f.Add(s)
	}
	d := newDoc(build(loadSmall(f), timeline.Filter{}), "letter", Options{})
	d.pdf.AddPage()
	f.Fuzz(func(t *testing.T, s string) {
		s = clean(strings.ToValidUTF8(s, "\uFFFD"), false)
		cs := d.cells(s, serif)
		vis := visual(cs)
		a, b := slices.Clone(cs), slices.Clone(vis)
		key := func(c cell) rune { return c.r }
		for i := range a {
			if m, ok := mirror[a[i].r]; ok && m < a[i].r {
				a[i].r = m
			}
		}
		for i := range b {
			if m, ok := mirror[b[i].r]; ok && m < b[i].r {
				b[i].r = m
			}
		}
		byRuneFont := func(x, y cell) int {
			if key(x) != key(y) {
				return int(key(x)) - int(key(y))
			}
			return x.font - y.font
		}
		slices.SortFunc(a, byRuneFont)
		slices.SortFunc(b, byRuneFont)
		if !slices.Equal(a, b) {
			t.Fatalf("visual(%q) is not a reordering", s)
		}
		for _, c := range cs {
			if c.font >= 0 && !d.fonts[c.font].cov().has(c.r) && c.r != '\n' {
				t.Fatalf("%q: %U in a font that lacks it", s, c.r)
			}
			if c.r > 0xFFFF && c.font != noFont {
				t.Fatalf("%q: %U reaches gofpdf", s, c.r)
			}
		}
		lines := d.wrap(s, serif, 10, 120)
		squeeze := func(s string) string {
			return strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) || r == '\u200e' || r == '\u200f' {
					return -1
				}
				return r
			}, s)
		}
		var shaped []rune
		for _, c := range cs {
			shaped = append(shaped, c.r)
		}
		if got, want := squeeze(strings.Join(lines, "")), squeeze(string(shaped)); got != want {
			t.Fatalf("wrap(%q) = %q, loses characters", s, lines)
		}
		for _, l := range lines {
			d.text(serif, 10, ink, 50, 50, l)
		}
	})
}
