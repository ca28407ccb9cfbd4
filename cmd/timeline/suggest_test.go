package main

import (
	"slices"
	"testing"
)

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"list", "list", 0},
		{"lst", "list", 1},
		{"lsit", "list", 1}, // a swap of neighbours is one edit
		{"irak", "iraq", 1},
		{"kitten", "sitting", 3},
		{"ca", "abc", 3}, // optimal string alignment, not unrestricted Damerau
		{"naïve", "naive", 1},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := editDistance(tt.b, tt.a); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d (symmetry)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	eras := []string{"shah", "revolution", "france", "iraq", "ashraf", "albania"}
	commands := []string{"list", "eras", "html", "pdf", "export", "validate", "version", "help"}
	tests := []struct {
		s     string
		valid []string
		want  []string
	}{
		{"irak", eras, []string{"iraq"}},
		{"IRAK", eras, []string{"iraq"}},
		{"albanai", eras, []string{"albania"}},
		{"revol", eras, []string{"revolution"}}, // a prefix
		{"zzz", eras, nil},
		{"x", eras, nil},
		{"lst", commands, []string{"list"}},
		{"era", commands, []string{"eras"}},
		{"pfd", commands, []string{"pdf"}},
		{"verison", commands, []string{"version"}},
		{"valid", commands, []string{"validate"}},
		{"frobnicate", commands, nil},
		{"hepl", commands, []string{"help"}},
	}
	for _, tt := range tests {
		if got := suggest(tt.s, tt.valid); !slices.Equal(got, tt.want) {
			t.Errorf("suggest(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestResolveIDs(t *testing.T) {
	valid := []string{"iraq", "Camp", "camp", "fto"}
	tests := []struct{ in, want []string }{
		{nil, nil},
		{[]string{"iraq"}, []string{"iraq"}},
		{[]string{"IRAQ", "Fto"}, []string{"iraq", "fto"}},
		{[]string{"CAMP"}, []string{"CAMP"}}, // ambiguous: left for Check to report
		{[]string{"camp", "Camp"}, []string{"camp", "Camp"}},
		{[]string{"nope"}, []string{"nope"}},
	}
	for _, tt := range tests {
		if got := resolveIDs(tt.in, valid); !slices.Equal(got, tt.want) {
			t.Errorf("resolveIDs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	if got, want := didYouMean("ab", []string{"abc", "abd", "abe", "abf"}, quoted), `did you mean "abc", "abd" or "abe"?`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := didYouMean("eras", []string{"era", "era-x"}, flagQuoted), `did you mean --era?`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
