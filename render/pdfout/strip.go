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
	d.drawEras(x, y, eraLink)
	colors := d.drawLanes(x, y)
	d.drawEvents(x, y, colors)
	d.drawAxis(x, y)
}

// drawEras draws the era bands, their labels linked to the eras'
// headings, and their boundaries across the lanes.
func (d *doc) drawEras(x, y float64, eraLink map[*render.EraView]int) {
	s := d.strip
	lanesTop, lanesH := y+s.LanesTop, s.AxisY-s.LanesTop
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
					d.pdf.Line(xt, lanesTop, xt, lanesTop+lanesH)
				}
			}
		}
	}
}

// drawLanes draws the lanes' rules, colour swatches and labels, and the
// plot's frame; it returns each lane's colour.
func (d *doc) drawLanes(x, y float64) []rgb {
	s := d.strip
	px0, px1 := x+s.PlotX, x+s.PlotX+s.PlotW
	colors := make([]rgb, len(s.Lanes))
	for k, l := range s.Lanes {
		colors[k] = parseColor(l.Category.Color)
		ly := y + l.Y
		if k > 0 {
			d.setStroke(rule, lineWidth)
			d.pdf.Line(px0, ly, px1, ly)
		}
		d.setFill(colors[k])
		d.setStroke(outline, render.MarkOutlineW)
		sw := math.Min(6, s.LaneH-0.8)
		d.pdf.Rect(x, ly+(s.LaneH-sw)/2, sw, sw, "FD")
		for j, t := range l.Lines {
			d.text(sans, render.OverviewLabelSize, ink, x+9, ly+s.LaneH/2+2.4+(float64(j)-float64(len(l.Lines)-1)/2)*8, t)
		}
	}
	if lanesH := s.AxisY - s.LanesTop; lanesH > 0 {
		d.setStroke(lightInk, lineWidth)
		d.pdf.Rect(px0, y+s.LanesTop, s.PlotW, lanesH, "D")
	}
	return colors
}

// drawEvents draws the events in their lanes' colours: bars first, then
// marks on top, each linked to the event in the list.
func (d *doc) drawEvents(x, y float64, colors []rgb) {
	s := d.strip
	for _, b := range s.Bars {
		d.Bar(b.Shape, x+b.X0, x+b.X1, y+b.Y, colors[b.Event.Category.Lane], b.Dashed)
		if b.OpenEnd {
			d.OpenEnd(x+b.X1, y+b.Y)
		}
	}
	for _, m := range s.Marks {
		xm, cy := x+m.X, y+m.Y
		d.Mark(m.Mark, xm, cy, s.MarkR, colors[m.Event.Category.Lane])
		if d.eventLink != nil {
			if id := d.eventLink[m.Event.Index]; id != 0 {
				d.pdf.Link(xm-s.MarkR-0.5, cy-s.MarkR-0.5, 2*s.MarkR+1, 2*s.MarkR+1, id)
			}
		}
	}
}

// drawAxis draws the time axis, its ticks and labels, and the era legend
// under it.
func (d *doc) drawAxis(x, y float64) {
	s := d.strip
	axisY := y + s.LanesTop + (s.AxisY - s.LanesTop) // as the lanes end
	d.setStroke(ink, 0.5)
	d.pdf.Line(x+s.PlotX, axisY, x+s.PlotX+s.PlotW, axisY)
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

// Bar draws the bar of an imprecise date (faint) or of an interval
// (solid) from x0 to x1, centred on cy; an approximate or uncertain one
// has a dashed outline.
func (d *doc) Bar(shape render.Shape, x0, x1, cy float64, c rgb, dashed bool) {
	w := math.Max(x1-x0, 1)
	if dashed {
		d.pdf.SetDashPattern(render.BarDash, 0)
	}
	if shape == render.ShapeRange {
		d.setFill(c.Tint(render.RangeTint))
		d.setStroke(c, render.RangeBarW)
		if dashed {
			d.setStroke(outline, render.DashedBarW)
		}
		d.pdf.Rect(x0, cy-render.RangeBarH/2, w, render.RangeBarH, "FD")
	} else {
		d.setFill(c)
		d.setStroke(outline, render.MarkOutlineW)
		if dashed {
			d.setStroke(outline, render.DashedBarW)
		}
		d.pdf.Rect(x0, cy-render.SpanBarH/2, w, render.SpanBarH, "FD")
	}
	if dashed {
		d.pdf.SetDashPattern(nil, 0)
	}
}

// OpenEnd draws an arrowhead at x, the end of an interval still open on
// the as-of date.
func (d *doc) OpenEnd(x, cy float64) {
	d.setFill(outline)
	d.setStroke(outline, render.MarkOutlineW)
	d.pdf.Polygon(points(render.ArrowCorners(x, cy)), "FD")
}

// Mark draws the shape of a status, centred on (cx, cy), in colour c with
// a dark outline, so that it reads printed in black and white.
func (d *doc) Mark(m render.Mark, cx, cy, r float64, c rgb) {
	pts := render.MarkCorners(m, cx, cy, r)
	switch m {
	case render.MarkDisc:
		d.dot(cx, cy, r+render.MarkOutlineW, outline)
		d.dot(cx, cy, r, c)
	case render.MarkRing:
		d.dot(cx, cy, r+render.MarkOutlineW, outline)
		d.dot(cx, cy, r, c)
		d.dot(cx, cy, r*render.RingHole+render.MarkOutlineW, outline)
		d.dot(cx, cy, r*render.RingHole, white)
	case render.MarkDiamond, render.MarkTriangle:
		d.setFill(c)
		d.setStroke(outline, render.MarkOutlineW)
		d.pdf.Polygon(points(pts), "FD")
	case render.MarkCross:
		for _, s := range []struct {
			c rgb
			w float64
		}{{outline, r * render.CrossOuterW}, {c, r * render.CrossInnerW}} {
			d.setStroke(s.c, s.w)
			d.pdf.Line(pts[0].X, pts[0].Y, pts[1].X, pts[1].Y)
			d.pdf.Line(pts[2].X, pts[2].Y, pts[3].X, pts[3].Y)
		}
	default: // render.MarkSquare
		d.setFill(c)
		d.setStroke(outline, render.MarkOutlineW)
		d.pdf.Rect(pts[0].X, pts[0].Y, pts[1].X, pts[1].Y, "FD")
	}
}

// points converts render's points to gofpdf's.
func points(ps []render.Point) []gofpdf.PointType {
	out := make([]gofpdf.PointType, len(ps))
	for i, p := range ps {
		out[i] = gofpdf.PointType{X: p.X, Y: p.Y}
	}
	return out
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
		render.DrawKeyIcon(d, it, ix, cy, grey)
		f := sans
		if it.Bold {
			f = sansBold
		}
		d.text(f, render.OverviewKeySize, ink, ix+render.KeyIconW[it.Icon], cy+2.3, it.Text)
	}
}
