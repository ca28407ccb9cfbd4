package main

import (
	"bufio"
	"bytes"
	"context"
	"html"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs serve with args on a free loopback port and returns its
// URL and standard error; the server stops when the test ends.
func startServe(t *testing.T, args ...string) (url string, stderr *syncBuffer) {
	t.Helper()
	o := &options{}
	fs, _ := serveCmd.flagSet(o)
	if err := fs.Parse(append([]string{"--addr", "127.0.0.1:0"}, args...)); err != nil {
		t.Fatal(err)
	}
	o.serve.interval = 50 * time.Millisecond
	stderr = &syncBuffer{}
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: stderr}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- serve(ctx, e, o, func(u string) { ready <- u }) }()
	select {
	case url = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("serve: %v\n%s", err, stderr)
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatal("serve did not start")
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("serve did not stop")
		}
	})
	return url, stderr
}

// copyData copies testdata/small.json to a temporary file.
func copyData(t *testing.T) (path string, content []byte) {
	t.Helper()
	b, err := os.ReadFile("testdata/small.json")
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), "small.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, b
}

func get(t *testing.T, url string, header ...string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
		} else {
			req.Header.Set(header[i], header[i+1])
		}
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, html.UnescapeString(string(b))
}

// TestServe checks what the server serves, and that it serves nothing
// else.
func TestServe(t *testing.T) {
	data, _ := copyData(t)
	url, stderr := startServe(t, "--data", data, "--era", "late", "--paper", "a4")
	for _, want := range []string{"loopback interface only", "watching " + data, url} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}

	code, h, body := get(t, url)
	if code != 200 || h.Get("Content-Type") != "text/html; charset=utf-8" || !strings.Contains(body, "Designation published") {
		t.Fatalf("GET /: %d %s\n%.300s", code, h.Get("Content-Type"), body)
	}
	if strings.Contains(body, "Group founded") {
		t.Errorf("GET /: the --era filter is not applied")
	}
	if !strings.Contains(body, "connect-src 'self'") || !strings.Contains(body, `new EventSource("/_live")`) {
		t.Errorf("GET /: no live script, or a policy that forbids it")
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Content-Security-Policy") != "frame-ancestors 'none'" {
		t.Errorf("GET /: headers %v", h)
	}

	code, h, body = get(t, url+"briefing.pdf")
	if code != 200 || h.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF-") {
		t.Errorf("GET /briefing.pdf: %d %s %.10q", code, h.Get("Content-Type"), body)
	}
	if !strings.Contains(body, "/MediaBox [0 0 595.28 841.89]") {
		t.Errorf("GET /briefing.pdf: not on A4 paper (--paper a4)")
	}

	// Nothing from the file system, whatever the path.
	for _, p := range []string{"small.json", data, "etc/passwd", "..%2f..%2fetc%2fpasswd", "index.html", "briefing.pdf/", "_live/x", "?dir"} {
		code, _, body := get(t, url+strings.TrimPrefix(p, "/"))
		if p == "?dir" {
			continue // the page itself, with a query
		}
		if code == 200 || strings.Contains(body, "root:") || strings.Contains(body, `"events"`) {
			t.Errorf("GET /%s: %d %.100q", p, code, body)
		}
	}
	if code, _, _ := get(t, url, "Host", "attacker.example:80"); code != http.StatusMisdirectedRequest {
		t.Errorf("a request for another host name: %d, want 421", code)
	}
	if code, _, _ := get(t, strings.Replace(url, "127.0.0.1", "localhost", 1)); code != 200 {
		t.Errorf("a request for localhost: %d", code)
	}
}

// TestServeLive checks the change events and the error page without a
// browser: a save sends a new generation; a broken file gives a page
// listing the errors with file:line:col, and no briefing.
func TestServeLive(t *testing.T) {
	data, good := copyData(t)
	url, stderr := startServe(t, "--data", data)

	resp, err := http.Get(url + "_live")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("/_live: Content-Type %q", ct)
	}
	events := make(chan string, 10)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if g, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				events <- g
			}
		}
	}()
	next := func() string {
		t.Helper()
		select {
		case g := <-events:
			return g
		case <-time.After(20 * time.Second):
			t.Fatalf("no event; stderr:\n%s", stderr)
		}
		return ""
	}
	first := next()
	// save replaces the file as editors do, by renaming a new one over it,
	// so the server never sees it half-written.
	save := func(b []byte) {
		t.Helper()
		tmp := data + ".tmp"
		if err := os.WriteFile(tmp, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, data); err != nil {
			t.Fatal(err)
		}
	}

	// Saving the same bytes changes nothing.
	time.Sleep(20 * time.Millisecond)
	save(good)
	bad := bytes.Replace(good, []byte(`"1997-10-08"`), []byte(`"1997-13-08"`), 1)
	if bytes.Equal(bad, good) {
		t.Fatal("testdata/small.json lacks the date this test breaks")
	}
	save(bad)
	broken := next()
	if broken == first {
		t.Fatalf("a change sent the same generation %q", first)
	}
	code, _, body := get(t, url)
	if code != 200 || !strings.Contains(body, "1 error in "+data) || !strings.Contains(body, "small.json:") ||
		!strings.Contains(body, "month 13 out of range") {
		t.Errorf("error page: %d\n%s", code, body)
	}
	if !strings.Contains(body, "connect-src 'self'") || !strings.Contains(body, "EventSource") {
		t.Errorf("the error page does not reload itself")
	}
	if code, _, _ := get(t, url+"briefing.pdf"); code != http.StatusServiceUnavailable {
		t.Errorf("briefing of a broken file: %d, want 503", code)
	}
	if !strings.Contains(stderr.String(), "1 error; the page lists them") {
		t.Errorf("stderr:\n%s", stderr)
	}

	save(good)
	if g := next(); g != first {
		t.Errorf("the fixed file has generation %q, want the first, %q", g, first)
	}
	if code, _, body := get(t, url); code != 200 || !strings.Contains(body, "Group founded") {
		t.Errorf("page after the fix: %d", code)
	}
}

// TestServeRemoteMedia shows that serve takes html's page flags: the
// served page loads a picture at a web address with --remote-media, as
// "timeline html --remote-media" writes it, and not without; --assets
// takes an http(s) URL.
func TestServeRemoteMedia(t *testing.T) {
	data := mediaData(t)
	url, _ := startServe(t, "--data", data)
	_, _, body := get(t, url)
	checkMediaPage(t, "serve", []byte(body), false)
	url, _ = startServe(t, "--data", data, "--remote-media", "--assets", "https://cdn.example.org/echarts.min.js")
	_, _, body = get(t, url)
	checkMediaPage(t, "serve --remote-media", []byte(body), true)
	if !strings.Contains(body, `<script src="https://cdn.example.org/echarts.min.js"`) || !strings.Contains(body, `new EventSource("/_live")`) {
		t.Errorf("serve --assets URL: the page does not load ECharts from it, or has no live script")
	}
}

func TestServeRefuses(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--addr", "0.0.0.0:0"}, "not on the loopback interface"},
		{[]string{"serve", "--addr", ":0"}, "not on the loopback interface"},
		{[]string{"serve", "--addr", "192.0.2.1:8080"}, "add --allow-remote"},
		{[]string{"serve", "--addr", "nonsense"}, "want host:port"},
		{[]string{"serve", "--data", "-"}, "standard input cannot be watched"},
		{[]string{"serve", "--assets", "./echarts.min.js", "--addr", "127.0.0.1:0"}, "--assets ./echarts.min.js: serve serves no file"},
		{[]string{"serve", "--assets", "ftp://x/e.js", "--addr", "127.0.0.1:0"}, "--assets"},
		{[]string{"serve", "--era", "nope", "--addr", "127.0.0.1:0", "--data", "no-such-file.json", "--paper", "legal"}, "--paper"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, "", tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tt.args, code, stderr, tt.want)
		}
	}
}

// TestServeExamples parses the examples of serve's help, which TestDoc
// cannot run (serve runs until stopped).
func TestServeExamples(t *testing.T) {
	n := 0
	for _, line := range strings.Split(serveCmd.long, "\n") {
		if !strings.HasPrefix(line, "  timeline serve") {
			continue
		}
		n++
		args := strings.Fields(line)[2:]
		o := &options{}
		fs, _ := serveCmd.flagSet(o)
		if err := fs.Parse(args); err != nil {
			t.Errorf("%s: %v", line, err)
		}
		if o.data != "" {
			if _, err := os.Stat(filepath.Join("..", "..", o.data)); err != nil {
				t.Errorf("%s: %v", line, err)
			}
		}
	}
	if n < 2 {
		t.Errorf("serve's help has %d examples", n)
	}
}
