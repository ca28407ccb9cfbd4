package timeline

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"
)

var colorRE = regexp.MustCompile(`^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// ValidColor reports whether s is a colour the outputs accept: "#rgb" or
// "#rrggbb".
func ValidColor(s string) bool { return colorRE.MatchString(s) }

// Validate checks the meaning of d and returns every problem it finds, in
// order: errors (a missing title or id, a duplicate id, a reference to an
// era, category or source that does not exist, an event with no source, a
// missing date, an unknown status or source kind, a bad colour, an
// attribution missing where the status needs one is a warning) and
// warnings (an event that begins outside its era, an era or category no event
// uses, a source no event cites). Each problem names its JSON path and,
// for a dataset read from a file (by Decode or another format's reader),
// its file, line and column. Validate does not change d.
func (d *Dataset) Validate() Problems {
	var ps Problems
	add := func(sev Severity, path, format string, args ...any) {
		ps = append(ps, Problem{File: d.Name(), Path: path, Severity: sev, Msg: fmt.Sprintf(format, args...)})
	}
	if strings.TrimSpace(d.Title) == "" {
		add(SeverityError, "title", "missing title")
	}
	// ids checks the ids of a list and returns the index of each id's
	// first use.
	ids := func(kind string, n int, id func(int) string) map[string]int {
		first := make(map[string]int, n)
		for i := 0; i < n; i++ {
			path := func() string { return kind + "[" + strconv.Itoa(i) + "].id" }
			v := id(i)
			j, dup := first[v]
			switch {
			case v == "":
				add(SeverityError, path(), "missing id")
			case dup:
				add(SeverityError, path(), "duplicate id %q (first used by %s[%d])", v, kind, j)
			case strings.ContainsAny(v, " \t\r\n"):
				add(SeverityError, path(), "id %q contains white space", v)
			}
			if !dup {
				first[v] = i
			}
		}
		return first
	}
	eraIDs := ids("eras", len(d.Eras), func(i int) string { return d.Eras[i].ID })
	catIDs := ids("categories", len(d.Categories), func(i int) string { return d.Categories[i].ID })
	srcIDs := ids("sources", len(d.Sources), func(i int) string { return d.Sources[i].ID })
	ids("events", len(d.Events), func(i int) string { return d.Events[i].ID })

	if d.Language != "" {
		if _, err := language.Parse(d.Language); err != nil {
			add(SeverityError, "language", "%q is not a BCP 47 language tag (examples: en, fa, ar, he, zh-Hant, ja)", d.Language)
		}
	}
	if _, ok := srcIDs[d.Document]; d.Document != "" && !ok {
		add(SeverityError, "document", "unknown source %q%s", d.Document, validIDs(srcIDs))
	}
	color := func(path, c string) {
		if c != "" && !ValidColor(c) {
			add(SeverityError, path, "colour %q is not #rgb or #rrggbb", c)
		}
	}
	// date checks a date built in code; Decode has already parsed those it
	// read, and Load leaves out the problems it reported twice.
	date := func(path string, v Date, required bool) {
		switch {
		case v.IsZero():
			if required {
				add(SeverityError, path, "missing date")
			}
		case v.IsInterval() || v.IsOneOf():
			a, ak := v.Start()
			b, bk := v.End()
			if ak == BoundDate && bk == BoundDate && NewDate(b).Latest() < NewDate(a).Earliest() {
				what := "interval"
				if v.IsOneOf() {
					what = "set"
				}
				add(SeverityError, path, "%s %s ends before it starts", what, v)
			}
		}
	}
	for i, e := range d.Eras {
		path := "eras[" + strconv.Itoa(i) + "]"
		if e.Label == "" {
			add(SeverityError, path+".label", "missing label")
		}
		date(path+".span", e.Span, true)
		color(path+".color", e.Color)
		if !e.Span.IsZero() && !e.Span.IsInterval() {
			add(SeverityWarning, path+".span", "span %q is a single date; an era's span is usually an interval such as 1986/2003", e.Span)
		}
	}
	for i, c := range d.Categories {
		path := "categories[" + strconv.Itoa(i) + "]"
		if c.Label == "" {
			add(SeverityError, path+".label", "missing label")
		}
		color(path+".color", c.Color)
	}
	for i, s := range d.Sources {
		path := "sources[" + strconv.Itoa(i) + "]"
		if s.Title == "" {
			add(SeverityError, path+".title", "missing title")
		}
		date(path+".date", s.Date, false)
		if s.Kind != "" && !slices.Contains(SourceKinds, s.Kind) {
			add(SeverityError, path+".kind", "unknown kind %q; use one of %s", s.Kind, joinQuoted(SourceKinds))
		}
		if s.Footnote < 0 {
			add(SeverityError, path+".footnote", "footnote %d is negative", s.Footnote)
		}
		switch {
		case len(s.URL) > MaxURL:
			add(SeverityError, path+".url", "url is %d bytes long, more than the %d a URL may have; give a shorter address of the same work", len(s.URL), MaxURL)
		case s.URL != "" && !SafeURL(s.URL):
			add(SeverityError, path+".url", "url %q is not an http or https address", s.URL)
		}
	}
	usedEra := map[string]bool{}
	usedCat := map[string]bool{}
	usedSrc := map[string]bool{}
	for i, e := range d.Events {
		path := "events[" + strconv.Itoa(i) + "]"
		if strings.TrimSpace(e.Title) == "" {
			add(SeverityError, path+".title", "missing title")
		}
		date(path+".date", e.Date, true)
		if e.Era != "" {
			usedEra[e.Era] = true
			if _, ok := eraIDs[e.Era]; !ok {
				add(SeverityError, path+".era", "unknown era %q%s", e.Era, validIDs(eraIDs))
			} else if era := d.Era(e.Era); !era.Span.IsZero() && !e.Date.IsZero() && !startsWithin(e.Date, era.Span) {
				add(SeverityWarning, path+".date", "%s (%s) begins outside era %q (%s)", e.Date, e.Date.Label(), e.Era, era.Span.Label())
			}
		}
		if e.Category != "" {
			usedCat[e.Category] = true
			if _, ok := catIDs[e.Category]; !ok {
				add(SeverityError, path+".category", "unknown category %q%s", e.Category, validIDs(catIDs))
			}
		}
		if !e.Status.Valid() {
			add(SeverityError, path+".status", "unknown status %q; use one of %s", e.Status, joinQuoted(Statuses))
		} else if e.Status.Normal() != StatusEstablished && strings.TrimSpace(e.Attribution) == "" {
			add(SeverityWarning, path+".attribution", "status %q without an attribution: say who %s it", e.Status, statusVerb(e.Status))
		}
		if len(e.Sources) == 0 {
			add(SeverityError, path+".sources", "no source: every event cites at least one")
		}
		for j, s := range e.Sources {
			usedSrc[s] = true
			if _, ok := srcIDs[s]; !ok {
				add(SeverityError, path+".sources["+strconv.Itoa(j)+"]", "unknown source %q%s", s, validIDs(srcIDs))
			}
		}
		for j, t := range e.Tags {
			if strings.TrimSpace(t) == "" {
				add(SeverityError, path+".tags["+strconv.Itoa(j)+"]", "empty tag")
			}
		}
	}
	for i, e := range d.Eras {
		if e.ID != "" && !usedEra[e.ID] && len(d.Events) > 0 {
			add(SeverityWarning, "eras["+strconv.Itoa(i)+"]", "era %q has no events", e.ID)
		}
	}
	for i, c := range d.Categories {
		if c.ID != "" && !usedCat[c.ID] && len(d.Events) > 0 {
			add(SeverityWarning, "categories["+strconv.Itoa(i)+"]", "category %q has no events", c.ID)
		}
	}
	for i, s := range d.Sources {
		if s.ID != "" && !usedSrc[s.ID] && s.ID != d.Document && len(d.Events) > 0 {
			add(SeverityWarning, "sources["+strconv.Itoa(i)+"]", "source %q is cited by no event", s.ID)
		}
	}
	d.origin.Locate(ps)
	return ps
}

// startsWithin reports whether the first day d can mean (its last, when
// its start is open) lies within span. An event belongs to the era in
// which it begins: the FTO listing of 1997–2012 belongs to the era of
// 1997, and an imprecise "198X" to an era that takes in 1980.
func startsWithin(d, span Date) bool {
	first := d.Earliest()
	if first == MinDay {
		first = d.Latest()
	}
	return span.Earliest() <= first && first <= span.Latest()
}

func statusVerb(s Status) string {
	switch s {
	case StatusClaimed:
		return "claims"
	case StatusDenied:
		return "denies"
	case StatusAlleged:
		return "alleges"
	case StatusDisputed:
		return "disputes"
	}
	return "reports"
}

// MaxURL is the longest source URL, in bytes, a dataset may hold: the
// limit browsers and servers commonly honour. Longer ones are errors; a
// URL is printed whole in the PDF and carried by each of its links.
const MaxURL = 2048

// SafeURL reports whether u is an absolute http or https URL, the only
// links the outputs make.
func SafeURL(u string) bool {
	l := strings.ToLower(u)
	return (strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")) && len(u) > len("https://") && !strings.ContainsAny(u, " \t\r\n<>\"")
}

func validIDs(ids map[string]int) string {
	if _, empty := ids[""]; len(ids) == 0 || len(ids) == 1 && empty {
		return " (none are defined)"
	}
	list := make([]string, 0, len(ids))
	for id := range ids {
		if id != "" {
			list = append(list, id)
		}
	}
	slices.Sort(list)
	if len(list) > 20 {
		list = append(list[:20], "…")
	}
	return "; valid ids: " + strings.Join(list, ", ")
}

func joinQuoted[T ~string](xs []T) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = string(x)
	}
	return strings.Join(q, ", ")
}
