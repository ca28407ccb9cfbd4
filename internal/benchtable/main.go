// Command benchtable reads the output of `make bench-page` (go test
// -bench lines of BenchmarkBrowserReady, BenchmarkBrowserCPU, BenchmarkBrowserHuge,
// BenchmarkWrite of render/htmlout and BenchmarkHTML of cmd/timeline, and
// the "# " lines the make target writes about the machine) on standard
// input and prints the README's table of the page at scale, in Markdown,
// on standard output. Every figure comes from that one run; a figure the
// run did not measure is left empty.
//
//	make bench-page | tee bench-page.txt
//	go run ./internal/benchtable < bench-page.txt
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

func main() {
	r, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	if len(r.metrics) == 0 {
		fmt.Fprintln(os.Stderr, "benchtable: no benchmark lines on standard input")
		os.Exit(1)
	}
	write(os.Stdout, r)
}

// run is what one benchmark run gave: each benchmark's metrics by name
// (without the -GOMAXPROCS suffix: "BrowserReady/1000"), and the notes
// of the "# " lines in order.
type run struct {
	metrics map[string]map[string]float64
	notes   []string
}

// parse reads benchmark lines ("BenchmarkX/n-2  3  123 ns/op  4.5 unit
// ...") and "# " lines; it ignores the rest.
func parse(in io.Reader) (*run, error) {
	r := &run{metrics: map[string]map[string]float64{}}
	s := bufio.NewScanner(in)
	s.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for s.Scan() {
		line := s.Text()
		if note, ok := strings.CutPrefix(line, "# "); ok {
			r.notes = append(r.notes, note)
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		m := map[string]float64{}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("%q: value %q of %s is not a number", f[0], f[i], f[i+1])
			}
			m[f[i+1]] = v
		}
		r.metrics[name] = m
	}
	return r, s.Err()
}

// get returns metric unit of benchmark name, and whether the run has it.
func (r *run) get(name, unit string) (float64, bool) {
	v, ok := r.metrics[name][unit]
	return v, ok
}

// cell formats metric unit of benchmark name with format, or "" when
// the run has no such figure.
func (r *run) cell(name, unit, format string) string {
	v, ok := r.get(name, unit)
	if !ok {
		return ""
	}
	return fmt.Sprintf(format, v)
}

// seconds formats milliseconds as seconds with one decimal, and
// seconds2 with two.
func seconds(ms float64) string  { return strconv.FormatFloat(ms/1000, 'f', 1, 64) + " s" }
func seconds2(ms float64) string { return strconv.FormatFloat(ms/1000, 'f', 2, 64) + " s" }

// sizes are the table's columns: the number of events.
var sizes = []string{"100", "1000", "10000", "100000"}

// write writes the notes of r and its table to w.
func write(w io.Writer, r *run) {
	for _, n := range r.notes {
		fmt.Fprintf(w, "%s  \n", n)
	}
	if len(r.notes) > 0 {
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "| | 100 events | 1,000 events | 10,000 events | 100,000 events |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	row := func(label string, f func(n string) string) {
		cells := make([]string, len(sizes))
		for i, n := range sizes {
			cells[i] = f(n)
		}
		fmt.Fprintf(w, "| %s | %s |\n", label, strings.Join(cells, " | "))
	}
	browserRows(r, row)
	otherRows(r, row)
}

// ready names the BrowserReady benchmark of n events.
func ready(n string) string { return "BrowserReady/" + n }

// browserRows writes, with row, the rows of the browser benchmarks.
func browserRows(r *run, row func(string, func(string) string)) {
	row("ready, ours ÷ bare ECharts (median of per-round ratios; goal ≤ 1.2× at 1,000 and 10,000)", func(n string) string {
		if c := r.cell(ready(n), "ratio", "**%.2f×**"); c != "" {
			return c
		}
		o, ok1 := r.get("BrowserHuge", "ours-ms")
		b, ok2 := r.get("BrowserHuge", "bare-ms")
		if n != "100000" || !ok1 || !ok2 || b == 0 {
			return ""
		}
		return fmt.Sprintf("%.2f× (of the medians)", o/b)
	})
	row("ready, ours ÷ vis-timeline", func(n string) string { return r.cell(ready(n), "vis-ratio", "%.2f×") })
	row("ready, ours / bare ECharts / vis-timeline (medians)", func(n string) string {
		name := ready(n)
		if n == "100000" {
			name = "BrowserHuge"
		}
		var parts []string
		for _, u := range []string{"ours-ms", "bare-ms", "vis-ms"} {
			if v, ok := r.get(name, u); ok {
				parts = append(parts, seconds(v))
			}
		}
		return strings.Join(parts, " / ")
	})
	row("main-thread CPU from navigation to the frame after ready, ours ÷ bare ECharts (median of per-round ratios; ours / bare, medians)", func(n string) string {
		c := r.cell("BrowserCPU/"+n, "cpu-ratio", "%.2f×")
		o, ok1 := r.get("BrowserCPU/"+n, "ours-cpu-ms")
		b, ok2 := r.get("BrowserCPU/"+n, "bare-cpu-ms")
		if c != "" && ok1 && ok2 {
			c += fmt.Sprintf(" (%s / %s)", seconds2(o), seconds2(b))
		}
		return c
	})
	row("Chromium style recalculation + layout, ours (bare ECharts)", func(n string) string {
		s, ok1 := r.get(ready(n), "ours-style-ms")
		l, ok2 := r.get(ready(n), "ours-layout-ms")
		if !ok1 || !ok2 {
			return ""
		}
		c := fmt.Sprintf("%.0f ms", s+l)
		if b, ok := r.get(ready(n), "bare-style+layout-ms"); ok {
			c += fmt.Sprintf(" (%.0f ms)", b)
		}
		return c
	})
	row("growth of style recalculation + layout from a tenth of the events, ours (bare ECharts) (goal ≤ 12× at 10,000)", func(n string) string {
		c := r.cell(ready(n), "style+layout-growth", "**%.1f×**")
		if b := r.cell(ready(n), "bare-style+layout-growth", " (%.1f×)"); c != "" {
			c += b
		}
		return c
	})
	row("longest main-thread task while loading, ours", func(n string) string {
		return r.cell(ready(n), "ours-longest-task-ms", "%.0f ms")
	})
	row("DOM nodes, ours", func(n string) string { return r.cell(ready(n), "ours-nodes", "%.0f") })
}

// otherRows writes, with row, the rows of the 100,000-event page, the
// page's bytes and timeline html's CPU time.
func otherRows(r *run, row func(string, func(string) string)) {
	row("100,000 events: chart drawn; a click answered (goal ≤ 5 s); longest task after ready, overall and while filtering / scrolling / searching (goal ≤ 200 ms)", func(n string) string {
		if n != "100000" {
			return ""
		}
		c, ok1 := r.get("BrowserHuge", "click-answered-ms")
		l, ok2 := r.get("BrowserHuge", "longest-task-after-ready-ms")
		if !ok1 || !ok2 {
			return ""
		}
		cell := fmt.Sprintf("**%s**; **%.0f ms**", seconds(c), l)
		if d, ok := r.get("BrowserHuge", "chart-drawn-ms"); ok {
			cell = seconds(d) + "; " + cell
		}
		var parts []string
		for _, u := range []string{"filter", "scroll", "search"} {
			if v, ok := r.get("BrowserHuge", u+"-longest-task-ms"); ok {
				parts = append(parts, fmt.Sprintf("%.0f", v))
			}
		}
		if len(parts) == 3 {
			cell += " (" + strings.Join(parts, " / ") + " ms)"
		}
		return cell
	})
	row("page bytes per event beyond the bundle, style sheet, script and the events' own text (goal ≤ 150)", func(n string) string {
		return r.cell("Write/"+n, "overhead-bytes/event", "%.0f")
	})
	row("`timeline html`, CPU per command in the process (goal ≤ 0.3 s at 10,000)", func(n string) string {
		return r.cell("HTML/"+n, "s-CPU/op", "**%.2f s**")
	})
	row("the same ÷ decoding and encoding the input with encoding/json", func(n string) string {
		return r.cell("HTML/"+n, "ratio", "%.2f×")
	})
}
