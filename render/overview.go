package render

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/timeline-tool/timeline/timeline"
)

// The overview: era bands with labels on top, one lane per category
// (labelled at the left), one mark or bar per event, a time axis with
// year ticks at the bottom, and under it the key. Its layout is made
// here, once, in points from its top left corner; the PDF (its first
// page's strip) and the SVG draw the same layout, so they never
// disagree.

// The overview's fixed measures, in points.
const (
	OverviewLabelW    = 104  // the lane labels' column
	OverviewEraRowH   = 12   // a row of era labels
	OverviewAxisH     = 18   // the axis and its labels
	OverviewMarkR     = 2.1  // the radius of an event's mark
	OverviewLabelSize = 6.8  // the size of the lanes' and the eras' labels
	OverviewTickSize  = 7    // the size of the axis' labels
	OverviewLegendH   = 9.5  // a line of the era legend under the axis
	OverviewKeySize   = 7.5  // the size of the key's text
	OverviewKeyLineH  = 13   // a line of the key
	overviewKeyIndent = 44   // where the key's entries start, after its headings
	subRowPitch       = 6    // between the rows of marks inside a lane
	dedupeFrom        = 2000 // from this many events on, identical marks are placed once
	maxEraRows        = 4    // rows of era labels; more overlapping eras share the last
)

// TextMeasure is how a writer sets the overview's text in its fonts: the
// layout asks it how wide a text is and where lines break.
type TextMeasure interface {
	// Clean returns s, a text of the data, as the writer can draw it on
	// one line.
	Clean(s string) string
	// Isolate returns s, clean, as the writer draws it within a line of
	// the overview's own (English) text, so that right-to-left text does
	// not take the numbers after it into its direction.
	Isolate(s string) string
	// Width returns the width of s at size, in the bold face or not.
	Width(s string, size float64, bold bool) float64
	// Wrap breaks s into lines no wider than w at size, regular face.
	Wrap(s string, size, w float64) []string
}

// Overview is the layout of the overview, from its top left corner.
type Overview struct {
	Width, Height float64 // the strip's: eras, lanes, axis and era legend (not the key)
	PlotX, PlotW  float64 // the plot area, right of the lane labels

	EraRows  int
	LanesTop float64 // the top of the first lane
	LaneH    float64
	AxisY    float64 // the axis line, under the last lane
	MarkR    float64 // the radius of an event's mark

	Eras   []OverviewEra
	Lanes  []OverviewLane
	Bars   []OverviewBar  // drawn first
	Marks  []OverviewMark // drawn over the bars
	Ticks  []OverviewTick
	Legend []string // lines naming the eras whose bands show a number, each OverviewLegendH tall, from AxisY+OverviewAxisH

	subRows int     // rows of marks in a lane
	pitch   float64 // between the rows of marks in a lane
}

// OverviewEra is an era's band: its label row at Y, and, for an era in
// the first row, the band behind the lanes.
type OverviewEra struct {
	Era    *EraView
	X0, X1 float64
	Row    int
	Y      float64
	Text   string  // its label, its number in the legend, or ""
	TextW  float64 // the width of Text
}

// OverviewLane is a category's lane.
type OverviewLane struct {
	Category *CategoryView
	Y        float64  // its top
	Lines    []string // its label, none, one or two lines
}

// OverviewBar is the bar of an event that is not a point: faint for a
// Range, solid for a Span; dashed when approximate or uncertain; with an
// arrow at X1 for an open end.
type OverviewBar struct {
	Event   *EventView
	Shape   Shape
	X0, X1  float64
	Y       float64 // its centre
	Dashed  bool
	OpenEnd bool
}

// OverviewMark is the mark of an event's status at (X, Y).
type OverviewMark struct {
	Event *EventView
	Mark  Mark
	X, Y  float64
}

// OverviewTick is a tick of the axis; a major one has a label whose left
// end is at LabelX.
type OverviewTick struct {
	X      float64
	Major  bool
	Label  string
	LabelX float64
}

// OverviewOptions size the overview.
type OverviewOptions struct {
	Width float64 // the whole width, lane labels included
	// MaxHeight is the height the eras, lanes, axis and legend may take
	// together at most: with very many categories the lanes get
	// thinner, down to thin lines of marks. 0 for no limit.
	MaxHeight float64
}

// xOf returns where the time t (a fractional year) falls across the plot.
func (o *Overview) xOf(v *View, t float64) float64 {
	return o.PlotX + (t-v.AxisStart)/(v.AxisEnd-v.AxisStart)*o.PlotW
}

// Overview lays out the overview of v with text measured by m.
func (v *View) Overview(opts OverviewOptions, m TextMeasure) *Overview {
	o := &Overview{Width: opts.Width, PlotX: OverviewLabelW, PlotW: opts.Width - OverviewLabelW}
	eraRow := v.eraRows()
	for _, r := range eraRow {
		o.EraRows = max(o.EraRows, r+1)
	}
	o.layoutEras(v, eraRow, m)
	o.layoutLanes(v, opts, m)
	o.layoutEvents(v)
	o.layoutTicks(v, m)
	o.Height = o.AxisY + OverviewAxisH + float64(len(o.Legend))*OverviewLegendH
	return o
}

// eraRows returns the label row of each era: eras that overlap go in
// different rows.
func (v *View) eraRows() []int {
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
	rows := make([]int, len(v.Eras))
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
		rows[i] = r
	}
	return rows
}

// layoutEras places the era bands. A band shows its era's label when it
// fits, else its number, which the legend under the axis explains. An era's
// number is its place among the view's eras, as on the page, so that "3"
// is the same era in the page, the PDF and the SVG.
func (o *Overview) layoutEras(v *View, rows []int, m TextMeasure) {
	var legend []string
	for i, e := range v.Eras {
		x0, x1 := o.xOf(v, e.Start), o.xOf(v, e.End)
		oe := OverviewEra{Era: e, X0: x0, X1: x1, Row: rows[i], Y: float64(rows[i] * OverviewEraRowH)}
		bw := x1 - x0 - 3
		label := m.Clean(e.Label)
		if w := m.Width(label, OverviewLabelSize, false); w <= bw {
			oe.Text, oe.TextW = label, w
			o.Eras = append(o.Eras, oe)
			continue
		}
		num := strconv.Itoa(i + 1)
		if w := m.Width(num, OverviewLabelSize, false); w <= bw+2 {
			oe.Text, oe.TextW = num, w
		}
		entry := num + " " + m.Isolate(label)
		if span := m.Clean(e.SpanLabel); span != "" {
			entry += " (" + span + ")"
		}
		legend = append(legend, entry)
		o.Eras = append(o.Eras, oe)
	}
	if len(legend) > 0 {
		o.Legend = m.Wrap("Eras: "+strings.Join(legend, " · "), OverviewTickSize, o.Width)
	}
}

// layoutLanes sizes the lanes and their labels.
func (o *Overview) layoutLanes(v *View, opts OverviewOptions, m TextMeasure) {
	n := len(v.Categories)
	subRows := 3
	switch {
	case n <= 8:
	case n <= 16:
		subRows = 2
	default:
		subRows = 1
	}
	o.LaneH = float64(subRows*subRowPitch + 4)
	o.MarkR = OverviewMarkR
	pitch := float64(subRowPitch)
	// The strip keeps within MaxHeight: with very many categories the
	// lanes get thinner, down to thin lines of marks. (The rows of era
	// labels are not counted, as the PDF has always done.)
	fixed := OverviewAxisH + float64(len(o.Legend))*OverviewLegendH
	if room := opts.MaxHeight - fixed; opts.MaxHeight > 0 && n > 0 && float64(n)*o.LaneH > room {
		subRows = 1
		o.LaneH = math.Max(2.5, room/float64(n))
		pitch = o.LaneH
		o.MarkR = math.Max(0.8, math.Min(OverviewMarkR, o.LaneH/2-0.4))
	}
	o.LanesTop = float64(o.EraRows * OverviewEraRowH)
	o.AxisY = o.LanesTop + float64(n)*o.LaneH
	// A lane's label takes two lines when the lane is tall enough, and
	// none when it is too thin for one.
	lines := 0
	switch {
	case o.LaneH >= 16:
		lines = 2
	case o.LaneH >= 7:
		lines = 1
	}
	for k, c := range v.Categories {
		label := m.Isolate(m.Clean(c.Label)) + " (" + strconv.Itoa(c.Count) + ")"
		ls := m.Wrap(label, OverviewLabelSize, OverviewLabelW-12)
		if lines == 0 {
			ls = nil
		} else if len(ls) > lines {
			ls[lines-1] = fit(strings.Join(ls[lines-1:], " "), OverviewLabelSize, OverviewLabelW-12, m)
			ls = ls[:lines]
		}
		o.Lanes = append(o.Lanes, OverviewLane{Category: c, Y: o.LanesTop + float64(k)*o.LaneH, Lines: ls})
	}
	o.subRows, o.pitch = subRows, pitch
}

// layoutEvents places the events' bars and marks. Within a lane each
// event takes the first row of marks where it overlaps nothing. From
// dedupeFrom events on, a bar or mark identical to one already placed
// (to a quarter point) is left out.
func (o *Overview) layoutEvents(v *View) {
	type key struct {
		lane, sub int16
		shape     Shape
		mark      Mark
		x0, x1    int32
	}
	var barSeen, markSeen map[key]bool
	if len(v.Events) >= dedupeFrom {
		barSeen, markSeen = map[key]bool{}, map[key]bool{}
	}
	lanes := len(o.Lanes)
	last := make([]float64, lanes*o.subRows)
	for i := range last {
		last[i] = math.Inf(-1)
	}
	for _, e := range v.Events {
		lane := e.Category.Lane
		if lane < 0 || lane >= lanes {
			continue
		}
		xm, x0, x1 := o.xOf(v, e.Mid), o.xOf(v, e.Start), o.xOf(v, e.End)
		lo, hi := xm-o.MarkR-0.6, xm+o.MarkR+0.6
		if e.Shape != ShapePoint {
			lo, hi = math.Min(lo, x0), math.Max(hi, x1)
		}
		base, sub, best := lane*o.subRows, -1, 0
		for j := range o.subRows {
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
		cy := o.LanesTop + float64(lane)*o.LaneH + (o.LaneH-float64(o.subRows)*o.pitch)/2 + o.pitch/2 + float64(sub)*o.pitch
		bk := key{int16(lane), int16(sub), e.Shape, e.Status.Mark, int32(x0 * 4), int32(x1 * 4)}
		mk := key{int16(lane), int16(sub), e.Shape, e.Status.Mark, int32(xm * 4), -1}
		if e.Shape != ShapePoint && (barSeen == nil || !barSeen[bk]) {
			if barSeen != nil {
				barSeen[bk] = true
			}
			o.Bars = append(o.Bars, OverviewBar{Event: e, Shape: e.Shape, X0: x0, X1: x1, Y: cy, Dashed: e.Approximate || e.Uncertain, OpenEnd: e.OpenEnd})
		}
		if markSeen == nil || !markSeen[mk] {
			if markSeen != nil {
				markSeen[mk] = true
			}
			o.Marks = append(o.Marks, OverviewMark{Event: e, Mark: e.Status.Mark, X: xm, Y: cy})
		}
	}
}

// layoutTicks places the axis' ticks: year ticks at round steps that
// suit the width, the major ones labelled.
func (o *Overview) layoutTicks(v *View, m TextMeasure) {
	px0, px1 := o.PlotX, o.PlotX+o.PlotW
	if v.AxisHours {
		o.layoutHourTicks(v, m)
		return
	}
	start, end := int(math.Round(v.AxisStart)), int(math.Round(v.AxisEnd))
	major, minor := tickSteps(end-start, o.PlotW)
	// Before year 1 the ticks fall on round BCE years: astronomical year
	// -49 is 50 BCE.
	round := func(yr, step int) bool {
		if yr <= 0 {
			return (1-yr)%step == 0
		}
		return yr%step == 0
	}
	label := yearLabel
	if v.DeepTime {
		// Ticks at round years, labelled in years ago, as far apart as
		// their long labels need.
		round = func(yr, step int) bool { return yr%step == 0 }
		label = AxisYearLabel
		major, minor = deepTickSteps(start, end, o.PlotW, func(yr int) float64 {
			return m.Width(label(yr), OverviewTickSize, false)
		})
	}
	inc := 1
	if start > 0 || end-start > 20000 {
		start, inc = ceilTo(start, minor), minor
	}
	for yr := start; yr <= end; yr += inc {
		if !round(yr, minor) {
			continue
		}
		t := OverviewTick{X: o.xOf(v, float64(yr))}
		if round(yr, major) {
			t.Major, t.Label = true, label(yr)
			lw := m.Width(t.Label, OverviewTickSize, false)
			t.LabelX = math.Max(px0-4, math.Min(px1+4-lw, t.X-lw/2))
		}
		o.Ticks = append(o.Ticks, t)
	}
}

// layoutHourTicks places the ticks of an axis of hours (View.AxisHours):
// at round hours or minutes that suit the width, the major ones labelled
// with their time (hourTickLabel).
func (o *Overview) layoutHourTicks(v *View, m TextMeasure) {
	day := dayOf(v.AxisStart)
	minutes := int(dayOf(v.AxisEnd-1e-9)+1-day) * 24 * 60
	major, minor := hourTickSteps(minutes, o.PlotW)
	for min := 0; min <= minutes; min += minor {
		at := timeline.Moment{Day: day + timeline.Day(min/1440), Milli: int32(min%1440) * 60_000}
		t := OverviewTick{X: o.xOf(v, at.YearFraction())}
		if min%major == 0 {
			t.Major, t.Label = true, hourTickLabel(at)
			lw := m.Width(t.Label, OverviewTickSize, false)
			t.LabelX = math.Max(o.PlotX-4, math.Min(o.PlotX+o.PlotW+4-lw, t.X-lw/2))
		}
		o.Ticks = append(o.Ticks, t)
	}
}

// hourTickSteps returns the minutes between labelled ticks and between
// all ticks, for an axis of minutes drawn across w points: labelled ticks
// at least 34 points apart (at midnight a label is a date, wider), at
// round steps of minutes or hours.
func hourTickSteps(minutes int, w float64) (major, minor int) {
	perMin := w / float64(max(minutes, 1))
	steps := []int{1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440}
	major = steps[len(steps)-1]
	for _, s := range steps {
		if float64(s)*perMin >= 34 {
			major = s
			break
		}
	}
	// Every sixth, fourth, third or half of a step is a round number of
	// minutes.
	return major, minorStep(major, perMin, 6, 4, 3, 2)
}

// hourTickLabel labels a tick of an axis of hours: its time ("06:00"),
// or at midnight its day ("21 Apr 1910").
func hourTickLabel(at timeline.Moment) string {
	if at.Milli == 0 {
		y, mo, d := at.Day.Date()
		return timeline.Point{Year: y, Month: mo, Day: d, Digits: 3}.Label()
	}
	min := int(at.Milli / 60_000)
	return timeline.Clock{Set: true, Hour: uint8(min / 60), Minute: uint8(min % 60)}.String()
}

// tickSteps returns the years between labelled ticks and between all
// ticks, for span years drawn across w points.
func tickSteps(span int, w float64) (major, minor int) {
	perYear := w / float64(max(span, 1))
	major = 1
	for i := 0; float64(major)*perYear < 34; i++ {
		major = [3]int{1, 2, 5}[(i+1)%3] * int(math.Pow10((i+1)/3))
	}
	return major, minorStep(major, perYear, 10, 5, 2)
}

// deepTickSteps returns tickSteps for an axis of deep time from start to
// end across w points: labelled ticks as far apart as the widest of
// their labels (width) and a gap, and up to five unlabelled between.
func deepTickSteps(start, end int, w float64, width func(int) float64) (major, minor int) {
	perYear := w / float64(max(end-start, 1))
	for i := 0; ; i++ {
		major = [3]int{1, 2, 5}[i%3] * int(math.Pow10(i/3))
		if major > end-start {
			break
		}
		if float64(major)*perYear < 34 {
			continue // closer than any label fits
		}
		widest := 0.0
		for yr := ceilTo(start, major); yr <= end; yr += major {
			widest = math.Max(widest, width(yr))
		}
		if float64(major)*perYear >= widest+8 {
			break
		}
	}
	return major, minorStep(major, perYear, 5, 2)
}

// minorStep returns the units (years, or minutes on an axis of hours)
// between all ticks when the labelled ones are major units apart, perUnit
// points a unit: major divided by the first of divs that divides it into
// steps at least 4 points apart, else major.
func minorStep(major int, perUnit float64, divs ...int) int {
	for _, div := range divs {
		if major%div == 0 && float64(major/div)*perUnit >= 4 {
			return major / div
		}
	}
	return major
}

// ceilTo returns the least multiple of step not below n.
func ceilTo(n, step int) int {
	m := n / step * step
	if m < n {
		m += step
	}
	return m
}

// AxisYearLabel labels the tick of year y on an axis of deep time
// (View.DeepTime), the same in the page, the PDF and the SVG: years before
// 0 in years ago ("13 billion years ago", "250 million years ago",
// "300,000 years ago"), counted from year 0, as round ticks read; later
// years as numbers ("2000", "170,000,000").
func AxisYearLabel(y int) string {
	switch {
	case y <= -1_000_000:
		return timeline.DeepYearLabel(y)
	case y < 0:
		return timeline.DeepYearLabel(-y) + " years ago" // a positive year is its number
	case y == 0:
		return "0"
	}
	return timeline.DeepYearLabel(y)
}

// yearLabel labels year y, counted astronomically: 0 is "1 BCE".
func yearLabel(y int) string {
	if y <= 0 {
		return strconv.Itoa(1-y) + " BCE"
	}
	return strconv.Itoa(y)
}

// fit returns s, or as much of it as fits in w at size followed by "…".
func fit(s string, size, w float64, m TextMeasure) string {
	return Fit(s, w, func(t string) float64 { return m.Width(t, size, false) })
}

// Fit returns s, or the longest prefix of it that, followed by "…", is no
// wider than w by width, with trailing spaces dropped before the "…". Both
// writers shorten text with it, each measuring in its own fonts.
func Fit(s string, w float64, width func(string) float64) string {
	if width(s) <= w {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs) // the longest prefix that fits is in [lo, hi)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if width(string(rs[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid
		}
	}
	return strings.TrimRight(string(rs[:lo]), " ") + "…"
}

// KeyIcon is what an entry of the key shows before its text.
type KeyIcon uint8

// The icons of the key.
const (
	KeyText   KeyIcon = iota // a heading: no icon, bold text
	KeyMark                  // a status' mark
	KeyRange                 // a faint bar with a mark at its middle
	KeySpan                  // a solid bar with a mark at its middle
	KeyOpen                  // a solid bar with an arrow
	KeyDashed                // a dashed bar with a mark at its middle
)

// KeyIconW is the width of each icon with the space after it.
var KeyIconW = [...]float64{0, 9, 17, 17, 20, 17}

// KeyItem is an entry of the key, at (X, Y) from the key's top left.
type KeyItem struct {
	X, Y float64
	Icon KeyIcon
	Mark Mark
	Text string
	Bold bool
}

// Key is the layout of the key under the overview: the status marks and
// the ways a date is drawn.
type Key struct {
	Items  []KeyItem
	Height float64
}

// Key lays out the key across width with text measured by m.
func (v *View) Key(width float64, m TextMeasure) *Key {
	k := &Key{}
	x, y := 0.0, 0.0
	add := func(icon KeyIcon, mk Mark, text string) {
		w := KeyIconW[icon] + m.Width(text, OverviewKeySize, false)
		if x > overviewKeyIndent && x+w > width {
			x, y = overviewKeyIndent, y+OverviewKeyLineH
		}
		k.Items = append(k.Items, KeyItem{X: x, Y: y, Icon: icon, Mark: mk, Text: text})
		x += w + 11
	}
	head := func(text string) {
		if len(k.Items) > 0 {
			y += OverviewKeyLineH
		}
		k.Items = append(k.Items, KeyItem{X: 0, Y: y, Text: text, Bold: true})
		x = overviewKeyIndent
	}
	head("Status")
	for _, s := range v.Statuses {
		add(KeyMark, s.Mark, m.Isolate(m.Clean(s.Label))+" ("+strconv.Itoa(s.Count)+")")
	}
	head("Dates")
	add(KeyMark, MarkDisc, "month or day")
	add(KeyRange, MarkDisc, "year, decade, century or “some time between”, across its whole span")
	add(KeySpan, MarkDisc, "interval")
	add(KeyOpen, MarkDisc, "still open")
	add(KeyDashed, MarkDisc, "approximate (c.) or uncertain (?)")
	k.Height = y + OverviewKeyLineH
	return k
}
