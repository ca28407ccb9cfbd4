package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"
)

func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run([]string{"250"}, &b); err != nil {
		t.Fatal(err)
	}
	d, _, err := timeline.Load("bench.json", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 250 || len(d.Sources) < 250 {
		t.Errorf("%d events and %d sources, want 250 and at least 250", len(d.Events), len(d.Sources))
	}
	for _, args := range [][]string{nil, {"0"}, {"-3"}, {"ten"}, {"2000000"}, {"1", "2"}} {
		b.Reset()
		err := run(args, &b)
		if err == nil || b.Len() != 0 {
			t.Errorf("run(%q): error %v, %d bytes written; want an error and nothing", args, err, b.Len())
		} else if len(args) == 1 && !strings.Contains(err.Error(), args[0]) {
			t.Errorf("run(%q): %v does not name the argument", args, err)
		}
	}
}
