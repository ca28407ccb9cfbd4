package input

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestWalkPaths checks the path the walk gives each value.
func TestWalkPaths(t *testing.T) {
	data := []byte("\xef\xbb\xbf{\"title\": \"t\", \"events\": [{\"id\": \"a\", \"tags\": [\"x\", 5]}]}")
	w := NewWalk("f.json", data, JSONForm{Object: "an object"})
	at := map[int]string{}
	w.Value = func(v Value) { at[v.Off] = w.Path() }
	if err := w.Run(); err != nil {
		t.Fatal(w.Problems.Err())
	}
	for _, tt := range []struct {
		at   string // the text at the offset
		want string
	}{
		{`{"title"`, ""},
		{`"t"`, "title"},
		{`[{`, "events"},
		{`{"id"`, "events[0]"},
		{`"a"`, "events[0].id"},
		{`5]`, "events[0].tags[1]"},
		{`"x"`, "events[0].tags[0]"},
	} {
		off := bytes.Index(data, []byte(tt.at))
		if got, ok := at[off]; !ok || got != tt.want {
			t.Errorf("path of the value at %q = %q, want %q", tt.at, got, tt.want)
		}
	}
}

// TestPosMatchesWalk checks that Pos, which looks for a path inside one
// element, places every path where a walk of the whole file meets it.
func TestPosMatchesWalk(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/*.json")
	files = append(files, "../../../cmd/timeline/testdata/small.json", "../../../data/mek.json")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		w := NewWalk(f, data, JSONForm{})
		all := map[string]int{}
		w.Value = func(v Value) {
			if p := w.Path(); all[p] == 0 {
				all[p] = v.Off + 1
			}
		}
		if w.Run() != nil {
			continue // Pos is only for files that read
		}
		pos := w.Pos()
		for p, off := range all {
			if p == "" || len(w.Stack) > 0 {
				continue
			}
			wl, wc := w.Lines.Pos(off - 1)
			if l, c := pos(p); l != wl || c != wc {
				t.Errorf("%s: %s at %d:%d, want %d:%d", f, p, l, c, wl, wc)
			}
		}
	}
}
