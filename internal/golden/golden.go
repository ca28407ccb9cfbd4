// Package golden compares what a test made with a golden file, for every
// package's tests: one -update flag rewrites the golden files, one diff
// shows a mismatch. It imports only the standard library, so the model's
// tests use it as the renderers' do.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files with what the tests make")

// Check compares got with the golden file path. With -update it writes
// got there instead. A missing golden file is a failure. On a mismatch
// it writes got beside the golden file (GotPath) and shows a diff; on a
// match it removes what an earlier mismatch wrote there.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	CheckFunc(t, path, got, nil)
}

// CheckFunc is Check comparing norm(want) with norm(got), for output
// compared by meaning rather than bytes (the words of a PDF's text, not
// the spaces between them). A nil norm compares the bytes.
func CheckFunc(t testing.TB, path string, got []byte, norm func(string) string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if norm == nil {
		norm = func(s string) string { return s }
	}
	gotPath := GotPath(path)
	a, b := norm(string(want)), norm(string(got))
	if a == b {
		os.Remove(gotPath)
		return
	}
	if err := os.WriteFile(gotPath, got, 0o644); err != nil {
		t.Error(err)
	}
	t.Errorf("%s differs from %s (go test -update accepts it):\n%s", gotPath, path, Diff(path, a, gotPath, b))
}

// GotPath returns the name of the file beside the golden file path that
// holds what a failed test got: testdata/x.golden gives
// testdata/x.got.golden (which git ignores).
func GotPath(path string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + ".got" + ext
}

// Diff returns a line diff of a and b: lines only in a start with "-",
// lines only in b with "+", common lines with " ", and runs of more than
// three common lines are cut to the three next to a change. It is a
// longest-common-subsequence diff, for test output.
func Diff(aName, a, bName, b string) string {
	lines := func(s string) []string {
		l := strings.SplitAfter(s, "\n")
		if l[len(l)-1] == "" {
			l = l[:len(l)-1]
		}
		return l
	}
	x, y := lines(a), lines(b)
	// lcs[i][j] is the length of the longest common subsequence of x[i:]
	// and y[j:].
	lcs := make([][]int32, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(y)+1)
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
	type op struct {
		prefix byte
		text   string
	}
	var ops []op
	for i, j := 0, 0; i < len(x) || j < len(y); {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			ops, i, j = append(ops, op{' ', x[i]}), i+1, j+1
		case j < len(y) && (i == len(x) || lcs[i][j+1] >= lcs[i+1][j]):
			ops, j = append(ops, op{'+', y[j]}), j+1
		default:
			ops, i = append(ops, op{'-', x[i]}), i+1
		}
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", aName, bName)
	near := func(k int) bool { // a change within three lines of ops[k]
		for d := max(0, k-3); d <= min(len(ops)-1, k+3); d++ {
			if ops[d].prefix != ' ' {
				return true
			}
		}
		return false
	}
	skipped := false
	for k, o := range ops {
		if o.prefix == ' ' && !near(k) {
			if !skipped {
				out.WriteString("...\n")
			}
			skipped = true
			continue
		}
		skipped = false
		out.WriteByte(o.prefix)
		out.WriteString(strings.TrimSuffix(o.text, "\n"))
		out.WriteByte('\n')
	}
	return out.String()
}
