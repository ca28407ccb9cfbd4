package timelinejs_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/timeline-tool/timeline/data"
	"github.com/timeline-tool/timeline/timeline"
	"github.com/timeline-tool/timeline/timeline/formats"
	"github.com/timeline-tool/timeline/timeline/timelinejs"
)

// The slides of our export, as the test reads them back.
type (
	tlTimeline struct {
		Events []tlOut `json:"events"`
	}
	tlOut struct {
		UniqueID    string  `json:"unique_id"`
		StartDate   *tlDate `json:"start_date"`
		EndDate     *tlDate `json:"end_date"`
		DisplayDate string  `json:"display_date"`
		Text        struct {
			Text string `json:"text"`
		} `json:"text"`
	}
	tlDate struct {
		Year, Month, Day                  int
		Hour, Minute, Second, Millisecond *int
	}
)

// The real TimelineJS3, npm @knight-lab/timelinejs (pinned in
// package.json; make test runs npm ci), loads every example, the embedded
// dataset and the test timelines as we export them, in headless
// Chromium: no console error, one slide per event and the title slide,
// and the dates it reads and shows are ours. TimelineJS and the exports
// are served by a local httptest server; every other request (remote
// media, YouTube's player) is answered by the test with an empty
// response, so that nothing leaves the machine. Without Chromium or the
// npm package the test fails when CI is set and is skipped otherwise.

const timelineJSDist = "../../node_modules/@knight-lab/timelinejs/dist"

func skipOrFailTL(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// tlHost is the page that loads a timeline: its source is the query.
const tlHost = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/tl/css/timeline.css"><script src="/tl/js/timeline.js"></script></head>
<body style="margin:0"><div id="tl" style="width:1000px;height:650px"></div><script>
window.tlErrors = [];
const src = new URLSearchParams(location.search).get('src');
window.tl = new TL.Timeline('tl', src, {script_path: location.origin + '/tl/js/', font: null, theme: null, language: 'en'});
window.tl.on('ready', () => { window.tlReady = true; });
</script></body></html>`

// tlDatasets returns the datasets the test loads: the examples, the
// embedded dataset and the test timelines of testdata/roundtrip.
func tlDatasets(t *testing.T) map[string]*timeline.Dataset {
	t.Helper()
	files, _ := filepath.Glob("../../examples/*.*")
	more, _ := filepath.Glob("testdata/*/*.json")
	files = append(files, more...)
	out := map[string]*timeline.Dataset{}
	load := func(name string, b []byte) {
		f, err := formats.Detect(name, b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		d, _, _, err := formats.Load(name, b, f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[filepath.Base(name)] = d
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		load(f, b)
	}
	load("mek.json", data.Raw())
	return out
}

// tlSlide is what TimelineJS made of one slide: its id, the date parts
// it read, and the date its slide shows.
type tlSlide struct {
	ID    string           `json:"id"`
	Start map[string]int64 `json:"start"`
	End   map[string]int64 `json:"end"`
	Shown string           `json:"shown"`
	// The links of its rich text, and how many strong and em elements
	// its text shows (but the status line's).
	Links  []string `json:"links"`
	Strong int      `json:"strong"`
	Em     int      `json:"em"`
}

const tlReadJS = `(() => {
  const parts = d => d ? Object.fromEntries(['year','month','day','hour','minute','second','millisecond'].filter(k => d.data[k] !== undefined && d.data[k] !== '' && !(k !== 'year' && Number(d.data[k]) === 0 && k !== 'month' && k !== 'day')).map(k => [k, Number(d.data[k])])) : null;
  const slides = window.tl._storyslider._slides;
  return {
    title: !!window.tl.config.title,
    events: window.tl.config.events.length,
    dom: document.querySelectorAll('.tl-slide').length,
    slides: slides.filter(s => !s.has.title).map(s => ({id: s.data.unique_id, start: parts(s.data.start_date), end: parts(s.data.end_date),
      shown: (s._el.container.querySelector('.tl-headline-date') || {}).textContent || '',
      links: [...s._el.container.querySelectorAll('a.timeline-link')].map(a => a.getAttribute('href')),
      strong: s._el.container.querySelectorAll('.tl-text-content strong').length,
      em: s._el.container.querySelectorAll('.tl-text-content em:not(.timeline-status em)').length})),
    message: (document.querySelector('.tl-message-full') || {}).textContent || '',
  };
})()`

type tlResult struct {
	Title   bool      `json:"title"`
	Events  int       `json:"events"`
	DOM     int       `json:"dom"`
	Slides  []tlSlide `json:"slides"`
	Message string    `json:"message"`
}

func TestTimelineJS3(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test (-short)")
	}
	chromium := "/usr/bin/chromium"
	if _, err := os.Stat(chromium); err != nil {
		p, err := exec.LookPath("chromium")
		if err != nil {
			skipOrFailTL(t, "no Chromium: apt-get install chromium")
		}
		chromium = p
	}
	if _, err := os.Stat(filepath.Join(timelineJSDist, "js", "timeline.js")); err != nil {
		skipOrFailTL(t, "no TimelineJS3: run npm ci (make test does)")
	}

	files := map[string][]byte{}
	var mu sync.Mutex
	mux := http.NewServeMux()
	mux.Handle("/tl/", http.StripPrefix("/tl/", http.FileServer(http.Dir(timelineJSDist))))
	mux.HandleFunc("/favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	// features.json's thumbnail is the relative "t.jpg": whether TimelineJS
	// asks for it before the test reads its slides depends on timing, and a
	// 404 would be logged as an error, so it is answered, empty.
	mux.HandleFunc("/t.jpg", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("/host.html", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, tlHost) })
	mux.HandleFunc("/data/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		b, ok := files[strings.TrimPrefix(r.URL.Path, "/data/")]
		mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write(b)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	var console []string
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.NoFirstRun, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()))...)
	defer cancelAlloc()
	var ctx context.Context
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithListener(func(ev any) {
		switch ev := ev.(type) {
		case *fetch.EventRequestPaused:
			// Our server's requests go on; any other gets an empty answer
			// and never leaves the machine.
			id := ev.RequestID
			if strings.HasPrefix(ev.Request.URL, srv.URL+"/") {
				go chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: id})
			} else {
				go chromedp.Call(ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{RequestID: id, ResponseCode: 204})
			}
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				mu.Lock()
				console = append(console, "console.error: "+strings.Join(args, " "))
				mu.Unlock()
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			mu.Lock()
			console = append(console, "exception: "+msg)
			mu.Unlock()
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError && strings.HasPrefix(ev.Entry.URL, srv.URL) {
				mu.Lock()
				console = append(console, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
				mu.Unlock()
			}
		}
	}))
	defer cancel()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*"}}}); err != nil {
		t.Fatal(err)
	}

	for name, d := range tlDatasets(t) {
		var js, sheet bytes.Buffer
		if err := timelinejs.Write(&js, d); err != nil {
			t.Fatal(err)
		}
		if err := timelinejs.WriteCSV(&sheet, d, timelinejs.CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		want := &tlTimeline{}
		if err := json.Unmarshal(js.Bytes(), want); err != nil {
			t.Fatal(err)
		}
		for _, f := range []struct {
			ext  string
			body []byte
		}{{".json", js.Bytes()}, {".csv", sheet.Bytes()}} {
			file := strings.TrimSuffix(name, filepath.Ext(name)) + f.ext
			t.Run(name+"/"+f.ext[1:], func(t *testing.T) {
				mu.Lock()
				files[file] = f.body
				console = nil
				mu.Unlock()
				tctx, tcancel := context.WithTimeout(ctx, 60*time.Second)
				defer tcancel()
				err := chromedp.Do(tctx, chromedp.Navigate(srv.URL+"/host.html?src="+url.QueryEscape(srv.URL+"/data/"+file)))
				for try := 0; err == nil || try < 3 && strings.Contains(err.Error(), "Cannot find context"); try++ {
					// A poll begun while the navigation still replaces the
					// old page loses its context: it is begun again.
					if _, err = chromedp.Run(tctx, chromedp.Poll[bool]("window.tlReady === true", chromedp.WithPollingTimeout(45*time.Second))); err == nil {
						break
					}
				}
				if err != nil {
					msg, _ := chromedp.Run(ctx, chromedp.Evaluate[string]("(document.querySelector('.tl-message-full')||{}).textContent||''"))
					t.Fatalf("TimelineJS never became ready: %v; its message: %q; console: %q", err, msg, console)
				}
				got, err := chromedp.Run(tctx, chromedp.Evaluate[tlResult](tlReadJS))
				if err != nil {
					t.Fatal(err)
				}
				mu.Lock()
				for _, c := range console {
					t.Errorf("%s", c)
				}
				mu.Unlock()
				checkTL(t, want, got, f.ext == ".csv")
			})
		}
	}
}

// checkTL compares what TimelineJS made of an export with the slides
// Write made: every slide, with our dates, showing our date.
func checkTL(t *testing.T, want *tlTimeline, got tlResult, sheet bool) {
	t.Helper()
	if !got.Title || got.Events != len(want.Events) || got.DOM != len(want.Events)+1 {
		t.Fatalf("TimelineJS has title %v, %d events, %d slides; want the title slide and %d events", got.Title, got.Events, got.DOM, len(want.Events))
	}
	byID := map[string]tlSlide{}
	for _, s := range got.Slides {
		byID[s.ID] = s
	}
	bad := 0
	for i, w := range want.Events {
		g, ok := byID[w.UniqueID]
		if sheet {
			// A sheet has no unique_id: TimelineJS makes ids from the
			// headlines. Its slides are in our order, by date.
			g, ok = got.Slides[i], true
		}
		if !ok {
			t.Errorf("slide %q missing", w.UniqueID)
			continue
		}
		if sheet {
			// The sheet's Time column holds tenths of a second at the
			// finest, as TimelineJS reads it (WriteCSV).
			for _, d := range []*tlDate{w.StartDate, w.EndDate} {
				if d != nil && d.Millisecond != nil && *d.Millisecond%100 != 0 {
					d.Millisecond = nil
				}
			}
		}
		wantShown := w.DisplayDate
		if wantShown == "" {
			wantShown = shownDate(w.StartDate, w.EndDate)
		}
		checkRichTL(t, w, g)
		if !sameParts(g.Start, w.StartDate) || !sameParts(g.End, w.EndDate) || strings.TrimSpace(g.Shown) != wantShown {
			if bad++; bad <= 10 {
				t.Errorf("slide %q: TimelineJS read %v–%v and shows %q; we wrote %+v–%+v, to show %q", w.UniqueID, g.Start, g.End, g.Shown, w.StartDate, w.EndDate, wantShown)
			}
		}
	}
}

// checkRichTL checks that TimelineJS shows the links, strong and em of
// the rich text of slide w (TimelineJS runs text through DOMPurify).
func checkRichTL(t *testing.T, w tlOut, g tlSlide) {
	t.Helper()
	text := w.Text.Text
	var links []string
	for _, m := range ownLink.FindAllStringSubmatch(text, -1) {
		links = append(links, html.UnescapeString(m[1]))
	}
	strong := strings.Count(text, "<strong>")
	em := strings.Count(text, "<em>") - strings.Count(text, `class="timeline-status"`)
	if !slices.Equal(g.Links, links) || g.Strong != strong || g.Em != em {
		t.Errorf("slide %q: TimelineJS shows links %q, %d strong and %d em; we wrote %q, %d and %d", w.UniqueID, g.Links, g.Strong, g.Em, links, strong, em)
	}
}

// ownLink finds the links of rich text in an exported slide's text.
var ownLink = regexp.MustCompile(`<a class="timeline-link" href="([^"]*)"`)

// sameParts reports whether the date parts TimelineJS read are those of
// d (nil when there is none).
func sameParts(got map[string]int64, d *tlDate) bool {
	if d == nil {
		return got == nil
	}
	want := map[string]int64{"year": int64(d.Year)}
	if d.Month != 0 {
		want["month"] = int64(d.Month)
	}
	if d.Day != 0 {
		want["day"] = int64(d.Day)
	}
	for k, v := range map[string]*int{"hour": d.Hour, "minute": d.Minute, "second": d.Second, "millisecond": d.Millisecond} {
		if v != nil {
			want[k] = int64(*v)
		}
	}
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok && v != 0 {
			return false
		}
	}
	return true
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// shownDate is the date TimelineJS shows in English for a slide without
// a display_date. It formats a date by its finest part that is not zero
// (TLDate.findBestFormat; Language.js dateformats): a millisecond
// "h:MM:ss TT", a second "h:MM:ss TT mmmm d, yyyy", a minute or hour
// "h:MM TT mmmm d, yyyy", a day "mmmm d, yyyy", a month "mmmm yyyy", a
// year "yyyy" (a negative one with the suffix BCE); a year before
// -99999 as so many thousand, million or billion years ago
// (bigdateformats); an end after " — ".
func shownDate(start, end *tlDate) string {
	one := func(d *tlDate) string {
		if d.Year < -99999 {
			for _, f := range []struct {
				mag    float64
				format string
			}{{1e9, "%.2f billion years ago"}, {1e6, "%.1f million years ago"}, {1e3, "%.1f thousand years ago"}} {
				if float64(-d.Year) >= f.mag {
					return fmt.Sprintf(f.format, float64(-d.Year)/f.mag)
				}
			}
		}
		y := fmt.Sprint(d.Year)
		if d.Year < 0 {
			y = fmt.Sprint(-d.Year) + " BCE"
		}
		nz := func(v *int) bool { return v != nil && *v != 0 }
		h := 0
		if d.Hour != nil {
			h = *d.Hour
		}
		h12, pm := h%12, "AM"
		if h12 == 0 {
			h12 = 12
		}
		if h >= 12 {
			pm = "PM"
		}
		m, sec := 0, 0
		if d.Minute != nil {
			m = *d.Minute
		}
		if d.Second != nil {
			sec = *d.Second
		}
		day := ""
		switch {
		case d.Day != 0:
			day = fmt.Sprintf("%s %d, %s", monthNames[d.Month-1], d.Day, y)
		case d.Month != 0:
			return monthNames[d.Month-1] + " " + y
		default:
			return y
		}
		switch {
		case nz(d.Millisecond):
			return fmt.Sprintf("%d:%02d:%02d %s", h12, m, sec, pm)
		case nz(d.Second):
			return fmt.Sprintf("%d:%02d:%02d %s %s", h12, m, sec, pm, day)
		case nz(d.Minute) || nz(d.Hour):
			return fmt.Sprintf("%d:%02d %s %s", h12, m, pm, day)
		}
		return day
	}
	if start == nil {
		return ""
	}
	if end == nil {
		return one(start)
	}
	return one(start) + " — " + one(end)
}
