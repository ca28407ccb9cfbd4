package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestComplete(t *testing.T) {
	small := "testdata/small.json"
	eras := []string{"shah", "revolution", "france", "iraq", "ashraf", "albania"}
	tests := []struct {
		words []string
		want  []string
	}{
		{[]string{""}, commandNames()},
		{[]string{"e"}, []string{"eras", "export"}},
		{[]string{"html", "--era", ""}, eras},
		{[]string{"html", "--era", "a"}, []string{"ashraf", "albania"}},
		{[]string{"html", "--era", "iraq,a"}, []string{"iraq,ashraf", "iraq,albania"}},
		{[]string{"html", "--era", "iraq,i"}, nil}, // iraq is there already
		{[]string{"html", "--era=i"}, []string{"--era=iraq"}},
		{[]string{"html", "--era", "=", "i"}, []string{"iraq"}}, // as bash splits --era=i
		{[]string{"list", "--data", small, "--era", ""}, []string{"early", "late"}},
		{[]string{"list", "--data=" + small, "--category", ""}, []string{"law", "camp"}},
		{[]string{"list", "--data", "no-such.json", "--era", ""}, nil},
		{[]string{"list", "--tag", "ft"}, []string{"fto"}},
		{[]string{"pdf", "--status", "d"}, []string{"denied", "disputed"}},
		{[]string{"pdf", "--paper", ""}, []string{"letter", "a4"}},
		{[]string{"sv"}, []string{"svg"}},
		{[]string{"svg", "--data", small, "--era", ""}, []string{"early", "late"}},
		{[]string{"svg", "-o", ""}, []string{filesDirective}},
		{[]string{"export", "--format", "timelinejs"}, []string{"timelinejs", "timelinejs-csv"}},
		{[]string{"list", "--format-in", "c"}, []string{"csv"}},
		{[]string{"list", "--st"}, []string{"--status"}},
		{[]string{"validate", "--"}, []string{"--data", "--format-in", "--strict", "--font", "--help"}},
		{[]string{"html", "-o", ""}, []string{filesDirective}},
		{[]string{"list", "--data", ""}, []string{filesDirective}},
		{[]string{"list", "--no-sources", ""}, nil},
		{[]string{"help", "f"}, []string{"formats"}},
		{[]string{"completion", ""}, []string{"bash", "fish", "zsh"}},
		{[]string{"bogus", ""}, nil},
	}
	for _, tt := range tests {
		got := complete(&env{}, tt.words)
		if !slices.Equal(got, tt.want) {
			t.Errorf("complete(%q) = %q, want %q", tt.words, got, tt.want)
		}
	}
}

// timelineOnPath puts the test binary on a PATH as "timeline" and returns
// the environment to run shells with.
func timelineOnPath(t *testing.T) []string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Symlink(exe, filepath.Join(dir, "timeline")); err != nil {
		t.Fatal(err)
	}
	return append(os.Environ(), "TIMELINE_TEST_MAIN=1", "PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// TestBashCompletion loads the bash script and completes
// "timeline html --era <TAB>" as bash would.
func TestBashCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	env := timelineOnPath(t)
	tests := []struct {
		line string // COMP_WORDS, the last being the word completed
		want []string
	}{
		{`timeline html --era ""`, []string{"shah", "revolution", "france", "iraq", "ashraf", "albania"}},
		{`timeline html --era ir`, []string{"iraq"}},
		{`timeline ht`, []string{"html"}},
		{`timeline pdf --pa`, []string{"--paper"}},
		{`timeline list --data testdata/small.json --era ""`, []string{"early", "late"}},
		{`timeline html -o testdata/sma`, []string{"testdata/small.json"}},
	}
	for _, tt := range tests {
		script := `source <(timeline completion bash) || exit 1
COMP_WORDS=(` + tt.line + `)
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_timeline
printf '%s\n' "${COMPREPLY[@]}"`
		cmd := exec.Command(bash, "--norc", "--noprofile", "-c", script)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", tt.line, err, out)
		}
		got := strings.Fields(string(out))
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s<TAB>: %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestCompletionScripts checks that every script parses in its shell, when
// the shell is installed.
func TestCompletionScripts(t *testing.T) {
	for shell, check := range map[string][]string{"bash": {"-n"}, "zsh": {"-n"}, "fish": {"--no-execute"}} {
		code, script, stderr := runCLI(t, "", "completion", shell)
		if code != 0 || !strings.Contains(script, "__complete") {
			t.Fatalf("completion %s: exit %d: %s", shell, code, stderr)
		}
		path, err := exec.LookPath(shell)
		if err != nil {
			t.Logf("%s is not installed: its script is not parsed", shell)
			continue
		}
		f := filepath.Join(t.TempDir(), "script")
		os.WriteFile(f, []byte(script), 0o644)
		if out, err := exec.Command(path, append(check, f)...).CombinedOutput(); err != nil {
			t.Errorf("%s %v: %v\n%s", shell, check, err, out)
		}
	}
	if code, _, stderr := runCLI(t, "", "completion", "tcsh"); code != 2 || !strings.Contains(stderr, "bash, zsh and fish") {
		t.Errorf("completion tcsh: exit %d, %s", code, stderr)
	}
}

// TestZshFishCompletion completes "timeline html --era <TAB>" in zsh (with
// compadd stubbed to print) and fish, when they are installed.
func TestZshFishCompletion(t *testing.T) {
	env := timelineOnPath(t)
	dir := t.TempDir()
	eras := []string{"shah", "revolution", "france", "iraq", "ashraf", "albania"}
	for _, tt := range []struct {
		shell, script string
		args          func(file string) []string
		want          []string
	}{
		{"zsh", "zsh", func(f string) []string {
			return []string{"-f", "-c", `compdef() { :; }; compadd() { shift 2; [[ $1 == -- ]] && shift; print -l -- "$@"; }
source ` + f + `; words=(timeline html --era ""); CURRENT=4; _timeline`}
		}, eras},
		{"fish", "fish", func(f string) []string {
			return []string{"--no-config", "-c", `source ` + f + `; complete -C "timeline html --era "`}
		}, []string{"albania", "ashraf", "france", "iraq", "revolution", "shah"}},
	} {
		path, err := exec.LookPath(tt.shell)
		if err != nil {
			t.Logf("%s is not installed", tt.shell)
			continue
		}
		_, script, _ := runCLI(t, "", "completion", tt.script)
		f := filepath.Join(dir, tt.shell)
		os.WriteFile(f, []byte(script), 0o644)
		cmd := exec.Command(path, tt.args(f)...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("%s: %v\n%s", tt.shell, err, out)
			continue
		}
		if got := strings.Fields(string(out)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: timeline html --era <TAB>: %q, want %q", tt.shell, got, tt.want)
		}
	}
}
