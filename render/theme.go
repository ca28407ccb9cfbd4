package render

import (
	"encoding/hex"
	"math"
)

// Theme is the colours an output draws its text and background in, for
// a light or a dark page. The colours of eras and categories are the
// view's (EraView.Color and DarkColor, CategoryView.Color and
// DarkColor); a test checks every pair that carries text or marks against
// WCAG's contrast ratios. The JSON names are those the HTML page's script
// reads.
type Theme struct {
	Background string `json:"bg"`     // the page
	Text       string `json:"fg"`     // body text
	Muted      string `json:"muted"`  // secondary text: hints, spans, counts
	Grid       string `json:"grid"`   // the chart's grid lines
	EraText    string `json:"era"`    // an era's label on its band (EraView.Color or DarkColor)
	Stripe     string `json:"stripe"` // every other lane, over the background (CSS rgba)
}

// The themes of the HTML page: Light by default, Dark when the reader's
// system asks for it (prefers-color-scheme).
var (
	Light = Theme{Background: "#ffffff", Text: "#1a1a1a", Muted: "#595959", Grid: "#dddddd", EraText: "#222222", Stripe: "rgba(0,0,0,0.045)"}
	Dark  = Theme{Background: "#16181c", Text: "#e8e8e8", Muted: "#a9adb3", Grid: "#3a3d43", EraText: "#f2f2f2", Stripe: "rgba(255,255,255,0.05)"}
)

// The WCAG 2 contrast ratios the colours keep: AA for text, and for the
// marks and bars that show events (non-text contrast).
const (
	MinTextContrast = 4.5
	MinMarkContrast = 3
)

// RGB is a colour by its red, green and blue channels.
type RGB struct{ R, G, B uint8 }

// ParseColor reads a colour "#rrggbb" or "#rgb", in either case: the one
// reader of the colours of the data, the view and the writers.
func ParseColor(s string) (RGB, bool) {
	if len(s) == 4 && s[0] == '#' {
		s = string([]byte{'#', s[1], s[1], s[2], s[2], s[3], s[3]})
	}
	var c [3]byte
	if len(s) != 7 || s[0] != '#' {
		return RGB{}, false
	}
	if _, err := hex.Decode(c[:], []byte(s[1:])); err != nil {
		return RGB{}, false
	}
	return RGB{c[0], c[1], c[2]}, true
}

// Hex returns c as "#rrggbb", in lower case.
func (c RGB) Hex() string { return "#" + hex.EncodeToString([]byte{c.R, c.G, c.B}) }

// Tint mixes c with white: 0 is c, 1 is white.
func (c RGB) Tint(f float64) RGB {
	mix := func(x uint8) uint8 { return uint8(float64(x) + (255-float64(x))*f + 0.5) }
	return RGB{mix(c.R), mix(c.G), mix(c.B)}
}

// rgb parses #rgb or #rrggbb into 0..1 channels.
func rgb(c string) (r, g, b float64, ok bool) {
	x, ok := ParseColor(c)
	return float64(x.R) / 255, float64(x.G) / 255, float64(x.B) / 255, ok
}

func hexOf(r, g, b float64) string {
	ch := func(x float64) uint8 { return uint8(math.Round(clamp(x, 0, 1) * 255)) }
	return RGB{ch(r), ch(g), ch(b)}.Hex()
}

// Luminance is WCAG 2's relative luminance of the colour c (#rgb or
// #rrggbb), 0 for black to 1 for white; ok is false for another form.
func Luminance(c string) (l float64, ok bool) {
	r, g, b, ok := rgb(c)
	if !ok {
		return 0, false
	}
	lin := func(x float64) float64 {
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b), true
}

// Contrast is WCAG 2's contrast ratio of two colours, 1 to 21; 0 when
// either is not #rgb or #rrggbb.
func Contrast(a, b string) float64 {
	la, ok1 := Luminance(a)
	lb, ok2 := Luminance(b)
	if !ok1 || !ok2 {
		return 0
	}
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// hsl converts 0..1 RGB to hue (0..1), saturation and lightness.
func hsl(r, g, b float64) (h, s, l float64) {
	mx, mn := math.Max(r, math.Max(g, b)), math.Min(r, math.Min(g, b))
	l = (mx + mn) / 2
	if mx == mn {
		return 0, 0, l
	}
	d := mx - mn
	if l > 0.5 {
		s = d / (2 - mx - mn)
	} else {
		s = d / (mx + mn)
	}
	switch mx {
	case r:
		h = (g - b) / d
		if g < b {
			h += 6
		}
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return h / 6, s, l
}

func fromHSL(h, s, l float64) string {
	if s == 0 {
		return hexOf(l, l, l)
	}
	var q float64
	if l < 0.5 {
		q = l * (1 + s)
	} else {
		q = l + s - l*s
	}
	p := 2*l - q
	ch := func(t float64) float64 {
		t -= math.Floor(t)
		switch {
		case t < 1.0/6:
			return p + (q-p)*6*t
		case t < 1.0/2:
			return q
		case t < 2.0/3:
			return p + (q-p)*(2.0/3-t)*6
		}
		return p
	}
	return hexOf(ch(h+1.0/3), ch(h), ch(h-1.0/3))
}

// towards returns the colour c with the hue of c, its saturation at
// most maxSat, at the lightness nearest start (stepping by step, up or
// down) at which ok holds; c itself when it is not #rgb or #rrggbb.
func towards(c string, maxSat, start, step float64, ok func(string) bool) string {
	r, g, b, valid := rgb(c)
	if !valid {
		return c
	}
	h, s, _ := hsl(r, g, b)
	s = math.Min(s, maxSat)
	for l := start; l >= 0 && l <= 1; l += step {
		if out := fromHSL(h, s, l); ok(out) {
			return out
		}
	}
	if step > 0 {
		return "#ffffff"
	}
	return "#000000"
}

// darkEra returns the band colour of an era on a dark page, from its
// colour given (or from the palette): the same hue, dark enough that
// Dark.EraText on it keeps MinTextContrast with a margin.
func darkEra(given string) string {
	return towards(given, 0.35, 0.26, -0.01, func(c string) bool { return Contrast(Dark.EraText, c) >= MinTextContrast+1 })
}

// darkCategory returns the colour of a category's marks, bars and swatch
// on a dark page: the same hue, light enough to keep MinTextContrast
// against Dark.Background, so that a mark (and any text in the colour)
// reads. A colour that already does is kept.
func darkCategory(given string) string {
	return contrasting(given, Dark.Background, MinTextContrast, 0.01)
}

// lightCategory returns the colour of a category's marks, bars and
// swatch on white (the light page, the PDF, the SVG): the same hue, dark
// enough to keep MinMarkContrast against Light.Background, so that a
// mark reads (the palette's orange and sky blue did not). A colour that
// already does is kept.
func lightCategory(given string) string {
	return contrasting(given, Light.Background, MinMarkContrast, -0.01)
}

// contrasting returns given, or when it has less than min contrast
// against background, the colour of its hue whose lightness, stepped
// from given's by step, first has.
func contrasting(given, background string, min, step float64) string {
	if Contrast(given, background) >= min {
		return given
	}
	r, g, b, ok := rgb(given)
	if !ok {
		return given
	}
	_, _, l := hsl(r, g, b)
	return towards(given, 1, l, step, func(c string) bool { return Contrast(c, background) >= min })
}
