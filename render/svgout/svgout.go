// Package svgout writes the overview of a view (era bands, lanes, a mark
// or bar per event, the time axis, the key, with the title, the filter and
// the provenance) as one standalone SVG file for slides and documents. It
// draws render's overview layout, the one the PDF's first page draws, so
// the two never disagree. The same view gives the same bytes.
package svgout

import (
	"bufio"
	"cmp"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/timeline-tool/timeline/render"
)

// DefaultWidth is the width of the overview in points unless
// Options.Width says otherwise: the text width of the PDF on Letter
// paper, so that the SVG is the PDF's strip at the same scale.
const DefaultWidth = 504

// The overview's inks, those of the PDF.
const (
	ink      = render.InkColor
	grey     = render.GreyColor
	lightInk = render.LightInkColor
	rule     = render.RuleColor
	outline  = render.OutlineColor
	white    = render.WhiteColor
)

const (
	pad      = 18   // around the drawing
	hairline = 0.35 // hairlines and outlines
)

// Options are the choices of Write.
type Options struct {
	// Width is the overview's width in points, the lane labels
	// included; below 300 it is 300. 0 means DefaultWidth.
	Width float64
}

// Write writes the overview of v as an SVG document to w.
func Write(w io.Writer, v *render.View, opts Options) error {
	width := cmp.Or(opts.Width, DefaultWidth)
	width = math.Max(width, 300)
	m := &measure{}
	s := &svg{w: bufio.NewWriter(w)}

	title := cmp.Or(m.Clean(v.Title), "Timeline")
	heading := m.Clean(v.Heading)
	if v.AsOfLabel != "" {
		heading += " · as of " + m.Clean(v.AsOfLabel)
	}
	titleLines := m.Wrap(title, 13, width)
	headLines := m.Wrap(heading, 8, width)
	o := v.Overview(render.OverviewOptions{Width: width}, m)
	k := v.Key(width, m)
	var foot []string
	if v.Document != nil {
		foot = m.Wrap("Source: "+m.Clean(v.Document.Citation), 6.5, width)
	}
	foot = append(foot, m.Wrap(m.Clean(v.Provenance.String()), 6.5, width)...)

	y := float64(pad)
	titleY := y
	y += float64(len(titleLines))*16 + float64(len(headLines))*10 + 8
	stripY := y
	y += o.Height + 6
	keyY := y
	y += k.Height + 6
	footY := y
	y += float64(len(foot))*8.5 + pad
	W, H := width+2*pad, math.Ceil(y)

	s.printf(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	s.printf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%spt" height="%spt" direction="ltr" font-family="%s"`,
		num(W), num(H), num(W), num(H), fontFamily)
	if v.Language != "" {
		s.printf(` xml:lang="%s"`, attr(v.Language))
	}
	s.printf(` role="img" aria-labelledby="svg-title">` + "\n")
	s.printf("<title id=\"svg-title\">%s</title>\n", text(title+" — "+heading))
	s.printf(`<rect width="%s" height="%s" fill="%s"/>`+"\n", num(W), num(H), white)

	ty := titleY
	for _, l := range titleLines {
		s.text(pad, ty+12, 13, true, ink, "", l)
		ty += 16
	}
	for _, l := range headLines {
		s.text(pad, ty+7, 8, false, grey, "", l)
		ty += 10
	}

	s.printf(`<g transform="translate(%s %s)">`+"\n", num(pad), num(stripY))
	s.strip(o)
	s.printf("</g>\n")
	s.printf(`<g transform="translate(%s %s)">`+"\n", num(pad), num(keyY))
	s.key(k)
	s.printf("</g>\n")
	fy := footY
	for _, l := range foot {
		s.text(pad, fy+6.5, 6.5, false, grey, "", l)
		fy += 8.5
	}
	s.printf("</svg>\n")
	return s.w.Flush() // the first error of any write
}

// svg writes an SVG document.
type svg struct{ w *bufio.Writer }

// printf writes format with each "%s" in turn replaced by the next of
// args.
func (s *svg) printf(format string, args ...string) {
	for _, a := range args {
		before, after, _ := strings.Cut(format, "%s")
		s.w.WriteString(before)
		s.w.WriteString(a)
		format = after
	}
	s.w.WriteString(format)
}

// text writes a line of text with its baseline's left end (or middle,
// for anchor "middle") at (x, y).
func (s *svg) text(x, y, size float64, bold bool, fill, anchor, t string) {
	s.printf(`<text x="%s" y="%s" font-size="%s"`, num(x), num(y), num(size))
	if bold {
		s.printf(` font-weight="bold"`)
	}
	if fill != ink {
		s.printf(` fill="%s"`, fill)
	}
	if anchor != "" {
		s.printf(` text-anchor="%s"`, anchor)
	}
	s.printf(">%s</text>\n", text(t))
}

// strip draws the overview strip with its top left corner at (0, 0).
func (s *svg) strip(o *render.Overview) {
	s.eras(o)
	s.lanes(o)
	s.events(o)
	s.axis(o)
}

// eras draws the era bands, their boundaries across the lanes and their
// labels.
func (s *svg) eras(o *render.Overview) {
	lanesH := o.AxisY - o.LanesTop
	px0, px1 := o.PlotX, o.PlotX+o.PlotW
	s.printf(`<g class="eras" stroke="%s" stroke-width="%s">`+"\n", lightInk, num(hairline))
	for _, e := range o.Eras {
		c := color(e.Era.Color, grey)
		s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n", num(e.X0), num(e.Y), num(e.X1-e.X0), num(render.OverviewEraRowH), c)
		if e.Row == 0 && lanesH > 0 {
			s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="none"/>`+"\n", num(e.X0), num(o.LanesTop), num(e.X1-e.X0), num(lanesH), c)
		}
	}
	if lanesH > 0 {
		// Era boundaries across the lanes, so that bands read without colour.
		for _, e := range o.Eras {
			for _, xt := range [2]float64{e.X0, e.X1} {
				if xt > px0+0.5 && xt < px1-0.5 {
					s.line(xt, o.LanesTop, xt, o.AxisY)
				}
			}
		}
	}
	s.printf("</g>\n")
	for _, e := range o.Eras {
		if e.Text != "" {
			s.text((e.X0+e.X1)/2, e.Y+8.4, render.OverviewLabelSize, false, ink, "middle", e.Text)
		}
	}
}

// lanes draws the lanes' rules, colour swatches and labels, and the
// plot's frame.
func (s *svg) lanes(o *render.Overview) {
	lanesH := o.AxisY - o.LanesTop
	px0, px1 := o.PlotX, o.PlotX+o.PlotW
	s.printf(`<g class="lanes">` + "\n")
	for k, l := range o.Lanes {
		if k > 0 {
			s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"/>`+"\n", num(px0), num(l.Y), num(px1), num(l.Y), rule, num(hairline))
		}
		sw := math.Min(6, o.LaneH-0.8)
		s.printf(`<rect x="0" y="%s" width="%s" height="%s" fill="%s" stroke="%s" stroke-width="%s"/>`+"\n",
			num(l.Y+(o.LaneH-sw)/2), num(sw), num(sw), color(l.Category.Color, grey), outline, num(render.MarkOutlineW))
		for j, t := range l.Lines {
			s.text(9, l.Y+o.LaneH/2+2.4+(float64(j)-float64(len(l.Lines)-1)/2)*8, render.OverviewLabelSize, false, ink, "", t)
		}
	}
	if lanesH > 0 {
		s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="%s" stroke-width="%s"/>`+"\n", num(px0), num(o.LanesTop), num(o.PlotW), num(lanesH), lightInk, num(hairline))
	}
	s.printf("</g>\n")
}

// events draws the events: bars first, then marks on top, each mark
// titled with its date and title for a viewer's tooltip.
func (s *svg) events(o *render.Overview) {
	s.printf(`<g class="events">` + "\n")
	for _, b := range o.Bars {
		s.Bar(b.Shape, b.X0, b.X1, b.Y, color(b.Event.Category.Color, grey), b.Dashed)
		if b.OpenEnd {
			s.OpenEnd(b.X1, b.Y)
		}
	}
	for _, mk := range o.Marks {
		s.printf(`<g><title>%s</title>`, text(clean(mk.Event.Label)+" — "+clean(mk.Event.Title)))
		s.Mark(mk.Mark, mk.X, mk.Y, o.MarkR, color(mk.Event.Category.Color, grey))
		s.printf("</g>\n")
	}
	s.printf("</g>\n")
}

// axis draws the time axis, its ticks and labels, and the era legend
// under it.
func (s *svg) axis(o *render.Overview) {
	px0, px1 := o.PlotX, o.PlotX+o.PlotW
	s.printf(`<g class="axis" stroke="%s" stroke-width="%s">`+"\n", ink, num(hairline))
	s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke-width="0.5"/>`+"\n", num(px0), num(o.AxisY), num(px1), num(o.AxisY))
	for _, t := range o.Ticks {
		h := 2.0
		if t.Major {
			h = 4
		}
		s.line(t.X, o.AxisY, t.X, o.AxisY+h)
	}
	s.printf("</g>\n")
	for _, t := range o.Ticks {
		if t.Major {
			s.text(t.LabelX, o.AxisY+11.5, render.OverviewTickSize, false, ink, "", t.Label)
		}
	}
	ly := o.AxisY + render.OverviewAxisH
	for _, l := range o.Legend {
		s.text(0, ly+render.OverviewLegendH/2+render.OverviewTickSize*0.3, render.OverviewTickSize, false, ink, "", l)
		ly += render.OverviewLegendH
	}
}

// key draws the key with its top left corner at (0, 0).
func (s *svg) key(k *render.Key) {
	for _, it := range k.Items {
		cy := it.Y + render.OverviewKeyLineH/2
		render.DrawKeyIcon(s, it, it.X, cy, grey)
		s.text(it.X+render.KeyIconW[it.Icon], cy+2.3, render.OverviewKeySize, it.Bold, ink, "", it.Text)
	}
}

func (s *svg) line(x0, y0, x1, y1 float64) {
	s.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`+"\n", num(x0), num(y0), num(x1), num(y1))
}

// Bar draws the bar of an imprecise date (faint) or of an interval
// (solid) from x0 to x1, centred on cy; an approximate or uncertain one
// has a dashed outline.
func (s *svg) Bar(shape render.Shape, x0, x1, cy float64, c string, dashed bool) {
	w := math.Max(x1-x0, 1)
	fill, stroke, sw, h := c, outline, render.MarkOutlineW, render.SpanBarH
	if shape == render.ShapeRange {
		x, _ := render.ParseColor(c)
		fill, stroke, sw, h = x.Tint(render.RangeTint).Hex(), c, render.RangeBarW, render.RangeBarH
	}
	dash := ""
	if dashed {
		stroke, sw, dash = outline, render.DashedBarW, ` stroke-dasharray="`+num(render.BarDash[0])+" "+num(render.BarDash[1])+`"`
	}
	s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="%s" stroke-width="%s"%s/>`+"\n",
		num(x0), num(cy-h/2), num(w), num(h), fill, stroke, num(sw), dash)
}

// OpenEnd draws an arrowhead at x, the end of an interval still open on
// the as-of date.
func (s *svg) OpenEnd(x, cy float64) {
	s.polygon(outline, render.ArrowCorners(x, cy))
}

func (s *svg) polygon(fill string, pts []render.Point) {
	var b strings.Builder
	for i, p := range pts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(num(p.X) + "," + num(p.Y))
	}
	s.printf(`<polygon points="%s" fill="%s" stroke="%s" stroke-width="%s"/>`, b.String(), fill, outline, num(render.MarkOutlineW))
}

// Mark draws the shape of a status, centred on (cx, cy), in colour c with
// a dark outline, so that it reads printed in black and white: the
// shapes of the PDF.
func (s *svg) Mark(m render.Mark, cx, cy, r float64, c string) {
	circle := func(r float64, fill string) {
		// The outline outside radius r, as the PDF's.
		s.printf(`<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="%s" stroke-width="%s"/>`,
			num(cx), num(cy), num(r+render.MarkOutlineW/2), fill, outline, num(render.MarkOutlineW))
	}
	pts := render.MarkCorners(m, cx, cy, r)
	switch m {
	case render.MarkDisc:
		circle(r, c)
	case render.MarkRing:
		circle(r, c)
		circle(r*render.RingHole, white)
	case render.MarkDiamond, render.MarkTriangle:
		s.polygon(c, pts)
	case render.MarkCross:
		d := "M" + num(pts[0].X) + "," + num(pts[0].Y) + "L" + num(pts[1].X) + "," + num(pts[1].Y) +
			"M" + num(pts[2].X) + "," + num(pts[2].Y) + "L" + num(pts[3].X) + "," + num(pts[3].Y)
		s.printf(`<path d="%s" stroke="%s" stroke-width="%s" stroke-linecap="round"/>`, d, outline, num(r*render.CrossOuterW))
		s.printf(`<path d="%s" stroke="%s" stroke-width="%s" stroke-linecap="round"/>`, d, c, num(r*render.CrossInnerW))
	default: // render.MarkSquare
		s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="%s" stroke-width="%s"/>`,
			num(pts[0].X), num(pts[0].Y), num(pts[1].X), num(pts[1].Y), c, outline, num(render.MarkOutlineW))
	}
}

// num formats x with at most two decimals, as short as it goes.
func num(x float64) string {
	x = math.Round(x*100) / 100
	if x == 0 {
		return "0" // no "-0"
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// text escapes t for an SVG element's content.
func text(t string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(t)) // a strings.Builder does not fail
	return b.String()
}

// attr escapes t for an attribute value between double quotes.
func attr(t string) string { return text(t) }

// color returns c as "#rrggbb" when it is "#rgb" or "#rrggbb", else def:
// a colour of the data never reaches the file as it is written.
func color(c, def string) string {
	if x, ok := render.ParseColor(c); ok {
		return x.Hex()
	}
	return def
}
