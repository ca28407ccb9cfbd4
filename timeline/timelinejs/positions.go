package timelinejs

import (
	"strconv"
	"strings"

	"github.com/timeline-tool/timeline/timeline/internal/input"
)

// place is a line and column of the input; the zero place is unknown.
type place = input.Place

// The values of a slide whose places a read keeps, as indices of
// slideIn.at, so that the problems timeline.Dataset.Validate finds in the
// dataset can name where the values they concern came from.
const (
	atSlide    = iota // the slide object, or the sheet row
	atStart           // start_date, or the Year cell
	atDisplay         // display_date, or the Display Date cell
	atHeadline        // text.headline, or the Headline cell
	atText            // text.text, or the Text cell
	atGroup           // group, or the Group cell
	atUniqueID        // unique_id (JSON only)
	atCredit          // media.credit, or the Media Credit cell
	atMedia           // media.url, or the Media cell
	nAt
)

// placed is where an event or era of the dataset came from: the places
// of its slide's values, and which of them its title (an era's label), id
// and display label were made from.
type placed struct {
	at                 [nAt]place
	title, id, display uint8   // indices of at; nAt when made from none
	cited              []uint8 // for each source an event cites, the index of the value citing it
}

// eraPlaced returns where an era made from slide s came from: its label
// and id from the headline when there is one.
func eraPlaced(s *slideIn) placed {
	p := placed{at: s.at, title: nAt, id: nAt, display: nAt}
	if plain(s.headline.s) != "" {
		p.title, p.id = atHeadline, atHeadline
	}
	return p
}

// eventPlaced returns where an event made from slide s came from: its
// title from the headline or else the text, its id from the unique_id or
// else where the title came from, its display label from display_date or
// else the start date, and its sources from cited.
func eventPlaced(s *slideIn, head, body htmlText, cited []uint8) placed {
	p := placed{at: s.at, title: nAt, id: nAt, display: atStart, cited: cited}
	switch {
	case head.text != "":
		p.title = atHeadline
	case body.text != "":
		p.title = atText
	}
	p.id = p.title
	if plain(s.uniqueID.s) != "" {
		p.id = atUniqueID
	}
	if s.display.set {
		p.display = atDisplay
	}
	return p
}

// slot returns the index of at that holds the value a field of an event
// (or, when era is true, of an era) of the dataset was made from, or nAt
// when there is none: "title" the headline, "era" (placed by the date)
// the start date, "sources[1]" the value citing the second source.
func (p *placed) slot(field string, era bool) uint8 {
	if era {
		switch field {
		case "id", "label":
			return p.title
		case "span":
			return atStart
		}
		return nAt
	}
	switch field {
	case "id":
		return p.id
	case "title":
		return p.title
	case "display":
		return p.display
	case "date", "era":
		return atStart
	case "summary", "status", "attribution":
		return atText
	case "category":
		return atGroup
	case "media", "media.url", "media.quote", "media.kind":
		return atMedia
	case "media.credit":
		return atCredit
	}
	if rest, ok := strings.CutPrefix(field, "sources["); ok {
		if j, err := strconv.Atoi(strings.TrimSuffix(rest, "]")); err == nil && j >= 0 && j < len(p.cited) {
			return p.cited[j]
		}
	}
	return nAt
}

// positions records where the values of a dataset read came from. Its
// position method is what the reads give timeline.Dataset.SetPositions.
type positions struct {
	title, subtitle     place    // the title slide's headline and text
	eras, events        []placed // in the order of the dataset's lists
	categories, sources []place  // the group, link or credit each was first made from
}

// position returns the line and column of the value a path of the
// dataset read was made from ("events[3].category" the group,
// "events[3]" the slide, "title" the title slide's headline), or 0, 0
// for a path with none of its own (such as "events[3].tags"), which
// timeline.Dataset.Validate then places at its enclosing path.
func (p *positions) position(path string) (line, col int) {
	var pl place
	switch path {
	case "title":
		pl = p.title
	case "subtitle":
		pl = p.subtitle
	default:
		list, n, field, ok := input.SplitPath(path)
		switch {
		case !ok:
		case list == "categories" && field == "" && n < len(p.categories):
			pl = p.categories[n]
		case list == "sources" && field == "" && n < len(p.sources):
			pl = p.sources[n]
		case list == "eras" && n < len(p.eras):
			pl = p.eras[n].place(field, true)
		case list == "events" && n < len(p.events):
			pl = p.events[n].place(field, false)
		}
	}
	return int(pl.Line), int(pl.Col)
}

// place returns the place of the slide of an event (or, when era is
// true, of an era) for the field "", else that of the value the field was
// made from; the zero place when there is none.
func (p *placed) place(field string, era bool) place {
	if field == "" {
		return p.at[atSlide]
	}
	if k := p.slot(field, era); k < nAt {
		return p.at[k]
	}
	return place{}
}

// jsonOffsets are the offsets, plus one (zero is none), of the values of
// a JSON slide that a read keeps, indexed as slideIn.at.
type jsonOffsets [nAt]int32

// jsonPlaces collects, during the walk of a TimelineJS JSON file, where
// the values of each slide are.
type jsonPlaces struct {
	lines        *input.Lines // of the file
	title        jsonOffsets
	events, eras []jsonOffsets // by index in the file's lists
}

// visit is walkJSON's visit: it records the offset of a slide object, its
// start_date, display_date, group and unique_id, its text.headline,
// text.text and media.credit.
func (j *jsonPlaces) visit(off int, stack []input.Frame) {
	var at *jsonOffsets
	var rel []input.Frame // the frames within the slide
	switch {
	case len(stack) >= 1 && stack[0].Key == "title":
		at, rel = &j.title, stack[1:]
	case len(stack) >= 2 && stack[1].Array && (stack[0].Key == "events" || stack[0].Key == "eras"):
		list := &j.events
		if stack[0].Key == "eras" {
			list = &j.eras
		}
		i := stack[1].Index // the walk stops at MaxEvents slides
		for len(*list) <= i {
			*list = append(*list, jsonOffsets{})
		}
		at, rel = &(*list)[i], stack[2:]
	default:
		return
	}
	k := nAt
	switch {
	case len(rel) == 0:
		k = atSlide
	case rel[0].Array:
	case len(rel) == 1:
		switch rel[0].Key {
		case "start_date":
			k = atStart
		case "display_date":
			k = atDisplay
		case "group":
			k = atGroup
		case "unique_id":
			k = atUniqueID
		}
	case len(rel) == 2 && !rel[1].Array:
		switch in, key := rel[0].Key, rel[1].Key; {
		case in == "text" && key == "headline":
			k = atHeadline
		case in == "text" && key == "text":
			k = atText
		case in == "media" && key == "credit":
			k = atCredit
		case in == "media" && key == "url":
			k = atMedia
		}
	}
	if k < nAt {
		at[k] = int32(off + 1)
	}
}

// resolve returns the places of the offsets o: the lines and columns
// position gives, found by a binary search of the line starts.
func (j *jsonPlaces) resolve(o *jsonOffsets) [nAt]place {
	var at [nAt]place
	for k, off := range o {
		if off > 0 {
			line, col := j.lines.Pos(int(off) - 1)
			at[k] = place{Line: int32(line), Col: int32(col)}
		}
	}
	return at
}

// set gives each slide read from a JSON list the places of its values,
// as offsets (indexed by the slide's index in the list) says.
func (j *jsonPlaces) set(slides []*slideIn, offsets []jsonOffsets) {
	for _, s := range slides {
		if s.index < len(offsets) {
			s.at = j.resolve(&offsets[s.index])
		}
	}
}
