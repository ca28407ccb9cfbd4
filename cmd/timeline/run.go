package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/timeline-tool/timeline/timeline"
)

// Exit codes.
const (
	exitOK    = 0
	exitData  = 1 // bad data, or an I/O error
	exitUsage = 2 // bad command line
)

// usageError is an error in the command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// env is what a command runs with: its streams and arguments.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// command is one subcommand of timeline.
type command struct {
	name, args, short string
	long              string // paragraphs and examples for "timeline help NAME"
	data              bool   // takes --data
	noFilters         bool   // but not the filter flags
	output            bool   // takes -o
	flags             func(fs *pflag.FlagSet, o *options)
	run               func(e *env, o *options) error
}

// allCommands returns the commands in the order help lists them. It is a
// function, not a variable, because the help command refers to it.
func allCommands() []*command {
	return []*command{listCmd, erasCmd, htmlCmd, pdfCmd, svgCmd, exportCmd, validateCmd, serveCmd, versionCmd, completionCmd, helpCommand()}
}

// run runs timeline with the arguments args (without the program name) and
// returns the exit status. It never exits itself, but for a signal that
// interrupts the writing of a file: see writeOutput. An error writing
// standard output (a full disk) makes the status 1 whatever wrote it.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := &errWriter{w: stdout, name: "standard output"}
	// Messages quote data and file names: never a terminal escape.
	stderr = visibleWriter{stderr}
	code := runCommand(args, stdin, out, stderr)
	if out.err != nil && code == exitOK {
		fmt.Fprintf(stderr, "timeline: %v\n", out.err)
		return exitData
	}
	return code
}

func runCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		writeUsage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "-h", "--help":
		writeUsage(stdout)
		return exitOK
	case "-v", "--version":
		name = "version"
	case completeCmd:
		return runComplete(e, args[1:])
	}
	cmd := lookup(name)
	if cmd == nil {
		fmt.Fprintf(stderr, "timeline: %s\n", unknownCommandMessage(name))
		fmt.Fprintf(stderr, "Run 'timeline help' for the list of commands.\n")
		return exitUsage
	}
	err := cmd.exec(e, args[1:])
	if err == nil {
		return exitOK
	}
	if errors.Is(err, pflag.ErrHelp) {
		return exitOK
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "timeline %s: %s\n", cmd.name, ue.msg)
		fmt.Fprintf(stderr, "Run 'timeline %s --help' for usage.\n", cmd.name)
		return exitUsage
	}
	msg := err.Error()
	if pe := (*timeline.ProblemsError)(nil); errors.As(err, &pe) {
		fmt.Fprintf(stderr, "%s\n", msg)
		n := len(pe.Problems)
		fmt.Fprintf(stderr, "timeline %s: %d %s in the dataset\n", cmd.name, n, pluralWord(n, "error"))
		return exitData
	}
	fmt.Fprintf(stderr, "timeline %s: %s\n", cmd.name, msg)
	return exitData
}

func lookup(name string) *command {
	for _, c := range allCommands() {
		if c.name == name {
			return c
		}
	}
	return nil
}

// flagSet returns the flags of the command, set into o, and the --help
// flag.
func (c *command) flagSet(o *options) (*pflag.FlagSet, *bool) {
	fs := pflag.NewFlagSet("timeline "+c.name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	if c.data {
		o.addDataFlags(fs, !c.noFilters)
	}
	if c.output {
		fs.StringVarP(&o.output, "output", "o", "-", "write to `file` (- for standard output)")
	}
	if c.flags != nil {
		c.flags(fs, o)
	}
	return fs, fs.BoolP("help", "h", false, "show this help")
}

// exec parses the command's flags and runs it.
func (c *command) exec(e *env, args []string) error {
	o := &options{}
	fs, help := c.flagSet(o)
	if err := checkFlagValues(fs, args); err != nil {
		return err
	}
	if err := fs.Parse(args); err != nil {
		return flagError(fs, err)
	}
	if *help {
		c.writeHelp(e.stdout, fs)
		return pflag.ErrHelp
	}
	o.args = fs.Args()
	if c.name != "help" && c.name != "completion" && len(o.args) > 0 {
		return usagef("unexpected argument %q (flags go before or after; files are given with --data or -o)", o.args[0])
	}
	return c.run(e, o)
}

func (c *command) writeHelp(w io.Writer, fs *pflag.FlagSet) {
	flags := ""
	if fs != nil && fs.HasFlags() {
		flags = " [flags]"
	}
	fmt.Fprintf(w, "Usage: timeline %s%s%s\n\n%s\n", c.name, flags, c.args, c.short)
	if c.long != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.long))
	}
	if fs != nil && fs.HasFlags() {
		fmt.Fprintf(w, "\nFlags:\n%s", flagUsages(fs, 100))
	}
}

func writeUsage(w io.Writer) {
	fmt.Fprint(w, `timeline turns a sourced date-event dataset into an interactive HTML page
and a printable PDF briefing. Without --data it uses the embedded dataset,
derived from the Congressional Research Service report "The Mojahedin-e-Khalq
(MEK) or People's Mojahedin Organization of Iran (PMOI)" (25 February 2025).

Usage: timeline COMMAND [flags]

Commands:
`)
	for _, c := range allCommands() {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.short)
	}
	fmt.Fprint(w, `
Data: the embedded dataset, or --data FILE (- for standard input) in this
tool's JSON, TimelineJS JSON, a TimelineJS sheet saved as CSV, or this
tool's CSV.

Filters, the same for every command that reads data:
  --era ID  --from DATE  --to DATE  --category ID  --tag TAG  --status S  --grep TEXT

Examples:
  timeline list --era iraq
  timeline html -o mek.html
  timeline pdf --era ashraf --paper a4 -o ashraf.pdf
  timeline validate --data my-timeline.json

Run 'timeline help COMMAND' for a command's flags and examples, and
'timeline help formats' for the input formats and dates.
`)
}

// helpCommand returns the help command. It is made by a function because
// it refers to the list of commands, which holds it.
func helpCommand() *command {
	return &command{
		name: "help", args: " [COMMAND|formats]", short: "show help for timeline or one command",
		run: func(e *env, o *options) error {
			if len(o.args) == 0 {
				writeUsage(e.stdout)
				return nil
			}
			for _, t := range helpTopics {
				if t.name == o.args[0] {
					_, err := fmt.Fprintln(e.stdout, strings.TrimSpace(t.text))
					return err
				}
			}
			c := lookup(o.args[0])
			if c == nil {
				return usagef("%s", unknownHelpMessage(o.args[0]))
			}
			return c.exec(e, []string{"--help"})
		},
	}
}

func pluralWord(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}

// oneOf is a pflag.Value that accepts one of a fixed set of words.
type oneOf struct {
	value   *string
	allowed []string
}

func (v *oneOf) String() string { return *v.value }
func (v *oneOf) Type() string   { return "string" }

// Set takes one of the allowed values, ignoring case ("A4" is "a4"), or
// fails naming them and the nearest ("jsn": did you mean "json"?).
func (v *oneOf) Set(s string) error {
	i := slices.IndexFunc(v.allowed, func(a string) bool { return strings.EqualFold(a, strings.TrimSpace(s)) })
	if i < 0 {
		msg := fmt.Sprintf("%q is not one of %s", s, strings.Join(v.allowed, ", "))
		if dym := didYouMean(s, v.allowed, quoted); dym != "" {
			msg += "; " + dym
		}
		return errors.New(msg)
	}
	*v.value = v.allowed[i]
	return nil
}
