package pdfout

import (
	"math"

	"github.com/jung-kurt/gofpdf"

	"github.com/timeline-tool/timeline/render"
)

// The overview strip and its key: render lays them out (View.Overview,
// View.Key), the same layout the SVG draws; here they are drawn.
const stripLinkCap = 1000 // the strip links its events to the list up to this many

// measure sets the overview's text in the briefing's sans fonts.
type measure struct{ d *doc }

func (measure) Clean(s string) string   { return clean(s, true) }
func (measure) Isolate(s string) string { return isolate(s) }

func (m measure) Width(s string, size float64, bold bool) float64 {
	if bold {
		return m.d.textWidth(s, sansBold, size)
	}
	return m.d.textWidth(s, sans, size)
}

func (m measure) Wrap(s string, size, w float64) []string { return m.d.wrap(s, sans, size, w) }

// layoutStrip lays out the overview strip across the text area; it takes
// at most 60% of a page.
func (d *doc) layoutStrip() *render.Overview {
	return d.v.Overview(render.OverviewOptions{Width: d.width, MaxHeight: (d.bot - d.top) * 0.6}, measure{d})
}

// drawStrip draws the overview strip with its top left corner at (x, y);
// eraLink holds the internal link of each era's heading.
func (d *doc) drawStrip(x, y float64, eraLink map[*render.EraView]int) {
	s := d.strip
	lanesTop := y + s.LanesTop
	lanesH := s.AxisY - s.LanesTop
	axisY := lanesTop + lanesH
	px0, px1 := x+s.PlotX, x+s.PlotX+s.PlotW

	for _, e := range s.Eras {
		x0, x1 := x+e.X0, x+e.X1
		ry := y + e.Y
		d.setFill(parseColor(e.Era.Color))
		d.setStroke(lightInk, lineWidth)
		d.pdf.Rect(x0, ry, x1-x0, render.OverviewEraRowH, "FD")
		if e.Row == 0 && lanesH > 0 {
			d.pdf.Rect(x0, lanesTop, x1-x0, lanesH, "F")
		}
		if e.Text != "" {
			w := d.textWidth(e.Text, sans, render.OverviewLabelSize) // e.TextW, measured again: it sets the font before the fill, as the strip always did
			d.text(sans, render.OverviewLabelSize, ink, (x0+x1)/2-w/2, ry+8.4, e.Text)
		}
		if id := eraLink[e.Era]; id != 0 {
			d.pdf.Link(x0, ry, x1-x0, render.OverviewEraRowH, id)
		}
	}
	if lanesH > 0 {
		// Era boundaries across the lanes, so that bands read without colour.
		d.setStroke(lightInk, lineWidth)
		for _, e := range s.Eras {
			for _, xt := range [2]float64{x + e.X0, x + e.X1} {
				if xt > px0+0.5 && xt < px1-0.5 {
					d.pdf.Line(xt, lanesTop, xt, axisY)
				}
			}
		}
	}

	colors := make([]rgb, len(s.Lanes))
	for k, l := range s.Lanes {
		colors[k] = parseColor(l.Category.Color)
		ly := y + l.Y
		if k > 0 {
			d.setStroke(rule, lineWidth)
			d.pdf.Line(px0, ly, px1, ly)
		}
		d.setFill(colors[k])
		d.setStroke(outline, 0.3)
		sw := math.Min(6, s.LaneH-0.8)
		d.pdf.Rect(x, ly+(s.LaneH-sw)/2, sw, sw, "FD")
		for j, t := range l.Lines {
			d.text(sans, render.OverviewLabelSize, ink, x+9, ly+s.LaneH/2+2.4+(float64(j)-float64(len(l.Lines)-1)/2)*8, t)
		}
	}
	if lanesH > 0 {
		d.setStroke(lightInk, lineWidth)
		d.pdf.Rect(px0, lanesTop, s.PlotW, lanesH, "D")
	}

	// The events: bars first, then marks on top.
	for _, b := range s.Bars {
		c := colors[b.Event.Category.Lane]
		d.bar(b.Shape, x+b.X0, x+b.X1, y+b.Y, c, b.Dashed)
		if b.OpenEnd {
			d.openEnd(x+b.X1, y+b.Y)
		}
	}
	for _, m := range s.Marks {
		xm, cy := x+m.X, y+m.Y
		d.mark(m.Mark, xm, cy, s.MarkR, colors[m.Event.Category.Lane])
		if d.eventLink != nil {
			if id := d.eventLink[m.Event.Index]; id != 0 {
				d.pdf.Link(xm-s.MarkR-0.5, cy-s.MarkR-0.5, 2*s.MarkR+1, 2*s.MarkR+1, id)
			}
		}
	}

	// The axis.
	d.setStroke(ink, 0.5)
	d.pdf.Line(px0, axisY, px1, axisY)
	d.setStroke(ink, lineWidth)
	for _, t := range s.Ticks {
		xt := x + t.X
		if t.Major {
			d.pdf.Line(xt, axisY, xt, axisY+4)
			d.setFont(sans, render.OverviewTickSize) // before the fill, as the strip always did: the same bytes
			d.text(sans, render.OverviewTickSize, ink, x+t.LabelX, axisY+11.5, t.Label)
		} else {
			d.pdf.Line(xt, axisY, xt, axisY+2)
		}
	}
	ly := axisY + render.OverviewAxisH
	for _, l := range s.Legend {
		r := row{text: l, face: sans, size: render.OverviewTickSize, h: render.OverviewLegendH, color: ink}
		d.row(&r, x, ly)
		ly += r.h
	}
}

// bar draws the bar of an imprecise date (hollow) or of an interval
// (solid) from x0 to x1, centred on cy; an approximate or uncertain one
// has a dashed outline.
func (d *doc) bar(shape render.Shape, x0, x1, cy float64, c rgb, dashed bool) {
	w := math.Max(x1-x0, 1)
	if dashed {
		d.pdf.SetDashPattern([]float64{1.4, 0.8}, 0)
	}
	if shape == render.ShapeRange {
		d.setFill(c.tint(0.8))
		d.setStroke(c, 0.6)
		if dashed {
			d.setStroke(outline, 0.5)
		}
		d.pdf.Rect(x0, cy-1.7, w, 3.4, "FD")
	} else {
		d.setFill(c)
		d.setStroke(outline, 0.3)
		if dashed {
			d.setStroke(outline, 0.5)
		}
		d.pdf.Rect(x0, cy-1.5, w, 3, "FD")
	}
	if dashed {
		d.pdf.SetDashPattern(nil, 0)
	}
}

// openEnd draws an arrowhead at x, the end of an interval still open on
// the as-of date.
func (d *doc) openEnd(x, cy float64) {
	d.setFill(outline)
	d.setStroke(outline, 0.3)
	d.pdf.Polygon([]gofpdf.PointType{{X: x, Y: cy - 2.6}, {X: x + 3, Y: cy}, {X: x, Y: cy + 2.6}}, "FD")
}

// mark draws the shape of a status, centred on (cx, cy), in colour c with
// a dark outline, so that it reads printed in black and white.
func (d *doc) mark(m render.Mark, cx, cy, r float64, c rgb) {
	switch m {
	case render.MarkDisc:
		d.dot(cx, cy, r+0.3, outline)
		d.dot(cx, cy, r, c)
	case render.MarkRing:
		d.dot(cx, cy, r+0.3, outline)
		d.dot(cx, cy, r, c)
		d.dot(cx, cy, r*0.5+0.3, outline)
		d.dot(cx, cy, r*0.5, white)
	case render.MarkDiamond:
		q := r * 1.3
		d.setFill(c)
		d.setStroke(outline, 0.3)
		d.pdf.Polygon([]gofpdf.PointType{{X: cx, Y: cy - q}, {X: cx + q, Y: cy}, {X: cx, Y: cy + q}, {X: cx - q, Y: cy}}, "FD")
	case render.MarkTriangle:
		q := r * 1.25
		d.setFill(c)
		d.setStroke(outline, 0.3)
		d.pdf.Polygon([]gofpdf.PointType{{X: cx, Y: cy - q}, {X: cx + q, Y: cy + q*0.8}, {X: cx - q, Y: cy + q*0.8}}, "FD")
	case render.MarkCross:
		q := r * 0.95
		d.setStroke(outline, r*0.85)
		d.pdf.Line(cx-q, cy-q, cx+q, cy+q)
		d.pdf.Line(cx-q, cy+q, cx+q, cy-q)
		d.setStroke(c, r*0.4)
		d.pdf.Line(cx-q, cy-q, cx+q, cy+q)
		d.pdf.Line(cx-q, cy+q, cx+q, cy-q)
	default: // render.MarkSquare
		q := r * 0.9
		d.setFill(c)
		d.setStroke(outline, 0.3)
		d.pdf.Rect(cx-q, cy-q, 2*q, 2*q, "FD")
	}
}

// dot draws a disc of radius r: a line of no length, with round caps
// (set for the whole document), is a disc in PDF, and far smaller and
// faster to write than four curves.
func (d *doc) dot(cx, cy, r float64, c rgb) {
	d.setStroke(c, 2*r)
	d.pdf.Line(cx, cy, cx, cy)
}

func (d *doc) drawKey(x, y float64) {
	for _, it := range d.key.Items {
		ix, cy := x+it.X, y+it.Y+render.OverviewKeyLineH/2
		tx := ix + render.KeyIconW[it.Icon]
		switch it.Icon {
		case render.KeyMark:
			d.mark(it.Mark, ix+3, cy-0.5, 2.4, grey)
		case render.KeyRange, render.KeySpan, render.KeyDashed:
			shape := render.ShapeRange
			if it.Icon == render.KeySpan {
				shape = render.ShapeSpan
			}
			d.bar(shape, ix, ix+14, cy-0.5, grey, it.Icon == render.KeyDashed)
			d.mark(render.MarkDisc, ix+7, cy-0.5, 2, grey)
		case render.KeyOpen:
			d.bar(render.ShapeSpan, ix, ix+14, cy-0.5, grey, false)
			d.openEnd(ix+14, cy-0.5)
		}
		f := sans
		if it.Bold {
			f = sansBold
		}
		d.text(f, render.OverviewKeySize, ink, tx, cy+2.3, it.Text)
	}
}
