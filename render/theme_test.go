package render

import (
	"fmt"
	"math"
	"testing"

	"github.com/timeline-tool/timeline/data"
	"github.com/timeline-tool/timeline/timeline"
)

func TestContrastKnownValues(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"#000", "#fff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#777777", "#ffffff", 4.48},
		{"#767676", "#ffffff", 4.54},
		{"#0072B2", "#ffffff", 5.19},
		{"#ff0000", "#000000", 5.25},
		{"red", "#fff", 0},
		{"#12345", "#fff", 0},
	} {
		if got := Contrast(c.a, c.b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

// themeColors returns every era and category colour a page can show: the
// palettes, the embedded dataset's own, and a grid over the colour cube
// for the colours other datasets bring.
func themeColors(t *testing.T) (eras, cats []string) {
	t.Helper()
	eras = append(eras, eraPalette...)
	cats = append(cats, categoryPalette...)
	cats = append(cats, "#555555") // Other
	d, err := data.MEK()
	if err != nil {
		t.Fatal(err)
	}
	v := Build(d, timeline.Filter{}, Options{})
	for _, e := range v.Eras {
		eras = append(eras, e.Color)
	}
	for _, c := range v.Categories {
		cats = append(cats, c.Color)
	}
	for r := 0; r < 256; r += 51 {
		for g := 0; g < 256; g += 51 {
			for b := 0; b < 256; b += 51 {
				c := fmt.Sprintf("#%02x%02x%02x", r, g, b)
				eras, cats = append(eras, c), append(cats, c)
			}
		}
	}
	return eras, cats
}

// TestThemeContrast checks, from the colours themselves, that text and
// marks keep WCAG AA contrast on both pages: body and muted text on the
// background, an era's label on its band, on a dark page a category's
// marks (and any text in its colour) on the background, and on white a
// category's marks at MinMarkContrast (WCAG's non-text contrast).
func TestThemeContrast(t *testing.T) {
	for name, th := range map[string]Theme{"light": Light, "dark": Dark} {
		for what, fg := range map[string]string{"text": th.Text, "muted text": th.Muted} {
			if c := Contrast(fg, th.Background); c < MinTextContrast {
				t.Errorf("%s page: %s %s on %s has contrast %.2f, want %.1f", name, what, fg, th.Background, c, MinTextContrast)
			}
		}
	}
	eras, cats := themeColors(t)
	for _, given := range eras {
		light, dark := pale(given), darkEra(given)
		if c := Contrast(Light.EraText, light); c < MinTextContrast {
			t.Errorf("era %s: label %s on its light band %s has contrast %.2f", given, Light.EraText, light, c)
		}
		if c := Contrast(Dark.EraText, dark); c < MinTextContrast {
			t.Errorf("era %s: label %s on its dark band %s has contrast %.2f", given, Dark.EraText, dark, c)
		}
		// The dark band stays a band: darker than the text, not black
		// unless the colour is.
		if l, _ := Luminance(dark); l > 0.2 {
			t.Errorf("era %s: dark band %s is light (luminance %.2f)", given, dark, l)
		}
	}
	for _, given := range cats {
		dark, light := darkCategory(given), lightCategory(given)
		if c := Contrast(dark, Dark.Background); c < MinTextContrast {
			t.Errorf("category %s: its dark colour %s on %s has contrast %.2f", given, dark, Dark.Background, c)
		}
		if c := Contrast(light, Light.Background); c < MinMarkContrast {
			t.Errorf("category %s: its marks %s on %s have contrast %.2f", given, light, Light.Background, c)
		}
		if Contrast(given, Light.Background) >= MinMarkContrast && light != given {
			t.Errorf("category %s: marks of enough contrast are changed to %s", given, light)
		}
		sameHue(t, given, dark)
		sameHue(t, given, light)
	}
}

// sameHue checks that a category's colour for a page keeps the hue of the
// colour given, so that the lanes keep their colours.
func sameHue(t *testing.T, given, made string) {
	t.Helper()
	r0, g0, b0, _ := rgb(given)
	r1, g1, b1, _ := rgb(made)
	h0, s0, _ := hsl(r0, g0, b0)
	h1, _, _ := hsl(r1, g1, b1)
	if dh := math.Abs(h0 - h1); s0 > 0.3 && math.Min(dh, 1-dh) > 0.03 {
		t.Errorf("category %s: colour %s has another hue (%.2f, was %.2f)", given, made, h1, h0)
	}
}

// TestViewDarkColors checks that the view gives every era and category
// its dark colour, and every category marks that read on white.
func TestViewDarkColors(t *testing.T) {
	d, err := data.MEK()
	if err != nil {
		t.Fatal(err)
	}
	v := Build(d, timeline.Filter{}, Options{})
	for _, e := range v.Eras {
		if _, ok := Luminance(e.DarkColor); !ok || e.DarkColor == e.Color {
			t.Errorf("era %s: dark colour %q (light %q)", e.ID, e.DarkColor, e.Color)
		}
	}
	for _, c := range v.Categories {
		if _, ok := Luminance(c.DarkColor); !ok {
			t.Errorf("category %s: dark colour %q", c.ID, c.DarkColor)
		}
	}
	// Eight categories without colours of their own take the whole
	// palette, whose orange and sky blue are too pale for marks on white
	// as they are.
	d = &timeline.Dataset{Title: "T"}
	for i := range 8 {
		id := fmt.Sprint("c", i)
		d.Categories = append(d.Categories, &timeline.Category{ID: id, Label: id})
		d.Events = append(d.Events, &timeline.Event{ID: fmt.Sprint("e", i), Title: "E", Category: id, Date: timeline.NewDate(timeline.Point{Year: 2000 + i, Digits: 1})})
	}
	for _, c := range Build(d, timeline.Filter{}, Options{}).Categories {
		if k := Contrast(c.Color, Light.Background); k < MinMarkContrast {
			t.Errorf("category %s: marks %s on white have contrast %.2f", c.ID, c.Color, k)
		}
	}
}
