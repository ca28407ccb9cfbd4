package pdfout

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"github.com/timeline-tool/timeline/render"
)

// The overview strip: era bands with labels on top, one lane per
// category (labelled at the left), one mark or bar per event, and a time
// axis with year ticks at the bottom.
const (
	stripLabelW  = 104  // the lane labels' column
	eraRowH      = 12   // a row of era labels
	axisH        = 18   // the axis and its labels
	stripMark    = 2.1  // the radius of an event's mark
	subRowPitch  = 6    // between the rows of marks inside a lane
	stripLinkCap = 1000 // the strip links its events to the list up to this many
	dedupeFrom   = 2000 // from this many events on, identical marks are drawn once
	laneFont     = 6.8  // the size of the lanes' labels
	maxEraRows   = 4    // rows of era labels; more overlapping eras share the last
)

type stripLayout struct {
	x0, w    float64  // the plot area, from the text area's left edge
	eraRow   []int    // the label row of each era, by index in View.Eras
	eraText  []string // what each era's band shows: its label, its number, or ""
	eraRows  int
	legend   []row // names the eras whose bands show a number
	lanes    int
	laneH    float64
	subRows  int
	pitch    float64    // between the rows of marks inside a lane
	markR    float64    // the radius of an event's mark
	labels   [][]string // the lanes' labels, a line or two each
	lanesTop float64    // from the strip's top
	h        float64
}

func (s *stripLayout) xOf(v *render.View, t float64) float64 {
	return s.x0 + (t-v.AxisStart)/(v.AxisEnd-v.AxisStart)*s.w
}

func (d *doc) layoutStrip() *stripLayout {
	v := d.v
	s := &stripLayout{x0: stripLabelW, w: d.width - stripLabelW}

	// Eras that overlap go in different rows of labels.
	order := make([]int, len(v.Eras))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if v.Eras[a].Start < v.Eras[b].Start {
			return -1
		}
		if v.Eras[a].Start > v.Eras[b].Start {
			return 1
		}
		return 0
	})
	var ends []float64
	s.eraRow = make([]int, len(v.Eras))
	for _, i := range order {
		e := v.Eras[i]
		// Eras that share a boundary year ("1979–1981", "1981–1986") or
		// overlap by a little share a row, the later drawn over the
		// earlier.
		tol := math.Min(1, (e.End-e.Start)/4) + 1e-9
		r := 0
		for r < len(ends) && ends[r] > e.Start+tol {
			r++
		}
		if r == maxEraRows {
			r = maxEraRows - 1 // drawn over the others
		}
		if r == len(ends) {
			ends = append(ends, e.End)
		} else {
			ends[r] = math.Max(ends[r], e.End)
		}
		s.eraRow[i] = r
	}
	s.eraRows = len(ends)

	// An era's band shows its label when it fits, else a number that the
	// legend under the axis explains.
	s.eraText = make([]string, len(v.Eras))
	var legend []string
	for i, e := range v.Eras {
		bw := s.xOf(v, e.End) - s.xOf(v, e.Start) - 3
		label := clean(e.Label, true)
		if d.textWidth(label, sans, 6.8) <= bw {
			s.eraText[i] = label
			continue
		}
		num := strconv.Itoa(len(legend) + 1)
		if d.textWidth(num, sans, 6.8) <= bw+2 {
			s.eraText[i] = num
		}
		entry := num + " " + isolate(label)
		if span := clean(e.SpanLabel, true); span != "" {
			entry += " (" + span + ")"
		}
		legend = append(legend, entry)
	}
	if len(legend) > 0 {
		s.legend = d.para("Eras: "+strings.Join(legend, " · "), sans, 7, 9.5, 0, d.width, ink)
	}

	s.lanes = len(v.Categories)
	switch {
	case s.lanes <= 8:
		s.subRows = 3
	case s.lanes <= 16:
		s.subRows = 2
	default:
		s.subRows = 1
	}
	s.laneH = float64(s.subRows*subRowPitch + 4)
	s.pitch, s.markR = subRowPitch, stripMark
	// The strip never takes more than 60% of a page: with very many
	// categories the lanes get thinner, down to thin lines of marks.
	fixed := s.lanesTop + axisH
	for _, r := range s.legend {
		fixed += r.h
	}
	if room := (d.bot-d.top)*0.6 - fixed; s.lanes > 0 && float64(s.lanes)*s.laneH > room {
		s.subRows = 1
		s.laneH = math.Max(2.5, room/float64(s.lanes))
		s.pitch = s.laneH
		s.markR = math.Max(0.8, math.Min(stripMark, s.laneH/2-0.4))
	}
	// A lane's label takes two lines when the lane is tall enough, and
	// none when it is too thin for one.
	lines := 0
	switch {
	case s.laneH >= 16:
		lines = 2
	case s.laneH >= 7:
		lines = 1
	}
	for _, c := range v.Categories {
		label := isolate(clean(c.Label, true)) + " (" + strconv.Itoa(c.Count) + ")"
		ls := d.wrap(label, sans, laneFont, stripLabelW-12)
		if lines == 0 {
			ls = nil
		} else if len(ls) > lines {
			ls[lines-1] = d.fit(strings.Join(ls[lines-1:], " "), sans, laneFont, stripLabelW-12)
			ls = ls[:lines]
		}
		s.labels = append(s.labels, ls)
	}
	s.lanesTop = float64(s.eraRows * eraRowH)
	s.h = s.lanesTop + float64(s.lanes)*s.laneH + axisH
	for _, r := range s.legend {
		s.h += r.h
	}
	return s
}

// drawStrip draws the overview strip with its top left corner at (x, y);
// eraLink holds the internal link of each era's heading.
func (d *doc) drawStrip(x, y float64, eraLink map[*render.EraView]int) {
	v, s := d.v, d.strip
	X := func(t float64) float64 { return x + s.xOf(v, t) }
	lanesTop := y + s.lanesTop
	lanesH := float64(s.lanes) * s.laneH
	axisY := lanesTop + lanesH
	px0, px1 := x+s.x0, x+s.x0+s.w

	for i, e := range v.Eras {
		x0, x1 := X(e.Start), X(e.End)
		ry := y + float64(s.eraRow[i]*eraRowH)
		d.setFill(parseColor(e.Color))
		d.setStroke(lightInk, lineWidth)
		d.pdf.Rect(x0, ry, x1-x0, eraRowH, "FD")
		if s.eraRow[i] == 0 && lanesH > 0 {
			d.pdf.Rect(x0, lanesTop, x1-x0, lanesH, "F")
		}
		if t := s.eraText[i]; t != "" {
			d.text(sans, 6.8, ink, (x0+x1)/2-d.textWidth(t, sans, 6.8)/2, ry+8.4, t)
		}
		if id := eraLink[e]; id != 0 {
			d.pdf.Link(x0, ry, x1-x0, eraRowH, id)
		}
	}
	if lanesH > 0 {
		// Era boundaries across the lanes, so that bands read without colour.
		d.setStroke(lightInk, lineWidth)
		for _, e := range v.Eras {
			for _, t := range [2]float64{e.Start, e.End} {
				if xt := X(t); xt > px0+0.5 && xt < px1-0.5 {
					d.pdf.Line(xt, lanesTop, xt, axisY)
				}
			}
		}
	}

	colors := make([]rgb, s.lanes)
	for k, c := range v.Categories {
		colors[k] = parseColor(c.Color)
		ly := lanesTop + float64(k)*s.laneH
		if k > 0 {
			d.setStroke(rule, lineWidth)
			d.pdf.Line(px0, ly, px1, ly)
		}
		d.setFill(colors[k])
		d.setStroke(outline, 0.3)
		sw := math.Min(6, s.laneH-0.8)
		d.pdf.Rect(x, ly+(s.laneH-sw)/2, sw, sw, "FD")
		ls := s.labels[k]
		for j, l := range ls {
			d.text(sans, laneFont, ink, x+9, ly+s.laneH/2+2.4+(float64(j)-float64(len(ls)-1)/2)*8, l)
		}
	}
	if lanesH > 0 {
		d.setStroke(lightInk, lineWidth)
		d.pdf.Rect(px0, lanesTop, s.w, lanesH, "D")
	}

	// The events: bars first, then marks on top. Within a lane each event
	// takes the first row of marks where it overlaps nothing.
	type key struct {
		lane, sub int16
		shape     render.Shape
		mark      render.Mark
		x0, x1    int32
	}
	var seen map[key]bool
	last := make([]float64, s.lanes*s.subRows)
	for pass := range 2 {
		if len(v.Events) >= dedupeFrom {
			seen = make(map[key]bool)
		}
		for i := range last {
			last[i] = math.Inf(-1)
		}
		for _, e := range v.Events {
			lane := e.Category.Lane
			if lane < 0 || lane >= s.lanes {
				continue
			}
			xm, x0, x1 := X(e.Mid), X(e.Start), X(e.End)
			lo, hi := xm-s.markR-0.6, xm+s.markR+0.6
			if e.Shape != render.ShapePoint {
				lo, hi = math.Min(lo, x0), math.Max(hi, x1)
			}
			base, sub, best := lane*s.subRows, -1, 0
			for j := range s.subRows {
				if last[base+j] <= lo {
					sub = j
					break
				}
				if last[base+j] < last[base+best] {
					best = j
				}
			}
			if sub < 0 {
				sub = best
			}
			last[base+sub] = math.Max(last[base+sub], hi)
			cy := lanesTop + float64(lane)*s.laneH + (s.laneH-float64(s.subRows)*s.pitch)/2 + s.pitch/2 + float64(sub)*s.pitch
			if seen != nil {
				k := key{int16(lane), int16(sub), e.Shape, e.Status.Mark, int32(x0 * 4), int32(x1 * 4)}
				if pass == 1 {
					k.x0, k.x1 = int32(xm*4), -1
				}
				if seen[k] {
					continue
				}
				seen[k] = true
			}
			c := colors[lane]
			if pass == 0 {
				if e.Shape != render.ShapePoint {
					d.bar(e.Shape, x0, x1, cy, c, e.Approximate || e.Uncertain)
					if e.OpenEnd {
						d.openEnd(x1, cy)
					}
				}
				continue
			}
			d.mark(e.Status.Mark, xm, cy, s.markR, c)
			if d.eventLink != nil {
				if id := d.eventLink[e.Index]; id != 0 {
					d.pdf.Link(xm-s.markR-0.5, cy-s.markR-0.5, 2*s.markR+1, 2*s.markR+1, id)
				}
			}
		}
	}

	// The axis.
	d.setStroke(ink, 0.5)
	d.pdf.Line(px0, axisY, px1, axisY)
	start, end := int(math.Round(v.AxisStart)), int(math.Round(v.AxisEnd))
	major, minor := tickSteps(end-start, s.w)
	d.setStroke(ink, lineWidth)
	// Before year 1 the ticks fall on round BCE years: astronomical year
	// -49 is 50 BCE.
	round := func(yr, step int) bool {
		if yr <= 0 {
			return (1-yr)%step == 0
		}
		return yr%step == 0
	}
	inc := 1
	if start > 0 || end-start > 20000 {
		start, inc = ceilTo(start, minor), minor
	}
	for yr := start; yr <= end; yr += inc {
		if !round(yr, minor) {
			continue
		}
		xt := X(float64(yr))
		if round(yr, major) {
			d.pdf.Line(xt, axisY, xt, axisY+4)
			l := yearLabel(yr)
			lw := d.textWidth(l, sans, 7)
			lx := math.Max(px0-4, math.Min(px1+4-lw, xt-lw/2))
			d.text(sans, 7, ink, lx, axisY+11.5, l)
		} else {
			d.pdf.Line(xt, axisY, xt, axisY+2)
		}
	}
	ly := axisY + axisH
	for _, r := range s.legend {
		d.row(&r, x, ly)
		ly += r.h
	}
}

// tickSteps returns the years between labelled ticks and between all
// ticks, for span years drawn across w points.
func tickSteps(span int, w float64) (major, minor int) {
	perYear := w / float64(max(span, 1))
	major = 1
	for i := 0; float64(major)*perYear < 34; i++ {
		major = [3]int{1, 2, 5}[(i+1)%3] * pow10((i+1)/3)
	}
	minor = major
	for _, div := range []int{10, 5, 2} {
		if major%div == 0 && float64(major/div)*perYear >= 4 {
			minor = major / div
			break
		}
	}
	return major, minor
}

func pow10(n int) int {
	p := 1
	for range n {
		p *= 10
	}
	return p
}

// ceilTo returns the least multiple of step not below n.
func ceilTo(n, step int) int {
	m := n / step * step
	if m < n {
		m += step
	}
	return m
}

// yearLabel labels year y, counted astronomically: 0 is "1 BCE".
func yearLabel(y int) string {
	if y <= 0 {
		return strconv.Itoa(1-y) + " BCE"
	}
	return strconv.Itoa(y)
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

// keyLayout places the key under the strip: the status marks and the
// three ways a date is drawn.
type keyLayout struct {
	items []keyItem
	h     float64
}

type keyItem struct {
	x, y  float64
	icon  uint8 // keyText, keyMark, keyRange, keySpan
	mark  render.Mark
	text  string
	face  face
	color rgb
}

const (
	keyText uint8 = iota
	keyMark
	keyRange
	keySpan
	keyOpen
	keyDashed
	keyLineH  = 13
	keyIndent = 44
)

func (d *doc) layoutKey() *keyLayout {
	k := &keyLayout{}
	x, y := 0.0, 0.0
	add := func(icon uint8, m render.Mark, text string) {
		iw := [...]float64{0, 9, 17, 17, 20, 17}[icon]
		w := iw + d.textWidth(text, sans, 7.5)
		if x > keyIndent && x+w > d.width {
			x, y = keyIndent, y+keyLineH
		}
		k.items = append(k.items, keyItem{x: x, y: y, icon: icon, mark: m, text: text, face: sans, color: ink})
		x += w + 11
	}
	head := func(text string) {
		if len(k.items) > 0 {
			y += keyLineH
		}
		k.items = append(k.items, keyItem{x: 0, y: y, text: text, face: sansBold, color: ink})
		x = keyIndent
	}
	head("Status")
	for _, s := range d.v.Statuses {
		add(keyMark, s.Mark, isolate(clean(s.Label, true))+" ("+strconv.Itoa(s.Count)+")")
	}
	head("Dates")
	add(keyMark, render.MarkDisc, "month or day")
	add(keyRange, render.MarkDisc, "year, decade, century or “some time between”, across its whole span")
	add(keySpan, render.MarkDisc, "interval")
	add(keyOpen, render.MarkDisc, "still open")
	add(keyDashed, render.MarkDisc, "approximate (c.) or uncertain (?)")
	k.h = y + keyLineH
	return k
}

func (d *doc) drawKey(x, y float64) {
	for _, it := range d.key.items {
		ix, cy := x+it.x, y+it.y+keyLineH/2
		tx := ix
		switch it.icon {
		case keyMark:
			d.mark(it.mark, ix+3, cy-0.5, 2.4, grey)
			tx += 9
		case keyRange, keySpan, keyDashed:
			shape := render.ShapeRange
			if it.icon == keySpan {
				shape = render.ShapeSpan
			}
			d.bar(shape, ix, ix+14, cy-0.5, grey, it.icon == keyDashed)
			d.mark(render.MarkDisc, ix+7, cy-0.5, 2, grey)
			tx += 17
		case keyOpen:
			d.bar(render.ShapeSpan, ix, ix+14, cy-0.5, grey, false)
			d.openEnd(ix+14, cy-0.5)
			tx += 20
		}
		d.text(it.face, 7.5, it.color, tx, cy+2.3, it.text)
	}
}
