// Package htmlout writes a render.View as one self-contained, interactive
// HTML page: a header with the filter, counts and a key; a timeline chart
// and a chart of events per era (Apache ECharts, options built with
// go-echarts); era buttons, status buttons and a search box that narrow
// both charts and the table as --era, --status and --grep would; the
// chronological event table; the numbered sources; and a provenance
// footer.
//
// The page makes no network request: the ECharts bundle is inlined (see
// Options), a Content-Security-Policy allows nothing else, and no font or
// image comes from outside. Dataset text is untrusted: the page around the
// charts is html/template, the chart options and data are marshalled with
// encoding/json (which escapes <, > and &) into a JSON script element that
// is never executed, and the page script builds tooltips with
// echarts.format.encodeHTML from the table's text. Only render.SourceView.URL,
// which render keeps to http and https, becomes a link.
//
// The same View gives the same bytes.
package htmlout

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"math"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/timeline-tool/timeline/render"
)

// Options are the choices of Write besides the view.
type Options struct {
	// Assets says where the page gets ECharts: "inline" (the default, also
	// for "") puts the bundle embedded in the binary into the page; any
	// other value is the URL of a copy of echarts.min.js (http, https,
	// file, or relative to the page) that the page loads instead.
	Assets string

	// Live, when not empty, is one more inline script the page runs after
	// its own, for a server that reloads the page (timeline serve). The
	// Content-Security-Policy then allows that script by its hash and
	// connections to the page's own origin (connect-src 'self'), and
	// nothing more; without Live the policy allows no connection at all.
	Live string
}

// ErrNoBundle is returned by Write when Options.Assets is "inline" and the
// binary was built without the ECharts bundle.
var ErrNoBundle = errors.New("this binary was built without the ECharts bundle that --assets inline needs: " +
	"run `make assets` and rebuild, or use --assets URL to reference a copy of echarts.min.js")

// bundlePath is where build-assets.sh writes the bundle, inside assetsFS.
const bundlePath = "assets/echarts.min.js"

//go:embed assets
var assetsFS embed.FS

//go:embed page.html
var pageHTML string

//go:embed page.css
var pageCSS string

//go:embed page.js
var pageJSSource string

// pageJS is the page's script, all in ASCII (appendJSASCII), so that a
// page can be (mostlyASCII).
var pageJS = string(appendJSASCII(nil, []byte(pageJSSource)))

// getBundle returns the bundle; tests replace it.
var getBundle = loadBundle

var pageTmpl = template.Must(template.New("page").Funcs(template.FuncMap{
	"statusText": statusText,
	"inc":        func(i int) int { return i + 1 },
	"num":        render.Count,
	"rich":       richHTML,
}).Parse(pageHTML))

// richHTML is rich text s (an era's or a category's description) as
// escaped HTML, as richText writes it.
func richHTML(s string) template.HTML {
	var b strings.Builder
	richText(&b, s)
	return template.HTML(b.String())
}

type bundle struct {
	js   template.JS
	hash string // CSP source expression
	err  error
}

var (
	bundleOnce sync.Once
	theBundle  bundle
)

// loadBundle reads the embedded bundle once.
func loadBundle() bundle {
	bundleOnce.Do(func() { theBundle = readBundle(assetsFS) })
	return theBundle
}

func readBundle(fsys fs.FS) bundle {
	b, err := fs.ReadFile(fsys, bundlePath)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(b) == 0) {
		return bundle{err: ErrNoBundle}
	}
	if err != nil {
		return bundle{err: fmt.Errorf("reading the embedded ECharts bundle: %w", err)}
	}
	if unsafeInScript(string(b)) {
		return bundle{err: errors.New("the embedded ECharts bundle contains </script or <!--, so it cannot be inlined; rebuild it with build-assets.sh")}
	}
	return bundle{js: template.JS(b), hash: scriptHash(string(b))}
}

// unsafeInScript reports whether s would end or confuse the script element
// it is inlined in.
func unsafeInScript(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "</script") || strings.Contains(l, "<!--")
}

// scriptHash returns the CSP source expression that allows the inline
// script s.
func scriptHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

var pageJSHash = scriptHash(pageJS)

// page is what the template draws.
type page struct {
	V      *render.View
	CSS    template.CSS
	CSP    string
	Data   template.JS // JSON, escaped by encoding/json
	Script template.JS
	Bundle template.JS // inline bundle, or ""
	Live   template.JS // Options.Live, or ""
	// BundleURL is the URL of the bundle when it is not inline, checked by
	// assetSource (html/template would refuse a file: URL).
	BundleURL    template.URL
	ChartHeight  int
	CountsHeight int
	Rows         template.HTML // the table's row groups (tableRows)
	SourceItems  template.HTML // the source list's items (sourceItems)
	// SourceNotes is true when some source lists the source document's
	// footnotes that cite it.
	SourceNotes bool
	// Lang and Dir are the page's language and direction (pageLang).
	Lang, Dir string
	// Big is true for a big page (isBig): the script draws the rows and
	// sources near the reader, and Rows and SourceItems are empty.
	Big bool
	// Early is true for a big page that draws its chart before its text
	// is read (pageData.Early).
	Early bool
	// ASCII is true for a page written all in ASCII (mostlyASCII).
	ASCII bool
	// RemoteNote says which sites the page loads pictures from, or "".
	RemoteNote string
	// Text stands where a big page's blocks of text go (textMark).
	Text template.HTML
	// SourceDigits is the number of digits of the last source's number,
	// for the source list's indent; BigRows is bigRows, for a big page's
	// note without JavaScript.
	SourceDigits, BigRows int
}

// rtlScripts are the scripts written right to left (ISO 15924).
var rtlScripts = map[string]bool{
	"Adlm": true, "Arab": true, "Aran": true, "Armi": true, "Avst": true, "Chrs": true, "Cprt": true, "Elym": true,
	"Hatr": true, "Hebr": true, "Hung": true, "Khar": true, "Lydi": true, "Mand": true, "Mani": true, "Mend": true,
	"Narb": true, "Nbat": true, "Nkoo": true, "Orkh": true, "Ougr": true, "Palm": true, "Phli": true, "Phlp": true,
	"Phnx": true, "Prti": true, "Rohg": true, "Samr": true, "Sarb": true, "Sogd": true, "Sogo": true, "Syrc": true,
	"Thaa": true, "Yezi": true,
}

// pageLang returns the page's lang and dir for the dataset's language
// tag (View.Language, canonical BCP 47): the tag and "rtl" when the
// language is written in a right-to-left script (its script subtag, or
// the one its language most likely uses: "fa", "ur", "he", "ar-EG",
// "az-Arab"), "ltr" otherwise; "en" and "ltr" when the dataset names none.
func pageLang(tag string) (lang, dir string) {
	if tag == "" {
		return "en", "ltr"
	}
	t, err := language.Parse(tag)
	if err != nil {
		return "en", "ltr"
	}
	if s, conf := t.Script(); conf != language.No && rtlScripts[s.String()] {
		return tag, "rtl"
	}
	return tag, "ltr"
}

// sourceRow is a numbered source with the back-links the list shows.
type sourceRow struct {
	*render.SourceView
	IsDocument bool                // it is the view's source document
	Shown      []*render.EventView // the first citing events, linked
	More       int                 // how many more cite it
	// Value is true when the source's number is not its place in the
	// list, so that its item needs a value attribute. Sources are numbered
	// in list order, so none does: in Chromium, every <li value> makes the
	// style of the list's later items depend on it, and a list of 10,000
	// costs minutes of style recalculation.
	Value bool
}

// maxBackLinks is how many citing events a source lists by link; the rest
// are counted, and a button filters the page to all of them.
const maxBackLinks = 20

// chunkRows is the number of rows in one <tbody>; the browser skips the
// layout of row groups that are off screen.
const chunkRows = 100

// Write writes v as an HTML page to w. It returns ErrNoBundle when
// opts.Assets is "inline" (or "") and the binary has no bundle, an error
// for an Assets URL that is not http, https, file or relative, and any
// error of w.
func Write(w io.Writer, v *render.View, opts Options) error {
	p := &page{V: v, CSS: template.CSS(themeCSS + pageCSS), Script: template.JS(pageJS)}
	p.Lang, p.Dir = pageLang(v.Language)
	scripts := []string{pageJSHash}
	scriptSrc := ""
	switch a := opts.Assets; a {
	case "", "inline":
		b := getBundle()
		if b.err != nil {
			return b.err
		}
		p.Bundle = b.js
		scripts = append(scripts, b.hash)
	default:
		src, err := assetSource(a)
		if err != nil {
			return err
		}
		p.BundleURL = template.URL(a)
		scriptSrc = " " + src
	}
	connect := ""
	if opts.Live != "" {
		if unsafeInScript(opts.Live) {
			return errors.New("html: the live script contains </script or <!--")
		}
		live := string(appendJSASCII(nil, []byte(opts.Live)))
		p.Live = template.JS(live)
		scripts = append(scripts, scriptHash(live))
		connect = "; connect-src 'self'"
	}
	imgSrc := "data:"
	for _, h := range v.RemoteHosts { // only with render.Options.RemoteMedia
		imgSrc += " " + h
	}
	p.RemoteNote = remoteNote(v.RemoteHosts)
	p.CSP = "default-src 'none'; script-src " + strings.Join(scripts, " ") + scriptSrc +
		"; style-src 'unsafe-inline'; img-src " + imgSrc + "; base-uri 'none'; form-action 'none'" + connect

	data, height, countsHeight := buildData(v)
	p.ChartHeight = height
	p.CountsHeight = countsHeight
	for _, s := range v.Sources {
		p.SourceNotes = p.SourceNotes || len(s.Footnotes) > 0
	}
	p.Big, p.Early = data.Big, data.Early
	p.ASCII = mostlyASCII(v)
	p.SourceDigits = len(strconv.Itoa(len(v.Sources)))
	p.BigRows = bigRows
	if !p.Big {
		p.Rows = tableRows(v.Events)
		p.SourceItems = sourceItems(sourceRows(v))
	}

	return execute(w, p, data)
}

// execute writes p, with data as its page data, to w. The page data, the
// bundle and a big page's text, megabytes of a big page, go to w
// directly: the template writes marks where they go (copying them
// through it cost a third of Write's time at 10,000 events).
func execute(w io.Writer, p *page, data *pageData) error {
	bundleJS := p.Bundle
	p.Data, p.Text = dataMark, textMark
	if bundleJS != "" {
		p.Bundle = bundleMark
	}
	var page bytes.Buffer
	if err := pageTmpl.Execute(&page, p); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	before, after, ok := bytes.Cut(page.Bytes(), []byte(dataMark))
	if !ok {
		return errors.New("html: the page template lost the page data")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	// A page written all in ASCII has its HTML's other letters as
	// character references, and its JSON's as \u escapes; its scripts and
	// style sheet are in ASCII (pageJS; the bundle, build-assets.sh).
	html := func(b []byte) { bw.Write(b) }
	var js io.Writer = bw
	if p.ASCII {
		var buf []byte
		html = func(b []byte) { buf = appendHTMLASCII(buf[:0], b); bw.Write(buf) }
		js = &jsASCII{w: bw}
	}
	html(before)
	// encoding/json escapes <, > and & as Marshal does; Encode ends the
	// value with a newline, which newlineCut leaves out. (It writes each
	// value whole, so that jsASCII gets no character cut in two.)
	if err := json.NewEncoder(newlineCut{js}).Encode(data); err != nil {
		return fmt.Errorf("html: encoding the chart data: %w", err)
	}
	if bundleJS != "" {
		before, after, ok = bytes.Cut(after, []byte(bundleMark))
		if !ok {
			return errors.New("html: the page template lost the bundle")
		}
		html(before)
		bw.WriteString(string(bundleJS))
	}
	if len(data.Chunks) > 0 {
		before, after, ok = bytes.Cut(after, []byte(textMark))
		if !ok {
			return errors.New("html: the page template lost the text")
		}
		html(before)
		enc := json.NewEncoder(newlineCut{js})
		for k, c := range data.Chunks {
			if k > 0 {
				bw.WriteString("\n")
			}
			bw.WriteString(`<script type="application/json" class="tl-text">`)
			if err := enc.Encode(c); err != nil {
				return fmt.Errorf("html: encoding the page text: %w", err)
			}
			bw.WriteString("</script>")
		}
	}
	html(after)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	return nil
}

// dataMark, bundleMark and textMark stand in the template's output for the page
// data and the bundle. html/template writes no NUL of its own in HTML
// text and attributes (it writes U+FFFD), nor in scripts (\u0000), so the
// first of each is the one it was given.
const (
	dataMark   = template.JS("\x00tl-data\x00")
	bundleMark = template.JS("\x00tl-bundle\x00")
	textMark   = template.HTML("\x00tl-text\x00")
)

// newlineCut writes to w what it is given, less a final newline.
type newlineCut struct{ w io.Writer }

func (c newlineCut) Write(p []byte) (int, error) {
	n, err := c.w.Write(bytes.TrimSuffix(p, []byte("\n")))
	if err == nil {
		n = len(p)
	}
	return n, err
}

// sourceRows returns the items of v's source list.
func sourceRows(v *render.View) []sourceRow {
	sources := make([]sourceRow, 0, len(v.Sources))
	for _, s := range v.Sources {
		r := sourceRow{SourceView: s, IsDocument: s == v.Document, Shown: s.CitedBy, Value: s.N != len(sources)+1}
		if len(r.Shown) > maxBackLinks {
			r.Shown, r.More = r.Shown[:maxBackLinks], len(r.Shown)-maxBackLinks
		}
		sources = append(sources, r)
	}
	return sources
}

// CheckAssets returns the error Write returns for opts.Assets a that is
// neither "inline" nor a usable URL, so that a command line can refuse it
// before any work.
func CheckAssets(a string) error {
	if a == "" || a == "inline" {
		return nil
	}
	_, err := assetSource(a)
	return err
}

// assetSource checks the URL of an external bundle and returns the CSP
// source expression that allows it.
func assetSource(a string) (string, error) {
	bad := fmt.Errorf("assets %q: want \"inline\" or the http, https, file or relative URL of echarts.min.js", a)
	u, err := url.Parse(a)
	// A backslash is a slash to browsers, so "\\host/x.js" is "//host/x.js".
	if err != nil || strings.ContainsAny(a, " ;,'\"\t\n\r\\") {
		return "", bad
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return "", bad
		}
		return strings.ToLower(u.Scheme) + "://" + u.Host, nil
	case "file":
		return "file:", nil
	case "":
		// A relative URL: the page's own origin, which for a page opened
		// from disk is a file: URL. "//host/x.js" names another host.
		if u.Host != "" || strings.HasPrefix(a, "//") {
			return "", bad
		}
		return "'self' file:", nil
	}
	return "", bad
}

// statusText is the status column of a row: the mark's glyph, then
// "Claimed: X" or "Established".
func statusText(e *render.EventView) string {
	t := cmp.Or(e.StatusTag(), e.Status.Label)
	return e.Status.Mark.Glyph() + " " + t
}

// The chart geometry, in CSS pixels.
const (
	chartTop    = 30 // the era labels
	chartBottom = 78 // time axis and zoom slider
	maxSubRows  = 4  // rows of marks within one lane

	countsBar    = 30 // a bar of the counts chart, with its gap
	countsMargin = 46 // the counts chart's axis and margins
)

func laneHeight(k int) int { return 26 + 12*k }

// frac rounds a fractional year to a whole number of data units.
func units(years, scale float64) int64 { return int64(math.Round(years * scale)) }
