package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/timeline-tool/timeline/timeline"
)

// completeCmd is the hidden command the completion scripts call: given the
// words after "timeline" up to the cursor, the last being the word being
// completed (possibly empty), it prints the completions, one a line. A
// first line ":files" asks the shell to complete file names instead.
const completeCmd = "__complete"

// filesDirective is the line that asks the shell for file names.
const filesDirective = ":files"

var completionCmd = &command{
	name: "completion", args: " bash|zsh|fish", short: "print a shell completion script",
	long: `Prints a script that makes your shell complete timeline's commands, flags,
formats, paper sizes and the era, category, status and tag ids of the
dataset named by --data (or of the embedded dataset). The script asks
timeline itself, so it stays true to the binary on your path.

  bash:  source <(timeline completion bash)         (add to ~/.bashrc)
  zsh:   timeline completion zsh > "${fpath[1]}/_timeline"   (then restart zsh)
  fish:  timeline completion fish > ~/.config/fish/completions/timeline.fish

Examples:
  timeline completion bash`,
	run: func(e *env, o *options) error {
		if len(o.args) != 1 {
			return usagef("give one shell: bash, zsh or fish")
		}
		script, ok := completionScripts[o.args[0]]
		if !ok {
			msg := fmt.Sprintf("unknown shell %q; completion knows bash, zsh and fish", o.args[0])
			return usagef("%s", msg)
		}
		_, err := io.WriteString(e.stdout, script)
		return err
	},
}

var completionScripts = map[string]string{
	"bash": `# bash completion for timeline. Load with: source <(timeline completion bash)
_timeline() {
	local cur="${COMP_WORDS[COMP_CWORD]}"
	local IFS=$'\n'
	local out
	out=($(timeline __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
	if [[ "${out[0]}" == ":files" ]]; then
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
		return
	fi
	COMPREPLY=("${out[@]}")
}
complete -F _timeline timeline
`,
	"zsh": `#compdef timeline
# zsh completion for timeline. Install with:
#   timeline completion zsh > "${fpath[1]}/_timeline"
_timeline() {
	local -a out
	out=("${(@f)$(timeline __complete "${(@)words[2,CURRENT]}" 2>/dev/null)}")
	if [[ "$out[1]" == ":files" ]]; then
		_files
		return
	fi
	compadd -S '' -- "${out[@]}"
}
if [[ "$funcstack[1]" == "_timeline" ]]; then
	_timeline "$@"
else
	compdef _timeline timeline
fi
`,
	"fish": `# fish completion for timeline. Install with:
#   timeline completion fish > ~/.config/fish/completions/timeline.fish
function __timeline_complete
	set -l words (commandline -opc) (commandline -ct)
	set -l out (timeline __complete $words[2..-1] 2>/dev/null)
	if test "$out[1]" = ":files"
		__fish_complete_path (commandline -ct)
		return
	end
	printf '%s\n' $out
end
complete -c timeline -f -a '(__timeline_complete)'
`,
}

// complete returns the completions of the last of words, the words after
// "timeline" up to the cursor.
func complete(e *env, words []string) []string {
	if len(words) == 0 {
		words = []string{""}
	}
	cur := words[len(words)-1]
	if len(words) == 1 {
		return withPrefix(commandNames(), cur)
	}
	c := lookup(words[0])
	if c == nil {
		return nil
	}
	o := &options{}
	fs, _ := c.flagSet(o)
	prev := words[len(words)-2]
	// bash splits --era=value into "--era", "=", "value".
	if prev == "=" && len(words) >= 3 {
		prev = words[len(words)-3]
		if f := lookupFlag(fs, prev); f != nil {
			return flagValues(e, c, f, words, cur)
		}
	}
	if name, val, ok := strings.Cut(cur, "="); ok && strings.HasPrefix(name, "--") {
		f := lookupFlag(fs, name)
		if f == nil {
			return nil
		}
		vals := flagValues(e, c, f, words, val)
		if len(vals) == 1 && vals[0] == filesDirective {
			return vals
		}
		for i := range vals {
			vals[i] = name + "=" + vals[i]
		}
		return vals
	}
	if strings.HasPrefix(cur, "-") {
		var names []string
		fs.VisitAll(func(f *pflag.Flag) {
			if !f.Hidden && (!fs.Changed(f.Name) || f.Value.Type() == "stringSlice") {
				names = append(names, "--"+f.Name)
			}
		})
		return withPrefix(names, cur)
	}
	if f := lookupFlag(fs, prev); f != nil && f.Value.Type() != "bool" && !strings.Contains(prev, "=") {
		return flagValues(e, c, f, words, cur)
	}
	switch c.name {
	case "help":
		if len(words) == 2 {
			return withPrefix(helpNames(), cur)
		}
	case "completion":
		if len(words) == 2 {
			return withPrefix([]string{"bash", "fish", "zsh"}, cur)
		}
	}
	return nil
}

// lookupFlag returns the flag a word names ("--era", "-o"), or nil.
func lookupFlag(fs *pflag.FlagSet, word string) *pflag.Flag {
	switch {
	case strings.HasPrefix(word, "--"):
		return fs.Lookup(strings.TrimPrefix(word, "--"))
	case strings.HasPrefix(word, "-") && len(word) == 2:
		return fs.ShorthandLookup(word[1:])
	}
	return nil
}

func commandNames() []string {
	var names []string
	for _, c := range allCommands() {
		names = append(names, c.name)
	}
	return names
}

// helpNames are the commands and the help topics, what help takes.
func helpNames() []string {
	names := commandNames()
	for _, t := range helpTopics {
		names = append(names, t.name)
	}
	return names
}

// statusNames are the statuses, as --status takes them.
func statusNames() []string {
	names := make([]string, len(timeline.Statuses))
	for i, s := range timeline.Statuses {
		names[i] = string(s)
	}
	return names
}

// flagValues returns the completions of cur as the value of flag f.
func flagValues(e *env, c *command, f *pflag.Flag, words []string, cur string) []string {
	var vals []string
	switch f.Name {
	case "data", "output", "font":
		return []string{filesDirective}
	case "era", "category", "tag":
		d := completionDataset(e, c, words)
		if d == nil {
			return nil
		}
		eras, cats, tags := datasetIDs(d)
		vals = map[string][]string{"era": eras, "category": cats, "tag": tags}[f.Name]
	case "status":
		vals = statusNames()
	default: // --format, --format-in, --paper, --notes: one of a set
		if v, ok := f.Value.(*oneOf); ok {
			vals = v.allowed
		}
	}
	// A list flag completes the item after the last comma.
	if f.Value.Type() == "stringSlice" {
		if i := strings.LastIndex(cur, ","); i >= 0 {
			done, last := cur[:i+1], cur[i+1:]
			var out []string
			for _, v := range withPrefix(vals, last) {
				if !slices.Contains(strings.Split(done, ","), v) {
					out = append(out, done+v)
				}
			}
			return out
		}
	}
	return withPrefix(vals, cur)
}

// completionDataset loads the dataset the words name with --data (and
// --format-in), or the embedded one, quietly; nil when it cannot.
func completionDataset(e *env, c *command, words []string) *timeline.Dataset {
	o := &options{}
	fs, _ := c.flagSet(o)
	fs.ParseErrorsAllowlist.UnknownFlags = true
	// Parse what is typed before the word being completed; a broken
	// flag value must not stop completion.
	args := words[1 : len(words)-1]
	var keep []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--data" || a == "--format-in" {
			if i+1 < len(args) {
				keep = append(keep, a, args[i+1])
				i++
			}
		} else if strings.HasPrefix(a, "--data=") || strings.HasPrefix(a, "--format-in=") {
			keep = append(keep, a)
		}
	}
	if err := fs.Parse(keep); err != nil {
		return nil
	}
	if o.data == "-" {
		return nil
	}
	quiet := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard}
	d, _, err := load(quiet, o)
	if err != nil {
		return nil
	}
	return d
}

// withPrefix returns the words that start with prefix.
func withPrefix(words []string, prefix string) []string {
	var out []string
	for _, w := range words {
		if strings.HasPrefix(w, prefix) {
			out = append(out, w)
		}
	}
	return out
}

// runComplete runs the hidden __complete command.
func runComplete(e *env, words []string) int {
	for _, w := range complete(e, words) {
		fmt.Fprintln(e.stdout, w)
	}
	return exitOK
}
