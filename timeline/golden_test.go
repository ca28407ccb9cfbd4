package timeline

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// checkGolden compares got with the golden file path. With -update it
// rewrites the file instead. On a mismatch it writes got next to the
// golden file as NAME.got.EXT (ignored by git) and shows a diff. A missing
// golden file is a failure.
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	gotPath := gotName(path)
	if bytes.Equal(got, want) {
		os.Remove(gotPath)
		return
	}
	if err := os.WriteFile(gotPath, got, 0o644); err != nil {
		t.Error(err)
	}
	t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", gotPath, path, diff(path, want, gotPath, got))
}

// gotName returns the name of the file beside golden file path that holds
// what a failed test got: testdata/x.golden gives testdata/x.got.golden.
func gotName(path string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + ".got" + ext
}

// diff returns a line diff of a and b: lines only in a start with "-",
// lines only in b with "+", and common lines with " ". It is a longest
// common subsequence diff, for test output only.
func diff(aName string, a []byte, bName string, b []byte) string {
	lines := func(s []byte) []string {
		l := strings.SplitAfter(string(s), "\n")
		if l[len(l)-1] == "" {
			l = l[:len(l)-1]
		}
		return l
	}
	x, y := lines(a), lines(b)
	// lcs[i][j] is the length of the longest common subsequence of x[i:]
	// and y[j:].
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", aName, bName)
	line := func(prefix, s string) {
		out.WriteString(prefix + strings.TrimSuffix(s, "\n") + "\n")
	}
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			line(" ", x[i])
			i, j = i+1, j+1
		case j < len(y) && (i == len(x) || lcs[i][j+1] >= lcs[i+1][j]):
			line("+", y[j])
			j++
		default:
			line("-", x[i])
			i++
		}
	}
	return out.String()
}

func TestDiff(t *testing.T) {
	got := diff("a", []byte("one\ntwo\nthree\n"), "b", []byte("one\n2\nthree\nfour\n"))
	want := "--- a\n+++ b\n one\n+2\n-two\n three\n+four\n"
	if got != want {
		t.Errorf("diff =\n%s\nwant\n%s", got, want)
	}
}

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
