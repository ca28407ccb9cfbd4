package timeline

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"math/bits"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/timeline-tool/timeline/timeline/internal/input"
)

var colorRE = regexp.MustCompile(`^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)

// ValidColor reports whether s is a colour the outputs accept: "#rgb" or
// "#rrggbb".
func ValidColor(s string) bool { return colorRE.MatchString(s) }

// Validate checks the meaning of d and returns every problem it finds, in
// order: errors (a missing title or id, a duplicate id, a reference to an
// era, category or source that does not exist, a missing date, an unknown
// status or source kind, a bad colour) and warnings (an attribution missing
// where the status needs one, an event that begins outside its era, an
// event without a source in a dataset whose other events cite, an era or
// category no event uses, a source no event cites). Each problem names its JSON path and,
// for a dataset read from a file (by Decode or another format's reader),
// its file, line and column. Validate does not change d.
func (d *Dataset) Validate() Problems {
	c := &checker{d: d}
	if strings.TrimSpace(d.Title) == "" {
		c.add(SeverityError, "title", "missing title")
	}
	c.eraIDs = c.ids("eras", len(d.Eras), func(i int) string { return d.Eras[i].ID })
	c.catIDs = c.ids("categories", len(d.Categories), func(i int) string { return d.Categories[i].ID })
	c.srcIDs = c.ids("sources", len(d.Sources), func(i int) string { return d.Sources[i].ID })
	c.ids("events", len(d.Events), func(i int) string { return d.Events[i].ID })
	if d.Scale != "" && d.Scale != ScaleCosmological && d.Scale != ScaleHuman {
		c.add(SeverityError, "scale", "%q is not a scale: TimelineJS's scales are %q and %q", d.Scale, ScaleHuman, ScaleCosmological)
	}
	if d.Language != "" {
		if _, err := language.Parse(d.Language); err != nil {
			c.add(SeverityError, "language", "%q is not a BCP 47 language tag (examples: en, fa, ar, he, zh-Hant, ja)", d.Language)
		}
	}
	if _, _, ok := c.srcIDs.find(d.Document); d.Document != "" && !ok {
		c.add(SeverityError, "document", "unknown source %q%s", d.Document, validIDs(c.srcIDs))
	}
	c.eras()
	c.categories()
	c.sources()
	c.usedEra, c.usedCat, c.usedSrc = make([]bool, len(d.Eras)), make([]bool, len(d.Categories)), make([]bool, len(d.Sources))
	for _, e := range d.Events {
		if len(e.Sources) > 0 {
			c.cites = true
			break
		}
	}
	for i, e := range d.Events {
		c.event(i, e)
	}
	c.unused()
	d.origin.Locate(c.ps)
	return c.ps
}

// checker is one run of Validate.
type checker struct {
	d                      *Dataset
	ps                     Problems
	eraIDs, catIDs, srcIDs idIndex // the index of each id's first use
	usedEra, usedCat       []bool  // by the index of the id's first use: an event uses it
	usedSrc                []bool
	cites                  bool // some event cites a source
}

func (c *checker) add(sev Severity, path, format string, args ...any) {
	c.ps = append(c.ps, Problem{File: c.d.Name(), Path: path, Severity: sev, Msg: fmt.Sprintf(format, args...)})
}

// at returns the path of a field of the i-th element of list:
// "events[3].date"; the element itself for field "".
func at(list string, i int, field string) string {
	return list + "[" + strconv.Itoa(i) + "]" + field
}

// idIndex finds the first element of a list with an id: a hash table of
// the elements' indices, an eighth of the memory of a map of the ids.
type idIndex struct {
	slots []int32 // 1 + the index of an element, or 0 for none
	id    func(int) string
	seed  maphash.Seed
}

// find returns the slot of the first element with id v and its index,
// or the empty slot where it would go and false.
func (x idIndex) find(v string) (slot, i int, ok bool) {
	mask := len(x.slots) - 1
	for slot = int(maphash.String(x.seed, v)) & mask; x.slots[slot] != 0; slot = (slot + 1) & mask {
		if i = int(x.slots[slot]) - 1; x.id(i) == v {
			return slot, i, true
		}
	}
	return slot, 0, false
}

// ids checks the ids of a list and returns their index.
func (c *checker) ids(kind string, n int, id func(int) string) idIndex {
	x := idIndex{make([]int32, 2<<bits.Len(uint(n))), id, maphash.MakeSeed()}
	for i := range n {
		v := id(i)
		slot, j, dup := x.find(v)
		if !dup {
			x.slots[slot] = int32(i + 1)
		}
		switch {
		case v == "":
			c.add(SeverityError, at(kind, i, ".id"), "missing id")
		case dup:
			c.add(SeverityError, at(kind, i, ".id"), "duplicate id %q (first used by %s[%d])", v, kind, j)
		case strings.ContainsAny(v, " \t\r\n"):
			c.add(SeverityError, at(kind, i, ".id"), "id %q contains white space", v)
		}
	}
	return x
}

func (c *checker) color(list string, i int, col string) {
	if col != "" && !ValidColor(col) {
		c.add(SeverityError, at(list, i, ".color"), "colour %q is not #rgb or #rrggbb", col)
	}
}

// date checks the date of field of the i-th element of list, built in
// code; Decode has already parsed those it read, and Load leaves out the
// problems it reported twice.
func (c *checker) date(list string, i int, field string, v Date, required bool) {
	switch {
	case v.IsZero():
		if required {
			c.add(SeverityError, at(list, i, field), "missing date")
		}
	case v.IsInterval() || v.IsOneOf():
		a, ak := v.Start()
		b, bk := v.End()
		if ak == BoundDate && bk == BoundDate && endsBefore(a, b) {
			what := "interval"
			if v.IsOneOf() {
				what = "set"
			}
			c.add(SeverityError, at(list, i, field), "%s %s ends before it starts", what, v)
		}
	}
}

func (c *checker) eras() {
	for i, e := range c.d.Eras {
		if e.Label == "" {
			c.add(SeverityError, at("eras", i, ".label"), "missing label")
		}
		c.date("eras", i, ".span", e.Span, true)
		c.color("eras", i, e.Color)
		c.text("eras", i, ".description", e.Description)
		if !e.Span.IsZero() && !e.Span.IsInterval() {
			c.add(SeverityWarning, at("eras", i, ".span"), "span %q is a single date; an era's span is usually an interval such as 1986/2003", e.Span)
		}
	}
}

func (c *checker) categories() {
	for i, cat := range c.d.Categories {
		if cat.Label == "" {
			c.add(SeverityError, at("categories", i, ".label"), "missing label")
		}
		c.color("categories", i, cat.Color)
		c.text("categories", i, ".description", cat.Description)
	}
}

func (c *checker) sources() {
	for i, s := range c.d.Sources {
		if s.Title == "" {
			c.add(SeverityError, at("sources", i, ".title"), "missing title")
		}
		c.date("sources", i, ".date", s.Date, false)
		if s.Kind != "" && !slices.Contains(SourceKinds, s.Kind) {
			c.add(SeverityError, at("sources", i, ".kind"), "unknown kind %q; use one of %s", s.Kind, input.List(SourceKinds))
		}
		if s.Footnote < 0 {
			c.add(SeverityError, at("sources", i, ".footnote"), "footnote %d is negative", s.Footnote)
		}
		switch {
		case len(s.URL) > MaxURL:
			c.add(SeverityError, at("sources", i, ".url"), "url is %d bytes long, more than the %d a URL may have; give a shorter address of the same work", len(s.URL), MaxURL)
		case s.URL != "" && !SafeURL(s.URL):
			c.add(SeverityError, at("sources", i, ".url"), "url %q is not an http or https address", s.URL)
		}
	}
}

// event checks the i-th event and records the eras, categories and
// sources it uses.
func (c *checker) event(i int, e *Event) {
	if strings.TrimSpace(e.Title) == "" {
		c.add(SeverityError, at("events", i, ".title"), "missing title")
	}
	c.date("events", i, ".date", e.Date, true)
	c.text("events", i, ".summary", e.Summary)
	if e.Era != "" {
		_, k, ok := c.eraIDs.find(e.Era)
		if ok {
			c.usedEra[k] = true
		}
		if !ok {
			c.add(SeverityError, at("events", i, ".era"), "unknown era %q%s", e.Era, validIDs(c.eraIDs))
		} else if era := c.d.Eras[k]; !era.Span.IsZero() && !e.Date.IsZero() && !e.Date.BeginsIn(era.Span) {
			c.add(SeverityWarning, at("events", i, ".date"), "%s (%s) begins outside era %q (%s)", e.Date, e.Date.Label(), e.Era, era.Span.Label())
		}
	}
	if e.Category != "" {
		_, k, ok := c.catIDs.find(e.Category)
		if ok {
			c.usedCat[k] = true
		} else {
			c.add(SeverityError, at("events", i, ".category"), "unknown category %q%s", e.Category, validIDs(c.catIDs))
		}
	}
	if !e.Status.Valid() {
		c.add(SeverityError, at("events", i, ".status"), "unknown status %q; use one of %s", e.Status, input.List(Statuses))
	} else if e.Status.Normal() != StatusEstablished && strings.TrimSpace(e.Attribution) == "" {
		c.add(SeverityWarning, at("events", i, ".attribution"), "status %q without an attribution: say who %s it", e.Status, cmp.Or(statusVerbs[e.Status], "reports"))
	}
	if len(e.Sources) == 0 && c.cites {
		// An event without a source is one; in a dataset that cites
		// elsewhere, it is more likely a source forgotten.
		c.add(SeverityWarning, at("events", i, ".sources"), "no source, where the other events cite theirs")
	}
	for j, s := range e.Sources {
		_, k, ok := c.srcIDs.find(s)
		if ok {
			c.usedSrc[k] = true
		} else {
			c.add(SeverityError, at("events", i, ".sources["+strconv.Itoa(j)+"]"), "unknown source %q%s", s, validIDs(c.srcIDs))
		}
	}
	for j, t := range e.Tags {
		if strings.TrimSpace(t) == "" {
			c.add(SeverityError, at("events", i, ".tags["+strconv.Itoa(j)+"]"), "empty tag")
		}
	}
	if e.Media != nil {
		c.media(i, e.Media)
	}
}

// text checks the links of rich text s, the value of field of the i-th
// element of list: each an http(s) address or a relative path inside the
// dataset's folder, as media addresses are.
func (c *checker) text(list string, i int, field, s string) {
	for _, l := range TextLinks(s) {
		path := at(list, i, field)
		switch {
		case len(l.URL) > MaxURL:
			c.add(SeverityError, path, "link is %d bytes long, more than the %d an address may have", len(l.URL), MaxURL)
		case !SafeMediaURL(l.URL):
			c.add(SeverityError, path, "link %q is neither an http(s) address nor a relative path to a file beside the dataset; only its text is shown", l.URL)
		}
	}
}

// unused warns of the eras, categories and sources no event uses.
func (c *checker) unused() {
	if len(c.d.Events) == 0 {
		return
	}
	for i, e := range c.d.Eras {
		if _, k, _ := c.eraIDs.find(e.ID); e.ID != "" && !c.usedEra[k] {
			c.add(SeverityWarning, at("eras", i, ""), "era %q has no events", e.ID)
		}
	}
	for i, cat := range c.d.Categories {
		if _, k, _ := c.catIDs.find(cat.ID); cat.ID != "" && !c.usedCat[k] {
			c.add(SeverityWarning, at("categories", i, ""), "category %q has no events", cat.ID)
		}
	}
	for i, s := range c.d.Sources {
		if _, k, _ := c.srcIDs.find(s.ID); s.ID != "" && !c.usedSrc[k] && s.ID != c.d.Document {
			c.add(SeverityWarning, at("sources", i, ""), "source %q is cited by no event", s.ID)
		}
	}
}

// statusVerbs are the verbs of the statuses other than reported, in the
// warning for a status without an attribution.
var statusVerbs = map[Status]string{StatusClaimed: "claims", StatusDenied: "denies", StatusAlleged: "alleges", StatusDisputed: "disputes"}

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

func validIDs(ids idIndex) string {
	var list []string
	for _, i := range ids.slots {
		if i > 0 && ids.id(int(i-1)) != "" {
			list = append(list, ids.id(int(i-1)))
		}
	}
	if len(list) == 0 {
		return " (none are defined)"
	}
	slices.Sort(list)
	if len(list) > 20 {
		list = append(list[:20], "…")
	}
	return "; valid ids: " + strings.Join(list, ", ")
}
