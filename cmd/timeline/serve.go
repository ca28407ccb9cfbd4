package main

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/timeline-tool/timeline/data"
	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/htmlout"
	"github.com/timeline-tool/timeline/render/pdfout"
	"github.com/timeline-tool/timeline/timeline"
)

// serveOptions are the flags of serve.
type serveOptions struct {
	addr        string
	allowRemote bool
	interval    time.Duration // how often the data file is looked at
}

var serveCmd = &command{
	name: "serve", short: "serve a live preview of the page and the briefing, re-rendered on every save",
	data: true,
	long: `Serves the page "timeline html" would write at http://127.0.0.1:8080/ and
the briefing "timeline pdf" would write at /briefing.pdf, with the same
filters, the page's flags (--remote-media, --assets) and the briefing's
(--paper, --font, --prepared-by, ...), and watches the --data file: on every save the page is rendered again and
the open page reloads itself. When the file has errors, the page lists
them with their file:line:col until the file is fixed.

It listens on the loopback interface only, so no other machine can
connect; an --addr on another interface needs --allow-remote as well. It
serves nothing but what it renders: no file, no directory listing. The
page keeps the policy of "timeline html" (no request beyond itself) and
adds one script that asks the server for changes. With --remote-media the
page loads the pictures of events' media from their sites, as "timeline
html --remote-media" does; --assets takes only an http(s) URL here, since
the server serves no file. Ctrl-C stops it.

Examples:
  timeline serve --data examples/bridge.json
  timeline serve --data examples/bridge.json --remote-media
  timeline serve --era iraq --addr 127.0.0.1:8081`,
	flags: func(fs *pflag.FlagSet, o *options) {
		o.serve.interval = 250 * time.Millisecond
		fs.StringVar(&o.serve.addr, "addr", "127.0.0.1:8080", "listen on `host:port` (the loopback interface unless --allow-remote)")
		fs.BoolVar(&o.serve.allowRemote, "allow-remote", false, "allow an --addr that other machines can reach: anyone who can connect sees the data")
		pageFlags(fs, o)    // the page takes html's flags
		pdfCmd.flags(fs, o) // the briefing takes pdf's flags
	},
	run: func(e *env, o *options) error {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return serve(ctx, e, o, nil)
	},
}

// serve runs the preview server until ctx is done. ready, when not nil, is
// called with the server's URL once it listens.
func serve(ctx context.Context, e *env, o *options, ready func(url string)) error {
	if o.data == "-" {
		return usagef("--data -: serve watches a file, and standard input cannot be watched; give a file name")
	}
	if err := checkPageFlags(o); err != nil {
		return err
	}
	if u := strings.ToLower(o.assets); u != "inline" && u != "" && !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		return usagef("--assets %s: serve serves no file: give the http(s) URL of echarts.min.js, or leave ECharts inline", o.assets)
	}
	if o.serve.interval <= 0 {
		o.serve.interval = 250 * time.Millisecond
	}
	host, _, err := net.SplitHostPort(o.serve.addr)
	if err != nil {
		return usagef("--addr %s: %v (want host:port, e.g. 127.0.0.1:8080)", o.serve.addr, err)
	}
	if !o.serve.allowRemote && !isLoopbackHost(host) {
		return usagef("--addr %s is not on the loopback interface: other machines could read the data; add --allow-remote to serve there", o.serve.addr)
	}
	fonts, err := loadFonts(o)
	if err != nil {
		return err
	}
	p := &preview{e: e, o: o, fonts: fonts, changed: make(chan struct{})}
	p.refresh(true)

	ln, err := net.Listen("tcp", o.serve.addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", o.serve.addr, err)
	}
	la := ln.Addr().(*net.TCPAddr)
	if !o.serve.allowRemote && !la.IP.IsLoopback() {
		ln.Close()
		return usagef("--addr %s resolved to %s, which is not a loopback address; add --allow-remote to serve there", o.serve.addr, la.IP)
	}
	url := "http://" + net.JoinHostPort(displayHost(host, la.IP), strconv.Itoa(la.Port)) + "/"
	fmt.Fprintf(e.stderr, "timeline serve: the page at %s, the briefing at %sbriefing.pdf\n", url, url)
	if o.serve.allowRemote && !la.IP.IsLoopback() {
		fmt.Fprintf(e.stderr, "timeline serve: listening on %s: other machines that can reach it can read the data (--allow-remote)\n", la)
	} else {
		fmt.Fprintf(e.stderr, "timeline serve: listening on the loopback interface only: no other machine can connect\n")
	}
	if o.data == "" {
		fmt.Fprintf(e.stderr, "timeline serve: serving the embedded dataset (give --data FILE to preview a file as you edit it); Ctrl-C stops\n")
	} else {
		fmt.Fprintf(e.stderr, "timeline serve: watching %s: the page reloads on every save; Ctrl-C stops\n", o.data)
	}

	srv := &http.Server{
		Handler:           p.handler(!o.serve.allowRemote),
		BaseContext:       func(net.Listener) context.Context { return ctx },
		ReadHeaderTimeout: 10 * time.Second,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if ready != nil {
		ready(url)
	}
	if o.data != "" {
		go p.watch(ctx)
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	srv.Shutdown(shut)
	fmt.Fprintf(e.stderr, "timeline serve: stopped\n")
	return nil
}

// isLoopbackHost reports whether host names the loopback interface.
func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func displayHost(host string, ip net.IP) string {
	if host == "" || ip.IsUnspecified() {
		return "localhost"
	}
	return host
}

// preview holds what the server serves: the page (or the page of the
// dataset's errors) and the view the briefing is made from, for the
// current content of the data file.
type preview struct {
	e     *env
	o     *options
	fonts []*pdfout.Font // --font, for the briefing

	mu      sync.Mutex
	gen     string        // the content's hash: the page reloads when it changes
	page    []byte        // the page, or the error page
	view    *render.View  // nil while the data has errors
	pdf     []byte        // the briefing of view, made on demand
	pdfGen  string        // the gen pdf was made for
	changed chan struct{} // closed and replaced when gen changes
	stamp   fileStamp
}

// fileStamp is what the watcher compares between looks at the file.
type fileStamp struct {
	size    int64
	modTime time.Time
	ok      bool
}

// watch looks at the data file every interval until ctx is done.
func (p *preview) watch(ctx context.Context) {
	t := time.NewTicker(p.o.serve.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			p.refresh(false)
		}
	}
}

// refresh renders the page again when the data file changed since the
// last look (or always when first).
func (p *preview) refresh(first bool) {
	var content []byte
	if p.o.data == "" {
		content = data.Raw()
	} else {
		st, err := os.Stat(p.o.data)
		stamp := fileStamp{ok: err == nil}
		if err == nil {
			stamp.size, stamp.modTime = st.Size(), st.ModTime()
		}
		// A file modified in the last two seconds is read again even when
		// its size and time look the same: some file systems keep times
		// to the second, and an edit may keep the size.
		if !first && stamp == p.stamp && time.Since(stamp.modTime) > 2*time.Second {
			return
		}
		p.stamp = stamp
		content, _ = os.ReadFile(p.o.data) // errors are the loader's to report
	}
	sum := sha256.Sum256(append([]byte(p.o.data+"\x00"), content...))
	gen := hex.EncodeToString(sum[:8])
	if !first && gen == p.gen {
		return // saved without a change
	}

	var log bytes.Buffer
	ev := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &log}
	v, err := view(ev, p.o)
	var page bytes.Buffer
	if err == nil {
		err = htmlout.Write(&page, v, htmlout.Options{Live: liveScript(gen), Assets: p.o.assets})
	}
	name := cmp.Or(p.o.data, "the embedded dataset")
	stamp := time.Now().Format("15:04:05")
	if err != nil {
		v = nil
		page.Reset()
		lines := errorLines(err)
		writeErrorPage(&page, name, lines, gen)
		fmt.Fprintf(p.e.stderr, "timeline serve: %s %s: %d %s; the page lists them\n", stamp, name, len(lines), pluralWord(len(lines), "error"))
	} else if !first {
		fmt.Fprintf(p.e.stderr, "timeline serve: %s %s changed: the page shows %d of %d events\n", stamp, name, v.Shown, v.Total)
	}
	// Warnings and notes go to the terminal, each line once per change.
	for _, l := range strings.Split(strings.TrimSpace(log.String()), "\n") {
		if l != "" {
			fmt.Fprintf(p.e.stderr, "timeline serve: %s\n", l)
		}
	}

	p.mu.Lock()
	defer p.mu.Unlock()
	p.gen, p.page, p.view, p.pdf, p.pdfGen = gen, page.Bytes(), v, nil, ""
	close(p.changed)
	p.changed = make(chan struct{})
}

// errorLines returns the lines of a loading or rendering error: one per
// problem, each starting with its file:line:col where known.
func errorLines(err error) []string {
	var ue *usageError
	if errors.As(err, &ue) {
		return []string{ue.msg}
	}
	msg := err.Error()
	if !timeline.IsProblems(err) {
		return []string{msg}
	}
	return strings.Split(msg, "\n")
}

// liveScript is the script the served pages run: it listens to /_live
// and reloads the page when the server's generation is not the page's.
func liveScript(gen string) string {
	return `(function () {
  var gen = "` + gen + `";
  var es = new EventSource("/_live");
  es.onmessage = function (e) {
    if (e.data !== gen) { es.close(); location.reload(); }
  };
})();`
}

var errorPage = template.Must(template.New("errors").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<title>{{len .Lines}} {{.Word}} in {{.Name}} — timeline serve</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.4rem; color: #a50f15; }
ol { padding-left: 1.5rem; }
li { margin: .4rem 0; font-family: ui-monospace, monospace; font-size: .95rem; white-space: pre-wrap; overflow-wrap: anywhere; }
</style>
</head>
<body>
<main>
<h1 id="errors-h">{{len .Lines}} {{.Word}} in {{.Name}}</h1>
<p>Fix the file and save it: the page comes back by itself.</p>
<ol id="problems">{{range .Lines}}
<li>{{.}}</li>{{end}}
</ol>
</main>
<script>{{.Script}}</script>
</body>
</html>
`))

// writeErrorPage writes the page that lists the dataset's errors.
func writeErrorPage(w io.Writer, name string, lines []string, gen string) {
	script := liveScript(gen)
	sum := sha256.Sum256([]byte(script))
	csp := "default-src 'none'; script-src 'sha256-" + base64Std(sum[:]) + "'; connect-src 'self'; " +
		"style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
	errorPage.Execute(w, struct {
		CSP, Name, Word string
		Lines           []string
		Script          template.JS
	}{csp, name, pluralWord(len(lines), "error"), lines, template.JS(script)})
}

// handler serves the page, the briefing and the change events, and
// nothing else. With localOnly it answers only requests addressed to a
// loopback name, so that a web page elsewhere cannot reach it through a
// name that resolves to this machine (DNS rebinding).
func (p *preview) handler(localOnly bool) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", p.servePage)
	mux.HandleFunc("GET /briefing.pdf", p.servePDF)
	mux.HandleFunc("GET /_live", p.serveLive)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if localOnly {
			host, _, err := net.SplitHostPort(r.Host)
			if err != nil {
				host = r.Host
			}
			if !isLoopbackHost(strings.Trim(host, "[]")) {
				http.Error(w, "timeline serve answers only requests for localhost or a loopback address", http.StatusMisdirectedRequest)
				return
			}
		}
		mux.ServeHTTP(w, r)
	})
}

func (p *preview) servePage(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	page := p.page
	p.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	// The page's own policy is in its meta element; this one adds what
	// only a header can say.
	w.Header().Set("Content-Security-Policy", "frame-ancestors 'none'")
	w.Write(page)
}

func (p *preview) servePDF(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.view == nil {
		http.Error(w, "the dataset has errors: the page at / lists them", http.StatusServiceUnavailable)
		return
	}
	if p.pdfGen != p.gen {
		var b bytes.Buffer
		if err := pdfout.Write(&b, p.view, pdfOptions(p.o, p.fonts)); err != nil {
			http.Error(w, "writing the briefing: "+err.Error(), http.StatusInternalServerError)
			return
		}
		p.pdf, p.pdfGen = b.Bytes(), p.gen
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `inline; filename="briefing.pdf"`)
	w.Write(p.pdf)
}

// serveLive sends the generation as a server-sent event now and after
// every change, until the client leaves or the server stops.
func (p *preview) serveLive(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	fmt.Fprint(w, "retry: 1000\n\n")
	for {
		p.mu.Lock()
		gen, changed := p.gen, p.changed
		p.mu.Unlock()
		if _, err := fmt.Fprintf(w, "data: %s\n\n", gen); err != nil {
			return
		}
		fl.Flush()
		select {
		case <-r.Context().Done():
			return
		case <-changed:
		}
	}
}

func base64Std(b []byte) string { return base64.StdEncoding.EncodeToString(b) }
