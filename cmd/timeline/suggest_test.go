package main

import (
	"slices"
	"strings"
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

// TestUnknownFlagSuggestion checks the flags suggested for an unknown
// one: an alias of a flag the command has, a near name, or none.
func TestUnknownFlagSuggestion(t *testing.T) {
	tests := []struct {
		args []string
		want string // the first line of the standard error
	}{
		{[]string{"html", "--text", "iran"}, "timeline html: unknown flag: --text; did you mean --grep?"},
		{[]string{"list", "--search", "camp"}, "timeline list: unknown flag: --search; did you mean --grep?"},
		{[]string{"list", "--Query=camp"}, "timeline list: unknown flag: --Query; did you mean --grep?"},
		{[]string{"pdf", "--file", "x.json"}, "timeline pdf: unknown flag: --file; did you mean --data?"},
		{[]string{"list", "--since", "1990"}, "timeline list: unknown flag: --since; did you mean --from?"},
		{[]string{"list", "--until", "1990"}, "timeline list: unknown flag: --until; did you mean --to?"},
		{[]string{"pdf", "--author", "me"}, "timeline pdf: unknown flag: --author; did you mean --prepared-by?"},
		{[]string{"pdf", "--page-size", "a4"}, "timeline pdf: unknown flag: --page-size; did you mean --paper?"},
		{[]string{"serve", "--port", "8080"}, "timeline serve: unknown flag: --port; did you mean --addr?"},
		{[]string{"list", "--out", "x"}, "timeline list: unknown flag: --out; did you mean --output?"},
		{[]string{"list", "--eras", "early"}, "timeline list: unknown flag: --eras; did you mean --era?"},
		{[]string{"list", "-era", "early"}, "timeline list: unknown shorthand flag: 'e' in -era; did you mean --era?"},
		{[]string{"list", "-grep=x"}, "timeline list: unknown shorthand flag: 'g' in -grep=x; did you mean --grep?"},
		// An alias of a flag the command has not, and names near none.
		{[]string{"validate", "--text", "x"}, "timeline validate: unknown flag: --text"},
		{[]string{"list", "--page-size", "a4"}, "timeline list: unknown flag: --page-size"},
		{[]string{"list", "--colour"}, "timeline list: unknown flag: --colour"},
		{[]string{"list", "-x"}, "timeline list: unknown shorthand flag: 'x' in -x"},
		{[]string{"list", "-hx"}, "timeline list: unknown shorthand flag: 'x' in -x"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCLI(t, "", tt.args...)
		first, rest, _ := strings.Cut(stderr, "\n")
		if code != 2 || stdout != "" || first != tt.want || rest != "Run 'timeline "+tt.args[0]+" --help' for usage.\n" {
			t.Errorf("timeline %s: exit %d, stdout %q, stderr\n%s\nwant exit 2 and\n%s", strings.Join(tt.args, " "), code, stdout, stderr, tt.want)
		}
	}
}
