package render

// What the overview looks like beyond its layout: its inks, the shapes of
// its marks and bars, and the key's icons. The PDF and the SVG draw them
// alike from here, each in its own terms.

// The overview's inks (#rrggbb).
const (
	InkColor      = "#111111" // text and the axis
	GreyColor     = "#555555" // the key's icons, and a colour the data does not give
	LightInkColor = "#969696" // the era bands' outlines and boundaries
	RuleColor     = "#aaaaaa" // between lanes
	OutlineColor  = "#222222" // around marks, bars and arrowheads
	WhiteColor    = "#ffffff" // a ring's hole
)

// The measures of the marks, bars and arrowheads, in points.
const (
	MarkOutlineW = 0.3  // the outline of a mark, a solid bar and an arrowhead
	RingHole     = 0.5  // a ring's hole, times the mark's radius
	CrossOuterW  = 0.85 // a cross's dark stroke, times the mark's radius
	CrossInnerW  = 0.4  // its coloured stroke over the dark one, likewise
	SpanBarH     = 3.0  // a solid bar's height
	RangeBarH    = 3.4  // a faint bar's height
	RangeBarW    = 0.6  // a faint bar's outline, in its own colour
	RangeTint    = 0.8  // how far a faint bar's fill is mixed with white
	DashedBarW   = 0.5  // a dashed bar's outline
)

// BarDash is the dash pattern, on and off, of the outline of the bar of
// an approximate or uncertain date.
var BarDash = []float64{1.4, 0.8}

// Point is a point of the overview.
type Point struct{ X, Y float64 }

// MarkCorners returns the corners of mark m centred on (cx, cy) with
// radius r: a diamond's four, a triangle's three, the ends of a cross's
// two strokes (the first to the second, the third to the fourth), a
// square's top left corner and then its width and height as a Point;
// nil for a disc or a ring, circles of radius r.
func MarkCorners(m Mark, cx, cy, r float64) []Point {
	switch m {
	case MarkDisc, MarkRing:
		return nil
	case MarkDiamond:
		q := r * 1.3
		return []Point{{cx, cy - q}, {cx + q, cy}, {cx, cy + q}, {cx - q, cy}}
	case MarkTriangle:
		q := r * 1.25
		return []Point{{cx, cy - q}, {cx + q, cy + q*0.8}, {cx - q, cy + q*0.8}}
	case MarkCross:
		q := r * 0.95
		return []Point{{cx - q, cy - q}, {cx + q, cy + q}, {cx - q, cy + q}, {cx + q, cy - q}}
	default: // MarkSquare
		q := r * 0.9
		return []Point{{cx - q, cy - q}, {2 * q, 2 * q}}
	}
}

// ArrowCorners returns the corners of the arrowhead at x that ends, on
// the line cy, an interval still open on the as-of date.
func ArrowCorners(x, cy float64) []Point {
	return []Point{{x, cy - 2.6}, {x + 3, cy}, {x, cy + 2.6}}
}

// Painter draws the overview's marks, bars and arrowheads in a writer's
// own terms, with colours of its type C.
type Painter[C any] interface {
	// Mark draws the shape of a status centred on (cx, cy) with radius
	// r, in colour c with a dark outline, so that it reads printed in
	// black and white.
	Mark(m Mark, cx, cy, r float64, c C)
	// Bar draws the bar of an imprecise date (faint) or of an interval
	// (solid) from x0 to x1, centred on cy; a dashed one is approximate
	// or uncertain.
	Bar(shape Shape, x0, x1, cy float64, c C, dashed bool)
	// OpenEnd draws the arrowhead at x of an interval still open.
	OpenEnd(x, cy float64)
}

// DrawKeyIcon draws with p the icon of the key's entry it, from x on the
// line whose middle is cy, in the key's colour grey.
func DrawKeyIcon[C any](p Painter[C], it KeyItem, x, cy float64, grey C) {
	switch it.Icon {
	case KeyMark:
		p.Mark(it.Mark, x+3, cy-0.5, 2.4, grey)
	case KeyRange, KeySpan, KeyDashed:
		shape := ShapeRange
		if it.Icon == KeySpan {
			shape = ShapeSpan
		}
		p.Bar(shape, x, x+14, cy-0.5, grey, it.Icon == KeyDashed)
		p.Mark(MarkDisc, x+7, cy-0.5, 2, grey)
	case KeyOpen:
		p.Bar(ShapeSpan, x, x+14, cy-0.5, grey, false)
		p.OpenEnd(x+14, cy-0.5)
	}
}
