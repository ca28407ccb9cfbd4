package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/timeline-tool/timeline/render/htmlout"
	"github.com/timeline-tool/timeline/render/pdfout"
	"github.com/timeline-tool/timeline/render/svgout"
)

var htmlCmd = &command{
	name: "html", short: "write an interactive, self-contained HTML page",
	data: true, output: true,
	long: `Writes one HTML file that works offline: a zoomable chart with era bands and
one lane per category, era buttons and a search box, an accessible event
table and the numbered source list. The page makes no network request:
ECharts is inlined unless --assets names a copy of echarts.min.js.

An event's media are shown under its summary with their caption and
credit: a quote as a quotation, a picture in a file beside the dataset
(a PNG, JPEG or GIF, up to 8 MiB) embedded in the page, anything else as
a link. A picture at a web address stays a link unless --remote-media is
given: the page then loads it, its site is named on the page, and the
Content-Security-Policy lets in those sites' pictures and nothing more.

Examples:
  timeline html -o mek.html
  timeline html --era iraq -o iraq.html
  timeline html --data examples/bridge.json -o bridge.html
  timeline html --assets ./echarts.min.js -o small.html`,
	flags: pageFlags,
	run: func(e *env, o *options) error {
		// Over half a megabyte of script is no use on a screen.
		o.notTerminal = "an HTML page"
		if err := checkPageFlags(o); err != nil {
			return err
		}
		v, err := view(e, o)
		if err != nil {
			return err
		}
		return writeOutput(e, o, func(w io.Writer) error { return htmlout.Write(w, v, htmlout.Options{Assets: o.assets}) })
	},
}

// pageFlags are the flags of the page, which html writes and serve
// serves.
func pageFlags(fs *pflag.FlagSet, o *options) {
	fs.StringVar(&o.assets, "assets", "inline", "inline ECharts into the page, or reference it at `url`")
	fs.BoolVar(&o.remoteMedia, "remote-media", false, "let the page load the pictures of events' media from their web addresses (named on the page)")
}

// checkPageFlags checks the values of pageFlags.
func checkPageFlags(o *options) error {
	if err := htmlout.CheckAssets(o.assets); err != nil {
		return usagef("--%s", err)
	}
	return checkBundle(o.assets)
}

var pdfCmd = &command{
	name: "pdf", short: "write a printable PDF briefing with footnoted sources",
	data: true, output: true,
	long: `Writes a PDF briefing: a first page with the citation, the filter and an
overview strip; the events grouped by era with footnote markers; the
numbered sources; a note on method and provenance. Letter paper unless
--paper a4. The same flags give a byte-identical file.

Text in any script prints: Latin, Greek and Cyrillic in the embedded
Liberation fonts; Arabic, Persian, Hebrew and many symbols in the embedded
DejaVu Sans; right-to-left text in its visual order, Arabic letters
joined. For other scripts give TrueType fonts with --font, tried in
order; Debian packages provide them:
  Chinese, Japanese                fonts-droid-fallback:
      /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
  Korean                           fonts-nanum:
      /usr/share/fonts/truetype/nanum/NanumGothic.ttf
  many scripts                     fonts-noto-core:
      /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf and others
  symbols and emoji (monochrome)   fonts-symbola:
      /usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf
Emoji print in monochrome from a symbol font such as Symbola. A character
no font has prints as a placeholder (�) and is named in a warning;
--strict-glyphs makes that an error.

Examples:
  timeline pdf -o mek.pdf
  timeline pdf --era ashraf -o ashraf.pdf
  timeline pdf --status claimed,denied,alleged --paper a4 -o contested.pdf
  timeline pdf --prepared-by "Jane Doe" --organization "Example Institute" --date 2026-12-04 --draft -o draft.pdf
  timeline pdf --data examples/bridge.json --font /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf -o bridge.pdf`,
	flags: func(fs *pflag.FlagSet, o *options) {
		o.paper = "letter"
		fs.Var(&oneOf{&o.paper, pdfout.Papers}, "paper", "paper `size`: letter or a4")
		fontFlag(fs, o)
		fs.BoolVar(&o.strictGlyphs, "strict-glyphs", false, "fail, writing nothing, when no font has a character of the text")
		fs.BoolVar(&o.substitute, "substitute", false, "")
		_ = fs.MarkDeprecated("substitute", "characters no font has now print as a placeholder by default; --strict-glyphs makes them an error")
		fs.StringVar(&o.preparedBy, "prepared-by", "", "name `who` prepared the briefing, on the first page and as the PDF's author")
		fs.StringVar(&o.org, "organization", "", "the organization (`name`) the briefing is prepared by or for, after --prepared-by")
		fs.Var(&o.date, "date", "the `date` of preparation, on the first page and as the file's date (EDTF: 2026-12-04; default: the as-of date)")
		fs.BoolVar(&o.draft, "draft", false, "mark every page and the title metadata DRAFT")
		o.notes = pdfout.NotesPlaces[0]
		fs.Var(&oneOf{&o.notes, pdfout.NotesPlaces}, "notes", "where sources are cited besides the source list: `place` end, or page (also at the foot of each page)")
	},
	run: func(e *env, o *options) error {
		o.notTerminal = "a PDF"
		if o.substitute {
			fmt.Fprintln(e.stderr, "timeline pdf: note: --substitute is no longer needed: characters no font has print as a placeholder; --strict-glyphs makes them an error")
		}
		fonts, err := loadFonts(o)
		if err != nil {
			return err
		}
		v, err := view(e, o)
		if err != nil {
			return err
		}
		if ms := pdfout.Check(v, fonts); len(ms) > 0 && !o.strictGlyphs {
			fmt.Fprintf(e.stderr, "timeline pdf: warning: %s; they print as \uFFFD\n", pdfout.MissingText(ms))
		}
		if d := o.date.d; !d.IsZero() && v.AsOf != 0 && d.Latest() < v.AsOf {
			fmt.Fprintf(e.stderr, "timeline pdf: warning: --date %s is before the data's as-of date, %s\n", visible(d.String()), v.AsOfLabel)
		}
		return writeOutput(e, o, func(w io.Writer) error {
			return pdfout.Write(w, v, pdfOptions(o, fonts))
		})
	},
}

var svgCmd = &command{
	name: "svg", short: "write the overview (eras, lanes, marks, key) as an SVG image",
	data: true, output: true,
	long: `Writes the overview the PDF draws on its first page as one standalone SVG
image, for slides and documents: the era bands, a lane per category, a mark
or bar per event in the PDF's shapes, the time axis and the key, with the
title, the filter and a provenance line. Both take their layout from one
place, so they never disagree. The image scales (it has a viewBox), names
its fonts (Liberation Sans, Arial, Helvetica or any sans-serif) and embeds
none; each mark carries its event's date and title as a tooltip. The same
flags give a byte-identical file. --width sets the drawing's width in
points, lane labels included (504 by default, the PDF's text width on
Letter paper); the text keeps its size, and a wider drawing spreads the
years.

Examples:
  timeline svg -o mek.svg
  timeline svg --era iraq -o iraq.svg
  timeline svg --width 900 -o wide.svg
  timeline svg --status claimed,denied,alleged -o contested.svg
  timeline svg --data examples/bridge.json -o bridge.svg`,
	flags: func(fs *pflag.FlagSet, o *options) {
		o.svgWidth = svgout.DefaultWidth
		fs.Var(&widthFlag{&o.svgWidth}, "width", fmt.Sprintf("the drawing's `width` in points, lane labels included, %d to %d", minSVGWidth, maxSVGWidth))
	},
	run: func(e *env, o *options) error {
		v, err := view(e, o)
		if err != nil {
			return err
		}
		return writeOutput(e, o, func(w io.Writer) error { return svgout.Write(w, v, svgout.Options{Width: o.svgWidth}) })
	},
}

// The widths svg --width takes, in points: below 300 the lane labels
// and the key have no room, and svgout draws 300; above 5,000 no page or
// screen shows the drawing whole.
const (
	minSVGWidth = 300
	maxSVGWidth = 5000
)

// widthFlag is svg's --width: a number of points from minSVGWidth to
// maxSVGWidth.
type widthFlag struct{ value *float64 }

func (f *widthFlag) String() string { return strconv.FormatFloat(*f.value, 'f', -1, 64) }
func (f *widthFlag) Type() string   { return "points" }

func (f *widthFlag) Set(s string) error {
	w, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(w) || w < minSVGWidth || w > maxSVGWidth {
		return fmt.Errorf("%q is not a width in points from %d to %d", s, minSVGWidth, maxSVGWidth)
	}
	*f.value = w
	return nil
}

// pdfOptions are the options of the briefing the flags of pdf (and serve)
// ask for.
func pdfOptions(o *options, fonts []*pdfout.Font) pdfout.Options {
	return pdfout.Options{Paper: o.paper, Fonts: fonts, StrictGlyphs: o.strictGlyphs,
		PreparedBy: o.preparedBy, Organization: o.org, Date: o.date.d, Draft: o.draft, Notes: o.notes}
}

// fontFlag adds --font, for the commands that draw or check the PDF.
func fontFlag(fs *pflag.FlagSet, o *options) {
	fs.StringArrayVar(&o.fonts, "font", nil, "the TrueType font in `file`, for the characters the embedded fonts lack (repeatable: tried in order)")
}

// loadFonts reads the fonts of --font. A bad one is a usage error naming
// the file.
func loadFonts(o *options) ([]*pdfout.Font, error) {
	var fonts []*pdfout.Font
	for _, path := range o.fonts {
		f, err := pdfout.LoadFont(path)
		if err != nil {
			return nil, usagef("--font: %s", err)
		}
		fonts = append(fonts, f)
	}
	return fonts, nil
}
