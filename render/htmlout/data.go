package htmlout

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"github.com/timeline-tool/timeline/render"
)

// dataScale is the number of data units in a year: event positions go to
// the page as whole numbers of 1/10,000 year (under an hour) from the
// start of the axis; of timeScale (a second) when events have times of
// day, so that the marks of times in one hour stand apart (pageData.Scale).
const (
	dataScale = 1e4
	timeScale = 365.2425 * 86400
)

// evFields is the number of integers per event in pageData.Ev.
const evFields = 5

// The bits of an event's flags (pageData.Ev field 3).
const (
	flagShapeShift = 3 // bits 3–4: render.Shape
	flagApprox     = 1 << 5
	flagUncertain  = 1 << 6
	// bits 0–2: render.Mark
)

// manyEvents is the number of events from which marks are drawn smaller.
const manyEvents = 2000

// pageData is the JSON the page script reads. Text of events is not in it:
// the script reads it from the table, so that each string is in the page
// once.
type pageData struct {
	// Chart and Counts are the ECharts options of the timeline and of the
	// events-per-era chart, built with go-echarts, without functions and
	// without data; the script adds both.
	Chart  map[string]any `json:"chart"`
	Counts map[string]any `json:"counts"`
	// Axis is View.AxisStart and AxisEnd, in fractional years.
	Axis [2]float64 `json:"axis"`
	// Scale is the number of data units of Ev in a year: dataScale, or
	// timeScale when events have times of day (Times).
	Scale float64 `json:"scale"`
	// Times is true when events have times of day: the chart zooms in
	// to an hour and labels a view of a few days or less in hours.
	Times bool `json:"times,omitempty"`
	// Ev holds evFields integers per event, in View.Events order: start
	// (data units from Axis[0]), length (data units), lane*8+subrow,
	// flags (mark, shape, approximate, uncertain) and era (index+1 in
	// Eras, 0 for none).
	Ev []int64 `json:"ev"`
	// Sub is the number of sub-rows of every lane.
	Sub int `json:"sub"`
	// Eras are the era bands: start and end in fractional years, colour
	// and label.
	Eras []eraData `json:"eras"`
	// Scatter lists the kinds of marks there are, as [lane, mark, fuzzy]
	// (fuzzy is 1 for approximate or uncertain dates), in the order the
	// page draws them; Chart's scatter series, after the bar series, are
	// one per lane.
	Scatter [][3]int `json:"scatter"`
	// Outlines gives, by render.Mark, the outline of each mark that is
	// not a circle (markOutlines), as x, y pairs in a box of 10 by 10;
	// Ring is the mark drawn as a circle's outline, MarkSize the size
	// of the marks in pixels and MarkOpacity the opacity of marks of
	// exact dates and of approximate or uncertain ones.
	Outlines    map[int][]float64 `json:"ol"`
	Ring        int               `json:"ring"`
	MarkSize    int               `json:"msize"`
	MarkOpacity [2]float64        `json:"mop"`
	// Lanes is the number of lanes; Chart's series 1..Lanes draw their
	// bars.
	Lanes int `json:"lanes"`
	// Top is the height, in pixels, of the era labels above the
	// timeline's plot.
	Top int `json:"top"`
	// Bottom is the height, in pixels, of the time axis and the zoom
	// slider under the plot.
	Bottom int `json:"bottom"`
	// NoEra is true when some event has no era: the counts chart then has
	// a last bar, "No era".
	NoEra bool `json:"noera"`
	// Deep is View.DeepTime: the axis is labelled in years ago.
	Deep bool `json:"deep,omitempty"`
	// Labels are the lanes' labels. ECharts knows the lanes by laneKey
	// names only, never by data text, which as a property name of its
	// plain objects ("__proto__", "hasOwnProperty") breaks them.
	Labels []string `json:"labels"`
	// CatIDs are the lanes' category ids, their names in the page's URL.
	CatIDs []string `json:"cids"`
	// CatDark are the lanes' colours on a dark page (the light ones are
	// in Chart's series).
	CatDark []string `json:"cdark"`
	// Themes are render.Light and render.Dark, for the charts.
	Themes [2]render.Theme `json:"themes"`
	// Tags are the events' tags, each once, in order of first use, and
	// EvTags gives the tags of each event that has some, as
	// [event index, n, n indexes into Tags]...: the search looks in tags,
	// which the page does not show.
	Tags   []string `json:"tags,omitempty"`
	EvTags []int    `json:"et,omitempty"`
	// SrcTitles gives, as [number, title]..., the title of each numbered
	// source whose citation does not hold it as given (titleAt); the
	// others' titles are the <bdi> of their citation in the source list.
	SrcTitles []any `json:"st,omitempty"`

	// Big is true for a big page (isBig), which has no rows in its HTML:
	// the script draws the rows and sources in view from Chunks, the one
	// copy of their text in the page.
	Big bool `json:"big,omitempty"`
	// Early is true for a big page that draws its chart before its text
	// is read (earlyChart).
	Early bool `json:"early,omitempty"`
	// Split is true for a page whose filters update the charts in a task
	// after the one that updates the rest (splitChart).
	Split bool `json:"split,omitempty"`
	// Layers is true for a chart drawn in layers (layered).
	Layers bool `json:"layers,omitempty"`
	// Chunks hold the text of a big page's events and sources, in blocks
	// of their own at the end of the page (bigData).
	Chunks []textChunk `json:"-"`
	// Status gives each mark's status label (render.Mark order), and
	// Settled the mark of established events, which name no attribution
	// in their status; Glyphs are the marks' glyphs (Mark.Glyph).
	Status  []string `json:"sl,omitempty"`
	Glyphs  []string `json:"gl,omitempty"`
	Settled int      `json:"se,omitempty"`
}

// laneKey is the name ECharts knows lane l by, in legends and series.
func laneKey(l int) string { return "lane" + strconv.Itoa(l) }

type eraData struct {
	ID    string  `json:"id"` // the era's id, its name in the page's URL
	Start float64 `json:"s"`
	End   float64 `json:"e"`
	Color string  `json:"c"`
	Dark  string  `json:"d"` // the colour on a dark page
	Label string  `json:"l"`
	Span  string  `json:"p"` // "1986–2003"
}

// markOutlines are the outlines of the marks, in render.Mark order, as
// x, y pairs in a box of 10 by 10, which the page script draws
// (pageData.Outlines): the disc and the ring (a circle's outline, where
// the ring's annulus, outer radius half the size and inner about a
// third, would be) are circles and have none. The page draws every
// mark itself, one path per lane, mark and fuzziness, so that a page
// has one ECharts scatter series per lane, empty, which names the lane
// for the legend (the page finds the mark under the pointer and shows its
// tooltip itself): ECharts spent about 0.5 ms on each series
// of a chart, and a series per lane, mark and fuzziness made 76 of them
// at 1,000 events. (Symbols drawn one element per mark cost seconds a
// redraw at 100,000 events.)
var markOutlines = [...][]float64{
	render.MarkDisc:     nil,
	render.MarkRing:     nil,
	render.MarkDiamond:  {5, 0, 10, 5, 5, 10, 0, 5},
	render.MarkTriangle: {5, 0, 10, 10, 0, 10},
	render.MarkCross:    {2, 0, 5, 3, 8, 0, 10, 2, 7, 5, 10, 8, 8, 10, 5, 7, 2, 10, 0, 8, 3, 5, 0, 2},
	render.MarkSquare:   {0, 0, 10, 0, 10, 10, 0, 10},
}

// markOpacity is the opacity of marks of exact dates (0) and of
// approximate or uncertain ones (1).
var markOpacity = [2]float64{0.9, 0.4}

// buildData makes the page's JSON data and the heights of the timeline
// chart and of the counts chart in pixels. A big page (isBig) also
// carries the text of its events and sources (bigData).
func buildData(v *render.View) (d *pageData, height, countsHeight int) {
	// Empty lists are [] rather than null for the script.
	d = &pageData{Axis: [2]float64{v.AxisStart, v.AxisEnd}, Deep: v.DeepTime, Lanes: len(v.Categories), Eras: []eraData{}, Scatter: [][3]int{}}
	d.Labels, _ = laneLabels(v)
	if d.Labels == nil {
		d.Labels = []string{}
	}
	d.CatIDs = make([]string, len(v.Categories))
	d.CatDark = make([]string, len(v.Categories))
	for i, c := range v.Categories {
		d.CatIDs[i], d.CatDark[i] = c.ID, c.DarkColor
	}
	d.Themes = [2]render.Theme{render.Light, render.Dark}
	eraIndex := map[*render.EraView]int{}
	for i, e := range v.Eras {
		eraIndex[e] = i + 1
		d.Eras = append(d.Eras, eraData{ID: e.ID, Start: round4(e.Start), End: round4(e.End), Color: e.Color, Dark: e.DarkColor, Label: e.Label, Span: e.SpanLabel})
	}
	sub := subRows(v)
	for _, r := range sub {
		d.Sub = max(d.Sub, r+1)
	}
	d.Sub = max(d.Sub, 1)
	d.Tags, d.EvTags = eventTags(v)
	d.Scale, d.Times = dataScale, v.HasTimes() && !v.DeepTime
	if d.Times {
		d.Scale = timeScale
	}
	d.Outlines, d.Ring, d.MarkOpacity = map[int][]float64{}, int(render.MarkRing), markOpacity
	for m, ol := range markOutlines {
		if ol != nil {
			d.Outlines[m] = ol
		}
	}
	d.MarkSize = 10
	if len(v.Events) >= manyEvents {
		d.MarkSize = 8
	}
	if isBig(v) {
		bigData(v, d)
	} else {
		for _, s := range v.Sources {
			if s.Title != "" && titleAt(s) < 0 {
				d.SrcTitles = append(d.SrcTitles, s.N, s.Title)
			}
		}
	}
	eventData(v, d, sub, eraIndex)
	d.Split = len(v.Events) > splitChart
	d.Layers = layered(v)

	d.Top, d.Bottom = chartTop, chartBottom
	height = d.Top + chartBottom + max(len(v.Categories), 1)*laneHeight(d.Sub)
	d.Chart = timelineOption(v, d, d.Top)

	bars := eraBars(v, d.NoEra)
	countsHeight = countsMargin + countsBar*len(bars)
	d.Counts = countsOption(v, bars)
	return d, height, countsHeight
}

// subRows returns the sub-row of every event within its lane: marks that
// would touch go on the next row down, up to maxSubRows; after that they
// overlap on the row that frees up first.
func subRows(v *render.View) []int {
	gap := (v.AxisEnd - v.AxisStart) / 150 // about the width of a mark on a page-wide chart
	ends := make([][]float64, len(v.Categories))
	sub := make([]int, len(v.Events))
	for i, e := range v.Events {
		l := ends[e.Category.Lane]
		lo, hi := min(e.Start, e.Mid-gap/2), max(e.End, e.Mid+gap/2)
		r := -1
		for j, end := range l {
			if end <= lo {
				r = j
				break
			}
		}
		if r < 0 && len(l) < maxSubRows {
			l = append(l, math.Inf(-1))
			r = len(l) - 1
		}
		if r < 0 {
			r = 0
			for j, end := range l {
				if end < l[r] {
					r = j
				}
			}
		}
		l[r] = hi
		ends[e.Category.Lane] = l
		sub[i] = r
	}
	return sub
}

// eventTags returns the events' tags, each once in order of first use,
// and for each event that has some [event index, n, n indexes]...
func eventTags(v *render.View) (tags []string, evTags []int) {
	tagIndex := map[string]int{}
	for i, e := range v.Events {
		if len(e.Tags) == 0 {
			continue
		}
		evTags = append(evTags, i, len(e.Tags))
		for _, t := range e.Tags {
			k, ok := tagIndex[t]
			if !ok {
				k = len(tags)
				tagIndex[t] = k
				tags = append(tags, t)
			}
			evTags = append(evTags, k)
		}
	}
	return tags, evTags
}

// eventData sets d.Ev, d.NoEra and d.Scatter: the kinds of marks there
// are, in a fixed order (by lane, mark, fuzziness).
func eventData(v *render.View, d *pageData, sub []int, eraIndex map[*render.EraView]int) {
	type key struct{ lane, mark, fuzzy int }
	used := map[key]bool{}
	d.Ev = make([]int64, 0, evFields*len(v.Events))
	for i, e := range v.Events {
		flags := int64(e.Status.Mark) | int64(e.Shape)<<flagShapeShift
		fuzzy := 0
		if e.Approximate {
			flags |= flagApprox
			fuzzy = 1
		}
		if e.Uncertain {
			flags |= flagUncertain
			fuzzy = 1
		}
		if e.Era == nil {
			d.NoEra = true
		}
		start := units(e.Start-v.AxisStart, d.Scale)
		d.Ev = append(d.Ev, start, max(units(e.End-v.AxisStart, d.Scale)-start, 1),
			int64(e.Category.Lane*8+sub[i]), flags, int64(eraIndex[e.Era]))
		used[key{e.Category.Lane, int(e.Status.Mark), fuzzy}] = true
	}
	for lane := range v.Categories {
		for mark := range markOutlines {
			for fuzzy := range 2 {
				if used[key{lane, mark, fuzzy}] {
					d.Scatter = append(d.Scatter, [3]int{lane, mark, fuzzy})
				}
			}
		}
	}
}

// eraBars returns the bars of the counts chart, one per era in View.Eras
// order, and "No era" last when noEra is true.
func eraBars(v *render.View, noEra bool) []string {
	bars := make([]string, 0, len(v.Eras)+1)
	for _, e := range v.Eras {
		bars = append(bars, e.Label)
	}
	if noEra || len(bars) == 0 {
		bars = append(bars, noEraLabel)
	}
	return bars
}

// noEraLabel is the counts chart's bar of the events without an era.
const noEraLabel = "No era"

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// laneLabels returns the category labels, the lanes of both charts.
func laneLabels(v *render.View) (labels, colors []string) {
	for _, c := range v.Categories {
		labels = append(labels, c.Label)
		colors = append(colors, c.Color)
	}
	return labels, colors
}

// laneKeys returns the laneKey of every lane.
func laneKeys(v *render.View) []string {
	keys := make([]string, len(v.Categories))
	for i := range keys {
		keys[i] = laneKey(i)
	}
	return keys
}

// common sets what both charts share and returns the option as a map,
// without the components that the bundle leaves out.
func finish(bc *charts.BaseConfiguration) map[string]any {
	m := bc.JSON()
	delete(m, "title")
	delete(m, "toolbox")
	return m
}

func initOpts(id string) charts.GlobalOpts {
	// A fixed ChartID keeps go-echarts from drawing a random one; the page
	// is not rendered by go-echarts, so no AssetsHost is ever used.
	return charts.WithInitializationOpts(opts.Initialization{ChartID: id, AssetsHost: "/nowhere/"})
}

// timelineOption builds the ECharts option of the timeline chart; top is
// the height of the legend and era labels above the plot.
func timelineOption(v *render.View, d *pageData, top int) map[string]any {
	labels, colors := laneLabels(v)
	c := charts.NewScatter()
	desc := fmt.Sprintf("Timeline of %s, from %.0f to %.0f, one lane per category: %s. The table of events below lists the same events.",
		v.Heading, v.AxisStart, v.AxisEnd, strings.Join(labels, ", "))
	c.SetGlobalOptions(
		initOpts("timeline-chart"),
		charts.WithAnimation(false),
		charts.WithColorsOpts(opts.Colors(colors)),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Label: &opts.AriaLabel{Enabled: opts.Bool(true), Description: desc}}),
		// The legend is the page's category buttons, which filter.
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false), Data: laneKeys(v)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: fmt.Sprint(top), Bottom: fmt.Sprint(chartBottom), ContainLabel: opts.Bool(true)}),
		// Both axes are plain numbers: x in fractional years, so that the
		// ticks fall on round years; y in lanes, so that marks can sit on
		// sub-rows. The page script labels them.
		charts.WithXAxisOpts(opts.XAxis{
			Type: "value", Min: v.AxisStart, Max: v.AxisEnd, SplitNumber: 10,
			SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#dddddd"}},
			AxisLine:  &opts.AxisLine{OnZero: opts.Bool(false)},
			AxisLabel: &opts.AxisLabel{Color: "#333", HideOverlap: opts.Bool(true)},
		}),
		charts.WithYAxisOpts(opts.YAxis{
			Type: "value", Min: -0.5, Max: max(float64(len(labels))-0.5, 0.5), Inverse: opts.Bool(true),
			MinInterval: 1, MaxInterval: 1,
			SplitLine: &opts.SplitLine{Show: opts.Bool(false)},
			AxisLabel: &opts.AxisLabel{Color: "#222", Width: 180, Overflow: "truncate", FontSize: 12},
		}),
		charts.WithDataZoomOpts(
			opts.DataZoom{Type: "inside", XAxisIndex: 0, FilterMode: "none"},
			opts.DataZoom{Type: "slider", XAxisIndex: 0, FilterMode: "none"},
		),
	)
	// Series 0: the lane stripes and era bands, drawn by the page script.
	c.MultiSeries = append(c.MultiSeries, charts.SingleSeries{
		Id: "bg", Type: types.ChartCustom, Animation: opts.Bool(false),
	})
	// Series 1..lanes: the bars of ranges and spans, one series a lane.
	for i, c2 := range v.Categories {
		c.MultiSeries = append(c.MultiSeries, charts.SingleSeries{
			Id: fmt.Sprintf("bars%d", i), Name: laneKey(i), Type: types.ChartCustom,
			ItemStyle: &opts.ItemStyle{Color: c2.Color},
		})
	}
	// Then the zoom slider's data shadow: the number of events shown in
	// each of a few hundred stretches of the axis, as an invisible scatter
	// series on a y axis of its own (the page script fills it in). The
	// slider takes its shadow from the first scatter series: from that of
	// the first lane, it drew 100,000 points again on every filter (50 to
	// 60 ms), and in every frame of their progressive rendering, where it
	// made the whole plot, marks and labels, be painted again too.
	c.ExtendYAxis(opts.YAxis{Type: "value", Show: opts.Bool(false), Min: 0})
	c.MultiSeries = append(c.MultiSeries, charts.SingleSeries{
		Id: "shadow", Type: types.ChartScatter, YAxisIndex: 1, SymbolSize: 1,
		ItemStyle: &opts.ItemStyle{Opacity: opts.Float(0)},
		Large:     opts.Bool(true), LargeThreshold: 1,
	})
	// Then a scatter series per lane, which the page leaves empty: it
	// names the lane for the legend. The page draws the marks (see
	// markOutlines), and finds the one under the pointer or a click
	// itself: at 100,000 events ECharts took 50 to 75 ms of a filter to
	// take in and lay out the points, and drew them a chunk a frame.
	for i, cat := range v.Categories {
		c.MultiSeries = append(c.MultiSeries, charts.SingleSeries{
			Id: fmt.Sprintf("marks%d", i), Name: laneKey(i), Type: types.ChartScatter,
			Symbol: "rect", SymbolSize: d.MarkSize,
			ItemStyle: &opts.ItemStyle{Color: cat.Color, Opacity: opts.Float(0)},
			Large:     opts.Bool(true), LargeThreshold: 1, // however small the series
		})
	}
	c.Validate()
	return finish(&c.BaseConfiguration)
}

// countsOption builds the ECharts option of the events-per-era chart:
// one horizontal bar per era, in era order, stacked by category; bars
// names the bars (see eraBars). The page script fills in the counts. An
// event counts once, in the era the data gives it: the chart shows no
// more precision than the data has.
func countsOption(v *render.View, bars []string) map[string]any {
	_, colors := laneLabels(v)
	c := charts.NewBar()
	c.SetGlobalOptions(
		initOpts("counts-chart"),
		charts.WithAnimation(false),
		charts.WithColorsOpts(opts.Colors(colors)),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true), Label: &opts.AriaLabel{Enabled: opts.Bool(true),
			Description: "Bar chart of the number of events in each era, stacked by category; events without an era are counted under No era."}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false), Data: laneKeys(v)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "8", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", MinInterval: 1, AxisLabel: &opts.AxisLabel{Color: "#333"},
			SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#dddddd"}}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: bars, Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Color: "#222", FontSize: 12, Width: 240, Overflow: "break"}}),
	)
	for i, cat := range v.Categories {
		c.MultiSeries = append(c.MultiSeries, charts.SingleSeries{
			Name: laneKey(i), Type: types.ChartBar, Stack: "events", BarCategoryGap: "30%",
			ItemStyle: &opts.ItemStyle{Color: cat.Color},
		})
	}
	c.Validate()
	return finish(&c.BaseConfiguration)
}

// themeCSS sets the page's own colours from render.Light and, when the
// reader's system asks for a dark page, render.Dark; page.css uses them.
var themeCSS = themeVars(":root", render.Light) +
	"@media screen and (prefers-color-scheme:dark){" + themeVars(":root", render.Dark) + "}\n"

func themeVars(sel string, t render.Theme) string {
	return fmt.Sprintf("%s{--bg:%s;--fg:%s;--muted:%s;--grid:%s;--era-fg:%s}", sel, t.Background, t.Text, t.Muted, t.Grid, t.EraText)
}
