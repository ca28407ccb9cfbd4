// Command testprogress turns the events of "go test -json" on standard
// input into a short running report on standard output: each package as
// it starts and ends (with its time and skipped tests), the output of
// every failing test, and every 30 seconds the tests still running. It
// exits 1 when a test, package or build failed. make test pipes into it.
//
//	go test -json ./... | go run ./internal/testprogress
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

// event is one line of go test -json (see go doc test2json).
type event struct {
	Time       time.Time
	Action     string
	Package    string
	ImportPath string // build-output, build-fail
	Test       string
	Elapsed    float64
	Output     string
}

type key struct{ pkg, test string }

// report keeps what is running and what to show when it fails.
type report struct {
	mu      sync.Mutex
	w       io.Writer
	now     func() time.Time
	started map[key]time.Time
	output  map[key][]string
	skipped map[string]int
	failed  bool
}

func newReport(w io.Writer) *report {
	return &report{w: w, now: time.Now, started: map[key]time.Time{}, output: map[key][]string{}, skipped: map[string]int{}}
}

func (r *report) handle(ev event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := key{ev.Package, ev.Test}
	switch ev.Action {
	case "build-output":
		fmt.Fprint(r.w, ev.Output)
	case "build-fail":
		r.failed = true
	case "start":
		r.started[k] = r.now()
		fmt.Fprintf(r.w, "▶ %s\n", ev.Package)
	case "run":
		r.started[k] = r.now()
	case "output":
		r.output[k] = append(r.output[k], ev.Output)
	case "skip":
		if ev.Test != "" {
			if !strings.Contains(ev.Test, "/") {
				r.skipped[ev.Package]++
			}
			r.done(k)
			return
		}
		fmt.Fprintf(r.w, "  %s: no tests\n", ev.Package)
		r.done(k)
	case "pass":
		if ev.Test == "" {
			s := ""
			if n := r.skipped[ev.Package]; n > 0 {
				s = fmt.Sprintf(" (%d skipped)", n)
			}
			fmt.Fprintf(r.w, "ok %s %.1fs%s\n", ev.Package, ev.Elapsed, s)
		}
		r.done(k)
	case "fail":
		r.failed = true
		if ev.Test != "" {
			fmt.Fprintf(r.w, "--- FAIL: %s %s (%.1fs)\n", ev.Package, ev.Test, ev.Elapsed)
			for _, l := range r.output[k] {
				fmt.Fprint(r.w, "    "+l)
			}
		} else {
			// Package-level output: a build error, a panic, TestMain.
			for _, l := range r.output[k] {
				fmt.Fprint(r.w, "    "+l)
			}
			fmt.Fprintf(r.w, "FAIL %s %.1fs\n", ev.Package, ev.Elapsed)
		}
		r.done(k)
	}
}

// done forgets a finished test or package.
func (r *report) done(k key) {
	delete(r.started, k)
	delete(r.output, k)
	if k.test == "" {
		for kk := range r.started {
			if kk.pkg == k.pkg {
				delete(r.started, kk)
				delete(r.output, kk)
			}
		}
	}
}

// running writes the tests that have run for longer than min.
func (r *report) running(min time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var lines []string
	now := r.now()
	for k, t := range r.started {
		if k.test == "" || strings.Contains(k.test, "/") || now.Sub(t) < min {
			continue
		}
		lines = append(lines, fmt.Sprintf("  … %s %s running for %ds", k.pkg, k.test, int(now.Sub(t).Seconds())))
	}
	slices.Sort(lines)
	for _, l := range lines {
		fmt.Fprintln(r.w, l)
	}
}

func run(in io.Reader, out io.Writer, tick time.Duration) bool {
	r := newReport(out)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				r.running(tick)
			}
		}
	}()
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var ev event
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil || ev.Action == "" {
			// Not an event: go vet or the go command speaking.
			fmt.Fprintln(out, sc.Text())
			continue
		}
		r.handle(ev)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return !r.failed
}

func main() {
	if !run(os.Stdin, os.Stdout, 30*time.Second) {
		fmt.Println("FAIL")
		os.Exit(1)
	}
}
