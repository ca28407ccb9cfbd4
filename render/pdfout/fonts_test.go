package pdfout

import (
	"os"
	"testing"
)

// Fonts from Debian packages that the tests use; make test installs
// them. A test that needs one fails in CI when it is missing and skips
// elsewhere.
const (
	droidPath   = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"  // fonts-droid-fallback: CJK
	symbolaPath = "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf" // fonts-symbola: symbols
	hanaPath    = "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"            // fonts-hanazono: a 22 MB CJK font
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
