package htmlout

import (
	"bytes"
	"testing"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

func TestPageLang(t *testing.T) {
	for _, tt := range []struct{ tag, lang, dir string }{
		{"", "en", "ltr"},
		{"en", "en", "ltr"},
		{"en-GB", "en-GB", "ltr"},
		{"fa", "fa", "rtl"},
		{"fa-IR", "fa-IR", "rtl"},
		{"ar", "ar", "rtl"},
		{"ar-EG", "ar-EG", "rtl"},
		{"he", "he", "rtl"},
		{"ur", "ur", "rtl"},
		{"ps", "ps", "rtl"},
		{"ckb", "ckb", "rtl"},
		{"yi", "yi", "rtl"},
		{"dv", "dv", "rtl"},
		{"syr", "syr", "rtl"},
		{"az", "az", "ltr"},
		{"az-Arab", "az-Arab", "rtl"},
		{"pa-Arab", "pa-Arab", "rtl"},
		{"pa", "pa", "ltr"},
		{"uz-Latn", "uz-Latn", "ltr"},
		{"ku", "ku", "ltr"},
		{"zh-Hant", "zh-Hant", "ltr"},
		{"ru", "ru", "ltr"},
		{"de-CH-1996", "de-CH-1996", "ltr"},
		{"x-klingon", "x-klingon", "ltr"}, // private use: no script known
	} {
		lang, dir := pageLang(tt.tag)
		if lang != tt.lang || dir != tt.dir {
			t.Errorf("pageLang(%q) = %q, %q; want %q, %q", tt.tag, lang, dir, tt.lang, tt.dir)
		}
	}
}

// TestWriteLang checks the page's <html> element for a dataset's language,
// canonical, and for one that names none.
func TestWriteLang(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{"", `<html lang="en" dir="ltr">`},
		{"FA-ir", `<html lang="fa-IR" dir="rtl">`},
		{"he", `<html lang="he" dir="rtl">`},
		{"fr", `<html lang="fr" dir="ltr">`},
	} {
		d := loadSmall(t)
		d.Language = tt.lang
		page := write(t, render.Build(d, timeline.Filter{}, render.Options{Version: "test"}), Options{Assets: goldenAssets})
		if !bytes.Contains(page, []byte(tt.want+"\n")) {
			i := bytes.Index(page, []byte("<html"))
			t.Errorf("language %q: page has %q, want %s", tt.lang, page[i:i+40], tt.want)
		}
		if n := bytes.Count(page, []byte("<html")); n != 1 {
			t.Errorf("language %q: %d <html> elements", tt.lang, n)
		}
	}
}
