package main

import (
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/timeline-tool/timeline/render/htmlout"
)

func TestVersion(t *testing.T) {
	defer func(v, c, ct string) { version, ldCommit, ldCommitTime = v, c, ct }(version, ldCommit, ldCommitTime)
	version, ldCommit, ldCommitTime = "v1.2.3", "0123456789abcdef", "2026-12-04T10:00:00Z"
	for _, args := range [][]string{{"version"}, {"--version"}, {"-v"}} {
		code, stdout, stderr := runCLI(t, "", args...)
		if code != 0 || stderr != "" {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		want := []string{
			"timeline v1.2.3",
			"commit:  0123456789abcdef (2026-12-04T10:00:00Z)",
			"go:      " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH,
		}
		lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
		if len(lines) != 4 {
			t.Fatalf("%v: %d lines, want 4:\n%s", args, len(lines), stdout)
		}
		for i, w := range want {
			if lines[i] != w {
				t.Errorf("%v: line %d = %q, want %q", args, i+1, lines[i], w)
			}
		}
		if vs, err := htmlout.BundleVersions(); err == nil && len(vs) > 0 {
			if !regexp.MustCompile(`^echarts: embedded: echarts \d+\.\d+\.\d+, zrender \d+\.\d+\.\d+`).MatchString(lines[3]) {
				t.Errorf("%v: echarts line %q", args, lines[3])
			}
		}
	}
}

// TestNoBundle checks what a binary built without the ECharts bundle (a
// plain go install) says: at once, before reading any data, in html and
// version, and that --assets URL still works.
func TestNoBundle(t *testing.T) {
	defer func(f func() ([]string, error)) { bundleVersions = f }(bundleVersions)
	bundleVersions = func() ([]string, error) { return nil, htmlout.ErrNoBundle }

	code, stdout, stderr := runCLI(t, "", "html", "--data", "testdata/no-such-file.json", "-o", t.TempDir()+"/x.html")
	if code != 1 || stdout != "" {
		t.Errorf("html: exit %d, stdout %q", code, stdout)
	}
	for _, want := range []string{"no ECharts bundle", `plain "go install"`, "make install", "release archive", "--assets URL"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("html: stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "no-such-file") {
		t.Errorf("html read the data before saying what the binary lacks:\n%s", stderr)
	}
	code, stdout, _ = runCLI(t, "", "version")
	if code != 0 || !strings.Contains(stdout, "echarts: not embedded: timeline html needs --assets URL; for a complete binary run make install") {
		t.Errorf("version: exit %d:\n%s", code, stdout)
	}
	if code, _, stderr := runCLI(t, "", "html", "--data", "testdata/small.json", "--assets", "echarts.min.js", "-o", t.TempDir()+"/x.html"); code != 0 {
		t.Errorf("html --assets: exit %d: %s", code, stderr)
	}
}

func TestToolVersion(t *testing.T) {
	defer func(v string) { ldVersion = v }(ldVersion)
	ldVersion = "v9.9.9-3-gabcdef"
	if got := toolVersion(); got != ldVersion {
		t.Errorf("toolVersion() = %q, want the -ldflags version %q", got, ldVersion)
	}
	ldVersion = ""
	if got := toolVersion(); got == "" || got == "(devel)" {
		t.Errorf("toolVersion() = %q without -ldflags", got)
	}
}
