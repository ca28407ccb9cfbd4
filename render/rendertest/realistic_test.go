package rendertest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

// TestRealistic checks the shape the benchmarks rely on.
func TestRealistic(t *testing.T) {
	for _, n := range []int{1, 30, 600} {
		checkRealistic(t, n)
	}
}

func checkRealistic(t *testing.T, n int) {
	if !bytes.Equal(RealisticJSON(n), RealisticJSON(n)) {
		t.Fatalf("RealisticJSON(%d) is not deterministic", n)
	}
	d, ps, err := timeline.Load("r.json", RealisticJSON(n))
	if err != nil || (n >= 100 && len(ps) > 0) { // a few events leave eras empty
		t.Fatalf("RealisticJSON(%d) is invalid: %v %v", n, err, ps)
	}
	if len(d.Events) != n || len(d.Sources) != 1+n+min(n, max(40, 3*n/10)) {
		t.Errorf("%d events and %d sources", len(d.Events), len(d.Sources))
	}
	precisions := map[timeline.Precision]int{}
	var words, approx, uncertain, spans, open, oneOf int
	for _, e := range d.Events {
		words += len(strings.Fields(e.Summary))
		if len(e.Sources) < 2 || len(e.Sources) > 3 || !strings.HasPrefix(e.Sources[0], "own") {
			t.Fatalf("event %s cites %q", e.ID, e.Sources)
		}
		precisions[e.Date.Precision()]++
		switch {
		case e.Date.IsOneOf():
			oneOf++
		case e.Date.OpenEnd():
			open++
		case e.Date.IsInterval():
			spans++
		}
		if e.Date.Qualifier()&timeline.QualifierApproximate != 0 {
			approx++
		}
		if e.Date.Qualifier()&timeline.QualifierUncertain != 0 {
			uncertain++
		}
	}
	if w := words / n; w < 36 || w > 44 {
		t.Errorf("summaries of %d words on average, want about 40", w)
	}
	if n < 100 {
		return
	}
	for _, p := range []timeline.Precision{timeline.PrecisionCentury, timeline.PrecisionDecade, timeline.PrecisionYear, timeline.PrecisionMonth, timeline.PrecisionDay} {
		if precisions[p] == 0 {
			t.Errorf("no date of precision %v", p)
		}
	}
	if approx == 0 || uncertain == 0 || spans == 0 || open == 0 || oneOf == 0 {
		t.Errorf("approximate %d, uncertain %d, spans %d, open %d, one-of %d", approx, uncertain, spans, open, oneOf)
	}
}
