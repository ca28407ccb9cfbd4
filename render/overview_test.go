package render_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/timeline"
)

// mono measures every character as half its size wide.
type mono struct{}

func (mono) Clean(s string) string   { return strings.Join(strings.Fields(s), " ") }
func (mono) Isolate(s string) string { return s }
func (mono) Width(s string, size float64, bold bool) float64 {
	return float64(utf8.RuneCountInString(s)) * size / 2
}
func (m mono) Wrap(s string, size, w float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && m.Width(line+" "+word, size, false) > w {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

func TestTickSteps(t *testing.T) {
	for _, c := range []struct {
		span         int
		w            float64
		major, minor int
	}{
		{60, 400, 10, 1},
		{10, 400, 1, 1},
		{125, 400, 20, 2},
		{2000, 400, 200, 20},
		{3, 400, 1, 1},
	} {
		if major, minor := render.TickSteps(c.span, c.w); major != c.major || minor != c.minor {
			t.Errorf("tickSteps(%d, %v) = %d, %d; want %d, %d", c.span, c.w, major, minor, c.major, c.minor)
		}
	}
}

func TestOverviewLayout(t *testing.T) {
	v := render.Build(loadSmall(t), timeline.Filter{}, render.Options{Version: "test"})
	o := v.Overview(render.OverviewOptions{Width: 500}, mono{})
	if o.PlotX != render.OverviewLabelW || o.PlotW != 500-render.OverviewLabelW {
		t.Fatalf("plot area %v+%v", o.PlotX, o.PlotW)
	}
	if len(o.Marks) != len(v.Events) {
		t.Errorf("%d marks for %d events", len(o.Marks), len(v.Events))
	}
	bars := 0
	for _, e := range v.Events {
		if e.Shape != render.ShapePoint {
			bars++
		}
	}
	if len(o.Bars) != bars {
		t.Errorf("%d bars for %d events that are not points", len(o.Bars), bars)
	}
	for _, m := range o.Marks {
		lane := o.Lanes[m.Event.Category.Lane]
		if m.X < o.PlotX || m.X > o.PlotX+o.PlotW {
			t.Errorf("%s: mark at x %v, outside the plot", m.Event.ID, m.X)
		}
		if m.Y < lane.Y || m.Y > lane.Y+o.LaneH {
			t.Errorf("%s: mark at y %v, outside its lane [%v, %v]", m.Event.ID, m.Y, lane.Y, lane.Y+o.LaneH)
		}
		// The mark is where its time falls on the axis.
		want := o.PlotX + (m.Event.Mid-v.AxisStart)/(v.AxisEnd-v.AxisStart)*o.PlotW
		if d := m.X - want; d > 1e-9 || d < -1e-9 {
			t.Errorf("%s: mark at x %v, want %v", m.Event.ID, m.X, want)
		}
	}
	for _, b := range o.Bars {
		if b.X0 > b.X1 || b.X0 < o.PlotX-1e-9 || b.X1 > o.PlotX+o.PlotW+1e-9 {
			t.Errorf("%s: bar [%v, %v] outside the plot", b.Event.ID, b.X0, b.X1)
		}
		if b.Event.OpenEnd != b.OpenEnd {
			t.Errorf("%s: open end %v", b.Event.ID, b.OpenEnd)
		}
	}
	if o.AxisY != o.LanesTop+float64(len(v.Categories))*o.LaneH || o.Height < o.AxisY+render.OverviewAxisH {
		t.Errorf("axis at %v, height %v", o.AxisY, o.Height)
	}
	var labels []string
	for i, tk := range o.Ticks {
		if i > 0 && tk.X <= o.Ticks[i-1].X {
			t.Errorf("tick %d not right of the one before", i)
		}
		if tk.Major {
			labels = append(labels, tk.Label)
		}
	}
	if !slices.Contains(labels, "1970") || !slices.Contains(labels, "2020") {
		t.Errorf("axis labels %q", labels)
	}
	for _, e := range o.Eras {
		if e.Text != "" && e.Text != e.Era.Label && !strings.HasPrefix(strings.Join(o.Legend, " "), "Eras: ") {
			t.Errorf("era %s shows %q without a legend", e.Era.ID, e.Text)
		}
	}
	for _, l := range o.Lanes {
		if len(l.Lines) == 0 || !strings.Contains(strings.Join(l.Lines, " "), l.Category.Label) {
			t.Errorf("lane %s labelled %q", l.Category.ID, l.Lines)
		}
	}

	k := v.Key(300, mono{})
	for _, it := range k.Items {
		if it.Icon != render.KeyText && it.X > 44 && it.X+render.KeyIconW[it.Icon]+(mono{}).Width(it.Text, render.OverviewKeySize, false) > 300 {
			t.Errorf("key entry %q overflows at x %v", it.Text, it.X)
		}
		if it.Y >= k.Height {
			t.Errorf("key entry %q below the key", it.Text)
		}
	}
}

// TestOverviewThinLanes: very many categories make thin lanes, the strip
// within its height.
func TestOverviewThinLanes(t *testing.T) {

	var b strings.Builder
	b.WriteString(`{"title":"Lanes","sources":[{"id":"s","title":"S","kind":"press"}],"categories":[`)
	for i := range 120 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"id":"c` + itoa(i) + `","label":"Category ` + itoa(i) + `"}`)
	}
	b.WriteString(`],"events":[`)
	for i := range 120 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"id":"e` + itoa(i) + `","date":"` + itoa(1950+i%50) + `","title":"E","category":"c` + itoa(i) + `","sources":["s"]}`)
	}
	b.WriteString(`]}`)
	d, _, err := timeline.Load("lanes.json", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	v := render.Build(d, timeline.Filter{}, render.Options{})
	o := v.Overview(render.OverviewOptions{Width: 500, MaxHeight: 400}, mono{})
	if o.Height > 400+1e-9 {
		t.Errorf("the overview is %v high, more than 400", o.Height)
	}
	if o.LaneH >= 7 || len(o.Lanes[0].Lines) != 0 {
		t.Errorf("lanes %v high, labelled %q", o.LaneH, o.Lanes[0].Lines)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// TestEraNumbers checks that a band too narrow for its label shows the
// era's place among the view's eras, as the page's chart does, and that
// the legend explains that number.
func TestEraNumbers(t *testing.T) {
	d := loadSmall(t)
	span, err := timeline.ParseDate("1990/1991")
	if err != nil {
		t.Fatal(err)
	}
	d.Eras = append(d.Eras, &timeline.Era{ID: "blip", Label: "An era far too long to fit its narrow band", Span: span})
	v := render.Build(d, timeline.Filter{}, render.Options{})
	o := v.Overview(render.OverviewOptions{Width: 500}, mono{})
	numbered := 0
	for _, oe := range o.Eras {
		i := slices.Index(v.Eras, oe.Era)
		if oe.Text == "" || oe.Text == oe.Era.Label {
			continue
		}
		numbered++
		if want := strconv.Itoa(i + 1); oe.Text != want {
			t.Errorf("era %s, number %d among the eras, shows %q", oe.Era.ID, i+1, oe.Text)
		}
		if want := oe.Text + " " + oe.Era.Label; !strings.Contains(strings.Join(o.Legend, " "), want) {
			t.Errorf("legend %q lacks %q", o.Legend, want)
		}
	}
	if numbered == 0 {
		t.Fatalf("no band shows a number: %+v", o.Eras)
	}
}
