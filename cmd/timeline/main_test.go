package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/timeline"

	"github.com/timeline-tool/timeline/internal/golden"
)

// runCLI runs the command in-process and returns its exit code and streams.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// TestGolden runs each command line and compares exit code, stdout and
// stderr with testdata/cli/NAME.golden.
func TestGolden(t *testing.T) {
	small := "testdata/small.json"
	tests := []struct {
		name string
		args []string
	}{
		{"list", []string{"list", "--data", small}},
		{"list-era", []string{"list", "--data", small, "--era", "early"}},
		{"list-era-comma", []string{"list", "--data", small, "--era", "early,late", "--no-sources"}},
		{"list-status", []string{"list", "--data", small, "--status", "denied,reported", "--no-sources"}},
		{"list-span", []string{"list", "--data", small, "--from", "2000", "--to", "2013-06", "--no-sources"}},
		{"list-grep", []string{"list", "--data", small, "--grep", "CAMP", "--no-sources"}},
		{"list-category-tag", []string{"list", "--data", small, "--category", "law", "--tag", "law", "--no-sources"}},
		{"eras", []string{"eras", "--data", small}},
		{"eras-filtered", []string{"eras", "--data", small, "--status", "denied"}},
		{"validate", []string{"validate", "--data", small}},
		{"validate-bad", []string{"validate", "--data", "testdata/bad.json"}},
		{"validate-malformed", []string{"validate", "--data", "testdata/malformed.json"}},
		{"validate-missing", []string{"validate", "--data", "testdata/no-such-file.json"}},
		{"unknown-era", []string{"list", "--data", small, "--era", "middle"}},
		{"unknown-category", []string{"list", "--data", small, "--category", "war"}},
		{"unknown-tag", []string{"list", "--data", small, "--tag", "bogus"}},
		{"unknown-status", []string{"list", "--data", small, "--status", "rumoured"}},
		{"bad-from", []string{"list", "--data", small, "--from", "1999-13"}},
		{"empty-span", []string{"list", "--data", small, "--from", "2000", "--to", "1990"}},
		{"unknown-flag", []string{"list", "--colour"}},
		{"unknown-command", []string{"lsit"}},
		{"unknown-command-far", []string{"frobnicate"}},
		{"unknown-flag-near", []string{"list", "--eras", "early"}},
		{"unknown-flag-alias", []string{"html", "--text", "iran"}},
		{"unknown-flag-one-dash", []string{"list", "-era", "early"}},
		{"value-looks-like-flag", []string{"html", "--era", "-o", "file.html"}},
		{"value-missing", []string{"list", "--data", small, "--era"}},
		{"format-value-near", []string{"list", "--data", small, "--format-in", "jsn"}},
		{"format-value-case", []string{"export", "--data", small, "-f", "JSON"}},
		{"unknown-era-near", []string{"list", "--data", small, "--era", "erly"}},
		{"unknown-category-near", []string{"list", "--data", small, "--category", "laws"}},
		{"unknown-status-near", []string{"list", "--data", small, "--status", "claimd"}},
		{"era-case", []string{"list", "--data", small, "--era", "EARLY,Late", "--category", "LAW", "--no-sources"}},
		{"help-formats", []string{"help", "formats"}},
		{"help-unknown", []string{"help", "lst"}},
		{"help-unknown-topic", []string{"help", "formt"}},
		{"pdf-help", []string{"pdf", "--help"}},
		{"svg-help", []string{"svg", "--help"}},
		{"svg", []string{"svg", "--data", small, "--status", "denied,reported"}},
		{"svg-unknown-era", []string{"svg", "--data", small, "--era", "middle"}},
		{"completion-help", []string{"completion", "--help"}},
		{"completion-none", []string{"completion"}},
		{"stray-argument", []string{"list", "small.json"}},
		{"bad-format", []string{"export", "--data", small, "--format", "xml"}},
		{"no-args", nil},
		{"help", []string{"help"}},
		{"help-list", []string{"help", "list"}},
		{"list-help", []string{"list", "--help"}},
		{"export-timelinejs-note", []string{"export", "--data", small, "--format", "timelinejs", "--era", "early"}},
		{"list-empty", []string{"list", "--data", small, "--grep", "zzzz"}},
		{"validate-help", []string{"validate", "--help"}},
		{"validate-filter-flag", []string{"validate", "--era", "iraq"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, "", tt.args...)
			got := fmt.Sprintf("$ timeline %s\nexit %d\n-- stdout --\n%s-- stderr --\n%s", strings.Join(tt.args, " "), code, stdout, stderr)
			golden.Check(t, filepath.Join("testdata", "cli", tt.name+".golden"), []byte(got))
		})
	}
}

// TestGoldenFilesUsed fails when a golden file has no test.
func TestGoldenFilesUsed(t *testing.T) {
	files, _ := filepath.Glob("testdata/cli/*.golden")
	src, err := os.ReadFile("main_test.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".golden")
		if strings.HasSuffix(name, ".got") {
			continue
		}
		if !bytes.Contains(src, []byte(`{"`+name+`", `)) {
			t.Errorf("%s is compared by no test", f)
		}
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"version"}, 0},
		{[]string{"list", "--help"}, 0},
		{[]string{"validate"}, 0},
		{[]string{"validate", "--data", "testdata/bad.json"}, 1},
		{[]string{"list", "--data", "testdata/malformed.json"}, 1},
		{[]string{"list", "--data", "testdata/nope.json"}, 1},
		{[]string{"list", "--era", "nope"}, 2},
		{[]string{"list", "--bogus"}, 2},
		{[]string{"bogus"}, 2},
		{[]string{"pdf", "--paper", "legal"}, 2},
		{[]string{"list", "--format-in", "json"}, 2},
	}
	for _, tt := range tests {
		if code, _, stderr := runCLI(t, "", tt.args...); code != tt.code {
			t.Errorf("timeline %s: exit %d, want %d; stderr:\n%s", strings.Join(tt.args, " "), code, tt.code, stderr)
		}
	}
}

// TestValidateReportsEverything checks that one run reports every problem
// of a broken dataset, each with its position and path.
func TestValidateReportsEverything(t *testing.T) {
	code, _, stderr := runCLI(t, "", "validate", "--data", "testdata/bad.json")
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{
		`testdata/bad.json:7:`, `events[0].date: "1999-13": month 13 out of range`,
		`events[1].era: unknown era "nope"`,
		`events[1].sources[0]: unknown source "missing"`,
		`events[2].id: duplicate id "b"`,
		`events[2].sources: warning: no source, where the other events cite theirs`,
		`categories[0].color: colour "blue"`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestStdin(t *testing.T) {
	b, err := os.ReadFile("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, string(b), "list", "--data", "-", "--no-sources")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Group founded") || !strings.Contains(stdout, "6 events") {
		t.Errorf("list of stdin:\n%s", stdout)
	}
}

// TestExportRoundTrip checks that exporting JSON and loading it back gives
// the same dataset, for the embedded dataset and the small one.
func TestExportRoundTrip(t *testing.T) {
	for _, data := range []string{"", "testdata/small.json"} {
		args := []string{"export"}
		if data != "" {
			args = append(args, "--data", data)
		}
		code, first, stderr := runCLI(t, "", args...)
		if code != 0 {
			t.Fatalf("export %s: exit %d: %s", data, code, stderr)
		}
		code, second, stderr := runCLI(t, first, "export", "--data", "-")
		if code != 0 {
			t.Fatalf("re-export %s: exit %d: %s", data, code, stderr)
		}
		if first != second {
			t.Errorf("export of %q is not stable:\n%s", data, golden.Diff("first", first, "second", second))
		}
		if _, _, err := timeline.Load("export.json", []byte(first)); err != nil {
			t.Errorf("export of %q does not load: %v", data, err)
		}
	}
}

func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "list.txt")
	if code, _, stderr := runCLI(t, "", "list", "--data", "testdata/small.json", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.Contains(b, []byte("Group founded")) {
		t.Fatalf("output file: %v\n%s", err, b)
	}

	// A failing run leaves the old file alone and no temporary behind.
	if code, _, _ := runCLI(t, "", "list", "--data", "testdata/bad.json", "-o", out); code != 1 {
		t.Fatalf("bad data: exit %d, want 1", code)
	}
	after, _ := os.ReadFile(out)
	if !bytes.Equal(b, after) {
		t.Errorf("a failed run changed the output file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries after a failed run, want 1", len(entries))
	}

	// Writing over the input is refused.
	in := filepath.Join(dir, "in.json")
	src, _ := os.ReadFile("testdata/small.json")
	os.WriteFile(in, src, 0o644)
	code, _, stderr := runCLI(t, "", "export", "--data", in, "-o", in)
	if code != 2 || !strings.Contains(stderr, "refusing to write over the input") {
		t.Errorf("export over input: exit %d, stderr %q", code, stderr)
	}
	if now, _ := os.ReadFile(in); !bytes.Equal(now, src) {
		t.Errorf("the input was changed")
	}
}

// TestEmbeddedEras checks that every era of the embedded dataset has
// events in "list --era".
func TestEmbeddedEras(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "eras")
	if code != 0 {
		t.Fatalf("eras: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")[1:]
	if len(lines) < 4 {
		t.Fatalf("eras lists %d eras:\n%s", len(lines), stdout)
	}
	for _, l := range lines {
		id := strings.Fields(l)[0]
		code, out, stderr := runCLI(t, "", "list", "--era", id, "--no-sources")
		if code != 0 {
			t.Fatalf("list --era %s: exit %d: %s", id, code, stderr)
		}
		if strings.Count(out, "\n") < 5 {
			t.Errorf("list --era %s shows almost nothing:\n%s", id, out)
		}
	}
}

func TestHTMLAndPDF(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args   []string
		prefix string
	}{
		{[]string{"html", "--data", "testdata/small.json", "--assets", "echarts.min.js"}, "<!DOCTYPE html>"},
		{[]string{"pdf", "--data", "testdata/small.json", "--era", "late"}, "%PDF-"},
	} {
		out := filepath.Join(dir, tt.args[0]+".out")
		code, _, stderr := runCLI(t, "", append(tt.args, "-o", out)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, code, stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(bytes.TrimSpace(b), []byte(tt.prefix)) {
			t.Errorf("%v: output starts %q, want %q", tt.args, b[:min(len(b), 20)], tt.prefix)
		}
	}
}

func TestOutputFileReplacement(t *testing.T) {
	dir := t.TempDir()
	args := func(out string) []string { return []string{"list", "--data", "testdata/small.json", "-o", out} }

	// A replaced file keeps its mode.
	private := filepath.Join(dir, "private.txt")
	os.WriteFile(private, []byte("old"), 0o600)
	if code, _, stderr := runCLI(t, "", args(private)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if st, _ := os.Stat(private); st.Mode().Perm() != 0o600 {
		t.Errorf("mode after replacing = %v, want 0600", st.Mode().Perm())
	}

	// A symbolic link is written through, not replaced.
	target := filepath.Join(dir, "target.txt")
	os.WriteFile(target, []byte("old"), 0o644)
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "", args(link)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file")
	}
	if b, _ := os.ReadFile(target); !bytes.Contains(b, []byte("Group founded")) {
		t.Errorf("the link's target was not written: %q", b)
	}

	// A read-only file is left alone.
	ro := filepath.Join(dir, "ro.txt")
	os.WriteFile(ro, []byte("keep"), 0o444)
	code, _, stderr := runCLI(t, "", args(ro)...)
	if code != 1 || !strings.Contains(stderr, "read-only") {
		t.Errorf("read-only output: exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(ro); string(b) != "keep" {
		t.Errorf("the read-only file was replaced")
	}

	// Missing directories are made.
	deep := filepath.Join(dir, "a", "b", "list.txt")
	if code, _, stderr := runCLI(t, "", args(deep)...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
}

func TestIsTerminal(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if isTerminal(w) || isTerminal(&bytes.Buffer{}) {
		t.Error("a pipe or a buffer is taken for a terminal")
	}
}

// TestDoc runs every example in the commands' help (and the top-level
// usage), so that the help cannot rot. Examples that read a file the
// repository does not have are skipped; outputs go to a temporary
// directory.
func TestDoc(t *testing.T) {
	var usage bytes.Buffer
	writeUsage(&usage)
	texts := []string{usage.String()}
	for _, c := range allCommands() {
		texts = append(texts, c.long)
	}
	for _, topic := range helpTopics {
		texts = append(texts, topic.text)
	}
	dir := t.TempDir()
	n := 0
	for _, text := range texts {
		for _, line := range strings.Split(text, "\n") {
			if !strings.HasPrefix(line, "  timeline ") { // examples are indented
				continue
			}
			line = strings.TrimSpace(line)
			args := shellFields(line)[1:]
			if len(args) > 0 && args[0] == "serve" {
				continue // runs until stopped: TestServeExamples parses these
			}
			skip := false
			for i := 0; i < len(args); i++ {
				switch {
				case args[i] == "-o" && i+1 < len(args):
					args[i+1] = filepath.Join(dir, filepath.Base(args[i+1]))
				case args[i] == "--data" && i+1 < len(args):
					args[i+1] = filepath.Join("..", "..", args[i+1])
					if _, err := os.Stat(args[i+1]); err != nil {
						skip = true
					}
				case args[i] == "--font" && i+1 < len(args):
					// A font from a Debian package that make test installs.
					if _, err := os.Stat(args[i+1]); err != nil && os.Getenv("CI") == "" {
						skip = true
					}
				case args[i] == "--assets" && i+1 < len(args):
					args[i+1] = "echarts.min.js" // a URL: the test binary may lack the bundle
				}
			}
			if skip {
				continue
			}
			n++
			if code, _, stderr := runCLI(t, "", args...); code != 0 {
				t.Errorf("%s: exit %d\n%s", line, code, stderr)
			}
		}
	}
	if n < 15 {
		t.Errorf("ran only %d examples", n)
	}
}

// shellFields splits line into words as a shell would for the help's
// examples: at spaces, except inside double quotes, which it removes.
func shellFields(line string) []string {
	var words []string
	var w strings.Builder
	in, started := false, false
	for _, r := range line {
		switch {
		case r == '"':
			in, started = !in, true
		case r == ' ' && !in:
			if started {
				words = append(words, w.String())
			}
			w.Reset()
			started = false
		default:
			w.WriteRune(r)
			started = true
		}
	}
	if started {
		words = append(words, w.String())
	}
	return words
}

// A file in a format timeline does not read gets one line that says what
// it looks like and what is read, and exit status 1: no field errors.
func TestFormatNotRead(t *testing.T) {
	for in, want := range map[string]string{
		`[{"id": 1, "content": "a", "start": "2014-04-20"}]`:                "vis-timeline",
		`{"events": [{"start": "1900", "title": "T", "description": "D"}]}`: "SIMILE Timeline JSON",
		`{"events": [{"when": "1900", "what": "T"}]}`:                       "neither this tool's dataset",
	} {
		code, _, stderr := runCLI(t, in, "validate", "--data", "-")
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if code != 1 || len(lines) != 1 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "it reads this tool's JSON or CSV, TimelineJS JSON") || strings.Contains(stderr, "--format-in") {
			t.Errorf("%q: exit %d, stderr\n%s\nwant exit 1 and one line naming %q and what is read", in, code, stderr, want)
		}
	}
}

// TestPrepDateBeforeData checks that a --date of preparation earlier than
// the data's as-of date is written as given, with a warning.
func TestPrepDateBeforeData(t *testing.T) {
	out := filepath.Join(t.TempDir(), "b.pdf")
	for _, tt := range []struct {
		date string
		warn bool
	}{{"1990", true}, {"2025-02-25", false}, {"2026", false}} {
		code, _, stderr := runCLI(t, "", "pdf", "--date", tt.date, "-o", out)
		if code != 0 {
			t.Fatalf("--date %s: exit %d: %s", tt.date, code, stderr)
		}
		if got := strings.Contains(stderr, "is before the data's as-of date, 25 Feb 2025"); got != tt.warn {
			t.Errorf("--date %s: warning %v, want %v: %q", tt.date, got, tt.warn, stderr)
		}
	}
}

// TestWarningsCapped checks that the commands that render print the first
// maxWarnings of a dataset's warnings and count the rest, while validate
// prints them all.
func TestWarningsCapped(t *testing.T) {
	var evs []string
	for i := range maxWarnings + 10 {
		evs = append(evs, fmt.Sprintf(`{"id":"a%d","date":"1950","title":"t","era":"e","sources":["s"]}`, i))
	}
	path := filepath.Join(t.TempDir(), "w.json")
	data := `{"title":"W","eras":[{"id":"e","label":"E","span":"1900/1901"}],"sources":[{"id":"s","title":"S"}],"events":[` + strings.Join(evs, ",") + `]}`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, stderr := runCLI(t, "", "list", "--data", path)
	if n := strings.Count(stderr, "begins outside era"); n != maxWarnings || !strings.Contains(stderr, "10 more warnings; timeline validate lists them all") {
		t.Errorf("list printed %d warnings:\n%s", n, stderr)
	}
	_, _, stderr = runCLI(t, "", "validate", "--data", path)
	if n := strings.Count(stderr, "begins outside era"); n != maxWarnings+10 || strings.Contains(stderr, "more warnings") {
		t.Errorf("validate printed %d warnings:\n%s", n, stderr)
	}
}
