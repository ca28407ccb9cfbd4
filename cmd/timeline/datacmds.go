package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/spf13/pflag"

	"github.com/timeline-tool/timeline/data"
	"github.com/timeline-tool/timeline/render"
	"github.com/timeline-tool/timeline/render/pdfout"
	"github.com/timeline-tool/timeline/render/textout"
	"github.com/timeline-tool/timeline/timeline"
	"github.com/timeline-tool/timeline/timeline/formats"
	"github.com/timeline-tool/timeline/timeline/timelinejs"
)

// load reads the dataset the options name (the embedded one without
// --data), validates it, and prints its warnings and the reader's notes on
// standard error.
func load(e *env, o *options) (*timeline.Dataset, timeline.Problems, error) {
	name, b := "mek.json", data.Raw()
	f := formats.JSON
	if o.data == "" {
		if o.formatIn != "" {
			return nil, nil, usagef("--format-in needs --data")
		}
	} else {
		var err error
		if name, b, err = formats.ReadFile(o.data, e.stdin); err != nil {
			return nil, nil, err
		}
		if f = formats.Format(o.formatIn); f == "" {
			if f, err = formats.Detect(name, b); err != nil {
				if _, ok := errors.AsType[*formats.NotReadError](err); ok {
					return nil, nil, err // --format-in would not help
				}
				return nil, nil, fmt.Errorf("%w (use --format-in to say which)", err)
			}
		}
	}
	d, warnings, notes, err := formats.Load(name, b, f)
	for _, n := range notes {
		fmt.Fprintf(e.stderr, "%s: note: %s\n", name, n)
	}
	for i, w := range warnings {
		if i == maxWarnings && !o.allWarnings {
			n := len(warnings) - i
			fmt.Fprintf(e.stderr, "%s: %d more %s; timeline validate lists them all\n", name, n, pluralWord(n, "warning"))
			break
		}
		fmt.Fprintf(e.stderr, "%s\n", w)
	}
	return d, warnings, err
}

// maxWarnings is how many of a dataset's warnings the commands other than
// validate print before they count the rest: thousands of lines would bury
// the one that matters.
const maxWarnings = 20

// loadFiltered loads the dataset and checks the filter the flags give.
func loadFiltered(e *env, o *options) (*timeline.Dataset, timeline.Filter, error) {
	d, _, err := load(e, o)
	if err != nil {
		return nil, timeline.Filter{}, err
	}
	f, err := o.filter(d)
	return d, f, err
}

// view loads the dataset and builds the view of the filtered events.
func view(e *env, o *options) (*render.View, error) {
	d, f, err := loadFiltered(e, o)
	if err != nil {
		return nil, err
	}
	ro := render.Options{Version: version, RemoteMedia: o.remoteMedia}
	if o.data != "" && o.data != "-" {
		// Local pictures are read from the dataset's folder, and from
		// nowhere else: a root cannot be left by a symbolic link.
		if root, err := os.OpenRoot(filepath.Dir(o.data)); err == nil {
			defer root.Close()
			ro.MediaFS = root.FS()
		}
	}
	v := render.Build(d, f, ro)
	for _, n := range v.MediaNotes {
		fmt.Fprintf(e.stderr, "%s: warning: %s\n", d.Name(), n)
	}
	warnEmpty(e, v.Shown, v.FilterText)
	return v, nil
}

// warnEmpty warns when the filter keeps no event: the output is then an
// empty list, page or briefing, which is seldom what was meant.
func warnEmpty(e *env, shown int, filter string) {
	if shown == 0 {
		fmt.Fprintf(e.stderr, "timeline: warning: no events match the filter (%s)\n", filter)
	}
}

var listCmd = &command{
	name: "list", short: "print the events as an aligned table",
	data: true, output: true,
	long: `Prints one line per event, in chronological order: the date as precise as
the data is, the era, the category, the status, the title and the numbers
of the sources it cites (numbered as in the HTML and the PDF). The last
lines list those sources.

Examples:
  timeline list
  timeline list --era iraq
  timeline list --status claimed,denied --grep camp
  timeline list --from 2003 --to 2013-06`,
	flags: func(fs *pflag.FlagSet, o *options) {
		fs.BoolVar(&o.noSources, "no-sources", false, "leave out the list of sources")
	},
	run: func(e *env, o *options) error {
		v, err := view(e, o)
		if err != nil {
			return err
		}
		return writeOutput(e, o, func(w io.Writer) error { return textout.Write(w, v, textout.Options{NoSources: o.noSources}) })
	},
}

var erasCmd = &command{
	name: "eras", short: "print the eras with their spans and event counts",
	data: true, output: true,
	long: `Prints one line per era: its id (for --era), label, span and the number of
events in it (after the filters).

Examples:
  timeline eras
  timeline eras --status denied`,
	run: func(e *env, o *options) error {
		d, f, err := loadFiltered(e, o)
		if err != nil {
			return err
		}
		shown := f.Apply(d)
		count := map[string]int{}
		for _, ev := range shown.Events {
			count[ev.Era]++
		}
		return writeOutput(e, o, func(w io.Writer) error {
			tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tLABEL\tSPAN\tEVENTS")
			for _, era := range d.Eras {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\n", textout.Field(era.ID), textout.Field(era.Label), era.Span.Label(), count[era.ID])
			}
			if n := count[""]; n > 0 {
				fmt.Fprintf(tw, "-\t(no era)\t\t%d\n", n)
			}
			return tw.Flush()
		})
	},
}

var exportCmd = &command{
	name: "export", short: "write the (filtered) dataset as JSON, CSV or TimelineJS (JSON or sheet CSV)",
	data: true, output: true,
	long: `Writes the dataset, after the filters, in one of the formats timeline reads:
json (this tool's format; loading the export gives the same dataset), csv
(one row per record), timelinejs (Knight Lab TimelineJS JSON, with the
sources listed in each event's text) or timelinejs-csv (the TimelineJS
Google Sheets template as CSV). TimelineJS has no decades, approximate
dates, "some time between" dates ([2009..2010]) or open ends: those dates
are written at the nearest dates TimelineJS has, with the honest label as
the display date. Other dates have no display date, so that TimelineJS
shows them in its own way and language. The json and csv formats keep
every date as written.

Both CSV formats put a single quote before a cell that starts with =, +,
-, @, a tab or a carriage return (a negative whole number aside), so that
a spreadsheet shows the text instead of running it as a formula; timeline
removes that quote when it reads the file back. --csv-raw writes cells
exactly as they are: only for files no spreadsheet will open.

Examples:
  timeline export -o mek.json
  timeline export --format csv --era albania -o albania.csv
  timeline export --format timelinejs -o mek-timelinejs.json
  timeline export --data sheet.csv --format json -o mine.json`,
	flags: func(fs *pflag.FlagSet, o *options) {
		o.format = formats.JSON.String()
		fs.VarP(&oneOf{&o.format, formatNames(formats.JSON, formats.CSV, formats.TimelineJS, formats.TimelineJSCSV)}, "format", "f", "write `format`: json, csv, timelinejs or timelinejs-csv (the TimelineJS sheet)")
		fs.BoolVar(&o.csvRaw, "csv-raw", false, "write CSV cells as they are, without the quote that keeps a spreadsheet from running a formula")
	},
	run: func(e *env, o *options) error {
		d, f, err := loadFiltered(e, o)
		if err != nil {
			return err
		}
		out := f.Apply(d)
		warnEmpty(e, len(out.Events), f.Describe(d))
		if f := formats.Format(o.format); f == formats.TimelineJS || f == formats.TimelineJSCSV {
			noteTimelineJSLoss(e, out)
		}
		return writeOutput(e, o, func(w io.Writer) error {
			return formats.Write(w, out, formats.Format(o.format), formats.Options{CSVRaw: o.csvRaw})
		})
	},
}

var validateCmd = &command{
	name: "validate", short: "check a dataset and report every problem",
	data: true, noFilters: true,
	long: `Reads the dataset and reports every problem at once, each with its file,
line, column and JSON path. Exits 1 when there are errors (or, with
--strict, warnings), so it fits a CI job.

Examples:
  timeline validate
  timeline validate --data my-timeline.json
  timeline validate --strict --data sheet.csv`,
	flags: func(fs *pflag.FlagSet, o *options) {
		fs.BoolVar(&o.strict, "strict", false, "treat warnings as errors")
		fontFlag(fs, o)
	},
	run: func(e *env, o *options) error {
		o.allWarnings = true
		fonts, err := loadFonts(o)
		if err != nil {
			return err
		}
		d, ws, err := load(e, o)
		if err != nil {
			return err
		}
		nw := len(ws)
		// The characters the PDF's fonts cannot draw, so that CI finds
		// them before a briefing is printed.
		if ms := pdfout.CheckDataset(d, render.Options{Version: version}, fonts); len(ms) > 0 {
			nw++
			name := cmp.Or(o.data, "mek.json")
			fmt.Fprintf(e.stderr, "%s: warning: the PDF would print a placeholder: %s\n", name, pdfout.MissingText(ms))
		}
		if o.strict && nw > 0 {
			return fmt.Errorf("%d %s (--strict)", nw, pluralWord(nw, "warning"))
		}
		name := o.data
		switch name {
		case "":
			name = "embedded dataset (mek.json)"
		case "-":
			name = "standard input"
		}
		_, err = fmt.Fprintf(e.stdout, "%s: ok: %d events, %d eras, %d categories, %d sources\n",
			visible(name), len(d.Events), len(d.Eras), len(d.Categories), len(d.Sources))
		return err
	},
}

// noteTimelineJSLoss says on standard error which dates TimelineJS cannot
// hold: it has no decades or centuries, no approximate or uncertain dates,
// no "some time between" (one-of sets) and no open or unknown ends; and,
// in one more note, what else of the dataset it has no place for
// (timelinejs.Lost).
func noteTimelineJSLoss(e *env, d *timeline.Dataset) {
	n := 0
	for _, ev := range d.Events {
		_, startKind := ev.Date.Start()
		_, endKind := ev.Date.End()
		if ev.Date.Precision() < timeline.PrecisionYear || ev.Date.Qualifier() != timeline.QualifierNone ||
			startKind != timeline.BoundDate || endKind != timeline.BoundDate || ev.Date.IsOneOf() {
			n++
		}
	}
	if n > 0 {
		fmt.Fprintf(e.stderr, "timeline export: note: TimelineJS has no decades, approximate or uncertain dates, \"some time between\" dates, or open ends: "+
			"%d %s written at the nearest date TimelineJS has, with the honest label as the display date\n", n, pluralWord(n, "date"))
	}
	if lost := timelinejs.Lost(d); lost != "" {
		fmt.Fprintf(e.stderr, "timeline export: note: %s\n", lost)
	}
}
