package main

import (
	"strings"
	"testing"
)

const sample = `# 2026-12-04 20:40 UTC, load average 2.10 1.50 1.20
goos: linux
BenchmarkWrite/1000-2         	      3	   1234 ns/op	 500.0 bytes/event	 500000 page-bytes	 400.0 text-bytes/event	 116.4 overhead-bytes/event
BenchmarkHTML/10000-2         	      3	1234295758 ns/op	         0.1467 plain-s-CPU/op	         1.769 ratio	         0.2596 s-CPU/op
BenchmarkBrowserReady/1000-2         	       2	11205013221 ns/op	      1653 bare-ms	         8.043 bare-style+layout-ms	       428.6 ours-layout-ms	      1117 ours-longest-task-ms	      3382 ours-ms	      3013 ours-nodes	        45.00 ours-style-ms	         2.086 ratio	      3337 vis-ms	         1.021 vis-ratio
BenchmarkBrowserReady/10000-2         	       2	11205013221 ns/op	      1653 bare-ms	 10.5 style+layout-growth	 2.5 bare-style+layout-growth
BenchmarkBrowserHuge-2   1   9 ns/op   4000 ours-ms   8000 bare-ms   4500 click-answered-ms   150 longest-task-after-ready-ms   2100 chart-drawn-ms   150 filter-longest-task-ms   40 scroll-longest-task-ms   120 search-longest-task-ms
BenchmarkBrowserCPU/1000-2   2   31134743378 ns/op   1.272 cpu-ratio   551.7 bare-cpu-ms   705.1 ours-cpu-ms
BenchmarkBroken-2   x   9 ns/op
PASS
`

func TestTable(t *testing.T) {
	r, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	write(&b, r)
	out := b.String()
	for _, want := range []string{
		"2026-12-04 20:40 UTC, load average 2.10 1.50 1.20  \n",
		"| 100 events | 1,000 events | 10,000 events | 100,000 events |",
		"ready, ours ÷ bare ECharts (median of per-round ratios; goal ≤ 1.2× at 1,000 and 10,000) |  | **2.09×** |  | 0.50× (of the medians) |",
		"| ready, ours ÷ vis-timeline |  | 1.02× |  |  |",
		"| 3.4 s / 1.7 s / 3.3 s |",
		"| 474 ms (8 ms) |",
		"| main-thread CPU from navigation to the frame after ready, ours ÷ bare ECharts (median of per-round ratios; ours / bare, medians) |  | 1.27× (0.71 s / 0.55 s) |  |  |",
		"|  |  | **10.5×** (2.5×) |  |",
		"| 2.1 s; **4.5 s**; **150 ms** (150 / 40 / 120 ms) |",
		"| ready, ours / bare ECharts / vis-timeline (medians) |  | 3.4 s / 1.7 s / 3.3 s | 1.7 s | 4.0 s / 8.0 s |",
		"|  | 116 |  |  |",
		"|  |  | **0.26 s** |  |",
		"|  |  | 1.77× |  |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Broken") {
		t.Errorf("a malformed line made it into the table:\n%s", out)
	}
}

func TestParseBadValue(t *testing.T) {
	_, err := parse(strings.NewReader("BenchmarkX-2  1  abc ns/op\n"))
	if err == nil || !strings.Contains(err.Error(), `"abc"`) {
		t.Fatalf("got %v, want an error naming the value", err)
	}
}
