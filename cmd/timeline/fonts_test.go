package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadFont checks that a --font the PDF cannot use is a usage error
// that names the file and what would work, and that nothing is written.
func TestBadFont(t *testing.T) {
	dir := t.TempDir()
	file := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	header := func(tag string) []byte { return append([]byte(tag), make([]byte, 200)...) }
	for _, c := range []struct {
		name, path, want string
	}{
		{"missing", filepath.Join(dir, "nope.ttf"), "nope.ttf: no such file or directory"},
		{"not a font", file("notes.ttf", []byte("these are my notes, not a font at all")), "notes.ttf: not a TrueType font"},
		{"empty", file("empty.ttf", nil), "empty.ttf: not a font (0 bytes)"},
		{"collection", file("fonts.ttc", header("ttcf")), "fonts.ttc: a font collection (.ttc)"},
		{"CFF", file("cff.otf", header("OTTO")), "cff.otf: an OpenType font with CFF (PostScript) outlines"},
		{"woff", file("web.woff", header("wOFF")), "web.woff: a web font (WOFF)"},
		{"truncated", file("cut.ttf", append([]byte{0, 1, 0, 0, 0, 12}, make([]byte, 20)...)), "cut.ttf: a damaged TrueType font"},
	} {
		for _, cmd := range []string{"pdf", "validate"} {
			out := filepath.Join(dir, "out.pdf")
			args := []string{cmd, "--data", "testdata/small.json", "--font", c.path}
			if cmd == "pdf" {
				args = append(args, "-o", out)
			}
			code, stdout, stderr := runCLI(t, "", args...)
			if code != exitUsage {
				t.Errorf("%s %s: exit %d, want %d", cmd, c.name, code, exitUsage)
			}
			if !strings.Contains(stderr, "--font: font "+c.path[:len(c.path)-len(filepath.Base(c.path))]) || !strings.Contains(stderr, c.want) {
				t.Errorf("%s %s: stderr %q lacks the file and %q", cmd, c.name, stderr, c.want)
			}
			if c.name != "missing" && !strings.Contains(stderr, "give a TrueType font file (.ttf)") {
				t.Errorf("%s %s: stderr %q does not say what would work", cmd, c.name, stderr)
			}
			if _, err := os.Stat(out); err == nil || stdout != "" {
				t.Errorf("%s %s: something was written", cmd, c.name)
			}
		}
	}
}

// TestMissingGlyphs checks the warning for characters no font has, in
// pdf and validate, and that --strict-glyphs makes it an error that
// writes nothing.
func TestMissingGlyphs(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "zh.json")
	if err := os.WriteFile(data, []byte(`{"title":"组织 timeline","sources":[{"id":"s","title":"来源"}],
		"events":[{"id":"a","date":"1965","title":"成立 \u0007","sources":["s"]},{"id":"b","date":"1970","title":"成立","sources":["s"]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "zh.pdf")
	code, _, stderr := runCLI(t, "", "pdf", "--data", data, "-o", out)
	if code != exitOK {
		t.Fatalf("pdf: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"timeline pdf: warning: no font has 6 characters: ", `U+6210 "成" in events "a", "b"`, "the dataset title", "--font FILE", "they print as \uFFFD"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("pdf: stderr %q lacks %q", stderr, want)
		}
	}
	if strings.Count(stderr, "\n") != 1 || strings.Contains(stderr, "U+0007") || strings.Contains(stderr, "emoji") {
		t.Errorf("pdf: the warning is not one line naming only the missing characters: %q", stderr)
	}
	os.Remove(out)
	code, _, stderr = runCLI(t, "", "pdf", "--data", data, "--strict-glyphs", "-o", out)
	if code != exitData || !strings.Contains(stderr, "pdf: no font has 6 characters") {
		t.Errorf("pdf --strict-glyphs: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("pdf --strict-glyphs wrote the file")
	}
	code, stdout, stderr := runCLI(t, "", "validate", "--data", data)
	if code != exitOK || !strings.Contains(stdout, "ok") || !strings.Contains(stderr, data+": warning: the PDF would print a placeholder: no font has 6 characters") {
		t.Errorf("validate: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, _, _ := runCLI(t, "", "validate", "--strict", "--data", data); code != exitData {
		t.Errorf("validate --strict: exit %d, want %d", code, exitData)
	}
	font := "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf" // fonts-droid-fallback
	if _, err := os.Stat(font); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing (make test installs it)", font)
		}
		t.Skipf("%s is missing", font)
	}
	code, _, stderr = runCLI(t, "", "validate", "--strict", "--data", data, "--font", font)
	if code != exitOK || stderr != "" {
		t.Errorf("validate --font: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "", "pdf", "--data", data, "--font", font, "--strict-glyphs", "-o", out)
	if code != exitOK || stderr != "" {
		t.Errorf("pdf --font: exit %d, stderr %q", code, stderr)
	}
}

// TestSubstituteDeprecated checks that the old --substitute still runs
// and says it is no longer needed.
func TestSubstituteDeprecated(t *testing.T) {
	out := filepath.Join(t.TempDir(), "s.pdf")
	code, _, stderr := runCLI(t, "", "pdf", "--data", "testdata/small.json", "--substitute", "-o", out)
	if code != exitOK || !strings.Contains(stderr, "--substitute is no longer needed") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
