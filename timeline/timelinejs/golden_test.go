package timelinejs

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestGoldenFilesUsed fails for a golden file that no input produces, so
// that none goes stale unread.
func TestGoldenFilesUsed(t *testing.T) {
	goldens, _ := filepath.Glob("testdata/*/*.golden*")
	for _, g := range goldens {
		if strings.Contains(g, ".got.") {
			continue
		}
		base := strings.TrimSuffix(g, filepath.Ext(g))
		base = strings.TrimSuffix(base, ".golden")
		matches, _ := filepath.Glob(base + ".*")
		inputs := 0
		for _, m := range matches {
			if !strings.Contains(m, ".golden") {
				inputs++
			}
		}
		if inputs == 0 && !strings.HasPrefix(g, "testdata/write/") {
			t.Errorf("golden file %s has no input", g)
		}
	}
}
