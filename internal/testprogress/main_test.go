package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

const events = `{"Action":"start","Package":"example/a"}
{"Action":"run","Package":"example/a","Test":"TestOK"}
{"Action":"output","Package":"example/a","Test":"TestOK","Output":"=== RUN   TestOK\n"}
{"Action":"pass","Package":"example/a","Test":"TestOK","Elapsed":0.1}
{"Action":"run","Package":"example/a","Test":"TestSkip"}
{"Action":"skip","Package":"example/a","Test":"TestSkip"}
{"Action":"pass","Package":"example/a","Elapsed":1.25}
{"Action":"start","Package":"example/b"}
{"Action":"run","Package":"example/b","Test":"TestBad"}
{"Action":"output","Package":"example/b","Test":"TestBad","Output":"    b_test.go:9: got 1, want 2\n"}
{"Action":"fail","Package":"example/b","Test":"TestBad","Elapsed":0.5}
{"Action":"fail","Package":"example/b","Elapsed":2}
not json: go vet says something
`

func TestRun(t *testing.T) {
	var out bytes.Buffer
	ok := run(strings.NewReader(events), &out, time.Hour)
	if ok {
		t.Error("a failing test did not fail the run")
	}
	want := `▶ example/a
ok example/a 1.2s (1 skipped)
▶ example/b
--- FAIL: example/b TestBad (0.5s)
        b_test.go:9: got 1, want 2
FAIL example/b 2.0s
not json: go vet says something
`
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
	out.Reset()
	if !run(strings.NewReader(strings.Split(events, `{"Action":"start","Package":"example/b"}`)[0]), &out, time.Hour) {
		t.Errorf("a passing run failed:\n%s", out.String())
	}
}

func TestRunning(t *testing.T) {
	var out bytes.Buffer
	r := newReport(&out)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	r.now = func() time.Time { return now }
	r.handle(event{Action: "start", Package: "p"})
	r.handle(event{Action: "run", Package: "p", Test: "TestSlow"})
	r.handle(event{Action: "run", Package: "p", Test: "TestSlow/sub"})
	now = now.Add(45 * time.Second)
	r.handle(event{Action: "run", Package: "p", Test: "TestNew"})
	out.Reset()
	r.running(30 * time.Second)
	if got, want := out.String(), "  … p TestSlow running for 45s\n"; got != want {
		t.Errorf("running: %q, want %q", got, want)
	}
}
