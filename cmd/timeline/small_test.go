package main

import (
	"os"
	"strings"
	"testing"
)

// TestBadAssets: a bad --assets value is a usage error (exit 2) found
// before any work, and "//host/x.js" names another host, not a relative
// path.
func TestBadAssets(t *testing.T) {
	for _, a := range []string{"//cdn.example.org/echarts.min.js", `\\cdn.example.org\echarts.min.js`, "ftp://x/echarts.min.js", "javascript:alert(1)"} {
		code, stdout, stderr := runCLI(t, "", "html", "--data", "testdata/small.json", "--assets", a)
		if code != 2 || stdout != "" || !strings.Contains(stderr, "--assets") || !strings.Contains(stderr, "relative URL of echarts.min.js") {
			t.Errorf("--assets %s: exit %d, stderr %q; want exit 2 naming --assets", a, code, stderr)
		}
	}
}

// TestStandardInputName: messages call standard input so, never "-".
func TestStandardInputName(t *testing.T) {
	small, err := os.ReadFile("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, string(small), "validate", "--data", "-")
	if code != 0 || !strings.HasPrefix(stdout, "standard input: ok: ") {
		t.Errorf("validate --data -: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, _, stderr = runCLI(t, `{"title": "x",`, "validate", "--data", "-")
	if code != 1 || !strings.HasPrefix(stderr, "standard input:") {
		t.Errorf("validate --data - of broken JSON: exit %d, stderr %q", code, stderr)
	}
}
