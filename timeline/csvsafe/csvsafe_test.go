package csvsafe

import (
	"strings"
	"testing"
)

func TestNeutralize(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"=HYPERLINK(\"https://e.org\",\"x\")", "'=HYPERLINK(\"https://e.org\",\"x\")"},
		{"+1+1", "'+1+1"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"-", "'-"},
		{"-50", "-50"},
		{"-0044-03-15", "'-0044-03-15"},
		{"'=1", "''=1"},
		{"''@x", "'''@x"},
		{"'plain", "'plain"},
		{"'", "'"},
		{"'-50", "'-50"},
		{"a=1", "a=1"},
		{" =1", " =1"},
	} {
		got := Neutralize(tt.in)
		if got != tt.want {
			t.Errorf("Neutralize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if back := Restore(got); back != tt.in {
			t.Errorf("Restore(%q) = %q, want %q", got, back, tt.in)
		}
	}
}

// TestRestoreLeavesOtherCells: Restore removes only the quote Neutralize
// adds; a quote typed into a sheet before other text stays.
func TestRestoreLeavesOtherCells(t *testing.T) {
	for _, s := range []string{"'plain", "'", "''", "'-50", "'5", "' =1", "x'=1"} {
		if got := Restore(s); got != s {
			t.Errorf("Restore(%q) = %q, want it unchanged", s, got)
		}
	}
}

// FuzzNeutralize checks that Restore(Neutralize(s)) == s, and that no
// neutralized cell starts with a formula character unless it is a
// negative whole number.
func FuzzNeutralize(f *testing.F) {
	for _, s := range []string{"", "=1", "'=1", "-50", "-5a", "''", "\t", "@", "'-50"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Neutralize(s)
		if back := Restore(n); back != s {
			t.Fatalf("Restore(Neutralize(%q)) = %q", s, back)
		}
		if n != "" && strings.IndexByte(triggers, n[0]) >= 0 && !negativeInteger(n) {
			t.Fatalf("Neutralize(%q) = %q starts a formula", s, n)
		}
	})
}
