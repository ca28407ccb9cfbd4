package timeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoldenFilesUsed checks that every golden file has the input it is
// the output of, so that no golden file goes unread.
func TestGoldenFilesUsed(t *testing.T) {
	goldens, err := filepath.Glob("testdata/*.golden")
	if err != nil {
		t.Fatal(err)
	}
	if len(goldens) == 0 {
		t.Fatal("no golden files in testdata")
	}
	for _, g := range goldens {
		if strings.Contains(g, ".got.") {
			continue
		}
		if _, err := os.Stat(strings.TrimSuffix(g, ".golden") + ".json"); err != nil {
			t.Errorf("golden file %s has no input: %v", g, err)
		}
	}
}
