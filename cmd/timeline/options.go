package main

import (
	"fmt"

	"github.com/spf13/pflag"

	"github.com/timeline-tool/timeline/timeline"
	"github.com/timeline-tool/timeline/timeline/formats"
)

// options holds every flag value of a command run.
type options struct {
	data      string
	formatIn  string
	strict    bool
	noSources bool

	eras, categories, tags, statuses []string
	from, to                         dateFlag
	grep                             string

	output       string
	allWarnings  bool     // print every warning of the dataset, not the first maxWarnings
	notTerminal  string   // what the output is ("a PDF") when it is not for a terminal: never written to one
	format       string   // export
	csvRaw       bool     // export
	assets       string   // html, serve
	remoteMedia  bool     // html, serve
	paper        string   // pdf
	substitute   bool     // pdf
	preparedBy   string   // pdf
	org          string   // pdf
	date         dateFlag // pdf
	draft        bool     // pdf
	notes        string   // pdf
	fonts        []string // pdf, validate
	strictGlyphs bool     // pdf
	svgWidth     float64  // svg
	serve        serveOptions
	args         []string
}

// formatNames returns the names of fs, as flags take them; all the
// formats when fs is empty.
func formatNames(fs ...formats.Format) []string {
	if len(fs) == 0 {
		fs = formats.Formats
	}
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.String()
	}
	return names
}

// dateFlag is a pflag.Value holding an EDTF date.
type dateFlag struct{ d timeline.Date }

func (f *dateFlag) String() string { return f.d.String() }
func (f *dateFlag) Type() string   { return "date" }
func (f *dateFlag) Set(s string) error {
	d, err := timeline.ParseDate(s)
	if err != nil {
		return fmt.Errorf("not an EDTF date: %w (examples: 1997, 1997-10, 1997-10-08, 196X)", err)
	}
	f.d = d
	return nil
}

func (o *options) addDataFlags(fs *pflag.FlagSet, filters bool) {
	fs.StringVar(&o.data, "data", "", "read the dataset from `file` (- for standard input) instead of the embedded one")
	fs.Var(&oneOf{&o.formatIn, formatNames()}, "format-in", "read --data as `format`: json, timelinejs, timelinejs-csv, csv or markwhen (default: by content and extension)")
	if !filters {
		return
	}
	fs.StringSliceVar(&o.eras, "era", nil, "keep only events in `era` (repeatable, or comma-separated)")
	fs.Var(&o.from, "from", "keep only events that overlap the span from `date` on (EDTF: 1997, 1997-10, 196X)")
	fs.Var(&o.to, "to", "keep only events that overlap the span up to `date` (EDTF)")
	fs.StringSliceVar(&o.categories, "category", nil, "keep only events in `category` (repeatable, or comma-separated)")
	fs.StringSliceVar(&o.tags, "tag", nil, "keep only events with `tag` (repeatable, or comma-separated)")
	fs.StringSliceVar(&o.statuses, "status", nil, "keep only events whose status is `status`: established, reported, claimed, alleged, denied or disputed (repeatable, or comma-separated)")
	fs.StringVar(&o.grep, "grep", "", "keep only events where every word of `text` occurs in the title, summary, attribution, tags or a cited source's title (ignoring case, accents and quote styles)")
}

// filter returns the filter the flags describe, checked against d.
func (o *options) filter(d *timeline.Dataset) (timeline.Filter, error) {
	o.resolve(d)
	f := timeline.Filter{
		Eras:       o.eras,
		Categories: o.categories,
		Tags:       o.tags,
		From:       o.from.d,
		To:         o.to.d,
		Text:       o.grep,
	}
	for _, s := range o.statuses {
		st, ok := timeline.ParseStatus(s)
		if !ok {
			return f, usagef("%s", unknownStatusMessage(s))
		}
		f.Statuses = append(f.Statuses, st)
	}
	if err := f.Check(d); err != nil {
		if ue, ok := err.(*timeline.UnknownIDError); ok {
			return f, usagef("%s", unknownIDMessage(ue))
		}
		return f, usagef("--from/--to: %s", err)
	}
	return f, nil
}
