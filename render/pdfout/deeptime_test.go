package pdfout

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/internal/golden"
	"github.com/timeline-tool/timeline/render/rendertest"
	"github.com/timeline-tool/timeline/timeline"
)

// TestGoldenDeepTime checks the briefing of a dataset of deep time: its
// strip's ticks in years ago, its dates in words ("13.8 billion years
// ago", "541–251.9 million years ago") and a time of day as written.
func TestGoldenDeepTime(t *testing.T) {
	path, _ := write(t, build(rendertest.DeepTime(), timeline.Filter{}), Options{})
	got := run(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-")
	for _, want := range []string{"10 billion years ago", "13.8 billion years", "541–", "251.9 million", "c. 4.567 billion", "300,000 years", "3200 BCE", "20 Jul 1969 20:17Z"} {
		if !strings.Contains(got, want) {
			t.Errorf("the briefing does not say %q", want)
		}
	}
	golden.CheckFunc(t, filepath.Join("testdata", "deep-time.txt"), []byte(got), normalize)
}
