package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// TestFlagValueLooksLikeFlag checks that a flag followed by a flag, or by
// nothing, is refused naming the flag, with exit status 2 and nothing
// written, while a value that starts with "-" is taken where it can be
// one: "-" and a negative year, or any value given with "=".
func TestFlagValueLooksLikeFlag(t *testing.T) {
	small := "testdata/small.json"
	tests := []struct {
		args   []string
		code   int
		stderr string // a line of the standard error; "" for none
	}{
		{[]string{"html", "--era", "-o", "OUT"}, 2, `timeline html: --era needs a value (got "-o", which looks like a flag; write --era=VALUE for a value that starts with "-")`},
		{[]string{"pdf", "-o", "OUT", "--grep", "--era", "iraq"}, 2, `timeline pdf: --grep needs a value (got "--era", which looks like a flag; write --grep=VALUE for a value that starts with "-")`},
		{[]string{"export", "-o", "OUT", "-f", "--era"}, 2, `timeline export: -f needs a value (got "--era", which looks like a flag; write -f=VALUE for a value that starts with "-")`},
		{[]string{"html", "-o", "--", "OUT"}, 2, `timeline html: -o needs a value (got "--", which looks like a flag; write -o=VALUE for a value that starts with "-")`},
		{[]string{"html", "-ho", "-x"}, 2, `timeline html: -o needs a value (got "-x", which looks like a flag; write -o=VALUE for a value that starts with "-")`},
		{[]string{"html", "-o", "OUT", "--era"}, 2, "timeline html: --era needs a value"},
		{[]string{"pdf", "-o", "OUT", "--data", small, "-o"}, 2, "timeline pdf: -o needs a value"},
		// A long flag with one dash, as Go's flag package takes them:
		// "-output" is not -o with the value "utput".
		{[]string{"html", "--data", small, "-output", "OUT"}, 2, "timeline html: -output: a long flag takes two dashes: --output (with one, it reads as -o utput)"},
		{[]string{"html", "--data", small, "-o", "OUT", "-output=x"}, 2, "timeline html: -output=x: a long flag takes two dashes: --output=x (with one, it reads as -o utput=x)"},
		{[]string{"export", "-format", "csv", "-o", "OUT"}, 2, "timeline export: -format: a long flag takes two dashes: --format (with one, it reads as -f ormat)"},
		{[]string{"pdf", "-help"}, 2, "timeline pdf: -help: a long flag takes two dashes: --help"},
		// The first problem in the order typed: an unknown flag before.
		{[]string{"html", "--bogus", "--era", "-o", "OUT"}, 2, "timeline html: unknown flag: --bogus"},
		// Values that start with "-".
		{[]string{"html", "--data", small, "-o", "OUT", "--from", "-0500"}, 0, ""},
		{[]string{"html", "--data", small, "--to=-0500", "-o", "OUT"}, 0, "timeline: warning: no events match the filter (Dates: until 501 BCE)"},
		{[]string{"list", "--data", small, "--grep=-x"}, 0, "timeline: warning: no events match the filter (Text: “-x”)"},
		{[]string{"list", "--data", small, "--era=-o"}, 2, `timeline list: --era: unknown era "-o"; valid eras: early, late`},
		{[]string{"export", "--data", small, "-f=csv", "-o", "-"}, 0, ""},
		{[]string{"export", "--data", small, "-fjson", "-o=OUT"}, 0, ""},
		{[]string{"list", "--data", "-", "--grep", "-", "-o", "-"}, 0, "timeline: warning: no events match the filter (Text: “-”)"},
	}
	data, err := os.ReadFile(small)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		out := filepath.Join(t.TempDir(), "out")
		args := make([]string, len(tt.args))
		for i, a := range tt.args {
			args[i] = strings.ReplaceAll(a, "OUT", out)
		}
		code, _, stderr := runCLI(t, string(data), args...)
		if code != tt.code {
			t.Errorf("timeline %s: exit %d, want %d; stderr:\n%s", strings.Join(tt.args, " "), code, tt.code, stderr)
		}
		if tt.stderr == "" && stderr != "" || tt.stderr != "" && !strings.Contains(stderr, tt.stderr+"\n") {
			t.Errorf("timeline %s: stderr\n%s\nwant the line\n%s", strings.Join(tt.args, " "), stderr, tt.stderr)
		}
		if _, err := os.Stat(out); tt.code != 0 && err == nil {
			t.Errorf("timeline %s: wrote %s", strings.Join(tt.args, " "), out)
		}
	}
}

// TestFromNegativeYear checks that --from -0500 is the year 501 BCE
// (astronomical -500), as --from=-0500 is, not a flag.
func TestFromNegativeYear(t *testing.T) {
	base := []string{"list", "--data", "testdata/small.json", "--no-sources"}
	_, want, _ := runCLI(t, "", append(base, "--from=-0500")...)
	if !strings.Contains(want, "from 501 BCE — 6 of 6 events") {
		t.Fatalf("timeline list --from=-0500:\n%s\nwant every event from 501 BCE", want)
	}
	for _, flags := range [][]string{{"--from", "-0500"}, {"--to", "2100", "--from", "-0500"}} {
		code, stdout, stderr := runCLI(t, "", append(base, flags...)...)
		if code != 0 || !strings.Contains(stdout, "501 BCE") || !strings.Contains(stdout, "6 of 6 events") {
			t.Errorf("timeline list %s: exit %d, stdout\n%s\nwant every event from 501 BCE; stderr: %s", strings.Join(flags, " "), code, stdout, stderr)
		}
	}
	if _, stdout, _ := runCLI(t, "", append(base, "--from", "-0500")...); stdout != want {
		t.Errorf("--from -0500 gives\n%s\n--from=-0500 gives\n%s", stdout, want)
	}
}

// TestEveryValueFlagChecked runs every flag of every command that takes a
// value with a flag after it: each is refused naming it, before the
// command runs.
func TestEveryValueFlagChecked(t *testing.T) {
	n := 0
	for _, c := range allCommands() {
		fs, _ := c.flagSet(&options{})
		fs.VisitAll(func(f *pflag.Flag) {
			if f.NoOptDefVal != "" {
				return
			}
			typed := []string{"--" + f.Name}
			if f.Shorthand != "" {
				typed = append(typed, "-"+f.Shorthand)
			}
			for _, name := range typed {
				n++
				// "stray" stops the command, should the check miss.
				code, stdout, stderr := runCLI(t, "", c.name, name, "-x", "stray")
				want := "timeline " + c.name + ": " + name + ` needs a value (got "-x", which looks like a flag;`
				if code != 2 || stdout != "" || !strings.HasPrefix(stderr, want) {
					t.Errorf("timeline %s %s -x: exit %d, stdout %q, stderr\n%s\nwant exit 2 and\n%s", c.name, name, code, stdout, stderr, want)
				}
			}
		})
	}
	if n < 20 {
		t.Errorf("%d flags checked: the commands' flags were not found", n)
	}
}

func TestLooksLikeFlag(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"-o", true},
		{"--era", true},
		{"--era=iraq", true},
		{"--", true},
		{"-Z", true},
		{"-", false},
		{"-0044", false},
		{"-1", false},
		{"", false},
		{"file.html", false},
		{"Y-17E7", false},
		{"-é", false},
	}
	for _, tt := range tests {
		if got := looksLikeFlag(tt.s); got != tt.want {
			t.Errorf("looksLikeFlag(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// FuzzCheckFlagValues checks checkFlagValues against pflag on arbitrary
// command lines (words separated by spaces) of the html and export
// commands: when it passes a command line, pflag never finds a flag
// without its value; when it refuses one, the word it names is there.
func FuzzCheckFlagValues(f *testing.F) {
	for _, s := range []string{
		"--era -o file.html", "-o", "--era", "-ho -x", "-o=-x --grep=-y", "--from -0044 -o -",
		"-fjson -o x", "-f -- x", "--bogus --era", "-hf=csv --tag", "-", "--", "x --grep",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Fields(line)
		for _, c := range []*command{htmlCmd, exportCmd} {
			fs, _ := c.flagSet(&options{})
			err := checkFlagValues(fs, args)
			perr := fs.Parse(args)
			var missing *pflag.ValueRequiredError
			if err == nil && errors.As(perr, &missing) {
				t.Errorf("%s %q: passed, but pflag says %v", c.name, args, perr)
			}
			if err == nil {
				continue
			}
			msg := err.Error()
			named := func(w string) bool { return looksLikeFlag(w) && strings.Contains(msg, fmt.Sprintf("(got %q,", w)) }
			if strings.Contains(msg, "(got ") && !slices.ContainsFunc(args, named) {
				t.Errorf("%s %q: %v names a word that is not there or not a flag", c.name, args, err)
			}
		}
	})
}
