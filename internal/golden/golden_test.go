package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	got := Diff("a", "one\ntwo\nthree\n", "b", "one\n2\nthree\nfour\n")
	want := "--- a\n+++ b\n one\n+2\n-two\n three\n+four\n"
	if got != want {
		t.Errorf("Diff =\n%s\nwant\n%s", got, want)
	}
	long := strings.Repeat("same\n", 20)
	got = Diff("a", long+"x\n"+long, "b", long+"y\n"+long)
	if n := strings.Count(got, "same"); n != 6 || strings.Count(got, "...") != 2 {
		t.Errorf("Diff of a change in a long file keeps %d common lines:\n%s", n, got)
	}
}

// fakeT records failures instead of failing.
type fakeT struct {
	testing.TB
	failed bool
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Errorf(string, ...any) { f.failed = true }
func (f *fakeT) Error(...any)          { f.failed = true }
func (f *fakeT) Fatalf(string, ...any) { f.failed = true }

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.golden")
	var f fakeT
	if Check(&f, path, []byte("a\n")); !f.failed {
		t.Errorf("a missing golden file passes")
	}
	os.WriteFile(path, []byte("a\n"), 0o644)
	f = fakeT{}
	if Check(&f, path, []byte("b\n")); !f.failed {
		t.Errorf("a mismatch passes")
	}
	if got, err := os.ReadFile(GotPath(path)); err != nil || string(got) != "b\n" {
		t.Errorf("a mismatch wrote %q, %v beside the golden file", got, err)
	}
	f = fakeT{}
	if Check(&f, path, []byte("a\n")); f.failed {
		t.Errorf("a match fails")
	}
	if _, err := os.Stat(GotPath(path)); err == nil {
		t.Errorf("a match leaves the file of an earlier mismatch")
	}
	f = fakeT{}
	if CheckFunc(&f, path, []byte("  a \n\n"), strings.TrimSpace); f.failed {
		t.Errorf("CheckFunc compares what norm leaves out")
	}
}
