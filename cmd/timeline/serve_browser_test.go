package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromium returns the path of Chromium. Without it the browser tests fail
// when CI is set and are skipped otherwise; go test -short skips them.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test (-short)")
	}
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium: apt-get install chromium")
	}
	t.Skip("no Chromium: apt-get install chromium")
	return ""
}

// TestServeBrowser opens the served page in Chromium, then edits the data
// file, breaks it and fixes it, and checks that the open page follows each
// time without being reloaded by hand, keeping its policy and making no
// request beyond the server.
func TestServeBrowser(t *testing.T) {
	path := chromium(t)
	data, good := copyData(t)
	url, stderr := startServe(t, "--data", data)

	var mu sync.Mutex
	var problems, requests []string
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithListener(func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError {
				problems = append(problems, "log: "+ev.Entry.Text)
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+ev.ExceptionDetails.Text)
		case *network.EventRequestWillBeSent:
			requests = append(requests, ev.Request.URL)
		}
	}))
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelTimeout()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}

	// waitFor polls the text of the open page until match accepts it; the
	// page may be between two loads when asked.
	waitFor := func(what string, match func(text string) bool) {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		last := ""
		for time.Now().Before(deadline) {
			ectx, c := context.WithTimeout(ctx, 5*time.Second)
			text, err := chromedp.Run(ectx, chromedp.Evaluate[string](
				`document.readyState === "complete" && document.body ? document.title + "\n" + document.body.textContent : ""`))
			c()
			if err == nil {
				last = text
				if match(text) {
					return
				}
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("the page never showed %s; it shows:\n%.600s\nserver:\n%s", what, last, stderr)
	}
	waitFor("the events", func(s string) bool { return strings.Contains(s, "Group founded") })

	// Edit: the open page shows the new title.
	edited := bytes.Replace(good, []byte("Group founded"), []byte("Group founded, as edited"), 1)
	writeFile(t, data, edited)
	waitFor("the edited title", func(s string) bool { return strings.Contains(s, "Group founded, as edited") })

	// Break: the page lists the error with its file:line:col.
	broken := bytes.Replace(edited, []byte(`"1997-10-08"`), []byte(`"1997-13-08"`), 1)
	writeFile(t, data, broken)
	at := regexp.MustCompile(`small\.json:\d+:\d+: events\[\d+\]\.date: "1997-13-08": month 13 out of range`)
	waitFor("the error", func(s string) bool { return at.MatchString(s) && strings.Contains(s, "1 error in") })

	// Fix: the page is back.
	writeFile(t, data, good)
	waitFor("the fixed page", func(s string) bool {
		return strings.Contains(s, "Group founded") && !strings.Contains(s, "as edited") && !strings.Contains(s, "error in")
	})

	mu.Lock()
	defer mu.Unlock()
	for _, p := range problems {
		t.Errorf("the page logged: %s", p)
	}
	for _, r := range requests {
		if !strings.HasPrefix(r, url) {
			t.Errorf("the page requested %s, beyond the server", r)
		}
	}
	if n := len(requests); n < 4 {
		t.Errorf("%d requests: did the page reload itself?", n)
	}
}

// writeFile replaces the file as an editor saving would.
func writeFile(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
