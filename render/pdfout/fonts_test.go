package pdfout

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

// Fonts from Debian packages that the tests use; make test installs
// them. A test that needs one fails in CI when it is missing and skips
// elsewhere.
const (
	droidPath   = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"  // fonts-droid-fallback: CJK
	symbolaPath = "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf" // fonts-symbola: symbols
	hanaPath    = "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"            // fonts-hanazono: a 22 MB CJK font
	nanumPath   = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"            // fonts-nanum: Korean
)

func systemFont(t testing.TB, path string) *Font {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing (make test installs it): %v", path, err)
		}
		t.Skipf("%s is missing: run make test, which installs it", path)
	}
	f, err := LoadFont(path)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func cjkFont(t testing.TB) *Font { return systemFont(t, droidPath) }

// TestBigFontSubset checks that a 22 MB CJK font embeds only the glyphs
// a 100-event briefing uses: the file is a small part of the font.
func TestBigFontSubset(t *testing.T) {
	big := systemFont(t, hanaPath)
	if len(big.ttf) < 15<<20 {
		t.Fatalf("%s is %d bytes, not a full CJK font", hanaPath, len(big.ttf))
	}
	v := build(cjkDataset(100), timeline.Filter{})
	path, pdf := write(t, v, Options{Fonts: []*Font{big}, StrictGlyphs: true})
	if len(pdf) > 2<<20 {
		t.Errorf("the PDF is %d bytes: the font was not subset", len(pdf))
	}
	if out := run(t, "pdffonts", path); !strings.Contains(out, "utf8hanamina") {
		t.Errorf("pdffonts lacks HanaMinA:\n%s", out)
	}
	if got := text(t, path); !strings.Contains(strings.ReplaceAll(got, " ", ""), v.Events[0].Title) {
		t.Errorf("the first title does not come back")
	}
}

// FuzzParseFont checks that ParseFont never panics and that a font it
// accepts can be drawn with: gofpdf prints or panics on fonts it cannot
// read, so none may get through.
func FuzzParseFont(f *testing.F) {
	ttf := builtin[dejaVu].ttf
	f.Add(ttf[:4096])
	f.Add([]byte("ttcf\x00\x01\x00\x00"))
	f.Add([]byte("OTTO\x00\x01\x00\x00"))
	f.Add(append([]byte{0, 1, 0, 0, 0, 12}, make([]byte, 300)...))
	f.Add(builtin[sans].ttf[:20000])
	f.Fuzz(func(t *testing.T, b []byte) {
		font, err := ParseFont("fuzz.ttf", b)
		if err != nil {
			var fe *FontError
			if !errors.As(err, &fe) || fe.File != "fuzz.ttf" {
				t.Fatalf("error %v does not name the file", err)
			}
			return
		}
		v := build(loadSmall(t), timeline.Filter{})
		if err := Write(io.Discard, v, Options{Fonts: []*Font{font}}); err != nil {
			t.Fatalf("an accepted font fails: %v", err)
		}
	})
}

// TestParseFontAcceptsEmbedded checks the fonts the tool embeds pass
// the checks --font fonts go through.
func TestParseFontAcceptsEmbedded(t *testing.T) {
	for _, f := range builtin {
		if _, err := ParseFont(f.name+".ttf", f.ttf); err != nil {
			t.Errorf("%s %s: %v", f.name, f.style, err)
		}
	}
}

// TestAstral checks that a symbol font's emoji beyond U+FFFF, which
// gofpdf cannot address, answer to unused Private Use Area code points in
// the font given to it, that Check counts them as drawn, and that the
// PDF draws them and reads them back as themselves.
func TestAstral(t *testing.T) {
	sym := systemFont(t, symbolaPath)
	pua, ok := sym.astral[0x1F389]
	if !ok || pua < 0xE000 || pua > 0xF8FF || !sym.cov().has(pua) {
		t.Fatalf("U+1F389 maps to %U (%v); covered: %v", pua, ok, sym.cov().has(pua))
	}
	seen := map[rune]rune{}
	for r, p := range sym.astral {
		if q, dup := seen[p]; dup {
			t.Fatalf("%U and %U share %U", r, q, p)
		}
		seen[p] = r
	}
	// The BMP characters keep their glyphs.
	orig, err := os.ReadFile(symbolaPath)
	if err != nil {
		t.Fatal(err)
	}
	before := cmap4Coverage(orig)
	for r := rune(0); r < 0xFFFF; r++ {
		if before.has(r) && !sym.cov().has(r) {
			t.Fatalf("%U lost its glyph", r)
		}
	}
	d := loadSmall(t)
	d.Events[0].Title = "Launch party 🎉 and 🚀"
	v := build(d, timeline.Filter{})
	if ms := Check(v, []*Font{sym}); len(ms) != 0 {
		t.Errorf("Check: %v", ms)
	}
	if ms := Check(v, nil); len(ms) != 2 {
		t.Errorf("Check without Symbola: %v", ms)
	}
	path, _ := write(t, v, Options{Fonts: []*Font{sym}, StrictGlyphs: true})
	if got := text(t, path); !strings.Contains(got, "Launch party 🎉 and 🚀") {
		t.Errorf("the emoji do not read back")
	}
}
