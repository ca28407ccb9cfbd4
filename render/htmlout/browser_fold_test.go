package htmlout

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// TestBrowserFoldIsGo checks that the page's fold, the function its
// search folds text with, is timeline.Fold, which --grep folds with: on
// every code point Go's Unicode tables assign in planes 0 and 1, each
// alone and after a capital letter, and on phrases whose folding depends
// on context (a final Σ, İ, a decomposed accent, Persian and Arabic).
// The function is taken from the page's script as it ships and run in
// Chromium.
func TestBrowserFoldIsGo(t *testing.T) {
	src := pageJS
	i := strings.Index(src, "  function fold(s) {")
	j := strings.Index(src[max(i, 0):], "\n  }\n")
	if i < 0 || j < 0 {
		t.Fatal("page.js has no function fold")
	}
	fn := src[i : i+j+4]

	var in []string
	for r := rune(0); r < 0x20000; r++ {
		// U+1171E AHOM CONSONANT SIGN MEDIAL RA is a nonspacing mark (Mn)
		// in Go's Unicode 15 and a spacing one (Mc) in Unicode 16, which
		// Chromium's may be: the two fold it apart by the version of the
		// standard, not by the code.
		if r == 0x1171E {
			continue
		}
		if unicode.Is(unicode.Cs, r) || unicode.Is(unicode.Co, r) || !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.Cc, unicode.Cf) {
			continue
		}
		in = append(in, string(r), "A"+string(r)+"Σ")
	}
	in = append(in,
		"ΟΔΟΣ ΟΔΟΣ. ΣΑΣ Σ", "İstanbul İ̇", "Saddam Hussein’s “guests” «دوستان»", "Cafe\u0301 CAFÉ", "ǅemal ǈ ǋ",
		"مُجاهِدينِ خلقِ ايران", "كتاب می‌خواهم مجـــاهدين", "Straße ẞ STRASSE", "ﬁ ﬀ Ⅻ ⓐ Ⓐ", "Ωhm Ω K Å",
		"a\u00a0b\u2003c\u0085d\u2028e\u3000f\ufeffg\u200bh", "Ἀθῆναι ᾼ ῼ ᾈ", "Ꭰ ꭰ ᏸ", "𐐀𐐨 𞤀",
	)
	args, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	d := loadJSON(t, "fold.json", grepJSON)
	tb := open(t, writePage(t, t.TempDir(), "fold.html", render.Build(d, timeline.Filter{}, render.Options{Version: "test"}), Options{}))
	got := eval[[]string](t, tb, fmt.Sprintf("(() => { 'use strict';\n%s\nreturn %s.map(fold); })()", fn, args))
	if len(got) != len(in) {
		t.Fatalf("fold returned %d strings for %d", len(got), len(in))
	}
	bad := 0
	for k, s := range in {
		if want := timeline.Fold(s); got[k] != want {
			if bad++; bad <= 20 {
				t.Errorf("fold(%+q) = %+q in the page, timeline.Fold = %+q", s, got[k], want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d strings fold differently in the page and in Go", bad, len(in))
	}
	tb.checkQuiet(t)
}
