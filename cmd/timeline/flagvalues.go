package main

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"
)

// checkFlagValues returns a usage error for the first flag of args that
// takes its value from the next word but has none, or has a word that
// looks like a flag: pflag would take "-o" as the era of
// "--era -o file.html" and leave file.html as a stray argument. A value
// that starts with "-" is given with "=" (--grep=-x, -o=-x); "-"
// (standard input or output) and a negative year such as "-0044" are
// values, not flags. It stops at "--" and at a flag that fs does not
// have, for Parse to report.
func checkFlagValues(fs *pflag.FlagSet, args []string) error {
	for i := 0; i < len(args); i++ {
		if args[i] == "--" {
			return nil
		}
		if err := oneDashLong(fs, args[i]); err != nil {
			return err
		}
		typed, unknown := flagTakingNext(fs, args[i])
		switch {
		case unknown:
			return nil
		case typed == "":
			continue
		case i+1 == len(args):
			return usagef("%s needs a value", typed)
		case looksLikeFlag(args[i+1]):
			return usagef(`%s needs a value (got %q, which looks like a flag; write %s=VALUE for a value that starts with "-")`, typed, args[i+1], typed)
		}
		i++ // the value
	}
	return nil
}

// oneDashLong returns a usage error for a long flag typed with one dash,
// as Go's flag package takes them ("-output x.html"), that starts with a
// shorthand: pflag reads "-output" as -o with the value "utput", and
// would write a file of that name. (One that does not, "-era", is an
// unknown shorthand for Parse to report, and flagError to suggest --era
// for.)
func oneDashLong(fs *pflag.FlagSet, a string) error {
	if len(a) < 3 || a[0] != '-' || a[1] == '-' {
		return nil
	}
	name, _, _ := strings.Cut(a[1:], "=")
	short := fs.ShorthandLookup(a[1:2])
	if len(name) < 2 || short == nil || fs.Lookup(name) == nil {
		return nil
	}
	msg := fmt.Sprintf("%s: a long flag takes two dashes: --%s", a, a[1:])
	if short.NoOptDefVal == "" {
		msg += fmt.Sprintf(" (with one, it reads as -%s %s)", a[1:2], a[2:])
	}
	return usagef("%s", msg)
}

// flagTakingNext returns the flag of the word a as typed ("--era", "-o")
// when it takes the next word as its value, as pflag parses a; "" when a
// is not a flag, is a boolean flag, or carries its value (--era=iraq,
// -ofile, -o=file). unknown is true when a names a flag fs does not have.
func flagTakingNext(fs *pflag.FlagSet, a string) (typed string, unknown bool) {
	if name, ok := strings.CutPrefix(a, "--"); ok {
		if strings.Contains(name, "=") {
			return "", false
		}
		f := fs.Lookup(name)
		if f == nil {
			return "", true
		}
		if f.NoOptDefVal != "" {
			return "", false
		}
		return a, false
	}
	if len(a) < 2 || a[0] != '-' {
		return "", false
	}
	// A group of shorthands, "-hf": each a boolean but the last, or one
	// that takes the rest of the group as its value.
	for j := 1; j < len(a); j++ {
		f := fs.ShorthandLookup(a[j : j+1])
		switch {
		case f == nil:
			return "", true
		case len(a)-j > 2 && a[j+1] == '=':
			return "", false
		case f.NoOptDefVal != "":
			continue
		case j < len(a)-1:
			return "", false
		}
		return "-" + a[j:j+1], false
	}
	return "", false
}

// looksLikeFlag tells whether a word given as a flag's value is more
// likely a flag: "--" and what starts with it, or "-" and a letter. "-",
// and "-0044" (a negative EDTF year), are values.
func looksLikeFlag(s string) bool {
	if strings.HasPrefix(s, "--") {
		return true
	}
	return len(s) > 1 && s[0] == '-' && ('a' <= s[1] && s[1] <= 'z' || 'A' <= s[1] && s[1] <= 'Z')
}
