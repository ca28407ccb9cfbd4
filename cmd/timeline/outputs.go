package main

import (
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/timeline-tool/timeline/render/htmlout"
	"github.com/timeline-tool/timeline/render/pdfout"
)

var htmlCmd = &command{
	name: "html", short: "write an interactive, self-contained HTML page",
	data: true, output: true,
	long: `Writes one HTML file that works offline: a zoomable chart with era bands and
one lane per category, era buttons and a search box, an accessible event
table and the numbered source list. The page makes no network request:
ECharts is inlined unless --assets names a copy of echarts.min.js.

Examples:
  timeline html -o mek.html
  timeline html --era iraq -o iraq.html
  timeline html --data examples/bridge.json -o bridge.html
  timeline html --assets ./echarts.min.js -o small.html`,
	flags: func(fs *pflag.FlagSet, o *options) {
		fs.StringVar(&o.assets, "assets", "inline", "inline ECharts into the page, or reference it at `url`")
	},
	run: func(e *env, o *options) error {
		if err := checkBundle(o.assets); err != nil {
			return err
		}
		v, err := view(e, o)
		if err != nil {
			return err
		}
		return writeOutput(e, o, func(w io.Writer) error { return htmlout.Write(w, v, htmlout.Options{Assets: o.assets}) })
	},
}

var pdfCmd = &command{
	name: "pdf", short: "write a printable PDF briefing with footnoted sources",
	data: true, output: true,
	long: `Writes a PDF briefing: a first page with the citation, the filter and an
overview strip; the events grouped by era with footnote markers; the
numbered sources; a note on method and provenance. Letter paper unless
--paper a4. The same flags give a byte-identical file.

Examples:
  timeline pdf -o mek.pdf
  timeline pdf --era ashraf -o ashraf.pdf
  timeline pdf --status claimed,denied,alleged --paper a4 -o contested.pdf
  timeline pdf --prepared-by "Jane Doe" --organization "Example Institute" --date 2026-12-04 --draft -o draft.pdf`,
	flags: func(fs *pflag.FlagSet, o *options) {
		o.paper = "letter"
		fs.Var(&oneOf{&o.paper, pdfout.Papers}, "paper", "paper `size`: letter or a4")
		fs.BoolVar(&o.substitute, "substitute", false, "print characters the fonts cannot draw as their code points (U+1F600) instead of failing")
		fs.StringVar(&o.preparedBy, "prepared-by", "", "name `who` prepared the briefing, on the first page and as the PDF's author")
		fs.StringVar(&o.org, "organization", "", "the organization (`name`) the briefing is prepared by or for, after --prepared-by")
		fs.Var(&o.date, "date", "the `date` of preparation, on the first page and as the file's date (EDTF: 2026-12-04; default: the as-of date)")
		fs.BoolVar(&o.draft, "draft", false, "mark every page and the title metadata DRAFT")
	},
	run: func(e *env, o *options) error {
		o.binary = true
		v, err := view(e, o)
		if err != nil {
			return err
		}
		if o.substitute {
			for _, p := range pdfout.Check(v) {
				fmt.Fprintf(e.stderr, "timeline pdf: warning: %s\n", p)
			}
		}
		return writeOutput(e, o, func(w io.Writer) error {
			return pdfout.Write(w, v, pdfout.Options{Paper: o.paper, Substitute: o.substitute,
				PreparedBy: o.preparedBy, Organization: o.org, Date: o.date.d, Draft: o.draft})
		})
	},
}
