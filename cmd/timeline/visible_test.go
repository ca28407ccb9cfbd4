package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestVisible(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain", "plain"},
		{"tab\tand\nline", "tab\tand\nline"},
		{"\x1b]0;pwned\x07", `\x1b]0;pwned\x07`},
		{"\x1b[2J\r", `\x1b[2J\x0d`},
		{"del\x7f", `del\x7f`},
		{"c1 \u009b31m", `c1 \u009b31m`},
		{"abc\u202edcba\u202c", `abc\u202edcba\u202c`},
		{"\u2066x\u2069", `\u2066x\u2069`},
		{"bad \xff byte", `bad \xff byte`},
		{"Rajavi رجوی \u200f ok", "Rajavi رجوی \u200f ok"}, // a right-to-left mark only marks
		{"", ""},
	} {
		if got := visible(tt.in); got != tt.want {
			t.Errorf("visible(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// hidden reports whether the rune r, n bytes long in its string, is one
// visible shows as an escape.
func hidden(r rune, n int) bool {
	return r == utf8.RuneError && n == 1 || visible(string(r)) != string(r)
}

// escapesIn returns the characters of s that a terminal would act on.
func escapesIn(s string) []rune {
	var found []rune
	for i, r := range s {
		_, n := utf8.DecodeRuneInString(s[i:])
		if hidden(r, n) {
			found = append(found, r)
		}
	}
	return found
}

// hostileTerminal is text that retitles and clears a terminal, and turns
// a line around.
const hostileTerminal = "\x1b]0;pwned\x07\x1b[2J\u009b31m\u202eesrever"

// TestTerminalEscapes: list, eras, validate and the error messages show
// terminal escapes in data and file names as visible text.
func TestTerminalEscapes(t *testing.T) {
	b, err := os.ReadFile("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	d["title"] = "T " + hostileTerminal
	d["eras"].([]any)[0].(map[string]any)["label"] = "E " + hostileTerminal
	d["categories"].([]any)[0].(map[string]any)["label"] = "C " + hostileTerminal
	d["sources"].([]any)[0].(map[string]any)["title"] = "S " + hostileTerminal
	for _, e := range d["events"].([]any) {
		e.(map[string]any)["title"] = "Ev " + hostileTerminal
	}
	out, _ := json.Marshal(d)
	dir := t.TempDir()
	good := filepath.Join(dir, "good\x1b[2J.json")
	if err := os.WriteFile(good, out, 0o644); err != nil {
		t.Fatal(err)
	}
	d["events"].([]any)[0].(map[string]any)["era"] = "nope"
	out, _ = json.Marshal(d)
	bad := filepath.Join(dir, "bad\x1b]0;x\x07.json")
	if err := os.WriteFile(bad, out, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"list", "--data", good},
		{"eras", "--data", good},
		{"validate", "--data", good},
		{"validate", "--data", bad},
		{"list", "--data", bad},
		{"list", "--data", good, "--era", "\x1b[2J"},
		{"html", "--data", bad + "\x07missing"},
	} {
		_, stdout, stderr := runCLI(t, "", args...)
		for name, s := range map[string]string{"standard output": stdout, "standard error": stderr} {
			if esc := escapesIn(s); len(esc) > 0 {
				t.Errorf("%q: %s holds %q:\n%s", args, name, esc, s)
			}
		}
		if !strings.Contains(stdout+stderr, `\x1b`) {
			t.Errorf("%q: the escape is not shown:\n%s%s", args, stdout, stderr)
		}
	}
}
