package eventcsv

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with the golden file at path. With -update it
// rewrites the file. A missing golden file is a failure; on a mismatch
// the output is written beside it as NAME.got.EXT (ignored by git) and the
// first differing lines are shown.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file (run go test -update): %v", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	ext := filepath.Ext(path)
	gotPath := strings.TrimSuffix(path, ext) + ".got" + ext
	if err := os.WriteFile(gotPath, got, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Errorf("%s differs from its golden file (got written to %s; go test -update accepts it):\n%s", path, gotPath, diff(string(want), string(got)))
}

// diff shows the first lines where want and got differ, with context.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	from := max(0, i-3)
	for k := from; k < i; k++ {
		fmt.Fprintf(&b, "  %4d   %s\n", k+1, w[k])
	}
	for k := i; k < min(len(w), i+6); k++ {
		fmt.Fprintf(&b, "- %4d   %s\n", k+1, w[k])
	}
	for k := i; k < min(len(g), i+6); k++ {
		fmt.Fprintf(&b, "+ %4d   %s\n", k+1, g[k])
	}
	return b.String()
}
